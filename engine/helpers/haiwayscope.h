#pragma once

#include "../runtime.h"

#include <memory>

/// Haiway's context scopes (helper-semantics §1.5): `ctx.scope` owns a task group that waits for
/// spawned tasks on exit; `ctx.spawn` puts a task in it; `ctx.spawn_background` detaches one.
namespace engine::haiway {

class HaiwayScope;
using ScopeBody = std::function<QCoro::Task<Value>(Ctx, HaiwayScope &)>;

/// The task group of an isolated `ctx.scope`.
class HaiwayScope : public ScopeObserver
{
public:
    HaiwayScope(Ctx ctx, const QString &name);
    /// ctx.spawn(fn): a task in this scope's group, started on a later turn (create_task).
    TaskId spawn(const QString &name, Body body);
    ScopeId scope() const { return m_scope; }
    void childEnded(TaskId child) override;

private:
    friend QCoro::Task<Value> scope(Ctx ctx, QString name, ScopeBody body);
    Ctx m_ctx;
    ScopeId m_scope = NoId;
    std::vector<Error> m_errors;
    bool m_bodyDone = false;
    bool m_bodyCancelledByChild = false;
};

/// async with ctx.scope(name): the body runs with a task group. A healthy exit waits for spawned
/// tasks (they are not cancelled); a body error cancels and joins them and is re-raised bare; a
/// spawned task failing after the body ended raises ExceptionGroup; one failing while the body
/// still runs cancels the body, and the caller sees CancelledError (caused by the group).
QCoro::Task<Value> scope(Ctx ctx, QString name, ScopeBody body);

/// ctx.spawn_background(fn): a task in no scope; it may outlive its spawner; its error is only
/// logged, never propagated.
TaskId spawnBackground(Ctx ctx, const QString &name, Body body);
/// ctx.shutdown_background_tasks(): cancel every background task and wait for them.
QCoro::Task<void> shutdownBackgroundTasks(Ctx ctx);

} // namespace engine::haiway
