#include "ascompleted.h"

namespace engine::asyncio {

std::shared_ptr<AsCompleted> AsCompleted::start(Ctx ctx, std::vector<Child> aws, Tick timeout)
{
    std::shared_ptr<AsCompleted> it(new AsCompleted(ctx));
    it->m_set = reference::ChildSet::open(ctx, QStringLiteral("as_completed()"), /*detached*/ true);
    const std::weak_ptr<AsCompleted> weak = it;
    it->m_set->setOnObserved([weak](int index) {
        if (const auto self = weak.lock())
            self->completed(index);
    });
    for (Child &aw : aws)
        it->m_set->start(std::move(aw), StartPolicy::Deferred);
    it->m_todo = it->m_left = it->m_set->size();
    if (timeout != Never && it->m_todo > 0) {
        Runtime &rt = *ctx.rt;
        rt.record(EventKind::TimerSet, ctx.task, it->m_set->scope(), NoId, NoId, {}, rt.now() + timeout);
        it->m_timer = rt.scheduler().addTimer(rt.now() + timeout, Job{&AsCompleted::timeoutJob, it.get(), 0, 0, ctx.task, quint8(JobLabel::Deadline)});
    }
    return it;
}

AsCompleted::AsCompleted(Ctx ctx)
    : m_rt(*ctx.rt)
    , m_ready(*ctx.rt)
{
}

AsCompleted::~AsCompleted()
{
    m_rt.scheduler().cancelTimer(m_timer);
    if (m_set)
        m_set->leave();
}

void AsCompleted::completed(int index)
{
    if (m_todo == 0)
        return;   // _on_timeout() was here first: the result is dropped
    --m_todo;
    m_done.push_back(index);
    if (m_todo == 0) {
        m_rt.scheduler().cancelTimer(m_timer);
        m_timer = Scheduler::NoTimer;
    }
    m_ready.notify(m_rt.endEvent(m_set->task(index)));
}

void AsCompleted::timedOut()
{
    m_timer = Scheduler::NoTimer;
    const EventId fired = m_rt.record(EventKind::TimerFired, NoId, m_set->scope());
    for (; m_todo > 0; --m_todo)
        m_done.push_back(-1);
    m_ready.notify(fired);
}

void AsCompleted::timeoutJob(void *self, qint64, qint64)
{
    static_cast<AsCompleted *>(self)->timedOut();
}

QCoro::Task<std::optional<Value>> AsCompleted::next(Ctx ctx)
{
    if (m_left == 0)
        co_return std::nullopt;
    --m_left;
    // Hold on: the consumer may drop its iterator while this next() is pending.
    const std::shared_ptr<AsCompleted> self = shared_from_this();
    while (m_done.empty())
        co_await m_ready.wait(ctx);
    const int index = m_done.front();
    m_done.pop_front();
    Runtime &rt = *ctx.rt;
    if (index < 0) {
        const Error timeout = Error::timeout(QStringLiteral("TimeoutError"));
        rt.record(EventKind::ErrorsGrouped, ctx.task, m_set->scope(), NoId, NoId, timeout.describe());
        throw timeout;
    }
    const TaskId task = m_set->task(index);
    rt.record(EventKind::ValueEmitted, ctx.task, m_set->scope(), rt.endEvent(task), task,
              QStringLiteral("as_completed(): next is %1").arg(rt.trace().taskName(task)));
    switch (rt.state(task)) {
    case TaskState::Completed:
        co_return rt.result(task);
    case TaskState::Failed:
        throw Error::fromException(rt.error(task));
    default:
        throw Cancelled();   // f.result() of a cancelled task raises CancelledError
    }
}

} // namespace engine::asyncio
