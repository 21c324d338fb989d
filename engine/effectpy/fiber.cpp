#include "fiber.h"

#include "taskset.h"

#include "../value.h"

namespace engine::effectpy {

namespace {

QCoro::Task<Value> joinTask(Ctx ctx, TaskId task)
{
    co_return co_await awaitResult(ctx, task);
}

QCoro::Task<Exit> awaitExit(Ctx ctx, TaskId task)
{
    Exit exit;
    std::exception_ptr error;
    try {
        exit.value = co_await awaitResult(ctx, task);
        exit.success = true;
    } catch (...) {
        error = std::current_exception();
    }
    if (!error)
        co_return exit;
    if (isCancelled(error)) {
        exit.cause = CauseKind::Interrupt;
        co_return exit;
    }
    exit.error = Error::fromException(error);
    exit.cause = isFailure(*exit.error) ? CauseKind::Fail : CauseKind::Die;
    co_return exit;
}

} // namespace

QString Exit::describe() const
{
    switch (cause) {
    case CauseKind::None:
        return QStringLiteral("Exit(success, %1)").arg(describeValue(value));
    case CauseKind::Fail:
        return QStringLiteral("Fail('%1')").arg(failureError(*error));
    case CauseKind::Die:
        return QStringLiteral("Die(%1)").arg(error->describe());
    case CauseKind::Interrupt:
        return QStringLiteral("Interrupt");
    }
    return {};
}

QCoro::Task<Value> Fiber::join(Ctx ctx) const
{
    return joinTask(ctx, m_task);
}

QCoro::Task<Exit> Fiber::await_(Ctx ctx) const
{
    return awaitExit(ctx, m_task);
}

void Fiber::interrupt(TaskId by) const
{
    m_rt->cancelTask(m_task, by, QStringLiteral("fiber.interrupt()"));
}

QString Fiber::status() const
{
    switch (m_rt->state(m_task)) {
    case TaskState::Completed: return QStringLiteral("done");
    case TaskState::Failed: return QStringLiteral("failed");
    case TaskState::Cancelled: return QStringLiteral("cancelled");
    case TaskState::Created:
    case TaskState::Running:
    case TaskState::Suspended:
        break;
    }
    return QStringLiteral("running");
}

Fiber fork(Ctx ctx, const Effect &effect)
{
    return Fiber(ctx.rt, ctx.rt->spawn(NoId, effect.name, effect.body, StartPolicy::Deferred));
}

} // namespace engine::effectpy
