#include "halfopencircuitbreaker.h"

namespace engine::effectpy {

namespace {

QString name(HalfOpenCircuitBreaker::State s)
{
    switch (s) {
    case HalfOpenCircuitBreaker::State::Closed: return QStringLiteral("CLOSED");
    case HalfOpenCircuitBreaker::State::Open: return QStringLiteral("OPEN");
    case HalfOpenCircuitBreaker::State::HalfOpen: return QStringLiteral("HALF_OPEN");
    }
    return {};
}

} // namespace

HalfOpenCircuitBreaker::HalfOpenCircuitBreaker(int failureThreshold, Tick resetTimeout)
    : m_threshold(failureThreshold)
    , m_resetTimeout(resetTimeout)
{
}

Effect HalfOpenCircuitBreaker::wrap(const Effect &effect)
{
    return Effect(effect.name, [self = shared_from_this(), effect](Ctx ctx) { return self->call(ctx, effect); });
}

void HalfOpenCircuitBreaker::moveTo(Ctx ctx, State state, const QString &why)
{
    note(ctx, QStringLiteral("half-open breaker: %1 → %2 (%3)").arg(name(m_state), name(state), why));
    m_state = state;
}

QCoro::Task<Value> HalfOpenCircuitBreaker::call(Ctx ctx, Effect effect)
{
    if (m_state == State::Open && ctx.now() - m_openedAt >= m_resetTimeout)
        moveTo(ctx, State::HalfOpen, QStringLiteral("reset timeout passed"));
    if (m_state == State::Open || (m_state == State::HalfOpen && m_probing)) {
        note(ctx, QStringLiteral("half-open breaker: %1, call rejected").arg(name(m_state)));
        throw failure(QStringLiteral("Circuit breaker is %1").arg(name(m_state)), ctx.task);
    }
    const bool probe = m_state == State::HalfOpen;
    m_probing = probe;
    std::exception_ptr error;
    Value value;
    try {
        value = co_await effect.body(ctx);
    } catch (...) {
        error = std::current_exception();
    }
    if (probe)
        m_probing = false;
    if (!error) {
        m_failures = 0;
        if (probe)
            moveTo(ctx, State::Closed, QStringLiteral("probe succeeded"));
        co_return value;
    }
    if (!isFailure(error))
        std::rethrow_exception(error);
    ++m_failures;
    if (probe || (m_state == State::Closed && m_failures >= m_threshold)) {
        m_openedAt = ctx.now();
        moveTo(ctx, State::Open, probe ? QStringLiteral("probe failed") : QStringLiteral("%1 failures").arg(m_failures));
    }
    std::rethrow_exception(error);
}

} // namespace engine::effectpy
