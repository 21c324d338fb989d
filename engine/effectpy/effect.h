#pragma once

#include "../child.h"
#include "schedule.h"

#include <functional>

/// effectpy 0.2.0 (helper-semantics §5) on the engine, as its code behaves (not as its guide says;
/// the guide's intent lives in separately named presets, see helpers/effectpy.h). Run it on
/// Profile::asyncio(): effectpy is plain asyncio underneath (deferred task starts, done callbacks a
/// turn later, one CancelledError per cancel()).
///
/// Failure vs defect: effectpy raises business errors as `Failure(error)` and lets everything else
/// through as a "defect". Here a Failure is an engine::Error of type "Failure" whose message is the
/// error (`Failure('timeout')`, made by failure()); any other Error type (KeyError, ValueError,
/// RuntimeError …) is a defect. retry, catch_all and the circuit breakers only act on Failures;
/// defects and cancellation always pass through.
namespace engine::effectpy {

class Effect;
/// catch_all's handler: the Failure → the fallback effect.
using FailureHandler = std::function<Effect(const Error &failure)>;
/// flat_map's continuation: the value → the next effect.
using Continuation = std::function<Effect(const Value &value)>;

/// An effectpy `Effect`: a lazy computation; every call of `body` is a fresh run. `name` labels the
/// task when a combinator runs the effect as a task. The methods are effectpy's Effect methods:
/// each returns a new effect and nothing runs until its body is called.
class Effect
{
public:
    Effect() = default;
    Effect(QString name, Body body);
    Effect(const Child &child);   // NOLINT: a helper child is an effect

    /// The same effect under another name.
    Effect named(const QString &name) const;
    /// The effect as a supervisor child.
    Child child() const { return Child{name, body}; }

    /// eff.timeout(s): see effectpy::timeout().
    Effect timeout(Tick seconds) const;
    /// eff.retry(schedule): see effectpy::retry().
    Effect retry(const Schedule &schedule) const;
    /// eff.repeat(schedule): see effectpy::repeat().
    Effect repeat(const Schedule &schedule) const;
    /// eff.catch_all(f): see effectpy::catchAll().
    Effect catchAll(FailureHandler handler) const;
    /// eff.ensuring(fin): see effectpy::ensuring().
    Effect ensuring(const Effect &finalizer) const;
    /// eff.flat_map(f): runs this, then `next(value)` in the same task.
    Effect flatMap(Continuation next) const;

    QString name;
    Body body;
};

/// A Failure (effectpy `Failure(error)`): the business error `Failure('error')`.
Error failure(const QString &error, TaskId origin = NoId);
/// True for a Failure; false for defects (any other error) and for cancellation.
bool isFailure(const Error &error);
bool isFailure(const std::exception_ptr &error);
/// A Failure's error text (`fe.error`); a defect's message.
QString failureError(const Error &error);

/// succeed(a): an effect that returns `value` at once.
Effect succeed(const QString &name, const Value &value);
/// fail(e): an effect that raises Failure(e) at once.
Effect fail(const QString &name, const QString &error);

/// effectpy's Context as far as the engine needs it: which services it provides. Only the Clock
/// is modelled; it is the engine's virtual clock. Trivially copyable.
struct Services
{
    bool clock = false;
    /// A context built with ClockLayer.
    static Services withClock() { return Services{true}; }
};

/// sleep(seconds): sleeps on the context's Clock and returns None. Without a Clock it raises
/// KeyError('Missing service: Clock') when it runs: a defect, which catch_all does not catch.
Effect sleep(Services services, Tick duration);
/// current_time(): the Clock's now() (virtual ticks); KeyError without a Clock.
Effect currentTime(Services services);

/// Records a helper's own step (a retry, a breaker changing state, a swallowed release error) on
/// the calling task's lane, as a value-emitted event with `text`.
void note(Ctx ctx, const QString &text);

} // namespace engine::effectpy
