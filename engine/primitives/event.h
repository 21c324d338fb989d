#pragma once

#include "handoff.h"
#include "../waitlist.h"

namespace engine {

class Event;

class EventAwaiter : public HandoffAwaiter
{
public:
    EventAwaiter(Event &event, Ctx ctx);
    bool await_ready();
    void await_suspend(std::coroutine_handle<> h);
    void await_resume() { settle(); }

private:
    Event &m_event;
};

/// A one-shot flag tasks wait for (trio.Event / asyncio.Event): set() wakes every waiter.
class Event
{
public:
    Event(Runtime &rt, QString name = {}) : m_rt(rt), m_name(std::move(name)) {}
    /// Waits until the event is set (a checkpoint even when it already is).
    EventAwaiter wait(Ctx ctx) { return EventAwaiter(*this, ctx); }
    void set();
    void clear() { m_set = false; }
    bool isSet() const { return m_set; }
    QString name() const { return m_name; }

private:
    friend class EventAwaiter;
    Runtime &m_rt;
    QString m_name;
    bool m_set = false;
    WaitList m_waiters;
};

} // namespace engine
