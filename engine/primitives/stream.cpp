#include "stream.h"

#include "../value.h"

namespace engine {

StreamSendAwaiter::StreamSendAwaiter(Stream &stream, Ctx ctx, QVariant value)
    : HandoffAwaiter(ctx.rt, ctx.task, WaitReason::QueuePut)
    , m_stream(stream)
    , m_item(std::move(value))
{
}

bool StreamSendAwaiter::await_ready()
{
    if (CheckpointAwaiter::await_ready())
        return true;
    if (m_stream.m_finished)
        return false;   // nobody will ever take it: the producer waits until it is cancelled
    if (const WaitList::Waiter *consumer = m_stream.m_consumer.front(*m_rt)) {
        static_cast<HandoffAwaiter *>(consumer->slot)->commit(m_item);
        m_stream.m_consumer.wakeFirst(*m_rt);
        m_stream.emitted(m_task, m_item);
        commit();
        return true;
    }
    return false;
}

void StreamSendAwaiter::await_suspend(std::coroutine_handle<> h)
{
    m_stream.m_senders.add(*m_rt, m_task, h, WaitReason::QueuePut, static_cast<HandoffAwaiter *>(this));
}

StreamNextAwaiter::StreamNextAwaiter(Stream &stream, Ctx ctx)
    : HandoffAwaiter(ctx.rt, ctx.task, WaitReason::StreamPull)
    , m_stream(stream)
{
}

bool StreamNextAwaiter::await_ready()
{
    if (CheckpointAwaiter::await_ready())
        return true;
    // The end comes first: an item still offered after finish() is never taken.
    if (m_stream.m_finished) {
        m_end = true;
        if (m_stream.m_error)
            fail(*m_stream.m_error);
        else
            commit();
        return true;
    }
    if (const WaitList::Waiter *sender = m_stream.m_senders.front(*m_rt)) {
        auto *send = static_cast<StreamSendAwaiter *>(static_cast<HandoffAwaiter *>(sender->slot));
        commit(send->item());
        m_stream.emitted(sender->task, send->item());
        send->commit();
        m_stream.m_senders.wakeFirst(*m_rt);
        return true;
    }
    return false;
}

void StreamNextAwaiter::await_suspend(std::coroutine_handle<> h)
{
    m_stream.m_consumer.add(*m_rt, m_task, h, WaitReason::StreamPull, static_cast<HandoffAwaiter *>(this));
}

std::optional<QVariant> StreamNextAwaiter::await_resume()
{
    settle();
    if (m_end)
        return std::nullopt;
    return std::move(m_value);
}

void Stream::emitted(TaskId producer, const QVariant &value)
{
    m_rt.recordValue(producer, value);
}

void Stream::finish(std::optional<Error> error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = std::move(error);
    if (const WaitList::Waiter *consumer = m_consumer.front(m_rt)) {
        auto *next = static_cast<StreamNextAwaiter *>(static_cast<HandoffAwaiter *>(consumer->slot));
        next->markEnd();
        if (m_error)
            next->fail(*m_error);
        else
            next->commit();
        m_consumer.wakeFirst(m_rt);
    }
    // Items still being offered are dropped: their producers stay blocked in send() until the
    // consumer's clean-up cancels them (haiway: an untaken item is never delivered).
}

} // namespace engine
