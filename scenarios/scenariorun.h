#pragma once

#include "scenario.h"

#include "engine/runtime.h"

#include <memory>

namespace scenarios {

/// The profile names a scenario may choose (every library: "asyncgui", "trio", "asyncio", "haiway" …).
QStringList profileNames();
/// The engine profile called `name` (asyncgui when unknown; the parser rejects unknown names).
engine::Profile profileFor(const QString &name);
/// The scenario's profile: its library's, with the ties/propagation/start it overrides.
engine::Profile profileFor(const ScenarioData &data);

/// One expectation of the scenario's `expect` block that did not hold.
struct Mismatch
{
    SourceLocation where;   ///< the expectation in the file
    QString message;        ///< e.g. "task B: expected cancelled at t=1, got completed at t=2"
};

/// How the scenario's root ended, as the outcome line and `expect: result/error` read it: the root
/// task's ending, or for an `asyncio.runner` root what its last run() call returned or raised (a
/// call interrupted by Ctrl-C raises KeyboardInterrupt while its task ends cancelled; a Ctrl-C in
/// close() makes the with-block raise KeyboardInterrupt after the last call returned).
struct RootOutcome
{
    engine::TaskId task = engine::NoId;                      ///< the root task (a runner: the call's)
    engine::TaskState state = engine::TaskState::Created;   ///< not final: still running
    engine::Value value;                                     ///< Completed
    std::exception_ptr error;                                ///< Failed
    engine::Tick end = -1;                                   ///< when it ended (a runner: when run() or close() came back)
};

class RunnerProgram;

/// A scenario running on its own engine runtime (created with the scenario's profile). The root
/// task is spawned by the constructor; nothing else runs until the owner steps the scheduler.
/// It never paints and never reads wall time: the app and the command line both drive it. An
/// `asyncio.runner` root has no root task: the constructor starts its first run() call, the
/// following calls and the runner's close start as the steps reach them (RunnerProgram).
class ScenarioRun
{
public:
    explicit ScenarioRun(const Scenario &scenario);
    ~ScenarioRun();

    const Scenario &scenario() const { return m_scenario; }
    engine::Runtime &runtime() { return *m_runtime; }
    const engine::Runtime &runtime() const { return *m_runtime; }
    engine::Scheduler &scheduler() { return m_runtime->scheduler(); }
    const engine::Trace &trace() const { return m_runtime->trace(); }
    /// The root task; for an asyncio.runner root, the task of the run() call running now (or of
    /// the last one that ran).
    engine::TaskId rootTask() const;

    /// The root task ended (a runner: its with-block is over) and nothing is left to run.
    bool finished() const;
    /// How the root ended so far.
    RootOutcome outcome() const;
    /// "returned [1, 2]" / "raised ValueError('x')" / "cancelled" / "still running at t=5".
    QString outcomeText() const;
    /// The expectations that do not hold (empty when all hold; meaningful once finished()).
    std::vector<Mismatch> checkExpectations() const;

private:
    Scenario m_scenario;
    std::unique_ptr<engine::Runtime> m_runtime;
    // After the runtime, so that it goes first: it holds a step hook and timers on the scheduler.
    std::unique_ptr<RunnerProgram> m_program;
    engine::TaskId m_root = engine::NoId;
};

} // namespace scenarios
