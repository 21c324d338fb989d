#include "stream.h"

#include "taskset.h"

#include "../value.h"

namespace engine::effectpy {

namespace {

QCoro::Task<Value> sendAll(Ctx ctx, std::shared_ptr<Queue> out, QVariantList items)
{
    std::exception_ptr error;
    try {
        for (const QVariant &item : items)
            co_await out->send(ctx, item);
    } catch (...) {
        error = std::current_exception();
    }
    out->close();   // finally: await out.close()
    if (error)
        std::rethrow_exception(error);
    co_return Value();
}

QCoro::Task<Value> sendTimed(Ctx ctx, std::shared_ptr<Queue> out, std::vector<std::pair<Tick, QVariant>> items)
{
    std::exception_ptr error;
    try {
        for (const auto &[delay, item] : items) {
            co_await ctx.sleep(delay);
            co_await out->send(ctx, item);
        }
    } catch (...) {
        error = std::current_exception();
    }
    out->close();
    if (error)
        std::rethrow_exception(error);
    co_return Value();
}

// merge's pump(src): forwards until the source is closed (or the output is).
QCoro::Task<Value> pump(Ctx ctx, std::shared_ptr<Queue> source, std::shared_ptr<Queue> out)
{
    while (true) {
        QCoro::Task<std::optional<QVariant>> receiving = source->tryReceive(ctx);
        const std::optional<QVariant> item = co_await receiving;
        if (!item)
            co_return Value();
        ctx.rt->record(EventKind::ValueEmitted, ctx.task, NoId, NoId, NoId, describeValue(*item));
        QCoro::Task<bool> sending = out->trySend(ctx, *item);
        if (!co_await sending)
            co_return Value();
    }
}

QCoro::Task<Value> runMerge(Ctx ctx, Stream left, Stream right, std::shared_ptr<Queue> out)
{
    Runtime &rt = *ctx.rt;
    auto set = TaskSet::open(ctx, QStringLiteral("merge"), TieBreak::Fifo);
    auto q1 = std::make_shared<Queue>(rt, 0, left.name());
    auto q2 = std::make_shared<Queue>(rt, 0, right.name());
    // The upstreams are fire-and-forget tasks: nobody awaits or cancels them.
    set->createTask(Effect(left.name(), [left, q1](Ctx c) { return left.toQueue(c, q1); }));
    set->createTask(Effect(right.name(), [right, q2](Ctx c) { return right.toQueue(c, q2); }));
    const TaskId t1 = set->createTask(Effect(QStringLiteral("pump ") + left.name(), [q1, out](Ctx c) { return pump(c, q1, out); }));
    const TaskId t2 = set->createTask(Effect(QStringLiteral("pump ") + right.name(), [q2, out](Ctx c) { return pump(c, q2, out); }));
    const std::vector<TaskId> pumps{t1, t2};
    std::exception_ptr error;
    try {
        co_await set->gather(ctx, pumps);
    } catch (...) {
        error = std::current_exception();
    }
    set->release();
    if (error)
        std::rethrow_exception(error);
    out->close();
    co_return Value();
}

} // namespace

QCoro::Task<QVariantList> collect(Ctx ctx, Stream stream);

Stream::Stream(QString name, Build build)
    : m_name(std::move(name))
    , m_build(std::move(build))
{
}

Stream Stream::fromIterable(const QString &name, QVariantList items)
{
    return Stream(name, [items](Ctx ctx, std::shared_ptr<Queue> out) { return sendAll(ctx, std::move(out), items); });
}

Stream Stream::fromTimed(const QString &name, std::vector<std::pair<Tick, QVariant>> items)
{
    return Stream(name, [items](Ctx ctx, std::shared_ptr<Queue> out) { return sendTimed(ctx, std::move(out), items); });
}

Stream Stream::merge(const Stream &other) const
{
    return Stream(m_name + QStringLiteral(".merge(") + other.m_name + QLatin1Char(')'),
                  [left = *this, right = other](Ctx ctx, std::shared_ptr<Queue> out) { return runMerge(ctx, left, right, std::move(out)); });
}

QCoro::Task<Value> Stream::toQueue(Ctx ctx, std::shared_ptr<Queue> out) const
{
    return m_build(ctx, std::move(out));
}

QCoro::Task<QVariantList> Stream::runCollect(Ctx ctx) const
{
    return collect(ctx, *this);
}

QCoro::Task<QVariantList> collect(Ctx ctx, Stream stream)
{
    Runtime &rt = *ctx.rt;
    auto out = std::make_shared<Queue>(rt, 0, stream.name());
    auto set = TaskSet::open(ctx, QStringLiteral("run_collect"), TieBreak::Fifo);
    set->createTask(Effect(stream.name(), [stream, out](Ctx c) { return stream.toQueue(c, out); }));
    set->release();   // never awaited: the scope closes when the producer ends
    QVariantList results;
    while (true) {
        QCoro::Task<std::optional<QVariant>> receiving = out->tryReceive(ctx);
        const std::optional<QVariant> item = co_await receiving;
        if (!item)
            break;
        results << *item;
    }
    co_return results;
}

} // namespace engine::effectpy
