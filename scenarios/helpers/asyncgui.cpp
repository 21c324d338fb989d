// asyncgui's helpers as scenario nodes (helper-semantics §3, catalogue rows 13–23).

#include "libraries.h"

#include "bodies.h"
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
    // `nursery` is a reference: openNursery awaits this coroutine in the same expression.
    nameCurrentScope(ctx, *node);
    for (const auto &child : node->children)
        startInNursery(ctx, nursery, child);
    engine::Nursery *open = &nursery;
    const SpawnerGuard spawning(ctx, [ctx, open](std::shared_ptr<const Node> child) { return startInNursery(ctx, *open, child); });
    QCoro::Task<Value> body = runBody(ctx, node);
    co_return co_await body;
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
    const std::shared_ptr<const Node> &bg = node->children.front();
    engine::Child background{bg->name, bodyFor(bg)};
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

template<QCoro::Task<Value> (*Run)(Ctx, std::shared_ptr<const Node>)>
engine::Body build(std::shared_ptr<const Node> node)
{
    return [node](Ctx ctx) { return Run(ctx, node); };
}

HelperSpec spec(const char *name, const char *category, const QString &brief, HelperBuilder build)
{
    HelperSpec s;
    s.name = QStringLiteral("asyncgui.") + QLatin1String(name);
    s.library = QStringLiteral("asyncgui");
    s.category = QLatin1String(category);
    s.brief = brief;
    s.build = build;
    return s;
}

// A context-manager pairing: exactly one background child beside the body.
HelperSpec pair(const char *name, const char *category, const QString &brief, HelperBuilder build)
{
    HelperSpec s = spec(name, category, brief, build);
    s.minChildren = 1;
    s.maxChildren = 1;
    s.body = true;
    return s;
}

// A block helper: no children, only a body.
HelperSpec block(const char *name, const QString &brief, HelperBuilder build)
{
    HelperSpec s = spec(name, "scope", brief, build);
    s.minChildren = 0;
    s.maxChildren = 0;
    s.body = true;
    return s;
}

} // namespace

void addAsyncgui(std::vector<HelperSpec> &table)
{
    using Kind = engine::asyncgui::PairKind;
    HelperSpec any = spec("wait_any", "race",
                          QStringLiteral("starts every child at once; the first to finish cancels the others; value: results in input order (None when cancelled); errors as ExceptionGroup('wait_any()')"),
                          build<waitAny>);
    any.aliases = QStringList{QStringLiteral("wait_any")};
    table.push_back(any);

    HelperSpec all = spec("wait_all", "gather",
                          QStringLiteral("starts every child; waits for all; the first error cancels the rest and raises ExceptionGroup('wait_all()')"),
                          build<waitAll>);
    all.aliases = QStringList{QStringLiteral("wait_all")};
    table.push_back(all);

    HelperSpec nursery = spec("open_nursery", "scope",
                              QStringLiteral("a nursery with eager starts: exits when the body and non-daemon children end, then cancels daemons; errors raise ExceptionGroup('Nursery')"),
                              build<libraries::nursery>);
    nursery.aliases = QStringList{QStringLiteral("nursery")};
    nursery.minChildren = 0;
    nursery.body = true;
    nursery.spawns = true;
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

    HelperSpec after = block("move_on_after",
                             QStringLiteral("asyncgui-ext-clock: the body is cancelled after `after` (move_on_when(clock.sleep(after)))"),
                             build<moveOnAfter>);
    after.category = QStringLiteral("time");
    after.options = {options::required(options::duration(QStringLiteral("after"), QVariant(), QStringLiteral("when the body is cancelled")))};
    table.push_back(after);
    table.push_back(block("disable_cancellation",
                          QStringLiteral("cancel requests arriving during the body are delivered at the first checkpoint after it"),
                          build<disableCancellation>));
    table.push_back(block("open_cancel_scope",
                          QStringLiteral("a cancel scope around the body: `cancel: NAME` cancels only the body; the scope catches it"),
                          build<openCancelScope>));
}

} // namespace scenarios::libraries
