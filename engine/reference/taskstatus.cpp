#include "taskstatus.h"

#include "../cancelscope.h"
#include "../value.h"

#include <deque>
#include <type_traits>

static_assert(std::is_trivially_copyable_v<engine::trio::TaskStatus>, "passes through co_await (g++ 12)");

namespace engine::trio {

namespace {

// One pending or finished nursery.start() call. Kept by the runtime (an extension), so that a
// trivially copyable TaskStatus can name it by index.
struct StartCall
{
    Nursery *target = nullptr;
    ScopeId callerScope = NoId;   // the "old nursery" the child runs in until it is started
    TaskId child = NoId;
    Value value;
    bool started = false;
    bool moved = false;
};

struct StartCalls
{
    std::deque<StartCall> calls;   // deque: references stay valid while calls are added
};

StartCall &callOf(Runtime &rt, qint32 slot)
{
    return rt.extension<StartCalls>().calls[size_t(slot)];
}

ScopeOptions callerScopeOptions(const QString &name)
{
    ScopeOptions options;
    options.name = QStringLiteral("nursery.start(%1)").arg(name);
    options.kind = ScopeKind::Nursery;
    options.edge = false;   // trio: level-triggered whatever the profile says
    return options;
}

} // namespace

void TaskStatus::started(const Value &value) const
{
    Runtime &rt = *m_rt;
    StartCall &call = callOf(rt, m_slot);
    if (call.started)
        throw Error::plain(QStringLiteral("RuntimeError"), QStringLiteral("called 'started' twice on the same task status"), rt.current());
    call.started = true;
    call.value = value;
    const QString shown = value.isValid() ? describeValue(value) : QStringLiteral("None");
    // trio moves nothing out of a cancelled caller: the child would carry a Cancelled into a place
    // where no cancelled scope catches it. It ends under the caller and start() sees that.
    if (rt.scopeEffectivelyCancelled(call.callerScope)) {
        rt.record(EventKind::ValueEmitted, call.child, call.callerScope, NoId, NoId,
                  QStringLiteral("task_status.started(%1): the caller is cancelled, the task stays").arg(shown));
        return;
    }
    rt.record(EventKind::ValueEmitted, call.child, call.callerScope, NoId, NoId, QStringLiteral("task_status.started(%1)").arg(shown));
    call.moved = true;
    call.target->adopt(call.child);
}

bool TaskStatus::wasStarted() const
{
    return callOf(*m_rt, m_slot).started;
}

QCoro::Task<Value> start(Ctx ctx, Nursery &nursery, const QString &name, StartBody body)
{
    Runtime &rt = *ctx.rt;
    auto &calls = rt.extension<StartCalls>().calls;
    const qint32 slot = qint32(calls.size());
    calls.emplace_back();
    // async with open_nursery() as old_nursery: spawn the child there, wait for the nursery to empty.
    const ScopeId callerScope = rt.openScope(ctx.task, callerScopeOptions(name));
    calls.back().target = &nursery;
    calls.back().callerScope = callerScope;
    const TaskStatus status(&rt, slot);
    Body child = [body = std::move(body), status](Ctx c) { return body(c, status); };
    const TaskId task = rt.spawn(callerScope, name, std::move(child), StartPolicy::Deferred);
    callOf(rt, slot).child = task;
    rt.leaveScope(ctx.task, callerScope);
    // Ends when the child ended or was moved out. A cancelled caller keeps waiting (trio's nursery
    // __aexit__): the cancellation reaches the child, which is nested in the caller's scopes.
    co_await joinScope(ctx, callerScope);

    const StartCall &call = callOf(rt, slot);
    if (call.moved) {
        rt.closeScope(callerScope, nullptr, QStringLiteral("started"));
        co_return call.value;
    }
    std::exception_ptr error;
    switch (rt.state(task)) {
    case TaskState::Failed: {
        // The old nursery's group holds one error: trio raises it bare.
        error = rt.error(task);
        const QString text = Error::fromException(error).describe();
        const EventId propagated = rt.record(EventKind::ErrorPropagated, task, callerScope, rt.endEvent(task), ctx.task);
        rt.record(EventKind::ErrorsGrouped, ctx.task, callerScope, propagated, NoId, text);
        break;
    }
    case TaskState::Cancelled:
        error = std::make_exception_ptr(Cancelled());
        break;
    default:
        if (call.started)
            break;   // started while the caller was cancelled, then returned: its value stands
        error = std::make_exception_ptr(Error::plain(QStringLiteral("RuntimeError"),
                                                     QStringLiteral("child exited without calling task_status.started()"), ctx.task));
        rt.record(EventKind::ErrorsGrouped, ctx.task, callerScope, rt.endEvent(task), NoId, Error::fromException(error).describe());
        break;
    }
    rt.closeScope(callerScope, error, error ? QString() : QStringLiteral("started"));
    if (error)
        std::rethrow_exception(error);
    co_return call.value;
}

} // namespace engine::trio
