#pragma once

#include "scenariodata.h"

#include "engine/primitives/event.h"
#include "engine/primitives/queue.h"
#include "engine/primitives/semaphore.h"

#include <QHash>
#include <QSet>

#include <functional>
#include <memory>

namespace scenarios {

/// Per-run state the steps of a scenario share, kept beside the engine runtime
/// (`rt.extension<RunEnv>()`): the named resources, which task and scope each name stands for
/// (for `cancel:`), and where each task's `spawn:` steps start their nodes.
class RunEnv
{
public:
    /// Starts `node` as a child of a helper; returns the new task.
    using Spawner = std::function<engine::TaskId(std::shared_ptr<const Node> node)>;

    /// Creates the scenario's resources on `rt` (called once, before the root task starts).
    void init(engine::Runtime &rt, const std::vector<Resource> &resources);

    engine::Semaphore *semaphore(const QString &name) const;
    /// The queue behind a queue or a channel resource.
    engine::Queue *queue(const QString &name) const;
    /// Is `name` a channel (effectpy Channel) rather than a queue?
    bool isChannel(const QString &name) const { return m_channels.contains(name); }
    /// A channel's close(): later sends raise; receivers are not woken.
    void closeChannel(const QString &name) { m_closedChannels.insert(name); }
    bool channelClosed(const QString &name) const { return m_closedChannels.contains(name); }
    engine::Event *event(const QString &name) const;

    /// The task now running the node called `name` (the latest one, if it ran more than once).
    void nameTask(const QString &name, engine::TaskId task) { m_tasks.insert(name, task); }
    engine::TaskId taskNamed(const QString &name) const { return m_tasks.value(name, engine::NoId); }
    /// A helper's own cancel scope, for `cancel: NAME` on a scope.
    void nameScope(const QString &name, engine::ScopeId scope) { m_scopes.insert(name, scope); }
    engine::ScopeId scopeNamed(const QString &name) const { return m_scopes.value(name, engine::NoId); }

    /// While a helper's body runs in `task`, its `spawn:` steps go to `spawner` (innermost wins).
    void pushSpawner(engine::TaskId task, Spawner spawner);
    void popSpawner(engine::TaskId task);
    /// The innermost spawner of `task`, or null.
    const Spawner *spawner(engine::TaskId task) const;

    /// What a `started:` step of `task` calls (its task_status.started), set by nursery.start.
    using StartedHook = std::function<void(const engine::Value &value)>;
    void setStartedHook(engine::TaskId task, StartedHook hook) { m_started.insert(task, std::move(hook)); }
    /// Calls `task`'s hook; false when it has none.
    bool reportStarted(engine::TaskId task, const engine::Value &value) const;

private:
    QHash<QString, std::shared_ptr<engine::Semaphore>> m_semaphores;
    QHash<QString, std::shared_ptr<engine::Queue>> m_queues;
    QHash<QString, std::shared_ptr<engine::Event>> m_events;
    QSet<QString> m_channels;
    QSet<QString> m_closedChannels;
    QHash<QString, engine::TaskId> m_tasks;
    QHash<QString, engine::ScopeId> m_scopes;
    QHash<engine::TaskId, std::vector<Spawner>> m_spawners;
    QHash<engine::TaskId, StartedHook> m_started;
};

/// Pushes a spawner for the lifetime of a helper body (RAII, so an exception pops it too).
class SpawnerGuard
{
public:
    SpawnerGuard(engine::Ctx ctx, RunEnv::Spawner spawner);
    ~SpawnerGuard();
    SpawnerGuard(const SpawnerGuard &) = delete;
    SpawnerGuard &operator=(const SpawnerGuard &) = delete;

private:
    engine::Ctx m_ctx;
};

} // namespace scenarios
