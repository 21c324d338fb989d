#include "sink.h"

#include "taskset.h"

#include <QVariantList>

#include <algorithm>

namespace engine::effectpy {

namespace {

// recv_safe(q): the next item, or CLOSED (flagged in `closed`) once the queue is closed and drained.
QCoro::Task<Value> recvSafe(Ctx ctx, std::shared_ptr<Queue> queue, std::shared_ptr<bool> closed)
{
    QCoro::Task<std::optional<QVariant>> receiving = queue->tryReceive(ctx);
    const std::optional<QVariant> item = co_await receiving;
    if (!item) {
        *closed = true;
        co_return QStringLiteral("CLOSED");
    }
    co_return *item;
}

Effect receiver(const QString &name, const std::shared_ptr<Queue> &queue, const std::shared_ptr<bool> &closed)
{
    return Effect(name, [queue, closed](Ctx ctx) { return recvSafe(ctx, queue, closed); });
}

// The error-queue payload as the exception it stands for.
std::exception_ptr asException(const Value &payload, TaskId origin)
{
    if (payload.canConvert<Error>() && payload.userType() == qMetaTypeId<Error>())
        return std::make_exception_ptr(payload.value<Error>());
    return std::make_exception_ptr(Error::plain(QStringLiteral("RuntimeError"), QStringLiteral("unknown stream error"), origin));
}

} // namespace

Sink::Sink(Kind kind, Value initial, Fold step)
    : m_kind(kind)
    , m_initial(std::move(initial))
    , m_step(std::move(step))
{
}

Sink Sink::fold(Value initial, Fold step)
{
    return Sink(Kind::Fold, std::move(initial), std::move(step));
}

Sink Sink::collect()
{
    return fold(QVariantList(), [](const Value &acc, const Value &item) {
        QVariantList list = acc.toList();
        list << item;
        return Value(list);
    });
}

Sink Sink::head()
{
    return Sink(Kind::Head, {}, {});
}

Sink Sink::drain()
{
    return Sink(Kind::Drain, {}, {});
}

QString Sink::name() const
{
    switch (m_kind) {
    case Kind::Head: return QStringLiteral("sink_head");
    case Kind::Drain: return QStringLiteral("sink_drain");
    case Kind::Fold: break;
    }
    return QStringLiteral("sink_fold");
}

QCoro::Task<Value> Sink::run(Ctx ctx, Sink sink, std::shared_ptr<Queue> out, std::shared_ptr<Queue> err)
{
    Runtime &rt = *ctx.rt;
    auto set = TaskSet::open(ctx, sink.name(), TieBreak::Fifo);
    Value acc = sink.m_initial;
    std::exception_ptr raised;
    EventId cause = NoId;
    bool finished = false;
    while (!finished) {
        auto valueClosed = std::make_shared<bool>(false);
        auto errorClosed = std::make_shared<bool>(false);
        const TaskId tVal = set->createTask(receiver(QStringLiteral("recv_safe(out)"), out, valueClosed));
        const TaskId tErr = set->createTask(receiver(QStringLiteral("recv_safe(err)"), err, errorClosed));
        const std::vector<TaskId> both{tVal, tErr};
        Waited waited;
        try {
            waited = co_await set->wait(ctx, both, ReturnWhen::FirstCompleted);
        } catch (...) {
            raised = std::current_exception();   // the caller was cancelled: both tasks are left
        }
        if (raised)
            break;
        for (const TaskId p : waited.pending)
            set->cancel(p, QStringLiteral("the other queue answered first"));
        for (const TaskId p : waited.pending)
            co_await effectpy::drain(ctx, p);
        // Prioritize error if both somehow completed.
        const bool fromErr = std::find(waited.done.begin(), waited.done.end(), tErr) != waited.done.end();
        const TaskId d = fromErr ? tErr : tVal;
        const Value v = resultOf(rt, d);
        if (fromErr) {
            if (*errorClosed && sink.m_kind == Kind::Drain)
                break;   // sink_drain: the error queue closed is a normal end
            raised = asException(*errorClosed ? Value() : v, ctx.task);
            cause = rt.endEvent(d);
            break;
        }
        if (*valueClosed) {
            if (sink.m_kind != Kind::Fold)
                acc = Value();
            break;
        }
        switch (sink.m_kind) {
        case Kind::Fold:
            acc = sink.m_step(acc, v);
            break;
        case Kind::Head:
            acc = v;
            finished = true;
            break;
        case Kind::Drain:
            break;
        }
    }
    set->release();
    if (raised && !isCancelled(raised))
        set->raise(raised, cause);
    if (raised)
        std::rethrow_exception(raised);
    co_return acc;
}

} // namespace engine::effectpy
