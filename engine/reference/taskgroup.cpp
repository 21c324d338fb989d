#include "taskgroup.h"

namespace engine::asyncio {

TaskGroup::TaskGroup(Ctx ctx)
    : m_ctx(ctx)
{
    ScopeOptions options;
    options.name = QStringLiteral("TaskGroup");
    options.kind = ScopeKind::Nursery;
    options.observer = this;
    // The scope itself is never cancelled: asyncio cancels tasks, one request each (edge-
    // triggered under Profile::asyncio()), so a child may catch it and clean up at leisure.
    m_scope = ctx.rt->openScope(ctx.task, options);
}

TaskGroup::~TaskGroup()
{
    // The frame owning the group can unwind early (runtime teardown): no calls into a dead object.
    m_ctx.rt->setObserver(m_scope, nullptr);
}

TaskId TaskGroup::createTask(const QString &name, Body body)
{
    if (m_exiting && m_live == 0)
        throw Error::plain(QStringLiteral("RuntimeError"), QStringLiteral("TaskGroup is finished"), m_ctx.rt->current());
    if (m_aborting)
        throw Error::plain(QStringLiteral("RuntimeError"), QStringLiteral("TaskGroup is shutting down"), m_ctx.rt->current());
    const TaskId expected = TaskId(m_ctx.rt->taskCount());
    m_tasks.push_back(expected);
    ++m_live;
    const TaskId id = m_ctx.rt->spawn(m_scope, name, std::move(body), StartPolicy::Deferred);
    Q_ASSERT(id == expected);
    return id;
}

void TaskGroup::abort(TaskId by, const QString &why, EventId cause)
{
    m_aborting = true;
    Runtime &rt = *m_ctx.rt;
    for (TaskId t : m_tasks)
        if (!isFinal(rt.state(t)))
            rt.cancelTask(t, by, why, cause);
}

void TaskGroup::childEnded(TaskId child)
{
    Runtime &rt = *m_ctx.rt;
    --m_live;
    if (rt.state(child) != TaskState::Failed)
        return;   // a cancelled child is not an error
    m_errors.push_back(Error::fromException(rt.error(child)));
    const EventId propagated = rt.record(EventKind::ErrorPropagated, child, m_scope, rt.endEvent(child), m_ctx.task);
    if (!m_aborting && !m_parentCancelRequested) {
        const QString why = QStringLiteral("%1 failed").arg(rt.trace().taskName(child));
        abort(child, why, propagated);
        // parent_task.cancel(): the body gets a CancelledError; once in __aexit__ the join
        // swallows it (the group is already aborting).
        m_parentCancelRequested = true;
        rt.cancelTask(m_ctx.task, child, why, propagated);
    }
}

void TaskGroup::raise(const Error &error)
{
    Runtime &rt = *m_ctx.rt;
    rt.record(EventKind::ErrorsGrouped, m_ctx.task, m_scope, NoId, NoId, error.describe());
    const std::exception_ptr raised = std::make_exception_ptr(error);
    rt.closeScope(m_scope, raised, QStringLiteral("raised"));
    std::rethrow_exception(raised);
}

QCoro::Task<void> TaskGroup::exit(std::exception_ptr bodyError)
{
    Runtime &rt = *m_ctx.rt;
    m_exiting = true;
    rt.leaveScope(m_ctx.task, m_scope);
    const bool bodyCancelled = isCancelled(bodyError);
    std::exception_ptr propagate = bodyCancelled ? bodyError : nullptr;
    if (bodyError && !m_aborting)
        abort(m_ctx.task, bodyCancelled ? QStringLiteral("the parent was cancelled") : QStringLiteral("the body raised"));
    while (rt.liveChildren(m_scope) > 0) {
        std::exception_ptr interrupted;
        try {
            co_await m_ctx.waitChildren(m_scope, true);
        } catch (...) {
            interrupted = std::current_exception();
        }
        if (!interrupted)
            continue;
        if (rt.shuttingDown())
            std::rethrow_exception(interrupted);
        // Cancelled while joining: unless already aborting (then it is swallowed), abort and
        // remember to propagate the cancellation.
        if (!m_aborting) {
            propagate = interrupted;
            abort(m_ctx.task, QStringLiteral("the parent was cancelled"));
        }
    }
    // The group withdraws the request it made of its parent (Python 3.13: after the join); a
    // CancelledError goes on only if other requests are left (an outside cancellation).
    if (m_parentCancelRequested && rt.uncancel(m_ctx.task) == 0)
        propagate = nullptr;
    if (bodyError && !bodyCancelled)
        m_errors.push_back(Error::fromException(bodyError));   // after the children's errors
    for (const Error &e : m_errors)
        if (e.type() == QLatin1String("KeyboardInterrupt") || e.type() == QLatin1String("SystemExit"))
            raise(e);   // base errors are re-raised bare
    if (propagate && m_errors.empty()) {
        rt.closeScope(m_scope, propagate, QStringLiteral("cancelled"));
        std::rethrow_exception(propagate);
    }
    if (!m_errors.empty()) {
        // The group raises its errors instead of an outside cancellation: un-cancel and cancel
        // again, so that the parent still meets that cancellation at its next await.
        if (rt.cancelling(m_ctx.task) > 0) {
            rt.uncancel(m_ctx.task);
            rt.cancelTask(m_ctx.task, m_ctx.task, QStringLiteral("re-armed: the TaskGroup raises its errors instead"));
        }
        raise(Error::group(QStringLiteral("unhandled errors in a TaskGroup"), m_errors));
    }
    rt.closeScope(m_scope, nullptr);
}

QCoro::Task<Value> taskGroup(Ctx ctx, TaskGroupBody body)
{
    TaskGroup group(ctx);
    Value value;
    std::exception_ptr error;
    try {
        value = co_await body(ctx, group);
    } catch (...) {
        error = std::current_exception();
    }
    co_await group.exit(error);
    co_return value;
}

} // namespace engine::asyncio
