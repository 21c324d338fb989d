#include "circuitbreaker.h"

namespace engine::effectpy {

CircuitBreaker::CircuitBreaker(int failureThreshold, Tick timeout)
    : m_threshold(failureThreshold)
    , m_timeout(timeout)
{
}

Effect CircuitBreaker::wrap(const Effect &effect)
{
    return Effect(effect.name, [self = shared_from_this(), effect](Ctx ctx) { return self->call(ctx, effect); });
}

QCoro::Task<Value> CircuitBreaker::call(Ctx ctx, Effect effect)
{
    const Tick now = ctx.now();
    if (m_open) {
        if (now - m_lastFailure > m_timeout) {
            m_open = false;
            m_failures = 0;
            note(ctx, QStringLiteral("circuit breaker: timeout passed, OPEN → CLOSED"));
        } else {
            note(ctx, QStringLiteral("circuit breaker: OPEN, call rejected"));
            throw failure(QStringLiteral("Circuit breaker is OPEN"), ctx.task);
        }
    }
    std::exception_ptr error;
    Value value;
    try {
        value = co_await effect.body(ctx);
    } catch (...) {
        error = std::current_exception();
    }
    if (!error) {
        m_failures = 0;   // _on_success
        m_open = false;
        co_return value;
    }
    if (!isFailure(error))
        std::rethrow_exception(error);
    ++m_failures;
    m_lastFailure = now;   // the time the call started (`now` is read before the effect runs)
    const QString reason = failureError(Error::fromException(error));
    if (m_failures >= m_threshold) {
        m_open = true;
        note(ctx, QStringLiteral("circuit breaker: %1 failures, CLOSED → OPEN").arg(m_failures));
        throw failure(QStringLiteral("Circuit breaker OPENED due to: %1").arg(reason), ctx.task);
    }
    note(ctx, QStringLiteral("circuit breaker: failure %1 of %2").arg(m_failures).arg(m_threshold));
    std::rethrow_exception(error);
}

} // namespace engine::effectpy
