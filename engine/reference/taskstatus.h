#pragma once

#include "../nursery.h"

namespace engine::trio {

/// The `task_status` that nursery.start() hands its child: started(value) moves the child from
/// the caller into the nursery and makes start() return `value`. Trivially copyable (it is a
/// parameter of the child's body and may pass through co_await expressions).
class TaskStatus
{
public:
    TaskStatus() = default;
    TaskStatus(Runtime *rt, qint32 slot) : m_rt(rt), m_slot(slot) {}

    /// task_status.started(value): the child now lives in the nursery and start() returns `value`.
    /// If the caller's side is already cancelled the child stays where it is (its cancellation
    /// will reach start()). A second call raises RuntimeError.
    void started(const Value &value = {}) const;
    /// started() has been called.
    bool wasStarted() const;

private:
    Runtime *m_rt = nullptr;
    qint32 m_slot = -1;
};

/// The body of a child started with nursery.start(): it calls `status.started(value)` when ready.
using StartBody = std::function<QCoro::Task<Value>(Ctx, TaskStatus)>;

/// await nursery.start(fn): runs `body` as a task under the caller (in a scope of the caller named
/// "nursery.start(<name>)", so the caller's cancellation reaches it and the nursery's does not)
/// until it calls started(value); then it is moved into `nursery` (recorded as Moved) and start()
/// returns `value`. Before that, its error is raised here bare (not grouped) and its cancellation
/// propagates as Cancelled; a child that returns without calling started() makes start() raise
/// RuntimeError('child exited without calling task_status.started()'). The child starts on a later
/// turn, as start_soon's do.
QCoro::Task<Value> start(Ctx ctx, Nursery &nursery, const QString &name, StartBody body);

} // namespace engine::trio
