#include "queue.h"

namespace engine::effectpy {

namespace {

Error queueClosed(const QString &what, TaskId origin)
{
    return Error::plain(QStringLiteral("QueueClosed"), what, origin);
}

} // namespace

bool isQueueClosed(const std::exception_ptr &error)
{
    return error && !isCancelled(error) && Error::fromException(error).type() == QStringLiteral("QueueClosed");
}

Queue::Queue(Runtime &rt, int maxsize, QString name)
    : m_queue(rt, maxsize, std::move(name))
{
}

QCoro::Task<bool> Queue::trySend(Ctx ctx, QVariant item)
{
    std::exception_ptr error;
    try {
        auto put = m_queue.put(ctx, std::move(item));
        co_await put;
    } catch (...) {
        error = std::current_exception();
    }
    if (isQueueClosed(error))
        co_return false;
    if (error)
        std::rethrow_exception(error);
    co_return true;
}

QCoro::Task<std::optional<QVariant>> Queue::tryReceive(Ctx ctx)
{
    std::exception_ptr error;
    QVariant item;
    try {
        auto get = m_queue.get(ctx);
        item = co_await get;
    } catch (...) {
        error = std::current_exception();
    }
    if (isQueueClosed(error))
        co_return std::nullopt;
    if (error)
        std::rethrow_exception(error);
    co_return item;
}

QCoro::Task<void> Queue::send(Ctx ctx, QVariant item)
{
    QCoro::Task<bool> sending = trySend(ctx, std::move(item));
    if (!co_await sending)
        throw queueClosed(QStringLiteral("send on closed queue"), ctx.task);
}

QCoro::Task<QVariant> Queue::receive(Ctx ctx)
{
    QCoro::Task<std::optional<QVariant>> receiving = tryReceive(ctx);
    std::optional<QVariant> item = co_await receiving;
    if (!item)
        throw queueClosed(QStringLiteral("receive on closed and drained queue"), ctx.task);
    co_return *item;
}

} // namespace engine::effectpy
