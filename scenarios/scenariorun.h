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

/// A scenario running on its own engine runtime (created with the scenario's profile). The root
/// task is spawned by the constructor; nothing else runs until the owner steps the scheduler.
/// It never paints and never reads wall time: the app and the command line both drive it.
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
    engine::TaskId rootTask() const { return m_root; }

    /// The root task ended and nothing is left to run.
    bool finished() const;
    /// "returned [1, 2]" / "raised ValueError('x')" / "cancelled" / "still running at t=5".
    QString outcomeText() const;
    /// The expectations that do not hold (empty when all hold; meaningful once finished()).
    std::vector<Mismatch> checkExpectations() const;

private:
    Scenario m_scenario;
    std::unique_ptr<engine::Runtime> m_runtime;
    engine::TaskId m_root = engine::NoId;
};

} // namespace scenarios
