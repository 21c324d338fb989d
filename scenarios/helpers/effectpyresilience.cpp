// effectpy's resilience and resource helpers as scenario nodes (helper-semantics §5.6–5.7,
// catalogue rows 38–44). Every child here is an effect run in the calling task (no task of its
// own) unless the helper says otherwise.


#include "libraries.h"
#include "nodekit.h"
#include "options.h"

#include "engine/error.h"
#include "engine/helpers/effectpy.h"

namespace scenarios::libraries {

namespace {

using engine::Ctx;
using engine::Value;
namespace ep = engine::effectpy;

ep::Effect effectAt(const Node &node, size_t index)
{
    return ep::Effect(childAt(node, index));
}

// -- retry / repeat ---------------------------------------------------------------------------

ep::Schedule scheduleOf(const Node &node, engine::Ctx ctx)
{
    const QString kind = node.option(QStringLiteral("schedule")).toString();
    const engine::Tick delay = node.option(QStringLiteral("delay")).toLongLong();
    ep::Schedule schedule;
    if (kind == QLatin1String("recurs")) {
        schedule = ep::Schedule::recurs(node.option(QStringLiteral("times")).toInt());
    } else {
        // spaced(0) / exponential(0) would retry forever within one instant.
        if (delay <= 0)
            throw engine::Error::plain(QStringLiteral("ValueError"),
                                       QStringLiteral("Schedule.%1 needs a delay > 0 here (it never stops by itself)").arg(kind), ctx.task);
        schedule = kind == QLatin1String("spaced")
            ? ep::Schedule::spaced(delay)
            : ep::Schedule::exponential(delay, ticksOr(node, QStringLiteral("max_delay"), -1));
    }
    if (node.option(QStringLiteral("jittered")).toBool())
        schedule = schedule.jittered(node.option(QStringLiteral("jitter_min")).toDouble(), node.option(QStringLiteral("jitter_max")).toDouble());
    return schedule;
}

QCoro::Task<Value> retry(Ctx ctx, std::shared_ptr<const Node> node)
{
    const ep::Schedule schedule = scheduleOf(*node, ctx);
    QCoro::Task<Value> running = ep::retry(ctx, effectAt(*node, 0), schedule);
    co_return co_await running;
}

QCoro::Task<Value> repeat(Ctx ctx, std::shared_ptr<const Node> node)
{
    const ep::Schedule schedule = scheduleOf(*node, ctx);
    QCoro::Task<Value> running = ep::repeat(ctx, effectAt(*node, 0), schedule);
    co_return co_await running;
}

// -- fallback and breakers --------------------------------------------------------------------

QCoro::Task<Value> catchAll(Ctx ctx, std::shared_ptr<const Node> node)
{
    const ep::Effect fallback = effectAt(*node, 1);
    const ep::FailureHandler handler = [fallback](const engine::Error &) { return fallback; };
    QCoro::Task<Value> running = ep::catchAll(ctx, effectAt(*node, 0), handler);
    co_return co_await running;
}

// One call through the breaker: its value, or the Failure it raised as a value.
QCoro::Task<Value> callThrough(Ctx ctx, ep::Effect wrapped)
{
    std::exception_ptr error;
    Value value;
    try {
        QCoro::Task<Value> running = wrapped.body(ctx);
        value = co_await running;
    } catch (...) {
        error = std::current_exception();
    }
    if (!error)
        co_return value;
    if (!ep::isFailure(error))
        std::rethrow_exception(error);
    co_return QVariant::fromValue(engine::Error::fromException(error));
}

QCoro::Task<Value> circuitBreaker(Ctx ctx, std::shared_ptr<const Node> node)
{
    const int threshold = node->option(QStringLiteral("failure_threshold")).toInt();
    const engine::Tick timeout = node->option(QStringLiteral("timeout_seconds")).toLongLong();
    const engine::Tick interval = node->option(QStringLiteral("interval")).toLongLong();
    const bool halfOpen = node->option(QStringLiteral("half_open")).toBool();
    auto guide = std::make_shared<ep::CircuitBreaker>(threshold, timeout);
    auto classic = std::make_shared<ep::HalfOpenCircuitBreaker>(threshold, timeout);
    QVariantList results;
    for (size_t i = 0; i < node->children.size(); ++i) {
        if (i > 0 && interval > 0)
            co_await ctx.sleep(interval);
        const ep::Effect call = effectAt(*node, i);
        const ep::Effect wrapped = halfOpen ? classic->wrap(call) : guide->wrap(call);
        QCoro::Task<Value> calling = callThrough(ctx, wrapped);
        results << co_await calling;
    }
    co_return results;
}

// -- resources --------------------------------------------------------------------------------

QCoro::Task<Value> acquireRelease(Ctx ctx, std::shared_ptr<const Node> node)
{
    const ep::Effect use = effectAt(*node, 1);
    const ep::Effect release = effectAt(*node, 2);
    const ep::Continuation useIt = [use](const Value &) { return use; };
    const ep::Continuation releaseIt = [release](const Value &) { return release; };
    QCoro::Task<Value> running = ep::acquireRelease(ctx, effectAt(*node, 0), releaseIt, useIt);
    co_return co_await running;
}

QCoro::Task<Value> ensuring(Ctx ctx, std::shared_ptr<const Node> node)
{
    QCoro::Task<Value> running = ep::ensuring(ctx, effectAt(*node, 0), effectAt(*node, 1));
    co_return co_await running;
}

// scoped(f)'s f: adds every child as a finalizer, then runs the body.
QCoro::Task<Value> scopedUse(Ctx ctx, std::shared_ptr<ep::Scope> scope, std::shared_ptr<const Node> node)
{
    for (size_t i = 0; i < node->children.size(); ++i) {
        QCoro::Task<void> adding = scope->addFinalizer(ctx, effectAt(*node, i));
        co_await adding;
    }
    QCoro::Task<Value> body = runBody(ctx, node);
    co_return co_await body;
}

QCoro::Task<Value> scoped(Ctx ctx, std::shared_ptr<const Node> node)
{
    const ep::ScopedBody body = [node](std::shared_ptr<ep::Scope> scope) {
        return ep::Effect(node->name, [node, scope](Ctx c) { return scopedUse(c, scope, node); });
    };
    QCoro::Task<Value> running = ep::scoped(ctx, body);
    co_return co_await running;
}

QCoro::Task<Value> uninterruptible(Ctx ctx, std::shared_ptr<const Node> node)
{
    if (node->option(QStringLiteral("shielded")).toBool()) {
        QCoro::Task<Value> intended = ep::uninterruptibleShielded(ctx, effectAt(*node, 0));
        co_return co_await intended;
    }
    QCoro::Task<Value> running = ep::uninterruptible(ctx, effectAt(*node, 0));
    co_return co_await running;
}

// f(restore) as the children in order: a child flagged `restore: true` is wrapped in restore(…).
QCoro::Task<Value> uninterruptibleMask(Ctx ctx, std::shared_ptr<const Node> node)
{
    std::vector<ep::MaskStep> region;
    for (size_t i = 0; i < node->children.size(); ++i)
        region.push_back(ep::MaskStep{effectAt(*node, i), node->children[i]->flag(QStringLiteral("restore"))});
    if (node->option(QStringLiteral("shielded")).toBool()) {
        QCoro::Task<Value> intended = ep::uninterruptibleMaskShielded(ctx, std::move(region));
        co_return co_await intended;
    }
    QCoro::Task<Value> running = ep::uninterruptibleMask(ctx, std::move(region));
    co_return co_await running;
}

} // namespace

void addEffectpyResilience(std::vector<HelperSpec> &table)
{
    const std::vector<OptionSpec> schedule = {
        options::choice(QStringLiteral("schedule"), QStringLiteral("recurs"),
                        {QStringLiteral("recurs"), QStringLiteral("spaced"), QStringLiteral("exponential")},
                        QStringLiteral("Schedule.recurs(times) / spaced(delay) / exponential(delay, max_delay)")),
        options::integer(QStringLiteral("times"), 1, QStringLiteral("recurs: runs after the first")),
        options::duration(QStringLiteral("delay"), 0, QStringLiteral("spaced: the delay; exponential: the base (delays base·2^k); must be > 0 for both")),
        options::duration(QStringLiteral("max_delay"), QVariant(), QStringLiteral("exponential: cap on one delay (default None)")),
        options::flag(QStringLiteral("jittered"), false, QStringLiteral(".jittered(min, max): each delay times a uniform factor (seeded)")),
        options::number(QStringLiteral("jitter_min"), 0.5, QStringLiteral("smallest jitter factor"), 0, 100),
        options::number(QStringLiteral("jitter_max"), 1.5, QStringLiteral("largest jitter factor"), 0, 100),
    };
    HelperSpec retry = entry("effectpy", "retry", "resilience",
                             QStringLiteral("eff.retry(schedule): reruns the child on a Failure while the schedule goes on, sleeping its delay; defects and cancellation are not retried; value: the first successful value"),
                             build<libraries::retry>, 1, 1);
    retry.options = schedule;
    table.push_back(retry);
    HelperSpec repeat = entry("effectpy", "repeat", "resilience",
                              QStringLiteral("eff.repeat(schedule): reruns the child after each success while the schedule goes on (recurs(n): n+1 runs); any error ends it; value: the last value"),
                              build<libraries::repeat>, 1, 1);
    repeat.options = schedule;
    table.push_back(repeat);

    table.push_back(entry("effectpy", "catch_all", "resilience",
                          QStringLiteral("eff.catch_all(lambda e: fallback): a Failure of the first child runs the second (in the same task); defects and cancellation pass; value: the first child's value or the fallback's"),
                          build<catchAll>, 2, 2));

    HelperSpec breaker = entry("effectpy", "circuit_breaker", "resilience",
                               QStringLiteral("the guide's CircuitBreaker(failure_threshold, timeout_seconds).call(child) for each child in turn: opens at the threshold, rejects with Failure('Circuit breaker is OPEN') without running, resets fully after the timeout; value: each call's value or its Failure, in order"),
                               build<circuitBreaker>, 1);
    breaker.options = {
        options::integer(QStringLiteral("failure_threshold"), 3, QStringLiteral("failures that open it"), 1, 1'000'000, false),
        options::duration(QStringLiteral("timeout_seconds"), 60, QStringLiteral("open until now - last_failure > this (strict)")),
        options::duration(QStringLiteral("interval"), 0, QStringLiteral("sleep between two calls")),
        options::flag(QStringLiteral("half_open"), false, QStringLiteral("a classic three-state breaker instead (one probe after the timeout; a failed probe re-opens)")),
    };
    table.push_back(breaker);

    table.push_back(entry("effectpy", "acquire_release", "resources",
                          QStringLiteral("acquire_release(acquire, release, use) with the children in that order acquire, use, release: release always runs after use (failure, cancellation), its errors swallowed, not shielded; value: use's value"),
                          build<acquireRelease>, 3, 3));
    table.push_back(entry("effectpy", "ensuring", "resources",
                          QStringLiteral("eff.ensuring(fin): the second child runs after the first whatever its outcome; its errors are swallowed; value: the first child's value"),
                          build<ensuring>, 2, 2));
    table.push_back(entry("effectpy", "scoped", "resources",
                          QStringLiteral("scoped(f): a Scope whose finalizers (the children, added in order) run LIFO when the body ends, failures swallowed; value: the body's value"),
                          build<scoped>, 0, -1, NodeBody::Steps));
    HelperSpec un = entry("effectpy", "uninterruptible", "scope",
                          QStringLiteral("uninterruptible(eff): runs the child as a task and awaits it — the caller's cancellation is forwarded into it, so it protects nothing; value: the child's value"),
                          build<uninterruptible>, 1, 1);
    un.options = {options::flag(QStringLiteral("shielded"), false, QStringLiteral("the intended behaviour: the child finishes, then the cancellation is delivered"))};
    table.push_back(un);

    HelperSpec mask = entry("effectpy", "uninterruptible_mask", "scope",
                            QStringLiteral("uninterruptibleMask(f) = uninterruptible(f(restore)): the children run in order as one effect in a task of its own, a child flagged restore in a fresh task of its own; the caller's cancellation is forwarded all the way down, so nothing is masked; value: the last child's value"),
                            build<uninterruptibleMask>, 1, -1);
    mask.childFlags = {QStringLiteral("restore")};
    mask.options = {options::flag(QStringLiteral("shielded"), false,
                                  QStringLiteral("the intended (Effect-TS) masking: the region runs in the caller, cancellation waits during unflagged children, restore children are interruptible"))};
    table.push_back(mask);
}

} // namespace scenarios::libraries
