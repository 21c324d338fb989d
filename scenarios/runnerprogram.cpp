#include "runnerprogram.h"

#include "interpreter.h"
#include "runenv.h"

#include "engine/helpers/asyncio.h"

namespace scenarios {

namespace {

engine::Body onLoop(std::shared_ptr<const Node> node);

// A task on the runner's loop: its `spawn:` steps are asyncio.create_task() calls nobody awaits,
// root tasks of the loop like the calls themselves, and so are theirs.
QCoro::Task<engine::Value> runOnLoop(engine::Ctx ctx, std::shared_ptr<const Node> node)
{
    const SpawnerGuard spawning(ctx, [ctx](std::shared_ptr<const Node> child) {
        return engine::asyncio::createTask(ctx, child->name, onLoop(child));
    });
    engine::Body body = bodyFor(node);
    QCoro::Task<engine::Value> running = body(ctx);
    co_return co_await running;
}

engine::Body onLoop(std::shared_ptr<const Node> node)
{
    return [node](engine::Ctx ctx) { return runOnLoop(ctx, node); };
}

bool isKeyboardInterrupt(const std::exception_ptr &error)
{
    return error && !engine::isCancelled(error)
        && engine::Error::fromException(error).type() == QLatin1String("KeyboardInterrupt");
}

} // namespace

RunnerProgram::RunnerProgram(engine::Runtime &rt, std::shared_ptr<const Node> node)
    : m_node(std::move(node))
    , m_runner(rt, engine::asyncio::Runner::Drive::External)
    , m_close(m_node->option(QStringLiteral("close")).toBool())
    , m_continueOnError(m_node->option(QStringLiteral("on_error")).toString() == QLatin1String("continue"))
{
    for (const QVariant &at : m_node->option(QStringLiteral("interrupt_at")).toList())
        m_runner.interruptAt(at.toLongLong());
    m_runner.setListener([this] { next(); });
    next();
}

engine::TaskId RunnerProgram::currentTask() const
{
    const auto &calls = m_runner.calls();
    return calls.empty() ? engine::NoId : calls.back().main;
}

bool RunnerProgram::endsBlock(const engine::asyncio::RunnerCall &call) const
{
    if (call.end != engine::asyncio::RunnerCall::End::Raised)
        return false;
    // on_error: continue is `try: runner.run(c()) / except Exception: pass`: CancelledError and
    // KeyboardInterrupt are BaseExceptions, which still end the block.
    return !m_continueOnError || engine::isCancelled(call.error) || isKeyboardInterrupt(call.error);
}

void RunnerProgram::next()
{
    if (m_runner.running() || m_runner.closed())
        return;
    const auto &calls = m_runner.calls();
    const bool stop = !calls.empty() && endsBlock(calls.back());
    if (!stop && m_next < m_node->children.size()) {
        const std::shared_ptr<const Node> &child = m_node->children[m_next++];
        m_runner.start(engine::Child{child->name, onLoop(child)});
        return;
    }
    // The end of the with-block, or an error leaving it: __exit__ closes the runner.
    if (m_close)
        m_runner.beginClose();
    else
        m_runner.abandon();
}

} // namespace scenarios
