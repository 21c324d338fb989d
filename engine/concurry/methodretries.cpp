#include "methodretries.h"

namespace engine::concurry {

namespace {

const QString Default = QStringLiteral("*");

// The value a per-method dict gives `method`: its own entry, else "*"; `fallback` when no dict.
template<typename T>
T lookup(const PerMethod<T> &dict, const QString &method, const T &fallback)
{
    const T *star = nullptr;
    for (const auto &[name, value] : dict) {
        if (name == method)
            return value;
        if (name == Default)
            star = &value;
    }
    return star ? *star : fallback;
}

template<typename T>
void check(const PerMethod<T> &dict, const char *parameter, const QStringList &methods)
{
    if (dict.empty())
        return;   // a single value, not a dict
    QStringList unknown;
    bool hasDefault = false;
    for (const auto &entry : dict) {
        if (entry.first == Default)
            hasDefault = true;
        else if (!methods.contains(entry.first))
            unknown << QLatin1Char('\'') + entry.first + QLatin1Char('\'');
    }
    if (!hasDefault)
        throw Error::plain(QStringLiteral("ValueError"), QStringLiteral("%1 dict must include '*' key for default value").arg(QLatin1String(parameter)));
    if (!unknown.isEmpty())
        throw Error::plain(QStringLiteral("ValueError"), QStringLiteral("%1 dict contains unknown method names: [%2]")
                                                             .arg(QLatin1String(parameter), unknown.join(QStringLiteral(", "))));
}

} // namespace

MethodRetries::MethodRetries(RetryOptions options, RetryFilters filters)
    : m_options(options)
    , m_filters(std::move(filters))
{
}

MethodRetries &MethodRetries::numRetries(PerMethod<int> perMethod)
{
    m_numRetries = std::move(perMethod);
    return *this;
}

MethodRetries &MethodRetries::algorithm(PerMethod<RetryAlgorithm> perMethod)
{
    m_algorithm = std::move(perMethod);
    return *this;
}

MethodRetries &MethodRetries::wait(PerMethod<Tick> perMethod)
{
    m_wait = std::move(perMethod);
    return *this;
}

MethodRetries &MethodRetries::jitter(PerMethod<double> perMethod)
{
    m_jitter = std::move(perMethod);
    return *this;
}

MethodRetries &MethodRetries::retryOn(PerMethod<QStringList> perMethod)
{
    m_retryOn = std::move(perMethod);
    return *this;
}

MethodRetries &MethodRetries::retryUntil(PerMethod<std::vector<std::function<bool(const Value &, int)>>> perMethod)
{
    m_retryUntil = std::move(perMethod);
    return *this;
}

void MethodRetries::validate(const QStringList &methods) const
{
    check(m_numRetries, "num_retries", methods);
    check(m_retryOn, "retry_on", methods);
    check(m_algorithm, "retry_algorithm", methods);
    check(m_wait, "retry_wait", methods);
    check(m_jitter, "retry_jitter", methods);
    check(m_retryUntil, "retry_until", methods);
}

RetryOptions MethodRetries::optionsFor(const QString &method) const
{
    RetryOptions options = m_options;
    options.numRetries = lookup(m_numRetries, method, m_options.numRetries);
    options.algorithm = lookup(m_algorithm, method, m_options.algorithm);
    options.wait = lookup(m_wait, method, m_options.wait);
    options.jitter = lookup(m_jitter, method, m_options.jitter);
    return options;
}

RetryFilters MethodRetries::filtersFor(const QString &method) const
{
    RetryFilters filters = m_filters;
    filters.retryOn = lookup(m_retryOn, method, m_filters.retryOn);
    filters.retryUntil = lookup(m_retryUntil, method, m_filters.retryUntil);
    return filters;
}

bool MethodRetries::hasRetries(const QString &method) const
{
    // Concurry keeps no retry config for a method with num_retries=0 and retry_until=None.
    return optionsFor(method).numRetries > 0 || !filtersFor(method).retryUntil.empty();
}

Child MethodRetries::call(const QString &method, Child future) const
{
    if (!hasRetries(method))
        return future;
    return retrying(std::move(future), optionsFor(method), filtersFor(method));
}

} // namespace engine::concurry
