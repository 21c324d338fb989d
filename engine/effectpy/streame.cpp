#include "streame.h"

#include "streammerge.h"
#include "taskset.h"
#include "timeout.h"

#include "../value.h"

namespace engine::effectpy {

namespace {

// State shared by a via_effect stage's workers (effectpy's `active` counter and close-once flag).
struct StageState
{
    int active = 1;
    bool outClosed = false;
};

void closeOutOnce(StageState &stage, Queue &out)
{
    if (stage.outClosed)
        return;
    stage.outClosed = true;
    out.close();
}

// `except BaseException as ex: await err.send(ex)`: the error (a cancellation as CancelledError)
// goes to the error queue, noted on the sending task.
QCoro::Task<void> sendError(Ctx ctx, std::shared_ptr<Queue> err, std::exception_ptr error)
{
    const Error e = isCancelled(error) ? Error::plain(QStringLiteral("CancelledError"), {}, ctx.task) : Error::fromException(error);
    note(ctx, QStringLiteral("error queue <- %1").arg(e.describe()));
    const QVariant payload = QVariant::fromValue(e);
    co_await err->send(ctx, payload);
}

// A stage forwards `item`; once `out` took it, it is recorded as a value the stage emitted.
// Returns false if `out` is closed: the item is dropped and, as every stage does when downstream
// closed early, the stage closes its input to stop processing.
QCoro::Task<bool> forward(Ctx ctx, std::shared_ptr<Queue> in, std::shared_ptr<Queue> out, QVariant item)
{
    QCoro::Task<bool> sending = out->trySend(ctx, item);
    if (!co_await sending) {
        in->close();
        co_return false;
    }
    ctx.rt->recordValue(ctx.task, item);
    co_return true;
}

// The next item from `in`; once `in` is closed and drained, the single-worker stage closes `out`
// and there is none.
QCoro::Task<std::optional<QVariant>> next(Ctx ctx, std::shared_ptr<Queue> in, std::shared_ptr<Queue> out)
{
    QCoro::Task<std::optional<QVariant>> receiving = in->tryReceive(ctx);
    std::optional<QVariant> x = co_await receiving;
    if (!x)
        out->close();
    co_return x;
}

QCoro::Task<Value> sendTimed(Ctx ctx, std::shared_ptr<Queue> out, std::shared_ptr<Queue> err,
                             std::vector<std::pair<Tick, QVariant>> items, std::optional<Error> failure)
{
    std::exception_ptr error;
    try {
        for (const auto &[delay, item] : items) {
            if (delay > 0)
                co_await ctx.sleep(delay);
            co_await out->send(ctx, item);
        }
        if (failure)
            throw *failure;
    } catch (...) {
        error = std::current_exception();
    }
    if (error && !ctx.rt->shuttingDown())
        co_await sendError(ctx, err, error);
    out->close();   // finally: await out.close()
    co_return Value();
}

// The part every stage shares: an input queue the upstream fills (a task), `workers` worker
// tasks, one yield, return.
template<typename MakeWorker>
QCoro::Task<Value> runStage(Ctx ctx, StreamE upstream, QString name, int capacity, std::shared_ptr<Queue> err,
                            int workers, MakeWorker makeWorker)
{
    auto in = std::make_shared<Queue>(*ctx.rt, capacity, name + QStringLiteral(" in"));
    auto set = TaskSet::open(ctx, name, TieBreak::Fifo);
    set->createTask(Effect(upstream.name(), [upstream, in, err](Ctx c) { return upstream.toQueues(c, in, err); }));
    for (int i = 1; i <= workers; ++i)
        set->createTask(makeWorker(in, workers == 1 ? name + QStringLiteral(" worker") : QStringLiteral("%1 worker %2").arg(name).arg(i)));
    set->release();   // fire and forget: the scope closes with the last of its tasks
    co_await ctx.sleep(0);   // "Allow tasks to start"
    co_return Value();
}

QCoro::Task<Value> viaWorker(Ctx ctx, std::shared_ptr<Queue> in, std::shared_ptr<Queue> out, std::shared_ptr<Queue> err,
                             StreamE::Stage f, std::shared_ptr<StageState> stage)
{
    while (true) {
        QCoro::Task<std::optional<QVariant>> receiving = in->tryReceive(ctx);
        const std::optional<QVariant> next = co_await receiving;
        if (!next) {
            // Upstream finished; the last worker closes downstream.
            if (--stage->active == 0)
                closeOutOnce(*stage, *out);
            co_return Value();
        }
        const QVariant x = *next;
        std::exception_ptr error;
        Value y;
        try {
            const Effect effect = f(x);
            y = co_await effect.body(ctx);
        } catch (...) {
            error = std::current_exception();
        }
        if (error) {
            if (ctx.rt->shuttingDown())
                std::rethrow_exception(error);
            co_await sendError(ctx, err, error);
            in->close();
            closeOutOnce(*stage, *out);
            co_return Value();
        }
        const bool sent = co_await forward(ctx, in, out, y);
        if (!sent)
            co_return Value();
    }
}

QCoro::Task<Value> receiveOnce(Ctx ctx, std::shared_ptr<Queue> in)
{
    co_return co_await in->receive(ctx);
}

QCoro::Task<Value> timeoutWorker(Ctx ctx, std::shared_ptr<Queue> in, std::shared_ptr<Queue> out, std::shared_ptr<Queue> err, Tick seconds)
{
    const Effect receive(QStringLiteral("receive"), [in](Ctx c) { return receiveOnce(c, in); });
    while (true) {
        Value x;
        std::exception_ptr error;
        try {
            x = co_await waitFor(ctx, receive, std::max<Tick>(seconds, 0));
        } catch (...) {
            error = std::current_exception();
        }
        if (error && !isCancelled(error) && Error::fromException(error).type() == QLatin1String("TimeoutError")) {
            co_await sendError(ctx, err, error);
            in->close();
            out->close();
            co_return Value();
        }
        if (isQueueClosed(error)) {
            out->close();
            co_return Value();
        }
        if (error)
            std::rethrow_exception(error);
        const bool sent = co_await forward(ctx, in, out, x);
        if (!sent)
            co_return Value();
    }
}

QCoro::Task<Value> throttleWorker(Ctx ctx, std::shared_ptr<Queue> in, std::shared_ptr<Queue> out, Tick period)
{
    while (true) {
        QCoro::Task<std::optional<QVariant>> receiving = next(ctx, in, out);
        const std::optional<QVariant> x = co_await receiving;
        if (!x)
            co_return Value();
        co_await ctx.sleep(period);
        const bool sent = co_await forward(ctx, in, out, *x);
        if (!sent)
            co_return Value();
    }
}

QCoro::Task<Value> filterWorker(Ctx ctx, std::shared_ptr<Queue> in, std::shared_ptr<Queue> out, std::shared_ptr<Queue> err,
                                std::function<bool(const Value &)> keep)
{
    while (true) {
        QCoro::Task<std::optional<QVariant>> receiving = next(ctx, in, out);
        const std::optional<QVariant> x = co_await receiving;
        if (!x)
            co_return Value();
        bool pass = false;
        std::exception_ptr error;
        try {
            pass = keep(*x);
        } catch (...) {
            error = std::current_exception();
        }
        if (error) {
            co_await sendError(ctx, err, error);
            in->close();
            out->close();
            co_return Value();
        }
        if (!pass) {
            note(ctx, QStringLiteral("filter drops %1").arg(describeValue(*x)));
            continue;
        }
        const bool sent = co_await forward(ctx, in, out, *x);
        if (!sent)
            co_return Value();
    }
}

QCoro::Task<Value> takeWorker(Ctx ctx, std::shared_ptr<Queue> in, std::shared_ptr<Queue> out, int n)
{
    int remaining = n;
    while (remaining > 0) {
        QCoro::Task<std::optional<QVariant>> receiving = next(ctx, in, out);
        const std::optional<QVariant> x = co_await receiving;
        if (!x)
            co_return Value();
        const bool sent = co_await forward(ctx, in, out, *x);
        if (!sent)
            co_return Value();
        --remaining;
    }
    // Taken enough (or n <= 0): close both ends, upstream and downstream.
    in->close();
    out->close();
    co_return Value();
}

QCoro::Task<Value> runStream(Ctx ctx, StreamE stream, Sink sink)
{
    Runtime &rt = *ctx.rt;
    auto out = std::make_shared<Queue>(rt, 0, stream.name());
    auto err = std::make_shared<Queue>(rt, 0, stream.name() + QStringLiteral(" errors"));
    auto set = TaskSet::open(ctx, QStringLiteral("run"), TieBreak::Fifo);
    set->createTask(Effect(stream.name(), [stream, out, err](Ctx c) { return stream.toQueues(c, out, err); }));
    set->release();   // never awaited: the scope closes when the build's tasks end
    co_return co_await Sink::run(ctx, std::move(sink), out, err);
}

QCoro::Task<QVariantList> collectAll(Ctx ctx, StreamE stream)
{
    const Value items = co_await runStream(ctx, std::move(stream), Sink::collect());
    co_return items.toList();
}

} // namespace

StreamE::StreamE(QString name, Build build)
    : m_name(std::move(name))
    , m_build(std::move(build))
{
}

StreamE StreamE::fromIterable(const QString &name, QVariantList items)
{
    std::vector<std::pair<Tick, QVariant>> timed;
    for (const QVariant &item : items)
        timed.emplace_back(0, item);
    return fromTimed(name, std::move(timed));
}

StreamE StreamE::fromTimed(const QString &name, std::vector<std::pair<Tick, QVariant>> items, std::optional<Error> error)
{
    return StreamE(name, [items = std::move(items), error](Ctx ctx, std::shared_ptr<Queue> out, std::shared_ptr<Queue> err) {
        return sendTimed(ctx, std::move(out), std::move(err), items, error);
    });
}

StreamE StreamE::viaEffect(Stage f, int workers, int outCapacity) const
{
    return viaEffectNamed(std::move(f), workers, outCapacity, m_name + QStringLiteral(".via_effect(%1)").arg(std::max(1, workers)));
}

StreamE StreamE::viaEffectNamed(Stage f, int workers, int outCapacity, const QString &name) const
{
    const int n = std::max(1, workers);
    return StreamE(name, [upstream = *this, f = std::move(f), n, outCapacity, name](Ctx ctx, std::shared_ptr<Queue> out, std::shared_ptr<Queue> err) {
        auto stage = std::make_shared<StageState>();
        stage->active = n;
        auto makeWorker = [out, err, f, stage](const std::shared_ptr<Queue> &in, const QString &worker) {
            return Effect(worker, [in, out, err, f, stage](Ctx c) { return viaWorker(c, in, out, err, f, stage); });
        };
        return runStage(ctx, upstream, name, std::max(0, outCapacity), err, n, makeWorker);
    });
}

StreamE StreamE::timeout(Tick seconds) const
{
    const QString name = m_name + QStringLiteral(".timeout(%1)").arg(seconds);
    return StreamE(name, [upstream = *this, seconds, name](Ctx ctx, std::shared_ptr<Queue> out, std::shared_ptr<Queue> err) {
        auto makeWorker = [out, err, seconds](const std::shared_ptr<Queue> &in, const QString &worker) {
            return Effect(worker, [in, out, err, seconds](Ctx c) { return timeoutWorker(c, in, out, err, seconds); });
        };
        return runStage(ctx, upstream, name, 0, err, 1, makeWorker);
    });
}

StreamE StreamE::throttle(Tick period) const
{
    const Tick delay = std::max<Tick>(period, 0);
    const QString name = m_name + QStringLiteral(".throttle(%1)").arg(delay);
    return StreamE(name, [upstream = *this, delay, name](Ctx ctx, std::shared_ptr<Queue> out, std::shared_ptr<Queue> err) {
        auto makeWorker = [out, delay](const std::shared_ptr<Queue> &in, const QString &worker) {
            return Effect(worker, [in, out, delay](Ctx c) { return throttleWorker(c, in, out, delay); });
        };
        return runStage(ctx, upstream, name, 0, err, 1, makeWorker);
    });
}

StreamE StreamE::map(std::function<Value(const Value &)> f, int workers, int outCapacity) const
{
    return viaEffectNamed([f = std::move(f)](const Value &item) { return succeed(QStringLiteral("map"), f(item)); }, workers,
                          outCapacity, m_name + QStringLiteral(".map()"));
}

StreamE StreamE::buffer(int capacity) const
{
    const int n = std::max(0, capacity);
    return viaEffectNamed([](const Value &item) { return succeed(QStringLiteral("identity"), item); }, 1, n,
                          m_name + QStringLiteral(".buffer(%1)").arg(n));
}

StreamE StreamE::filter(std::function<bool(const Value &)> keep) const
{
    const QString name = m_name + QStringLiteral(".filter()");
    return StreamE(name, [upstream = *this, keep = std::move(keep), name](Ctx ctx, std::shared_ptr<Queue> out, std::shared_ptr<Queue> err) {
        auto makeWorker = [out, err, keep](const std::shared_ptr<Queue> &in, const QString &worker) {
            return Effect(worker, [in, out, err, keep](Ctx c) { return filterWorker(c, in, out, err, keep); });
        };
        return runStage(ctx, upstream, name, 0, err, 1, makeWorker);
    });
}

StreamE StreamE::take(int n) const
{
    const int count = std::max(0, n);
    const QString name = m_name + QStringLiteral(".take(%1)").arg(count);
    return StreamE(name, [upstream = *this, count, name](Ctx ctx, std::shared_ptr<Queue> out, std::shared_ptr<Queue> err) {
        auto makeWorker = [out, count](const std::shared_ptr<Queue> &in, const QString &worker) {
            return Effect(worker, [in, out, count](Ctx c) { return takeWorker(c, in, out, count); });
        };
        return runStage(ctx, upstream, name, 0, err, 1, makeWorker);
    });
}

StreamE StreamE::merge(const StreamE &other) const
{
    return StreamE(m_name + QStringLiteral(".merge(") + other.m_name + QLatin1Char(')'),
                   [left = *this, right = other](Ctx ctx, std::shared_ptr<Queue> out, std::shared_ptr<Queue> err) {
                       // Both upstreams send their errors into the merged stream's error queue.
                       auto upstream = [err](const StreamE &s) {
                           return MergeUpstream{s.name(), [s, err](std::shared_ptr<Queue> q) {
                                                    return Effect(s.name(), [s, q, err](Ctx c) { return s.toQueues(c, q, err); });
                                                }};
                       };
                       return mergeInto(ctx, upstream(left), upstream(right), std::move(out));
                   });
}

QCoro::Task<Value> StreamE::toQueues(Ctx ctx, std::shared_ptr<Queue> out, std::shared_ptr<Queue> err) const
{
    return m_build(ctx, std::move(out), std::move(err));
}

QCoro::Task<Value> StreamE::run(Ctx ctx, Sink sink) const
{
    return runStream(ctx, *this, std::move(sink));
}

QCoro::Task<QVariantList> StreamE::runCollect(Ctx ctx) const
{
    return collectAll(ctx, *this);
}

} // namespace engine::effectpy
