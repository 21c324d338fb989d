#include "../helpers/asyncio.h"

#include "asynciotasks.h"

// asyncio's timeouts and shield (helpers/asyncio.h): timeout(), timeout_at(), wait_for(), shield().
namespace engine::asyncio {

using reference::Alarm;
using reference::ChildSet;
using reference::createTasks;
using reference::raiseFrom;
using reference::resultOf;

namespace {

QCoro::Task<Value> timeoutBlock(Ctx ctx, QString name, Tick when, TimeoutBody body)
{
    Runtime &rt = *ctx.rt;
    ScopeOptions options;
    options.name = name;
    options.kind = ScopeKind::Timeout;
    const ScopeId scope = rt.openScope(ctx.task, options);
    // __aenter__: requests made before the block are not the timeout's business.
    const int cancellingAtEntry = rt.cancelling(ctx.task);
    // loop.call_at(when, task.cancel): the task is cancelled, not the scope.
    const TaskId task = ctx.task;
    Alarm alarm(rt, task, scope, when, [&rt, task, name](EventId fired) {
        rt.cancelTask(task, NoId, QStringLiteral("%1 expired").arg(name), fired);
    });
    Value value;
    std::exception_ptr error;
    try {
        value = co_await body(ctx, Timeout(&alarm, scope));
    } catch (...) {
        error = std::current_exception();
    }
    alarm.withdraw();
    // __aexit__ after expiry: withdraw the timeout's own request; a CancelledError becomes
    // TimeoutError only if no other request is left (one from outside, or an outer timeout's,
    // that arrived meanwhile keeps it a cancellation).
    bool timedOut = false;
    QString how;
    if (alarm.fired()) {
        const int left = rt.uncancel(task);
        timedOut = isCancelled(error) && left <= cancellingAtEntry;
        if (isCancelled(error) && !timedOut)
            how = QStringLiteral("cancelled: uncancel() left %1 other request%2").arg(left - cancellingAtEntry).arg(left - cancellingAtEntry == 1 ? "" : "s");
    }
    rt.closeScope(scope, error, timedOut ? QStringLiteral("timed out") : how);
    if (timedOut) {
        const Error timeoutError = Error::timeout(QStringLiteral("TimeoutError"));
        rt.record(EventKind::ErrorsGrouped, ctx.task, scope, NoId, NoId, timeoutError.describe());
        throw timeoutError;
    }
    if (error)
        std::rethrow_exception(error);
    co_return value;
}

TimeoutBody ignoringHandle(Body body)
{
    return [body = std::move(body)](Ctx ctx, Timeout) { return body(ctx); };
}

} // namespace

QCoro::Task<Value> timeout(Ctx ctx, Tick delay, TimeoutBody body)
{
    const Tick when = delay == Never ? Never : ctx.now() + delay;
    return timeoutBlock(ctx, QStringLiteral("timeout(%1)").arg(delay == Never ? QStringLiteral("None") : QString::number(delay)), when, std::move(body));
}

QCoro::Task<Value> timeout(Ctx ctx, Tick delay, Body body)
{
    return timeout(ctx, delay, ignoringHandle(std::move(body)));
}

QCoro::Task<Value> timeoutAt(Ctx ctx, Tick when, TimeoutBody body)
{
    return timeoutBlock(ctx, QStringLiteral("timeout_at(%1)").arg(when == Never ? QStringLiteral("None") : QString::number(when)), when, std::move(body));
}

QCoro::Task<Value> timeoutAt(Ctx ctx, Tick when, Body body)
{
    return timeoutAt(ctx, when, ignoringHandle(std::move(body)));
}

namespace {

// _cancel_and_wait(fut): cancel the inner task and wait until its end was observed. A second
// cancellation of the caller ends the wait (the inner task is left cancelling).
QCoro::Task<void> cancelAndWait(Ctx ctx, std::shared_ptr<ChildSet> set, QString why)
{
    ctx.rt->cancelTask(set->task(0), ctx.task, why);
    while (!set->observed(0)) {
        std::exception_ptr again;
        try {
            co_await set->changed().wait(ctx);
        } catch (...) {
            again = std::current_exception();
        }
        if (again) {
            set->leave();
            std::rethrow_exception(again);
        }
    }
}

} // namespace

namespace {

// `await task` in a coroutine: cancelling the caller cancels the awaited task instead
// (Task.cancel() passes it to _fut_waiter) and the caller goes on waiting for its end. Only a
// cancellation that arrives after the task has ended reaches the caller itself (_must_cancel).
QCoro::Task<Value> awaitTask(Ctx ctx, std::shared_ptr<ChildSet> set)
{
    Runtime &rt = *ctx.rt;
    const TaskId inner = set->task(0);
    std::exception_ptr raised;   // a cancellation that came too late to pass on (_must_cancel)
    while (!set->observed(0)) {
        std::exception_ptr caught;
        try {
            co_await set->changed().wait(ctx);
        } catch (...) {
            caught = std::current_exception();
        }
        if (!caught)
            continue;
        if (!isCancelled(caught) || set->ended(0)) {
            raised = caught;
            break;
        }
        rt.cancelTask(inner, ctx.task, QStringLiteral("%1 was cancelled while awaiting it").arg(rt.trace().taskName(ctx.task)));
    }
    if (raised)
        std::rethrow_exception(raised);
    co_return resultOf(rt, inner);
}

// 3.12+: `async with timeouts.timeout(timeout): return await fut`. The deadline cancels the
// caller, whose await passes the cancellation on to the inner task and waits for it.
QCoro::Task<Value> waitFor312(Ctx ctx, Child aw, Tick timeout)
{
    auto set = createTasks(ctx, QStringLiteral("wait_for()"), {});
    set->start(std::move(aw), StartPolicy::Deferred);
    const TimeoutBody block = [set](Ctx c, Timeout) { return awaitTask(c, set); };
    Value value;
    std::exception_ptr error;
    try {
        QCoro::Task<Value> running = timeoutBlock(ctx, QStringLiteral("timeout(%1)").arg(timeout), ctx.now() + timeout, block);
        value = co_await running;
    } catch (...) {
        error = std::current_exception();
    }
    set->leave();
    if (error)
        std::rethrow_exception(error);
    co_return value;
}

} // namespace

QCoro::Task<Value> waitFor(Ctx ctx, Child aw, Tick timeout, WaitForVersion version)
{
    Runtime &rt = *ctx.rt;
    if (timeout == Never)
        co_return co_await aw.body(ctx);   // `return await fut`: no task, no timer
    if (version == WaitForVersion::Python312 && timeout > 0) {
        QCoro::Task<Value> running = waitFor312(ctx, std::move(aw), timeout);
        co_return co_await running;
    }
    // 3.11, and timeout <= 0 in every version: cancel the new task before it ever runs.
    auto set = createTasks(ctx, QStringLiteral("wait_for()"), {});
    set->start(std::move(aw), StartPolicy::Deferred);
    const TaskId inner = set->task(0);
    bool timedOut = timeout <= 0;
    if (!timedOut) {
        // 3.11: a waiter released by the inner task's end or by call_later(timeout, …).
        const Alarm alarm(rt, ctx.task, set->scope(), rt.now() + timeout, [&timedOut, set](EventId fired) {
            timedOut = true;
            set->changed().notify(fired);
        });
        std::exception_ptr interrupted;
        while (!set->observed(0) && !timedOut) {
            try {
                co_await set->changed().wait(ctx);
            } catch (...) {
                interrupted = std::current_exception();
            }
            if (interrupted)
                break;
        }
        if (interrupted) {
            // The caller was cancelled. An inner task that had already finished gives its
            // result and the cancellation is lost (the 3.11 race fixed in 3.12); otherwise it is
            // cancelled and waited for, and the caller's CancelledError goes on, whatever the
            // inner task did with its own.
            const bool finished = set->ended(0);
            if (!finished) {
                const QString why = QStringLiteral("wait_for() was cancelled");
                co_await cancelAndWait(ctx, set, why);
            }
            set->leave();
            if (finished && rt.state(inner) == TaskState::Completed)
                co_return rt.result(inner);
            std::rethrow_exception(interrupted);
        }
    }
    if (timedOut && !set->ended(0)) {
        const QString why = QStringLiteral("wait_for() timed out");
        co_await cancelAndWait(ctx, set, why);
    }
    set->leave();
    if (timedOut && rt.state(inner) == TaskState::Cancelled) {
        const Error timeoutError = Error::timeout(QStringLiteral("TimeoutError"));
        rt.record(EventKind::ErrorsGrouped, ctx.task, set->scope(), rt.endEvent(inner), NoId, timeoutError.describe());
        throw timeoutError;
    }
    co_return resultOf(rt, inner);
}

QCoro::Task<Value> shield(Ctx ctx, Child aw)
{
    Runtime &rt = *ctx.rt;
    auto set = createTasks(ctx, QStringLiteral("shield()"), {});
    set->start(std::move(aw), StartPolicy::Deferred);
    std::exception_ptr interrupted;
    while (!set->observed(0)) {
        try {
            co_await set->changed().wait(ctx);
        } catch (...) {
            interrupted = std::current_exception();
        }
        if (interrupted)
            break;
    }
    set->leave();
    if (interrupted) {
        rt.record(EventKind::ValueEmitted, ctx.task, set->scope(), NoId, NoId,
                  QStringLiteral("shield(): the await was cancelled, %1 keeps running").arg(rt.trace().taskName(set->task(0))));
        std::rethrow_exception(interrupted);
    }
    co_return resultOf(rt, set->task(0));
}

} // namespace engine::asyncio
