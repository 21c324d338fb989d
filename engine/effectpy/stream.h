#pragma once

#include "queue.h"

#include <QVariantList>

#include <functional>
#include <memory>
#include <utility>
#include <vector>

namespace engine::effectpy {

// StreamE, the stream with an error channel (via_effect, timeout, throttle) and its sinks, lives in
// streame.h / sink.h (one class per file).

/// effectpy `Stream`: a producer that, given an output Queue, sends items into it and closes it
/// when done. Streams are values; nothing runs until one is collected (run_collect / to_queue).
class Stream
{
public:
    /// The producer: sends into `out`, closes it when done.
    using Build = std::function<QCoro::Task<Value>(Ctx ctx, std::shared_ptr<Queue> out)>;

    Stream(QString name, Build build);
    /// Stream.from_iterable(items): sends each item, then closes the output (also on error).
    static Stream fromIterable(const QString &name, QVariantList items);
    /// A source that takes time: waits `delay` before sending each (delay, item), then closes
    /// (the scenarios' "emit at t" producers; effectpy has no such constructor).
    static Stream fromTimed(const QString &name, std::vector<std::pair<Tick, QVariant>> items);

    /// Stream.merge(other): runs both upstreams as tasks into their own queues and pumps each into
    /// the output in arrival order; the output closes when BOTH are exhausted (always exhaustive).
    /// Every forwarded item is recorded as a value emitted by its pump.
    Stream merge(const Stream &other) const;
    /// to_queue(out) as a running producer, in the calling task.
    QCoro::Task<Value> toQueue(Ctx ctx, std::shared_ptr<Queue> out) const;
    /// run_collect(): starts the stream as a task (not awaited, never cancelled) into a fresh queue
    /// and receives until it is closed.
    QCoro::Task<QVariantList> runCollect(Ctx ctx) const;

    QString name() const { return m_name; }

private:
    QString m_name;
    Build m_build;
};

} // namespace engine::effectpy
