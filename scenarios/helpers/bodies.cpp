#include "bodies.h"

#include "engine/trace.h"

namespace scenarios {

engine::Body blockOf(std::shared_ptr<const Node> node)
{
    return [node](engine::Ctx ctx) { return runBody(ctx, node); };
}

QCoro::Task<engine::Value> startChildrenAndRunBody(engine::Ctx ctx, std::shared_ptr<const Node> node, RunEnv::Spawner start)
{
    for (const auto &child : node->children)
        start(child);
    const SpawnerGuard spawning(ctx, start);
    QCoro::Task<engine::Value> body = runBody(ctx, node);
    co_return co_await body;
}

engine::ScopeId lastScopeEntered(const engine::Runtime &rt, engine::TaskId task)
{
    const auto &events = rt.trace().events();
    for (size_t i = events.size(); i-- > 0;) {
        const engine::TraceEvent &e = events[i];
        if (e.kind == engine::EventKind::ScopeEntered && e.task == task)
            return e.scope;
    }
    return engine::NoId;
}

void nameCurrentScope(engine::Ctx ctx, const Node &node)
{
    const engine::ScopeId scope = lastScopeEntered(*ctx.rt, ctx.task);
    if (scope != engine::NoId)
        ctx.rt->extension<RunEnv>().nameScope(node.name, scope);
}

} // namespace scenarios
