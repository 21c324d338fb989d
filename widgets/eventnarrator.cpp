#include "eventnarrator.h"

#include "tracequery.h"

#include <QCoreApplication>
#include <QStringList>

#include <vector>

namespace widgets {

using namespace engine;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("widgets::EventNarrator", text);
}

bool valid(const Trace &trace, EventId id)
{
    return id >= 0 && id < trace.size();
}

// "while sleeping", "while waiting for its children" … (a cancelled task's last await).
QString whilePhrase(WaitReason reason)
{
    switch (reason) {
    case WaitReason::Sleep: return tr(" while sleeping");
    case WaitReason::Yield: return tr(" at a checkpoint");
    case WaitReason::Join: return tr(" while joining a task");
    case WaitReason::Children: return tr(" while waiting for its children");
    case WaitReason::Event: return tr(" while waiting for an event");
    case WaitReason::Semaphore: return tr(" while waiting for a slot");
    case WaitReason::QueuePut: return tr(" while putting into a queue");
    case WaitReason::QueueGet: return tr(" while waiting for a queue item");
    case WaitReason::StreamPull: return tr(" while waiting for a stream item");
    case WaitReason::StartGate: return tr(" while waiting to be started");
    case WaitReason::None: break;
    }
    return {};
}

QString suspended(const Trace &trace, const TraceEvent &e)
{
    const QString name = trace.taskName(e.task);
    switch (WaitReason(e.detail)) {
    case WaitReason::Sleep:
        return e.value >= 0 ? tr("%1 sleeps until t=%2.").arg(name).arg(e.value) : tr("%1 sleeps.").arg(name);
    case WaitReason::Yield: return tr("%1 yields to the others.").arg(name);
    case WaitReason::Join:
        return e.other >= 0 ? tr("%1 waits for %2 to end.").arg(name, trace.taskName(e.other)) : tr("%1 waits for a task to end.").arg(name);
    case WaitReason::Children: return tr("%1 waits for its children.").arg(name);
    case WaitReason::Event: return tr("%1 waits for an event.").arg(name);
    case WaitReason::Semaphore: return tr("%1 waits for a free slot.").arg(name);
    case WaitReason::QueuePut: return tr("%1 waits for room in a queue.").arg(name);
    case WaitReason::QueueGet: return tr("%1 waits for a queue item.").arg(name);
    case WaitReason::StreamPull: return tr("%1 waits for the next stream item.").arg(name);
    case WaitReason::StartGate: return tr("%1 waits until it is started.").arg(name);
    case WaitReason::None: break;
    }
    return tr("%1 is suspended.").arg(name);
}

// "B", "B and C", "A, B and C".
QString listOf(const QStringList &names)
{
    if (names.size() < 2)
        return names.join(QString());
    return tr("%1 and %2").arg(names.mid(0, names.size() - 1).join(tr(", ")), names.last());
}

// The tasks a scope-wide request reaches: those alive inside the scope just before it, and the
// owners of the scope (or of scopes inside it) still running their body there (not waiting for
// children, which they do only after leaving it). Only earlier events are read, so the sentence is
// the same whenever it is built.
QStringList aliveIn(const Trace &trace, ScopeId scope, EventId before, TaskId requester)
{
    const size_t count = trace.tasks().size();
    std::vector<ScopeId> where(count, NoId);
    std::vector<bool> alive(count, false);
    std::vector<WaitReason> wait(count, WaitReason::None);
    std::vector<bool> open(trace.scopes().size(), false);
    for (EventId i = 0; i < before; ++i) {
        const TraceEvent &e = trace.at(i);
        if ((e.kind == EventKind::ScopeEntered || e.kind == EventKind::ScopeExited) && e.scope >= 0 && size_t(e.scope) < open.size())
            open[size_t(e.scope)] = e.kind == EventKind::ScopeEntered;
        if (e.task < 0 || size_t(e.task) >= count)
            continue;
        const size_t t = size_t(e.task);
        if (e.kind == EventKind::Spawned || e.kind == EventKind::Moved) {
            alive[t] = alive[t] || e.kind == EventKind::Spawned;
            where[t] = e.scope;
        } else if (e.kind == EventKind::Completed || e.kind == EventKind::Failed || e.kind == EventKind::Cancelled) {
            alive[t] = false;
        } else if (e.kind == EventKind::Suspended) {
            wait[t] = WaitReason(e.detail);
        } else if (e.kind == EventKind::Resumed) {
            wait[t] = WaitReason::None;
        }
    }
    std::vector<bool> reached(count, false);
    for (size_t t = 0; t < count; ++t)
        reached[t] = alive[t] && where[t] >= 0 && TraceQuery::scopeContains(trace, scope, where[t]);
    for (ScopeId s = 0; size_t(s) < trace.scopes().size(); ++s) {
        const TaskId owner = trace.scopes()[size_t(s)].owner;
        if (open[size_t(s)] && owner >= 0 && size_t(owner) < count && alive[size_t(owner)] && wait[size_t(owner)] != WaitReason::Children
            && TraceQuery::scopeContains(trace, scope, s))
            reached[size_t(owner)] = true;
    }
    QStringList names;
    for (size_t t = 0; t < count; ++t)
        if (reached[t] && TaskId(t) != requester)   // "parent asked parent to stop" says nothing
            names << trace.taskName(TaskId(t));
    return names;
}

QString cancelRequested(const Trace &trace, const TraceEvent &e, EventId id)
{
    QString targets = trace.taskName(e.task);
    if (e.task < 0) {
        const QStringList names = aliveIn(trace, e.scope, id, e.other);
        targets = names.isEmpty() ? tr("everything in %1").arg(TraceQuery::scopeLabel(trace, e.scope)) : listOf(names);
    }
    const QString why = trace.string(e.text);
    if (valid(trace, e.cause)) {
        const TraceEvent &c = trace.at(e.cause);
        const QString actor = e.scope >= 0 ? TraceQuery::scopeLabel(trace, e.scope) : trace.taskName(e.other);
        const QString reason = c.kind == EventKind::TimerFired ? tr("its deadline passed") : why;
        return reason.isEmpty() ? tr("%1 asked %2 to stop.").arg(actor, targets) : tr("%1 asked %2 to stop because %3.").arg(actor, targets, reason);
    }
    if (e.other >= 0)
        return why.isEmpty() ? tr("%1 asked %2 to stop.").arg(trace.taskName(e.other), targets)
                             : tr("%1 asked %2 to stop (%3).").arg(trace.taskName(e.other), targets, why);
    return why.isEmpty() ? tr("%1 was asked to stop.").arg(targets) : tr("%1 was asked to stop (%2).").arg(targets, why);
}

QString cancelled(const Trace &trace, const TraceEvent &e, EventId id)
{
    const QString name = trace.taskName(e.task);
    bool started = false;
    for (EventId i = id - 1; i >= 0; --i) {
        const TraceEvent &x = trace.at(i);
        if (x.task != e.task)
            continue;
        if (x.kind == EventKind::CancelDelivered) {
            const QString where = whilePhrase(WaitReason(x.detail));
            if (valid(trace, x.cause))
                return tr("%1 was cancelled%2 (cancel latency %3).").arg(name, where).arg(e.time - trace.at(x.cause).time);
            return tr("%1 was cancelled%2.").arg(name, where);
        }
        if (x.kind == EventKind::Started)
            started = true;
        if (x.kind == EventKind::Spawned)
            break;
    }
    return started ? tr("%1 was cancelled.").arg(name) : tr("%1 was cancelled before it ran.").arg(name);
}

QString resumed(const Trace &trace, const TraceEvent &e)
{
    const QString name = trace.taskName(e.task);
    if (!valid(trace, e.cause))
        return tr("%1 resumes.").arg(name);
    const TraceEvent &c = trace.at(e.cause);
    switch (c.kind) {
    case EventKind::Suspended:
    case EventKind::TimerFired: return tr("%1 wakes up on time.").arg(name);
    case EventKind::CancelRequested: return tr("%1 resumes to receive a cancellation.").arg(name);
    case EventKind::Completed:
    case EventKind::Failed:
    case EventKind::Cancelled: return tr("%1 resumes because %2 ended.").arg(name, trace.taskName(c.task));
    default: return tr("%1 resumes.").arg(name);
    }
}

} // namespace

TaskId EventNarrator::taskOf(const Trace &trace, EventId id)
{
    if (!valid(trace, id))
        return NoId;
    const TraceEvent &e = trace.at(id);
    if (e.task >= 0)
        return e.task;
    return e.scope >= 0 && size_t(e.scope) < trace.scopes().size() ? trace.scopes()[size_t(e.scope)].owner : NoId;
}

QString EventNarrator::text(const Trace &trace, EventId id)
{
    if (!valid(trace, id))
        return {};
    const TraceEvent &e = trace.at(id);
    const QString name = trace.taskName(e.task);
    const QString text = trace.string(e.text);
    const QString scope = e.scope >= 0 ? TraceQuery::scopeLabel(trace, e.scope) : QString();
    switch (e.kind) {
    case EventKind::Spawned:
        if (e.other < 0)
            return tr("%1 is spawned as a root task.").arg(name);
        return e.scope >= 0 ? tr("%1 spawns %2 in %3.").arg(trace.taskName(e.other), name, scope) : tr("%1 spawns %2.").arg(trace.taskName(e.other), name);
    case EventKind::Started: return tr("%1 starts running.").arg(name);
    case EventKind::Suspended: return suspended(trace, e);
    case EventKind::Resumed: return resumed(trace, e);
    case EventKind::Completed: return text.isEmpty() ? tr("%1 completed.").arg(name) : tr("%1 completed with %2.").arg(name, text);
    case EventKind::Failed: return tr("%1 failed with %2.").arg(name, text);
    case EventKind::CancelRequested: return cancelRequested(trace, e, id);
    case EventKind::CancelDelivered:
        return tr("%1 receives the cancellation%2.").arg(name, whilePhrase(WaitReason(e.detail)));
    case EventKind::Cancelled: return cancelled(trace, e, id);
    case EventKind::ErrorPropagated:
        return e.other >= 0 ? tr("%1's error reaches %2 of %3.").arg(name, scope, trace.taskName(e.other)) : tr("%1's error reaches %2.").arg(name, scope);
    case EventKind::ErrorsGrouped: return tr("%1 raises %2.").arg(scope, text);
    case EventKind::ScopeEntered: return tr("%1 enters %2.").arg(name, scope);
    case EventKind::ScopeExited:
        return text.isEmpty() ? tr("%1 leaves %2.").arg(name, scope) : tr("%1 leaves %2 (%3).").arg(name, scope, text);
    case EventKind::ValueEmitted: return tr("%1 emits %2.").arg(name, text);
    case EventKind::ItemPulled: return tr("%1 pulls the input %2.").arg(name, text);
    case EventKind::SlotAcquired:
    case EventKind::SlotReleased: {
        // Some helpers name their limit in `text` and leave the scope out.
        const QString limit = !text.isEmpty() ? text : scope;
        const QString verb = e.kind == EventKind::SlotAcquired ? tr("%1 takes a slot of %2 (%3 in use).") : tr("%1 frees a slot of %2 (%3 in use).");
        return verb.arg(name, limit).arg(e.value);
    }
    case EventKind::TimerSet: return tr("%1 sets its deadline to t=%2.").arg(scope).arg(e.value);
    case EventKind::TimerFired: return tr("%1 reaches its deadline.").arg(scope);
    case EventKind::Moved:
        return tr("%1 moves from %2 to %3.").arg(name, TraceQuery::scopeLabel(trace, ScopeId(e.value)), scope);
    }
    return trace.format(e);
}

QString EventNarrator::sentence(const Trace &trace, EventId id)
{
    if (!valid(trace, id))
        return {};
    return tr("t=%1 · %2").arg(trace.at(id).time).arg(text(trace, id));
}

} // namespace widgets
