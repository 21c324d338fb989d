// The headless command line: `taskscope run SCENARIO [--trace OUT.json] [--quiet]`, `list`,
// `--help`, `--version`. Engine + scenarios + QtCore only, so it runs on a machine with no display.

#include "commandline.h"

#include "scenarios/scenariodata.h"
#include "scenarios/scenariorun.h"
#include "scenarios/tracejson.h"

#include "engine/value.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>

#include <algorithm>
#include <optional>

#ifndef TASKSCOPE_VERSION
#define TASKSCOPE_VERSION "unknown"
#endif

namespace commandline {

namespace {

enum Exit : int {
    ExitOk = 0,         // the run ended and every expectation holds
    ExitMismatch = 1,   // an expectation does not hold, or the run did not finish
    ExitUsage = 2,      // bad usage, bad scenario, trace not written
};

// A run that has not gone idle after this many scheduler steps is treated as not finishing
// (v1 scenarios always end; this keeps a future format's mistakes from hanging a CI job).
constexpr quint64 maxSteps = 10'000'000;

const QString helpText = QStringLiteral(
    "Usage: taskscope [SCENARIO]                 open the window\n"
    "       taskscope run SCENARIO [options]     run headless and check the scenario's expect block\n"
    "       taskscope list                       list the built-in scenarios\n"
    "       taskscope --help | -h                this text\n"
    "       taskscope --version | -v             the version\n"
    "\n"
    "SCENARIO is a scenario file (.yaml, format v1) or the id of a built-in scenario.\n"
    "\n"
    "Options of run:\n"
    "  --trace OUT.json   also write the run's trace as JSON (format taskscope-trace, version 1)\n"
    "  --quiet            print nothing on standard output; problems still go to standard error\n"
    "\n"
    "Exit codes:\n"
    "  0  the run ended and every expectation holds\n"
    "  1  an expectation does not hold, or the run did not finish\n"
    "  2  bad usage, an unreadable or invalid scenario, or the trace could not be written\n"
    "\n"
    "Problems are printed as FILE:LINE:COLUMN: MESSAGE.\n");

struct RunOptions
{
    QString target;
    QString tracePath;
    bool quiet = false;
};

int usageError(QTextStream &err, const QString &message)
{
    err << "taskscope: " << message << "\nTry 'taskscope --help'.\n";
    err.flush();
    return ExitUsage;
}

// Fills `options` from the arguments after "run"; returns an exit code on a usage error.
std::optional<int> parseRunArguments(const QStringList &args, RunOptions &options, QTextStream &err)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == QLatin1String("--quiet") || arg == QLatin1String("-q")) {
            options.quiet = true;
        } else if (arg == QLatin1String("--trace")) {
            if (i + 1 >= args.size())
                return usageError(err, QStringLiteral("--trace needs a file name"));
            options.tracePath = args.at(++i);
        } else if (arg.startsWith(QLatin1String("--trace="))) {
            options.tracePath = arg.mid(8);
            if (options.tracePath.isEmpty())
                return usageError(err, QStringLiteral("--trace needs a file name"));
        } else if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            return usageError(err, QStringLiteral("unknown option '%1' for run").arg(arg));
        } else if (!options.target.isEmpty()) {
            return usageError(err, QStringLiteral("run takes one scenario, got '%1' and '%2'").arg(options.target, arg));
        } else {
            options.target = arg;
        }
    }
    if (options.target.isEmpty())
        return usageError(err, QStringLiteral("run needs a scenario file or a built-in scenario id"));
    return std::nullopt;
}

void printTasks(const scenarios::ScenarioRun &run, QTextStream &out)
{
    const engine::Runtime &rt = run.runtime();
    int width = 0;
    for (engine::TaskId id = 0; id < rt.taskCount(); ++id)
        width = std::max(width, int(rt.trace().taskName(id).size()));
    for (engine::TaskId id = 0; id < rt.taskCount(); ++id) {
        const engine::TaskState state = rt.state(id);
        QString line = QStringLiteral("  %1  %2").arg(rt.trace().taskName(id), -width).arg(QLatin1String(engine::toString(state)), -9);
        if (!engine::isFinal(state))
            line += QStringLiteral("  (still open at t=%1)").arg(rt.now());
        else
            line += QStringLiteral("  t=%1").arg(rt.endTime(id));
        if (state == engine::TaskState::Completed && rt.result(id).isValid())
            line += QStringLiteral("  ") + engine::describeValue(rt.result(id));
        else if (state == engine::TaskState::Failed)
            line += QStringLiteral("  ") + engine::Error::fromException(rt.error(id)).describe();
        out << line << '\n';
    }
}

int runScenario(const RunOptions &options, QTextStream &out, QTextStream &err)
{
    QString path = options.target;
    if (!QFileInfo::exists(path)) {
        const std::optional<scenarios::BuiltinScenario> builtin = scenarios::findBuiltin(path);
        if (!builtin) {
            err << "taskscope: '" << path << "' is neither a file nor a built-in scenario (see 'taskscope list')\n";
            err.flush();
            return ExitUsage;
        }
        path = builtin->path;
    }
    const scenarios::LoadResult loaded = scenarios::loadScenarioFile(path);
    if (!loaded.ok()) {
        for (const scenarios::Diagnostic &d : loaded.errors)
            err << d.format() << '\n';
        err.flush();
        return ExitUsage;
    }
    const scenarios::Scenario &scenario = *loaded.scenario;
    scenarios::ScenarioRun run(scenario);
    run.scheduler().runUntilIdle(maxSteps);

    const engine::Runtime &rt = run.runtime();
    const bool ended = run.finished();
    const std::vector<scenarios::Mismatch> mismatches = run.checkExpectations();
    const int expected = scenario.data().expect.count();
    if (!options.quiet) {
        out << scenario.title() << "  [" << scenario.profile();
        if (!scenario.conceptName().isEmpty())
            out << " · " << scenario.conceptName();
        out << "]  " << scenario.sourcePath() << '\n';
        out << "outcome: " << rt.trace().taskName(run.rootTask()) << ' ' << run.outcomeText();
        if (ended)
            out << " at t=" << rt.endTime(run.rootTask());
        out << '\n' << "tasks:\n";
        printTasks(run, out);
        if (expected == 0)
            out << "expect: nothing to check (the scenario has no expect block)\n";
        else if (mismatches.empty())
            out << "expect: all " << expected << " expectations hold\n";
        else
            out << "expect: " << mismatches.size() << " of " << expected << " expectations do not hold\n";
        out.flush();
    }
    for (const scenarios::Mismatch &m : mismatches)
        err << scenarios::Diagnostic{m.where, QStringLiteral("expectation not met: ") + m.message}.format() << '\n';
    if (!ended)
        err << scenario.sourcePath() << ": the run did not finish (stopped at t=" << rt.now() << ")\n";
    err.flush();

    if (!options.tracePath.isEmpty()) {
        QString problem;
        if (!scenarios::writeTraceJson(run, options.tracePath, &problem)) {
            err << "taskscope: " << problem << '\n';
            err.flush();
            return ExitUsage;
        }
        if (!options.quiet) {
            out << "trace: " << rt.trace().size() << " events written to " << options.tracePath << '\n';
            out.flush();
        }
    }
    return mismatches.empty() && ended ? ExitOk : ExitMismatch;
}

int listBuiltins(QTextStream &out)
{
    const std::vector<scenarios::BuiltinScenario> all = scenarios::builtinScenarios();
    int width = 0;
    for (const auto &b : all)
        width = std::max(width, int(b.id.size()));
    for (const auto &b : all)
        out << QStringLiteral("%1  %2  (%3)").arg(b.id, -width).arg(b.title, b.conceptName) << '\n';
    out.flush();
    return ExitOk;
}

QString version()
{
    const QString fromApp = QCoreApplication::applicationVersion();
    return fromApp.isEmpty() ? QStringLiteral(TASKSCOPE_VERSION) : fromApp;
}

} // namespace

bool isCommand(const QString &argument)
{
    static const QStringList commands{QStringLiteral("run"), QStringLiteral("list"), QStringLiteral("--help"),
                                      QStringLiteral("-h"), QStringLiteral("--version"), QStringLiteral("-v")};
    // Any other option is the command line's to reject: the window takes no options, and an
    // unknown flag must say so rather than fall through to "no display".
    return commands.contains(argument) || argument.startsWith(QLatin1Char('-'));
}

int run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (arguments.isEmpty())
        return usageError(err, QStringLiteral("no command given"));
    const QString &verb = arguments.first();
    if (verb == QLatin1String("--help") || verb == QLatin1String("-h")) {
        out << helpText;
        out.flush();
        return ExitOk;
    }
    if (verb == QLatin1String("--version") || verb == QLatin1String("-v")) {
        out << "taskscope " << version() << '\n';
        out.flush();
        return ExitOk;
    }
    if (verb == QLatin1String("list")) {
        if (arguments.size() > 1)
            return usageError(err, QStringLiteral("list takes no arguments"));
        return listBuiltins(out);
    }
    if (verb == QLatin1String("run")) {
        RunOptions options;
        if (const std::optional<int> failed = parseRunArguments(arguments.mid(1), options, err))
            return *failed;
        return runScenario(options, out, err);
    }
    return usageError(err, verb.startsWith(QLatin1Char('-')) ? QStringLiteral("unknown option '%1'").arg(verb)
                                                            : QStringLiteral("unknown command '%1'").arg(verb));
}

} // namespace commandline
