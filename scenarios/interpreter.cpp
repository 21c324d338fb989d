#include "interpreter.h"

#include "engine/helpers/asyncgui.h"

namespace scenarios {

namespace {

// Coroutines below take everything by value (Ctx is trivially copyable, the node is a
// shared_ptr): a body's closure may die before the frame, the frame must not care (design.md §2).

QCoro::Task<engine::Value> runSteps(engine::Ctx ctx, std::shared_ptr<const Node> node)
{
    for (const Step &step : node->steps) {
        switch (step.kind) {
        case Step::Kind::Sleep:
            co_await ctx.sleep(step.duration);
            break;
        case Step::Kind::Checkpoint:
            co_await ctx.checkpoint();
            break;
        case Step::Kind::Return:
            co_return step.value;
        case Step::Kind::Fail:
            throw engine::Error::plain(step.errorType, step.errorMessage, ctx.task);
        }
    }
    co_return engine::Value{};
}

std::vector<engine::asyncgui::Child> childrenOf(const Node &node)
{
    std::vector<engine::asyncgui::Child> children;
    children.reserve(node.children.size());
    for (const auto &child : node.children)
        children.push_back(engine::asyncgui::Child{child->name, bodyFor(child)});
    return children;
}

// Starts the helper's coroutine (it runs eagerly up to its first suspension).
QCoro::Task<std::vector<engine::TaskId>> startWait(engine::Ctx ctx, const Node &node)
{
    if (node.kind == Node::Kind::WaitAny)
        return engine::asyncgui::waitAny(ctx, childrenOf(node));
    return engine::asyncgui::waitAll(ctx, childrenOf(node));
}

QCoro::Task<engine::Value> runWait(engine::Ctx ctx, std::shared_ptr<const Node> node)
{
    // Named before it is awaited: no temporaries inside the co_await expression (g++ 12).
    QCoro::Task<std::vector<engine::TaskId>> waiting = startWait(ctx, *node);
    const std::vector<engine::TaskId> ids = co_await waiting;
    QVariantList results;
    for (const engine::TaskId id : ids)
        results << (ctx.rt->state(id) == engine::TaskState::Completed ? ctx.rt->result(id) : engine::Value{});
    co_return results;
}

QCoro::Task<engine::Value> nurseryBody(engine::Ctx ctx, engine::Nursery &nursery, std::shared_ptr<const Node> node)
{
    // `nursery` is a reference: withNursery awaits this coroutine in the same expression.
    for (const auto &child : node->children)
        nursery.start(child->name, bodyFor(child), child->daemon);
    QCoro::Task<engine::Value> body = runSteps(ctx, node);
    co_return co_await body;
}

} // namespace

engine::Body bodyFor(std::shared_ptr<const Node> node)
{
    // Plain (non-coroutine) closures: each returns the coroutine of a function that owns its data.
    switch (node->kind) {
    case Node::Kind::WaitAny:
    case Node::Kind::WaitAll:
        return [node](engine::Ctx ctx) { return runWait(ctx, node); };
    case Node::Kind::Nursery:
        return [node](engine::Ctx ctx) {
            // openNursery keeps this NurseryBody in its own frame for as long as the body runs.
            return engine::asyncgui::openNursery(ctx, [node](engine::Ctx c, engine::Nursery &n) { return nurseryBody(c, n, node); });
        };
    case Node::Kind::Task:
        break;
    }
    return [node](engine::Ctx ctx) { return runSteps(ctx, node); };
}

} // namespace scenarios
