#include "asynciotasks.h"

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

[[noreturn]] void raiseFrom(Ctx ctx, const ChildSet &set, const Error &error, EventId cause)
{
    ctx.rt->record(EventKind::ErrorsGrouped, ctx.task, set.scope(), cause, NoId, error.describe());
    throw error;
}

} // namespace engine::reference
