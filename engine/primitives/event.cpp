#include "event.h"

namespace engine {

EventAwaiter::EventAwaiter(Event &event, Ctx ctx)
    : HandoffAwaiter(ctx.rt, ctx.task, WaitReason::Event)
    , m_event(event)
{
}

bool EventAwaiter::await_ready()
{
    return CheckpointAwaiter::await_ready() || m_event.isSet();
}

void EventAwaiter::await_suspend(std::coroutine_handle<> h)
{
    m_event.m_waiters.add(*m_rt, m_task, h, WaitReason::Event, static_cast<HandoffAwaiter *>(this));
}

void Event::set()
{
    if (m_set)
        return;
    m_set = true;
    const EventId e = m_rt.record(EventKind::ValueEmitted, m_rt.current(), NoId, NoId, NoId,
                                  QStringLiteral("event %1 set").arg(m_name));
    while (m_waiters.hasLive(m_rt)) {
        static_cast<HandoffAwaiter *>(m_waiters.front(m_rt)->slot)->commit();
        m_waiters.wakeFirst(m_rt, e);
    }
}

} // namespace engine
