#pragma once

#include "../runtime.h"

namespace engine::reference {

class Signal;

/// signal.wait(ctx): suspends until notified (a checkpoint); returns at once if a notification
/// is already pending.
class SignalAwaiter : public CheckpointAwaiter
{
public:
    SignalAwaiter(Signal &signal, Ctx ctx);
    bool await_ready() const;
    void await_suspend(std::coroutine_handle<> h);
    void await_resume();

private:
    Signal &m_signal;
};

/// A wake-up flag for the one task that runs a helper's loop ("something changed, look again").
/// Unlike engine::Event it records nothing itself: the wake-up names its cause (a child's end), so
/// the trace stays about the children.
class Signal
{
public:
    explicit Signal(Runtime &rt) : m_rt(rt) {}
    /// Marks a change and wakes the waiting task, if any.
    void notify(EventId cause = NoId);
    SignalAwaiter wait(Ctx ctx) { return SignalAwaiter(*this, ctx); }
    bool pending() const { return m_pending; }

private:
    friend class SignalAwaiter;
    Runtime &m_rt;
    TaskId m_waiter = NoId;
    quint32 m_serial = 0;
    bool m_pending = false;
};

} // namespace engine::reference
