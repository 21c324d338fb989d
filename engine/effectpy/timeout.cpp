#include "timeout.h"

#include "taskset.h"

namespace engine::effectpy {

QCoro::Task<Value> timeout(Ctx ctx, Effect effect, Tick seconds)
{
    Runtime &rt = *ctx.rt;
    const QString name = QStringLiteral("timeout(%1)").arg(seconds);
    auto set = TaskSet::open(ctx, name, TieBreak::Fifo);
    const TaskId inner = set->createTask(effect);
    const std::vector<TaskId> waitingFor{inner};

    // wait_for waits on its own future (released by the task's end or by the timer), not on the
    // task: a cancellation of the caller is not forwarded by this wait.
    Waited waited;
    std::exception_ptr interrupted;
    try {
        waited = co_await set->wait(ctx, waitingFor, ReturnWhen::AllCompleted, seconds);
    } catch (...) {
        interrupted = std::current_exception();
    }
    if (isFinal(rt.state(inner))) {
        // `if fut.done(): return fut.result()` (also when the timer fired at the same instant).
        set->release();
        co_return resultOf(rt, inner);
    }
    set->cancel(inner, interrupted ? QStringLiteral("the caller was cancelled") : name + QStringLiteral(" expired"),
                waited.timerFired);
    // _cancel_and_wait: a further cancellation of the caller ends this wait.
    std::exception_ptr again;
    try {
        co_await ctx.join(inner);
    } catch (...) {
        again = std::current_exception();
    }
    set->release();
    if (again)
        std::rethrow_exception(again);
    if (interrupted)
        std::rethrow_exception(interrupted);
    if (rt.state(inner) == TaskState::Cancelled) {
        // TimeoutError, which Effect.timeout turns into None.
        note(ctx, name + QStringLiteral(": timed out, returns None"));
        co_return Value();
    }
    co_return resultOf(rt, inner);   // it swallowed the cancellation and returned, or raised
}

} // namespace engine::effectpy
