#include "gatheriterator.h"

#include "poller.h"

#include "../value.h"

namespace engine::concurry {

GatherIterator::GatherIterator(std::shared_ptr<reference::ChildSet> set, std::vector<QVariant> keys, GatherOptions options)
    : m_set(std::move(set))
    , m_keys(std::move(keys))
    , m_options(options)
    , m_schedule(options.polling, options.pollInterval)
    , m_pending(size_t(m_set->size()), true)
    , m_progress{options.progress, options.onProgress}
    , m_pendingCount(m_set->size())
{
}

GatherIterator::~GatherIterator()
{
    m_set->leave();
}

void GatherIterator::finish()
{
    m_finished = true;
    m_batch.clear();
    m_set->leave();
}

GatherIterator::Item GatherIterator::take(Ctx ctx)
{
    const int i = m_batch.front();
    m_batch.pop_front();
    Runtime &rt = *ctx.rt;
    const TaskId task = m_set->task(i);
    const TaskState state = rt.state(task);
    Item item{m_keys[size_t(i)], {}, task};
    if (state == TaskState::Cancelled) {
        // fut.result() raises CancelledError, a BaseException: return_exceptions does not catch it.
        finish();
        throw Cancelled();
    }
    if (state == TaskState::Failed) {
        const Error error = Error::fromException(rt.error(task));
        if (!m_options.returnExceptions) {
            rt.record(EventKind::ErrorsGrouped, ctx.task, m_set->scope(), rt.endEvent(task), NoId, error.describe());
            finish();
            throw error;
        }
        item.value = QVariant::fromValue(error);
    } else {
        item.value = rt.result(task);
    }
    ++m_yielded;
    const QString key = describeValue(item.key);   // an index, a quoted dict key, or a path list
    rt.record(EventKind::ValueEmitted, ctx.task, m_set->scope(), rt.endEvent(task), task,
              QStringLiteral("yields (%1, %2)").arg(key, describeValue(item.value)));
    if (m_batch.empty() && m_pendingCount == 0)
        m_set->leave();
    return item;
}

QCoro::Task<std::optional<GatherIterator::Item>> GatherIterator::next(Ctx ctx)
{
    if (m_set->size() == 0)
        finish();   // `if total == 0: return`: an empty generator (it would otherwise poll forever)
    if (m_finished)
        co_return std::nullopt;
    if (!m_batch.empty())
        co_return take(ctx);
    Runtime &rt = *ctx.rt;
    if (m_progressDue) {
        // The generator resumes after the batch's last yield: _update_progress(yielded_count, …).
        m_progressDue = false;
        m_progress.update(ctx, m_set->scope(), m_yielded, m_set->size(), m_batchElapsed);
    }
    if (!m_started) {
        m_started = true;
        m_start = rt.now();
    } else {
        // The previous batch is consumed: the loop body ends with the sleep before the next poll.
        if (m_pendingCount == 0) {
            m_finished = true;
            co_return std::nullopt;
        }
        co_await sleepToNextPoll(ctx, m_schedule.next());
    }
    while (true) {
        const Tick elapsed = rt.now() - m_start;
        if (m_options.timeout != Never && elapsed >= m_options.timeout) {
            const Error timeout = Error::timeout(QStringLiteral("TimeoutError"),
                                                 QStringLiteral("gather(iter=True) timed out after %1. Yielded %2/%3 results")
                                                     .arg(elapsed).arg(m_yielded).arg(m_set->size()));
            rt.record(EventKind::ErrorsGrouped, ctx.task, m_set->scope(), NoId, NoId, timeout.describe());
            finish();
            throw timeout;
        }
        std::vector<int> fresh;
        for (int i = 0; i < m_set->size(); ++i)
            if (m_pending[size_t(i)] && m_set->ended(i)) {
                m_pending[size_t(i)] = false;
                --m_pendingCount;
                fresh.push_back(i);
            }
        const QString what = fresh.empty() ? QStringLiteral("none") : namesOf(*m_set, fresh);
        rt.record(EventKind::ValueEmitted, ctx.task, m_set->scope(), NoId, NoId,
                  QStringLiteral("poll: %1 done, %2/%3 done").arg(what).arg(m_set->size() - m_pendingCount).arg(m_set->size()));
        m_schedule.observed(!fresh.empty());
        if (!fresh.empty()) {
            m_batch.assign(fresh.begin(), fresh.end());
            m_progressDue = true;
            m_batchElapsed = elapsed;
            co_return take(ctx);
        }
        co_await sleepToNextPoll(ctx, m_schedule.next());
    }
}

} // namespace engine::concurry
