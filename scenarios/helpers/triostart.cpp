// trio's nursery.start / task_status.started as a scenario node (helper-semantics §6.1):
// `trio.nursery_start` opens a nursery and starts its children one after another with
// `await nursery.start(child)`; a leaf child's `started: V` step is task_status.started(V).
// Registered from trio.cpp.

#include "libraries.h"

#include "nodekit.h"
#include "../runenv.h"

#include "engine/helpers/trio.h"
#include "engine/reference/taskstatus.h"

namespace scenarios::libraries {

namespace {

using engine::Ctx;
using engine::Value;
namespace tr = engine::trio;

// The child's body under nursery.start: its `started:` steps call this task's status.
QCoro::Task<Value> startedChild(Ctx ctx, tr::TaskStatus status, std::shared_ptr<const Node> child)
{
    ctx.rt->extension<RunEnv>().setStartedHook(ctx.task, [status](const Value &value) { status.started(value); });
    const engine::Body body = bodyFor(child);
    QCoro::Task<Value> running = body(ctx);
    co_return co_await running;
}

QCoro::Task<Value> startAllBody(Ctx ctx, engine::Nursery &nursery, std::shared_ptr<const Node> node)
{
    ctx.rt->extension<RunEnv>().nameScope(node->name, tr::cancelScopeOf(nursery, *ctx.rt).id());
    QVariantList values;
    for (const auto &child : node->children) {
        const tr::StartBody body = [child](Ctx c, tr::TaskStatus s) { return startedChild(c, s, child); };
        QCoro::Task<Value> starting = tr::start(ctx, nursery, child->name, body);
        values << co_await starting;
    }
    engine::Nursery *open = &nursery;
    const SpawnerGuard spawning(ctx, [open](std::shared_ptr<const Node> child) {
        return tr::startSoon(*open, child->name, bodyFor(child));
    });
    QCoro::Task<Value> block = runBody(ctx, node);
    co_await block;
    co_return values;
}

QCoro::Task<Value> nurseryStart(Ctx ctx, std::shared_ptr<const Node> node)
{
    engine::NurseryBody body = [node](Ctx c, engine::Nursery &n) { return startAllBody(c, n, node); };
    QCoro::Task<Value> running = tr::openNursery(ctx, body);
    co_return co_await running;
}

} // namespace

void addTrioStart(std::vector<HelperSpec> &table)
{
    HelperSpec s = entry("trio", "nursery_start", "scope",
                         QStringLiteral("async with trio.open_nursery() as n: each child in turn `await n.start(child)` (runs under the caller until its `started: V` step, then moves into the nursery; an error before that is raised by start() in the body, so the nursery groups it; returning without started() raises RuntimeError('child exited without calling task_status.started()')), then the body; value: the start() values in order (the body's value is dropped)"),
                         build<nurseryStart>, 1);
    s.body = true;
    s.spawns = true;
    s.role = ChildRole::Started;
    table.push_back(s);
}

} // namespace scenarios::libraries
