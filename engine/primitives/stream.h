#pragma once

#include "handoff.h"
#include "../waitlist.h"

#include <optional>

namespace engine {

class Stream;

class StreamSendAwaiter : public HandoffAwaiter
{
public:
    StreamSendAwaiter(Stream &stream, Ctx ctx, QVariant value);
    bool await_ready();
    void await_suspend(std::coroutine_handle<> h);
    void await_resume() { settle(); }
    const QVariant &item() const { return m_item; }

private:
    Stream &m_stream;
    QVariant m_item;
};

class StreamNextAwaiter : public HandoffAwaiter
{
public:
    StreamNextAwaiter(Stream &stream, Ctx ctx);
    bool await_ready();
    void await_suspend(std::coroutine_handle<> h);
    /// The next item, or nullopt once the stream finished; raises the error it finished with.
    std::optional<QVariant> await_resume();
    void markEnd() { m_end = true; }

private:
    Stream &m_stream;
    bool m_end = false;
};

/// A one-consumer stream with back-pressure (haiway's AsyncStream): a producer's send() waits
/// until the consumer has taken the item, so each producer has at most one item in flight.
/// finish() ends it, optionally with an error the consumer gets at its next pull; items still
/// being offered, or offered later, are never taken (their producers wait to be cancelled).
class Stream
{
public:
    explicit Stream(Runtime &rt, QString name = {}) : m_rt(rt), m_name(std::move(name)) {}
    StreamSendAwaiter send(Ctx ctx, QVariant value) { return StreamSendAwaiter(*this, ctx, std::move(value)); }
    StreamNextAwaiter next(Ctx ctx) { return StreamNextAwaiter(*this, ctx); }
    void finish(std::optional<Error> error = std::nullopt);
    bool isFinished() const { return m_finished; }
    QString name() const { return m_name; }

private:
    friend class StreamSendAwaiter;
    friend class StreamNextAwaiter;
    void emitted(TaskId producer, const QVariant &value);

    Runtime &m_rt;
    QString m_name;
    bool m_finished = false;
    std::optional<Error> m_error;
    WaitList m_senders;
    WaitList m_consumer;
};

} // namespace engine
