// Haiway's scopes and resilience/time helpers as scenario nodes (helper-semantics §1.5–1.6,
// catalogue rows 1–3 and 8–10).

#include "libraries.h"

#include "bodies.h"
#include "nodekit.h"
#include "options.h"
#include "../runenv.h"

#include "engine/helpers/haiwayresilience.h"
#include "engine/helpers/haiwayscope.h"
#include "engine/supervisor.h"

namespace scenarios::libraries {

namespace {

using engine::Ctx;
using engine::Value;

QCoro::Task<Value> scopeBody(Ctx ctx, engine::haiway::HaiwayScope &group, std::shared_ptr<const Node> node)
{
    // `group` is a reference: haiway::scope awaits this body in the same expression.
    ctx.rt->extension<RunEnv>().nameScope(node->name, group.scope());
    engine::haiway::HaiwayScope *open = &group;
    return startChildrenAndRunBody(ctx, node, [open](std::shared_ptr<const Node> child) { return open->spawn(child->name, bodyFor(child)); });
}

QCoro::Task<Value> scope(Ctx ctx, std::shared_ptr<const Node> node)
{
    engine::haiway::ScopeBody body = [node](Ctx c, engine::haiway::HaiwayScope &group) { return scopeBody(c, group, node); };
    QCoro::Task<Value> running = engine::haiway::scope(ctx, node->name, body);
    co_return co_await running;
}

QCoro::Task<Value> spawnBackground(Ctx ctx, std::shared_ptr<const Node> node)
{
    for (const auto &child : node->children)
        engine::haiway::spawnBackground(ctx, child->name, bodyFor(child));
    co_return Value{};
}

QCoro::Task<Value> shutdownBackground(Ctx ctx, std::shared_ptr<const Node> node)
{
    Q_UNUSED(node);
    QCoro::Task<void> shutdown = engine::haiway::shutdownBackgroundTasks(ctx);
    co_await shutdown;
    co_return Value{};
}

QCoro::Task<Value> retry(Ctx ctx, std::shared_ptr<const Node> node)
{
    engine::haiway::RetryOptions options;
    options.limit = node->option(QStringLiteral("limit")).toInt();
    options.delay = node->option(QStringLiteral("delay")).toLongLong();
    const QStringList catching = node->option(QStringLiteral("catching")).toStringList();
    QCoro::Task<Value> running = engine::haiway::retry(ctx, blockOf(node), options, {}, catching);
    co_return co_await running;
}

QCoro::Task<Value> timeout(Ctx ctx, std::shared_ptr<const Node> node)
{
    const engine::Tick seconds = node->option(QStringLiteral("seconds")).toLongLong();
    const std::shared_ptr<const Node> &inner = node->children.front();
    QCoro::Task<Value> running = engine::haiway::timeout(ctx, seconds, bodyFor(inner), inner->name);
    co_return co_await running;
}

QCoro::Task<Value> throttleCall(Ctx ctx, std::shared_ptr<engine::haiway::Throttle> throttle, std::shared_ptr<const Node> child)
{
    QCoro::Task<Value> call = throttle->call(ctx, bodyFor(child));
    co_return co_await call;
}

QCoro::Task<Value> throttle(Ctx ctx, std::shared_ptr<const Node> node)
{
    auto limiter = std::make_shared<engine::haiway::Throttle>(*ctx.rt, node->option(QStringLiteral("limit")).toInt(),
                                                               node->option(QStringLiteral("period")).toLongLong());
    std::vector<engine::Child> calls;
    for (const auto &child : node->children)
        calls.push_back(engine::Child{child->name, [limiter, child](Ctx c) { return throttleCall(c, limiter, child); }});
    engine::SupervisorPolicy policy;   // the calls are gathered as asyncio.gather would: all at once
    policy.name = QStringLiteral("throttle()");
    QCoro::Task<engine::SupervisorResult> running = engine::supervise(ctx, policy, std::move(calls));
    const engine::SupervisorResult result = co_await running;
    QVariantList values;
    for (const engine::ChildOutcome &outcome : result.done)
        values << outcome.value;
    co_return values;
}

} // namespace

void addHaiwayScopes(std::vector<HelperSpec> &table)
{
    table.push_back(scopeEntry("haiway", "scope", "scope",
                               QStringLiteral("ctx.scope(name): a task group; the children and `spawn:` steps are ctx.spawn tasks, waited for (not cancelled) on a healthy exit; value: the body's return"),
                               build<scope>));

    table.push_back(entry("haiway", "spawn_background", "scope",
                          QStringLiteral("ctx.spawn_background: each child runs detached, may outlive its scope, its error is only logged; value: None at once"),
                          build<spawnBackground>));

    table.push_back(entry("haiway", "shutdown_background_tasks", "scope",
                          QStringLiteral("ctx.shutdown_background_tasks(): cancels every background task and waits for them; value: None"),
                          build<shutdownBackground>, 0, 0));

    HelperSpec retrySpec = blockEntry("haiway", "retry", "resilience",
                                      QStringLiteral("@retry: runs the body again on a matching error, at most `limit` more times; never retries a cancellation; value: the body's return"),
                                      build<retry>);
    retrySpec.options = {
        options::integer(QStringLiteral("limit"), 1, QStringLiteral("retries after the first call")),
        options::duration(QStringLiteral("delay"), 0, QStringLiteral("wait between attempts (None: at once)")),
        options::words(QStringLiteral("catching"), QStringLiteral("error types retried (default: Exception, any error)")),
    };
    table.push_back(retrySpec);

    HelperSpec timeoutSpec = entry("haiway", "timeout", "time",
                                   QStringLiteral("@timeout(seconds): the child runs as its own task; at the deadline the caller gets TimeoutError at once and the child is cancelled, not awaited; value: the child's"),
                                   build<timeout>, 1, 1);
    timeoutSpec.options = {options::required(options::duration(QStringLiteral("seconds"), QVariant(), QStringLiteral("the deadline, from the call")))};
    table.push_back(timeoutSpec);

    HelperSpec throttleSpec = entry("haiway", "throttle", "resources",
                                    QStringLiteral("@throttle: the children are calls made at once; at most `limit` may start within any `period`, the rest sleep; value: their results in input order"),
                                    build<throttle>);
    throttleSpec.options = {
        options::integer(QStringLiteral("limit"), 1, QStringLiteral("call starts allowed per period"), 1),
        options::duration(QStringLiteral("period"), 1000, QStringLiteral("the sliding window (default 1s)")),
    };
    table.push_back(throttleSpec);
}

} // namespace scenarios::libraries
