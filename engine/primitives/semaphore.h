#pragma once

#include "handoff.h"
#include "../waitlist.h"

namespace engine {

class Semaphore;

class SemaphoreAwaiter : public HandoffAwaiter
{
public:
    SemaphoreAwaiter(Semaphore &semaphore, Ctx ctx);
    bool await_ready();
    void await_suspend(std::coroutine_handle<> h);
    void await_resume() { settle(); }

private:
    void rollback() override;
    Semaphore &m_semaphore;
};

/// A counting semaphore with FIFO hand-off: release() gives the slot straight to the longest
/// waiter, so a task arriving later can never overtake it (asyncio.Semaphore as effectpy uses it).
class Semaphore
{
public:
    Semaphore(Runtime &rt, int count, QString name = {});
    /// Takes a slot, waiting in line if none is free (a checkpoint).
    SemaphoreAwaiter acquire(Ctx ctx) { return SemaphoreAwaiter(*this, ctx); }
    /// Gives a slot back (to the first waiter if any).
    void release(TaskId by);
    int available() const { return m_available; }
    int inUse() const { return m_slots - m_available; }
    QString name() const { return m_name; }

private:
    friend class SemaphoreAwaiter;
    void recordSlot(EventKind kind, TaskId task);

    Runtime &m_rt;
    QString m_name;
    int m_slots;
    int m_available;
    WaitList m_waiters;
};

} // namespace engine
