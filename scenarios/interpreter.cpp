#include "interpreter.h"

#include "helperspec.h"
#include "runenv.h"

#include "engine/cancelscope.h"
#include "engine/error.h"
#include "engine/value.h"

#include <optional>

namespace scenarios {

namespace {

// Coroutines below take everything by value (Ctx is trivially copyable, the node is a
// shared_ptr): a body's closure may die before the frame, the frame must not care (design.md §2).
// `steps` always points into `node`, which the frame keeps alive.

using MaybeValue = std::optional<engine::Value>;

QCoro::Task<MaybeValue> runSteps(engine::Ctx ctx, std::shared_ptr<const Node> node, const Steps *steps);

engine::Error stepError(const QString &message, engine::Ctx ctx)
{
    return engine::Error::plain(QStringLiteral("RuntimeError"), message, ctx.task);
}

// Runs nested steps in a shielded cancel scope: cancellation from outside waits until they end.
QCoro::Task<void> runProtected(engine::Ctx ctx, std::shared_ptr<const Node> node, const Steps *steps)
{
    engine::ScopeOptions options;
    options.name = QStringLiteral("protect");
    options.shield = true;
    engine::Body inner = [node, steps](engine::Ctx c) -> QCoro::Task<engine::Value> {
        QCoro::Task<MaybeValue> run = runSteps(c, node, steps);
        co_await run;
        co_return engine::Value{};
    };
    QCoro::Task<engine::ScopeOutcome> scoped = engine::runInScope(ctx, options, inner);
    co_await scoped;
}

void cancelByName(engine::Ctx ctx, const QString &name)
{
    RunEnv &env = ctx.rt->extension<RunEnv>();
    const QString why = QStringLiteral("%1 cancelled it (cancel step)").arg(ctx.rt->task(ctx.task).name);
    const engine::ScopeId scope = env.scopeNamed(name);
    if (scope != engine::NoId && ctx.rt->scopeOpen(scope)) {
        ctx.rt->cancelScope(scope, ctx.task, why);
        return;
    }
    const engine::TaskId task = env.taskNamed(name);
    // A task that has not started yet, or already ended, has nothing to cancel (task.cancel()
    // on a finished task is a no-op in every library).
    if (task != engine::NoId && !engine::isFinal(ctx.rt->state(task)))
        ctx.rt->cancelTask(task, ctx.task, why);
}

// try: <steps> / except CancelledError: pass. The cancel request stays counted (asyncio code that
// means to carry on calls uncancel() next); level-triggered libraries raise it again at the next
// checkpoint.
QCoro::Task<void> runCatchingCancel(engine::Ctx ctx, std::shared_ptr<const Node> node, const Steps *steps)
{
    bool caught = false;
    try {
        QCoro::Task<MaybeValue> run = runSteps(ctx, node, steps);
        co_await run;
    } catch (...) {
        if (!engine::isCancelled(std::current_exception()))
            throw;
        caught = true;
    }
    if (caught)
        ctx.rt->record(engine::EventKind::ValueEmitted, ctx.task, engine::NoId, engine::NoId, engine::NoId,
                       QStringLiteral("caught CancelledError (cancelling() = %1)").arg(ctx.rt->cancelling(ctx.task)));
}

// One step that may suspend. Returns a value only for `return`.
QCoro::Task<MaybeValue> runStep(engine::Ctx ctx, std::shared_ptr<const Node> node, const Step *step)
{
    RunEnv &env = ctx.rt->extension<RunEnv>();
    switch (step->kind) {
    case Step::Kind::Sleep:
        co_await ctx.sleep(step->duration);
        break;
    case Step::Kind::Checkpoint:
        co_await ctx.checkpoint();
        break;
    case Step::Kind::Return:
        co_return step->value;
    case Step::Kind::Fail:
        throw engine::Error::plain(step->errorType, step->errorMessage, ctx.task);
    case Step::Kind::Emit:
        // Producers of stream helpers are turned into engine sources and never run here; an emit
        // in a plain script is still shown on the timeline.
        ctx.rt->record(engine::EventKind::ValueEmitted, ctx.task, engine::NoId, engine::NoId, engine::NoId,
                       engine::describeValue(step->value));
        break;
    case Step::Kind::Spawn: {
        const RunEnv::Spawner *spawn = env.spawner(ctx.task);
        if (!spawn)
            throw stepError(QStringLiteral("spawn: no nursery is open here"), ctx);
        (*spawn)(step->node);
        break;
    }
    case Step::Kind::Cancel:
        cancelByName(ctx, step->target);
        break;
    case Step::Kind::Acquire:
        co_await env.semaphore(step->target)->acquire(ctx);
        break;
    case Step::Kind::Release:
        env.semaphore(step->target)->release(ctx.task);
        break;
    case Step::Kind::Put:
        if (env.isChannel(step->target) && env.channelClosed(step->target))
            throw stepError(QStringLiteral("send on closed channel"), ctx);
        co_await env.queue(step->target)->put(ctx, step->value);
        break;
    case Step::Kind::Get:
        co_await env.queue(step->target)->get(ctx);
        break;
    case Step::Kind::Close:
        if (env.isChannel(step->target))
            env.closeChannel(step->target);   // a receiver waiting on an empty channel waits on
        else
            env.queue(step->target)->close();
        break;
    case Step::Kind::Set:
        env.event(step->target)->set();
        break;
    case Step::Kind::Wait:
        co_await env.event(step->target)->wait(ctx);
        break;
    case Step::Kind::Repeat:
        for (int i = 0; i < step->count; ++i) {
            QCoro::Task<MaybeValue> round = runSteps(ctx, node, &step->nested);
            if (MaybeValue v = co_await round)
                co_return v;
        }
        break;
    case Step::Kind::Protect: {
        QCoro::Task<void> shielded = runProtected(ctx, node, &step->nested);
        co_await shielded;
        break;
    }
    case Step::Kind::Started:
        if (!env.reportStarted(ctx.task, step->value))
            throw stepError(QStringLiteral("started: this task was not started with nursery.start"), ctx);
        break;
    case Step::Kind::Uncancel: {
        const int left = ctx.rt->uncancel(ctx.task);
        ctx.rt->record(engine::EventKind::ValueEmitted, ctx.task, engine::NoId, engine::NoId, engine::NoId,
                       QStringLiteral("uncancel() -> %1").arg(left));
        break;
    }
    case Step::Kind::Cancelling:
        ctx.rt->record(engine::EventKind::ValueEmitted, ctx.task, engine::NoId, engine::NoId, engine::NoId,
                       QStringLiteral("cancelling() = %1").arg(ctx.rt->cancelling(ctx.task)));
        break;
    case Step::Kind::CatchCancel: {
        QCoro::Task<void> catching = runCatchingCancel(ctx, node, &step->nested);
        co_await catching;
        break;
    }
    }
    co_return std::nullopt;
}

QCoro::Task<MaybeValue> runSteps(engine::Ctx ctx, std::shared_ptr<const Node> node, const Steps *steps)
{
    for (const Step &step : *steps) {
        bool swallowed = false;
        MaybeValue ended;
        try {
            QCoro::Task<MaybeValue> one = runStep(ctx, node, &step);
            ended = co_await one;
        } catch (...) {
            // ignore_cancel: the task catches the cancellation and carries on with its next step
            // (level-triggered libraries raise it again at that step's checkpoint).
            if (!node->ignoreCancel || !engine::isCancelled(std::current_exception()))
                throw;
            swallowed = true;
        }
        if (swallowed)
            continue;
        if (ended)
            co_return ended;
    }
    co_return std::nullopt;
}

QCoro::Task<engine::Value> runTask(engine::Ctx ctx, std::shared_ptr<const Node> node)
{
    ctx.rt->extension<RunEnv>().nameTask(node->name, ctx.task);
    std::exception_ptr cancelled;
    try {
        QCoro::Task<MaybeValue> script = runSteps(ctx, node, &node->steps);
        const MaybeValue value = co_await script;
        co_return value.value_or(engine::Value{});
    } catch (...) {
        if (node->onCancel.empty() || !engine::isCancelled(std::current_exception()))
            throw;
        cancelled = std::current_exception();
    }
    // Cleanup on cancellation takes virtual time, shielded so it is not cut short, then the
    // cancellation goes on (no co_await inside the handler: design.md §2).
    QCoro::Task<void> cleanup = runProtected(ctx, node, &node->onCancel);
    co_await cleanup;
    std::rethrow_exception(cancelled);
}

QCoro::Task<engine::Value> runHelper(engine::Ctx ctx, std::shared_ptr<const Node> node)
{
    ctx.rt->extension<RunEnv>().nameTask(node->name, ctx.task);
    engine::Body body = node->helper->build(node);
    QCoro::Task<engine::Value> running = body(ctx);
    co_return co_await running;
}

} // namespace

QCoro::Task<engine::Value> runBody(engine::Ctx ctx, std::shared_ptr<const Node> node)
{
    QCoro::Task<MaybeValue> script = runSteps(ctx, node, &node->steps);
    const MaybeValue value = co_await script;
    co_return value.value_or(engine::Value{});
}

engine::Body bodyFor(std::shared_ptr<const Node> node)
{
    // Plain (non-coroutine) closures: each returns the coroutine of a function that owns its data.
    if (node->kind == Node::Kind::Helper)
        return [node](engine::Ctx ctx) { return runHelper(ctx, node); };
    return [node](engine::Ctx ctx) { return runTask(ctx, node); };
}

std::vector<engine::Child> childrenOf(const Node &node)
{
    std::vector<engine::Child> children;
    children.reserve(node.children.size());
    for (const auto &child : node.children)
        children.push_back(engine::Child{child->name, bodyFor(child)});
    return children;
}

std::shared_ptr<engine::ListSource> sourceOf(const Node &node)
{
    return sourceOf(node, childrenOf(node));
}

std::shared_ptr<engine::ListSource> sourceOf(const Node &node, std::vector<engine::Child> children)
{
    auto source = std::make_shared<engine::ListSource>(std::move(children));
    const QVariant raisesAfter = node.option(QStringLiteral("source_raises_after"));
    if (raisesAfter.isValid())
        source->raiseAfter(raisesAfter.toInt(), engine::Error::plain(QStringLiteral("ValueError"), QStringLiteral("source")));
    const QVariant delay = node.option(QStringLiteral("source_delay"));
    if (delay.isValid())
        source->setDelay(delay.toLongLong());
    if (node.option(QStringLiteral("source_generator")).toBool())
        source->setGenerator(true);
    return source;
}

QVariantList resultsOf(engine::Runtime &rt, const std::vector<engine::TaskId> &ids)
{
    QVariantList results;
    for (const engine::TaskId id : ids)
        results << (rt.state(id) == engine::TaskState::Completed ? rt.result(id) : engine::Value{});
    return results;
}

} // namespace scenarios
