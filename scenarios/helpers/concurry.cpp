// Concurry's synchronisation helpers as scenario nodes (helper-semantics §4.1–4.3, catalogue rows
// 24–29). The children are futures already running when the call is made; worker retries (row 30)
// are in concurryretry.cpp.

#include "libraries.h"

#include "nodekit.h"
#include "options.h"

#include "engine/helpers/concurry.h"
#include "engine/runtime.h"

namespace scenarios::libraries {

namespace {

using engine::Ctx;
using engine::Value;

engine::Tick timeoutOf(const Node &node)
{
    const QVariant t = node.option(QStringLiteral("timeout"));
    return t.isValid() ? engine::Tick(t.toLongLong()) : engine::Never;
}

engine::concurry::WaitOptions waitOptions(const Node &node)
{
    engine::concurry::WaitOptions o;
    o.timeout = timeoutOf(node);
    o.returnWhen = engine::concurry::returnWhenFromString(node.option(QStringLiteral("return_when")).toString());
    if (const QVariant polling = node.option(QStringLiteral("polling")); polling.isValid())
        o.polling = engine::concurry::pollingFromString(polling.toString());
    if (const QVariant interval = node.option(QStringLiteral("poll_interval")); interval.isValid())
        o.pollInterval = interval.toLongLong();
    return o;
}

engine::concurry::GatherOptions gatherOptions(const Node &node)
{
    engine::concurry::GatherOptions o;
    o.returnExceptions = node.option(QStringLiteral("return_exceptions")).toBool();
    o.timeout = timeoutOf(node);
    if (const QVariant polling = node.option(QStringLiteral("polling")); polling.isValid())
        o.polling = engine::concurry::pollingFromString(polling.toString());
    if (const QVariant interval = node.option(QStringLiteral("poll_interval")); interval.isValid())
        o.pollInterval = interval.toLongLong();
    return o;
}

// (done, not_done) as two lists of task names in input order (Python: two sets of futures).
Value doneNotDone(const engine::Runtime &rt, const engine::concurry::DoneNotDone &sets)
{
    return QVariantList{QVariant(taskNames(rt, sets.done)), QVariant(taskNames(rt, sets.notDone))};
}

QCoro::Task<Value> wait(Ctx ctx, std::shared_ptr<const Node> node)
{
    const engine::concurry::WaitOptions options = waitOptions(*node);
    QCoro::Task<engine::concurry::DoneNotDone> waiting = engine::concurry::wait(ctx, childrenOf(*node), options);
    const engine::concurry::DoneNotDone sets = co_await waiting;
    co_return doneNotDone(*ctx.rt, sets);
}

QCoro::Task<Value> asyncWait(Ctx ctx, std::shared_ptr<const Node> node)
{
    const engine::concurry::WaitOptions options = waitOptions(*node);
    QCoro::Task<engine::concurry::DoneNotDone> waiting = engine::concurry::asyncWait(ctx, childrenOf(*node), options);
    const engine::concurry::DoneNotDone sets = co_await waiting;
    co_return doneNotDone(*ctx.rt, sets);
}

// gather(iter=True): every (key, result) pair the consumer receives, as [key, result] lists.
QCoro::Task<Value> gatherPairs(Ctx ctx, std::shared_ptr<engine::concurry::GatherIterator> pairs)
{
    QVariantList received;
    for (;;) {
        QCoro::Task<std::optional<engine::concurry::GatherIterator::Item>> pulling = pairs->next(ctx);
        const std::optional<engine::concurry::GatherIterator::Item> item = co_await pulling;
        if (!item)
            break;
        received << QVariant(QVariantList{item->key, item->value});
    }
    co_return received;
}

QCoro::Task<Value> gather(Ctx ctx, std::shared_ptr<const Node> node)
{
    const engine::concurry::GatherOptions options = gatherOptions(*node);
    const bool keyed = node->option(QStringLiteral("dict")).toBool();
    if (node->option(QStringLiteral("iter")).toBool()) {
        std::shared_ptr<engine::concurry::GatherIterator> pairs = keyed ? engine::concurry::gatherDictIter(ctx, childrenOf(*node), options)
                                                                        : engine::concurry::gatherIter(ctx, childrenOf(*node), options);
        QCoro::Task<Value> iterating = gatherPairs(ctx, pairs);
        co_return co_await iterating;
    }
    if (keyed) {
        QCoro::Task<engine::concurry::Dict> gathering = engine::concurry::gatherDict(ctx, childrenOf(*node), options);
        const engine::concurry::Dict results = co_await gathering;
        co_return results.toVariant();
    }
    QCoro::Task<QVariantList> gathering = engine::concurry::gather(ctx, childrenOf(*node), options);
    const QVariantList results = co_await gathering;
    co_return results;
}

QCoro::Task<Value> asyncGather(Ctx ctx, std::shared_ptr<const Node> node)
{
    const engine::concurry::GatherOptions options = gatherOptions(*node);
    if (node->option(QStringLiteral("dict")).toBool()) {
        QCoro::Task<engine::concurry::Dict> gathering = engine::concurry::asyncGatherDict(ctx, childrenOf(*node), options);
        const engine::concurry::Dict results = co_await gathering;
        co_return results.toVariant();
    }
    QCoro::Task<QVariantList> gathering = engine::concurry::asyncGather(ctx, childrenOf(*node), options);
    const QVariantList results = co_await gathering;
    co_return results;
}

OptionSpec timeoutOption()
{
    return options::duration(QStringLiteral("timeout"), QVariant(),
                             QStringLiteral("TimeoutError at the first poll at or after it (None: wait forever)"));
}

OptionSpec returnWhen()
{
    return options::choice(QStringLiteral("return_when"), QStringLiteral("all_completed"),
                           {QStringLiteral("all_completed"), QStringLiteral("first_completed"), QStringLiteral("first_exception")},
                           QStringLiteral("ReturnWhen: when the wait ends (failed futures count as completed)"));
}

std::vector<OptionSpec> polling()
{
    return {options::choice(QStringLiteral("polling"), QStringLiteral("adaptive"),
                            {QStringLiteral("adaptive"), QStringLiteral("fixed"), QStringLiteral("exponential"), QStringLiteral("progressive")},
                            QStringLiteral("PollingAlgorithm: when completions are noticed (adaptive: 10ms, x0.7 / x1.3, 1-100ms)")),
            options::duration(QStringLiteral("poll_interval"), 10, QStringLiteral("the fixed algorithm's interval"))};
}

OptionSpec returnExceptions()
{
    return options::flag(QStringLiteral("return_exceptions"), false,
                         QStringLiteral("errors become values; otherwise the first error in input order is raised once all are done"));
}

OptionSpec keyed()
{
    return options::flag(QStringLiteral("dict"), false, QStringLiteral("the input is a dict keyed by the children's names: the value is a dict"));
}

} // namespace

void addConcurry(std::vector<HelperSpec> &table)
{
    HelperSpec waitSpec = nodeSpec("concurry", "wait", "gather",
                                   QStringLiteral("polls the futures until return_when holds; value: [done, not_done] as lists of names; TimeoutError on timeout; never cancels"),
                                   buildNode<wait>);
    waitSpec.minChildren = 0;
    waitSpec.options = {timeoutOption(), returnWhen()};
    for (OptionSpec &s : polling())
        waitSpec.options.push_back(std::move(s));
    table.push_back(waitSpec);

    HelperSpec gatherSpec = nodeSpec("concurry", "gather", "gather",
                                     QStringLiteral("waits for every future, then value: results in input order (dict: same keys); iter: [key, result] pairs in completion order per poll; never cancels"),
                                     buildNode<gather>);
    gatherSpec.minChildren = 0;
    gatherSpec.options = {returnExceptions(), timeoutOption(), keyed(),
                          options::flag(QStringLiteral("iter"), false,
                                        QStringLiteral("a generator of (index or key, result) in completion order; the first failure seen raises there"))};
    for (OptionSpec &s : polling())
        gatherSpec.options.push_back(std::move(s));
    table.push_back(gatherSpec);

    HelperSpec asyncWaitSpec = nodeSpec("concurry", "async_wait", "gather",
                                        QStringLiteral("await async_wait: wait() for coroutines, polling every tick; value: [done, not_done]; TimeoutError on timeout; a cancelled caller leaks them"),
                                        buildNode<asyncWait>);
    asyncWaitSpec.minChildren = 0;
    asyncWaitSpec.options = {timeoutOption(), returnWhen()};
    table.push_back(asyncWaitSpec);

    HelperSpec asyncGatherSpec = nodeSpec("concurry", "async_gather", "gather",
                                          QStringLiteral("await async_gather: gather() for coroutines, polling every tick; on timeout cancels the unfinished ones then raises TimeoutError; a cancelled caller leaks them"),
                                          buildNode<asyncGather>);
    asyncGatherSpec.minChildren = 0;
    asyncGatherSpec.options = {returnExceptions(), timeoutOption(), keyed()};
    table.push_back(asyncGatherSpec);

    addConcurryRetry(table);
    addConcurryNested(table);
}

} // namespace scenarios::libraries
