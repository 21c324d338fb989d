#include "trio.h"

#include <type_traits>

static_assert(std::is_trivially_destructible_v<engine::trio::CancelScopeOptions>, "options pass through co_await (g++ 12)");

namespace engine::trio {

void CancelScope::cancel(const QString &why) const
{
    m_rt->cancelScope(m_scope, m_rt->current(), why);
}

void CancelScope::setDeadline(Tick deadline) const
{
    m_rt->setDeadline(m_scope, deadline);
}

bool CancelScope::cancelCalled() const
{
    return m_rt->scopeCancelCalled(m_scope);
}

bool CancelScope::cancelledCaught() const
{
    return m_rt->scopeCancelledCaught(m_scope);
}

namespace {

ScopeOptions scopeOptions(const QString &name, ScopeKind kind, Tick deadline, bool shield)
{
    ScopeOptions options;
    options.name = name;
    options.kind = kind;
    options.deadline = deadline;
    options.shield = shield;
    options.edge = false;   // trio scopes are level-triggered whatever the profile says
    return options;
}

QCoro::Task<ScopeResult> runScope(Ctx ctx, ScopeOptions options, ScopeBody body)
{
    Runtime &rt = *ctx.rt;
    const ScopeId scope = rt.openScope(ctx.task, options);
    const CancelScope handle(&rt, scope);
    ScopeResult result;
    result.scope = scope;
    std::exception_ptr error;
    try {
        result.value = co_await body(ctx, handle);
    } catch (...) {
        error = std::current_exception();
    }
    result.cancelledCaught = rt.closeScope(scope, error);
    result.cancelCalled = rt.scopeCancelCalled(scope);
    if (error && !result.cancelledCaught)
        std::rethrow_exception(error);
    co_return result;
}

ScopeBody withoutScope(Body body)
{
    return [body = std::move(body)](Ctx ctx, CancelScope) { return body(ctx); };
}

void checkTimeout(Ctx ctx, Tick seconds)
{
    if (seconds < 0)
        throw Error::plain(QStringLiteral("ValueError"), QStringLiteral("timeout must be non-negative"), ctx.task);
}

QCoro::Task<Value> failing(Ctx ctx, ScopeOptions options, ScopeBody body)
{
    const ScopeResult result = co_await runScope(ctx, options, std::move(body));
    if (result.cancelledCaught) {
        const Error tooSlow = Error::timeout(QStringLiteral("TooSlowError"));
        ctx.rt->record(EventKind::ErrorsGrouped, ctx.task, result.scope, NoId, NoId, tooSlow.describe());
        throw tooSlow;
    }
    co_return result.value;
}

} // namespace

QCoro::Task<ScopeResult> cancelScope(Ctx ctx, ScopeBody body, CancelScopeOptions options)
{
    return runScope(ctx, scopeOptions(QStringLiteral("CancelScope"), ScopeKind::Cancel, options.deadline, options.shield), std::move(body));
}

QCoro::Task<ScopeResult> moveOnAfter(Ctx ctx, Tick seconds, ScopeBody body)
{
    checkTimeout(ctx, seconds);
    // The deadline is fixed now, before the block's own timers: on a tie the deadline fires first.
    const ScopeOptions options = scopeOptions(QStringLiteral("move_on_after(%1)").arg(seconds), ScopeKind::Timeout, ctx.now() + seconds, false);
    co_return co_await runScope(ctx, options, std::move(body));
}

QCoro::Task<ScopeResult> moveOnAt(Ctx ctx, Tick deadline, ScopeBody body)
{
    return runScope(ctx, scopeOptions(QStringLiteral("move_on_at(%1)").arg(deadline), ScopeKind::Timeout, deadline, false), std::move(body));
}

QCoro::Task<Value> failAfter(Ctx ctx, Tick seconds, ScopeBody body)
{
    checkTimeout(ctx, seconds);
    const ScopeOptions options = scopeOptions(QStringLiteral("fail_after(%1)").arg(seconds), ScopeKind::Timeout, ctx.now() + seconds, false);
    co_return co_await failing(ctx, options, std::move(body));
}

QCoro::Task<Value> failAt(Ctx ctx, Tick deadline, ScopeBody body)
{
    return failing(ctx, scopeOptions(QStringLiteral("fail_at(%1)").arg(deadline), ScopeKind::Timeout, deadline, false), std::move(body));
}

// The same blocks when the body does not need its scope.
QCoro::Task<ScopeResult> cancelScope(Ctx ctx, Body body, CancelScopeOptions options)
{
    return cancelScope(ctx, withoutScope(std::move(body)), options);
}

QCoro::Task<ScopeResult> moveOnAfter(Ctx ctx, Tick seconds, Body body)
{
    return moveOnAfter(ctx, seconds, withoutScope(std::move(body)));
}

QCoro::Task<ScopeResult> moveOnAt(Ctx ctx, Tick deadline, Body body)
{
    return moveOnAt(ctx, deadline, withoutScope(std::move(body)));
}

QCoro::Task<Value> failAfter(Ctx ctx, Tick seconds, Body body)
{
    return failAfter(ctx, seconds, withoutScope(std::move(body)));
}

QCoro::Task<Value> failAt(Ctx ctx, Tick deadline, Body body)
{
    return failAt(ctx, deadline, withoutScope(std::move(body)));
}

NurseryOptions nurseryOptions(const QString &name)
{
    NurseryOptions options;
    options.name = name;
    options.groupMessage = QStringLiteral("Exceptions from Trio nursery");
    options.kind = ScopeKind::Nursery;
    options.groups = GroupPolicy::Always;   // strict_exception_groups (the default since trio 0.25)
    options.win = WinRule::None;
    return options;
}

QCoro::Task<Value> openNursery(Ctx ctx, NurseryBody body)
{
    return withNursery(ctx, nurseryOptions(), std::move(body));
}

TaskId startSoon(Nursery &nursery, const QString &name, Body body)
{
    return nursery.start(name, std::move(body), StartPolicy::Deferred);
}

CancelScope cancelScopeOf(const Nursery &nursery, Runtime &rt)
{
    return CancelScope(&rt, nursery.scope());
}

} // namespace engine::trio

namespace engine::trioutil {

namespace {

QCoro::Task<Value> runNursery(Ctx ctx, std::vector<Child> fns, NurseryOptions options)
{
    Nursery nursery(ctx, options);
    for (Child &fn : fns)
        nursery.start(fn.name, std::move(fn.body), StartPolicy::Deferred);
    const Raised raised = co_await nursery.finish(nullptr);
    raised.rethrow();
    co_return Value();   // trio-util's helpers return None, not the children's results
}

} // namespace

QCoro::Task<Value> waitAny(Ctx ctx, std::vector<Child> fns)
{
    NurseryOptions options = trio::nurseryOptions(QStringLiteral("wait_any()"));
    // Each child is `await f(); nursery.cancel_scope.cancel()`: the first return cancels the rest.
    options.win = WinRule::FirstFinish;
    return runNursery(ctx, std::move(fns), options);
}

QCoro::Task<Value> waitAll(Ctx ctx, std::vector<Child> fns)
{
    return runNursery(ctx, std::move(fns), trio::nurseryOptions(QStringLiteral("wait_all()")));
}

QCoro::Task<ScopeResult> moveOnWhen(Ctx ctx, Child fn, ScopeBody block)
{
    Runtime &rt = *ctx.rt;
    // async with open_nursery() as nursery: with CancelScope() as cancel_scope: …
    Nursery nursery(ctx, trio::nurseryOptions(QStringLiteral("move_on_when()")));
    ScopeOptions options;
    options.name = QStringLiteral("move_on_when() block");
    options.edge = false;
    const ScopeId blockScope = rt.openScope(ctx.task, options);
    const CancelScope handle(&rt, blockScope);
    Body waitAndCancel = [inner = std::move(fn.body), handle, name = fn.name](Ctx c) -> QCoro::Task<Value> {
        co_await inner(c);
        handle.cancel(QStringLiteral("%1 returned").arg(name));
        co_return Value();
    };
    nursery.start(fn.name, std::move(waitAndCancel), StartPolicy::Deferred);

    ScopeResult result;
    result.scope = blockScope;
    std::exception_ptr error;
    try {
        result.value = co_await block(ctx, handle);
    } catch (...) {
        error = std::current_exception();
    }
    result.cancelledCaught = rt.closeScope(blockScope, error);
    result.cancelCalled = rt.scopeCancelCalled(blockScope);
    if (result.cancelledCaught)
        error = nullptr;
    if (!error)
        nursery.cancel(QStringLiteral("the block ended"));   // nursery.cancel_scope.cancel()
    const Raised raised = co_await nursery.finish(error);
    raised.rethrow();
    co_return result;
}

QCoro::Task<Value> runAndCancelling(Ctx ctx, Child fn, Body block)
{
    Nursery nursery(ctx, trio::nurseryOptions(QStringLiteral("run_and_cancelling()")));
    nursery.start(fn.name, std::move(fn.body), StartPolicy::Deferred);
    Value value;
    std::exception_ptr error;
    try {
        value = co_await block(ctx);
    } catch (...) {
        error = std::current_exception();
    }
    if (!error)
        nursery.cancel(QStringLiteral("the block ended"));
    const Raised raised = co_await nursery.finish(error);
    raised.rethrow();
    co_return value;
}

} // namespace engine::trioutil
