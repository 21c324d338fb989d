// The run controller's recorded runs: a saved Taskscope trace shown through a RecordedPlayback
// (a TracePlayer plus a clock) instead of a live ScenarioRun. The verbs in runcontroller.cpp
// hand a recording to the playback; here it is loaded, dropped, played and announced.

#include "runcontroller.h"

#include "recordedplayback.h"

#include "scenarios/scenariorun.h"

void RunController::loadRecorded(scenarios::RecordedRun recorded)
{
    pause();
    auto fresh = std::make_unique<RecordedPlayback>(std::move(recorded));
    // The old run, live or recorded, goes only after every view has let go of it.
    std::unique_ptr<scenarios::ScenarioRun> oldRun = std::exchange(m_run, nullptr);
    std::unique_ptr<RecordedPlayback> oldRecording = std::exchange(m_recorded, std::move(fresh));
    std::shared_ptr<const engine::Trace> oldTrace = std::exchange(m_shownTrace, m_recorded->sharedTrace());
    m_driver.setScheduler(nullptr);
    m_scenario.reset();
    m_table = m_recorded->stepTable();
    m_tableGrew = false;
    emit stepTableChanged();
    emit runReplaced();
    emit runChanged();
}

std::unique_ptr<RecordedPlayback> RunController::takeRecording()
{
    m_replayTimer.stop();
    return std::exchange(m_recorded, nullptr);
}

const scenarios::RecordedRun *RunController::recording() const
{
    return m_recorded ? &m_recorded->recording() : nullptr;
}

void RunController::recordedMoved()
{
    std::shared_ptr<const engine::Trace> shown = m_recorded->sharedTrace();
    if (shown != m_shownTrace) {
        // Going back rebuilt the prefix as a new object: views drop what they derived from the
        // old one (kept alive here until they have).
        std::shared_ptr<const engine::Trace> old = std::exchange(m_shownTrace, std::move(shown));
        emit runReplaced();
    }
    emit runChanged();
}

void RunController::advanceRecordedFrame()
{
    if (!m_recorded || idle()) {
        pause();   // the end of the recording: playing stops there
        return;
    }
    // As ClockDriver::advanceOneFrame: the fractional ticks of slow speeds carry over.
    m_replayCarry += m_driver.speed() * engine::ClockDriver::FrameMs / 1000.0;
    const engine::Tick whole = engine::Tick(m_replayCarry);
    m_replayCarry -= double(whole);
    if (whole == 0)
        return;
    m_recorded->advanceBy(whole);
    recordedMoved();
}
