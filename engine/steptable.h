#pragma once

#include "types.h"

#include <QList>

#include <optional>

namespace engine {

/// Where each scheduler step of a run left the clock and the trace: entry k is the state after
/// k steps (entry 0 is the run as constructed). Runs are deterministic, so this table lets a
/// controller turn "that time" or "that trace event" into a step count it can replay to, and lets
/// a scrubber draw the run's instants. A plain value: copies share the storage (QList).
class StepTable
{
public:
    /// Forgets everything and records the state before the first step.
    void start(Tick time, int traceSize);
    /// Records the state after the next step.
    void append(Tick time, int traceSize);

    bool isEmpty() const { return m_times.isEmpty(); }
    /// The number of steps recorded (the last valid step index); 0 when empty.
    quint64 lastStep() const { return m_times.isEmpty() ? 0 : quint64(m_times.size() - 1); }
    /// Whether `step` has an entry.
    bool contains(quint64 step) const { return step < quint64(m_times.size()); }
    /// The clock after `step` steps (clamped to the table).
    Tick timeAt(quint64 step) const;
    /// The trace size after `step` steps (clamped to the table).
    int traceSizeAt(quint64 step) const;
    /// The clock after the last recorded step.
    Tick endTime() const { return m_times.isEmpty() ? 0 : m_times.constLast(); }

    /// The run ended at lastStep() (nothing was left to run); false while it may go on.
    bool isComplete() const { return m_complete; }
    void setComplete(bool complete) { m_complete = complete; }

    /// The last step whose time is ≤ t: "the end of instant t" (0 when none is).
    quint64 lastStepAtOrBefore(Tick t) const;
    /// The last step whose time is < t: the end of the instant before t (0 when none is).
    quint64 lastStepBefore(Tick t) const;
    /// The end of the instant that follows `step`: the rest of its own instant when more steps
    /// share its time, else all of the next instant (what "step instant" reaches).
    quint64 endOfNextInstant(quint64 step) const;
    /// The first step after which the trace holds `event`, if recorded.
    std::optional<quint64> firstStepWithEvent(EventId event) const;
    /// Steps that end an instant (the next step has a later time, or none follows), in order.
    QList<quint64> instantEnds() const;

private:
    QList<Tick> m_times;
    QList<int> m_traceSizes;
    bool m_complete = false;
};

} // namespace engine
