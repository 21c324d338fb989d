#pragma once

#include "engine/clockdriver.h"
#include "engine/steptable.h"
#include "engine/types.h"
#include "scenarios/scenario.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

class RecordedPlayback;

namespace engine {
class Runtime;
class Trace;
}

namespace scenarios {
class ScenarioRun;
struct RecordedRun;
}

/// Owns the run on screen: a scenario's engine runtime and the clock driver that plays it. The
/// only object that steps the scheduler; views read the run and ask this one to move it.
///
/// A run position is a scheduler step count plus the clock (which "advance by" and "run to" may
/// move past the last event). Runs are deterministic, so going back is a replay: a fresh run
/// of the same scenario stepped to the wanted count; going forward again steps that run on.
/// load() also runs the scenario once ahead, to the end or the step limit, to learn the whole
/// run's step table (the time and trace size after every step) for seeking and the scrubber.
///
/// It may show a recorded run instead (loadRecorded(): a Taskscope trace file read back). Then
/// nothing executes: the same verbs move a TracePlayer through the recording, one "step" per
/// recorded event, and run() and runtime() are null — there is no live scheduler. Views read
/// what both kinds share: trace() (the run as far as shown) and now().
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
    /// Shows a recorded run from t=0 (paused), replacing the run on screen.
    void loadRecorded(scenarios::RecordedRun recorded);
    /// A live or a recorded run is shown.
    bool hasRun() const { return m_run != nullptr || m_recorded != nullptr; }
    /// The live run, or nullptr (none, or a recording); replaced by load(), reset() and every
    /// step back (runReplaced()).
    const scenarios::ScenarioRun *run() const { return m_run.get(); }
    /// The live scenario (empty while a recording is shown).
    const std::optional<scenarios::Scenario> &scenario() const { return m_scenario; }

    /// A recording is shown (no live scheduler).
    bool isRecorded() const { return m_recorded != nullptr; }
    /// The recording shown, or nullptr.
    const scenarios::RecordedRun *recording() const;
    /// The trace as far as the run is shown, live or recorded (nullptr: no run). The object is
    /// replaced with runReplaced(); between those it only grows.
    const engine::Trace *trace() const;
    /// The live run's runtime, or nullptr (no run, or a recording).
    const engine::Runtime *runtime() const;
    engine::TaskId rootTask() const;
    /// "returned …" / "raised …" / "cancelled" / "still running at t=5", live or recorded.
    QString outcomeText() const;
    /// Where the run comes from: the scenario's file, or the recording's (task ids are stable
    /// within one source only).
    QString sourcePath() const;

    engine::Tick now() const;
    /// The root task ended and nothing is left to run.
    bool finished() const;
    /// Nothing is left to run (finished, or stuck waiting on something that never comes).
    bool idle() const;
    bool playing() const { return m_driver.isPlaying() || m_replayTimer.isActive(); }
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
    /// What one frame of playing a recording does (tests call it instead of waiting).
    void advanceRecordedFrame();

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
    /// Ends a move of the recording: runReplaced() first when the shown trace is a new object.
    void recordedMoved();
    /// Drops the recording (a live run replaces it); returned to be kept until views let go.
    std::unique_ptr<RecordedPlayback> takeRecording();

    std::optional<scenarios::Scenario> m_scenario;
    std::unique_ptr<scenarios::ScenarioRun> m_run;
    engine::ClockDriver m_driver;
    engine::StepTable m_table;
    quint64 m_stepLimit = MaxSteps;
    bool m_tableGrew = false;
    std::unique_ptr<RecordedPlayback> m_recorded;
    std::shared_ptr<const engine::Trace> m_shownTrace;   // what the views hold, until replaced
    QTimer m_replayTimer;                                // plays a recording (no scheduler to drive)
    double m_replayCarry = 0;
};
