#pragma once

#include "engine/steptable.h"
#include "scenarios/recordedrun.h"
#include "scenarios/traceplayer.h"

#include <memory>

/// A recorded run (a Taskscope trace file read back) as the run controller shows it: the
/// TracePlayer's prefix of the recording plus a clock, moved by the same verbs as a live run.
/// Nothing executes. A position is a number of recorded events shown (one "step" per event),
/// so the step table has one entry per event and the scrubber spans the recording.
///
/// The clock follows the last shown event, except that "advance by" and "run to" may leave it
/// later, as a live run's clock after Scheduler::advanceTo().
class RecordedPlayback
{
public:
    explicit RecordedPlayback(scenarios::RecordedRun recording);

    const scenarios::RecordedRun &recording() const { return m_recording; }
    /// The events shown: a prefix of the recording. Going back replaces this object.
    const engine::Trace &trace() const { return m_player.trace(); }
    std::shared_ptr<const engine::Trace> sharedTrace() const { return m_player.sharedTrace(); }
    engine::Tick now() const { return m_clock; }
    /// Events shown (the position the scrubber shows).
    quint64 position() const { return m_player.position(); }
    bool atEnd() const { return m_player.atEnd(); }
    bool canStepBack() const { return position() > 0 || m_clock > 0; }
    /// One entry per event: the time and trace size after showing it.
    const engine::StepTable &stepTable() const { return m_table; }
    /// The first task without a parent (the scenario's root), or NoId.
    engine::TaskId rootTask() const;
    /// As recorded at the end; "still running at t=…" before it.
    QString outcomeText() const;

    void stepEvent();
    void stepInstant();
    void advanceBy(engine::Tick d);
    void runToEnd();
    void reset();
    /// One event back; when the clock was moved past the last shown event, back to its moment.
    void stepBackEvent();
    /// The end of the last instant before now() (t=0 with nothing shown at the start).
    void stepBackInstant();
    void seekToStep(quint64 step);
    /// Shows events up to and including `event`.
    void seekToEvent(engine::EventId event);
    /// Every event at or before `t`; the clock reads t.
    void seekToTime(engine::Tick t);

private:
    /// The clock after a move that did not set it: the last shown event's time (the end at the end).
    void followPlayer();

    scenarios::RecordedRun m_recording;
    scenarios::TracePlayer m_player;
    engine::StepTable m_table;
    engine::Tick m_clock = 0;
};
