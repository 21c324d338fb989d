#pragma once

#include "handoff.h"
#include "../waitlist.h"

#include <deque>

namespace engine {

class Queue;

class QueuePutAwaiter : public HandoffAwaiter
{
public:
    QueuePutAwaiter(Queue &queue, Ctx ctx, QVariant value);
    bool await_ready();
    void await_suspend(std::coroutine_handle<> h);
    void await_resume() { settle(); }
    const QVariant &item() const { return m_item; }

private:
    void rollback() override;
    Queue &m_queue;
    QVariant m_item;
};

class QueueGetAwaiter : public HandoffAwaiter
{
public:
    QueueGetAwaiter(Queue &queue, Ctx ctx);
    bool await_ready();
    void await_suspend(std::coroutine_handle<> h);
    QVariant await_resume()
    {
        settle();
        return std::move(m_value);
    }

private:
    void rollback() override;
    Queue &m_queue;
};

/// A FIFO queue with an optional bound and close() (effectpy Queue/Channel, asyncio.Queue):
/// put waits while full, get waits while empty; both are checkpoints. After close(), put raises
/// QueueClosed and get raises it once the queue is drained; waiters are woken with that error.
class Queue
{
public:
    /// `maxsize` 0 means unbounded.
    Queue(Runtime &rt, int maxsize = 0, QString name = {});
    QueuePutAwaiter put(Ctx ctx, QVariant value) { return QueuePutAwaiter(*this, ctx, std::move(value)); }
    QueueGetAwaiter get(Ctx ctx) { return QueueGetAwaiter(*this, ctx); }
    void close();
    bool isClosed() const { return m_closed; }
    int size() const { return int(m_items.size()); }
    int maxsize() const { return m_maxsize; }
    QString name() const { return m_name; }
    static Error closedError(const QString &name);

private:
    friend class QueuePutAwaiter;
    friend class QueueGetAwaiter;
    bool full() const { return m_maxsize > 0 && int(m_items.size()) >= m_maxsize; }
    /// After an item left: let the first blocked putter in.
    void admitPutter();
    /// A cancelled getter gives its item back: first in line again, for the next getter.
    void giveBack(QVariant item);
    /// A cancelled putter takes its item out again.
    void takeBack(const QVariant &item);

    Runtime &m_rt;
    QString m_name;
    int m_maxsize;
    bool m_closed = false;
    std::deque<QVariant> m_items;
    WaitList m_getters;
    WaitList m_putters;
};

} // namespace engine
