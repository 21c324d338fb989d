#include "haiwayresilience.h"

namespace engine::haiway {

QCoro::Task<Value> retry(Ctx ctx, Body body, RetryOptions options, RetryDelay delay, QStringList catching)
{
    Runtime &rt = *ctx.rt;
    for (int attempt = 0;; ++attempt) {
        std::exception_ptr failure;
        try {
            co_return co_await body(ctx);
        } catch (...) {
            failure = std::current_exception();
        }
        if (isCancelled(failure))
            std::rethrow_exception(failure);   // CancelledError is never retried
        const Error error = Error::fromException(failure);
        if (attempt >= options.limit || (!catching.isEmpty() && !catching.contains(error.type())))
            std::rethrow_exception(failure);
        const Tick wait = delay ? delay(attempt + 1, error) : options.delay;
        rt.record(EventKind::ValueEmitted, ctx.task, NoId, NoId, NoId,
                  QStringLiteral("retry %1/%2 after %3, in %4").arg(attempt + 1).arg(options.limit).arg(error.describe()).arg(wait));
        if (wait > 0)
            co_await ctx.sleep(wait);
    }
}

QCoro::Task<Value> timeout(Ctx ctx, Tick seconds, Body body, QString name)
{
    Runtime &rt = *ctx.rt;
    // The inner task is not the caller's child in the structured sense: it is never joined.
    ScopeOptions detached;
    detached.name = QStringLiteral("@timeout(%1)").arg(seconds);
    detached.kind = ScopeKind::Helper;
    detached.detached = true;
    const ScopeId home = rt.openScope(ctx.task, detached);
    rt.leaveScope(ctx.task, home);
    const TaskId inner = rt.spawn(home, name, std::move(body), StartPolicy::Deferred);

    ScopeOptions deadline;
    deadline.name = QStringLiteral("deadline");
    deadline.kind = ScopeKind::Timeout;
    deadline.deadline = rt.now() + seconds;
    deadline.edge = false;   // the deadline only stops the caller's wait
    const ScopeId waiting = rt.openScope(ctx.task, deadline);
    std::exception_ptr interrupted;
    try {
        co_await ctx.join(inner);
    } catch (...) {
        interrupted = std::current_exception();
    }
    const bool timedOut = rt.closeScope(waiting, interrupted);
    rt.closeScope(home, nullptr, QStringLiteral("left to itself"));
    if (timedOut || interrupted) {
        rt.cancelTask(inner, ctx.task, timedOut ? QStringLiteral("timed out") : QStringLiteral("the caller was cancelled"));
        if (timedOut) {
            const Error error = Error::timeout(QStringLiteral("TimeoutError"));
            rt.record(EventKind::ErrorsGrouped, ctx.task, waiting, NoId, NoId, error.describe());
            throw error;
        }
        std::rethrow_exception(interrupted);
    }
    if (rt.state(inner) == TaskState::Failed)
        std::rethrow_exception(rt.error(inner));
    if (rt.state(inner) == TaskState::Cancelled)
        throw Cancelled();
    co_return rt.result(inner);
}

Throttle::Throttle(Runtime &rt, int limit, Tick period, QString name)
    : m_rt(rt)
    , m_limit(std::max(limit, 1))
    , m_period(std::max<Tick>(period, 0))
    , m_name(std::move(name))
    , m_lock(rt, 1, m_name + QStringLiteral(" lock"))
{
}

QCoro::Task<Value> Throttle::call(Ctx ctx, Body body)
{
    co_await m_lock.acquire(ctx);
    std::exception_ptr interrupted;
    try {
        while (true) {
            while (!m_starts.empty() && m_starts.front() + m_period <= m_rt.now())
                m_starts.pop_front();
            if (int(m_starts.size()) < m_limit)
                break;
            co_await ctx.sleepUntil(m_starts.front() + m_period);
        }
        m_starts.push_back(m_rt.now());
    } catch (...) {
        interrupted = std::current_exception();
    }
    m_lock.release(ctx.task);
    if (interrupted)
        std::rethrow_exception(interrupted);
    co_return co_await body(ctx);
}

} // namespace engine::haiway
