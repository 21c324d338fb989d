#include "queue.h"

namespace engine {

QueuePutAwaiter::QueuePutAwaiter(Queue &queue, Ctx ctx, QVariant value)
    : HandoffAwaiter(ctx.rt, ctx.task, WaitReason::QueuePut)
    , m_queue(queue)
    , m_item(std::move(value))
{
}

bool QueuePutAwaiter::await_ready()
{
    if (CheckpointAwaiter::await_ready())
        return true;
    if (m_queue.m_closed) {
        fail(Queue::closedError(m_queue.m_name));
        return true;
    }
    if (const WaitList::Waiter *getter = m_queue.m_getters.front(*m_rt)) {
        // Someone is waiting on an empty queue: hand the item straight over.
        static_cast<HandoffAwaiter *>(getter->slot)->commit(m_item);
        m_queue.m_getters.wakeFirst(*m_rt);
        commit();
        return true;
    }
    if (!m_queue.full()) {
        m_queue.m_items.push_back(m_item);
        commit();
        return true;
    }
    return false;
}

void QueuePutAwaiter::await_suspend(std::coroutine_handle<> h)
{
    m_queue.m_putters.add(*m_rt, m_task, h, WaitReason::QueuePut, static_cast<HandoffAwaiter *>(this));
}

QueueGetAwaiter::QueueGetAwaiter(Queue &queue, Ctx ctx)
    : HandoffAwaiter(ctx.rt, ctx.task, WaitReason::QueueGet)
    , m_queue(queue)
{
}

bool QueueGetAwaiter::await_ready()
{
    if (CheckpointAwaiter::await_ready())
        return true;
    if (!m_queue.m_items.empty()) {
        commit(std::move(m_queue.m_items.front()));
        m_queue.m_items.pop_front();
        m_queue.admitPutter();
        return true;
    }
    if (m_queue.m_closed) {
        fail(Queue::closedError(m_queue.m_name));
        return true;
    }
    return false;
}

void QueueGetAwaiter::await_suspend(std::coroutine_handle<> h)
{
    m_queue.m_getters.add(*m_rt, m_task, h, WaitReason::QueueGet, static_cast<HandoffAwaiter *>(this));
}

void QueuePutAwaiter::rollback()
{
    m_queue.takeBack(m_item);
}

void QueueGetAwaiter::rollback()
{
    m_queue.giveBack(std::move(m_value));
}

void Queue::giveBack(QVariant item)
{
    if (const WaitList::Waiter *getter = m_getters.front(m_rt)) {
        static_cast<HandoffAwaiter *>(getter->slot)->commit(std::move(item));
        m_getters.wakeFirst(m_rt);
        return;
    }
    m_items.push_front(std::move(item));
}

void Queue::takeBack(const QVariant &item)
{
    for (auto it = m_items.end(); it != m_items.begin();) {
        --it;
        if (*it == item) {
            m_items.erase(it);
            admitPutter();
            return;
        }
    }
}

Queue::Queue(Runtime &rt, int maxsize, QString name)
    : m_rt(rt)
    , m_name(std::move(name))
    , m_maxsize(std::max(maxsize, 0))
{
}

Error Queue::closedError(const QString &name)
{
    return Error::plain(QStringLiteral("QueueClosed"), name);
}

void Queue::admitPutter()
{
    if (full())
        return;
    if (const WaitList::Waiter *putter = m_putters.front(m_rt)) {
        auto *awaiter = static_cast<QueuePutAwaiter *>(static_cast<HandoffAwaiter *>(putter->slot));
        m_items.push_back(awaiter->item());
        awaiter->commit();
        m_putters.wakeFirst(m_rt);
    }
}

void Queue::close()
{
    if (m_closed)
        return;
    m_closed = true;
    const Error error = closedError(m_name);
    while (const WaitList::Waiter *w = m_putters.front(m_rt)) {
        static_cast<HandoffAwaiter *>(w->slot)->fail(error);
        m_putters.wakeFirst(m_rt);
    }
    // Getters only wait on an empty queue, so every one of them now sees "closed and drained".
    while (const WaitList::Waiter *w = m_getters.front(m_rt)) {
        static_cast<HandoffAwaiter *>(w->slot)->fail(error);
        m_getters.wakeFirst(m_rt);
    }
}

} // namespace engine
