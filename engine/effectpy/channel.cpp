#include "channel.h"

namespace engine::effectpy {

Channel::Channel(Runtime &rt, int maxsize, QString name)
    : m_queue(rt, maxsize, std::move(name))
{
}

QCoro::Task<void> Channel::send(Ctx ctx, QVariant item)
{
    if (m_closed)
        throw Error::plain(QStringLiteral("RuntimeError"), QStringLiteral("send on closed channel"), ctx.task);
    auto put = m_queue.put(ctx, std::move(item));
    co_await put;
}

QCoro::Task<QVariant> Channel::receive(Ctx ctx)
{
    auto get = m_queue.get(ctx);
    co_return co_await get;
}

} // namespace engine::effectpy
