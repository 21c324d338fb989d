#include "awaiters.h"

#include "runtime.h"

namespace engine {

bool CheckpointAwaiter::await_ready() const
{
    return m_cancellable && m_rt->cancelPending(m_task);
}

bool CheckpointAwaiter::cancelled() const
{
    return m_rt->cancelledAtCheckpoint(m_task, m_reason, m_cancellable);
}

void SleepAwaiter::await_suspend(std::coroutine_handle<> h)
{
    if (m_reason == WaitReason::Yield || m_deadline <= m_rt->now())
        m_rt->yieldNow(m_task, h);
    else
        m_rt->sleepUntil(m_task, h, m_deadline);
}

bool JoinAwaiter::await_ready() const
{
    return CheckpointAwaiter::await_ready() || isFinal(m_rt->state(m_target));
}

void JoinAwaiter::await_suspend(std::coroutine_handle<> h)
{
    m_rt->joinTask(m_task, h, m_target);
}

TaskId JoinAwaiter::await_resume() const
{
    CheckpointAwaiter::await_resume();
    return m_target;
}

bool ChildrenAwaiter::await_ready() const
{
    return CheckpointAwaiter::await_ready() || m_rt->liveChildren(m_scope) == 0;
}

void ChildrenAwaiter::await_suspend(std::coroutine_handle<> h)
{
    m_rt->waitChildren(m_task, h, m_scope, m_cancellable);
}

SleepAwaiter Ctx::sleep(Tick duration) const
{
    return SleepAwaiter(rt, task, rt->now() + std::max<Tick>(duration, 0), duration <= 0);
}

SleepAwaiter Ctx::sleepUntil(Tick deadline) const
{
    return SleepAwaiter(rt, task, deadline, deadline <= rt->now());
}

SleepAwaiter Ctx::checkpoint() const
{
    return SleepAwaiter(rt, task, rt->now(), true);
}

JoinAwaiter Ctx::join(TaskId target) const
{
    return JoinAwaiter(rt, task, target);
}

ChildrenAwaiter Ctx::waitChildren(ScopeId scope, bool cancellable) const
{
    return ChildrenAwaiter(rt, task, scope, cancellable);
}

Tick Ctx::now() const
{
    return rt->now();
}

} // namespace engine
