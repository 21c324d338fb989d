// Concurry's worker retries as a scenario node (helper-semantics §4.4, catalogue row 30).

#include "libraries.h"

#include "bodies.h"
#include "nodekit.h"
#include "options.h"

#include "engine/concurry/methodretries.h"
#include "engine/concurry/retry.h"
#include "engine/helpers/concurry.h"

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

// -- concurry.worker ---------------------------------------------------------------------------

// The method a call child makes: its name without a `#n` suffix, so that one method can be called
// several times (`fetch`, `fetch#2`) while task names stay unique.
QString methodOf(const QString &name)
{
    return name.section(QLatin1Char('#'), 0, 0);
}

QStringList workerMethods(const Node &node)
{
    QStringList methods;
    for (const auto &child : node.children)
        if (const QString m = methodOf(child->name); !methods.contains(m))
            methods << m;
    return methods;
}

// The per-method dict of one setting, as Worker.options() takes it: "*" from the "*" entry (or the
// setting's default), then every method entry that gives the setting.
template<typename T, typename Convert>
engine::concurry::PerMethod<T> perMethod(const QVariantMap &retries, const OptionSpec &field, Convert convert)
{
    const QVariantMap star = retries.value(QStringLiteral("*")).toMap();
    engine::concurry::PerMethod<T> dict{{QStringLiteral("*"), convert(star.value(field.key, field.fallback))}};
    for (auto it = retries.begin(); it != retries.end(); ++it) {
        const QVariantMap settings = it.value().toMap();
        if (it.key() != QLatin1String("*") && settings.contains(field.key))
            dict.emplace_back(it.key(), convert(settings.value(field.key)));
    }
    return dict;
}

using Validators = std::vector<std::function<bool(const Value &, int)>>;

Validators validatorsOf(const QVariant &wanted)
{
    if (!wanted.isValid())
        return {};   // retry_until=None
    return {[wanted](const Value &result, int) { return result == wanted; }};
}

engine::concurry::MethodRetries methodRetries(const Node &node)
{
    const QVariantMap retries = node.option(QStringLiteral("retries")).toMap();
    const OptionSpec &spec = *node.helper->option(QStringLiteral("retries"));
    auto field = [&](const char *key) -> const OptionSpec & {
        for (const OptionSpec &f : spec.fields)
            if (f.key == QLatin1String(key))
                return f;
        Q_UNREACHABLE();
    };
    engine::concurry::MethodRetries m;
    m.numRetries(perMethod<int>(retries, field("num_retries"), [](const QVariant &v) { return v.toInt(); }))
        .algorithm(perMethod<engine::concurry::RetryAlgorithm>(retries, field("retry_algorithm"), [](const QVariant &v) { return algorithmOf(v.toString()); }))
        .wait(perMethod<engine::Tick>(retries, field("retry_wait"), [](const QVariant &v) { return engine::Tick(v.toLongLong()); }))
        .jitter(perMethod<double>(retries, field("retry_jitter"), [](const QVariant &v) { return v.toDouble(); }))
        .retryOn(perMethod<QStringList>(retries, field("retry_on"), [](const QVariant &v) { return v.toStringList(); }))
        .retryUntil(perMethod<Validators>(retries, field("retry_until"), validatorsOf));
    return m;
}

// A worker with per-method retries: each child is a call worker.<method>() made at once (a future
// that retries as its method's settings say), then gather(futures) collects them.
QCoro::Task<Value> worker(Ctx ctx, std::shared_ptr<const Node> node)
{
    const engine::concurry::MethodRetries retries = methodRetries(*node);
    retries.validate(workerMethods(*node));   // Worker.options(...).init(): the parser checked it already
    std::vector<engine::Child> calls;
    for (engine::Child &call : childrenOf(*node)) {
        const QString method = methodOf(call.name);
        calls.push_back(retries.call(method, std::move(call)));
    }
    engine::concurry::GatherOptions options;
    options.returnExceptions = node->option(QStringLiteral("return_exceptions")).toBool();
    options.timeout = ticksOr(*node, QStringLiteral("timeout"), engine::Never);
    options.polling = engine::concurry::pollingFromString(node->option(QStringLiteral("polling")).toString());
    options.pollInterval = node->option(QStringLiteral("poll_interval")).toLongLong();
    QCoro::Task<QVariantList> gathering = engine::concurry::gather(ctx, std::move(calls), options);
    co_return co_await gathering;
}

// The retry settings of one worker method, with concurry's defaults (the same as concurry.retry's).
std::vector<OptionSpec> retrySettings()
{
    return {
        options::integer(QStringLiteral("num_retries"), 0, QStringLiteral("retries after the first attempt")),
        options::choice(QStringLiteral("retry_algorithm"), QStringLiteral("exponential"),
                        {QStringLiteral("exponential"), QStringLiteral("linear"), QStringLiteral("fibonacci")},
                        QStringLiteral("backoff: retry_wait x 2^(n-1), x n, or x fib(n)")),
        options::duration(QStringLiteral("retry_wait"), 1000, QStringLiteral("the base wait (default 1s)")),
        options::number(QStringLiteral("retry_jitter"), 0.3, QStringLiteral("> 0: full jitter, the wait drawn in [0, computed] (seeded); 0: exact"), 0, 1),
        options::words(QStringLiteral("retry_on"), QStringLiteral("error types retried (default: Exception, any error)")),
        options::value(QStringLiteral("retry_until"), QStringLiteral("the result an attempt must return, else it is retried (RetryValidationError after the last)")),
    };
}

} // namespace

void addConcurryRetry(std::vector<HelperSpec> &table)
{
    HelperSpec spec = blockEntry("concurry", "retry", "resilience",
                                 QStringLiteral("a worker method with retries: the body runs again after a backoff while it fails (or its result fails retry_until); value: the body's return; the last error is raised"),
                                 build<retry>);
    spec.options = retrySettings();
    table.push_back(spec);

    HelperSpec w = entry("concurry", "worker", "resilience",
                         QStringLiteral("a worker with per-method retries (Worker.options(num_retries={'*': 0, 'fetch': 2}, ...)): each child is a call of the method its name says, made at once, retrying as that method's settings say; then gather(calls); value: the results in input order"),
                         build<worker>);
    w.options = {
        options::perKey(QStringLiteral("retries"), QStringLiteral("method"), retrySettings(), workerMethods,
                        QStringLiteral("per method (a child's name without its #n suffix; '*': every other method): its retry settings")),
        options::flag(QStringLiteral("return_exceptions"), false, QStringLiteral("errors become values in the gathered list")),
        options::duration(QStringLiteral("timeout"), QVariant(), QStringLiteral("TimeoutError at the first poll at or after it (None: wait forever)")),
        options::choice(QStringLiteral("polling"), QStringLiteral("adaptive"),
                        {QStringLiteral("adaptive"), QStringLiteral("fixed"), QStringLiteral("exponential"), QStringLiteral("progressive")},
                        QStringLiteral("the gather's PollingAlgorithm")),
        options::duration(QStringLiteral("poll_interval"), 10, QStringLiteral("the fixed algorithm's interval")),
    };
    table.push_back(w);
}

} // namespace scenarios::libraries
