// asyncgui's helpers as scenario nodes (helper-semantics §3, catalogue rows 13–23).

#include "libraries.h"

#include "bodies.h"
#include "nodekit.h"
#include "options.h"
#include "../runenv.h"

#include "engine/helpers/asyncgui.h"
#include "engine/helpers/asyncguicm.h"

namespace scenarios::libraries {

namespace {

using engine::Ctx;
using engine::Value;

QCoro::Task<Value> waitAny(Ctx ctx, std::shared_ptr<const Node> node)
{
    QCoro::Task<std::vector<engine::TaskId>> waiting = engine::asyncgui::waitAny(ctx, childrenOf(*node));
    const std::vector<engine::TaskId> ids = co_await waiting;
    co_return resultsOf(*ctx.rt, ids);
}

QCoro::Task<Value> waitAll(Ctx ctx, std::shared_ptr<const Node> node)
{
    QCoro::Task<std::vector<engine::TaskId>> waiting = engine::asyncgui::waitAll(ctx, childrenOf(*node));
    const std::vector<engine::TaskId> ids = co_await waiting;
    co_return resultsOf(*ctx.rt, ids);
}

engine::TaskId startInNursery(Ctx ctx, engine::Nursery &nursery, const std::shared_ptr<const Node> &child)
{
    return nursery.start(child->name, bodyFor(child), ctx.rt->profile().start,
                         child->flag(QStringLiteral("daemon")), child->flag(QStringLiteral("close_on_finish")));
}

QCoro::Task<Value> nurseryBody(Ctx ctx, engine::Nursery &nursery, std::shared_ptr<const Node> node)
{
    // `nursery` is a reference: openNursery awaits this body in the same expression.
    nameCurrentScope(ctx, *node);
    engine::Nursery *open = &nursery;
    return startChildrenAndRunBody(ctx, node, [ctx, open](std::shared_ptr<const Node> child) { return startInNursery(ctx, *open, child); });
}

QCoro::Task<Value> nursery(Ctx ctx, std::shared_ptr<const Node> node)
{
    auto body = [node](Ctx c, engine::Nursery &n) { return nurseryBody(c, n, node); };
    QCoro::Task<Value> running = engine::asyncgui::openNursery(ctx, body);
    co_return co_await running;
}

template<engine::asyncgui::PairKind Kind>
QCoro::Task<Value> pairing(Ctx ctx, std::shared_ptr<const Node> node)
{
    const engine::Child background = childAt(*node, 0);
    QCoro::Task<engine::asyncgui::PairOutcome> running = engine::asyncgui::pair(ctx, Kind, background, blockOf(node));
    const engine::asyncgui::PairOutcome outcome = co_await running;
    co_return outcome.blockValue;
}

QCoro::Task<Value> moveOnAfter(Ctx ctx, std::shared_ptr<const Node> node)
{
    const engine::Tick after = node->option(QStringLiteral("after")).toLongLong();
    QCoro::Task<engine::asyncgui::PairOutcome> running = engine::asyncgui::moveOnAfter(ctx, after, blockOf(node));
    const engine::asyncgui::PairOutcome outcome = co_await running;
    co_return outcome.blockValue;
}

QCoro::Task<Value> disableCancellation(Ctx ctx, std::shared_ptr<const Node> node)
{
    QCoro::Task<Value> running = engine::asyncgui::disableCancellation(ctx, blockOf(node));
    co_return co_await running;
}

QCoro::Task<Value> cancelScopeBlock(Ctx ctx, std::shared_ptr<const Node> node)
{
    nameCurrentScope(ctx, *node);
    QCoro::Task<Value> body = runBody(ctx, node);
    co_return co_await body;
}

QCoro::Task<Value> openCancelScope(Ctx ctx, std::shared_ptr<const Node> node)
{
    engine::Body block = [node](Ctx c) { return cancelScopeBlock(c, node); };
    QCoro::Task<engine::ScopeOutcome> running = engine::asyncgui::openCancelScope(ctx, block);
    const engine::ScopeOutcome outcome = co_await running;
    co_return outcome.value;
}

// A context-manager pairing: exactly one background child beside the body.
HelperSpec pair(const char *name, const char *category, const QString &brief, HelperBuilder run)
{
    return blockEntry("asyncgui", name, category, brief, run, 1);
}

// A block helper: no children, only a body.
HelperSpec block(const char *name, const char *category, const QString &brief, HelperBuilder run)
{
    return blockEntry("asyncgui", name, category, brief, run);
}

} // namespace

void addAsyncgui(std::vector<HelperSpec> &table)
{
    using Kind = engine::asyncgui::PairKind;
    HelperSpec any = entry("asyncgui", "wait_any", "race",
                           QStringLiteral("starts every child at once; the first to finish cancels the others; value: results in input order (None when cancelled); errors as ExceptionGroup('wait_any()')"),
                           build<waitAny>);
    any.aliases = QStringList{QStringLiteral("wait_any")};
    table.push_back(any);

    HelperSpec all = entry("asyncgui", "wait_all", "gather",
                           QStringLiteral("starts every child; waits for all; the first error cancels the rest and raises ExceptionGroup('wait_all()')"),
                           build<waitAll>);
    all.aliases = QStringList{QStringLiteral("wait_all")};
    table.push_back(all);

    HelperSpec nursery = scopeEntry("asyncgui", "open_nursery", "scope",
                                    QStringLiteral("a nursery with eager starts: exits when the body and non-daemon children end, then cancels daemons; errors raise ExceptionGroup('Nursery')"),
                                    build<libraries::nursery>);
    nursery.aliases = QStringList{QStringLiteral("nursery")};
    nursery.childFlags = QStringList{QStringLiteral("daemon"), QStringLiteral("close_on_finish")};
    table.push_back(nursery);

    HelperSpec anyCm = pair("wait_any_cm", "race",
                            QStringLiteral("runs the child beside the body; whichever finishes first cancels the other (also called move_on_when)"),
                            build<pairing<Kind::WaitAnyCm>>);
    anyCm.aliases = QStringList{QStringLiteral("asyncgui.move_on_when")};
    table.push_back(anyCm);
    table.push_back(pair("wait_all_cm", "gather",
                         QStringLiteral("runs the child beside the body; the exit waits for both; an error on either side cancels the other"),
                         build<pairing<Kind::WaitAllCm>>));
    table.push_back(pair("run_as_daemon", "scope",
                         QStringLiteral("the child runs in the background and is cancelled when the body ends; its own end does nothing"),
                         build<pairing<Kind::RunAsDaemon>>));
    table.push_back(pair("run_as_main", "scope",
                         QStringLiteral("the child's end cancels the body; the body's end waits for the child"),
                         build<pairing<Kind::RunAsMain>>));

    HelperSpec after = block("move_on_after", "time",
                             QStringLiteral("asyncgui-ext-clock: the body is cancelled after `after` (move_on_when(clock.sleep(after)))"),
                             build<moveOnAfter>);
    after.options = {options::required(options::duration(QStringLiteral("after"), QVariant(), QStringLiteral("when the body is cancelled")))};
    table.push_back(after);
    table.push_back(block("disable_cancellation", "scope",
                          QStringLiteral("cancel requests arriving during the body are delivered at the first checkpoint after it"),
                          build<disableCancellation>));
    table.push_back(block("open_cancel_scope", "scope",
                          QStringLiteral("a cancel scope around the body: `cancel: NAME` cancels only the body; the scope catches it"),
                          build<openCancelScope>));
}

} // namespace scenarios::libraries
