#pragma once

#include "engine/types.h"

#include <vector>

namespace widgets {

/// What a task is doing during one span of its lane.
enum class SpanKind : quint8 {
    Waiting,    ///< spawned but not started yet (deferred start)
    Running,    ///< executing; takes no virtual time, so usually zero-length
    Suspended,  ///< parked at an await; `reason` says on what
};

/// One interval of a task's lane. Spans of a task are sorted, contiguous and never overlap.
struct TimelineSpan
{
    static constexpr engine::Tick OpenEnd = -1;

    engine::Tick begin = 0;
    engine::Tick end = OpenEnd;              ///< OpenEnd while the span lasts up to now
    engine::Tick wake = -1;                  ///< planned wake time of a sleep, else -1
    engine::TaskId other = engine::NoId;     ///< the awaited task of a join
    SpanKind kind = SpanKind::Running;
    engine::WaitReason reason = engine::WaitReason::None;

    bool isOpen() const { return end == OpenEnd; }
    /// The end to draw: the span's own end, or `now` while it is open.
    engine::Tick endAt(engine::Tick now) const { return isOpen() ? now : end; }
};

/// A point event on a task's lane.
enum class MarkKind : quint8 { CancelRequested, CancelDelivered, Completed, Failed, Cancelled };

struct TimelineMark
{
    engine::Tick time = 0;
    engine::EventId event = engine::NoId;
    MarkKind kind = MarkKind::Completed;
};

/// A stream item on its producer's lane: a value emitted, or an input a fan-out pulled.
struct TimelineMarble
{
    engine::Tick time = 0;
    engine::EventId event = engine::NoId;
    bool pulled = false;   ///< ItemPulled (drawn as a tick) rather than ValueEmitted (a marble)
};

/// Everything the timeline and the task tree show about one task, derived from the trace.
struct TaskTimeline
{
    engine::TaskId id = engine::NoId;
    engine::TaskId parent = engine::NoId;      ///< in the task tree (the owner of its scope)
    engine::ScopeId scope = engine::NoId;      ///< the scope it lives in
    std::vector<engine::TaskId> children;      ///< in spawn order
    int depth = 0;
    engine::Tick spawned = 0;
    engine::Tick started = -1;
    engine::Tick ended = -1;
    engine::TaskState state = engine::TaskState::Created;
    engine::WaitReason wait = engine::WaitReason::None;
    engine::EventId cancelRequest = engine::NoId;   ///< the first cancel request that reached it
    engine::Tick cancelRequestTime = -1;
    engine::EventId endEvent = engine::NoId;
    std::vector<TimelineSpan> spans;
    std::vector<TimelineMark> marks;
    std::vector<TimelineMarble> marbles;       ///< in time order

    bool isOpen() const { return ended < 0; }
    bool cancelRequested() const { return cancelRequest != engine::NoId; }
    /// Cancel requested and not ended yet: the task is unwinding (or ignoring the request).
    bool isCancelling() const { return cancelRequested() && isOpen(); }
};

/// A cancel scope (nursery, helper, timeout), drawn as a container around its children's lanes.
struct ScopeTimeline
{
    engine::ScopeId id = engine::NoId;
    engine::TaskId owner = engine::NoId;
    engine::Tick entered = 0;
    engine::Tick exited = -1;                  ///< -1 while open
    engine::Tick cancelled = -1;               ///< when its cancellation was requested
    engine::Tick deadline = -1;                ///< a timeout's deadline, if any
    engine::ScopeKind kind = engine::ScopeKind::Cancel;

    bool isOpen() const { return exited < 0; }
};

/// One node of an exception's path: where the error was at a given instant.
struct ErrorPathNode
{
    enum Kind : quint8 {
        Raised,       ///< the failing task's Failed event (the origin, or a re-raise by a scope's owner)
        Propagated,   ///< the error reached a scope (ErrorPropagated)
        Grouped,      ///< the scope raised a group or a chosen error (ErrorsGrouped)
        Caught,       ///< the scope exited without raising, or its owner did not fail: the path ends here
        Escaped,      ///< a root task failed: nothing above it catches the error
        Dropped,      ///< a task failed and nothing recorded where its error went
    };
    engine::Tick time = 0;
    engine::TaskId task = engine::NoId;      ///< the lane it is drawn on
    engine::ScopeId scope = engine::NoId;
    engine::EventId event = engine::NoId;
    Kind kind = Raised;
};

/// The path of one error from the task that raised it up through its scopes.
struct ErrorPath
{
    engine::TaskId origin = engine::NoId;
    std::vector<ErrorPathNode> nodes;        ///< in order; the last one says how it ended
    std::vector<engine::TaskId> cancelled;   ///< the tasks the error's scope cancelled (off the path)
};

/// A causality link: the event `from` caused the event `to` (the trace's `cause` field).
struct CausalLink
{
    engine::EventId from = engine::NoId;
    engine::EventId to = engine::NoId;
    engine::Tick fromTime = 0;
    engine::Tick toTime = 0;
    engine::TaskId fromTask = engine::NoId;
    engine::TaskId toTask = engine::NoId;

    bool operator==(const CausalLink &o) const = default;
};

} // namespace widgets
