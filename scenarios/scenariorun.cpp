#include "scenariorun.h"

#include "expectations.h"
#include "helperspec.h"
#include "interpreter.h"
#include "runenv.h"
#include "runnerprogram.h"
#include "scenariodata.h"

#include "engine/value.h"

namespace scenarios {

QStringList profileNames()
{
    return engine::Profile::names();
}

engine::Profile profileFor(const QString &name)
{
    return engine::Profile::byName(name).value_or(engine::Profile::asyncgui());
}

engine::Profile profileFor(const ScenarioData &data)
{
    engine::Profile profile = profileFor(data.profile);
    if (data.ties) {
        profile.ties = *data.ties;
        profile.seed = data.seed;
    }
    if (data.propagation)
        profile.propagation = *data.propagation;
    if (data.start)
        profile.start = *data.start;
    return profile;
}

ScenarioRun::ScenarioRun(const Scenario &scenario)
    : m_scenario(scenario)
    , m_runtime(std::make_unique<engine::Runtime>(profileFor(scenario.data())))
{
    m_runtime->extension<RunEnv>().init(*m_runtime, scenario.data().resources);
    const std::shared_ptr<const Node> &root = scenario.data().root;
    if (root && root->helper && root->helper->drivesLoop)
        m_program = std::make_unique<RunnerProgram>(*m_runtime, root);
    else if (root)   // the root node's name is the root task's name ("main" unless the scenario names it)
        m_root = m_runtime->spawn(engine::NoId, root->name, bodyFor(root));
}

// The runner goes first and never drives on its way out (no nested stepping in a destructor);
// then the runtime's destructor resumes any frame still suspended with Cancelled (never destroys
// one).
ScenarioRun::~ScenarioRun()
{
    m_program.reset();
}

engine::TaskId ScenarioRun::rootTask() const
{
    return m_program ? m_program->currentTask() : m_root;
}

bool ScenarioRun::finished() const
{
    if (m_program)
        return m_program->finished() && m_runtime->scheduler().idle();
    return m_root == engine::NoId || (engine::isFinal(m_runtime->state(m_root)) && m_runtime->scheduler().idle());
}

RootOutcome ScenarioRun::outcome() const
{
    RootOutcome out;
    out.task = rootTask();
    if (out.task == engine::NoId)
        return out;
    const engine::Runtime &rt = *m_runtime;
    out.state = rt.state(out.task);
    if (m_program) {
        using End = engine::asyncio::RunnerCall::End;
        const engine::asyncio::Runner &runner = m_program->runner();
        const engine::asyncio::RunnerCall &call = runner.calls().back();
        if (runner.closeError()) {
            out.state = engine::TaskState::Failed;
            out.error = runner.closeError();
            out.end = runner.closeErrorTime();
        } else if (call.end == End::Returned) {
            out.state = engine::TaskState::Completed;
            out.value = call.value;
            out.end = call.endTime;
        } else if (call.end == End::Raised) {
            out.state = engine::isCancelled(call.error) ? engine::TaskState::Cancelled : engine::TaskState::Failed;
            out.error = call.error;
            out.end = call.endTime;
        }
        return out;
    }
    out.end = rt.endTime(out.task);
    if (out.state == engine::TaskState::Completed)
        out.value = rt.result(out.task);
    else if (out.state == engine::TaskState::Failed)
        out.error = rt.error(out.task);
    return out;
}

QString ScenarioRun::outcomeText() const
{
    const RootOutcome o = outcome();
    if (o.task == engine::NoId)
        return QStringLiteral("nothing to run");
    switch (o.state) {
    case engine::TaskState::Completed:
        return QStringLiteral("returned ") + engine::describeValue(o.value);
    case engine::TaskState::Failed:
        return QStringLiteral("raised ") + engine::Error::fromException(o.error).describe();
    case engine::TaskState::Cancelled:
        return QStringLiteral("cancelled");
    default:
        return QStringLiteral("still running at t=%1").arg(m_runtime->now());
    }
}

std::vector<Mismatch> ScenarioRun::checkExpectations() const
{
    return scenarios::checkExpectations(m_scenario.data().expect, *m_runtime, outcome());
}

} // namespace scenarios
