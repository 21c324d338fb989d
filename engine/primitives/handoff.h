#pragma once

#include "../awaiters.h"
#include "../error.h"

#include <QVariant>

#include <optional>

namespace engine {

/// An awaiter that a primitive completes by handing it something (a slot, a value, an error).
/// What a cancellation arriving between the hand-off and the task's resumption does depends on
/// the model. Level-triggered (trio): the operation is committed, the cancellation is raised at
/// the next checkpoint instead. Edge-triggered (asyncio): the cancellation wins, and the primitive
/// takes back what it handed over (the slot goes to the next waiter, the item back to the queue),
/// so in both models nothing is ever lost.
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
    virtual ~HandoffAwaiter() = default;
    /// Undo a hand-off that a cancellation overrides (edge-triggered model only).
    virtual void rollback() {}
    /// Finishes the checkpoint (raising Cancelled unless committed), then any handed error.
    void settle();

    bool m_committed = false;
    QVariant m_value;
    std::optional<Error> m_error;
};

} // namespace engine
