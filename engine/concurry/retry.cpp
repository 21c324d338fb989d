#include "retry.h"

#include "../runtime.h"
#include "../value.h"

#include <cmath>

namespace engine::concurry {

namespace {

qint64 fibonacci(int n)
{
    // fib(1) = fib(2) = 1, as concurry counts attempts.
    qint64 a = 1, b = 1;
    for (int i = 2; i < n; ++i) {
        const qint64 c = a + b;
        a = b;
        b = c;
    }
    return b;
}

bool shouldRetry(const RetryFilters &filters, const Error &error, int attempt)
{
    if (filters.retryOn.isEmpty() && filters.retryOnIf.empty())
        return true;
    for (const QString &type : filters.retryOn)
        if (type == QLatin1String("Exception") || type == error.type())
            return true;
    for (const auto &filter : filters.retryOnIf)
        if (filter && filter(error, attempt))
            return true;
    return false;
}

bool accepted(const RetryFilters &filters, const Value &result, int attempt)
{
    for (const auto &validator : filters.retryUntil)
        if (validator && !validator(result, attempt))
            return false;
    return true;
}

} // namespace

RetryWaits::RetryWaits(RetryOptions options)
    : m_options(options)
    , m_rng(options.seed)
{
}

Tick RetryWaits::computed(const RetryOptions &options, int attempt)
{
    switch (options.algorithm) {
    case RetryAlgorithm::Linear: return options.wait * attempt;
    case RetryAlgorithm::Fibonacci: return options.wait * fibonacci(attempt);
    case RetryAlgorithm::Exponential: break;
    }
    return options.wait * (qint64(1) << std::min(attempt - 1, 40));
}

Tick RetryWaits::next(int attempt)
{
    const Tick wait = computed(m_options, attempt);
    if (m_options.jitter <= 0)
        return wait;
    std::uniform_real_distribution<double> full(0.0, double(wait));
    return Tick(std::llround(full(m_rng)));
}

QCoro::Task<Value> executeWithRetry(Ctx ctx, Body attempt, RetryOptions options)
{
    RetryFilters none;
    co_return co_await executeWithRetry(ctx, std::move(attempt), options, std::move(none));
}

QCoro::Task<Value> executeWithRetry(Ctx ctx, Body attempt, RetryOptions options, RetryFilters filters)
{
    Runtime &rt = *ctx.rt;
    RetryWaits waits(options);
    const int attempts = std::max(options.numRetries, 0) + 1;
    const auto note = [&rt, &ctx](const QString &text) {
        rt.record(EventKind::ValueEmitted, ctx.task, NoId, NoId, NoId, text);
    };
    for (int n = 1;; ++n) {
        Value result;
        std::exception_ptr failure;
        try {
            result = co_await attempt(ctx);
        } catch (const Cancelled &) {
            throw;   // a BaseException: `except Exception` in concurry does not retry it
        } catch (...) {
            failure = std::current_exception();
        }
        if (!failure) {
            if (accepted(filters, result, n))
                co_return result;
            if (n == attempts) {
                note(QStringLiteral("attempt %1 returned %2, rejected by retry_until; no retries left").arg(n).arg(describeValue(result)));
                throw Error::plain(QStringLiteral("RetryValidationError"),
                                   QStringLiteral("Validation failed after %1 attempts").arg(n), ctx.task);
            }
            const Tick wait = waits.next(n);
            note(QStringLiteral("attempt %1 returned %2, rejected by retry_until; retry %1 in %3").arg(n).arg(describeValue(result)).arg(wait));
            co_await ctx.sleep(wait);
            continue;
        }
        const Error error = Error::fromException(failure);
        if (!shouldRetry(filters, error, n)) {
            note(QStringLiteral("attempt %1 failed: %2, not retried").arg(n).arg(error.describe()));
            std::rethrow_exception(failure);
        }
        if (n == attempts) {
            note(QStringLiteral("attempt %1 failed: %2; no retries left").arg(n).arg(error.describe()));
            std::rethrow_exception(failure);
        }
        const Tick wait = waits.next(n);
        note(QStringLiteral("attempt %1 failed: %2; retry %1 in %3").arg(n).arg(error.describe()).arg(wait));
        co_await ctx.sleep(wait);
    }
}

Child retrying(Child future, RetryOptions options, RetryFilters filters)
{
    Body body = [attempt = std::move(future.body), options, filters](Ctx ctx) -> QCoro::Task<Value> {
        co_return co_await executeWithRetry(ctx, attempt, options, filters);
    };
    return Child{future.name, std::move(body)};
}

} // namespace engine::concurry
