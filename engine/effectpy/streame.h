#pragma once

#include "effect.h"
#include "sink.h"

#include <QVariantList>

#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace engine::effectpy {

/// effectpy `StreamE`: a stream with an error channel. Its build sends items into an output Queue
/// and errors into an error Queue, and closes the output when done. Every stage runs as
/// fire-and-forget tasks (asyncio.create_task: nobody awaits or cancels them): the stage's own
/// run creates its upstream's task and its workers, yields once (asyncio.sleep(0)) and returns.
/// Nothing runs until the stream is run into a Sink.
class StreamE
{
public:
    /// The build: sends into `out` and `err`, closes `out` when done.
    using Build = std::function<QCoro::Task<Value>(Ctx ctx, std::shared_ptr<Queue> out, std::shared_ptr<Queue> err)>;
    /// via_effect's function: an item → the effect computing its output.
    using Stage = std::function<Effect(const Value &item)>;

    StreamE(QString name, Build build);
    /// StreamE.from_iterable(items): sends each item; an error goes to the error queue; the output
    /// is closed in any case.
    static StreamE fromIterable(const QString &name, QVariantList items);
    /// A source that takes time (the scenarios' "emit at t"; effectpy has none): waits `delay`
    /// before sending each (delay, item); then raises `error` if given (into the error queue, as
    /// from_iterable does with an iterator that raises); closes the output in any case.
    static StreamE fromTimed(const QString &name, std::vector<std::pair<Tick, QVariant>> items,
                             std::optional<Error> error = std::nullopt);

    /// via_effect(f, workers, out_capacity): `workers` tasks (at least 1) take items from an
    /// input queue of `outCapacity` (0: unbounded) that the upstream fills, run f(item) in the
    /// worker and send the result on, in completion order. The first error goes to the error
    /// queue; that worker closes the input queue and the output and stops (the other workers stop
    /// once their next send finds the output closed). The last worker to find the input closed
    /// and drained closes the output.
    StreamE viaEffect(Stage f, int workers = 1, int outCapacity = 0) const;
    /// timeout(seconds): per-element idle timeout: one worker receives each item under
    /// wait_for(in_q.receive(), max(0, seconds)) (CPython 3.11: the receive is a task of its own).
    /// On expiry TimeoutError() goes to the error queue, and the input and output are closed.
    StreamE timeout(Tick seconds) const;
    /// throttle(period): one worker sleeps max(0, period) before forwarding each item (a fixed
    /// delay per item, not a rate window).
    StreamE throttle(Tick period) const;

    /// map(f, workers, out_capacity) = via_effect(lambda x: succeed(f(x)), …).
    StreamE map(std::function<Value(const Value &item)> f, int workers = 1, int outCapacity = 0) const;
    /// buffer(capacity) = via_effect(identity, workers=1, out_capacity=max(0, capacity)): the
    /// upstream runs ahead by up to `capacity` items (0: unbounded).
    StreamE buffer(int capacity) const;
    /// filter(p): one worker forwards the items for which `keep(item)` holds. If `keep` raises, the
    /// error goes to the error queue and the input and output are closed.
    StreamE filter(std::function<bool(const Value &item)> keep) const;
    /// take(n): one worker forwards the first max(0, n) items, then closes the input and the
    /// output (take(0) closes both before receiving anything). An upstream still sending finds its
    /// queue closed: its QueueClosed error goes to the error queue, which the sink may have stopped
    /// reading.
    StreamE take(int n) const;
    /// merge(other): both upstreams run (fire and forget) into queues of their own, pumped into one
    /// output in arrival order; it closes when BOTH are exhausted (always exhaustive). They share
    /// the error queue.
    StreamE merge(const StreamE &other) const;

    /// to_queue(out, err) as a running build, in the calling task.
    QCoro::Task<Value> toQueues(Ctx ctx, std::shared_ptr<Queue> out, std::shared_ptr<Queue> err) const;
    /// run(sink): creates the output and error queues (unbounded), starts the build as a task
    /// (never awaited) and runs the sink in the calling task.
    QCoro::Task<Value> run(Ctx ctx, Sink sink) const;
    /// run(sink_fold([], append)): the items as a list.
    QCoro::Task<QVariantList> runCollect(Ctx ctx) const;

    QString name() const { return m_name; }

private:
    /// via_effect under the stage name `name` (map and buffer are via_effect stages).
    StreamE viaEffectNamed(Stage f, int workers, int outCapacity, const QString &name) const;

    QString m_name;
    Build m_build;
};

} // namespace engine::effectpy
