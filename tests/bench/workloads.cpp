#include "workloads.h"

#include "engine/helpers/asyncgui.h"
#include "engine/helpers/haiway.h"
#include "engine/helpers/haiwaystream.h"
#include "engine/nursery.h"

#include <chrono>
#include <cstdlib>
#include <memory>

using namespace engine;

namespace bench {

namespace {

// Counts racers that observed cancellation: the destructor runs while the frame unwinds.
struct Observe
{
    int *counter;
    int before = std::uncaught_exceptions();
    ~Observe()
    {
        if (std::uncaught_exceptions() > before)
            ++*counter;
    }
};

QCoro::Task<Value> sleeper(Ctx ctx, Tick d, int *cancelled)
{
    Observe observe{cancelled};
    co_await ctx.sleep(d);
    co_return d;
}

QCoro::Task<Value> failAt(Ctx ctx, Tick d)
{
    co_await ctx.sleep(d);
    throw Error::plain(QStringLiteral("ValueError"), QStringLiteral("boom"), ctx.task);
}

QString hex8(std::uint32_t v)
{
    return QStringLiteral("%1").arg(v, 8, 16, QLatin1Char('0'));
}

long long cancellationsDelivered(const Runtime &rt)
{
    long long n = 0;
    for (const TraceEvent &e : rt.trace().events())
        n += e.kind == EventKind::CancelDelivered;
    return n;
}

// Kept out of line so that the throw and its handler are one real frame, as in a coroutine body.
[[gnu::noinline]] int throwOnce(int i)
{
    try {
        if (i >= 0)
            throw Cancelled();
    } catch (const Cancelled &) {
        return 1;
    }
    return 0;
}

} // namespace

double throwCost()
{
    constexpr int Rounds = 100000;
    int caught = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < Rounds; ++i)
        caught += throwOnce(i);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return caught == Rounds ? seconds / Rounds : 0.0;
}

double pageCost()
{
    constexpr size_t Page = 4096;
    constexpr size_t Pages = 8192;   // 32 MiB: well above malloc's mmap threshold, so fresh pages
    auto *memory = static_cast<volatile char *>(std::malloc(Page * Pages));
    if (!memory)
        return 0.0;
    const auto start = std::chrono::steady_clock::now();
    for (size_t i = 0; i < Pages; ++i)
        memory[i * Page] = 1;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::free(const_cast<char *>(memory));
    return seconds / Pages;
}

Outcome fanOut(int n)
{
    Lcg lcg;
    auto durations = std::make_shared<std::vector<Tick>>();
    for (int i = 0; i < n; ++i)
        durations->push_back(lcg.duration(1, 1000));
    Runtime rt(Profile::asyncio());
    QVariantList results;
    rt.spawn(NoId, QStringLiteral("main"), [durations, &results](Ctx ctx) -> QCoro::Task<Value> {
        std::vector<Child> children;
        children.reserve(durations->size());
        for (Tick d : *durations)
            children.push_back(Child{QString(), [d](Ctx c) -> QCoro::Task<Value> {
                                         co_await c.sleep(d);
                                         co_return c.now();
                                     }});
        haiway::FanOutOptions options;
        options.concurrentTasks = 64;
        results = co_await haiway::concurrently(ctx, std::make_shared<ListSource>(std::move(children)), options);
        co_return {};
    });
    rt.scheduler().runUntilIdle();
    std::uint32_t h = 0;
    for (const QVariant &t : results)
        h = h * 31u + std::uint32_t(t.toLongLong());
    return {QStringLiteral("h=%1:t=%2").arg(hex8(h)).arg(rt.now()), rt.taskCount()};
}

Outcome race(int n)
{
    Lcg lcg;
    std::vector<Tick> durations;
    for (int i = 0; i < n; ++i)
        durations.push_back(lcg.duration(1, 1000));
    Runtime rt(Profile::asyncgui());
    int cancelled = 0;
    Tick winner = -1;
    rt.spawn(NoId, QStringLiteral("main"), [&](Ctx ctx) -> QCoro::Task<Value> {
        std::vector<Child> racers;
        racers.reserve(durations.size());
        for (Tick d : durations)
            racers.push_back(Child{QString(), [d, &cancelled](Ctx c) { return sleeper(c, d, &cancelled); }});
        const std::vector<TaskId> ids = co_await asyncgui::waitAny(ctx, std::move(racers));
        for (TaskId id : ids)
            if (ctx.rt->state(id) == TaskState::Completed)
                winner = ctx.rt->result(id).toLongLong();
        co_return {};
    });
    rt.scheduler().runUntilIdle();
    return {QStringLiteral("w=%1:c=%2:t=%3").arg(winner).arg(cancelled).arg(rt.now()), rt.taskCount(), cancellationsDelivered(rt)};
}

Outcome failure(int n)
{
    Lcg lcg;
    std::vector<Tick> durations;
    for (int i = 0; i < n; ++i)
        durations.push_back(lcg.duration(501, 500));
    durations[size_t(n / 2)] = 500;
    Runtime rt(Profile::trio());
    int cancelled = 0;
    rt.spawn(NoId, QStringLiteral("main"), [&](Ctx ctx) -> QCoro::Task<Value> {
        const NurseryBody body = [&](Ctx, Nursery &nursery) -> QCoro::Task<Value> {
            for (int i = 0; i < n; ++i) {
                const Tick d = durations[size_t(i)];
                if (i == n / 2)
                    nursery.start(QString(), [d](Ctx c) { return failAt(c, d); });
                else
                    nursery.start(QString(), [d, &cancelled](Ctx c) { return sleeper(c, d, &cancelled); });
            }
            co_return {};
        };
        co_return co_await withNursery(ctx, {}, body);
    });
    rt.scheduler().runUntilIdle();
    const int err = rt.state(0) == TaskState::Failed ? 1 : 0;
    return {QStringLiteral("c=%1:t=%2:err=%3").arg(cancelled).arg(rt.now()).arg(err), rt.taskCount(), cancellationsDelivered(rt)};
}

std::vector<long long> nestedFanOuts(int n)
{
    std::vector<long long> fanOuts;
    long long remaining = std::max(1, n / 2);
    for (int level = 0; level < 10; ++level) {
        const int k = 10 - level;
        auto power = [](long long b, int e) {
            long long r = 1;
            for (int i = 0; i < e; ++i)
                r *= b;
            return r;
        };
        long long b = 1;
        while (power(b + 1, k) <= remaining)
            ++b;
        if (power(b + 1, k) - remaining < remaining - power(b, k))
            ++b;
        fanOuts.push_back(b);
        remaining = std::max(1LL, (remaining + b / 2) / b);
    }
    return fanOuts;
}

namespace {

struct NestedPlan
{
    std::vector<long long> fanOuts;
    std::vector<Tick> leafDurations;
    long long failingLeaf = 0;
    int cancelledLeaves = 0;
};

// The task body of the subtree whose first leaf is `firstLeaf`: at the bottom a leaf, above it a
// nursery starting the subtrees one level down. Each body is the coroutine the task runs, not a
// coroutine awaiting another one: every extra coroutine level would rethrow the cancellation.
Body subtree(const std::shared_ptr<NestedPlan> &plan, int level, long long firstLeaf)
{
    if (level == int(plan->fanOuts.size())) {
        const Tick d = plan->leafDurations[size_t(firstLeaf)];
        if (firstLeaf == plan->failingLeaf)
            return [d](Ctx c) { return failAt(c, d); };
        return [d, plan](Ctx c) { return sleeper(c, d, &plan->cancelledLeaves); };
    }
    long long leavesBelow = 1;
    for (size_t i = size_t(level) + 1; i < plan->fanOuts.size(); ++i)
        leavesBelow *= plan->fanOuts[i];
    NurseryBody body = [plan, level, firstLeaf, leavesBelow](Ctx, Nursery &nursery) -> QCoro::Task<Value> {
        for (long long i = 0; i < plan->fanOuts[size_t(level)]; ++i)
            nursery.start(QString(), subtree(plan, level + 1, firstLeaf + i * leavesBelow));
        co_return {};
    };
    return [body = std::move(body)](Ctx c) { return withNursery(c, NurseryOptions(), body); };
}

} // namespace

Outcome nested(int n)
{
    auto plan = std::make_shared<NestedPlan>();
    plan->fanOuts = nestedFanOuts(n);
    long long leaves = 1;
    for (long long b : plan->fanOuts)
        leaves *= b;
    Lcg lcg;
    for (long long i = 0; i < leaves; ++i)
        plan->leafDurations.push_back(lcg.duration(501, 500));
    plan->failingLeaf = leaves / 2;
    plan->leafDurations[size_t(plan->failingLeaf)] = 500;
    Runtime rt(Profile::trio());
    rt.spawn(NoId, QStringLiteral("root"), subtree(plan, 0, 0));
    rt.scheduler().runUntilIdle();
    const int err = rt.state(0) == TaskState::Failed ? 1 : 0;
    return {QStringLiteral("L=%1:T=%2:c=%3:t=%4:err=%5").arg(leaves).arg(rt.taskCount()).arg(plan->cancelledLeaves).arg(rt.now()).arg(err),
            rt.taskCount(), cancellationsDelivered(rt)};
}

Outcome merge(int n)
{
    const int half = n / 2;
    Lcg lcg;
    haiway::StreamSource a{QStringLiteral("A"), {}, {}, std::nullopt, 0};
    haiway::StreamSource b{QStringLiteral("B"), {}, {}, std::nullopt, 0};
    for (int k = 0; k < half; ++k) {
        a.delays.push_back(lcg.duration(1, 1000));
        a.values << k;
    }
    for (int k = 0; k < half; ++k) {
        b.delays.push_back(lcg.duration(1, 1000));
        b.values << half + k;
    }
    Runtime rt(Profile::asyncio());
    std::uint32_t s = 0;
    int received = 0;
    rt.spawn(NoId, QStringLiteral("consumer"), [&](Ctx ctx) -> QCoro::Task<Value> {
        haiway::StreamOptions options;
        options.exhaustive = true;
        const auto merged = haiway::MergedStream::start(ctx, a, b, options);
        while (true) {
            const std::optional<Value> item = co_await merged->next(ctx);
            if (!item)
                break;
            ++received;
            s += std::uint32_t(item->toLongLong() + 1) * std::uint32_t(ctx.now());
        }
        co_return {};
    });
    rt.scheduler().runUntilIdle();
    return {QStringLiteral("n=%1:s=%2:t=%3").arg(received).arg(hex8(s)).arg(rt.now()), rt.taskCount()};
}

} // namespace bench
