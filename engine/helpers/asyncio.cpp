#include "asyncio.h"

#include "../reference/asynciotasks.h"

#include <QStringList>

#include <type_traits>

static_assert(std::is_trivially_destructible_v<engine::asyncio::GatherOptions>, "options pass through co_await (g++ 12)");
static_assert(std::is_trivially_destructible_v<engine::asyncio::WaitOptions>, "options pass through co_await (g++ 12)");

namespace engine::asyncio {

using reference::Alarm;
using reference::ChildSet;
using reference::createTasks;
using reference::raiseFrom;
using reference::resultOf;

namespace {

// A second cancellation while a helper waits for what its first one started: asyncio keeps
// waiting (edge-triggered); anything else (level-triggered profile, teardown) must not spin.
bool keepWaitingAfter(const Runtime &rt)
{
    return rt.profile().edgeCancellation && !rt.shuttingDown();
}

QString names(const Runtime &rt, const std::vector<TaskId> &ids)
{
    QStringList out;
    for (TaskId id : ids)
        out << rt.trace().taskName(id);
    return QLatin1Char('{') + out.join(QStringLiteral(", ")) + QLatin1Char('}');
}

// gather's _done_callback for every end observed since `handled`: with return_exceptions=False
// the first failure (or cancelled child) is raised at once, leaving the others running.
void raiseFirstFailure(Ctx ctx, ChildSet &set, size_t &handled, bool returnExceptions)
{
    const Runtime &rt = *ctx.rt;
    for (; handled < set.observedOrder().size(); ++handled) {
        if (returnExceptions)
            continue;
        const TaskId task = set.task(set.observedOrder()[handled]);
        if (rt.state(task) == TaskState::Cancelled) {
            set.leave();
            throw Cancelled();
        }
        if (rt.state(task) == TaskState::Failed) {
            set.leave();
            raiseFrom(ctx, set, Error::fromException(rt.error(task)), rt.endEvent(task));
        }
    }
}

QVariantList gatheredValues(const Runtime &rt, const ChildSet &set)
{
    QVariantList values;
    for (TaskId task : set.tasks()) {
        switch (rt.state(task)) {
        case TaskState::Completed: values << rt.result(task); break;
        case TaskState::Failed: values << QVariant::fromValue(Error::fromException(rt.error(task))); break;
        default: values << QVariant::fromValue(Error::plain(QStringLiteral("CancelledError"), {}, task)); break;
        }
    }
    return values;
}

// The gather was cancelled (outer.cancel()): cancel the unfinished children, then end as the
// _GatheringFuture does: at the first child end (its error, or CancelledError) without
// return_exceptions, after the last one with it.
QCoro::Task<QVariantList> cancelGather(Ctx ctx, std::shared_ptr<ChildSet> set, size_t handled, GatherOptions options, std::exception_ptr cancelled)
{
    Runtime &rt = *ctx.rt;
    bool requested = false;
    for (int i = 0; i < set->size(); ++i)
        if (!set->ended(i)) {
            rt.cancelTask(set->task(i), ctx.task, QStringLiteral("gather() was cancelled"));
            requested = true;
        }
    if (!requested) {
        // Every child was already done: the caller's own cancellation goes on.
        set->leave();
        std::rethrow_exception(cancelled);
    }
    while (true) {
        for (; handled < set->observedOrder().size(); ++handled) {
            const TaskId task = set->task(set->observedOrder()[handled]);
            if (options.returnExceptions || rt.state(task) == TaskState::Completed)
                continue;
            set->leave();
            if (rt.state(task) == TaskState::Failed)
                raiseFrom(ctx, *set, Error::fromException(rt.error(task)), rt.endEvent(task));
            std::rethrow_exception(cancelled);
        }
        if (set->allObserved()) {
            set->leave();
            std::rethrow_exception(cancelled);
        }
        std::exception_ptr again;
        try {
            co_await set->changed().wait(ctx);
        } catch (...) {
            again = std::current_exception();
        }
        if (again && !keepWaitingAfter(rt)) {
            set->leave();
            std::rethrow_exception(again);
        }
    }
}

} // namespace

TaskId createTask(Ctx ctx, const QString &name, Body body)
{
    return ctx.rt->spawn(NoId, name, std::move(body), StartPolicy::Deferred);
}

QCoro::Task<QVariantList> gather(Ctx ctx, std::vector<Child> aws, GatherOptions options)
{
    if (aws.empty())
        co_return QVariantList{};   // an already-done future: no suspension
    auto set = createTasks(ctx, QStringLiteral("gather()"), std::move(aws));
    size_t handled = 0;
    std::exception_ptr cancelled;
    while (true) {
        raiseFirstFailure(ctx, *set, handled, options.returnExceptions);
        if (set->allObserved())
            break;
        try {
            co_await set->changed().wait(ctx);
        } catch (...) {
            cancelled = std::current_exception();
        }
        if (cancelled)
            break;
    }
    if (cancelled) {
        if (ctx.rt->shuttingDown()) {
            set->leave();
            std::rethrow_exception(cancelled);
        }
        co_return co_await cancelGather(ctx, set, handled, options, cancelled);
    }
    set->leave();
    co_return gatheredValues(*ctx.rt, *set);
}

QCoro::Task<QVariantList> gather(Ctx ctx, std::shared_ptr<Source> aws, GatherOptions options)
{
    // *aws is unpacked at the call site: an iterable that raises does so before anything starts.
    std::vector<Child> children;
    while (true) {
        std::optional<Child> next = co_await aws->next(ctx);
        if (!next)
            break;
        ctx.rt->record(EventKind::ItemPulled, ctx.task, NoId, NoId, NoId, next->name);
        children.push_back(std::move(*next));
    }
    co_return co_await gather(ctx, std::move(children), options);
}

QString DonePending::describe(const Runtime &rt) const
{
    return QStringLiteral("done=%1, pending=%2").arg(names(rt, done), names(rt, pending));
}

QCoro::Task<DonePending> wait(Ctx ctx, std::vector<Child> aws, WaitOptions options)
{
    Runtime &rt = *ctx.rt;
    if (aws.empty())
        throw Error::plain(QStringLiteral("ValueError"), QStringLiteral("Set of Tasks/Futures is empty."), ctx.task);
    auto set = createTasks(ctx, QStringLiteral("asyncio.wait()"), std::move(aws));
    // The timeout only releases the waiter (call_later(timeout, _release_waiter)): no cancellation.
    bool timedOut = false;
    const Alarm alarm(rt, ctx.task, set->scope(), options.timeout == Never ? Never : rt.now() + options.timeout,
                        [&timedOut, set](EventId fired) {
                            timedOut = true;
                            set->changed().notify(fired);
                        });
    std::exception_ptr interrupted;
    size_t handled = 0;
    bool released = false;
    while (!released && !timedOut) {
        // _on_completion: the waiter is released by the callback that meets the condition.
        for (; handled < set->observedOrder().size() && !released; ++handled) {
            const TaskState state = rt.state(set->task(set->observedOrder()[handled]));
            released = options.returnWhen == ReturnWhen::FirstCompleted
                || (options.returnWhen == ReturnWhen::FirstException && state == TaskState::Failed);
        }
        released = released || set->allObserved();
        if (released)
            break;
        try {
            co_await set->changed().wait(ctx);
        } catch (...) {
            interrupted = std::current_exception();
        }
        if (interrupted)
            break;
    }
    set->leave();
    if (interrupted)
        std::rethrow_exception(interrupted);   // the caller was cancelled: the tasks run on
    // Sets are computed when the caller resumes: whatever ended by then is done.
    DonePending result;
    for (int i = 0; i < set->size(); ++i)
        (set->ended(i) ? result.done : result.pending).push_back(set->task(i));
    co_return result;
}

std::shared_ptr<AsCompleted> asCompleted(Ctx ctx, std::vector<Child> aws, Tick timeout)
{
    return AsCompleted::start(ctx, std::move(aws), timeout);
}

namespace {

QCoro::Task<Value> runner(Ctx ctx, Child main)
{
    Runtime &rt = *ctx.rt;
    const TaskId mainTask = rt.spawn(NoId, main.name, std::move(main.body), StartPolicy::Deferred);
    co_await ctx.join(mainTask);
    co_await reference::cancelAllTasks(ctx, QStringLiteral("asyncio.run()"));
    co_return resultOf(rt, mainTask);
}

} // namespace

TaskId run(Runtime &rt, Child main)
{
    Body body = [main = std::move(main)](Ctx ctx) -> QCoro::Task<Value> { co_return co_await runner(ctx, main); };
    return rt.spawn(NoId, QStringLiteral("asyncio.run()"), std::move(body), StartPolicy::Eager);
}

} // namespace engine::asyncio
