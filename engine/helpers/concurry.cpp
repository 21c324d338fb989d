#include "concurry.h"

#include "../concurry/poller.h"

#include <type_traits>

static_assert(std::is_trivially_destructible_v<engine::concurry::WaitOptions>, "options pass through co_await (g++ 12)");
static_assert(std::is_trivially_destructible_v<engine::concurry::GatherOptions>, "options pass through co_await (g++ 12)");
static_assert(std::is_trivially_destructible_v<engine::concurry::RetryOptions>, "options pass through co_await (g++ 12)");

namespace engine::concurry {

using reference::ChildSet;

namespace {

std::shared_ptr<ChildSet> submit(Ctx ctx, const QString &scopeName, std::vector<Child> futures)
{
    auto set = ChildSet::open(ctx, scopeName, /*detached*/ true);
    for (Child &future : futures)
        set->start(std::move(future), StartPolicy::Eager);
    return set;
}

PollPlan waitPlan(const char *api, ReturnWhen when, Tick timeout, PollAlgorithm polling, Tick interval, bool async)
{
    PollPlan plan;
    plan.api = api;
    plan.returnWhen = when;
    plan.timeout = timeout;
    plan.algorithm = polling;
    plan.interval = interval;
    plan.async = async;
    plan.unit = async ? "tasks" : "futures";
    return plan;
}

// Everything is done: the results in input order, or the first error in input order.
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

QVariantList toList(const std::vector<Value> &values)
{
    return QVariantList(values.begin(), values.end());
}

// Polls `set` under `plan`; the set is left (children may leak) however it ends.
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

QCoro::Task<std::vector<Value>> gatherValues(Ctx ctx, std::vector<Child> futures, GatherOptions options, bool async, const char *api)
{
    auto set = submit(ctx, QLatin1String(api), std::move(futures));
    // Blocking gather is wait(ALL_COMPLETED) followed by collecting: its TimeoutError is wait()'s.
    PollPlan plan = waitPlan(async ? api : "wait()", ReturnWhen::AllCompleted, options.timeout, options.polling,
                             options.pollInterval, async);
    plan.cancelOnTimeout = async;
    co_await watch(ctx, set, plan);
    co_return collect(ctx, *set, options.returnExceptions);
}

std::shared_ptr<GatherIterator> iterate(Ctx ctx, std::vector<Child> futures, GatherOptions options, bool keyed)
{
    std::vector<QVariant> keys;
    for (int i = 0; i < int(futures.size()); ++i)
        keys.push_back(keyed ? QVariant(futures[size_t(i)].name) : QVariant(i));
    auto set = submit(ctx, QStringLiteral("gather(iter=True)"), std::move(futures));
    return std::make_shared<GatherIterator>(set, std::move(keys), options);
}

} // namespace

QCoro::Task<DoneNotDone> wait(Ctx ctx, std::vector<Child> futures, WaitOptions options)
{
    if (futures.empty())
        co_return DoneNotDone{};
    auto set = submit(ctx, QStringLiteral("wait()"), std::move(futures));
    const PollPlan plan = waitPlan("wait()", options.returnWhen, options.timeout, options.polling, options.pollInterval, false);
    co_return co_await watch(ctx, set, plan);
}

QCoro::Task<DoneNotDone> asyncWait(Ctx ctx, std::vector<Child> aws, WaitOptions options)
{
    if (aws.empty())
        co_return DoneNotDone{};
    auto set = submit(ctx, QStringLiteral("async_wait()"), std::move(aws));
    const PollPlan plan = waitPlan("async_wait()", options.returnWhen, options.timeout, options.polling, options.pollInterval, true);
    co_return co_await watch(ctx, set, plan);
}

QCoro::Task<QVariantList> gather(Ctx ctx, std::vector<Child> futures, GatherOptions options)
{
    if (futures.empty())
        co_return QVariantList{};
    const std::vector<Value> values = co_await gatherValues(ctx, std::move(futures), options, false, "gather()");
    co_return toList(values);
}

QCoro::Task<Dict> gatherDict(Ctx ctx, std::vector<Child> futures, GatherOptions options)
{
    if (futures.empty())
        co_return Dict{};
    QStringList keys;
    for (const Child &f : futures)
        keys << f.name;
    const std::vector<Value> values = co_await gatherValues(ctx, std::move(futures), options, false, "gather()");
    Dict dict;
    for (int i = 0; i < keys.size(); ++i)
        dict.insert(keys.at(i), values[size_t(i)]);
    co_return dict;
}

QCoro::Task<QVariantList> asyncGather(Ctx ctx, std::vector<Child> aws, GatherOptions options)
{
    if (aws.empty())
        co_return QVariantList{};
    const std::vector<Value> values = co_await gatherValues(ctx, std::move(aws), options, true, "async_gather()");
    co_return toList(values);
}

QCoro::Task<Dict> asyncGatherDict(Ctx ctx, std::vector<Child> aws, GatherOptions options)
{
    if (aws.empty())
        co_return Dict{};
    QStringList keys;
    for (const Child &f : aws)
        keys << f.name;
    const std::vector<Value> values = co_await gatherValues(ctx, std::move(aws), options, true, "async_gather()");
    Dict dict;
    for (int i = 0; i < keys.size(); ++i)
        dict.insert(keys.at(i), values[size_t(i)]);
    co_return dict;
}

std::shared_ptr<GatherIterator> gatherIter(Ctx ctx, std::vector<Child> futures, GatherOptions options)
{
    return iterate(ctx, std::move(futures), options, false);
}

std::shared_ptr<GatherIterator> gatherDictIter(Ctx ctx, std::vector<Child> futures, GatherOptions options)
{
    return iterate(ctx, std::move(futures), options, true);
}

Child ready(const QString &name, Value value)
{
    Body body = [value](Ctx) -> QCoro::Task<Value> { co_return value; };
    return Child{name, std::move(body)};
}

} // namespace engine::concurry
