#include "waitlist.h"

namespace engine {

void WaitList::add(Runtime &rt, TaskId task, std::coroutine_handle<> h, WaitReason reason, void *slot, qint32 other)
{
    rt.suspend(task, h, reason, true, -1, other);
    m_waiters.push_back(Waiter{task, rt.waitSerial(task), slot});
}

const WaitList::Waiter *WaitList::front(const Runtime &rt)
{
    while (!m_waiters.empty() && !rt.stillWaiting(m_waiters.front().task, m_waiters.front().serial))
        m_waiters.pop_front();
    return m_waiters.empty() ? nullptr : &m_waiters.front();
}

WaitList::Waiter WaitList::wakeFirst(Runtime &rt, EventId cause)
{
    if (!front(rt))
        return {};
    const Waiter w = m_waiters.front();
    m_waiters.pop_front();
    rt.wake(w.task, w.serial, cause);
    return w;
}

void WaitList::wakeAll(Runtime &rt, EventId cause)
{
    std::deque<Waiter> waiters;
    waiters.swap(m_waiters);
    for (const Waiter &w : waiters)
        if (rt.stillWaiting(w.task, w.serial))
            rt.wake(w.task, w.serial, cause);
}

bool WaitList::hasLive(const Runtime &rt)
{
    return front(rt) != nullptr;
}

} // namespace engine
