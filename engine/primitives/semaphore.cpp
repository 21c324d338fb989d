#include "semaphore.h"

namespace engine {

SemaphoreAwaiter::SemaphoreAwaiter(Semaphore &semaphore, Ctx ctx)
    : HandoffAwaiter(ctx.rt, ctx.task, WaitReason::Semaphore)
    , m_semaphore(semaphore)
{
}

bool SemaphoreAwaiter::await_ready()
{
    if (CheckpointAwaiter::await_ready())
        return true;
    if (m_semaphore.m_available > 0 && !m_semaphore.m_waiters.hasLive(*m_rt)) {
        --m_semaphore.m_available;
        m_semaphore.recordSlot(EventKind::SlotAcquired, m_task);
        commit();
        return true;
    }
    return false;
}

void SemaphoreAwaiter::await_suspend(std::coroutine_handle<> h)
{
    m_semaphore.m_waiters.add(*m_rt, m_task, h, WaitReason::Semaphore, static_cast<HandoffAwaiter *>(this));
}

void SemaphoreAwaiter::rollback()
{
    m_semaphore.release(m_task);   // the slot passes on to the next waiter
}

Semaphore::Semaphore(Runtime &rt, int count, QString name)
    : m_rt(rt)
    , m_name(std::move(name))
    , m_slots(std::max(count, 0))
    , m_available(m_slots)
{
}

void Semaphore::recordSlot(EventKind kind, TaskId task)
{
    m_rt.record(kind, task, NoId, NoId, NoId, m_name, inUse());
}

void Semaphore::release(TaskId by)
{
    if (const WaitList::Waiter *w = m_waiters.front(m_rt)) {
        // Hand the slot over: the count does not change, the waiter owns it now.
        m_rt.record(EventKind::SlotReleased, by, NoId, NoId, NoId, m_name, inUse() - 1);
        static_cast<HandoffAwaiter *>(w->slot)->commit();
        const TaskId next = w->task;
        m_waiters.wakeFirst(m_rt);
        recordSlot(EventKind::SlotAcquired, next);
        return;
    }
    m_available = std::min(m_available + 1, m_slots);
    recordSlot(EventKind::SlotReleased, by);
}

} // namespace engine
