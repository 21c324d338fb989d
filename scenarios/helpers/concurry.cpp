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

// `polling` and `poll_interval`, where the node has them (wait and gather; the async forms poll
// every tick).
template<typename Options>
void readPolling(const Node &node, Options &o)
{
    if (const QVariant polling = node.option(QStringLiteral("polling")); polling.isValid())
        o.polling = engine::concurry::pollingFromString(polling.toString());
    if (const QVariant interval = node.option(QStringLiteral("poll_interval")); interval.isValid())
        o.pollInterval = interval.toLongLong();
}

engine::concurry::WaitOptions waitOptions(const Node &node)
{
    engine::concurry::WaitOptions o;
    o.timeout = ticksOr(node, QStringLiteral("timeout"), engine::Never);
    o.returnWhen = engine::concurry::returnWhenFromString(node.option(QStringLiteral("return_when")).toString());
    readPolling(node, o);
    return o;
}

engine::concurry::GatherOptions gatherOptions(const Node &node)
{
    engine::concurry::GatherOptions o;
    o.returnExceptions = node.option(QStringLiteral("return_exceptions")).toBool();
    o.timeout = ticksOr(node, QStringLiteral("timeout"), engine::Never);
    readPolling(node, o);
    return o;
}

// wait() and async_wait(): (done, not_done) as two lists of task names in input order (Python: two
// sets of futures).
using Waiting = QCoro::Task<engine::concurry::DoneNotDone> (*)(Ctx, std::vector<engine::Child>, engine::concurry::WaitOptions);

template<Waiting Wait>
QCoro::Task<Value> waitOn(Ctx ctx, std::shared_ptr<const Node> node)
{
    const engine::concurry::WaitOptions options = waitOptions(*node);
    QCoro::Task<engine::concurry::DoneNotDone> waiting = Wait(ctx, childrenOf(*node), options);
    const engine::concurry::DoneNotDone sets = co_await waiting;
    co_return doneAndPending(*ctx.rt, sets.done, sets.notDone);
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

// gather() and async_gather() without iter: the results in input order, or (dict) keyed by the
// children's names.
using InOrder = QCoro::Task<QVariantList> (*)(Ctx, std::vector<engine::Child>, engine::concurry::GatherOptions);
using Keyed = QCoro::Task<engine::concurry::Dict> (*)(Ctx, std::vector<engine::Child>, engine::concurry::GatherOptions);

template<InOrder GatherList, Keyed GatherDict>
QCoro::Task<Value> gatherResults(Ctx ctx, std::shared_ptr<const Node> node)
{
    const engine::concurry::GatherOptions options = gatherOptions(*node);
    if (node->option(QStringLiteral("dict")).toBool()) {
        QCoro::Task<engine::concurry::Dict> gathering = GatherDict(ctx, childrenOf(*node), options);
        const engine::concurry::Dict results = co_await gathering;
        co_return results.toVariant();
    }
    QCoro::Task<QVariantList> gathering = GatherList(ctx, childrenOf(*node), options);
    const QVariantList results = co_await gathering;
    co_return results;
}

QCoro::Task<Value> gather(Ctx ctx, std::shared_ptr<const Node> node)
{
    if (node->option(QStringLiteral("iter")).toBool()) {
        const engine::concurry::GatherOptions options = gatherOptions(*node);
        std::shared_ptr<engine::concurry::GatherIterator> pairs = node->option(QStringLiteral("dict")).toBool()
            ? engine::concurry::gatherDictIter(ctx, childrenOf(*node), options)
            : engine::concurry::gatherIter(ctx, childrenOf(*node), options);
        QCoro::Task<Value> iterating = gatherPairs(ctx, pairs);
        co_return co_await iterating;
    }
    QCoro::Task<Value> gathering = gatherResults<engine::concurry::gather, engine::concurry::gatherDict>(ctx, node);
    co_return co_await gathering;
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

OptionSpec polling()
{
    return options::choice(QStringLiteral("polling"), QStringLiteral("adaptive"),
                           {QStringLiteral("adaptive"), QStringLiteral("fixed"), QStringLiteral("exponential"), QStringLiteral("progressive")},
                           QStringLiteral("PollingAlgorithm: when completions are noticed (adaptive: 10ms, x0.7 / x1.3, 1-100ms)"));
}

OptionSpec pollInterval()
{
    return options::duration(QStringLiteral("poll_interval"), 10, QStringLiteral("the fixed algorithm's interval"));
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
    HelperSpec waitSpec = entry("concurry", "wait", "gather",
                                QStringLiteral("polls the futures until return_when holds; value: [done, not_done] as lists of names; TimeoutError on timeout; never cancels"),
                                build<waitOn<engine::concurry::wait>>, 0);
    waitSpec.options = {timeoutOption(), returnWhen(), polling(), pollInterval()};
    table.push_back(waitSpec);

    HelperSpec gatherSpec = entry("concurry", "gather", "gather",
                                  QStringLiteral("waits for every future, then value: results in input order (dict: same keys); iter: [key, result] pairs in completion order per poll; never cancels"),
                                  build<gather>, 0);
    gatherSpec.options = {returnExceptions(), timeoutOption(), keyed(),
                          options::flag(QStringLiteral("iter"), false,
                                        QStringLiteral("a generator of (index or key, result) in completion order; the first failure seen raises there")),
                          polling(), pollInterval()};
    table.push_back(gatherSpec);

    HelperSpec asyncWaitSpec = entry("concurry", "async_wait", "gather",
                                     QStringLiteral("await async_wait: wait() for coroutines, polling every tick; value: [done, not_done]; TimeoutError on timeout; a cancelled caller leaks them"),
                                     build<waitOn<engine::concurry::asyncWait>>, 0);
    asyncWaitSpec.options = {timeoutOption(), returnWhen()};
    table.push_back(asyncWaitSpec);

    HelperSpec asyncGatherSpec = entry("concurry", "async_gather", "gather",
                                       QStringLiteral("await async_gather: gather() for coroutines, polling every tick; on timeout cancels the unfinished ones then raises TimeoutError; a cancelled caller leaks them"),
                                       build<gatherResults<engine::concurry::asyncGather, engine::concurry::asyncGatherDict>>, 0);
    asyncGatherSpec.options = {returnExceptions(), timeoutOption(), keyed()};
    table.push_back(asyncGatherSpec);

    addConcurryRetry(table);
    addConcurryNested(table);
}

} // namespace scenarios::libraries
