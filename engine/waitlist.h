#pragma once

#include "runtime.h"

#include <deque>

namespace engine {

/// Tasks suspended on a primitive, in arrival order (FIFO hand-off). A waiter interrupted by
/// cancellation is not removed at once: the entry goes stale (its wait serial no longer matches)
/// and is skipped when it reaches the front, which keeps cancelling many waiters linear.
class WaitList
{
public:
    struct Waiter
    {
        TaskId task = NoId;
        quint32 serial = 0;
        void *slot = nullptr;   ///< the suspended awaiter's hand-off slot (lives in its frame)
    };

    /// Suspends `task` on this list (reason shown in the trace).
    void add(Runtime &rt, TaskId task, std::coroutine_handle<> h, WaitReason reason, void *slot, qint32 other = NoId);
    /// The first waiter still waiting, or nullptr (stale entries in front are dropped).
    const Waiter *front(const Runtime &rt);
    /// Wakes the first live waiter; returns it (task NoId when there is none).
    Waiter wakeFirst(Runtime &rt, EventId cause = NoId);
    /// Wakes every live waiter.
    void wakeAll(Runtime &rt, EventId cause = NoId);
    bool hasLive(const Runtime &rt);

private:
    std::deque<Waiter> m_waiters;
};

} // namespace engine
