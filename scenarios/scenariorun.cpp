#include "scenariorun.h"

#include "expectations.h"
#include "interpreter.h"
#include "runenv.h"
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
    // The root node's name is the root task's name ("main" unless the scenario names it).
    if (const std::shared_ptr<const Node> &root = scenario.data().root)
        m_root = m_runtime->spawn(engine::NoId, root->name, bodyFor(root));
}

// The runtime's destructor resumes any frame still suspended with Cancelled (never destroys one).
ScenarioRun::~ScenarioRun() = default;

bool ScenarioRun::finished() const
{
    return m_root == engine::NoId || (engine::isFinal(m_runtime->state(m_root)) && m_runtime->scheduler().idle());
}

QString ScenarioRun::outcomeText() const
{
    if (m_root == engine::NoId)
        return QStringLiteral("nothing to run");
    switch (m_runtime->state(m_root)) {
    case engine::TaskState::Completed:
        return QStringLiteral("returned ") + engine::describeValue(m_runtime->result(m_root));
    case engine::TaskState::Failed:
        return QStringLiteral("raised ") + engine::Error::fromException(m_runtime->error(m_root)).describe();
    case engine::TaskState::Cancelled:
        return QStringLiteral("cancelled");
    default:
        return QStringLiteral("still running at t=%1").arg(m_runtime->now());
    }
}

std::vector<Mismatch> ScenarioRun::checkExpectations() const
{
    return scenarios::checkExpectations(m_scenario.data().expect, *m_runtime, m_root);
}

} // namespace scenarios
