#pragma once

#include "queue.h"

#include <functional>
#include <memory>

namespace engine::effectpy {

/// An effectpy `Sink`: what consumes a StreamE's output queue and its error queue. Each round it
/// starts two tasks, recv_safe(out) and recv_safe(err), waits for the first to finish
/// (asyncio.wait FIRST_COMPLETED), cancels and drains the other, and prefers the error when both
/// finished. A value queue that is closed ends the sink (without another look at the error queue);
/// an error is raised. All of it is visible in the trace, inside a helper scope named after the sink.
class Sink
{
public:
    /// sink_fold's step: the accumulator and an item → the new accumulator.
    using Fold = std::function<Value(const Value &acc, const Value &item)>;

    /// sink_fold(initial, f): folds every item; returns the accumulator once the stream closes.
    static Sink fold(Value initial, Fold step);
    /// sink_fold([], append): the items as a list.
    static Sink collect();
    /// sink_head(): the first item, or None if the stream closes empty.
    static Sink head();
    /// sink_drain(): discards the items; returns None once the stream (or its error queue) closes.
    static Sink drain();

    /// sink._run(out, err, ctx): runs the sink in the calling task.
    static QCoro::Task<Value> run(Ctx ctx, Sink sink, std::shared_ptr<Queue> out, std::shared_ptr<Queue> err);

    QString name() const;

private:
    enum class Kind : quint8 { Fold, Head, Drain };
    Sink(Kind kind, Value initial, Fold step);

    Kind m_kind;
    Value m_initial;
    Fold m_step;
};

} // namespace engine::effectpy
