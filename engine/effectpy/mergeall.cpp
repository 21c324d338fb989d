#include "mergeall.h"

#include "taskset.h"

namespace engine::effectpy {

namespace {

// Pulls up to `count` effects (count < 0: all) and starts each as a task; false once exhausted.
QCoro::Task<bool> fill(Ctx ctx, TaskSet &set, Source &effects, std::vector<TaskId> &tasks, int count)
{
    for (int i = 0; count < 0 || i < count; ++i) {
        std::optional<Child> next = co_await effects.next(ctx);
        if (!next)
            co_return false;
        set.pulled(next->name);
        tasks.push_back(set.createTask(*next));
    }
    co_return true;
}

QCoro::Task<QVariantList> ordered(Ctx ctx, std::shared_ptr<TaskSet> set, std::shared_ptr<Source> effects, std::vector<TaskId> batch)
{
    Runtime &rt = *ctx.rt;
    QVariantList results;
    std::exception_ptr error;
    try {
        results = co_await set->gather(ctx, batch);
    } catch (...) {
        error = std::current_exception();
    }
    if (error) {
        // except BaseException: cancel what is unfinished, drain the batch, re-raise.
        const TaskId culprit = firstToFail(rt, batch);
        const EventId propagated = set->propagated(culprit);
        const QString why = propagated != NoId ? QStringLiteral("%1 failed").arg(rt.trace().taskName(culprit))
                                               : QStringLiteral("merge_all is unwinding");
        for (TaskId t : batch)
            set->cancel(t, why, propagated);
        for (TaskId t : batch)
            co_await drain(ctx, t);
        set->release();
        if (propagated == NoId)
            std::rethrow_exception(error);
        set->raise(error, propagated);
    }
    // `for e in eff_iter: results.append(await e._run(ctx))`: one at a time.
    try {
        while (true) {
            std::vector<TaskId> one;
            const bool more = co_await fill(ctx, *set, *effects, one, 1);
            if (!more)
                break;
            const Value value = co_await awaitResult(ctx, one.front());
            results << value;
        }
    } catch (...) {
        error = std::current_exception();
    }
    set->release();
    if (error && isCancelled(error))
        std::rethrow_exception(error);
    if (error)
        set->raise(error);
    co_return results;
}

QCoro::Task<QVariantList> unordered(Ctx ctx, std::shared_ptr<TaskSet> set, std::shared_ptr<Source> effects,
                                    std::vector<TaskId> tasks, int parallelism, bool more)
{
    Runtime &rt = *ctx.rt;
    QVariantList results;
    std::exception_ptr error;
    EventId cause = NoId;
    try {
        while (!tasks.empty()) {
            const Waited waited = co_await set->wait(ctx, tasks, ReturnWhen::FirstCompleted);
            for (TaskId done : waited.done) {
                if (rt.state(done) == TaskState::Completed) {
                    results << rt.result(done);
                    continue;
                }
                // A failed (or cancelled) task: cancel and drain the pending ones, re-raise.
                const EventId propagated = set->propagated(done);
                cause = propagated != NoId ? propagated : rt.endEvent(done);
                const QString why = QStringLiteral("%1 %2").arg(rt.trace().taskName(done), propagated != NoId ? QStringLiteral("failed") : QStringLiteral("was cancelled"));
                for (TaskId p : waited.pending)
                    set->cancel(p, why, cause);
                for (TaskId p : waited.pending)
                    co_await drain(ctx, p);
                error = rt.state(done) == TaskState::Failed ? rt.error(done) : std::make_exception_ptr(Cancelled());
                break;
            }
            if (error)
                break;
            tasks = waited.pending;
            // Refill: an input that raises here propagates with the pending tasks still running.
            if (more && parallelism > 0)
                more = co_await fill(ctx, *set, *effects, tasks, parallelism - int(tasks.size()));
        }
    } catch (...) {
        error = std::current_exception();
    }
    set->release();
    if (!error)
        co_return results;
    if (isCancelled(error) && cause == NoId)
        std::rethrow_exception(error);   // the caller's own cancellation: the tasks leak
    set->raise(error, cause);
}

} // namespace

QCoro::Task<QVariantList> mergeAll(Ctx ctx, std::shared_ptr<Source> effects, MergeAllOptions options)
{
    const bool bounded = options.parallelism > 0;
    auto set = TaskSet::open(ctx, options.preserveOrder ? QStringLiteral("merge_all(preserve_order)") : QStringLiteral("merge_all"), options.ties);
    std::vector<TaskId> tasks;
    std::exception_ptr error;
    bool more = false;
    try {
        more = co_await fill(ctx, *set, *effects, tasks, bounded ? options.parallelism : -1);
    } catch (...) {
        error = std::current_exception();
    }
    if (error) {
        // The tasks started so far keep running.
        set->release();
        set->raise(error);
    }
    if (options.preserveOrder)
        co_return co_await ordered(ctx, set, effects, std::move(tasks));
    co_return co_await unordered(ctx, set, effects, std::move(tasks), options.parallelism, more);
}

QCoro::Task<QVariantList> mergeAll(Ctx ctx, std::vector<Effect> effects, MergeAllOptions options)
{
    std::vector<Child> children;
    for (const Effect &effect : effects)
        children.push_back(effect.child());
    return mergeAll(ctx, std::make_shared<ListSource>(std::move(children)), options);
}

} // namespace engine::effectpy
