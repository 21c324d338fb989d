#include "submit.h"

#include "../error.h"

namespace engine::concurry::detail {

using reference::ChildSet;

std::shared_ptr<ChildSet> submit(Ctx ctx, const QString &scopeName, std::vector<Child> futures)
{
    auto set = ChildSet::open(ctx, scopeName, /*detached*/ true);
    for (Child &future : futures)
        set->start(std::move(future), StartPolicy::Eager);
    return set;
}

PollPlan waitPlan(const char *api, ReturnWhen when, Tick timeout, PollAlgorithm polling, Tick interval, bool async,
                  ProgressTracker progress)
{
    PollPlan plan;
    plan.api = api;
    plan.returnWhen = when;
    plan.timeout = timeout;
    plan.algorithm = polling;
    plan.interval = interval;
    plan.async = async;
    plan.unit = async ? "tasks" : "futures";
    plan.progress = progress;
    return plan;
}

ProgressTracker trackerOf(const WaitOptions &options)
{
    return ProgressTracker{options.progress, options.onProgress};
}

ProgressTracker trackerOf(const GatherOptions &options)
{
    return ProgressTracker{options.progress, options.onProgress};
}

std::vector<Value> collect(Ctx ctx, const ChildSet &set, bool returnExceptions)
{
    Runtime &rt = *ctx.rt;
    std::vector<Value> values;
    for (int i = 0; i < set.size(); ++i) {
        const TaskId task = set.task(i);
        switch (rt.state(task)) {
        case TaskState::Completed:
            values.push_back(rt.result(task));
            break;
        case TaskState::Failed: {
            const Error error = Error::fromException(rt.error(task));
            if (!returnExceptions) {
                rt.record(EventKind::ErrorsGrouped, ctx.task, set.scope(), rt.endEvent(task), NoId, error.describe());
                throw error;
            }
            values.push_back(QVariant::fromValue(error));
            break;
        }
        default:
            // result() of a cancelled future raises CancelledError, which return_exceptions does not catch.
            throw Cancelled();
        }
    }
    return values;
}

QCoro::Task<DoneNotDone> watch(Ctx ctx, std::shared_ptr<ChildSet> set, PollPlan plan)
{
    std::exception_ptr error;
    DoneNotDone sets;
    try {
        sets = co_await pollUntil(ctx, set, plan);
    } catch (...) {
        error = std::current_exception();
    }
    set->leave();
    if (error)
        std::rethrow_exception(error);
    co_return sets;
}

} // namespace engine::concurry::detail
