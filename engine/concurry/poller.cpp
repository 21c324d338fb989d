#include "poller.h"

#include "../error.h"

#include <QStringList>

namespace engine::concurry {

using reference::ChildSet;

const char *toString(ReturnWhen r)
{
    switch (r) {
    case ReturnWhen::AllCompleted: return "all_completed";
    case ReturnWhen::FirstCompleted: return "first_completed";
    case ReturnWhen::FirstException: return "first_exception";
    }
    return "?";
}

ReturnWhen returnWhenFromString(const QString &name)
{
    for (ReturnWhen r : {ReturnWhen::AllCompleted, ReturnWhen::FirstCompleted, ReturnWhen::FirstException})
        if (name == QLatin1String(toString(r)) || name == QString::fromLatin1(toString(r)).toUpper())
            return r;
    throw Error::plain(QStringLiteral("ValueError"), QStringLiteral("'%1' is not a valid ReturnWhen").arg(name));
}

PollAlgorithm pollingFromString(const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("fixed"))
        return PollAlgorithm::Fixed;
    if (n == QLatin1String("adaptive"))
        return PollAlgorithm::Adaptive;
    if (n == QLatin1String("exponential"))
        return PollAlgorithm::Exponential;
    if (n == QLatin1String("progressive"))
        return PollAlgorithm::Progressive;
    throw Error::plain(QStringLiteral("ValueError"), QStringLiteral("'%1' is not a valid PollingAlgorithm").arg(name));
}

QString DoneNotDone::describe(const Runtime &rt) const
{
    const auto names = [&rt](const std::vector<TaskId> &ids) {
        QStringList out;
        for (TaskId id : ids)
            out << rt.trace().taskName(id);
        return QLatin1Char('{') + out.join(QStringLiteral(", ")) + QLatin1Char('}');
    };
    return QStringLiteral("done=%1, not_done=%2").arg(names(done), names(notDone));
}

void ProgressTracker::update(Ctx ctx, ScopeId scope, int completed, int total, Tick elapsed) const
{
    if (!active())
        return;
    ctx.rt->record(EventKind::ValueEmitted, ctx.task, scope, NoId, NoId,
                   QStringLiteral("progress: %1/%2 done (elapsed %3)").arg(completed).arg(total).arg(elapsed));
    if (callback && *callback)
        (*callback)(completed, total, elapsed);
}

QString namesOf(const ChildSet &set, const std::vector<int> &indices)
{
    QStringList out;
    for (int i : indices)
        out << set.runtime().trace().taskName(set.task(i));
    return out.join(QStringLiteral(", "));
}

QCoro::Task<void> sleepToNextPoll(Ctx ctx, Tick interval)
{
    co_await ctx.sleep(interval);
    co_await ctx.checkpoint();
}

namespace {

// What the polls have seen so far.
class Seen
{
public:
    Seen(Ctx ctx, const ChildSet &set) : m_ctx(ctx), m_set(set), m_done(size_t(set.size()), false) {}

    // One check of every future not seen done yet.
    std::vector<int> check()
    {
        std::vector<int> fresh;
        for (int i = 0; i < m_set.size(); ++i)
            if (!m_done[size_t(i)] && m_set.ended(i)) {
                m_done[size_t(i)] = true;
                fresh.push_back(i);
                ++m_count;
            }
        return fresh;
    }

    // "poll: B, C done, 2/3 done" on the polling task.
    void record(const QString &label, const std::vector<int> &fresh) const
    {
        const QString what = fresh.empty() ? QStringLiteral("none") : namesOf(m_set, fresh);
        m_ctx.rt->record(EventKind::ValueEmitted, m_ctx.task, m_set.scope(), NoId, NoId,
                         QStringLiteral("%1: %2 done, %3/%4 done").arg(label, what).arg(m_count).arg(m_set.size()));
    }

    bool anyFailed(const std::vector<int> &indices) const
    {
        // fut.exception() is not None: a cancelled future does not count (it raises instead).
        for (int i : indices)
            if (m_set.runtime().state(m_set.task(i)) == TaskState::Failed)
                return true;
        return false;
    }

    bool all() const { return m_count == m_set.size(); }
    int count() const { return m_count; }

    DoneNotDone sets() const
    {
        DoneNotDone out;
        for (int i = 0; i < m_set.size(); ++i)
            (m_done[size_t(i)] ? out.done : out.notDone).push_back(m_set.task(i));
        return out;
    }

private:
    Ctx m_ctx;
    const ChildSet &m_set;
    std::vector<bool> m_done;
    int m_count = 0;
};

bool satisfied(ReturnWhen when, const Seen &seen, const std::vector<int> &fresh)
{
    switch (when) {
    case ReturnWhen::FirstCompleted:
        return !fresh.empty();
    case ReturnWhen::FirstException:
        // concurrent.futures semantics: with no failure it returns once everything is done.
        return seen.anyFailed(fresh) || seen.all();
    case ReturnWhen::AllCompleted:
        return seen.all();
    }
    return false;
}

} // namespace

QCoro::Task<DoneNotDone> pollUntil(Ctx ctx, std::shared_ptr<ChildSet> set, PollPlan plan)
{
    Runtime &rt = *ctx.rt;
    const Tick start = rt.now();
    Seen seen(ctx, *set);
    // The check at the call: futures that are already done (plain values, eager finishers).
    const std::vector<int> initial = seen.check();
    seen.record(QStringLiteral("checked at call"), initial);
    plan.progress.update(ctx, set->scope(), seen.count(), set->size(), 0);
    if (satisfied(plan.returnWhen, seen, initial))
        co_return seen.sets();

    PollSchedule schedule(plan.async ? PollAlgorithm::Fixed : plan.algorithm, plan.async ? 1 : plan.interval);
    bool first = true;
    while (true) {
        if (!first) {
            Tick interval = schedule.next();
            if (plan.timeout != Never)
                interval = plan.async ? std::min(interval, plan.timeout - (rt.now() - start)) : interval;
            co_await sleepToNextPoll(ctx, interval);
        }
        const Tick elapsed = rt.now() - start;
        if (plan.timeout != Never && elapsed >= plan.timeout) {
            if (plan.cancelOnTimeout)
                set->cancelUnfinished(ctx.task, QStringLiteral("%1 timed out").arg(QLatin1String(plan.api)));
            int completed = 0;
            for (int i = 0; i < set->size(); ++i)
                completed += set->ended(i) ? 1 : 0;
            const Error timeout = Error::timeout(QStringLiteral("TimeoutError"),
                                                 QStringLiteral("%1 timed out after %2. Completed %3/%4 %5.")
                                                     .arg(QLatin1String(plan.api)).arg(elapsed)
                                                     .arg(plan.cancelOnTimeout ? completed : seen.count())
                                                     .arg(set->size()).arg(QLatin1String(plan.unit)));
            rt.record(EventKind::ErrorsGrouped, ctx.task, set->scope(), NoId, NoId, timeout.describe());
            throw timeout;
        }
        // The loop's first check comes right after the check at the call, at the same instant:
        // it counts as an (empty) poll for the adaptive schedule but is not worth a trace line.
        const std::vector<int> fresh = seen.check();
        if (!first || !fresh.empty())
            seen.record(QStringLiteral("poll"), fresh);
        if (!fresh.empty())
            plan.progress.update(ctx, set->scope(), seen.count(), set->size(), elapsed);
        first = false;
        schedule.observed(!fresh.empty());
        if (satisfied(plan.returnWhen, seen, fresh))
            co_return seen.sets();
    }
}

} // namespace engine::concurry
