#pragma once

#include "../child.h"

#include <QStringList>

#include <functional>
#include <random>
#include <vector>

namespace engine::concurry {

/// Backoff strategy between attempts (concurry RetryAlgorithm).
enum class RetryAlgorithm : quint8 {
    Exponential,  ///< retry_wait × 2^(n−1): 1, 2, 4, 8 … (the default)
    Linear,       ///< retry_wait × n: 1, 2, 3 …
    Fibonacci,    ///< retry_wait × fib(n): 1, 1, 2, 3, 5 …
};

/// Worker retry options (Worker.options(num_retries=…, …)). Trivially destructible.
struct RetryOptions
{
    int numRetries = 0;                                    ///< retries after the first attempt
    RetryAlgorithm algorithm = RetryAlgorithm::Exponential;
    Tick wait = 1;                                         ///< retry_wait: the base wait, in ticks
    /// retry_jitter: any value > 0 selects AWS "full jitter", the wait drawn uniformly in
    /// [0, computed] (rounded to whole ticks); 0 waits exactly the computed time.
    double jitter = 0.3;
    quint64 seed = 0;                                      ///< seeds the jitter draws: runs are reproducible
};

/// Which failures are retried and which results are good enough (retry_on / retry_until).
struct RetryFilters
{
    /// Error types that are retried; "Exception" matches every error. Empty (and no predicate):
    /// every error is retried, concurry's default [Exception].
    QStringList retryOn;
    /// Callable filters (retry_on=lambda exception, **ctx: …): any that answers true retries.
    std::vector<std::function<bool(const Error &error, int attempt)>> retryOnIf;
    /// Output validators (retry_until): all must accept, or the attempt is retried; after the last
    /// attempt RetryValidationError is raised.
    std::vector<std::function<bool(const Value &result, int attempt)>> retryUntil;
};

/// The waits between attempts, drawn from a seeded generator.
class RetryWaits
{
public:
    explicit RetryWaits(RetryOptions options);
    /// The wait after failed attempt number `attempt` (1-based), jitter applied.
    Tick next(int attempt);
    /// The computed wait before jitter.
    static Tick computed(const RetryOptions &options, int attempt);

private:
    RetryOptions m_options;
    std::mt19937_64 m_rng;
};

/// execute_with_retry: runs `attempt` in the calling task up to numRetries + 1 times, sleeping the
/// backoff between attempts (on the virtual clock). A failure that no filter accepts, or the last
/// failure, is raised as it is; cancellation is never retried. Each decision is recorded on the
/// task ("attempt 1 failed: …; retry 1 in 1").
QCoro::Task<Value> executeWithRetry(Ctx ctx, Body attempt, RetryOptions options);
QCoro::Task<Value> executeWithRetry(Ctx ctx, Body attempt, RetryOptions options, RetryFilters filters);

/// The future of a worker method with retries: `future` whose body retries as executeWithRetry()
/// does, so it can be handed to wait()/gather() like any future.
Child retrying(Child future, RetryOptions options, RetryFilters filters = {});

} // namespace engine::concurry
