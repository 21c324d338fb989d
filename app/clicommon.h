#pragma once

// What the command-line verbs share: exit codes, usage errors, finding and loading a scenario
// named on the command line, and driving a run with a bounded number of steps.

#include "scenarios/scenario.h"

#include <QString>
#include <QStringList>

#include <optional>

class QTextStream;

namespace scenarios {
class ScenarioRun;
}

namespace commandline {

/// Exit codes. With several scenarios the worst (highest) one is returned.
enum Exit : int {
    ExitOk = 0,         // every run ended and every expectation holds
    ExitMismatch = 1,   // an expectation does not hold, nothing to check, or a run did not end
    ExitUsage = 2,      // bad usage, an unreadable or invalid scenario, a file not written
};

/// The worse of two exit codes.
inline int worse(int a, int b) { return a > b ? a : b; }

/// Prints "taskscope: MESSAGE" and the pointer to --help on `err`; returns ExitUsage.
int usageError(QTextStream &err, const QString &message);

/// Prints "taskscope: MESSAGE" on `err` (a problem that is not about the command's syntax).
void printProblem(QTextStream &err, const QString &message);

/// A scenario named on the command line: a file, or a built-in reached by its id.
struct ScenarioSource
{
    QString label;   ///< what to call it in reports: the argument as given
    QString path;    ///< the file or ":/scenarios/<id>.yaml"
};

/// Resolves `argument` to a file or a built-in. When it is neither, prints why (with the nearest
/// built-in id, if one is close) on `err` and returns nothing.
std::optional<ScenarioSource> resolveScenario(const QString &argument, QTextStream &err);

/// Loads and validates `path`; on failure prints every diagnostic (`file:line:col: message`) on
/// `err` and returns nothing.
std::optional<scenarios::Scenario> loadReporting(const QString &path, QTextStream &err);

/// Where driving a run stopped.
enum class Stop {
    Ended,        // nothing left to run
    AtUntil,      // the clock reached the `until` time with work still pending
    OutOfSteps,   // the step budget ran out (a run that does not go idle)
};

/// Runs `run` until nothing is left to do or, with `until`, until everything due at that virtual
/// time has run. Never more than maxSteps() scheduler steps, so a run that never goes idle ends.
Stop drive(scenarios::ScenarioRun &run, std::optional<engine::Tick> until = std::nullopt);

/// The step budget of drive().
quint64 maxSteps();

/// Every built-in id, sorted (for suggestions).
QStringList builtinIds();

/// "; did you mean 'x'?" when a candidate is a plausible typo of `word`, else empty.
QString didYouMean(const QString &word, const QStringList &candidates);

/// `text` quoted for a POSIX shell when it needs quoting, so that a printed command can be pasted.
QString shellQuoted(const QString &text);

/// `text` cut to `limit` characters for a terminal line, saying how long it was: a fan-out of
/// 10 000 tasks returns a list no one reads on one line (the --trace file keeps it whole).
QString elided(const QString &text, qsizetype limit = 160);

} // namespace commandline
