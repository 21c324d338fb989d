#include "supervisor.h"

#include "primitives/semaphore.h"
#include "value.h"

#include <algorithm>
#include <random>

namespace engine {

namespace {

class SupervisorState;

// Suspends the supervising task until a child's end was noticed.
class EndAwaiter : public CheckpointAwaiter
{
public:
    EndAwaiter(SupervisorState &state, Ctx ctx);
    bool await_ready() const;
    void await_suspend(std::coroutine_handle<> h);
    void await_resume();

private:
    SupervisorState &m_state;
};

// Releases a limit slot however the gated child ends.
struct SlotGuard
{
    std::shared_ptr<Semaphore> slots;
    TaskId task;
    ~SlotGuard() { slots->release(task); }
};

QCoro::Task<Value> runGated(Ctx ctx, std::shared_ptr<Semaphore> slots, Body body)
{
    co_await slots->acquire(ctx);
    SlotGuard guard{slots, ctx.task};
    co_return co_await body(ctx);
}

// The supervisor's book-keeping. It is the observer of the children's scope and may outlive the
// helper's frame (leaky presets), so the scope owns it through a shared pointer.
class SupervisorState final : public ScopeObserver
{
public:
    SupervisorState(Ctx ctx, SupervisorPolicy policy)
        : rt(*ctx.rt)
        , owner(ctx.task)
        , p(std::move(policy))
    {
        ScopeOptions options;
        options.name = p.name;
        options.kind = ScopeKind::Helper;
        options.detached = p.detached;
        scope = rt.openScope(owner, options);
        rt.leaveScope(owner, scope);   // the caller waits outside: cancelling the children must not cancel it
        if (p.pull == Pull::EagerAll && p.limit > 0)
            slots = std::make_shared<Semaphore>(rt, p.limit, p.name + QStringLiteral(" slots"));
    }

    void pulled(const Child &child)
    {
        rt.record(EventKind::ItemPulled, owner, scope, NoId, NoId, child.name);
    }

    bool atLimit() const { return p.limit > 0 && live >= p.limit; }

    void reserve(int children)
    {
        kids.reserve(size_t(children));
        ids.reserve(size_t(children));
        noticed.reserve(size_t(children));
    }

    void start(Child child)
    {
        const int index = int(kids.size());
        // Book-keeping first: an eager child can end inside spawn().
        const TaskId expected = TaskId(rt.taskCount());
        kids.push_back(ChildOutcome{index, expected, TaskState::Created, {}, {}, -1});
        ids.push_back(expected);
        ++live;
        Body body = std::move(child.body);
        if (slots) {
            body = [s = slots, inner = std::move(body)](Ctx c) { return runGated(c, s, inner); };
        } else if (p.limit > 0) {
            rt.recordInterned(EventKind::SlotAcquired, expected, scope, NoId, NoId, nameText(), live);
        }
        const StartPolicy start = p.start.value_or(rt.profile().start);
        const TaskId id = rt.spawn(scope, child.name, std::move(body), start);
        Q_ASSERT(id == expected);
        Q_UNUSED(id);
    }

    void childEnded(TaskId child) override
    {
        const int index = int(std::lower_bound(ids.begin(), ids.end(), child) - ids.begin());
        ChildOutcome &o = kids[size_t(index)];
        o.state = rt.state(child);
        o.end = rt.endTime(child);
        if (o.state == TaskState::Completed)
            o.value = rt.result(child);
        else if (o.state == TaskState::Failed)
            o.error = Error::fromException(rt.error(child));
        --live;
        if (p.limit > 0 && !slots)
            rt.recordInterned(EventKind::SlotReleased, child, scope, NoId, NoId, nameText(), live);
        if (p.poll == PollAlgorithm::None)
            notice(index);
        else
            unnoticed.push_back(index);
        if (left && live == 0)
            rt.closeScope(scope, nullptr, QStringLiteral("last leaked child ended"));
        wakeLoop(rt.endEvent(child));
    }

    // A poll: everything that ended since the last one is seen together. Returns whether any was.
    bool noticeUnnoticed()
    {
        std::vector<int> batch;
        batch.swap(unnoticed);
        if (p.tieBreak == TieBreak::SetOrder && batch.size() > 1) {
            std::mt19937_64 rng(rt.profile().seed ^ quint64(scope) ^ quint64(rt.now()));
            std::shuffle(batch.begin(), batch.end(), rng);
        }
        for (int index : batch)
            notice(index);
        return !batch.empty();
    }

    bool finished(bool exhausted) const
    {
        if (stopping)
            return !p.cancelOnStop || !p.joinCancelled || live == 0;
        return exhausted && noticed.size() == kids.size();
    }

    void stop(const QString &why, TaskId by, EventId cause)
    {
        if (stopping)
            return;
        stopping = true;
        if (p.cancelOnStop)
            rt.cancelScope(scope, by, why, cause);
    }

    // The caller goes; children may still run (leaks, timeouts that do not cancel).
    void leave()
    {
        if (live == 0)
            rt.closeScope(scope, nullptr);
        else
            left = true;
    }

    void close() { rt.closeScope(scope, nullptr); }

    [[noreturn]] void raise(const Error &error)
    {
        rt.record(EventKind::ErrorsGrouped, owner, scope, NoId, NoId, error.describe());
        throw error;
    }

    SupervisorResult conclude()
    {
        if (p.raiseChildErrors)
            raiseChildError();
        return collect();
    }

    void raiseChildError()
    {
        const bool gathers = p.onChildError == OnChildError::FailFast || p.onChildError == OnChildError::WaitAllThenFirstByInput;
        if (!failures.empty() && gathers && p.win != WinWhen::FirstSettled && p.win != WinWhen::FirstSuccess) {
            std::vector<Error> errors;
            for (int i : failures)
                errors.push_back(*kids[size_t(i)].error);
            if (p.onChildError == OnChildError::WaitAllThenFirstByInput)
                raise(*kids[size_t(*std::min_element(failures.begin(), failures.end()))].error);
            switch (p.errors) {
            case ErrorForm::Bare: raise(errors.front());
            case ErrorForm::Group: raise(Error::group(p.groupMessage, errors));
            case ErrorForm::Wrapped: raise(Error::wrapped(p.wrapType, errors.front()));
            }
        }
        if (p.win == WinWhen::FirstSettled && winner >= 0 && kids[size_t(winner)].error)
            raise(*kids[size_t(winner)].error);
        if (p.win == WinWhen::FirstSuccess && winner < 0 && !failures.empty())
            raise(*kids[size_t(failures.back())].error);
    }

    SupervisorResult collect()
    {
        SupervisorResult result;
        result.winner = winner;
        result.timedOut = timedOut;
        std::vector<int> order = noticed;
        if (!p.completionOrder)
            std::sort(order.begin(), order.end());
        result.done.reserve(order.size());
        for (int i : order) {
            ChildOutcome &o = kids[size_t(i)];
            if (p.cancelledChildRaises && o.state == TaskState::Cancelled)
                throw Cancelled();
            if (p.dropNoneResults && o.state == TaskState::Completed && (o.value.isNull() || !o.value.isValid()))
                continue;
            // Nothing reads an ended child's value or error after this (a leaked helper only
            // updates the pending ones), so they move instead of being copied.
            result.done.push_back(std::move(o));
        }
        std::vector<bool> seen(kids.size(), false);
        for (int i : noticed)
            seen[size_t(i)] = true;
        for (const ChildOutcome &o : kids)
            if (!seen[size_t(o.index)])
                result.pending.push_back(o);
        return result;
    }

    Runtime &rt;
    TaskId owner;
    SupervisorPolicy p;
    ScopeId scope = NoId;
    std::shared_ptr<Semaphore> slots;
    std::vector<ChildOutcome> kids;   // by input index
    std::vector<TaskId> ids;          // kids' task ids, ascending
    std::vector<int> noticed;         // in the order the supervisor noticed their ends
    std::vector<int> unnoticed;       // ended, waiting for the next poll
    std::vector<int> failures;        // in the order noticed
    int live = 0;
    int winner = -1;
    bool stopping = false;
    bool left = false;
    bool timedOut = false;
    // The supervising loop's wake-up.
    TaskId waiter = NoId;
    quint32 waiterSerial = 0;
    bool pendingNotice = false;

private:
    // The policy's name as trace text, interned once (slot events name it for every child).
    qint32 nameText()
    {
        if (m_nameText == Trace::NoText)
            m_nameText = rt.trace().intern(p.name);
        return m_nameText;
    }

    qint32 m_nameText = Trace::NoText;

    void wakeLoop(EventId cause)
    {
        pendingNotice = true;
        if (waiter != NoId)
            rt.wake(waiter, waiterSerial, cause);
        waiter = NoId;
    }

    void notice(int index)
    {
        noticed.push_back(index);
        const ChildOutcome &o = kids[size_t(index)];
        const EventId end = rt.endEvent(o.task);
        if (o.state == TaskState::Failed) {
            const EventId propagated = rt.record(EventKind::ErrorPropagated, o.task, scope, end, owner);
            if (p.win == WinWhen::FirstSettled) {
                if (winner < 0) {
                    winner = chooseWinner(index);
                    stop(QStringLiteral("%1 settled first").arg(rt.trace().taskName(kids[size_t(winner)].task)), o.task, propagated);
                }
                return;
            }
            if (p.onChildError == OnChildError::Continue)
                return;
            failures.push_back(index);
            if (p.onChildError == OnChildError::FailFast && p.win != WinWhen::FirstSuccess)
                stop(QStringLiteral("%1 failed").arg(rt.trace().taskName(o.task)), o.task, propagated);
            return;
        }
        if (o.state == TaskState::Completed && p.win != WinWhen::AllDone && winner < 0 && !stopping) {
            winner = chooseWinner(index);
            const QString verb = p.win == WinWhen::FirstSettled ? QStringLiteral("settled") : QStringLiteral("finished");
            stop(QStringLiteral("%1 %2 first").arg(rt.trace().taskName(kids[size_t(winner)].task), verb), o.task, end);
        }
    }

    // Among children that settled at this same instant and are not noticed yet, which one wins.
    int chooseWinner(int index)
    {
        if (p.tieBreak != TieBreak::SetOrder)
            return index;
        std::vector<int> tied{index};
        for (const ChildOutcome &o : kids) {
            if (o.index == index || o.end != rt.now())
                continue;
            const TaskState s = rt.state(o.task);
            const bool settled = s == TaskState::Completed || (s == TaskState::Failed && p.win == WinWhen::FirstSettled);
            if (settled && std::find(noticed.begin(), noticed.end(), o.index) == noticed.end())
                tied.push_back(o.index);
        }
        if (tied.size() == 1)
            return index;
        std::sort(tied.begin(), tied.end());
        std::mt19937_64 rng(rt.profile().seed ^ (quint64(scope) << 20) ^ quint64(rt.now()));
        return tied[size_t(rng() % tied.size())];
    }

    friend class EndAwaiter;
};

EndAwaiter::EndAwaiter(SupervisorState &state, Ctx ctx)
    : CheckpointAwaiter(ctx.rt, ctx.task, WaitReason::Children)
    , m_state(state)
{
}

bool EndAwaiter::await_ready() const
{
    return CheckpointAwaiter::await_ready() || m_state.pendingNotice;
}

void EndAwaiter::await_suspend(std::coroutine_handle<> h)
{
    m_rt->suspend(m_task, h, WaitReason::Children, true);
    m_state.waiter = m_task;
    m_state.waiterSerial = m_rt->waitSerial(m_task);
}

void EndAwaiter::await_resume()
{
    m_state.pendingNotice = false;
    CheckpointAwaiter::await_resume();
}

} // namespace

QCoro::Task<SupervisorResult> supervise(Ctx ctx, SupervisorPolicy policy, std::vector<Child> children)
{
    return supervise(ctx, std::move(policy), std::make_shared<ListSource>(std::move(children)));
}

QCoro::Task<SupervisorResult> supervise(Ctx ctx, SupervisorPolicy policy, std::shared_ptr<Source> source)
{
    Runtime &rt = *ctx.rt;
    auto st = std::make_shared<SupervisorState>(ctx, std::move(policy));
    rt.keepObserverAlive(st->scope, st);
    if (const int items = source->remaining(); items > 0)
        st->reserve(items);
    const SupervisorPolicy &p = st->p;

    // The deadline scope holds only the caller's waits; it is opened after the children's scope
    // so that it does not contain them.
    ScopeId timeoutScope = NoId;
    if (p.timeout != Never) {
        ScopeOptions options;
        options.name = p.name + QStringLiteral(" timeout");
        options.kind = ScopeKind::Timeout;
        options.deadline = rt.now() + p.timeout;
        timeoutScope = rt.openScope(ctx.task, options);
    }

    std::exception_ptr error;
    bool exhausted = false;
    std::optional<Child> prefetched;
    PollSchedule poll(p.poll, p.pollInterval);
    try {
        if (p.pull == Pull::EagerAll) {
            // Materialise first: an input that raises does so before anything starts.
            std::vector<Child> all;
            while (true) {
                std::optional<Child> next = co_await source->next(ctx);
                if (!next)
                    break;
                st->pulled(*next);
                all.push_back(std::move(*next));
            }
            for (Child &child : all)
                st->start(std::move(child));
            exhausted = true;
        }
        while (true) {
            while (!exhausted && !st->stopping) {
                if (p.pull == Pull::PrefetchOne) {
                    // aio.tasks: the submitter pulls the next item, then waits for a slot.
                    if (!prefetched) {
                        prefetched = co_await source->next(ctx);
                        if (!prefetched) {
                            exhausted = true;
                            break;
                        }
                        st->pulled(*prefetched);
                    }
                    if (st->atLimit())
                        break;
                    st->start(std::move(*prefetched));
                    prefetched.reset();
                } else {
                    // haiway: the next item is pulled only once a slot is free.
                    if (st->atLimit())
                        break;
                    std::optional<Child> next = co_await source->next(ctx);
                    if (!next) {
                        exhausted = true;
                        break;
                    }
                    st->pulled(*next);
                    st->start(std::move(*next));
                }
            }
            if (st->finished(exhausted))
                break;
            if (poll.enabled()) {
                co_await ctx.sleep(poll.next());
                poll.observed(st->noticeUnnoticed());
            } else {
                EndAwaiter end(*st, ctx);
                co_await end;
            }
        }
    } catch (...) {
        error = std::current_exception();
    }

    if (timeoutScope != NoId) {
        st->timedOut = rt.closeScope(timeoutScope, error, {});
        if (st->timedOut)
            error = nullptr;
    }
    if (st->timedOut) {
        const Error timeout = Error::timeout(p.timeoutType);
        if (p.onTimeout == OnTimeout::ReturnPartial) {
            st->leave();
            co_return st->conclude();
        }
        if (p.onTimeout == OnTimeout::CancelThenRaise) {
            rt.cancelScope(st->scope, ctx.task, QStringLiteral("timeout"));
            co_await ctx.waitChildren(st->scope, false);
            st->close();
        } else {
            st->leave();
        }
        st->raise(timeout);
    }
    if (error && isCancelled(error)) {
        if (p.onCallerCancel == OnCallerCancel::Leak) {
            st->leave();
            std::rethrow_exception(error);
        }
        rt.cancelScope(st->scope, ctx.task, QStringLiteral("the caller was cancelled"));
        co_await ctx.waitChildren(st->scope, false);
        st->close();
        if (p.errorWinsOverCancel && !st->failures.empty())
            st->raise(*st->kids[size_t(st->failures.front())].error);
        std::rethrow_exception(error);
    }
    if (error) {
        // The input itself raised.
        const Error raised = Error::fromException(error);
        if (p.cancelOnSourceError) {
            rt.cancelScope(st->scope, ctx.task, QStringLiteral("the input raised"));
            co_await ctx.waitChildren(st->scope, false);
            st->close();
        } else {
            st->leave();
        }
        st->raise(p.sourceWrapType.isEmpty() ? raised : Error::wrapped(p.sourceWrapType, raised));
    }
    st->leave();
    co_return st->conclude();
}

} // namespace engine
