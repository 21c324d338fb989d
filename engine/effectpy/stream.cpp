#include "stream.h"

#include "streammerge.h"
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
                  [left = *this, right = other](Ctx ctx, std::shared_ptr<Queue> out) {
                      const MergeUpstream first{left.name(), [left](std::shared_ptr<Queue> q) {
                                                    return Effect(left.name(), [left, q](Ctx c) { return left.toQueue(c, q); });
                                                }};
                      const MergeUpstream second{right.name(), [right](std::shared_ptr<Queue> q) {
                                                     return Effect(right.name(), [right, q](Ctx c) { return right.toQueue(c, q); });
                                                 }};
                      return mergeInto(ctx, first, second, std::move(out));
                  });
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
