#pragma once

#include "retry.h"

#include <utility>
#include <vector>

namespace engine::concurry {

/// A retry option given per method, as Worker.options() takes a dict: method name → value, in the
/// order given; the "*" entry is the default for every method not listed, and is mandatory.
template<typename T>
using PerMethod = std::vector<std::pair<QString, T>>;

/// A worker's retry configuration per method (helper-semantics §4.4; concurry "Per-Method
/// Configuration"): each of num_retries, retry_algorithm, retry_wait, retry_jitter, retry_on and
/// retry_until is either one value for all methods (the RetryOptions/RetryFilters it starts from)
/// or a PerMethod dict. A method ends up with retries only if it has num_retries > 0 or output
/// validators; otherwise its calls run once, untouched.
class MethodRetries
{
public:
    /// Single values for every method.
    explicit MethodRetries(RetryOptions options = {}, RetryFilters filters = {});

    /// num_retries={"*": 0, "fetch": 3}.
    MethodRetries &numRetries(PerMethod<int> perMethod);
    /// retry_algorithm={…}.
    MethodRetries &algorithm(PerMethod<RetryAlgorithm> perMethod);
    /// retry_wait={…} (ticks).
    MethodRetries &wait(PerMethod<Tick> perMethod);
    /// retry_jitter={…}.
    MethodRetries &jitter(PerMethod<double> perMethod);
    /// retry_on={"*": ["Exception"], "fetch": ["ConnectionError"]}.
    MethodRetries &retryOn(PerMethod<QStringList> perMethod);
    /// retry_until={"*": None (no validators), "generate_json": [validator]}.
    MethodRetries &retryUntil(PerMethod<std::vector<std::function<bool(const Value &, int)>>> perMethod);

    /// What Worker.options(…).init() checks against the worker's method names: every dict has
    /// "*" (else ValueError("num_retries dict must include '*' key for default value")) and names
    /// only existing methods (else ValueError("num_retries dict contains unknown method names:
    /// ['x']")). The parameters are checked in the order above.
    void validate(const QStringList &methods) const;

    /// The options and filters `method` gets.
    RetryOptions optionsFor(const QString &method) const;
    RetryFilters filtersFor(const QString &method) const;
    /// Whether calls of `method` are retried or validated at all.
    bool hasRetries(const QString &method) const;

    /// worker.method(…): `future` as that method's call: retrying (see retrying()) when the method
    /// has retries or validators, else as it is.
    Child call(const QString &method, Child future) const;

private:
    RetryOptions m_options;
    RetryFilters m_filters;
    PerMethod<int> m_numRetries;
    PerMethod<RetryAlgorithm> m_algorithm;
    PerMethod<Tick> m_wait;
    PerMethod<double> m_jitter;
    PerMethod<QStringList> m_retryOn;
    PerMethod<std::vector<std::function<bool(const Value &, int)>>> m_retryUntil;
};

} // namespace engine::concurry
