#include "clicommon.h"

#include "scenarios/nearestword.h"
#include "scenarios/scenariorun.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QTextStream>

namespace commandline {

namespace {

// A run that has not gone idle after this many scheduler steps is treated as not finishing
// (v1 scenarios always end; this keeps a future format's mistakes from hanging a CI job). The
// built-ins take a few dozen steps, so this is far from any real scenario.
constexpr quint64 stepBudget = 10'000'000;

} // namespace

int usageError(QTextStream &err, const QString &message)
{
    err << "taskscope: " << message << "\nTry 'taskscope --help'.\n";
    err.flush();
    return ExitUsage;
}

void printProblem(QTextStream &err, const QString &message)
{
    err << "taskscope: " << message << '\n';
    err.flush();
}

QStringList builtinIds()
{
    QStringList ids;
    for (const scenarios::BuiltinScenario &b : scenarios::builtinScenarios())
        ids << b.id;
    return ids;
}

QString didYouMean(const QString &word, const QStringList &candidates)
{
    const QString near = scenarios::nearestWord(word, candidates);
    return near.isEmpty() ? QString() : QStringLiteral("; did you mean '%1'?").arg(near);
}

std::optional<ScenarioSource> resolveScenario(const QString &argument, QTextStream &err)
{
    // A file wins over a built-in of the same name: the user can always see what they named.
    if (QFileInfo::exists(argument))
        return ScenarioSource{argument, argument};
    if (const std::optional<scenarios::BuiltinScenario> builtin = scenarios::findBuiltin(argument))
        return ScenarioSource{argument, builtin->path};
    printProblem(err, QStringLiteral("'%1' is neither a file nor a built-in scenario%2 (see 'taskscope list')")
                          .arg(argument, didYouMean(argument, builtinIds())));
    return std::nullopt;
}

std::optional<scenarios::Scenario> loadReporting(const QString &path, QTextStream &err)
{
    const scenarios::LoadResult loaded = scenarios::loadScenarioFile(path);
    if (loaded.ok())
        return loaded.scenario;
    for (const scenarios::Diagnostic &d : loaded.errors)
        err << d.format() << '\n';
    err.flush();
    return std::nullopt;
}

quint64 maxSteps()
{
    return stepBudget;
}

Stop drive(scenarios::ScenarioRun &run, std::optional<engine::Tick> until)
{
    engine::Scheduler &scheduler = run.scheduler();
    if (!until) {
        scheduler.runUntilIdle(stepBudget);
        return scheduler.idle() ? Stop::Ended : Stop::OutOfSteps;
    }
    // Scheduler::advanceTo has no step limit, so step by hand with the same rule it uses: run
    // what is ready, and timers due at or before `until`.
    quint64 taken = 0;
    while (scheduler.hasReady() || scheduler.nextDeadline() <= *until) {
        if (taken++ == stepBudget)
            return Stop::OutOfSteps;
        scheduler.step();
    }
    if (scheduler.idle())
        return Stop::Ended;
    scheduler.advanceTo(*until);   // nothing is due by then: this only moves the clock
    return Stop::AtUntil;
}

QString shellQuoted(const QString &text)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:=+-]+$"));
    if (plain.match(text).hasMatch())
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString elided(const QString &text, qsizetype limit)
{
    if (text.size() <= limit)
        return text;
    return text.left(limit) + QStringLiteral("… (%1 characters)").arg(text.size());
}

} // namespace commandline
