#pragma once

#include "effect.h"

#include <memory>

namespace engine::effectpy {

/// The guide's CircuitBreaker(failure_threshold=3, timeout_seconds=60) (seed 004; not a library
/// primitive), exactly as written there: closed, it counts Failures (any success resets the count);
/// once `failures >= threshold` it opens and that failure becomes
/// Failure('Circuit breaker OPENED due to: <error>'). While open, calls are rejected with
/// Failure('Circuit breaker is OPEN') WITHOUT running the effect, until `now - last_failure >
/// timeout` (strict; last_failure is the START time of the call that failed); then the next call
/// resets it to closed with a zero count and runs normally. There is no half-open probe: after the
/// reset it takes `threshold` new failures to open again. Defects and cancellation pass through
/// uncounted (catch_all). Share one breaker between calls through a shared_ptr; state changes are
/// recorded on the caller's lane.
class CircuitBreaker : public std::enable_shared_from_this<CircuitBreaker>
{
public:
    CircuitBreaker(int failureThreshold = 3, Tick timeout = 60);

    /// breaker.call(effect), run now in the calling task. The breaker must outlive the call.
    QCoro::Task<Value> call(Ctx ctx, Effect effect);
    /// breaker.call(effect) as an effect (keeps the breaker alive).
    Effect wrap(const Effect &effect);

    bool isOpen() const { return m_open; }
    int failures() const { return m_failures; }
    Tick lastFailure() const { return m_lastFailure; }

private:
    int m_threshold;
    Tick m_timeout;
    int m_failures = 0;
    Tick m_lastFailure = 0;
    bool m_open = false;
};

} // namespace engine::effectpy
