#include "taskset.h"

#include <algorithm>

namespace engine::effectpy {

namespace {

// A stand-in for a Python set's iteration order: fixed per task under one seed, unrelated to input
// or completion order, different under another seed.
quint64 setOrderKey(quint64 seed, TaskId task)
{
    quint64 z = seed ^ (quint64(task) + 1) * 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

} // namespace

// Suspends the combinator until its TaskSet's wait condition holds (asyncio.wait's waiter future).
class WaitAwaiter : public CheckpointAwaiter
{
public:
    WaitAwaiter(TaskSet &set, Ctx ctx)
        : CheckpointAwaiter(ctx.rt, ctx.task, WaitReason::Children)
        , m_set(set)
    {
    }

    void await_suspend(std::coroutine_handle<> h)
    {
        Tick wake = -1;
        if (m_set.m_deadline != Never) {
            wake = m_set.m_deadline;
            m_set.m_timer = m_rt->scheduler().addTimer(wake, Job{&TaskSet::timerJob, &m_set, 0, 0, m_task, quint8(JobLabel::Wake)});
        }
        // A cancellation interrupting the wait withdraws the timer.
        m_rt->suspend(m_task, h, WaitReason::Children, true, wake, NoId, &withdrawTimer, qint64(m_set.m_timer));
        m_set.m_waiter = m_task;
        m_set.m_waiterSerial = m_rt->waitSerial(m_task);
        // Tasks that ended already count at once (asyncio runs their callbacks on the next turn).
        if (m_set.satisfied())
            m_set.releaseWaiter(NoId);
    }

private:
    static void withdrawTimer(Runtime &rt, TaskId, qint64 timer)
    {
        rt.scheduler().cancelTimer(Scheduler::TimerId(timer));
    }

private:
    TaskSet &m_set;
};

std::shared_ptr<TaskSet> TaskSet::open(Ctx ctx, const QString &name, TieBreak ties)
{
    auto set = std::make_shared<TaskSet>(ctx, name, ties);
    ctx.rt->keepObserverAlive(set->m_scope, set);
    return set;
}

TaskSet::TaskSet(Ctx ctx, const QString &name, TieBreak ties)
    : m_rt(*ctx.rt)
    , m_owner(ctx.task)
    , m_ties(ties)
{
    ScopeOptions options;
    options.name = name;
    options.kind = ScopeKind::Helper;
    // Nested for the timeline, but shielded: the caller's cancellation never reaches these tasks.
    options.shield = true;
    m_scope = m_rt.openScope(m_owner, options);
    m_rt.leaveScope(m_owner, m_scope);   // the caller waits outside, in its own scopes
}

TaskId TaskSet::createTask(const Effect &effect)
{
    const TaskId task = m_rt.spawn(m_scope, effect.name, effect.body, StartPolicy::Deferred);
    m_tasks.push_back(task);
    return task;
}

void TaskSet::cancel(TaskId task, const QString &why, EventId cause)
{
    if (!isFinal(m_rt.state(task)))
        m_rt.cancelTask(task, m_owner, why, cause);
}

bool TaskSet::satisfied() const
{
    switch (m_when) {
    case ReturnWhen::FirstCompleted:
        return m_ended > 0;
    case ReturnWhen::FirstException:
        return m_anyFailed || m_ended == int(m_waitSet.size());
    case ReturnWhen::FirstErrorOrCancel:
        return m_anyAbnormal || m_ended == int(m_waitSet.size());
    case ReturnWhen::AllCompleted:
        break;
    }
    return m_ended == int(m_waitSet.size());
}

void TaskSet::count(size_t member)
{
    if (m_counted[member])
        return;
    m_counted[member] = true;
    ++m_ended;
    const TaskState s = m_rt.state(m_waitSet[member]);
    m_anyFailed = m_anyFailed || s == TaskState::Failed;
    m_anyAbnormal = m_anyAbnormal || s != TaskState::Completed;
}

void TaskSet::releaseWaiter(EventId cause)
{
    m_rt.scheduler().cancelTimer(m_timer);
    m_timer = Scheduler::NoTimer;
    m_rt.wake(m_waiter, m_waiterSerial, cause);
    m_waiter = NoId;
}

void TaskSet::timerJob(void *target, qint64, qint64)
{
    auto *set = static_cast<TaskSet *>(target);
    set->m_timer = Scheduler::NoTimer;
    if (set->m_waiter == NoId)
        return;
    set->m_timerFired = set->m_rt.record(EventKind::TimerFired, set->m_owner, set->m_scope);
    set->releaseWaiter(set->m_timerFired);
}

void TaskSet::childEnded(TaskId child)
{
    // Counted once per member (a task that ended before the wait began was counted then), so a
    // wait over n tasks costs O(n log n) in all, not O(n) per end.
    const auto member = std::lower_bound(m_waitSet.begin(), m_waitSet.end(), child);
    if (member != m_waitSet.end() && *member == child)
        count(size_t(member - m_waitSet.begin()));
    if (m_waiter != NoId && member != m_waitSet.end() && *member == child && satisfied())
        releaseWaiter(m_rt.endEvent(child));
    if (m_released && m_rt.liveChildren(m_scope) == 0 && m_rt.scopeOpen(m_scope))
        m_rt.closeScope(m_scope, nullptr, QStringLiteral("last leaked task ended"));
}

std::vector<TaskId> TaskSet::ordered(std::vector<TaskId> done) const
{
    if (m_ties == TieBreak::SetOrder) {
        const quint64 seed = m_rt.profile().seed;
        std::sort(done.begin(), done.end(), [seed](TaskId a, TaskId b) { return setOrderKey(seed, a) < setOrderKey(seed, b); });
    } else {
        std::sort(done.begin(), done.end(), [this](TaskId a, TaskId b) { return m_rt.endEvent(a) < m_rt.endEvent(b); });
    }
    return done;
}

QCoro::Task<Waited> TaskSet::wait(Ctx ctx, std::vector<TaskId> tasks, ReturnWhen when, Tick timeout)
{
    // Sorted for the membership test; the caller's order is kept for `pending`.
    m_waitSet = tasks;
    std::sort(m_waitSet.begin(), m_waitSet.end());
    m_counted.assign(m_waitSet.size(), false);
    m_ended = 0;
    m_anyFailed = m_anyAbnormal = false;
    for (size_t i = 0; i < m_waitSet.size(); ++i)
        if (isFinal(m_rt.state(m_waitSet[i])))
            count(i);
    m_when = when;
    m_deadline = timeout == Never ? Never : m_rt.now() + std::max<Tick>(timeout, 0);
    m_timerFired = NoId;
    if (m_deadline != Never)
        m_rt.record(EventKind::TimerSet, m_owner, m_scope, NoId, NoId, {}, m_deadline);
    std::exception_ptr error;
    try {
        WaitAwaiter awaiter(*this, ctx);
        co_await awaiter;
    } catch (...) {
        error = std::current_exception();
    }
    m_waiter = NoId;
    m_rt.scheduler().cancelTimer(m_timer);
    m_timer = Scheduler::NoTimer;
    m_deadline = Never;
    Waited waited;
    waited.timerFired = m_timerFired;
    waited.timedOut = m_timerFired != NoId;
    for (TaskId t : tasks)
        (isFinal(m_rt.state(t)) ? waited.done : waited.pending).push_back(t);
    m_waitSet.clear();
    m_counted.clear();
    if (error)
        std::rethrow_exception(error);
    waited.done = ordered(std::move(waited.done));
    co_return waited;
}

QCoro::Task<QVariantList> TaskSet::gather(Ctx ctx, std::vector<TaskId> tasks)
{
    std::exception_ptr error;
    try {
        co_await wait(ctx, tasks, ReturnWhen::FirstErrorOrCancel);
    } catch (...) {
        error = std::current_exception();
    }
    if (error) {
        // The gathering future cancels its unfinished children and completes once they all ended;
        // each further cancel of the caller cancels them again.
        bool cancelAgain = true;
        while (cancelAgain) {
            for (TaskId t : tasks)
                cancel(t, QStringLiteral("the gather was cancelled"));
            cancelAgain = false;
            std::exception_ptr again;
            try {
                co_await wait(ctx, tasks, ReturnWhen::AllCompleted);
            } catch (...) {
                again = std::current_exception();
            }
            if (again && (m_rt.shuttingDown() || !m_rt.profile().edgeCancellation))
                std::rethrow_exception(again);
            cancelAgain = bool(again);
        }
        std::rethrow_exception(error);
    }
    const TaskId culprit = firstToFail(m_rt, tasks);
    if (culprit != NoId)
        resultOf(m_rt, culprit);   // raises its error (or CancelledError)
    QVariantList values;
    for (TaskId t : tasks)
        values << m_rt.result(t);
    co_return values;
}

void TaskSet::pulled(const QString &name)
{
    m_rt.record(EventKind::ItemPulled, m_owner, m_scope, NoId, NoId, name);
}

void TaskSet::release()
{
    if (m_released)
        return;
    m_released = true;
    m_waiter = NoId;
    // Count ended tasks by state: under batch propagation the scope hears of an end a turn later.
    const bool allEnded = std::all_of(m_tasks.begin(), m_tasks.end(), [this](TaskId t) { return isFinal(m_rt.state(t)); });
    if (allEnded)
        m_rt.closeScope(m_scope, nullptr);
}

EventId TaskSet::propagated(TaskId child)
{
    if (child == NoId || m_rt.state(child) != TaskState::Failed)
        return NoId;
    return m_rt.record(EventKind::ErrorPropagated, child, m_scope, m_rt.endEvent(child), m_owner);
}

void TaskSet::raise(const std::exception_ptr &error, EventId cause)
{
    const QString text = isCancelled(error) ? QStringLiteral("CancelledError()") : Error::fromException(error).describe();
    m_rt.record(EventKind::ErrorsGrouped, m_owner, m_scope, cause, NoId, text);
    std::rethrow_exception(error);
}

TaskId firstToFail(const Runtime &rt, const std::vector<TaskId> &tasks)
{
    TaskId first = NoId;
    for (TaskId t : tasks) {
        const TaskState s = rt.state(t);
        if ((s == TaskState::Failed || s == TaskState::Cancelled) && (first == NoId || rt.endEvent(t) < rt.endEvent(first)))
            first = t;
    }
    return first;
}

QCoro::Task<void> awaitTask(Ctx ctx, TaskId target)
{
    Runtime &rt = *ctx.rt;
    bool forwarded = false;
    // An ended task is not awaited at all: `await task` on a done task does not suspend.
    while (!isFinal(rt.state(target))) {
        bool interrupted = false;
        try {
            co_await ctx.join(target);
        } catch (const Cancelled &) {
            interrupted = true;
        }
        if (!interrupted)
            co_return;
        // A target that already ended leaves the cancellation with the caller. A level-triggered
        // profile (or a teardown) would interrupt every further wait: forward once only there.
        if (isFinal(rt.state(target)) || rt.shuttingDown() || (forwarded && !rt.profile().edgeCancellation))
            throw Cancelled();
        rt.cancelTask(target, ctx.task, QStringLiteral("forwarded: the caller was cancelled"));
        forwarded = true;
    }
}

QCoro::Task<Value> awaitResult(Ctx ctx, TaskId target)
{
    co_await awaitTask(ctx, target);
    co_return resultOf(*ctx.rt, target);
}

QCoro::Task<void> drain(Ctx ctx, TaskId target)
{
    try {
        co_await awaitTask(ctx, target);
    } catch (...) {
        // except BaseException: pass
    }
}

Value resultOf(const Runtime &rt, TaskId task)
{
    switch (rt.state(task)) {
    case TaskState::Completed:
        return rt.result(task);
    case TaskState::Failed:
        std::rethrow_exception(rt.error(task));
    case TaskState::Cancelled:
        throw Cancelled();
    case TaskState::Created:
    case TaskState::Running:
    case TaskState::Suspended:
        break;
    }
    throw Error::plain(QStringLiteral("InvalidStateError"), QStringLiteral("Result is not set."));
}

bool isNone(const Value &value)
{
    return !value.isValid() || value.isNull();
}

} // namespace engine::effectpy
