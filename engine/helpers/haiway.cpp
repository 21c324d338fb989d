#include "haiway.h"

namespace engine::haiway {

SupervisorPolicy fanOutPolicy(const QString &name, FanOutOptions options)
{
    SupervisorPolicy p;
    p.name = name;
    p.limit = std::max(options.concurrentTasks, 1);   // haiway asserts > 0; scenarios reject 0
    p.pull = Pull::LazyAfterSlot;
    p.start = StartPolicy::Deferred;                  // asyncio create_task
    p.onChildError = options.returnExceptions || options.ignoreExceptions ? OnChildError::Continue : OnChildError::FailFast;
    p.errors = ErrorForm::Bare;
    p.errorWinsOverCancel = true;                     // a finished child's exception wins over the cancellation
    return p;
}

namespace {

QVariantList valuesOf(const SupervisorResult &result, bool cancelledRaises)
{
    QVariantList values;
    for (const ChildOutcome &o : result.done) {
        if (o.state == TaskState::Cancelled && cancelledRaises)
            throw Cancelled();   // `t.result()` of a cancelled task raises CancelledError
        values << (o.error ? QVariant::fromValue(*o.error) : o.value);
    }
    return values;
}

std::shared_ptr<Source> elementsSource(Handler handler, const QVariantList &elements)
{
    std::vector<Child> children;
    for (const QVariant &e : elements)
        children.push_back(Child{e.toString(), handler(e)});
    return std::make_shared<ListSource>(std::move(children));
}

} // namespace

QCoro::Task<void> processConcurrently(Ctx ctx, std::shared_ptr<Source> source, FanOutOptions options)
{
    options.returnExceptions = false;
    co_await supervise(ctx, fanOutPolicy(QStringLiteral("process_concurrently"), options), std::move(source));
}

QCoro::Task<QVariantList> executeConcurrently(Ctx ctx, std::shared_ptr<Source> source, FanOutOptions options)
{
    options.ignoreExceptions = false;
    const SupervisorResult result = co_await supervise(ctx, fanOutPolicy(QStringLiteral("execute_concurrently"), options), std::move(source));
    co_return valuesOf(result, true);
}

QCoro::Task<QVariantList> executeConcurrently(Ctx ctx, Handler handler, QVariantList elements, FanOutOptions options)
{
    return executeConcurrently(ctx, elementsSource(std::move(handler), elements), options);
}

QCoro::Task<QVariantList> concurrently(Ctx ctx, std::shared_ptr<Source> source, FanOutOptions options)
{
    options.ignoreExceptions = false;
    const SupervisorResult result = co_await supervise(ctx, fanOutPolicy(QStringLiteral("concurrently"), options), std::move(source));
    co_return valuesOf(result, true);
}

} // namespace engine::haiway
