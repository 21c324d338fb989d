// `taskscope run FILE... [--until T] [--trace OUT.json] [--quiet]`: runs each scenario headless,
// prints its outcome and a one-line-per-task timeline, and checks its expect block.

#include "clicommon.h"
#include "clitimeline.h"
#include "cliverbs.h"

#include "scenarios/scenariodata.h"
#include "scenarios/scenariorun.h"
#include "scenarios/tracejson.h"

#include <QTextStream>

#include <vector>

namespace commandline {

namespace {

struct RunOptions
{
    QStringList targets;
    QString tracePath;
    std::optional<engine::Tick> until;
    bool quiet = false;
};

// Reads the value of `--name VALUE` or `--name=VALUE` at args[i] (advancing i past it).
std::optional<QString> optionValue(const QStringList &args, qsizetype &i, const QString &name)
{
    const QString &arg = args.at(i);
    if (arg == name)
        return i + 1 < args.size() ? std::optional<QString>(args.at(++i)) : std::nullopt;
    return arg.mid(name.size() + 1);
}

bool isOption(const QString &arg, const QString &name)
{
    return arg == name || arg.startsWith(name + QLatin1Char('='));
}

// Fills `options` from the arguments after "run"; returns an exit code on a usage error.
std::optional<int> parseRunArguments(const QStringList &args, RunOptions &options, QTextStream &err)
{
    const QString trace = QStringLiteral("--trace");
    const QString until = QStringLiteral("--until");
    bool optionsEnded = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (optionsEnded || !arg.startsWith(QLatin1Char('-')) || arg.size() == 1) {
            options.targets << arg;
        } else if (arg == QLatin1String("--")) {
            optionsEnded = true;
        } else if (arg == QLatin1String("--quiet") || arg == QLatin1String("-q")) {
            options.quiet = true;
        } else if (isOption(arg, trace)) {
            const std::optional<QString> value = optionValue(args, i, trace);
            if (!value || value->isEmpty())
                return usageError(err, QStringLiteral("--trace needs a file name"));
            options.tracePath = *value;
        } else if (isOption(arg, until)) {
            const std::optional<QString> value = optionValue(args, i, until);
            if (!value || value->isEmpty())
                return usageError(err, QStringLiteral("--until needs a time, e.g. 250, 250ms or 2s"));
            QString problem;
            options.until = scenarios::parseDurationText(*value, &problem);
            if (!options.until)
                return usageError(err, QStringLiteral("--until: ") + problem);
        } else {
            const QString hint = didYouMean(arg.section(QLatin1Char('='), 0, 0), {trace, until, QStringLiteral("--quiet")});
            return usageError(err, QStringLiteral("unknown option '%1' for run%2").arg(arg, hint));
        }
    }
    if (options.targets.isEmpty())
        return usageError(err, QStringLiteral("run needs a scenario file or a built-in scenario id"));
    // One trace file holds one run; a rule for naming several would be a guess.
    if (!options.tracePath.isEmpty() && options.targets.size() > 1)
        return usageError(err, QStringLiteral("--trace writes one run: give one scenario, not %1").arg(options.targets.size()));
    return std::nullopt;
}

void printHeader(const scenarios::Scenario &scenario, QTextStream &out)
{
    out << scenario.title() << "  [" << scenario.profile();
    if (!scenario.conceptName().isEmpty())
        out << " · " << scenario.conceptName();
    out << "]  " << scenario.sourcePath() << '\n';
}

int runOne(const QString &target, const RunOptions &options, QTextStream &out, QTextStream &err)
{
    const std::optional<ScenarioSource> source = resolveScenario(target, err);
    if (!source)
        return ExitUsage;
    const std::optional<scenarios::Scenario> scenario = loadReporting(source->path, err);
    if (!scenario)
        return ExitUsage;
    scenarios::ScenarioRun run(*scenario);
    const Stop stop = drive(run, options.until);

    const engine::Runtime &rt = run.runtime();
    const QString rootName = rt.trace().taskName(run.rootTask());
    const bool ended = run.finished();
    const std::vector<scenarios::Mismatch> mismatches = ended ? run.checkExpectations() : std::vector<scenarios::Mismatch>{};
    const int expected = scenario->data().expect.count();
    if (!options.quiet) {
        printHeader(*scenario, out);
        out << "outcome: " << rootName << ' ' << elided(run.outcomeText());
        if (ended)
            out << " at t=" << run.outcome().end;
        out << "\ntasks:\n";
        printTimeline(rt, out);
        if (stop == Stop::AtUntil && !ended)
            out << "expect: not checked: the run was stopped by --until at t=" << rt.now() << " before it ended\n";
        else if (!ended)
            out << "expect: not checked: the run did not finish\n";
        else if (expected == 0)
            out << "expect: nothing to check (the scenario has no expect block)\n";
        else if (mismatches.empty())
            out << "expect: " << (expected == 1 ? QStringLiteral("the one expectation holds")
                                                : QStringLiteral("all %1 expectations hold").arg(expected)) << '\n';
        else
            out << "expect: " << mismatches.size() << " of " << expected << " expectations "
                << (mismatches.size() == 1 ? "does" : "do") << " not hold\n";
        out.flush();
    }
    for (const scenarios::Mismatch &m : mismatches)
        err << scenarios::Diagnostic{m.where, QStringLiteral("expectation not met: ") + m.message}.format() << '\n';
    // Stopping at --until was asked for; any other unfinished run is a problem worth stderr.
    if (stop == Stop::OutOfSteps)
        err << scenario->sourcePath() << ": the run did not finish: still busy after " << maxSteps()
            << " steps (stopped at t=" << rt.now() << ")\n";
    else if (!ended && stop == Stop::Ended)
        err << scenario->sourcePath() << ": the run did not finish: nothing is left to run but " << rootName
            << " has not ended (t=" << rt.now() << ")\n";
    err.flush();

    if (!options.tracePath.isEmpty()) {
        QString problem;
        if (!scenarios::writeTraceJson(run, options.tracePath, &problem)) {
            printProblem(err, problem);
            return ExitUsage;
        }
        if (!options.quiet) {
            out << "trace: " << rt.trace().size() << " events written to " << options.tracePath << '\n';
            out.flush();
        }
    }
    return mismatches.empty() && ended ? ExitOk : ExitMismatch;
}

} // namespace

int runVerb(const QStringList &args, QTextStream &out, QTextStream &err)
{
    RunOptions options;
    if (const std::optional<int> failed = parseRunArguments(args, options, err))
        return *failed;
    const bool several = options.targets.size() > 1;
    int code = ExitOk;
    for (qsizetype i = 0; i < options.targets.size(); ++i) {
        const QString &target = options.targets.at(i);
        if (several && !options.quiet) {
            out << (i > 0 ? "\n" : "") << "==> " << target << " <==\n";
            out.flush();
        }
        code = worse(code, runOne(target, options, out, err));
    }
    return code;
}

} // namespace commandline
