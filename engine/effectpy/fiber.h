#pragma once

#include "effect.h"

#include <optional>

namespace engine::effectpy {

/// Why a fiber did not succeed (effectpy `Cause` kinds of a single fiber).
enum class CauseKind : quint8 { None, Fail, Die, Interrupt };

/// effectpy `Exit`: success with a value, or a cause: fail (a Failure), die (a defect), interrupt.
struct Exit
{
    bool success = false;
    Value value;
    CauseKind cause = CauseKind::None;
    std::optional<Error> error;   ///< the Failure or the defect
    /// `Exit(success, value)`, `Fail('…')`, `Die(KeyError('…'))`, `Interrupt`.
    QString describe() const;
};

/// effectpy `Fiber`: a handle on a task started by fork(). Trivially copyable.
class Fiber
{
public:
    Fiber() = default;
    Fiber(Runtime *rt, TaskId task) : m_rt(rt), m_task(task) {}

    /// fiber.join(): `await task`: the value, or the task's error / CancelledError raised. As any
    /// asyncio await, a cancellation of the joiner is forwarded into the fiber.
    QCoro::Task<Value> join(Ctx ctx) const;
    /// fiber.await_(): the outcome as an Exit, never raising. (A cancellation of the awaiter is
    /// forwarded too, and comes back as Exit(interrupt).)
    QCoro::Task<Exit> await_(Ctx ctx) const;
    /// fiber.interrupt(): task.cancel(), not awaited.
    void interrupt(TaskId by = NoId) const;
    /// 'running', 'done', 'failed' or 'cancelled'.
    QString status() const;
    TaskId task() const { return m_task; }

private:
    Runtime *m_rt = nullptr;
    TaskId m_task = NoId;
};

/// Runtime.fork(eff): starts `effect` as an unstructured top-level task (asyncio.create_task, in no
/// scope: no cancellation reaches it but interrupt()) and returns its Fiber.
Fiber fork(Ctx ctx, const Effect &effect);

} // namespace engine::effectpy
