#pragma once

#include "../runtime.h"

#include <vector>

namespace engine::asyncio {

/// asyncio.TaskGroup: children start on a later turn (create_task); the first child failure that is
/// not a cancellation cancels the other children and the parent task, task by task (task.cancel():
/// one CancelledError each, which a child may catch to clean up); the block exits once every child
/// ended and raises
/// ExceptionGroup('unhandled errors in a TaskGroup', [children's errors…, body's error]).
/// Failures within one instant are all collected (batch propagation: done callbacks run after
/// every task woken at that instant). The group tells its own cancellation of the parent from an
/// outside one by the parent's cancel count (Python 3.13): after the join it calls uncancel() and
/// propagates a CancelledError only if requests are left; when it raises its errors while the
/// parent is still being cancelled, it un-cancels and cancels the parent again so that the outside
/// cancellation is not lost. Run under Profile::asyncio().
class TaskGroup final : public ScopeObserver
{
public:
    explicit TaskGroup(Ctx ctx);
    ~TaskGroup() override;
    TaskGroup(const TaskGroup &) = delete;
    TaskGroup &operator=(const TaskGroup &) = delete;

    /// tg.create_task(coro): raises RuntimeError once the group is shutting down or finished.
    TaskId createTask(const QString &name, Body body);

    ScopeId scope() const { return m_scope; }
    const std::vector<TaskId> &tasks() const { return m_tasks; }
    const std::vector<Error> &errors() const { return m_errors; }
    bool aborting() const { return m_aborting; }

    /// __aexit__: the body ended (with `bodyError`, possibly null): join, then raise or return.
    QCoro::Task<void> exit(std::exception_ptr bodyError);

    void childEnded(TaskId child) override;

private:
    /// _abort(): task.cancel() on every child still running.
    void abort(TaskId by, const QString &why, EventId cause = NoId);
    [[noreturn]] void raise(const Error &error);

    Ctx m_ctx;
    ScopeId m_scope = NoId;
    std::vector<TaskId> m_tasks;
    std::vector<Error> m_errors;
    int m_live = 0;
    bool m_aborting = false;
    bool m_exiting = false;
    bool m_parentCancelRequested = false;   // it called parent_task.cancel(): uncancel() at exit
};

/// The body of `async with asyncio.TaskGroup() as tg:`.
using TaskGroupBody = std::function<QCoro::Task<Value>(Ctx, TaskGroup &)>;

/// async with asyncio.TaskGroup() as tg: runs `body`, then joins the group; returns the body's value.
QCoro::Task<Value> taskGroup(Ctx ctx, TaskGroupBody body);

} // namespace engine::asyncio
