// effectpy's combinators as scenario nodes (helper-semantics §5.1–5.5, 5.8; catalogue rows 31–37,
// 45–46). The resilience and resource helpers are in effectpyresilience.cpp. effectpy is asyncio
// underneath: run it under the effectpy profile (deferred starts, batch propagation).

#include "libraries.h"

#include "nodekit.h"
#include "producer.h"
#include "options.h"
#include "../runenv.h"

#include "engine/error.h"
#include "engine/helpers/effectpy.h"

namespace scenarios::libraries {

namespace {

using engine::Ctx;
using engine::Value;
namespace ep = engine::effectpy;

engine::TieBreak tiesOf(const Node &node)
{
    return node.option(QStringLiteral("ties")).toString() == QLatin1String("fifo") ? engine::TieBreak::Fifo
                                                                                    : engine::TieBreak::SetOrder;
}

std::vector<ep::Effect> effectsOf(const Node &node)
{
    std::vector<ep::Effect> effects;
    for (const engine::Child &child : childrenOf(node))
        effects.emplace_back(child);
    return effects;
}

// -- gather and races -------------------------------------------------------------------------

QCoro::Task<Value> zipPar(Ctx ctx, std::shared_ptr<const Node> node)
{
    const ep::Effect first(childAt(*node, 0));
    const ep::Effect second(childAt(*node, 1));
    if (node->option(QStringLiteral("symmetric")).toBool()) {
        QCoro::Task<QVariantList> guide = ep::zipParSymmetric(ctx, first, second);
        const QVariantList pair = co_await guide;
        co_return pair;
    }
    QCoro::Task<QVariantList> running = ep::zipPar(ctx, first, second);
    const QVariantList pair = co_await running;
    co_return pair;
}

QCoro::Task<Value> race(Ctx ctx, std::shared_ptr<const Node> node)
{
    if (node->option(QStringLiteral("first_success")).toBool()) {
        QCoro::Task<Value> guide = ep::raceFirstSuccess(ctx, effectsOf(*node));
        co_return co_await guide;
    }
    ep::RaceOptions options;
    options.ties = tiesOf(*node);
    const ep::Effect first(childAt(*node, 0));
    const ep::Effect second(childAt(*node, 1));
    QCoro::Task<Value> running = ep::race(ctx, first, second, options);
    co_return co_await running;
}

QCoro::Task<Value> raceFirst(Ctx ctx, std::shared_ptr<const Node> node)
{
    if (node->option(QStringLiteral("first_success")).toBool() && !node->children.empty()) {
        QCoro::Task<Value> guide = ep::raceFirstSuccess(ctx, effectsOf(*node));
        co_return co_await guide;
    }
    ep::RaceOptions options;
    options.ties = tiesOf(*node);
    QCoro::Task<Value> running = ep::raceFirst(ctx, effectsOf(*node), options);
    co_return co_await running;
}

QCoro::Task<Value> raceAll(Ctx ctx, std::shared_ptr<const Node> node)
{
    ep::RaceOptions options;
    options.ties = tiesOf(*node);
    QCoro::Task<QVariantList> running = ep::raceAll(ctx, effectsOf(*node), options);
    const QVariantList indexValue = co_await running;
    co_return indexValue;
}

// -- fan-out ----------------------------------------------------------------------------------

QCoro::Task<Value> forEachPar(Ctx ctx, std::shared_ptr<const Node> node)
{
    ep::ForEachParOptions options;
    options.parallelism = node->option(QStringLiteral("parallelism")).toInt();
    options.ties = tiesOf(*node);
    std::shared_ptr<engine::Source> source = sourceOf(*node);
    QCoro::Task<QVariantList> running = ep::forEachPar(ctx, source, options);
    const QVariantList values = co_await running;
    co_return values;
}

QCoro::Task<Value> mergeAll(Ctx ctx, std::shared_ptr<const Node> node)
{
    ep::MergeAllOptions options;
    options.parallelism = intOr(*node, QStringLiteral("parallelism"), 0);
    options.preserveOrder = node->option(QStringLiteral("preserve_order")).toBool();
    options.ties = tiesOf(*node);
    std::shared_ptr<engine::Source> source = sourceOf(*node);
    QCoro::Task<QVariantList> running = ep::mergeAll(ctx, source, options);
    const QVariantList values = co_await running;
    co_return values;
}

// -- time -------------------------------------------------------------------------------------

QCoro::Task<Value> timeout(Ctx ctx, std::shared_ptr<const Node> node)
{
    const engine::Tick seconds = node->option(QStringLiteral("seconds")).toLongLong();
    const ep::Effect inner(childAt(*node, 0));
    QCoro::Task<Value> running = ep::timeout(ctx, inner, seconds);
    co_return co_await running;
}

ep::Services servicesOf(const Node &node)
{
    return node.option(QStringLiteral("clock")).toBool() ? ep::Services::withClock() : ep::Services{};
}

QCoro::Task<Value> sleep(Ctx ctx, std::shared_ptr<const Node> node)
{
    const ep::Effect effect = ep::sleep(servicesOf(*node), node->option(QStringLiteral("seconds")).toLongLong());
    QCoro::Task<Value> running = effect.body(ctx);
    co_return co_await running;
}

QCoro::Task<Value> currentTime(Ctx ctx, std::shared_ptr<const Node> node)
{
    const ep::Effect effect = ep::currentTime(servicesOf(*node));
    QCoro::Task<Value> running = effect.body(ctx);
    co_return co_await running;
}

// -- streams and fibers -----------------------------------------------------------------------

// A producer node as a Stream: its steps sleep, emit into the output and fail; the output is
// closed however it ends.
QCoro::Task<Value> produce(Ctx ctx, std::shared_ptr<ep::Queue> out, std::shared_ptr<const Node> producer);

QCoro::Task<Value> produce(Ctx ctx, std::shared_ptr<ep::Queue> out, std::shared_ptr<const Node> producer)
{
    std::exception_ptr error;
    try {
        QCoro::Task<void> steps = runProducerSteps(ctx, out, producer);
        co_await steps;
    } catch (...) {
        error = std::current_exception();
    }
    out->close();
    if (error)
        std::rethrow_exception(error);
    co_return Value();
}

QCoro::Task<Value> mergeStreams(Ctx ctx, std::shared_ptr<const Node> node)
{
    std::optional<ep::Stream> merged;
    for (const auto &producer : node->children) {
        ep::Stream one(producer->name, [producer](Ctx c, std::shared_ptr<ep::Queue> out) { return produce(c, std::move(out), producer); });
        merged = merged ? merged->merge(one) : one;
    }
    QCoro::Task<QVariantList> collecting = merged->runCollect(ctx);
    const QVariantList items = co_await collecting;
    co_return items;
}

QCoro::Task<Value> fork(Ctx ctx, std::shared_ptr<const Node> node)
{
    std::vector<ep::Fiber> fibers;
    for (const engine::Child &child : childrenOf(*node))
        fibers.push_back(ep::fork(ctx, ep::Effect(child)));
    QCoro::Task<Value> body = runBody(ctx, node);
    co_await body;
    const QString then = node->option(QStringLiteral("then")).toString();
    QVariantList values;
    if (then == QLatin1String("join")) {
        for (const ep::Fiber &fiber : fibers) {
            QCoro::Task<Value> joining = fiber.join(ctx);
            values << co_await joining;
        }
        co_return values;
    }
    if (then == QLatin1String("await")) {
        for (const ep::Fiber &fiber : fibers) {
            QCoro::Task<ep::Exit> awaiting = fiber.await_(ctx);
            const ep::Exit exit = co_await awaiting;
            values << exit.describe();
        }
        co_return values;
    }
    if (then == QLatin1String("interrupt"))
        for (const ep::Fiber &fiber : fibers)
            fiber.interrupt(ctx.task);
    co_return Value();
}

OptionSpec ties()
{
    return options::choice(QStringLiteral("ties"), QStringLiteral("set"), {QStringLiteral("set"), QStringLiteral("fifo")},
                           QStringLiteral("same-turn tie: set = Python set order (arbitrary, seeded), fifo = first to end"));
}

OptionSpec firstSuccess()
{
    return options::flag(QStringLiteral("first_success"), false,
                         QStringLiteral("the guide's intent (Effect-TS race): the first SUCCESS wins, failures ignored unless all fail"));
}

} // namespace

void addEffectpy(std::vector<HelperSpec> &table)
{
    HelperSpec zip = entry("effectpy", "zip_par", "gather",
                           QStringLiteral("zip_par(e1, e2): both run as tasks, then await t1; await t2 — a failure of e1 cancels e2, a failure of e2 surfaces only once e1 completed; caller cancel cancels both; value: [a, b]"),
                           build<zipPar>, 2, 2);
    zip.options = {options::flag(QStringLiteral("symmetric"), false,
                                 QStringLiteral("the guide's intent: either failure cancels the other at once"))};
    table.push_back(zip);

    HelperSpec r = entry("effectpy", "race", "race",
                         QStringLiteral("race(e1, e2): the first to COMPLETE (success or failure) decides; losers cancelled and drained; ties arbitrary; caller cancellation leaks; value: the winner's value"),
                         build<race>, 2, 2);
    r.options = {ties(), firstSuccess()};
    table.push_back(r);
    HelperSpec rf = entry("effectpy", "race_first", "race",
                          QStringLiteral("race_first(effects): race over a list; empty raises RuntimeError('race_first on empty iterable'); value: the winner's value"),
                          build<raceFirst>, 0);
    rf.options = {ties(), firstSuccess()};
    table.push_back(rf);
    HelperSpec ra = entry("effectpy", "race_all", "race",
                          QStringLiteral("race_all(effects): race_first returning the winner's index; empty raises RuntimeError('race_all on empty iterable'); value: [index, value]"),
                          build<raceAll>, 0);
    ra.options = {ties()};
    table.push_back(ra);

    HelperSpec each = entry("effectpy", "for_each_par", "fan-out",
                            QStringLiteral("for_each_par(items, f, parallelism): input materialised first, one task per item behind a FIFO semaphore; first failure cancels and drains the rest, raised bare; caller cancellation leaks; value: results in input order WITHOUT the Nones"),
                            build<forEachPar>, 0);
    each.options = options::withSource({options::integer(QStringLiteral("parallelism"), 10, QStringLiteral("semaphore slots; <= 0 behaves as 1"), -1'000'000), ties()});
    table.push_back(each);

    HelperSpec merge = entry("effectpy", "merge_all", "fan-out",
                             QStringLiteral("merge_all(effects, parallelism, preserve_order): bounded pool refilled lazily, first failure cancels and drains; an input that raises while refilling leaks the running tasks; value: results in completion order (preserve_order: input order, first batch parallel, the rest one at a time)"),
                             build<mergeAll>, 0);
    merge.options = options::withSource({options::integer(QStringLiteral("parallelism"), QVariant(), QStringLiteral("tasks at once (default None: all; <= 0 is None too)"), -1'000'000),
                                         options::flag(QStringLiteral("preserve_order"), false, QStringLiteral("input order; the rest after the first batch runs sequentially")),
                                         ties()});
    table.push_back(merge);

    HelperSpec to = entry("effectpy", "timeout", "time",
                          QStringLiteral("eff.timeout(seconds) = asyncio.wait_for: on expiry the child is cancelled and joined and the effect SUCCEEDS with None; value: the child's value or None"),
                          build<timeout>, 1, 1);
    to.options = {options::required(options::duration(QStringLiteral("seconds"), QVariant(), QStringLiteral("the deadline")))};
    table.push_back(to);

    const OptionSpec clock = options::flag(QStringLiteral("clock"), true,
                                           QStringLiteral("the Context provides a Clock (ClockLayer); without one it raises KeyError('Missing service: Clock'), a defect"));
    HelperSpec sl = entry("effectpy", "sleep", "time",
                          QStringLiteral("sleep(seconds): sleeps on the Context's Clock service; value: None"),
                          build<sleep>, 0, 0);
    sl.options = {options::required(options::duration(QStringLiteral("seconds"), QVariant(), QStringLiteral("how long"))), clock};
    table.push_back(sl);
    HelperSpec now = entry("effectpy", "current_time", "time",
                           QStringLiteral("current_time(): the Clock service's now(); value: the virtual time in ticks"),
                           build<currentTime>, 0, 0);
    now.options = {clock};
    table.push_back(now);

    HelperSpec streams = entry("effectpy", "merge_streams", "stream",
                               QStringLiteral("Stream.merge over the producers (chained left to right), collected with run_collect(): always exhaustive, arrival order; value: the items in arrival order"),
                               build<mergeStreams>, 2);
    streams.role = ChildRole::Producers;
    table.push_back(streams);

    HelperSpec fk = entry("effectpy", "fork", "scope",
                          QStringLiteral("Runtime.fork(eff) for each child (unstructured tasks nothing cancels), then the body, then the fibers are joined / awaited / interrupted / left running; value: per `then`"),
                          build<fork>, 1, -1, NodeBody::Steps);
    fk.options = {options::choice(QStringLiteral("then"), QStringLiteral("join"),
                                  {QStringLiteral("join"), QStringLiteral("await"), QStringLiteral("interrupt"), QStringLiteral("detach")},
                                  QStringLiteral("after the body: join (values, errors raised), await (Exit texts), interrupt (cancel, not awaited; None), detach (None, fibers run on)"))};
    table.push_back(fk);

    addEffectpyResilience(table);
    addEffectpyStream(table);
}

} // namespace scenarios::libraries
