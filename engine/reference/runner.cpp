#include "runner.h"

#include "asynciotasks.h"

namespace engine::asyncio {

Runner::Runner(Runtime &rt)
    : m_rt(rt)
{
}

Runner::~Runner()
{
    close();
}

void Runner::runUntilEnded(TaskId task)
{
    // run_until_complete: the loop stops as soon as the task is done; work queued at that instant
    // waits for the next run.
    while (!isFinal(m_rt.state(task)) && m_rt.scheduler().step()) {
    }
}

TaskId Runner::run(Child main)
{
    if (m_closed)
        throw Error::plain(QStringLiteral("RuntimeError"), QStringLiteral("Runner is closed"));
    const TaskId task = m_rt.spawn(NoId, main.name, std::move(main.body), StartPolicy::Deferred);
    runUntilEnded(task);
    return task;
}

TaskId Runner::close()
{
    if (m_closed)
        return NoId;
    m_closed = true;
    const Body closing = [](Ctx ctx) -> QCoro::Task<Value> {
        co_await reference::cancelAllTasks(ctx, QStringLiteral("Runner.close()"));
        co_return {};
    };
    const TaskId task = m_rt.spawn(NoId, QStringLiteral("Runner.close()"), closing, StartPolicy::Eager);
    runUntilEnded(task);
    return task;
}

} // namespace engine::asyncio
