#include "runenv.h"

namespace scenarios {

void RunEnv::init(engine::Runtime &rt, const std::vector<Resource> &resources)
{
    for (const Resource &r : resources) {
        switch (r.kind) {
        case Resource::Kind::Semaphore:
            m_semaphores.insert(r.name, std::make_shared<engine::Semaphore>(rt, r.capacity, r.name));
            break;
        case Resource::Kind::Queue:
            m_queues.insert(r.name, std::make_shared<engine::Queue>(rt, r.capacity, r.name));
            break;
        case Resource::Kind::Channel:
            // effectpy's Channel wraps an asyncio.Queue it never closes (see closeChannel()).
            m_queues.insert(r.name, std::make_shared<engine::Queue>(rt, r.capacity, r.name));
            m_channels.insert(r.name);
            break;
        case Resource::Kind::Event:
            m_events.insert(r.name, std::make_shared<engine::Event>(rt, r.name));
            break;
        }
    }
}

engine::Semaphore *RunEnv::semaphore(const QString &name) const
{
    return m_semaphores.value(name).get();
}

engine::Queue *RunEnv::queue(const QString &name) const
{
    return m_queues.value(name).get();
}

engine::Event *RunEnv::event(const QString &name) const
{
    return m_events.value(name).get();
}

void RunEnv::pushSpawner(engine::TaskId task, Spawner spawner)
{
    m_spawners[task].push_back(std::move(spawner));
}

void RunEnv::popSpawner(engine::TaskId task)
{
    auto it = m_spawners.find(task);
    if (it == m_spawners.end())
        return;
    it->pop_back();
    if (it->empty())
        m_spawners.erase(it);
}

const RunEnv::Spawner *RunEnv::spawner(engine::TaskId task) const
{
    const auto it = m_spawners.constFind(task);
    return it == m_spawners.constEnd() || it->empty() ? nullptr : &it->back();
}

SpawnerGuard::SpawnerGuard(engine::Ctx ctx, RunEnv::Spawner spawner)
    : m_ctx(ctx)
{
    ctx.rt->extension<RunEnv>().pushSpawner(ctx.task, std::move(spawner));
}

SpawnerGuard::~SpawnerGuard()
{
    m_ctx.rt->extension<RunEnv>().popSpawner(m_ctx.task);
}

bool RunEnv::reportStarted(engine::TaskId task, const engine::Value &value) const
{
    const auto hook = m_started.constFind(task);
    if (hook == m_started.constEnd())
        return false;
    (*hook)(value);
    return true;
}

} // namespace scenarios
