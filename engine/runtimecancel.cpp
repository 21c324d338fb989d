#include "runtime.h"

// Runtime, part three: cancellation of tasks (cancel requests, asyncio's cancel counts) and how a
// cancellation reaches a checkpoint (which scope it comes from, level- or edge-triggered).
namespace engine {

void Runtime::cancelTask(TaskId id, TaskId by, const QString &why, EventId cause)
{
    TaskRecord &rec = m_tasks[size_t(id)];
    if (isFinal(rec.state) || rec.selfCancel)
        return;
    const EventId requested = record(EventKind::CancelRequested, id, NoId, cause, by, why);
    if (m_profile.edgeCancellation) {
        requestEdgeCancel(id, requested);
        return;
    }
    rec.selfCancel = true;
    rec.selfCancelEvent = requested;
    ++rec.cancelsRequested;
    interruptIfCancelled(id);
}

int Runtime::uncancel(TaskId id)
{
    TaskRecord &rec = m_tasks[size_t(id)];
    if (rec.cancelsRequested == 0)
        return 0;
    --rec.cancelsRequested;
    // Python 3.13: back at zero, a request not delivered yet is dropped (_must_cancel = False).
    // A suspended task whose wait was already interrupted keeps it: asyncio had cancelled the
    // future it waited on, which cannot be undone.
    if (rec.cancelsRequested == 0 && !(rec.handle && rec.wakePosted))
        rec.edgePending = 0;
    return rec.cancelsRequested;
}

void Runtime::scheduleCancel(TaskId id, Tick at, const QString &why)
{
    m_scheduledReasons << why;
    m_scheduler.addTimer(at, Job{&Runtime::scheduledCancelJob, this, id, m_scheduledReasons.size() - 1, id, quint8(JobLabel::Cancel)});
}

void Runtime::scheduledCancelJob(void *self, qint64 task, qint64 why)
{
    auto *rt = static_cast<Runtime *>(self);
    rt->cancelTask(TaskId(task), NoId, rt->m_scheduledReasons.at(int(why)));
}

// Cancellation -------------------------------------------------------------------------------------

ScopeId Runtime::cancelSource(TaskId task, ScopeId from) const
{
    if (m_shuttingDown)
        return TaskCancelled;
    const TaskRecord &rec = m_tasks[size_t(task)];
    ScopeId found = NoId;
    bool crossed = false;
    for (ScopeId s = from; s != NoId; s = m_scopes[size_t(s)].parent) {
        const ScopeRecord &sc = m_scopes[size_t(s)];
        if (!crossed && sc.owner != task) {
            // Leaving the task's own scopes: the task-level cancel sits here, and it does not
            // reach into the scopes of the task's ancestors (nor do theirs reach in through it).
            crossed = true;
            if (rec.selfCancel)
                found = TaskCancelled;
        }
        // An edge (asyncio) scope delivers its cancellation once per task through edgePending;
        // counting it here too would raise it again at every checkpoint.
        if (sc.cancelCalled && !sc.edge)
            found = s;   // keep walking: the outermost cancelled scope is the one that catches
        if (sc.shield)
            return found;
    }
    if (!crossed && rec.selfCancel)
        found = TaskCancelled;
    return found;
}

bool Runtime::edgeHeld(TaskId task) const
{
    // asyncio has no shielded region inside a task; the idiom `try: await shield(x) except
    // CancelledError: await x; raise` holds a request until the protected work is done. A shield
    // scope the task itself opened plays that part: its edge requests wait until it is left.
    if (m_shuttingDown)
        return false;
    const TaskRecord &rec = m_tasks[size_t(task)];
    for (ScopeId s = rec.current; s != NoId && m_scopes[size_t(s)].owner == task; s = m_scopes[size_t(s)].parent)
        if (m_scopes[size_t(s)].shield)
            return true;
    return false;
}

bool Runtime::cancelPending(TaskId task) const
{
    const TaskRecord &rec = m_tasks[size_t(task)];
    return (rec.edgePending > 0 && !edgeHeld(task)) || cancelSource(task, rec.current) != NoId;
}

void Runtime::requestEdgeCancel(TaskId task, EventId cause)
{
    TaskRecord &rec = m_tasks[size_t(task)];
    if (isFinal(rec.state))
        return;
    ++rec.edgePending;
    ++rec.cancelsRequested;
    rec.edgeCause = cause;
    interruptIfCancelled(task);
}

void Runtime::deliverToScope(ScopeId scope)
{
    // Collect first, then deliver in spawn order so that a run reads naturally and reproducibly.
    std::vector<TaskId> tasks;
    std::vector<ScopeId> pending{scope};
    while (!pending.empty()) {
        const ScopeId s = pending.back();
        pending.pop_back();
        const ScopeRecord &sc = m_scopes[size_t(s)];
        tasks.insert(tasks.end(), sc.here.begin(), sc.here.end());
        for (const ScopeId child : sc.children) {
            const ScopeRecord &c = m_scopes[size_t(child)];
            if (!c.shield)
                pending.push_back(child);
            else if (m_scopes[size_t(scope)].edge && std::find(c.here.begin(), c.here.end(), c.owner) != c.here.end())
                tasks.push_back(c.owner);   // a task inside its own shield: the request waits there (edgeHeld)
        }
    }
    std::sort(tasks.begin(), tasks.end());
    tasks.erase(std::unique(tasks.begin(), tasks.end()), tasks.end());
    const ScopeRecord &sc = m_scopes[size_t(scope)];
    for (const TaskId t : tasks) {
        if (sc.edge)
            requestEdgeCancel(t, sc.cancelEvent);
        else
            interruptIfCancelled(t);
    }
}

void Runtime::interruptIfCancelled(TaskId task)
{
    TaskRecord &rec = m_tasks[size_t(task)];
    if (!rec.handle || rec.wakePosted)
        return;
    if (!rec.cancellable && !m_shuttingDown)
        return;
    const ScopeId source = cancelSource(task, rec.current);
    if (source == NoId && (rec.edgePending == 0 || edgeHeld(task)))
        return;
    if (rec.abort)
        rec.abort(*this, task, rec.abortArg);
    rec.abort = nullptr;
    rec.wakePosted = true;
    rec.wakeCause = source >= 0 ? m_scopes[size_t(source)].cancelEvent
                  : source == TaskCancelled ? rec.selfCancelEvent : rec.edgeCause;
    m_scheduler.post(Job{&Runtime::resumeJob, this, task, rec.waitSerial, task, quint8(JobLabel::Cancel)});
}

bool Runtime::cancelledAtCheckpoint(TaskId task, WaitReason reason, bool cancellable)
{
    TaskRecord &rec = m_tasks[size_t(task)];
    rec.wait = WaitReason::None;
    if (!cancellable && !m_shuttingDown)
        return false;
    const ScopeId source = cancelSource(task, rec.current);
    if (source == NoId && (rec.edgePending == 0 || edgeHeld(task)))
        return false;
    rec.cancelSeen = true;
    EventId cause = source >= 0 ? m_scopes[size_t(source)].cancelEvent : rec.selfCancelEvent;
    if (source == NoId) {
        // Edge-triggered: all requests so far are answered by this one CancelledError.
        rec.edgePending = 0;
        cause = rec.edgeCause;
    }
    record(EventKind::CancelDelivered, task, source >= 0 ? source : NoId, cause, NoId, {}, -1, quint8(reason));
    return true;
}

} // namespace engine
