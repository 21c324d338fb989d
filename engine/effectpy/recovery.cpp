#include "recovery.h"

#include "../value.h"

namespace engine::effectpy {

QCoro::Task<Value> retry(Ctx ctx, Effect effect, Schedule schedule)
{
    schedule.reset(ctx.rt->profile().seed);
    for (int attempt = 1;; ++attempt) {
        std::exception_ptr error;
        try {
            co_return co_await effect.body(ctx);
        } catch (...) {
            error = std::current_exception();
        }
        if (!isFailure(error))
            std::rethrow_exception(error);   // defects and cancellation are not retried
        const QString failed = Error::fromException(error).describe();
        const Schedule::Step step = schedule.step();
        if (!step.again) {
            note(ctx, QStringLiteral("retry %1: attempt %2 raised %3, giving up").arg(schedule.describe()).arg(attempt).arg(failed));
            std::rethrow_exception(error);
        }
        note(ctx, QStringLiteral("retry %1: attempt %2 raised %3, next attempt in %4").arg(schedule.describe()).arg(attempt).arg(failed).arg(step.delay));
        if (step.delay > 0)
            co_await ctx.sleep(step.delay);
    }
}

QCoro::Task<Value> repeat(Ctx ctx, Effect effect, Schedule schedule)
{
    schedule.reset(ctx.rt->profile().seed);
    for (int run = 1;; ++run) {
        const Value last = co_await effect.body(ctx);
        const Schedule::Step step = schedule.step();
        if (!step.again)
            co_return last;
        note(ctx, QStringLiteral("repeat %1: run %2 returned %3, next run in %4").arg(schedule.describe()).arg(run).arg(describeValue(last)).arg(step.delay));
        if (step.delay > 0)
            co_await ctx.sleep(step.delay);
    }
}

QCoro::Task<Value> catchAll(Ctx ctx, Effect effect, FailureHandler handler)
{
    std::exception_ptr error;
    try {
        co_return co_await effect.body(ctx);
    } catch (...) {
        error = std::current_exception();
    }
    if (!isFailure(error))
        std::rethrow_exception(error);
    const Error failed = Error::fromException(error);
    const Effect fallback = handler(failed);
    note(ctx, QStringLiteral("catch_all: %1 → fallback %2").arg(failed.describe(), fallback.name));
    co_return co_await fallback.body(ctx);
}

} // namespace engine::effectpy
