// effectpy's StreamE as scenario nodes (helper-semantics §5.8): effectpy.stream (one producer as a
// timed source, then buffer, via_effect with a stage child run per item, filter, take, timeout and
// throttle) and effectpy.stream_merge (two producers merged, then the same later stages), run into
// a sink. Registered from effectpy.cpp.

#include "libraries.h"
#include "nodekit.h"
#include "producer.h"
#include "options.h"

#include "engine/error.h"
#include "engine/effectpy/streame.h"

namespace scenarios::libraries {

namespace {

using engine::Ctx;
using engine::Value;
namespace ep = engine::effectpy;

// The producer's steps as StreamE's build (as StreamE.from_timed does, but in step order): sleep,
// checkpoint, emit into `out`; a fail goes to the error queue; the output is closed in any case.
QCoro::Task<Value> produceE(Ctx ctx, std::shared_ptr<ep::Queue> out, std::shared_ptr<ep::Queue> err,
                            std::shared_ptr<const Node> producer)
{
    std::exception_ptr error;
    try {
        QCoro::Task<void> steps = runProducerSteps(ctx, out, producer);
        co_await steps;
    } catch (...) {
        error = std::current_exception();
    }
    if (error && !ctx.rt->shuttingDown()) {
        // `except BaseException as ex: await err.send(ex)` (no co_await in the handler: design.md §2)
        const engine::Error e = engine::isCancelled(error)
                                    ? engine::Error::plain(QStringLiteral("CancelledError"), {}, ctx.task)
                                    : engine::Error::fromException(error);
        ep::note(ctx, QStringLiteral("error queue <- %1").arg(e.describe()));
        QCoro::Task<void> reporting = err->send(ctx, QVariant::fromValue(e));
        co_await reporting;
    }
    out->close();
    co_return Value();
}

bool returns(const Node &stage)
{
    for (const Step &step : stage.steps)
        if (step.kind == Step::Kind::Return)
            return true;
    return false;
}

// via_effect's f(item): the stage child's steps in the worker; its `return`, else the item itself.
QCoro::Task<Value> stageRun(Ctx ctx, std::shared_ptr<const Node> stage, Value item)
{
    const engine::Body body = bodyFor(stage);
    QCoro::Task<Value> running = body(ctx);
    Value value = co_await running;
    co_return returns(*stage) ? value : item;
}

ep::Sink sinkOf(const Node &node)
{
    const QString sink = node.option(QStringLiteral("sink")).toString();
    if (sink == QLatin1String("head"))
        return ep::Sink::head();
    if (sink == QLatin1String("drain"))
        return ep::Sink::drain();
    return ep::Sink::collect();
}

ep::StreamE source(const std::shared_ptr<const Node> &producer)
{
    return ep::StreamE(producer->name, [producer](Ctx c, std::shared_ptr<ep::Queue> out, std::shared_ptr<ep::Queue> err) {
        return produceE(c, std::move(out), std::move(err), producer);
    });
}

// The stages every stream node shares, in this order: filter (keep), take, timeout, throttle;
// then the stream runs into its sink.
QCoro::Task<Value> finishAndRun(Ctx ctx, ep::StreamE s, std::shared_ptr<const Node> node)
{
    const QVariant keep = node->option(QStringLiteral("keep"));
    if (keep.isValid()) {
        const QStringList kept = keep.toStringList();
        s = s.filter([kept](const Value &item) { return kept.contains(item.toString()); });
    }
    const QVariant take = node->option(QStringLiteral("take"));
    if (take.isValid())
        s = s.take(take.toInt());
    const QVariant timeout = node->option(QStringLiteral("timeout"));
    if (timeout.isValid())
        s = s.timeout(timeout.toLongLong());
    const QVariant throttle = node->option(QStringLiteral("throttle"));
    if (throttle.isValid())
        s = s.throttle(throttle.toLongLong());
    QCoro::Task<Value> running = s.run(ctx, sinkOf(*node));
    co_return co_await running;
}

QCoro::Task<Value> stream(Ctx ctx, std::shared_ptr<const Node> node)
{
    ep::StreamE s = source(node->children.at(0));
    const QVariant buffer = node->option(QStringLiteral("buffer"));
    if (buffer.isValid())
        s = s.buffer(buffer.toInt());
    if (node->children.size() > 1) {
        const std::shared_ptr<const Node> stage = node->children.at(1);
        const ep::StreamE::Stage f = [stage](const Value &item) {
            return ep::Effect(stage->name, [stage, item](Ctx c) { return stageRun(c, stage, item); });
        };
        s = s.viaEffect(f, node->option(QStringLiteral("workers")).toInt(), node->option(QStringLiteral("out_capacity")).toInt());
    }
    QCoro::Task<Value> running = finishAndRun(ctx, s, node);
    co_return co_await running;
}

QCoro::Task<Value> streamMerge(Ctx ctx, std::shared_ptr<const Node> node)
{
    const ep::StreamE merged = source(node->children.at(0)).merge(source(node->children.at(1)));
    QCoro::Task<Value> running = finishAndRun(ctx, merged, node);
    co_return co_await running;
}

// Options of the stages after the source(s), shared by effectpy.stream and effectpy.stream_merge.
std::vector<OptionSpec> laterStages()
{
    return {
        options::words(QStringLiteral("keep"), QStringLiteral("StreamE.filter(p): only items whose value is one of these go on (default: all)")),
        options::integer(QStringLiteral("take"), QVariant(), QStringLiteral("StreamE.take(n): the first n items, then the stage closes its input and output (default: all)")),
        options::duration(QStringLiteral("timeout"), QVariant(), QStringLiteral("StreamE.timeout(seconds): per-element idle timeout; on expiry TimeoutError() goes to the error queue and the stream closes (default: none)")),
        options::duration(QStringLiteral("throttle"), QVariant(), QStringLiteral("StreamE.throttle(period): sleeps this long before forwarding EACH element (default: none)")),
        options::choice(QStringLiteral("sink"), QStringLiteral("collect"), {QStringLiteral("collect"), QStringLiteral("head"), QStringLiteral("drain")},
                        QStringLiteral("collect = sink_fold([], append): the items; head = sink_head(): the first item or None; drain = sink_drain(): None")),
    };
}

} // namespace

void addEffectpyStream(std::vector<HelperSpec> &table)
{
    HelperSpec s = entry("effectpy", "stream", "stream",
                         QStringLiteral("StreamE from the producer, then .buffer(n), .via_effect(stage, workers, out_capacity) when a second child is given (a stage that only returns is .map), .filter (keep), .take(n), .timeout(seconds), .throttle(period), run into a sink; every stage is fire-and-forget tasks; the first error goes to the error queue and the sink raises it; value: per `sink`"),
                         build<stream>, 1, 2);
    s.role = ChildRole::Producers;
    s.options = {
        options::integer(QStringLiteral("buffer"), QVariant(), QStringLiteral("StreamE.buffer(capacity): an identity stage whose input queue holds this many items, right after the source (default: none)")),
        options::integer(QStringLiteral("workers"), 1, QStringLiteral("via_effect's worker tasks (the second child is the stage, run per item in a worker; its `return`, else the item, goes on)"), 1, 1'000'000, false),
        options::integer(QStringLiteral("out_capacity"), 0, QStringLiteral("via_effect's input queue size (0: unbounded)")),
    };
    for (OptionSpec &later : laterStages())
        s.options.push_back(std::move(later));
    table.push_back(s);

    HelperSpec m = entry("effectpy", "stream_merge", "stream",
                         QStringLiteral("StreamE.merge: both producers run into one stream in arrival order, ending when BOTH end (always exhaustive); their errors share the error queue; then .filter (keep), .take(n), .timeout, .throttle and the sink as in effectpy.stream; value: per `sink`"),
                         build<streamMerge>, 2, 2);
    m.role = ChildRole::Producers;
    m.options = laterStages();
    table.push_back(m);
}

} // namespace scenarios::libraries
