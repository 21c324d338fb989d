// Concurry's wait()/gather() over positional arguments that may nest (helper-semantics §4: recurse,
// progress): `concurry.wait_args` and `concurry.gather_args` take futures and `concurry.group`
// lists of further arguments. Registered from concurry.cpp.

#include "libraries.h"

#include "nodekit.h"
#include "options.h"

#include "engine/error.h"
#include "engine/helpers/concurry.h"
#include "engine/runtime.h"

namespace scenarios::libraries {

namespace {

using engine::Ctx;
using engine::Value;
namespace cq = engine::concurry;

const QString groupKey = QStringLiteral("concurry.group");

// A child as an argument: a group is a list of arguments, anything else a future.
cq::Nested argumentOf(const std::shared_ptr<const Node> &child)
{
    if (child->kind == Node::Kind::Helper && child->helper->name == groupKey) {
        std::vector<cq::Nested> items;
        for (const auto &inner : child->children)
            items.push_back(argumentOf(inner));
        return cq::Nested::list(std::move(items));
    }
    return cq::Nested::future(engine::Child{child->name, bodyFor(child)});
}

std::vector<cq::Nested> argumentsOf(const Node &node)
{
    std::vector<cq::Nested> args;
    for (const auto &child : node.children)
        args.push_back(argumentOf(child));
    return args;
}

void readPolling(const Node &node, engine::PollAlgorithm &polling, engine::Tick &interval)
{
    if (const QVariant p = node.option(QStringLiteral("polling")); p.isValid())
        polling = cq::pollingFromString(p.toString());
    if (const QVariant i = node.option(QStringLiteral("poll_interval")); i.isValid())
        interval = i.toLongLong();
}

// (done, not_done) as two lists of task names in input order.
Value doneNotDone(const engine::Runtime &rt, const cq::DoneNotDone &sets)
{
    return doneAndPending(rt, sets.done, sets.notDone);
}

QCoro::Task<Value> waitArgs(Ctx ctx, std::shared_ptr<const Node> node)
{
    cq::WaitOptions options;
    options.timeout = ticksOr(*node, QStringLiteral("timeout"), engine::Never);
    options.returnWhen = cq::returnWhenFromString(node->option(QStringLiteral("return_when")).toString());
    options.recurse = node->option(QStringLiteral("recurse")).toBool();
    options.progress = node->option(QStringLiteral("progress")).toBool();
    readPolling(*node, options.polling, options.pollInterval);
    QCoro::Task<cq::DoneNotDone> waiting = cq::waitArgs(ctx, argumentsOf(*node), options);
    const cq::DoneNotDone sets = co_await waiting;
    co_return doneNotDone(*ctx.rt, sets);
}

QCoro::Task<Value> gatherArgs(Ctx ctx, std::shared_ptr<const Node> node)
{
    cq::GatherOptions options;
    options.returnExceptions = node->option(QStringLiteral("return_exceptions")).toBool();
    options.timeout = ticksOr(*node, QStringLiteral("timeout"), engine::Never);
    options.recurse = node->option(QStringLiteral("recurse")).toBool();
    options.progress = node->option(QStringLiteral("progress")).toBool();
    readPolling(*node, options.polling, options.pollInterval);
    QCoro::Task<Value> gathering = cq::gatherArgs(ctx, argumentsOf(*node), options);
    co_return co_await gathering;
}

// A group only means something as an argument; run on its own it is a mistake in the scenario.
QCoro::Task<Value> group(Ctx ctx, std::shared_ptr<const Node> node)
{
    co_await ctx.checkpoint();
    throw engine::Error::plain(QStringLiteral("RuntimeError"),
                               QStringLiteral("%1 is an argument list of concurry.wait_args / gather_args, not a task").arg(node->name),
                               ctx.task);
}

std::vector<OptionSpec> common()
{
    return {
        options::duration(QStringLiteral("timeout"), QVariant(), QStringLiteral("TimeoutError at the first poll at or after it (None: wait forever)")),
        options::flag(QStringLiteral("recurse"), false,
                      QStringLiteral("recurse=True: futures inside groups (nested lists) are waited for too; otherwise a group is a done future holding its structure")),
        options::flag(QStringLiteral("progress"), false,
                      QStringLiteral("progress=True: each update (the check at the call, then every poll that saw completions) is noted on the caller as 'progress: 2/5 done (elapsed 3)'")),
        options::choice(QStringLiteral("polling"), QStringLiteral("adaptive"),
                        {QStringLiteral("adaptive"), QStringLiteral("fixed"), QStringLiteral("exponential"), QStringLiteral("progressive")},
                        QStringLiteral("PollingAlgorithm: when completions are noticed")),
        options::duration(QStringLiteral("poll_interval"), 10, QStringLiteral("the fixed algorithm's interval")),
    };
}

} // namespace

void addConcurryNested(std::vector<HelperSpec> &table)
{
    HelperSpec w = entry("concurry", "wait_args", "gather",
                         QStringLiteral("wait(*args, recurse, progress): futures and groups (lists) as positional arguments; a single group is walked for its elements, with recurse every future anywhere inside; anything else is a done future; never cancels; value: [done, not_done] as lists of names"),
                         build<waitArgs>, 1);
    w.options = common();
    w.options.push_back(options::choice(QStringLiteral("return_when"), QStringLiteral("all_completed"),
                                        {QStringLiteral("all_completed"), QStringLiteral("first_completed"), QStringLiteral("first_exception")},
                                        QStringLiteral("ReturnWhen: when the wait ends")));
    table.push_back(w);

    HelperSpec g = entry("concurry", "gather_args", "gather",
                         QStringLiteral("gather(*args, recurse, progress): a single group gives its list NOT walked (even with recurse); several arguments with recurse give their structure with each future replaced by its result; waits for all, then raises the first error in traversal order; value: the results"),
                         build<gatherArgs>, 1);
    g.options = common();
    g.options.push_back(options::flag(QStringLiteral("return_exceptions"), false, QStringLiteral("errors become values")));
    table.push_back(g);

    table.push_back(entry("concurry", "group", "gather",
                          QStringLiteral("a list of arguments (futures and further groups) for concurry.wait_args / gather_args; run on its own it raises RuntimeError; value: none"),
                          build<group>, 0));
}

} // namespace scenarios::libraries
