#pragma once

#include "../awaiters.h"
#include "../error.h"

#include <QVariant>

#include <optional>

namespace engine {

/// An awaiter that a primitive completes by handing it something (a slot, a value, an error).
/// Once handed over the operation is committed: a cancellation that arrives before the task
/// runs again is not raised here (trio's rule for rescheduled tasks) — level-triggered scopes
/// raise it at the next checkpoint instead, so nothing handed over is ever lost.
class HandoffAwaiter : public CheckpointAwaiter
{
public:
    /// Called by the primitive that wakes this waiter.
    void commit(QVariant value = {})
    {
        m_committed = true;
        m_value = std::move(value);
    }
    void fail(const Error &error)
    {
        m_committed = true;
        m_error = error;
    }

protected:
    HandoffAwaiter(Runtime *rt, TaskId task, WaitReason reason) : CheckpointAwaiter(rt, task, reason) {}
    /// Finishes the checkpoint (raising Cancelled unless committed), then any handed error.
    void settle();

    bool m_committed = false;
    QVariant m_value;
    std::optional<Error> m_error;
};

} // namespace engine
