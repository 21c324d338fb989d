#pragma once

#include <QtGlobal>

#include <cstdint>
#include <limits>

namespace engine {

/// Virtual time in integer ticks (1 tick = 1 ms of virtual time). Never wall time.
using Tick = qint64;
/// Index of a task in the runtime's task table.
using TaskId = qint32;
/// Index of a cancel scope in the runtime's scope table.
using ScopeId = qint32;
/// Index of an event in the trace (also its sequence number).
using EventId = qint32;

/// The "none" value for every id type above.
inline constexpr qint32 NoId = -1;
/// A deadline that never arrives.
inline constexpr Tick Never = std::numeric_limits<Tick>::max();

/// Lifecycle of a task: created → running ⇄ suspended → completed | failed | cancelled.
enum class TaskState : quint8 { Created, Running, Suspended, Completed, Failed, Cancelled };

/// What a suspended task is waiting for.
enum class WaitReason : quint8 {
    None, Sleep, Yield, Join, Children, Event, Semaphore, QueuePut, QueueGet, StreamPull, StartGate
};

/// When a spawned task first runs: inside the spawn call (asyncgui, QCoro) or on a later turn (trio, asyncio).
enum class StartPolicy : quint8 { Eager, Deferred };

/// When a supervisor reacts to a child's end within one instant (helper-semantics §9.4).
enum class Propagation : quint8 { Immediate, Batch };

/// Order of equal-deadline timers (helper-semantics §9.1).
enum class TieOrder : quint8 { Fifo, SeededShuffle };

/// What kind of region a scope is.
enum class ScopeKind : quint8 { Cancel, Nursery, Helper, Timeout };

bool isFinal(TaskState s);
const char *toString(TaskState s);
const char *toString(WaitReason r);
const char *toString(ScopeKind k);

} // namespace engine
