#include "timeout.h"

#include "taskset.h"

namespace engine::effectpy {

namespace {

struct WaitForOutcome
{
    Value value;
    bool timedOut = false;   // the task ended cancelled after the deadline: TimeoutError
};

// CPython 3.11's wait_for(fut, timeout) with the effect as the task.
QCoro::Task<WaitForOutcome> runWaitFor(Ctx ctx, Effect effect, Tick seconds, QString name)
{
    Runtime &rt = *ctx.rt;
    auto set = TaskSet::open(ctx, name, TieBreak::Fifo);
    const TaskId inner = set->createTask(effect);
    const std::vector<TaskId> waitingFor{inner};

    Waited waited;
    std::exception_ptr interrupted;
    if (seconds > 0) {
        // wait_for waits on its own future (released by the task's end or by the timer), not on
        // the task: a cancellation of the caller is not forwarded by this wait.
        try {
            waited = co_await set->wait(ctx, waitingFor, ReturnWhen::AllCompleted, seconds);
        } catch (...) {
            interrupted = std::current_exception();
        }
        if (isFinal(rt.state(inner))) {
            // `if fut.done(): return fut.result()` (also when the timer fired at the same instant).
            set->release();
            WaitForOutcome done;
            done.value = resultOf(rt, inner);
            co_return done;
        }
    }
    // `timeout <= 0`: the task is not done (it has not even started), so it is cancelled at once.
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
    WaitForOutcome outcome;
    if (rt.state(inner) == TaskState::Cancelled)
        outcome.timedOut = true;
    else
        outcome.value = resultOf(rt, inner);   // it swallowed the cancellation and returned, or raised
    co_return outcome;
}

} // namespace

QCoro::Task<Value> timeout(Ctx ctx, Effect effect, Tick seconds)
{
    const QString name = QStringLiteral("timeout(%1)").arg(seconds);
    const WaitForOutcome outcome = co_await runWaitFor(ctx, std::move(effect), seconds, name);
    if (outcome.timedOut)
        note(ctx, name + QStringLiteral(": timed out, returns None"));   // TimeoutError, which Effect.timeout turns into None
    co_return outcome.value;
}

QCoro::Task<Value> waitFor(Ctx ctx, Effect effect, Tick seconds)
{
    const WaitForOutcome outcome = co_await runWaitFor(ctx, std::move(effect), seconds, QStringLiteral("wait_for(%1)").arg(seconds));
    if (outcome.timedOut)
        throw Error::timeout(QStringLiteral("TimeoutError"));
    co_return outcome.value;
}

} // namespace engine::effectpy
