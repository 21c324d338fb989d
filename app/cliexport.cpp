// `taskscope export SCENARIO|TRACE.json --format F [--at T] [--range A..B] [--size WxH] [--dpi N]
// -o OUT`: runs a scenario (or reads a recorded Taskscope trace) and writes it in one format.
// The trace formats are built in; figure formats are registered by the executable.

#include "clicommon.h"
#include "cliverbs.h"
#include "exportrequest.h"

#include "scenarios/atomicfile.h"
#include "scenarios/chrometrace.h"
#include "scenarios/recordedrun.h"
#include "scenarios/scenariorun.h"
#include "scenarios/tracejson.h"

#include <QRegularExpression>
#include <QTextStream>

#include <algorithm>
#include <map>

namespace commandline {

namespace {

struct Format
{
    QString summary;
    ExportWriter writer;
};

std::map<QString, Format> &registry()
{
    static std::map<QString, Format> formats;
    return formats;
}

struct ExportOptions
{
    QString input;
    QString format;
    QString output;
    std::optional<engine::Tick> at;
    std::optional<engine::Tick> rangeBegin, rangeEnd;
    QSize size;
    int dpi = 0;
};

std::optional<engine::Tick> duration(const QString &text, const QString &option, QString *problem)
{
    QString why;
    const std::optional<engine::Tick> t = scenarios::parseDurationText(text, &why);
    if (!t)
        *problem = QStringLiteral("%1: %2").arg(option, why);
    return t;
}

// Fills `o` from the arguments after "export"; returns a problem sentence on a usage error.
QString parseExportArguments(const QStringList &args, ExportOptions &o)
{
    const QStringList names{QStringLiteral("--format"), QStringLiteral("--at"), QStringLiteral("--range"),
                            QStringLiteral("--size"), QStringLiteral("--dpi"), QStringLiteral("-o")};
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (!arg.startsWith(QLatin1Char('-')) || arg.size() == 1) {
            if (!o.input.isEmpty())
                return QStringLiteral("export takes one scenario or trace, not '%1' too").arg(arg);
            o.input = arg;
            continue;
        }
        const QString name = arg.section(QLatin1Char('='), 0, 0);
        if (!names.contains(name))
            return QStringLiteral("unknown option '%1' for export%2").arg(arg, didYouMean(name, names));
        QString value;
        if (arg.contains(QLatin1Char('=')))
            value = arg.section(QLatin1Char('='), 1);
        else if (i + 1 < args.size())
            value = args.at(++i);
        if (value.isEmpty())
            return QStringLiteral("%1 needs a value").arg(name);
        QString problem;
        if (name == QLatin1String("--format")) {
            o.format = value.toLower();
        } else if (name == QLatin1String("-o")) {
            o.output = value;
        } else if (name == QLatin1String("--at")) {
            if (!(o.at = duration(value, name, &problem)))
                return problem;
        } else if (name == QLatin1String("--range")) {
            const QStringList ends = value.split(QStringLiteral(".."));
            if (ends.size() != 2)
                return QStringLiteral("--range needs A..B, e.g. 0..2s");
            if (!(o.rangeBegin = duration(ends.at(0), name, &problem)) || !(o.rangeEnd = duration(ends.at(1), name, &problem)))
                return problem;
            if (*o.rangeEnd <= *o.rangeBegin)
                return QStringLiteral("--range %1: the end must come after the start").arg(value);
        } else if (name == QLatin1String("--size")) {
            // A width alone leaves the height to the format (a figure's fits its lanes).
            static const QRegularExpression wxh(QStringLiteral("^(\\d{1,5})(?:[xX](\\d{1,5}))?$"));
            const QRegularExpressionMatch m = wxh.match(value);
            const bool widthOnly = m.hasMatch() && m.captured(2).isEmpty();
            if (!m.hasMatch() || m.captured(1).toInt() < 16 || (!widthOnly && m.captured(2).toInt() < 16))
                return QStringLiteral("--size needs WIDTHxHEIGHT or WIDTH in pixels, each at least 16, e.g. 1600x900");
            o.size = QSize(m.captured(1).toInt(), widthOnly ? 0 : m.captured(2).toInt());
        } else if (name == QLatin1String("--dpi")) {
            bool ok = false;
            o.dpi = value.toInt(&ok);
            if (!ok || o.dpi < 30 || o.dpi > 2400)
                return QStringLiteral("--dpi needs a number from 30 to 2400");
        }
    }
    if (o.input.isEmpty())
        return QStringLiteral("export needs a scenario (file or built-in id) or a Taskscope trace (.json)");
    if (o.format.isEmpty())
        return QStringLiteral("export needs --format (%1)").arg(exportFormats().join(QLatin1Char('|')));
    if (!registry().count(o.format))
        return QStringLiteral("unknown format '%1'; formats: %2%3").arg(o.format, exportFormats().join(QStringLiteral(", ")),
                                                                        didYouMean(o.format, exportFormats()));
    if (o.output.isEmpty())
        return QStringLiteral("export needs -o OUT, the file to write");
    return {};
}

// The recording's root task (the first without a parent) has ended within `trace`.
bool rootEnded(const engine::Trace &trace)
{
    const auto &tasks = trace.tasks();
    const auto root = std::find_if(tasks.begin(), tasks.end(), [](const engine::TraceTask &t) { return t.parent == engine::NoId; });
    if (root == tasks.end())
        return false;
    const engine::TaskId id = engine::TaskId(root - tasks.begin());
    return std::any_of(trace.events().begin(), trace.events().end(), [id](const engine::TraceEvent &e) {
        return e.task == id
            && (e.kind == engine::EventKind::Completed || e.kind == engine::EventKind::Failed || e.kind == engine::EventKind::Cancelled);
    });
}

bool writeJson(const QJsonDocument &doc, const QString &path, QString *error)
{
    return scenarios::writeFileAtomically(path, doc.toJson(QJsonDocument::Indented), error);
}

// The writers that need no painting.
void registerBuiltinFormats()
{
    if (registry().count(QStringLiteral("perfetto")))
        return;
    registerExportFormat(QStringLiteral("perfetto"), QStringLiteral("Chrome/Perfetto trace JSON (ui.perfetto.dev, chrome://tracing)"),
                         [](const ExportRequest &r, QString *error) {
                             return writeJson(scenarios::chromeTraceJson(*r.trace, r.now, r.title), r.output, error);
                         });
    registerExportFormat(QStringLiteral("trace"), QStringLiteral("Taskscope trace JSON: reopens in the app without re-running"),
                         [](const ExportRequest &r, QString *error) {
                             if (!r.run) {
                                 *error = QStringLiteral("the input is a Taskscope trace already: copy the file instead");
                                 return false;
                             }
                             return scenarios::writeTraceJson(*r.run, r.output, error);
                         });
}

} // namespace

void registerExportFormat(const QString &format, const QString &summary, ExportWriter writer)
{
    registry()[format] = Format{summary, std::move(writer)};
}

QStringList exportFormats()
{
    registerBuiltinFormats();
    QStringList names;
    for (const auto &[name, format] : registry())
        names << name;
    return names;
}

QString exportFormatSummary(const QString &format)
{
    registerBuiltinFormats();
    const auto it = registry().find(format);
    return it == registry().end() ? QString() : it->second.summary;
}

bool writeExport(const QString &format, const ExportRequest &request, QString *error)
{
    registerBuiltinFormats();
    const auto it = registry().find(format);
    if (it == registry().end()) {
        *error = QStringLiteral("unknown format '%1'; formats: %2").arg(format, exportFormats().join(QStringLiteral(", ")));
        return false;
    }
    QString problem;
    if (it->second.writer(request, &problem))
        return true;
    *error = problem.isEmpty() ? QStringLiteral("cannot write '%1'").arg(request.output) : problem;
    return false;
}

int exportVerb(const QStringList &args, QTextStream &out, QTextStream &err)
{
    registerBuiltinFormats();
    ExportOptions o;
    if (const QString problem = parseExportArguments(args, o); !problem.isEmpty())
        return usageError(err, problem);

    ExportRequest request;
    request.rangeBegin = o.rangeBegin;
    request.rangeEnd = o.rangeEnd;
    request.size = o.size;
    request.dpi = o.dpi;
    request.output = o.output;

    std::optional<scenarios::RecordedRun> recorded;
    std::shared_ptr<const engine::Trace> prefix;
    std::unique_ptr<scenarios::ScenarioRun> run;
    if (o.input.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
        QString problem;
        recorded = scenarios::loadRecordedRun(o.input, &problem);
        if (!recorded) {
            printProblem(err, problem);
            return ExitUsage;
        }
        request.title = recorded->title;
        request.scenario = recorded->scenario ? &*recorded->scenario : nullptr;
        request.sourcePath = recorded->path;
        request.outcome = recorded->outcome;
        request.now = recorded->now;
        request.trace = recorded->trace.get();
        if (o.at && *o.at < recorded->now) {
            prefix = scenarios::tracePrefix(*recorded->trace, *o.at);
            request.trace = prefix.get();
            request.now = *o.at;
            if (!rootEnded(*prefix))
                request.outcome = QStringLiteral("still running at t=%1").arg(*o.at);   // as a live run says it
        }
    } else {
        const std::optional<ScenarioSource> source = resolveScenario(o.input, err);
        if (!source)
            return ExitUsage;
        const std::optional<scenarios::Scenario> scenario = loadReporting(source->path, err);
        if (!scenario)
            return ExitUsage;
        run = std::make_unique<scenarios::ScenarioRun>(*scenario);
        if (drive(*run, o.at) == Stop::OutOfSteps)
            err << scenario->sourcePath() << ": the run did not finish after " << maxSteps()
                << " steps; exporting it as it stands at t=" << run->runtime().now() << '\n';
        request.title = scenario->title();
        request.scenario = &run->scenario();
        request.sourcePath = scenario->sourcePath();
        request.outcome = run->outcomeText();
        request.now = run->runtime().now();
        request.trace = &run->trace();
        request.run = run.get();
    }

    QString written = o.output;
    request.written = &written;
    if (QString problem; !writeExport(o.format, request, &problem)) {
        printProblem(err, problem);
        return ExitUsage;
    }
    out << o.format << ": " << request.trace->size() << " events at t=" << request.now << " written to " << written << '\n';
    return ExitOk;
}

} // namespace commandline
