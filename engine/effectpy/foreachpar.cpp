#include "foreachpar.h"

#include "taskset.h"

#include "../primitives/semaphore.h"

namespace engine::effectpy {

namespace {

// `async with sem:` releases the slot however the body ends.
struct SlotRelease
{
    std::shared_ptr<Semaphore> slots;
    TaskId task;
    ~SlotRelease() { slots->release(task); }
};

// effectpy's worker(i, x): takes a slot, then runs the item's effect.
QCoro::Task<Value> worker(Ctx ctx, std::shared_ptr<Semaphore> slots, Body body)
{
    co_await slots->acquire(ctx);
    SlotRelease slot{slots, ctx.task};
    co_return co_await body(ctx);
}

QCoro::Task<Value> itemWorker(Ctx ctx, std::shared_ptr<Semaphore> slots, ItemEffect f, QVariant item)
{
    co_await slots->acquire(ctx);
    SlotRelease slot{slots, ctx.task};
    const Effect effect = f(item);
    co_return co_await effect.body(ctx);
}

QCoro::Task<QVariantList> runAll(Ctx ctx, std::shared_ptr<TaskSet> set, std::vector<TaskId> tasks)
{
    Runtime &rt = *ctx.rt;
    Waited waited;
    std::exception_ptr interrupted;
    try {
        waited = co_await set->wait(ctx, tasks, ReturnWhen::FirstException);
    } catch (...) {
        interrupted = std::current_exception();
    }
    if (interrupted) {
        // asyncio.wait leaves the tasks alone: they leak.
        set->release();
        std::rethrow_exception(interrupted);
    }
    for (TaskId t : waited.done) {
        if (rt.state(t) == TaskState::Cancelled) {
            // t.exception() raises CancelledError for a cancelled task, before any cleanup.
            set->release();
            set->raise(std::make_exception_ptr(Cancelled()), rt.endEvent(t));
        }
        if (rt.state(t) != TaskState::Failed)
            continue;
        const EventId propagated = set->propagated(t);
        const QString why = QStringLiteral("%1 failed").arg(rt.trace().taskName(t));
        for (TaskId p : waited.pending)
            set->cancel(p, why, propagated);
        for (TaskId p : waited.pending)
            co_await drain(ctx, p);
        set->release();
        set->raise(rt.error(t), propagated);
    }
    // No failure: FIRST_EXCEPTION waited for all, so `gather(*pending)` has nothing left to do.
    QVariantList values;
    for (TaskId t : tasks)
        if (!isNone(rt.result(t)))
            values << rt.result(t);   // `[r for r in results if r is not None]`
    set->release();
    co_return values;
}

} // namespace

QCoro::Task<QVariantList> forEachPar(Ctx ctx, QVariantList items, ItemEffect f, ForEachParOptions options)
{
    auto set = TaskSet::open(ctx, QStringLiteral("for_each_par"), options.ties);
    auto slots = std::make_shared<Semaphore>(*ctx.rt, std::max(1, options.parallelism), QStringLiteral("for_each_par slots"));
    std::vector<TaskId> tasks;
    for (const QVariant &item : items) {
        set->pulled(item.toString());
        tasks.push_back(set->createTask(Effect(item.toString(), [slots, f, item](Ctx c) { return itemWorker(c, slots, f, item); })));
    }
    co_return co_await runAll(ctx, set, std::move(tasks));
}

QCoro::Task<QVariantList> forEachPar(Ctx ctx, std::shared_ptr<Source> effects, ForEachParOptions options)
{
    auto set = TaskSet::open(ctx, QStringLiteral("for_each_par"), options.ties);
    // seq = list(items): an input that raises does so here, before any task exists.
    std::vector<Child> seq;
    std::exception_ptr error;
    try {
        while (true) {
            std::optional<Child> next = co_await effects->next(ctx);
            if (!next)
                break;
            set->pulled(next->name);
            seq.push_back(std::move(*next));
        }
    } catch (...) {
        error = std::current_exception();
    }
    if (error) {
        set->release();
        set->raise(error);
    }
    auto slots = std::make_shared<Semaphore>(*ctx.rt, std::max(1, options.parallelism), QStringLiteral("for_each_par slots"));
    std::vector<TaskId> tasks;
    for (Child &child : seq)
        tasks.push_back(set->createTask(Effect(child.name, [slots, body = std::move(child.body)](Ctx c) { return worker(c, slots, body); })));
    co_return co_await runAll(ctx, set, std::move(tasks));
}

} // namespace engine::effectpy
