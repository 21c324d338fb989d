#include "asynciotasks.h"

#include <QStringList>

namespace engine::reference {

std::shared_ptr<ChildSet> createTasks(Ctx ctx, const QString &name, std::vector<Child> aws)
{
    auto set = ChildSet::open(ctx, name, /*detached*/ true);
    for (Child &aw : aws)
        set->start(std::move(aw), StartPolicy::Deferred);
    return set;
}

Value resultOf(const Runtime &rt, TaskId task)
{
    switch (rt.state(task)) {
    case TaskState::Completed: return rt.result(task);
    case TaskState::Failed: std::rethrow_exception(rt.error(task));
    default: throw Cancelled();
    }
}

QCoro::Task<void> cancelAllTasks(Ctx ctx, QString who)
{
    Runtime &rt = *ctx.rt;
    std::vector<TaskId> left;
    QStringList names;
    for (TaskId t = 0; t < rt.taskCount(); ++t)
        if (t != ctx.task && !isFinal(rt.state(t))) {
            left.push_back(t);
            names << rt.trace().taskName(t);
        }
    if (left.empty())
        co_return;
    rt.record(EventKind::ValueEmitted, ctx.task, NoId, NoId, NoId,
              QStringLiteral("%1: cancelling %2 remaining tasks {%3}").arg(who).arg(left.size()).arg(names.join(QStringLiteral(", "))));
    for (TaskId t : left)
        rt.cancelTask(t, ctx.task, QStringLiteral("%1 is closing").arg(who));
    for (TaskId t : left)
        co_await ctx.join(t);
    for (TaskId t : left)
        if (rt.state(t) == TaskState::Failed)
            rt.record(EventKind::ValueEmitted, ctx.task, NoId, rt.endEvent(t), t,
                      QStringLiteral("unhandled exception during %1 shutdown: %2 %3")
                          .arg(who, rt.trace().taskName(t), Error::fromException(rt.error(t)).describe()));
}

[[noreturn]] void raiseFrom(Ctx ctx, const ChildSet &set, const Error &error, EventId cause)
{
    ctx.rt->record(EventKind::ErrorsGrouped, ctx.task, set.scope(), cause, NoId, error.describe());
    throw error;
}

} // namespace engine::reference
