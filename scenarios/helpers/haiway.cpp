// Haiway's fan-out and stream helpers as scenario nodes (helper-semantics §1.1–1.4, catalogue
// rows 4–7). Scopes and the resilience helpers are in haiwayscope.cpp.

#include "libraries.h"

#include "nodekit.h"
#include "options.h"

#include "engine/helpers/haiway.h"
#include "engine/helpers/haiwaystream.h"

namespace scenarios::libraries {

namespace {

using engine::Ctx;
using engine::Value;

engine::haiway::FanOutOptions fanOutOptions(const Node &node)
{
    engine::haiway::FanOutOptions o;
    o.concurrentTasks = node.option(QStringLiteral("concurrent_tasks")).toInt();
    o.returnExceptions = node.option(QStringLiteral("return_exceptions")).toBool();
    o.ignoreExceptions = node.option(QStringLiteral("ignore_exceptions")).toBool();
    return o;
}

QCoro::Task<Value> processConcurrently(Ctx ctx, std::shared_ptr<const Node> node)
{
    const engine::haiway::FanOutOptions options = fanOutOptions(*node);
    std::shared_ptr<engine::Source> source = sourceOf(*node);
    QCoro::Task<void> running = engine::haiway::processConcurrently(ctx, source, options);
    co_await running;
    co_return Value{};
}

// execute_concurrently and concurrently: the same fan-out, told apart by what the engine's
// function says about its input (handlers or ready-made coroutines).
using Collecting = QCoro::Task<QVariantList> (*)(Ctx, std::shared_ptr<engine::Source>, engine::haiway::FanOutOptions);

template<Collecting FanOut>
QCoro::Task<Value> collect(Ctx ctx, std::shared_ptr<const Node> node)
{
    const engine::haiway::FanOutOptions options = fanOutOptions(*node);
    std::shared_ptr<engine::Source> source = sourceOf(*node);
    QCoro::Task<QVariantList> running = FanOut(ctx, source, options);
    const QVariantList results = co_await running;
    co_return results;
}

// A producer's script as an async source: each emit comes after the sleeps since the previous one;
// a fail after the last emit ends the source with that error.
engine::haiway::StreamSource streamSourceOf(const Node &producer)
{
    engine::haiway::StreamSource source;
    source.name = producer.name;
    engine::Tick waited = 0;
    for (const Step &step : producer.steps) {
        if (step.kind == Step::Kind::Sleep) {
            waited += step.duration;
        } else if (step.kind == Step::Kind::Emit) {
            source.delays.push_back(waited);
            source.values << step.value;
            waited = 0;
        } else if (step.kind == Step::Kind::Fail) {
            source.error = engine::Error::plain(step.errorType, step.errorMessage);
            source.errorDelay = waited;
            break;
        }
    }
    return source;
}

QCoro::Task<Value> streamConcurrently(Ctx ctx, std::shared_ptr<const Node> node)
{
    engine::haiway::StreamOptions options;
    options.exhaustive = node->option(QStringLiteral("exhaustive")).toBool();
    const int take = node->option(QStringLiteral("take")).toInt();
    engine::haiway::StreamSource a = streamSourceOf(*node->children.at(0));
    engine::haiway::StreamSource b = streamSourceOf(*node->children.at(1));
    QCoro::Task<QVariantList> running = engine::haiway::streamConcurrently(ctx, std::move(a), std::move(b), options, take);
    const QVariantList received = co_await running;
    co_return received;
}

std::vector<OptionSpec> fanOut(const char *errorKey, const QString &errorBrief)
{
    return options::withSource({
        options::integer(QStringLiteral("concurrent_tasks"), 2,
                         QStringLiteral("at most this many handlers run at once; the next item is pulled only when a slot frees"), 1),
        options::flag(QLatin1String(errorKey), false, errorBrief),
    });
}

} // namespace

void addHaiway(std::vector<HelperSpec> &table)
{
    HelperSpec process = entry("haiway", "process_concurrently", "fan-out",
                               QStringLiteral("runs each child (the handler for one item) with at most concurrent_tasks in flight, pulling lazily; value: None; the first error is raised bare after the others are cancelled and joined"),
                               build<processConcurrently>, 0);
    process.options = fanOut("ignore_exceptions", QStringLiteral("a failing handler is logged and the others go on"));
    table.push_back(process);

    HelperSpec execute = entry("haiway", "execute_concurrently", "fan-out",
                               QStringLiteral("as process_concurrently, value: the handlers' results in input order (a child that ends cancelled raises CancelledError)"),
                               build<collect<engine::haiway::executeConcurrently>>, 0);
    execute.options = fanOut("return_exceptions", QStringLiteral("errors become values in place; every item runs"));
    table.push_back(execute);

    HelperSpec coros = entry("haiway", "concurrently", "fan-out",
                             QStringLiteral("as execute_concurrently for ready-made coroutines; value: results in input order; unstarted coroutines of a list are closed"),
                             build<collect<engine::haiway::concurrently>>, 0);
    coros.options = fanOut("return_exceptions", QStringLiteral("errors become values in place; every coroutine runs"));
    table.push_back(coros);

    HelperSpec stream = entry("haiway", "stream_concurrently", "stream",
                              QStringLiteral("merges two producers in arrival order, one item of back-pressure each; value: the items the consumer received"),
                              build<streamConcurrently>, 2, 2);
    stream.role = ChildRole::Producers;
    stream.options = {
        options::flag(QStringLiteral("exhaustive"), false,
                      QStringLiteral("end when both sources end (default: when either ends; the other is cancelled)")),
        options::integer(QStringLiteral("take"), -1,
                         QStringLiteral("the consumer leaves after this many items (-1: iterates to the end)"), -1),
    };
    table.push_back(stream);

    addHaiwayScopes(table);
}

} // namespace scenarios::libraries
