// trio and trio-util as scenario nodes (helper-semantics §6.1–6.2, catalogue rows 47–52).
// Run them under the trio profile (deferred starts, immediate propagation, level-triggered scopes).

#include "libraries.h"

#include "bodies.h"
#include "nodekit.h"
#include "options.h"
#include "../runenv.h"

#include "engine/helpers/trio.h"

namespace scenarios::libraries {

namespace {

using engine::Ctx;
using engine::Value;
namespace tr = engine::trio;
namespace tu = engine::trioutil;

// -- nursery ----------------------------------------------------------------------------------

QCoro::Task<Value> nurseryBody(Ctx ctx, engine::Nursery &nursery, std::shared_ptr<const Node> node)
{
    // `nursery` is a reference: openNursery awaits this body in the same expression.
    ctx.rt->extension<RunEnv>().nameScope(node->name, tr::cancelScopeOf(nursery, *ctx.rt).id());
    engine::Nursery *open = &nursery;
    return startChildrenAndRunBody(ctx, node, [open](std::shared_ptr<const Node> child) {
        return tr::startSoon(*open, child->name, bodyFor(child));
    });
}

QCoro::Task<Value> openNursery(Ctx ctx, std::shared_ptr<const Node> node)
{
    engine::NurseryBody body = [node](Ctx c, engine::Nursery &n) { return nurseryBody(c, n, node); };
    QCoro::Task<Value> running = tr::openNursery(ctx, body);
    co_return co_await running;
}

// -- cancel scopes and timeouts ---------------------------------------------------------------

// The with-block: names the scope (for `cancel: NAME`) and runs the body steps.
QCoro::Task<Value> scopedBody(Ctx ctx, tr::CancelScope scope, std::shared_ptr<const Node> node)
{
    ctx.rt->extension<RunEnv>().nameScope(node->name, scope.id());
    QCoro::Task<Value> body = runBody(ctx, node);
    co_return co_await body;
}

tr::ScopeBody blockIn(std::shared_ptr<const Node> node)
{
    return [node](Ctx c, tr::CancelScope s) { return scopedBody(c, s, node); };
}

QCoro::Task<Value> cancelScope(Ctx ctx, std::shared_ptr<const Node> node)
{
    tr::CancelScopeOptions options;
    options.deadline = ticksOr(*node, QStringLiteral("deadline"), engine::Never);
    options.shield = node->option(QStringLiteral("shield")).toBool();
    const tr::ScopeBody block = blockIn(node);
    QCoro::Task<tr::ScopeResult> running = tr::cancelScope(ctx, block, options);
    const tr::ScopeResult result = co_await running;
    co_return result.value;
}

// move_on_after / move_on_at: the scope's value is the body's, None when cut short. `Absolute`
// picks the option that gives the time: `deadline` (absolute) or `seconds` (relative).
using MovingOn = QCoro::Task<tr::ScopeResult> (*)(Ctx, engine::Tick, tr::ScopeBody);
using Failing = QCoro::Task<Value> (*)(Ctx, engine::Tick, tr::ScopeBody);

engine::Tick timeOf(const Node &node, bool absolute)
{
    return node.option(absolute ? QStringLiteral("deadline") : QStringLiteral("seconds")).toLongLong();
}

template<MovingOn Open, bool Absolute>
QCoro::Task<Value> moveOn(Ctx ctx, std::shared_ptr<const Node> node)
{
    const tr::ScopeBody block = blockIn(node);
    QCoro::Task<tr::ScopeResult> running = Open(ctx, timeOf(*node, Absolute), block);
    const tr::ScopeResult result = co_await running;
    co_return result.value;
}

// fail_after / fail_at: as moveOn, but the engine raises TooSlowError when the time is up.
template<Failing Open, bool Absolute>
QCoro::Task<Value> fail(Ctx ctx, std::shared_ptr<const Node> node)
{
    const tr::ScopeBody block = blockIn(node);
    QCoro::Task<Value> running = Open(ctx, timeOf(*node, Absolute), block);
    co_return co_await running;
}

// -- trio-util --------------------------------------------------------------------------------

QCoro::Task<Value> utilWaitAny(Ctx ctx, std::shared_ptr<const Node> node)
{
    QCoro::Task<Value> running = tu::waitAny(ctx, childrenOf(*node));
    co_return co_await running;
}

QCoro::Task<Value> utilWaitAll(Ctx ctx, std::shared_ptr<const Node> node)
{
    QCoro::Task<Value> running = tu::waitAll(ctx, childrenOf(*node));
    co_return co_await running;
}

QCoro::Task<Value> utilMoveOnWhen(Ctx ctx, std::shared_ptr<const Node> node)
{
    const engine::Child fn = childAt(*node, 0);
    const tr::ScopeBody block = blockIn(node);
    QCoro::Task<tr::ScopeResult> running = tu::moveOnWhen(ctx, fn, block);
    const tr::ScopeResult result = co_await running;
    co_return result.value;
}

QCoro::Task<Value> utilRunAndCancelling(Ctx ctx, std::shared_ptr<const Node> node)
{
    const engine::Child fn = childAt(*node, 0);
    QCoro::Task<Value> running = tu::runAndCancelling(ctx, fn, blockOf(node));
    co_return co_await running;
}

// A with-block helper: a body and `children` children.
HelperSpec withBlock(const char *name, const char *category, const QString &brief, HelperBuilder run, int children = 0)
{
    return blockEntry("trio", name, category, brief, run, children);
}

OptionSpec seconds(const QString &brief)
{
    return options::required(options::duration(QStringLiteral("seconds"), QVariant(), brief));
}

OptionSpec deadline(const QString &brief)
{
    return options::required(options::duration(QStringLiteral("deadline"), QVariant(), brief));
}

} // namespace

void addTrio(std::vector<HelperSpec> &table)
{
    HelperSpec nursery = scopeEntry("trio", "open_nursery", "scope",
                                    QStringLiteral("async with trio.open_nursery(): children start_soon (a later turn); the first error cancels the body and the other children; exits when all ended; errors raise ExceptionGroup('Exceptions from Trio nursery') (strict); value: the body's value"),
                                    build<openNursery>);
    table.push_back(nursery);

    HelperSpec scope = withBlock("cancel_scope", "scope",
                                 QStringLiteral("with trio.CancelScope(deadline, shield): level-triggered cancellation of the body (`cancel: NAME` cancels it); the scope catches its own cancellation; value: the body's value, None when cancelled"),
                                 build<cancelScope>);
    scope.options = {
        options::duration(QStringLiteral("deadline"), QVariant(), QStringLiteral("absolute time at which the scope cancels itself (default inf: none)")),
        options::flag(QStringLiteral("shield"), false, QStringLiteral("cancellation from outside does not reach the body (its own deadline still does)")),
    };
    table.push_back(scope);

    HelperSpec after = withBlock("move_on_after", "time",
                                 QStringLiteral("with trio.move_on_after(seconds): the body is cancelled at the deadline and execution goes on (cancelled_caught); value: the body's value, None when cut short"),
                                 build<moveOn<tr::moveOnAfter, false>>);
    after.options = {seconds(QStringLiteral("relative deadline, computed when entering"))};
    table.push_back(after);
    HelperSpec at = withBlock("move_on_at", "time",
                              QStringLiteral("with trio.move_on_at(deadline): as move_on_after with an absolute deadline; value: the body's value, None when cut short"),
                              build<moveOn<tr::moveOnAt, true>>);
    at.options = {deadline(QStringLiteral("absolute deadline"))};
    table.push_back(at);
    HelperSpec failA = withBlock("fail_after", "time",
                                 QStringLiteral("with trio.fail_after(seconds): as move_on_after, but a caught cancellation raises TooSlowError(); value: the body's value"),
                                 build<fail<tr::failAfter, false>>);
    failA.options = {seconds(QStringLiteral("relative deadline, computed when entering"))};
    table.push_back(failA);
    HelperSpec failT = withBlock("fail_at", "time",
                                 QStringLiteral("with trio.fail_at(deadline): fail_after with an absolute deadline; value: the body's value"),
                                 build<fail<tr::failAt, true>>);
    failT.options = {deadline(QStringLiteral("absolute deadline"))};
    table.push_back(failT);

    table.push_back(entry("trio", "util_wait_any", "race",
                          QStringLiteral("trio_util.wait_any(*fns): a nursery where the first child to RETURN cancels the others (joined); errors raise the nursery's group; value: None"),
                          build<utilWaitAny>));
    table.push_back(entry("trio", "util_wait_all", "gather",
                          QStringLiteral("trio_util.wait_all(*fns): a plain nursery over the children; value: None"),
                          build<utilWaitAll>));
    table.push_back(withBlock("util_move_on_when", "race",
                              QStringLiteral("async with trio_util.move_on_when(fn): the body is cancelled when the child returns; the child is cancelled when the body ends; value: the body's value, None when cut short"),
                              build<utilMoveOnWhen>, 1));
    table.push_back(withBlock("util_run_and_cancelling", "scope",
                              QStringLiteral("async with trio_util.run_and_cancelling(fn): the child runs in the background and is cancelled when the body ends; its return does nothing; value: the body's value"),
                              build<utilRunAndCancelling>, 1));
    addTrioStart(table);
}

} // namespace scenarios::libraries
