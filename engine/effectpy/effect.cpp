#include "effect.h"

#include "recovery.h"
#include "resources.h"
#include "timeout.h"

namespace engine::effectpy {

namespace {

const QString FailureType = QStringLiteral("Failure");

// The bodies below are plain functions taking their state by value: the coroutine frame owns it,
// so no closure has to outlive a call (design.md §2).
QCoro::Task<Value> runFlatMap(Ctx ctx, Effect first, Continuation next)
{
    const Value value = co_await first.body(ctx);
    const Effect second = next(value);
    co_return co_await second.body(ctx);
}

QCoro::Task<Value> runSucceed(Ctx, Value value)
{
    co_return value;
}

QCoro::Task<Value> runFail(Ctx ctx, QString error)
{
    throw failure(error, ctx.task);
    co_return {};
}

Error missingClock(TaskId origin)
{
    return Error::plain(QStringLiteral("KeyError"), QStringLiteral("Missing service: Clock"), origin);
}

QCoro::Task<Value> runSleep(Ctx ctx, Services services, Tick duration)
{
    if (!services.clock)
        throw missingClock(ctx.task);
    co_await ctx.sleep(duration);
    co_return Value();
}

QCoro::Task<Value> runCurrentTime(Ctx ctx, Services services)
{
    if (!services.clock)
        throw missingClock(ctx.task);
    co_return Value(qlonglong(ctx.now()));
}

} // namespace

Effect::Effect(QString name, Body body)
    : name(std::move(name))
    , body(std::move(body))
{
}

Effect::Effect(const Child &child)
    : name(child.name)
    , body(child.body)
{
}

Effect Effect::named(const QString &newName) const
{
    return Effect(newName, body);
}

Effect Effect::timeout(Tick seconds) const
{
    return Effect(name, [self = *this, seconds](Ctx ctx) { return effectpy::timeout(ctx, self, seconds); });
}

Effect Effect::retry(const Schedule &schedule) const
{
    return Effect(name, [self = *this, schedule](Ctx ctx) { return effectpy::retry(ctx, self, schedule); });
}

Effect Effect::repeat(const Schedule &schedule) const
{
    return Effect(name, [self = *this, schedule](Ctx ctx) { return effectpy::repeat(ctx, self, schedule); });
}

Effect Effect::catchAll(FailureHandler handler) const
{
    return Effect(name, [self = *this, handler = std::move(handler)](Ctx ctx) { return effectpy::catchAll(ctx, self, handler); });
}

Effect Effect::ensuring(const Effect &finalizer) const
{
    return Effect(name, [self = *this, finalizer](Ctx ctx) { return effectpy::ensuring(ctx, self, finalizer); });
}

Effect Effect::flatMap(Continuation next) const
{
    return Effect(name, [self = *this, next = std::move(next)](Ctx ctx) { return runFlatMap(ctx, self, next); });
}

Error failure(const QString &error, TaskId origin)
{
    return Error::plain(FailureType, error, origin);
}

bool isFailure(const Error &error)
{
    return error.shape() == ErrorShape::Plain && error.type() == FailureType;
}

bool isFailure(const std::exception_ptr &error)
{
    return error && !isCancelled(error) && isFailure(Error::fromException(error));
}

QString failureError(const Error &error)
{
    return error.message();
}

Effect succeed(const QString &name, const Value &value)
{
    return Effect(name, [value](Ctx ctx) { return runSucceed(ctx, value); });
}

Effect fail(const QString &name, const QString &error)
{
    return Effect(name, [error](Ctx ctx) { return runFail(ctx, error); });
}

Effect sleep(Services services, Tick duration)
{
    return Effect(QStringLiteral("sleep(%1)").arg(duration), [services, duration](Ctx ctx) { return runSleep(ctx, services, duration); });
}

Effect currentTime(Services services)
{
    return Effect(QStringLiteral("current_time()"), [services](Ctx ctx) { return runCurrentTime(ctx, services); });
}

void note(Ctx ctx, const QString &text)
{
    ctx.rt->record(EventKind::ValueEmitted, ctx.task, NoId, NoId, NoId, text);
}

} // namespace engine::effectpy
