#include "nursery.h"

#include "cancelscope.h"

#include <algorithm>

namespace engine {

Nursery::Nursery(Ctx ctx, NurseryOptions options)
    : m_ctx(ctx)
    , m_options(std::move(options))
{
    ScopeOptions so;
    so.name = m_options.name;
    so.kind = m_options.kind;
    so.observer = this;
    m_scope = ctx.rt->openScope(ctx.task, so);
}

Nursery::~Nursery()
{
    // The frame that owns this nursery may unwind early (runtime teardown); the scope must not
    // call back into a dead object.
    m_ctx.rt->setObserver(m_scope, nullptr);
}

TaskId Nursery::start(const QString &name, Body body, bool daemon)
{
    return start(name, std::move(body), m_ctx.rt->profile().start, daemon);
}

TaskId Nursery::start(const QString &name, Body body, StartPolicy policy, bool daemon, bool closeOnFinish)
{
    // Book-keeping first: an eager child may end inside spawn() and call childEnded().
    const TaskId expected = TaskId(m_ctx.rt->taskCount());
    m_children.push_back(expected);
    m_daemon.push_back(daemon);
    m_closer.push_back(closeOnFinish);
    ++(daemon ? m_liveDaemons : m_liveNonDaemons);
    const TaskId id = m_ctx.rt->spawn(m_scope, name, std::move(body), policy);
    Q_ASSERT(id == expected);
    return id;
}

void Nursery::adopt(TaskId child)
{
    // childEnded() looks children up by binary search: an adopted task can be older than children
    // started since, so it is inserted in order.
    const auto pos = std::lower_bound(m_children.begin(), m_children.end(), child) - m_children.begin();
    m_children.insert(m_children.begin() + pos, child);
    m_daemon.insert(m_daemon.begin() + pos, false);
    m_closer.insert(m_closer.begin() + pos, false);
    ++m_liveNonDaemons;
    m_ctx.rt->moveTask(child, m_scope);
}

void Nursery::cancel(const QString &why, EventId cause)
{
    m_ctx.rt->cancelScope(m_scope, m_ctx.rt->current(), why, cause);
}

void Nursery::childEnded(TaskId child)
{
    Runtime &rt = *m_ctx.rt;
    // Task ids grow monotonically, so m_children is sorted: no linear scan per child end (a race of
    // 100 000 racers would otherwise be quadratic).
    const auto pos = std::lower_bound(m_children.begin(), m_children.end(), child) - m_children.begin();
    const bool daemon = m_daemon[size_t(pos)];
    --(daemon ? m_liveDaemons : m_liveNonDaemons);
    // The child's name is only formatted for the texts below (a cancelled child needs none).
    const auto name = [&] { return rt.trace().taskName(child); };
    const EventId endEvent = rt.endEvent(child);
    switch (rt.state(child)) {
    case TaskState::Failed: {
        m_errors.push_back(Error::fromException(rt.error(child)));
        const EventId propagated = rt.record(EventKind::ErrorPropagated, child, m_scope, endEvent, m_ctx.task);
        m_ctx.rt->cancelScope(m_scope, child, QStringLiteral("%1 failed").arg(name()), propagated);
        break;
    }
    case TaskState::Completed:
        if (m_options.win == WinRule::FirstFinish)
            m_ctx.rt->cancelScope(m_scope, child, QStringLiteral("%1 finished first").arg(name()), endEvent);
        else if (m_closer[size_t(pos)])
            m_ctx.rt->cancelScope(m_scope, child, QStringLiteral("%1 finished (close_on_finish)").arg(name()), endEvent);
        break;
    default:
        break;
    }
    cancelDaemonsIfIdle();
}

void Nursery::cancelDaemonsIfIdle()
{
    if (m_bodyDone && m_liveNonDaemons == 0 && m_liveDaemons > 0)
        m_ctx.rt->cancelScope(m_scope, m_ctx.task, QStringLiteral("only daemons left"));
}

std::exception_ptr Nursery::errorToRaise()
{
    Runtime &rt = *m_ctx.rt;
    Error raised = m_errors.front();
    if (m_options.groups == GroupPolicy::Always || (m_options.groups == GroupPolicy::WhenMany && m_errors.size() > 1))
        raised = Error::group(m_options.groupMessage, m_errors);
    rt.record(EventKind::ErrorsGrouped, m_ctx.task, m_scope, NoId, NoId, raised.describe());
    const std::exception_ptr error = std::make_exception_ptr(raised);
    rt.closeScope(m_scope, error, QStringLiteral("raised"));
    return error;
}

QCoro::Task<Raised> Nursery::finish(std::exception_ptr bodyError)
{
    Runtime &rt = *m_ctx.rt;
    rt.leaveScope(m_ctx.task, m_scope);
    m_bodyDone = true;
    bool outerCancelled = false;
    if (bodyError && !isCancelled(bodyError)) {
        m_errors.push_back(Error::fromException(bodyError));
        cancel(QStringLiteral("the body raised"));
    } else if (bodyError) {
        // A cancellation the nursery itself caused ends here; one from outside goes on.
        const bool ours = rt.scopeCancelCalled(m_scope) && !rt.cancelPending(m_ctx.task);
        if (!ours) {
            outerCancelled = true;
            cancel(QStringLiteral("the parent was cancelled"));
        }
    }
    cancelDaemonsIfIdle();
    outerCancelled = co_await joinScope(m_ctx, m_scope, outerCancelled);
    if (!m_errors.empty())
        co_return Raised{errorToRaise()};
    if (outerCancelled) {
        const std::exception_ptr cancelled = bodyError ? bodyError : std::make_exception_ptr(Cancelled());
        rt.closeScope(m_scope, cancelled);
        co_return Raised{cancelled};
    }
    rt.closeScope(m_scope, bodyError);
    co_return Raised();
}

QCoro::Task<Value> withNursery(Ctx ctx, NurseryOptions options, NurseryBody body)
{
    Nursery nursery(ctx, std::move(options));
    Value value;
    std::exception_ptr error;
    try {
        value = co_await body(ctx, nursery);
    } catch (...) {
        error = std::current_exception();
    }
    const Raised raised = co_await nursery.finish(error);
    raised.rethrow();
    co_return value;
}

} // namespace engine
