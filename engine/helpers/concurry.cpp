#include "concurry.h"

#include "../concurry/submit.h"

#include <type_traits>

static_assert(std::is_trivially_destructible_v<engine::concurry::WaitOptions>, "options pass through co_await (g++ 12)");
static_assert(std::is_trivially_destructible_v<engine::concurry::GatherOptions>, "options pass through co_await (g++ 12)");
static_assert(std::is_trivially_destructible_v<engine::concurry::RetryOptions>, "options pass through co_await (g++ 12)");

namespace engine::concurry {

using reference::ChildSet;
using detail::collect;
using detail::submit;
using detail::trackerOf;
using detail::waitPlan;
using detail::watch;

namespace {

QVariantList toList(const std::vector<Value> &values)
{
    return QVariantList(values.begin(), values.end());
}

QCoro::Task<std::vector<Value>> gatherValues(Ctx ctx, std::vector<Child> futures, GatherOptions options, bool async, const char *api)
{
    auto set = submit(ctx, QLatin1String(api), std::move(futures));
    // Blocking gather is wait(ALL_COMPLETED) followed by collecting: its TimeoutError is wait()'s.
    PollPlan plan = waitPlan(async ? api : "wait()", ReturnWhen::AllCompleted, options.timeout, options.polling,
                             options.pollInterval, async, trackerOf(options));
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
    const PollPlan plan = waitPlan("wait()", options.returnWhen, options.timeout, options.polling, options.pollInterval, false,
                                   trackerOf(options));
    co_return co_await watch(ctx, set, plan);
}

QCoro::Task<DoneNotDone> asyncWait(Ctx ctx, std::vector<Child> aws, WaitOptions options)
{
    if (aws.empty())
        co_return DoneNotDone{};
    auto set = submit(ctx, QStringLiteral("async_wait()"), std::move(aws));
    const PollPlan plan = waitPlan("async_wait()", options.returnWhen, options.timeout, options.polling, options.pollInterval, true,
                                   trackerOf(options));
    co_return co_await watch(ctx, set, plan);
}

namespace {

// gather() and async_gather() differ only in how they wait (polling vs awaiting) and their name.
QCoro::Task<QVariantList> gatherList(Ctx ctx, std::vector<Child> futures, GatherOptions options, bool async, const char *name)
{
    if (futures.empty())
        co_return QVariantList{};
    const std::vector<Value> values = co_await gatherValues(ctx, std::move(futures), options, async, name);
    co_return toList(values);
}

// The dict forms: the same values, keyed by the children's names.
QCoro::Task<Dict> gatherDictOf(Ctx ctx, std::vector<Child> futures, GatherOptions options, bool async, const char *name)
{
    if (futures.empty())
        co_return Dict{};
    QStringList keys;
    for (const Child &f : futures)
        keys << f.name;
    const std::vector<Value> values = co_await gatherValues(ctx, std::move(futures), options, async, name);
    Dict dict;
    for (int i = 0; i < keys.size(); ++i)
        dict.insert(keys.at(i), values[size_t(i)]);
    co_return dict;
}

} // namespace

QCoro::Task<QVariantList> gather(Ctx ctx, std::vector<Child> futures, GatherOptions options)
{
    return gatherList(ctx, std::move(futures), options, false, "gather()");
}

QCoro::Task<Dict> gatherDict(Ctx ctx, std::vector<Child> futures, GatherOptions options)
{
    return gatherDictOf(ctx, std::move(futures), options, false, "gather()");
}

QCoro::Task<QVariantList> asyncGather(Ctx ctx, std::vector<Child> aws, GatherOptions options)
{
    return gatherList(ctx, std::move(aws), options, true, "async_gather()");
}

QCoro::Task<Dict> asyncGatherDict(Ctx ctx, std::vector<Child> aws, GatherOptions options)
{
    return gatherDictOf(ctx, std::move(aws), options, true, "async_gather()");
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
