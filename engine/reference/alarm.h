#pragma once

#include "../runtime.h"

#include <functional>

namespace engine::reference {

/// loop.call_at(when, callback) that can be withdrawn or moved: asyncio's timeouts are callbacks
/// (task.cancel(), releasing a waiter), not cancel scopes. The callback runs from the timer batch,
/// before any task woken at that instant runs; it must only post work (cancel, notify), never
/// resume a coroutine itself. The deadline is recorded on `scope` ("<scope> deadline at 2",
/// "<scope> deadline reached"). Destroying the alarm withdraws it.
class Alarm
{
public:
    using Callback = std::function<void(EventId fired)>;

    Alarm(Runtime &rt, TaskId owner, ScopeId scope, Tick when, Callback onFire);
    ~Alarm();
    Alarm(const Alarm &) = delete;
    Alarm &operator=(const Alarm &) = delete;

    /// A new deadline (Never: none). A deadline already passed fires later in this instant.
    void reschedule(Tick when);
    /// Forgets the deadline; the callback will not run.
    void withdraw();
    bool fired() const { return m_fired; }
    Tick when() const { return m_when; }

private:
    static void job(void *self, qint64, qint64);

    Runtime &m_rt;
    TaskId m_owner;
    ScopeId m_scope;
    Tick m_when = Never;
    Callback m_onFire;
    Scheduler::TimerId m_timer = Scheduler::NoTimer;
    bool m_fired = false;
};

} // namespace engine::reference
