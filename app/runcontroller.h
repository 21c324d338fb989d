#pragma once

#include "engine/clockdriver.h"
#include "engine/steptable.h"
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
///
/// A run position is a scheduler step count plus the clock (which "advance by" and "run to" may
/// move past the last event). Runs are deterministic, so going back is a replay: a fresh run
/// of the same scenario stepped to the wanted count; going forward again steps that run on.
/// load() also runs the scenario once ahead, to the end or the step limit, to learn the whole
/// run's step table (the time and trace size after every step) for seeking and the scrubber.
class RunController : public QObject
{
    Q_OBJECT

public:
    /// The look-ahead, and each forward verb, give up after this many steps (a run that never ends).
    static constexpr quint64 MaxSteps = 1'000'000;

    explicit RunController(QObject *parent = nullptr);
    ~RunController() override;

    /// Looks the run of `scenario` ahead, then starts a fresh run of it at t=0 (paused).
    void load(const scenarios::Scenario &scenario);
    bool hasRun() const { return m_run != nullptr; }
    /// The run, or nullptr; replaced by load(), reset() and every step back (runReplaced()).
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
    /// There is an earlier position to go back to (a step taken or the clock moved).
    bool canStepBack() const;
    engine::ClockDriver &driver() { return m_driver; }

    /// The whole run as far as known: from the look-ahead, extended when live steps pass its end.
    const engine::StepTable &stepTable() const { return m_table; }
    /// The look-ahead limit and each forward verb's (MaxSteps unless lowered, e.g. by tests);
    /// takes effect at the next load().
    void setStepLimit(quint64 limit);
    quint64 stepLimit() const { return m_stepLimit; }

public slots:
    void stepEvent();
    /// Everything left at this instant, or (when nothing is ready) all of the next instant.
    void stepInstant();
    /// Runs everything due within `d` ticks; the clock then reads now() + d.
    void advanceBy(engine::Tick d);
    void runToEnd();
    void play();
    void pause();
    void togglePlay();
    void setSpeed(double ticksPerSecond);
    /// Back to t=0 on a fresh run of the same scenario.
    void reset();

    /// Undoes one step. When the clock was moved past the last event (advance by), it first goes
    /// back to that event's moment.
    void stepBackEvent();
    /// Goes to the end of the previous instant: the last step before now() (t=0 at the start).
    void stepBackInstant();
    /// The state right after `step` scheduler steps; the clock reads that step's time.
    void seekToStep(quint64 step);
    /// The state right after the first step whose trace holds `event`.
    void seekToEvent(engine::EventId event);
    /// The state at the end of instant `t`: every step whose time is ≤ t has run, none later,
    /// and the clock reads t (as Scheduler::advanceTo(t) leaves it). Forwards or backwards.
    void seekToTime(engine::Tick t);

signals:
    /// The run moved (or was replaced); views re-read it.
    void runChanged();
    /// A different run object is shown (load, reset, going back): views must drop what they
    /// derived from the previous one. Followed by runChanged().
    void runReplaced();
    /// stepTable() was rebuilt (load) or grew past the look-ahead.
    void stepTableChanged();
    void playingChanged(bool playing);
    void speedChanged(double ticksPerSecond);
    /// A scenario could not be started (the message is for people).
    void runFailed(const QString &message);

private:
    std::unique_ptr<scenarios::ScenarioRun> makeRun();
    void lookAhead();
    void replaceRun(std::unique_ptr<scenarios::ScenarioRun> run);
    /// A fresh run stepped `steps` times, or nullptr (runFailed() was emitted).
    std::unique_ptr<scenarios::ScenarioRun> replay(quint64 steps);
    bool stepOnce();
    void recordSteps();
    /// Steps while something is due at or before `t`, then sets the clock to t.
    void forwardTo(engine::Tick t);
    /// Ends a forward verb: tells the views, and the scrubber when the table grew.
    void finishForward();

    std::optional<scenarios::Scenario> m_scenario;
    std::unique_ptr<scenarios::ScenarioRun> m_run;
    engine::ClockDriver m_driver;
    engine::StepTable m_table;
    quint64 m_stepLimit = MaxSteps;
    bool m_tableGrew = false;
};
