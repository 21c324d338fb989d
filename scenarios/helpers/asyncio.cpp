// asyncio's structured-concurrency helpers as scenario nodes (helper-semantics §6.3, catalogue
// rows 53–57). Run them under the asyncio profile (deferred starts, batch propagation, edge-
// triggered cancellation).

#include "libraries.h"

#include "bodies.h"
#include "nodekit.h"
#include "options.h"
#include "../runenv.h"

#include "engine/error.h"
#include "engine/helpers/asyncio.h"

namespace scenarios::libraries {

namespace {

using engine::Ctx;
using engine::Value;
namespace aio = engine::asyncio;

// -- TaskGroup --------------------------------------------------------------------------------

QCoro::Task<Value> taskGroupBody(Ctx ctx, aio::TaskGroup &group, std::shared_ptr<const Node> node)
{
    // `group` is a reference: taskGroup awaits this body in the same expression.
    aio::TaskGroup *open = &group;
    return startChildrenAndRunBody(ctx, node, [open](std::shared_ptr<const Node> child) {
        return open->createTask(child->name, bodyFor(child));
    });
}

QCoro::Task<Value> taskGroup(Ctx ctx, std::shared_ptr<const Node> node)
{
    aio::TaskGroupBody body = [node](Ctx c, aio::TaskGroup &g) { return taskGroupBody(c, g, node); };
    QCoro::Task<Value> running = aio::taskGroup(ctx, body);
    co_return co_await running;
}

// -- gather, wait, as_completed ---------------------------------------------------------------

QCoro::Task<Value> gather(Ctx ctx, std::shared_ptr<const Node> node)
{
    aio::GatherOptions options;
    options.returnExceptions = node->option(QStringLiteral("return_exceptions")).toBool();
    std::shared_ptr<engine::Source> source = sourceOf(*node);
    QCoro::Task<QVariantList> running = aio::gather(ctx, source, options);
    const QVariantList values = co_await running;
    co_return values;
}

aio::ReturnWhen returnWhen(const QString &text)
{
    if (text == QLatin1String("FIRST_COMPLETED"))
        return aio::ReturnWhen::FirstCompleted;
    if (text == QLatin1String("FIRST_EXCEPTION"))
        return aio::ReturnWhen::FirstException;
    return aio::ReturnWhen::AllCompleted;
}

QCoro::Task<Value> wait(Ctx ctx, std::shared_ptr<const Node> node)
{
    aio::WaitOptions options;
    options.timeout = ticksOr(*node, QStringLiteral("timeout"), engine::Never);
    options.returnWhen = returnWhen(node->option(QStringLiteral("return_when")).toString());
    QCoro::Task<aio::DonePending> running = aio::wait(ctx, childrenOf(*node), options);
    const aio::DonePending sets = co_await running;
    co_return doneAndPending(*ctx.rt, sets.done, sets.pending);
}

QCoro::Task<Value> asCompleted(Ctx ctx, std::shared_ptr<const Node> node)
{
    const engine::Tick timeout = ticksOr(*node, QStringLiteral("timeout"), engine::Never);
    const int limit = intOr(*node, QStringLiteral("stop_after"), -1);
    std::shared_ptr<aio::AsCompleted> iterator = aio::asCompleted(ctx, childrenOf(*node), timeout);
    QVariantList values;
    while (limit < 0 || values.size() < limit) {
        QCoro::Task<std::optional<Value>> pulling = iterator->next(ctx);
        const std::optional<Value> next = co_await pulling;
        if (!next)
            break;
        values << *next;
    }
    co_return values;
}

// -- timeouts and shield ----------------------------------------------------------------------

// asyncio has no scope cancellation: `cancel: NAME` on these nodes cancels the task they run in.
QCoro::Task<Value> timeoutBlock(Ctx ctx, aio::Timeout timeout, std::shared_ptr<const Node> node)
{
    Q_UNUSED(timeout);
    QCoro::Task<Value> body = runBody(ctx, node);
    co_return co_await body;
}

// timeout / timeout_at: `Absolute` picks the option that gives the deadline, `when` or `delay`.
using Timing = QCoro::Task<Value> (*)(Ctx, engine::Tick, aio::TimeoutBody);

template<Timing Open, bool Absolute>
QCoro::Task<Value> timeoutScope(Ctx ctx, std::shared_ptr<const Node> node)
{
    const engine::Tick deadline = ticksOr(*node, Absolute ? QStringLiteral("when") : QStringLiteral("delay"), engine::Never);
    const aio::TimeoutBody block = [node](Ctx c, aio::Timeout t) { return timeoutBlock(c, t, node); };
    QCoro::Task<Value> running = Open(ctx, deadline, block);
    co_return co_await running;
}

QCoro::Task<Value> waitFor(Ctx ctx, std::shared_ptr<const Node> node)
{
    const engine::Tick timeout = ticksOr(*node, QStringLiteral("timeout"), engine::Never);
    const aio::WaitForVersion version = node->option(QStringLiteral("python")).toString() == QLatin1String("3.11")
        ? aio::WaitForVersion::Python311
        : aio::WaitForVersion::Python312;
    QCoro::Task<Value> running = aio::waitFor(ctx, childAt(*node, 0), timeout, version);
    co_return co_await running;
}

QCoro::Task<Value> shield(Ctx ctx, std::shared_ptr<const Node> node)
{
    QCoro::Task<Value> running = aio::shield(ctx, childAt(*node, 0));
    co_return co_await running;
}

// -- asyncio.run ------------------------------------------------------------------------------

// The body is main(): it runs in the calling task; its children and `spawn:` steps are
// asyncio.create_task() calls nobody awaits. When main ends (value or error), the runner cancels
// every task main created that is still running and waits for them (Runner.close), as
// engine::asyncio::run does for a whole runtime (that one would cancel the caller too).
QCoro::Task<Value> run(Ctx ctx, std::shared_ptr<const Node> node)
{
    auto created = std::make_shared<std::vector<engine::TaskId>>();
    for (const auto &child : node->children)
        created->push_back(aio::createTask(ctx, child->name, bodyFor(child)));
    std::exception_ptr mainError;
    Value value;
    {
        const SpawnerGuard spawning(ctx, [ctx, created](std::shared_ptr<const Node> child) {
            const engine::TaskId id = aio::createTask(ctx, child->name, bodyFor(child));
            created->push_back(id);
            return id;
        });
        try {
            QCoro::Task<Value> body = runBody(ctx, node);
            value = co_await body;
        } catch (...) {
            mainError = std::current_exception();
        }
    }
    engine::Runtime &rt = *ctx.rt;
    std::vector<engine::TaskId> left;
    for (const engine::TaskId id : *created)
        if (!engine::isFinal(rt.state(id)))
            left.push_back(id);
    for (const engine::TaskId id : left)
        rt.cancelTask(id, ctx.task, QStringLiteral("asyncio.run() is closing"));
    for (const engine::TaskId id : left) {
        auto joining = ctx.join(id);
        co_await joining;
    }
    if (mainError)
        std::rethrow_exception(mainError);
    co_return value;
}

// -- asyncio.Runner ---------------------------------------------------------------------------

// Never a task body: the parser keeps the node at the root, where ScenarioRun runs it with a
// RunnerProgram. A body built anyway says what Python would.
QCoro::Task<Value> runner(Ctx ctx, std::shared_ptr<const Node>)
{
    throw engine::Error::plain(QStringLiteral("RuntimeError"), QStringLiteral("Runner.run() cannot be called from a running event loop"), ctx.task);
    co_return Value{};
}

} // namespace

void addAsyncio(std::vector<HelperSpec> &table)
{
    HelperSpec group = scopeEntry("asyncio", "task_group", "scope",
                                  QStringLiteral("async with asyncio.TaskGroup(): children are create_task()s (a later turn); the first non-cancel error cancels the others and the body; same-turn errors all collected; raises ExceptionGroup('unhandled errors in a TaskGroup'); value: the body's value"),
                                  build<taskGroup>);
    table.push_back(group);

    HelperSpec g = entry("asyncio", "gather", "gather",
                         QStringLiteral("await asyncio.gather(*children): results in input order; the first error is raised at once and the others keep running; cancelling the caller cancels them; value: the list of results"),
                         build<gather>, 0);
    g.options = options::withSource({options::flag(QStringLiteral("return_exceptions"), false, QStringLiteral("errors (and CancelledError) become values in the list"))});
    table.push_back(g);

    HelperSpec w = entry("asyncio", "wait", "gather",
                         QStringLiteral("await asyncio.wait(tasks, timeout, return_when): never raises on timeout, never cancels; value: [done, pending] as lists of task names in input order"),
                         build<wait>);
    w.options = {
        options::duration(QStringLiteral("timeout"), QVariant(), QStringLiteral("return after this long even if the condition does not hold (default None)")),
        options::choice(QStringLiteral("return_when"), QStringLiteral("ALL_COMPLETED"),
                        {QStringLiteral("ALL_COMPLETED"), QStringLiteral("FIRST_COMPLETED"), QStringLiteral("FIRST_EXCEPTION")},
                        QStringLiteral("when to return")),
    };
    table.push_back(w);

    HelperSpec ac = entry("asyncio", "as_completed", "stream",
                          QStringLiteral("for aw in asyncio.as_completed(children, timeout): results in completion order; an error raises at its turn; TimeoutError once the timeout passes; nothing is ever cancelled; value: the collected results in completion order"),
                          build<asCompleted>);
    ac.options = {
        options::duration(QStringLiteral("timeout"), QVariant(), QStringLiteral("TimeoutError for every result not in by then (default None)")),
        options::integer(QStringLiteral("stop_after"), QVariant(), QStringLiteral("the loop breaks after this many results (the rest run on)"), 1),
    };
    table.push_back(ac);

    HelperSpec t = blockEntry("asyncio", "timeout", "time",
                              QStringLiteral("async with asyncio.timeout(delay): at the deadline the task is cancelled (once) and the cancellation leaving the block becomes TimeoutError; value: the body's value"),
                              build<timeoutScope<aio::timeout, false>>);
    t.options = {options::duration(QStringLiteral("delay"), QVariant(), QStringLiteral("relative deadline (default None: no deadline)"))};
    table.push_back(t);
    HelperSpec ta = blockEntry("asyncio", "timeout_at", "time",
                               QStringLiteral("async with asyncio.timeout_at(when): asyncio.timeout with an absolute deadline; value: the body's value"),
                               build<timeoutScope<aio::timeoutAt, true>>);
    ta.options = {options::duration(QStringLiteral("when"), QVariant(), QStringLiteral("absolute deadline (default None: no deadline)"))};
    table.push_back(ta);

    HelperSpec wf = entry("asyncio", "wait_for", "time",
                          QStringLiteral("await asyncio.wait_for(child, timeout): at the deadline the child is cancelled, waited for, then TimeoutError; value: the child's value"),
                          build<waitFor>, 1, 1);
    wf.options = {
        options::duration(QStringLiteral("timeout"), QVariant(), QStringLiteral("deadline (default None: just await the child)")),
        options::choice(QStringLiteral("python"), QStringLiteral("3.12"), {QStringLiteral("3.12"), QStringLiteral("3.11")},
                        QStringLiteral("which CPython's wait_for: 3.12 is `async with timeout(): await task`; 3.11 had its own loop, "
                                       "which lost a cancellation arriving as the child finished and stopped waiting for a child "
                                       "still cleaning up when cancelled twice")),
    };
    table.push_back(wf);

    table.push_back(entry("asyncio", "shield", "scope",
                          QStringLiteral("await asyncio.shield(child): cancelling the caller cancels only its await; the child runs on and its result is dropped; value: the child's value"),
                          build<shield>, 1, 1));

    HelperSpec r = scopeEntry("asyncio", "run", "scope",
                              QStringLiteral("asyncio.run(main()): the body is main; children and spawn: are create_task()s nobody awaits; when main ends every task it created that still runs is cancelled and waited for; value: main's value"),
                              build<run>);
    table.push_back(r);

    HelperSpec rn = entry("asyncio", "runner", "scope",
                          QStringLiteral("with asyncio.Runner() as runner: one runner.run(child()) per child, in order, on one loop (root only); "
                                         "spawn: in a call is create_task(); close() cancels and awaits what the calls left; value: what the last call returned or raised"),
                          build<runner>);
    rn.childrenSpawn = true;
    rn.drivesLoop = true;
    rn.options = {
        options::flag(QStringLiteral("close"), true,
                      QStringLiteral("the with-block closes the runner (cancels and awaits the tasks left); false: the loop just stops and they stay pending")),
        options::choice(QStringLiteral("on_error"), QStringLiteral("raise"), {QStringLiteral("raise"), QStringLiteral("continue")},
                        QStringLiteral("raise: a call's error leaves the block (later calls never run); continue: each call in try/except Exception")),
        options::durations(QStringLiteral("interrupt_at"),
                           QStringLiteral("Ctrl-C at these times: the first in a call cancels its task (run() raises KeyboardInterrupt), a second raises at once")),
    };
    table.push_back(rn);
}

} // namespace scenarios::libraries
