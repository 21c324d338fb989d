#pragma once

#include "effect.h"

#include "../supervisor.h"

#include <memory>
#include <vector>

namespace engine::effectpy {

/// asyncio.wait's return_when, plus gather's own reaction.
enum class ReturnWhen : quint8 {
    FirstCompleted,    ///< any task ended (success, failure or cancellation)
    FirstException,    ///< a task failed (cancellations do not count), or all ended
    AllCompleted,      ///< all ended
    FirstErrorOrCancel ///< a task failed or was cancelled, or all ended (asyncio.gather)
};

/// What asyncio.wait returns: the ended tasks in `done` (iteration order of its set: see TaskSet)
/// and the others in `pending` (input order).
struct Waited
{
    std::vector<TaskId> done;
    std::vector<TaskId> pending;
    bool timedOut = false;        ///< the timeout released the wait
    EventId timerFired = NoId;    ///< that event (the cause of what the caller does next)
};

/// The asyncio task API that effectpy's combinators are written in, for one combinator call:
/// create_task, task.cancel(), asyncio.wait, asyncio.gather. The tasks live in a helper scope of the
/// caller that is shielded, because asyncio tasks are not nested in their creator's cancellation:
/// cancelling the caller (or a scope around it) never reaches them; only cancel() does. Their ends
/// reach the set as the scope's observer (a loop turn later under batch propagation, like asyncio's
/// done callbacks). The scope owns the set, so tasks that outlive the combinator (leaks) are fine.
class TaskSet final : public ScopeObserver
{
public:
    /// Opens the helper scope `name` in the caller. `ties` orders a wait's `done` set: SetOrder is a
    /// hash of each task under the profile seed (Python set order: arbitrary but reproducible),
    /// Fifo is completion order.
    static std::shared_ptr<TaskSet> open(Ctx ctx, const QString &name, TieBreak ties = TieBreak::SetOrder);
    TaskSet(Ctx ctx, const QString &name, TieBreak ties);

    /// asyncio.create_task(effect._run(ctx)): a task in the scope that starts on a later turn.
    TaskId createTask(const Effect &effect);
    /// task.cancel() by the caller (a no-op on an ended task), with the event that caused it.
    void cancel(TaskId task, const QString &why, EventId cause = NoId);
    /// asyncio.wait(tasks, timeout, return_when): suspends the caller until the condition holds or
    /// `timeout` ticks passed (a timer on the waiter, like loop.call_later: recorded as this scope's
    /// deadline). Cancelling the caller raises Cancelled here and leaves every task running.
    QCoro::Task<Waited> wait(Ctx ctx, std::vector<TaskId> tasks, ReturnWhen when, Tick timeout = Never);
    /// asyncio.gather(*tasks): values in input order. The first task (by completion) that fails or is
    /// cancelled raises its error / CancelledError at once; the others keep running. Cancelling the
    /// caller cancels every unfinished task and raises once they all ended.
    QCoro::Task<QVariantList> gather(Ctx ctx, std::vector<TaskId> tasks);
    /// Records that the combinator pulled input `name` (materialising or refilling).
    void pulled(const QString &name);
    /// The combinator is done with the set: the scope closes now, or once its last task ended.
    void release();
    /// Records that the failure of `child` reached the combinator; returns that event (NoId unless
    /// the child failed), the cause of the cancellations it triggers.
    EventId propagated(TaskId child);
    /// Raises `error` from the combinator, recording it (`<scope> raises …`) with its cause.
    [[noreturn]] void raise(const std::exception_ptr &error, EventId cause = NoId);

    ScopeId scope() const { return m_scope; }
    /// `done` in this set's iteration order.
    std::vector<TaskId> ordered(std::vector<TaskId> done) const;

    void childEnded(TaskId child) override;

private:
    friend class WaitAwaiter;
    bool satisfied() const;
    void count(size_t member);
    static void timerJob(void *set, qint64, qint64);
    void releaseWaiter(EventId cause);

    Runtime &m_rt;
    TaskId m_owner;
    ScopeId m_scope = NoId;
    TieBreak m_ties;
    std::vector<TaskId> m_waitSet;   // sorted while a wait runs
    std::vector<bool> m_counted;     // by position in m_waitSet: its end was counted
    int m_ended = 0;
    bool m_anyFailed = false;
    bool m_anyAbnormal = false;
    ReturnWhen m_when = ReturnWhen::AllCompleted;
    TaskId m_waiter = NoId;
    quint32 m_waiterSerial = 0;
    Tick m_deadline = Never;
    Scheduler::TimerId m_timer = Scheduler::NoTimer;
    EventId m_timerFired = NoId;
    std::vector<TaskId> m_tasks;   // every task created in the set
    bool m_released = false;
};

/// Among `tasks`, the first (by completion) that failed or was cancelled, or NoId.
TaskId firstToFail(const Runtime &rt, const std::vector<TaskId> &tasks);

/// `await task` in asyncio: waits until `target` ended. If the caller is cancelled meanwhile, the
/// cancellation is forwarded into the target (`cancel by <caller>`) and the caller keeps waiting
/// for it. An ended target is not awaited at all (no checkpoint). Raises Cancelled when the caller
/// was cancelled after the target had already ended (asyncio's pending cancel of the caller).
QCoro::Task<void> awaitTask(Ctx ctx, TaskId target);
/// awaitTask(), then the target's value (its error, or Cancelled, is raised: task.result()).
QCoro::Task<Value> awaitResult(Ctx ctx, TaskId target);
/// `try: await task / except BaseException: pass`: the drain loops of effectpy's combinators.
/// Swallows everything, the caller's own cancellation included.
QCoro::Task<void> drain(Ctx ctx, TaskId target);
/// An ended task's value; its error or Cancelled is raised (task.result()).
Value resultOf(const Runtime &rt, TaskId task);
/// True for Python's None (an invalid or null QVariant).
bool isNone(const Value &value);

} // namespace engine::effectpy
