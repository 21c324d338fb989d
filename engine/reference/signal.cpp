#include "signal.h"

namespace engine::reference {

SignalAwaiter::SignalAwaiter(Signal &signal, Ctx ctx)
    : CheckpointAwaiter(ctx.rt, ctx.task, WaitReason::Children)
    , m_signal(signal)
{
}

bool SignalAwaiter::await_ready() const
{
    return CheckpointAwaiter::await_ready() || m_signal.m_pending;
}

void SignalAwaiter::await_suspend(std::coroutine_handle<> h)
{
    m_rt->suspend(m_task, h, WaitReason::Children, true);
    m_signal.m_waiter = m_task;
    m_signal.m_serial = m_rt->waitSerial(m_task);
}

void SignalAwaiter::await_resume()
{
    // Consumed before the checkpoint may throw: the caller re-reads the children's states anyway.
    m_signal.m_pending = false;
    m_signal.m_waiter = NoId;
    CheckpointAwaiter::await_resume();
}

void Signal::notify(EventId cause)
{
    m_pending = true;
    if (m_waiter != NoId)
        m_rt.wake(m_waiter, m_serial, cause);
    m_waiter = NoId;
}

} // namespace engine::reference
