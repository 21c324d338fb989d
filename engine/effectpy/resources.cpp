#include "resources.h"

#include "taskset.h"

#include "../value.h"

namespace engine::effectpy {

namespace {

// `try: await fin / except Exception: pass` (CancelledError still propagates).
QCoro::Task<void> runSwallowing(Ctx ctx, Effect finalizer, QString what)
{
    std::exception_ptr error;
    try {
        co_await finalizer.body(ctx);
    } catch (...) {
        error = std::current_exception();
    }
    if (error && isCancelled(error))
        std::rethrow_exception(error);
    if (error)
        note(ctx, QStringLiteral("%1 raised %2 (swallowed)").arg(what, Error::fromException(error).describe()));
}

} // namespace

QCoro::Task<Value> acquireRelease(Ctx ctx, Effect acquire, Continuation release, Continuation use)
{
    const Value resource = co_await acquire.body(ctx);
    Value value;
    std::exception_ptr error;
    try {
        const Effect user = use(resource);
        value = co_await user.body(ctx);
    } catch (...) {
        error = std::current_exception();
    }
    const Effect releaser = release(resource);
    const QString what = QStringLiteral("release of %1").arg(describeValue(resource));   // no temporaries inside co_await (g++ 12)
    co_await runSwallowing(ctx, releaser, what);
    if (error)
        std::rethrow_exception(error);
    co_return value;
}

QCoro::Task<Value> ensuring(Ctx ctx, Effect effect, Effect finalizer)
{
    Value value;
    std::exception_ptr error;
    try {
        value = co_await effect.body(ctx);
    } catch (...) {
        error = std::current_exception();
    }
    const QString what = QStringLiteral("finalizer %1").arg(finalizer.name);
    co_await runSwallowing(ctx, finalizer, what);
    if (error)
        std::rethrow_exception(error);
    co_return value;
}

QCoro::Task<Value> scoped(Ctx ctx, ScopedBody body)
{
    auto scope = std::make_shared<Scope>();
    Value value;
    std::exception_ptr error;
    try {
        const Effect effect = body(scope);
        value = co_await effect.body(ctx);
    } catch (...) {
        error = std::current_exception();
    }
    co_await scope->close(ctx);
    if (error)
        std::rethrow_exception(error);
    co_return value;
}

QCoro::Task<Value> awaitOwnTask(Ctx ctx, Effect effect, QString name)
{
    auto set = TaskSet::open(ctx, name, TieBreak::Fifo);
    const TaskId task = set->createTask(effect);
    Value value;
    std::exception_ptr error;
    try {
        // `return await task`: this await is what forwards the caller's cancellation into the task.
        value = co_await awaitResult(ctx, task);
    } catch (...) {
        error = std::current_exception();   // no co_await in a catch block (g++-12)
    }
    set->release();
    if (error)
        std::rethrow_exception(error);
    co_return value;
}

QCoro::Task<Value> uninterruptible(Ctx ctx, Effect effect)
{
    // `except CancelledError: try: return await task / finally: raise`: the task has ended by the
    // time the await gives up, and the bare raise re-raises CancelledError whatever it gave.
    QCoro::Task<Value> run = awaitOwnTask(ctx, std::move(effect), QStringLiteral("uninterruptible"));
    co_return co_await run;
}

QCoro::Task<Value> uninterruptibleShielded(Ctx ctx, Effect effect)
{
    Runtime &rt = *ctx.rt;
    auto set = TaskSet::open(ctx, QStringLiteral("uninterruptible (shielded)"), TieBreak::Fifo);
    const TaskId task = set->createTask(effect);
    // Not a checkpoint: a cancellation of the caller waits until the task has ended.
    co_await ctx.waitChildren(set->scope(), false);
    set->release();
    if (rt.cancelPending(ctx.task)) {
        note(ctx, QStringLiteral("uninterruptible region over: the deferred cancellation is delivered"));
        co_await ctx.checkpoint();
    }
    co_return resultOf(rt, task);
}

} // namespace engine::effectpy
