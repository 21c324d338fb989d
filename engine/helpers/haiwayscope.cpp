#include "haiwayscope.h"

#include "../cancelscope.h"

namespace engine::haiway {

namespace {

// The per-loop set of background tasks, kept beside the runtime.
struct BackgroundTasks
{
    ScopeId scope = NoId;
};

} // namespace

HaiwayScope::HaiwayScope(Ctx ctx, const QString &name)
    : m_ctx(ctx)
{
    ScopeOptions options;
    options.name = QStringLiteral("ctx.scope(%1)").arg(name);
    options.kind = ScopeKind::Nursery;
    options.observer = this;
    m_scope = ctx.rt->openScope(ctx.task, options);
}

TaskId HaiwayScope::spawn(const QString &name, Body body)
{
    return m_ctx.rt->spawn(m_scope, name, std::move(body), StartPolicy::Deferred);
}

void HaiwayScope::childEnded(TaskId child)
{
    Runtime &rt = *m_ctx.rt;
    if (rt.state(child) != TaskState::Failed)
        return;   // a cancelled task is not a failure
    m_errors.push_back(Error::fromException(rt.error(child)));
    const EventId propagated = rt.record(EventKind::ErrorPropagated, child, m_scope, rt.endEvent(child), m_ctx.task);
    if (m_errors.size() == 1) {
        // asyncio.TaskGroup aborts: every other child and, if it still runs, the body.
        m_bodyCancelledByChild = !m_bodyDone;
        rt.cancelScope(m_scope, child, QStringLiteral("%1 failed").arg(rt.trace().taskName(child)), propagated);
    }
}

QCoro::Task<Value> scope(Ctx ctx, QString name, ScopeBody body)
{
    Runtime &rt = *ctx.rt;
    HaiwayScope group(ctx, name);
    Value value;
    std::exception_ptr error;
    try {
        value = co_await body(ctx, group);
    } catch (...) {
        error = std::current_exception();
    }
    rt.leaveScope(ctx.task, group.m_scope);
    group.m_bodyDone = true;
    if (error && !isCancelled(error))
        rt.cancelScope(group.m_scope, ctx.task, QStringLiteral("the body raised"));
    else if (error && !group.m_bodyCancelledByChild)
        rt.cancelScope(group.m_scope, ctx.task, QStringLiteral("the caller was cancelled"));
    // A healthy exit waits for the spawned tasks; it can itself be cancelled from outside.
    const bool interrupted = co_await joinScope(ctx, group.m_scope, error != nullptr) && !error;
    if (interrupted) {
        const std::exception_ptr cancelled = std::make_exception_ptr(Cancelled());
        rt.closeScope(group.m_scope, cancelled);
        std::rethrow_exception(cancelled);
    }
    if (error && !isCancelled(error)) {
        rt.closeScope(group.m_scope, error, QStringLiteral("raised"));
        std::rethrow_exception(error);   // ContextTaskGroup re-raises the body's exception bare
    }
    if (!group.m_errors.empty()) {
        const Error raised = Error::group(QStringLiteral("unhandled errors in a TaskGroup"), group.m_errors);
        if (group.m_bodyCancelledByChild) {
            // haiway re-raises the body's CancelledError, chained from the group.
            rt.record(EventKind::ErrorsGrouped, ctx.task, group.m_scope, NoId, NoId,
                      QStringLiteral("CancelledError (cause: %1)").arg(raised.describe()));
            rt.closeScope(group.m_scope, error, QStringLiteral("raised CancelledError"));
            throw Cancelled();
        }
        rt.record(EventKind::ErrorsGrouped, ctx.task, group.m_scope, NoId, NoId, raised.describe());
        rt.closeScope(group.m_scope, std::make_exception_ptr(raised), QStringLiteral("raised"));
        throw raised;
    }
    if (error) {
        rt.closeScope(group.m_scope, error);
        std::rethrow_exception(error);
    }
    rt.closeScope(group.m_scope, nullptr);
    co_return value;
}

TaskId spawnBackground(Ctx ctx, const QString &name, Body body)
{
    Runtime &rt = *ctx.rt;
    BackgroundTasks &background = rt.extension<BackgroundTasks>();
    if (background.scope == NoId || !rt.scopeOpen(background.scope)) {
        ScopeOptions options;
        options.name = QStringLiteral("background tasks");
        options.kind = ScopeKind::Helper;
        options.detached = true;
        background.scope = rt.openScope(ctx.task, options);
        rt.leaveScope(ctx.task, background.scope);
    }
    return rt.spawn(background.scope, name, std::move(body), StartPolicy::Deferred);
}

QCoro::Task<void> shutdownBackgroundTasks(Ctx ctx)
{
    Runtime &rt = *ctx.rt;
    BackgroundTasks &background = rt.extension<BackgroundTasks>();
    if (background.scope == NoId)
        co_return;
    const ScopeId s = background.scope;
    background.scope = NoId;
    rt.cancelScope(s, ctx.task, QStringLiteral("shutdown_background_tasks()"));
    co_await ctx.waitChildren(s, false);   // drained with gather(return_exceptions=True)
    rt.closeScope(s, nullptr);
}

} // namespace engine::haiway
