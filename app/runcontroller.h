#pragma once

#include "engine/clockdriver.h"
#include "engine/types.h"
#include "scenarios/scenario.h"

#include <QObject>

#include <memory>
#include <optional>

namespace scenarios {
class ScenarioRun;
}

/// Owns the run on screen: a scenario's engine runtime and the clock driver that plays it. The
/// only object that steps the scheduler; views read the run and ask this one to move it.
class RunController : public QObject
{
    Q_OBJECT

public:
    /// runToEnd() gives up after this many steps (a scenario that never settles).
    static constexpr quint64 MaxSteps = 1'000'000;

    explicit RunController(QObject *parent = nullptr);
    ~RunController() override;

    /// Starts a fresh run of `scenario` at t=0 (paused).
    void load(const scenarios::Scenario &scenario);
    bool hasRun() const { return m_run != nullptr; }
    /// The run, or nullptr; replaced by load() and reset() (runReplaced()).
    const scenarios::ScenarioRun *run() const { return m_run.get(); }
    const std::optional<scenarios::Scenario> &scenario() const { return m_scenario; }

    engine::Tick now() const;
    /// The root task ended and nothing is left to run.
    bool finished() const;
    /// Nothing is left to run (finished, or stuck waiting on something that never comes).
    bool idle() const;
    bool playing() const { return m_driver.isPlaying(); }
    /// Scheduler steps since the run started.
    quint64 steps() const;
    engine::ClockDriver &driver() { return m_driver; }

public slots:
    void stepEvent();
    void stepInstant();
    void runToEnd();
    void play();
    void pause();
    void togglePlay();
    /// Recreates the run from the same scenario; runs are deterministic, so this is "rewind to 0".
    void reset();

signals:
    /// The run moved (or was replaced); views re-read it.
    void runChanged();
    /// A different run object is shown (load or reset): views must drop what they derived from
    /// the previous one. Followed by runChanged().
    void runReplaced();
    void playingChanged(bool playing);
    /// A scenario could not be started (the message is for people).
    void runFailed(const QString &message);

private:
    void replaceRun(std::unique_ptr<scenarios::ScenarioRun> run);

    std::optional<scenarios::Scenario> m_scenario;
    std::unique_ptr<scenarios::ScenarioRun> m_run;
    engine::ClockDriver m_driver;
};
