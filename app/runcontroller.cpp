#include "runcontroller.h"

#include "recordedplayback.h"

#include "scenarios/scenariorun.h"

#include <exception>

RunController::RunController(QObject *parent)
    : QObject(parent)
{
    connect(&m_driver, &engine::ClockDriver::advanced, this, [this] {
        recordSteps();
        finishForward();
    });
    connect(&m_driver, &engine::ClockDriver::finished, this, &RunController::runChanged);
    connect(&m_driver, &engine::ClockDriver::playingChanged, this, [this](bool playing) {
        emit playingChanged(playing);
        emit runChanged();
    });
    connect(&m_driver, &engine::ClockDriver::speedChanged, this, &RunController::speedChanged);
    m_replayTimer.setInterval(engine::ClockDriver::FrameMs);
    connect(&m_replayTimer, &QTimer::timeout, this, &RunController::advanceRecordedFrame);
}

// The driver must stop before the scheduler it points into goes away.
RunController::~RunController()
{
    m_driver.setScheduler(nullptr);
}

void RunController::setStepLimit(quint64 limit)
{
    m_stepLimit = std::max<quint64>(limit, 1);
}

void RunController::load(const scenarios::Scenario &scenario)
{
    pause();
    // The recording stays alive until the views have moved to the live run (replaceRun).
    const std::unique_ptr<RecordedPlayback> recording = takeRecording();
    m_scenario = scenario;
    lookAhead();
    replaceRun(m_table.isEmpty() ? nullptr : makeRun());
    m_shownTrace.reset();
}

const engine::Trace *RunController::trace() const
{
    if (m_recorded)
        return &m_recorded->trace();
    return m_run ? &m_run->trace() : nullptr;
}

const engine::Runtime *RunController::runtime() const
{
    return m_run ? &m_run->runtime() : nullptr;
}

engine::TaskId RunController::rootTask() const
{
    if (m_recorded)
        return m_recorded->rootTask();
    return m_run ? m_run->rootTask() : engine::NoId;
}

QString RunController::outcomeText() const
{
    if (m_recorded)
        return m_recorded->outcomeText();
    return m_run ? m_run->outcomeText() : QString();
}

QString RunController::sourcePath() const
{
    if (m_recorded)
        return m_recorded->recording().path;
    return m_scenario ? m_scenario->sourcePath() : QString();
}

void RunController::reset()
{
    if (m_recorded) {
        pause();
        m_recorded->reset();
        recordedMoved();
        return;
    }
    if (!m_scenario)
        return;
    if (m_table.isEmpty()) {   // the scenario failed to start last time: try it all again
        load(*m_scenario);
        return;
    }
    if (auto fresh = makeRun())
        replaceRun(std::move(fresh));
}

std::unique_ptr<scenarios::ScenarioRun> RunController::makeRun()
{
    if (!m_scenario)
        return nullptr;
    try {
        return std::make_unique<scenarios::ScenarioRun>(*m_scenario);
    } catch (const std::exception &e) {
        emit runFailed(tr("Could not start the scenario: %1").arg(QString::fromLocal8Bit(e.what())));
    } catch (...) {
        emit runFailed(tr("Could not start the scenario."));
    }
    return nullptr;
}

void RunController::lookAhead()
{
    m_table = {};
    const std::unique_ptr<scenarios::ScenarioRun> probe = makeRun();
    if (probe) {
        engine::Scheduler &s = probe->scheduler();
        m_table.start(s.now(), probe->trace().size());
        for (quint64 n = 0; n < m_stepLimit && s.step(); ++n)
            m_table.append(s.now(), probe->trace().size());
        m_table.setComplete(s.idle());
    }
    m_tableGrew = false;
    emit stepTableChanged();
}

void RunController::replaceRun(std::unique_ptr<scenarios::ScenarioRun> run)
{
    m_driver.setScheduler(run ? &run->scheduler() : nullptr);
    // Keep the old run alive until every view has let go of it.
    std::unique_ptr<scenarios::ScenarioRun> old = std::exchange(m_run, std::move(run));
    emit runReplaced();
    emit runChanged();
    old.reset();
}

std::unique_ptr<scenarios::ScenarioRun> RunController::replay(quint64 steps)
{
    std::unique_ptr<scenarios::ScenarioRun> fresh = makeRun();
    if (!fresh)
        return nullptr;
    // Only positions already reached are replayed, so the table knows them all.
    for (quint64 n = 0; n < steps && fresh->scheduler().step(); ++n) {
    }
    return fresh;
}

engine::Tick RunController::now() const
{
    if (m_recorded)
        return m_recorded->now();
    return m_run ? m_run->runtime().now() : 0;
}

bool RunController::finished() const
{
    if (m_recorded)
        return m_recorded->atEnd();
    return m_run && m_run->finished();
}

bool RunController::idle() const
{
    if (m_recorded)
        return m_recorded->atEnd();
    return !m_run || m_run->runtime().scheduler().idle();
}

quint64 RunController::steps() const
{
    if (m_recorded)
        return m_recorded->position();
    return m_run ? m_run->runtime().scheduler().steps() : 0;
}

bool RunController::canStepBack() const
{
    if (m_recorded)
        return m_recorded->canStepBack();
    return m_run && (steps() > 0 || now() > m_table.timeAt(0));
}

// Forward ----------------------------------------------------------------------------------------

bool RunController::stepOnce()
{
    if (!m_run->scheduler().step())
        return false;
    recordSteps();
    return true;
}

void RunController::recordSteps()
{
    if (!m_run)
        return;
    const quint64 here = steps();
    if (m_table.contains(here))
        return;   // the look-ahead knows this step already
    // Past the look-ahead (a run that never ends). A play frame runs several steps at once;
    // those in between get the frame's end state, the best a frame can tell.
    while (m_table.lastStep() < here)
        m_table.append(now(), m_run->trace().size());
    m_tableGrew = true;
}

void RunController::finishForward()
{
    if (std::exchange(m_tableGrew, false))
        emit stepTableChanged();
    emit runChanged();
}

void RunController::stepEvent()
{
    if (m_recorded && !idle()) {
        pause();
        m_recorded->stepEvent();
        recordedMoved();
        return;
    }
    if (!m_run || idle())
        return;
    pause();
    stepOnce();
    finishForward();
}

void RunController::stepInstant()
{
    if (m_recorded && !idle()) {
        pause();
        m_recorded->stepInstant();
        recordedMoved();
        return;
    }
    if (!m_run || idle())
        return;
    pause();
    engine::Scheduler &s = m_run->scheduler();
    // With nothing ready at this instant, "step instant" moves to the next instant and runs all
    // of it; otherwise a press that does nothing would look broken.
    if (!s.hasReady())
        stepOnce();
    forwardTo(s.now());
    finishForward();
}

void RunController::forwardTo(engine::Tick t)
{
    engine::Scheduler &s = m_run->scheduler();
    // Step by step (not Scheduler::advanceTo) so that each step is recorded and the limit holds.
    quint64 taken = 0;
    while ((s.hasReady() || s.nextDeadline() <= t) && taken < m_stepLimit && stepOnce())
        ++taken;
    if (taken < m_stepLimit)
        s.advanceTo(t);   // nothing is due by t any more: this only sets the clock
}

void RunController::advanceBy(engine::Tick d)
{
    if (m_recorded && d > 0) {
        pause();
        m_recorded->advanceBy(d);
        recordedMoved();
        return;
    }
    if (!m_run || d <= 0)
        return;
    pause();
    forwardTo(now() + d);
    finishForward();
}

void RunController::runToEnd()
{
    if (m_recorded && !idle()) {
        pause();
        m_recorded->runToEnd();
        recordedMoved();
        return;
    }
    if (!m_run || idle())
        return;
    pause();
    for (quint64 n = 0; n < m_stepLimit && stepOnce(); ++n) {
    }
    finishForward();
}

void RunController::play()
{
    if (m_recorded && !idle() && !playing()) {
        m_replayCarry = 0;
        m_replayTimer.start();
        emit playingChanged(true);
        emit runChanged();
        return;
    }
    if (!m_run || idle())
        return;
    m_driver.play();
}

void RunController::pause()
{
    m_driver.pause();
    if (m_replayTimer.isActive()) {
        m_replayTimer.stop();
        emit playingChanged(false);
        emit runChanged();
    }
}

void RunController::togglePlay()
{
    if (playing())
        pause();
    else
        play();
}

void RunController::setSpeed(double ticksPerSecond)
{
    m_driver.setSpeed(ticksPerSecond);
}

// Back and seek ----------------------------------------------------------------------------------

void RunController::stepBackEvent()
{
    if (!canStepBack())
        return;
    if (m_recorded) {
        pause();
        m_recorded->stepBackEvent();
        recordedMoved();
        return;
    }
    const quint64 here = steps();
    seekToStep(now() > m_table.timeAt(here) || here == 0 ? here : here - 1);
}

void RunController::stepBackInstant()
{
    if (!canStepBack())
        return;
    if (m_recorded) {
        pause();
        m_recorded->stepBackInstant();
        recordedMoved();
        return;
    }
    seekToStep(m_table.lastStepBefore(now()));
}

void RunController::seekToStep(quint64 step)
{
    if (m_recorded) {
        if (step == steps() && now() == m_table.timeAt(step))
            return;
        pause();
        m_recorded->seekToStep(step);
        recordedMoved();
        return;
    }
    if (!m_run)
        return;
    pause();
    const quint64 here = steps();
    if (step > here) {
        if (idle())
            return;   // the run ended before that step
        for (quint64 n = 0; steps() < step && n < m_stepLimit && stepOnce(); ++n) {
        }
        finishForward();
        return;
    }
    // The same step with the clock moved on still needs a replay: a clock never runs backwards.
    if (step == here && now() == m_table.timeAt(step))
        return;
    if (auto fresh = replay(step))
        replaceRun(std::move(fresh));
}

void RunController::seekToEvent(engine::EventId event)
{
    if (m_recorded && event >= 0) {
        pause();
        m_recorded->seekToEvent(event);
        recordedMoved();
        return;
    }
    if (!m_run || event < 0)
        return;
    if (const std::optional<quint64> step = m_table.firstStepWithEvent(event)) {
        seekToStep(*step);
        return;
    }
    if (m_table.isComplete())
        return;   // the run ends without ever recording it
    pause();
    for (quint64 n = 0; m_run->trace().size() <= event && n < m_stepLimit && stepOnce(); ++n) {
    }
    finishForward();
}

void RunController::seekToTime(engine::Tick t)
{
    if (m_recorded) {
        pause();
        m_recorded->seekToTime(t);
        recordedMoved();
        return;
    }
    if (!m_run)
        return;
    t = std::max<engine::Tick>(t, 0);
    pause();
    if (t >= now()) {
        forwardTo(t);
        finishForward();
        return;
    }
    std::unique_ptr<scenarios::ScenarioRun> fresh = replay(m_table.lastStepAtOrBefore(t));
    if (!fresh)
        return;
    // The next step (if any) lies after t, so this takes no step: it only sets the clock.
    fresh->scheduler().advanceTo(t);
    replaceRun(std::move(fresh));
}
