// `taskscope verify [FILE|DIR...]`: checks the expect block of each scenario (the built-in
// catalogue when no argument is given) and prints PASS/FAIL lines and a summary.

#include "clicommon.h"
#include "cliverbs.h"

#include "scenarios/scenariodata.h"
#include "scenarios/scenariorun.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QTextStream>

#include <algorithm>
#include <vector>

namespace commandline {

namespace {

// The *.yaml files under `dir`, recursively, sorted so that reports are reproducible.
// Symlinked directories are not followed (no cycles); hidden ones (.git) are skipped.
QStringList scenarioFilesUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, {QStringLiteral("*.yaml")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    std::sort(files.begin(), files.end());
    return files;
}

// Turns the arguments into the scenarios to check; a name that is neither a file, a directory
// with scenarios nor a built-in is a usage error, reported before anything runs.
std::optional<int> collectSources(const QStringList &args, std::vector<ScenarioSource> &sources, QTextStream &err)
{
    if (args.isEmpty()) {
        for (const scenarios::BuiltinScenario &b : scenarios::builtinScenarios())
            sources.push_back({b.id, b.path});
        return std::nullopt;
    }
    bool optionsEnded = false;
    for (const QString &arg : args) {
        if (!optionsEnded && arg == QLatin1String("--")) {
            optionsEnded = true;
        } else if (!optionsEnded && arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            return usageError(err, QStringLiteral("unknown option '%1' for verify").arg(arg));
        } else if (QFileInfo(arg).isDir()) {
            const QStringList files = scenarioFilesUnder(QDir::cleanPath(arg));
            if (files.isEmpty())
                return usageError(err, QStringLiteral("no *.yaml files in the directory '%1'").arg(arg));
            for (const QString &file : files)
                sources.push_back({file, file});
        } else if (const std::optional<ScenarioSource> source = resolveScenario(arg, err)) {
            sources.push_back(*source);
        } else {
            return ExitUsage;   // resolveScenario said why
        }
    }
    return std::nullopt;
}

// Checks one scenario; prints its PASS/FAIL line and, after a FAIL, why (indented).
int verifyOne(const ScenarioSource &source, QTextStream &out, QTextStream &err)
{
    const auto fail = [&](const QStringList &reasons) {
        out << "FAIL " << source.label << '\n';
        for (const QString &reason : reasons)
            out << "  " << reason << '\n';
        out.flush();
    };
    const scenarios::LoadResult loaded = scenarios::loadScenarioFile(source.path);
    if (!loaded.ok()) {
        const size_t problems = loaded.errors.size();
        fail({QStringLiteral("invalid scenario: %1 %2 (printed on standard error)")
                  .arg(problems)
                  .arg(problems == 1 ? QStringLiteral("problem") : QStringLiteral("problems"))});
        for (const scenarios::Diagnostic &d : loaded.errors)
            err << d.format() << '\n';
        err.flush();
        return ExitUsage;
    }
    const scenarios::Scenario &scenario = *loaded.scenario;
    // Without expectations a PASS would say nothing, and a CI job would never notice.
    if (scenario.data().expect.isEmpty()) {
        fail({QStringLiteral("no expectations to check: the scenario has no expect block")});
        return ExitMismatch;
    }
    scenarios::ScenarioRun run(scenario);
    const Stop stop = drive(run);
    if (!run.finished()) {
        const QString root = run.trace().taskName(run.rootTask());
        fail({stop == Stop::OutOfSteps
                  ? QStringLiteral("the run did not finish: still busy after %1 steps (t=%2)").arg(maxSteps()).arg(run.runtime().now())
                  : QStringLiteral("the run did not finish: nothing is left to run but %1 has not ended (t=%2)").arg(root).arg(run.runtime().now())});
        return ExitMismatch;
    }
    const std::vector<scenarios::Mismatch> mismatches = run.checkExpectations();
    if (mismatches.empty()) {
        out << "PASS " << source.label << '\n';
        out.flush();
        return ExitOk;
    }
    QStringList reasons;
    for (const scenarios::Mismatch &m : mismatches)
        reasons << scenarios::Diagnostic{m.where, QStringLiteral("expectation not met: ") + m.message}.format();
    fail(reasons);
    return ExitMismatch;
}

} // namespace

int verifyVerb(const QStringList &args, QTextStream &out, QTextStream &err)
{
    std::vector<ScenarioSource> sources;
    if (const std::optional<int> failed = collectSources(args, sources, err))
        return *failed;
    int code = ExitOk;
    int passed = 0;
    int failedCount = 0;
    for (const ScenarioSource &source : sources) {
        const int result = verifyOne(source, out, err);
        (result == ExitOk ? passed : failedCount) += 1;
        code = worse(code, result);
    }
    out << passed << " passed, " << failedCount << " failed\n";
    out.flush();
    return code;
}

} // namespace commandline
