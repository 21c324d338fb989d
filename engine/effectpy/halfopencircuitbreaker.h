#pragma once

#include "effect.h"

#include <memory>

namespace engine::effectpy {

/// A classic three-state circuit breaker, for contrast with the guide's CircuitBreaker: CLOSED counts
/// consecutive Failures and opens at `failureThreshold`; OPEN rejects with
/// Failure('Circuit breaker is OPEN') until `resetTimeout` has passed since it opened
/// (`now - openedAt >= resetTimeout`); then HALF_OPEN lets exactly one probe call through (others
/// are rejected with Failure('Circuit breaker is HALF_OPEN')): its success closes the breaker, its
/// Failure re-opens it at once (a fresh timeout). Defects and cancellation are not counted; a probe
/// that ends that way frees the probe slot.
class HalfOpenCircuitBreaker : public std::enable_shared_from_this<HalfOpenCircuitBreaker>
{
public:
    enum class State : quint8 { Closed, Open, HalfOpen };

    HalfOpenCircuitBreaker(int failureThreshold = 3, Tick resetTimeout = 60);

    /// Runs `effect` through the breaker, now, in the calling task. The breaker must outlive it.
    QCoro::Task<Value> call(Ctx ctx, Effect effect);
    /// call() as an effect (keeps the breaker alive).
    Effect wrap(const Effect &effect);

    State state() const { return m_state; }
    int failures() const { return m_failures; }

private:
    void moveTo(Ctx ctx, State state, const QString &why);

    int m_threshold;
    Tick m_resetTimeout;
    int m_failures = 0;
    Tick m_openedAt = 0;
    State m_state = State::Closed;
    bool m_probing = false;
};

} // namespace engine::effectpy
