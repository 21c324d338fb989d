#include "aiotasks.h"

#include "../supervisor.h"

namespace engine::aiotasks {

// What travels through the output queue.
struct Concurrent::Item
{
    enum Kind { Result, ExecutionError, BadInput, IteratorError, End } kind = Result;
    QVariant value;
};

} // namespace engine::aiotasks

Q_DECLARE_METATYPE(engine::aiotasks::Concurrent::Item)

namespace engine::aiotasks {

namespace {

QVariant item(Concurrent::Item::Kind kind, QVariant value = {})
{
    return QVariant::fromValue(Concurrent::Item{kind, std::move(value)});
}

} // namespace

int defaultLimit(int cpuCount)
{
    return std::min(32, std::max(cpuCount, 1) + 4);
}

Concurrent::Concurrent(Ctx ctx, ConcurrentOptions options)
    : m_rt(*ctx.rt)
    , m_options(options)
{
    const int limit = options.limit == 0 ? defaultLimit(options.cpuCount) : options.limit;
    if (limit > 0)
        m_slots = std::make_unique<Semaphore>(m_rt, limit, QStringLiteral("concurrent() limit"));
    m_out = std::make_unique<Queue>(m_rt, 0, QStringLiteral("concurrent() results"));
    ScopeOptions scope;
    scope.name = QStringLiteral("concurrent()");
    scope.kind = ScopeKind::Helper;
    scope.detached = true;   // asyncio tasks: the consumer's cancellation does not reach them
    m_scope = m_rt.openScope(ctx.task, scope);
    m_rt.leaveScope(ctx.task, m_scope);
}

std::shared_ptr<Concurrent> Concurrent::start(Ctx ctx, std::shared_ptr<Source> source, ConcurrentOptions options)
{
    std::shared_ptr<Concurrent> self(new Concurrent(ctx, options));
    self->m_submitter = ctx.rt->spawn(self->m_scope, QStringLiteral("submit"),
                                      [self, source](Ctx c) { return submit(c, self, source); },
                                      StartPolicy::Deferred);
    return self;
}

void Concurrent::deliver(const QVariant &value)
{
    // on_task_complete returns early once the iterator decided to fail: late results are dropped.
    if (m_closed)
        return;
    // The output queue is unbounded: this put never suspends, so it can be driven to completion here.
    const Ctx ctx{&m_rt, m_rt.current()};
    auto put = m_out->put(ctx, value);
    const bool done = put.await_ready();
    Q_ASSERT(done);
    Q_UNUSED(done);
}

void Concurrent::taskEnded()
{
    --m_running;
    if (m_submitted && m_running == 0)
        deliver(item(Item::End));
}

QCoro::Task<Value> Concurrent::runChild(Ctx ctx, std::shared_ptr<Concurrent> self, Body body)
{
    Value value;
    std::exception_ptr error;
    try {
        value = co_await body(ctx);
    } catch (...) {
        error = std::current_exception();
    }
    // The result is queued before the slot is freed: the consumer runs before the submitter.
    if (error)
        self->deliver(item(Item::ExecutionError, QVariant::fromValue(
                                                     Error::wrapped(QStringLiteral("ConcurrentExecutionError"), Error::fromException(error)))));
    else
        self->deliver(item(Item::Result, value));
    if (self->m_slots)
        self->m_slots->release(ctx.task);
    self->taskEnded();
    if (error)
        std::rethrow_exception(error);
    co_return value;
}

QCoro::Task<Value> Concurrent::submit(Ctx ctx, std::shared_ptr<Concurrent> self, std::shared_ptr<Source> source)
{
    Runtime &rt = *ctx.rt;
    ++self->m_running;   // the submitter counts until it is done, so End cannot come early
    std::exception_ptr failure;
    try {
        while (true) {
            // Pull first, then wait for a slot: one item ahead of the free slots.
            std::optional<Child> next = co_await source->next(ctx);
            if (!next)
                break;
            rt.record(EventKind::ItemPulled, ctx.task, self->m_scope, NoId, NoId, next->name);
            if (!next->body) {
                self->deliver(item(Item::BadInput, QVariant::fromValue(Error::plain(
                                                       QStringLiteral("ConcurrentError"),
                                                       QStringLiteral("Provided input was not a coroutine: %1").arg(next->name)))));
                continue;
            }
            if (self->m_slots)
                co_await self->m_slots->acquire(ctx);
            ++self->m_running;
            rt.spawn(self->m_scope, next->name, [self, body = std::move(next->body)](Ctx c) { return runChild(c, self, body); },
                     StartPolicy::Deferred);
        }
    } catch (...) {
        failure = std::current_exception();
    }
    if (failure && !isCancelled(failure))
        self->deliver(item(Item::IteratorError, QVariant::fromValue(
                                                    Error::wrapped(QStringLiteral("ConcurrentIteratorError"), Error::fromException(failure)))));
    self->m_submitted = true;
    self->taskEnded();
    if (failure && isCancelled(failure))
        std::rethrow_exception(failure);
    co_return {};
}

QCoro::Task<void> Concurrent::shutdown(Ctx ctx)
{
    // cancel(): close the iterator, cancel the running tasks and the submitter, and wait for them.
    m_closed = true;
    m_rt.cancelScope(m_scope, ctx.task, QStringLiteral("concurrent() raises"));
    co_await ctx.waitChildren(m_scope, false);
    m_rt.closeScope(m_scope, nullptr);
}

QCoro::Task<std::optional<Value>> Concurrent::next(Ctx ctx)
{
    if (m_finished)
        co_return std::nullopt;
    const QVariant raw = co_await m_out->get(ctx);
    const Item got = raw.value<Item>();
    switch (got.kind) {
    case Item::Result:
        co_return got.value;
    case Item::End:
        m_finished = true;
        m_rt.closeScope(m_scope, nullptr);
        co_return std::nullopt;
    case Item::ExecutionError:
    case Item::BadInput:
        if (m_options.yieldExceptions)
            co_return got.value;
        break;
    case Item::IteratorError:
        break;   // always raised, even with yield_exceptions
    }
    m_finished = true;
    co_await shutdown(ctx);
    const Error error = got.value.value<Error>();
    m_rt.record(EventKind::ErrorsGrouped, ctx.task, m_scope, NoId, NoId, error.describe());
    throw error;
}

QCoro::Task<QVariantList> concurrentList(Ctx ctx, std::shared_ptr<Source> source, ConcurrentOptions options)
{
    const std::shared_ptr<Concurrent> it = Concurrent::start(ctx, std::move(source), options);
    QVariantList values;
    while (true) {
        std::optional<Value> v = co_await it->next(ctx);
        if (!v)
            break;
        values << *v;
    }
    co_return values;
}

QCoro::Task<QVariantList> inflate(Ctx ctx, std::vector<Inflatable> objects, ConcurrentOptions options)
{
    // Each object becomes one awaitable: gather(sleep(0, result=obj), *cb(obj), return_exceptions=True),
    // raising the first sub-error (the TODO in aio.tasks: yield_exceptions is not respected there).
    std::vector<Child> children;
    for (Inflatable &o : objects) {
        const QString object = o.object;
        auto awaitables = std::make_shared<std::vector<Child>>(std::move(o.awaitables));
        children.push_back(Child{object, [object, awaitables](Ctx c) -> QCoro::Task<Value> {
                                     SupervisorPolicy gather;
                                     gather.name = QStringLiteral("gather(%1)").arg(object);
                                     gather.onChildError = OnChildError::Continue;
                                     gather.raiseChildErrors = false;
                                     const SupervisorResult r = co_await supervise(c, gather, *awaitables);
                                     for (const ChildOutcome &outcome : r.done)
                                         if (outcome.error)
                                             throw *outcome.error;
                                     co_return object;
                                 }});
    }
    options.yieldExceptions = false;
    co_return co_await concurrentList(ctx, std::make_shared<ListSource>(std::move(children)), options);
}

} // namespace engine::aiotasks
