#include "alarm.h"

namespace engine::reference {

Alarm::Alarm(Runtime &rt, TaskId owner, ScopeId scope, Tick when, Callback onFire)
    : m_rt(rt)
    , m_owner(owner)
    , m_scope(scope)
    , m_onFire(std::move(onFire))
{
    reschedule(when);
}

Alarm::~Alarm()
{
    withdraw();
}

void Alarm::withdraw()
{
    m_rt.scheduler().cancelTimer(m_timer);
    m_timer = Scheduler::NoTimer;
}

void Alarm::reschedule(Tick when)
{
    withdraw();
    m_when = when;
    if (when == Never || m_fired)
        return;
    m_rt.record(EventKind::TimerSet, m_owner, m_scope, NoId, NoId, {}, when);
    m_timer = m_rt.scheduler().addTimer(when, Job{&Alarm::job, this, 0, 0, m_owner, quint8(JobLabel::Deadline)});
}

void Alarm::job(void *self, qint64, qint64)
{
    auto *alarm = static_cast<Alarm *>(self);
    alarm->m_timer = Scheduler::NoTimer;
    alarm->m_fired = true;
    const EventId fired = alarm->m_rt.record(EventKind::TimerFired, alarm->m_owner, alarm->m_scope);
    if (alarm->m_onFire)
        alarm->m_onFire(fired);
}

} // namespace engine::reference
