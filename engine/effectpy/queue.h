#pragma once

#include "../primitives/queue.h"

#include <optional>

namespace engine::effectpy {

/// effectpy `Queue(maxsize=0)` on the engine's FIFO queue: send blocks while full, receive while
/// empty (both checkpoints). After close(), send raises QueueClosed('send on closed queue') and
/// receive raises QueueClosed('receive on closed and drained queue') once the buffer is empty.
/// One deviation: a sender already blocked on a full queue when it is closed gets QueueClosed at
/// once, where effectpy's Condition loop would keep it waiting for room.
class Queue
{
public:
    /// `maxsize` 0 = unbounded.
    Queue(Runtime &rt, int maxsize = 0, QString name = QStringLiteral("queue"));
    /// send(item).
    QCoro::Task<void> send(Ctx ctx, QVariant item);
    /// receive().
    QCoro::Task<QVariant> receive(Ctx ctx);
    /// send() for the stream stages that stop quietly on a closed queue: false instead of raising.
    QCoro::Task<bool> trySend(Ctx ctx, QVariant item);
    /// receive() likewise: nullopt once the queue is closed and drained, instead of raising.
    QCoro::Task<std::optional<QVariant>> tryReceive(Ctx ctx);
    /// close(): wakes every waiter (effectpy's is async only to take its lock).
    void close() { m_queue.close(); }
    bool closed() const { return m_queue.isClosed(); }
    int size() const { return m_queue.size(); }

private:
    engine::Queue m_queue;
};

/// True if `error` is effectpy's QueueClosed (not a cancellation, not another error).
bool isQueueClosed(const std::exception_ptr &error);

} // namespace engine::effectpy
