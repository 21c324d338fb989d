// aio.tasks' helpers as scenario nodes (helper-semantics §2, catalogue rows 11–12).

#include "libraries.h"

#include "nodekit.h"
#include "options.h"

#include "engine/helpers/aiotasks.h"

namespace scenarios::libraries {

namespace {

using engine::Ctx;
using engine::Value;

engine::aiotasks::ConcurrentOptions concurrentOptions(const Node &node)
{
    engine::aiotasks::ConcurrentOptions o;
    o.limit = intOr(node, QStringLiteral("limit"), 0);   // not given: None, the default min(32, cpu + 4)
    o.yieldExceptions = node.option(QStringLiteral("yield_exceptions")).toBool();
    return o;
}

// The input of `concurrent`: the children, where one flagged `not_awaitable` is an element that is
// not a coroutine (ConcurrentError), shaped by the source options as sourceOf() does.
std::shared_ptr<engine::Source> concurrentInput(const Node &node)
{
    std::vector<engine::Child> children = childrenOf(node);
    for (size_t i = 0; i < children.size(); ++i)
        if (node.children[i]->flag(QStringLiteral("not_awaitable")))
            children[i].body = engine::Body{};
    return sourceOf(node, std::move(children));
}

QCoro::Task<Value> concurrent(Ctx ctx, std::shared_ptr<const Node> node)
{
    const engine::aiotasks::ConcurrentOptions options = concurrentOptions(*node);
    const int take = node->option(QStringLiteral("take")).toInt();
    std::shared_ptr<engine::aiotasks::Concurrent> results = engine::aiotasks::Concurrent::start(ctx, concurrentInput(*node), options);
    QVariantList received;
    // async for result in concurrent(...): the consumer may `break` after `take` items.
    while (take < 0 || received.size() < take) {
        QCoro::Task<std::optional<Value>> pulling = results->next(ctx);
        const std::optional<Value> item = co_await pulling;
        if (!item)
            break;
        received << *item;
    }
    co_return received;
}

QCoro::Task<Value> inflate(Ctx ctx, std::shared_ptr<const Node> node)
{
    const engine::aiotasks::ConcurrentOptions options = concurrentOptions(*node);
    std::vector<engine::aiotasks::Inflatable> objects;
    for (const auto &child : node->children) {
        engine::aiotasks::Inflatable object;
        object.object = child->name;
        object.awaitables.push_back(engine::Child{child->name, bodyFor(child)});
        objects.push_back(std::move(object));
    }
    QCoro::Task<QVariantList> running = engine::aiotasks::inflate(ctx, std::move(objects), options);
    const QVariantList inflated = co_await running;
    co_return inflated;
}

std::vector<OptionSpec> limits()
{
    OptionSpec limit = options::integer(QStringLiteral("limit"), QVariant(),
                                        QStringLiteral("at most this many run at once; default min(32, cpu_count + 4) = 8 on the engine's 4 cores; -1: unlimited"),
                                        -1, 1'000'000, false);
    return {limit,
            options::flag(QStringLiteral("yield_exceptions"), false,
                          QStringLiteral("a failure is yielded as ConcurrentExecutionError(error) instead of raised")),};
}

} // namespace

void addAiotasks(std::vector<HelperSpec> &table)
{
    HelperSpec concurrentSpec = entry("aiotasks", "concurrent", "fan-out",
                                      QStringLiteral("runs the children with at most `limit` in flight, pulling one ahead; value: the results in completion order; errors wrapped as ConcurrentExecutionError; a consumer that leaves early leaks the rest"),
                                      build<concurrent>, 0);
    concurrentSpec.childFlags = QStringList{QStringLiteral("not_awaitable")};
    std::vector<OptionSpec> own = limits();
    own.push_back(options::integer(QStringLiteral("take"), -1,
                                   QStringLiteral("the consumer breaks out after this many results (-1: iterates to the end)"), -1));
    concurrentSpec.options = options::withSource(std::move(own));
    table.push_back(concurrentSpec);

    HelperSpec inflateSpec = entry("aiotasks", "inflate", "fan-out",
                                   QStringLiteral("for each child (one object and the awaitable its callback makes) yields the object once its awaitable is done; value: the objects' names in completion order; the first error is raised"),
                                   build<inflate>, 0);
    inflateSpec.options = limits();
    table.push_back(inflateSpec);
}

} // namespace scenarios::libraries
