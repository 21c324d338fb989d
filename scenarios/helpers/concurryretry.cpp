// Concurry's worker retries as a scenario node (helper-semantics §4.4, catalogue row 30).

#include "libraries.h"

#include "bodies.h"
#include "nodekit.h"
#include "options.h"

#include "engine/concurry/retry.h"

namespace scenarios::libraries {

namespace {

using engine::Ctx;
using engine::Value;

engine::concurry::RetryAlgorithm algorithmOf(const QString &name)
{
    if (name == QLatin1String("linear"))
        return engine::concurry::RetryAlgorithm::Linear;
    if (name == QLatin1String("fibonacci"))
        return engine::concurry::RetryAlgorithm::Fibonacci;
    return engine::concurry::RetryAlgorithm::Exponential;
}

QCoro::Task<Value> retry(Ctx ctx, std::shared_ptr<const Node> node)
{
    engine::concurry::RetryOptions options;
    options.numRetries = node->option(QStringLiteral("num_retries")).toInt();
    options.algorithm = algorithmOf(node->option(QStringLiteral("retry_algorithm")).toString());
    options.wait = node->option(QStringLiteral("retry_wait")).toLongLong();
    options.jitter = node->option(QStringLiteral("retry_jitter")).toDouble();
    engine::concurry::RetryFilters filters;
    filters.retryOn = node->option(QStringLiteral("retry_on")).toStringList();
    if (const QVariant wanted = node->option(QStringLiteral("retry_until")); wanted.isValid())
        filters.retryUntil.push_back([wanted](const Value &result, int) { return result == wanted; });
    QCoro::Task<Value> running = engine::concurry::executeWithRetry(ctx, blockOf(node), options, std::move(filters));
    co_return co_await running;
}

} // namespace

void addConcurryRetry(std::vector<HelperSpec> &table)
{
    HelperSpec spec = blockEntry("concurry", "retry", "resilience",
                                 QStringLiteral("a worker method with retries: the body runs again after a backoff while it fails (or its result fails retry_until); value: the body's return; the last error is raised"),
                                 build<retry>);
    spec.options = {
        options::integer(QStringLiteral("num_retries"), 0, QStringLiteral("retries after the first attempt")),
        options::choice(QStringLiteral("retry_algorithm"), QStringLiteral("exponential"),
                        {QStringLiteral("exponential"), QStringLiteral("linear"), QStringLiteral("fibonacci")},
                        QStringLiteral("backoff: retry_wait x 2^(n-1), x n, or x fib(n)")),
        options::duration(QStringLiteral("retry_wait"), 1000, QStringLiteral("the base wait (default 1s)")),
        options::number(QStringLiteral("retry_jitter"), 0.3, QStringLiteral("> 0: full jitter, the wait drawn in [0, computed] (seeded); 0: exact"), 0, 1),
        options::words(QStringLiteral("retry_on"), QStringLiteral("error types retried (default: Exception, any error)")),
        options::value(QStringLiteral("retry_until"), QStringLiteral("the result an attempt must return, else it is retried (RetryValidationError after the last)")),
    };
    table.push_back(spec);
}

} // namespace scenarios::libraries
