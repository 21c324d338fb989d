#include "runtime.h"

#include "swapremove.h"

// Runtime, part two: cancel scopes (opening, leaving, closing, cancelling, deadlines), where tasks
// sit in them, and moving a task from one scope to another.
namespace engine {

// Scopes -------------------------------------------------------------------------------------------

ScopeId Runtime::openScope(TaskId owner, const ScopeOptions &options)
{
    const ScopeId id = ScopeId(m_scopes.size());
    const ScopeId parent = options.detached ? NoId : m_tasks[size_t(owner)].current;
    m_scopes.emplace_back();
    ScopeRecord &sc = m_scopes.back();
    sc.parent = parent;
    sc.ownerPrevious = m_tasks[size_t(owner)].current;
    sc.owner = owner;
    sc.kind = options.kind;
    sc.shield = options.shield;
    sc.edge = options.edge.value_or(m_profile.edgeCancellation);
    sc.observer = options.observer;
    if (parent != NoId) {
        ScopeRecord &p = m_scopes[size_t(parent)];
        sc.indexInParent = qint32(p.children.size());
        p.children.push_back(id);
    }
    m_trace.addScope(id, TraceScope{m_trace.intern(options.name), owner, parent, options.kind});
    record(EventKind::ScopeEntered, owner, id, NoId, NoId, options.name, -1, quint8(options.kind));
    placeTask(owner, id);
    if (options.deadline != Never)
        setDeadline(id, options.deadline);
    return id;
}

void Runtime::leaveScope(TaskId owner, ScopeId scope)
{
    ScopeRecord &sc = m_scopes[size_t(scope)];
    if (!sc.ownerInside)
        return;
    sc.ownerInside = false;
    Q_ASSERT(m_tasks[size_t(owner)].current == scope);
    placeTask(owner, sc.ownerPrevious);   // not sc.parent: a detached scope has none
}

bool Runtime::closeScope(ScopeId scope, const std::exception_ptr &error, const QString &how)
{
    ScopeRecord &sc = m_scopes[size_t(scope)];
    if (!sc.open)
        return false;
    leaveScope(sc.owner, scope);
    ScopeRecord &s = m_scopes[size_t(scope)];
    // An edge scope raised its one cancellation in the task itself, so it catches what comes
    // back; a level scope catches only if no scope outside it is cancelled too (trio's rule).
    const bool caught = isCancelled(error) && s.cancelCalled
        && (s.edge || s.shield || cancelSource(s.owner, s.parent) == NoId);
    s.cancelledCaught = caught;
    s.open = false;
    s.observer = nullptr;
    if (s.liveChildren == 0)
        s.keepAlive.reset();   // callers inside childEnded() hold their own reference
    m_scheduler.cancelTimer(s.deadlineTimer);
    s.deadlineTimer = Scheduler::NoTimer;
    if (s.parent != NoId) {
        detail::swapRemove(m_scopes[size_t(s.parent)].children, s.indexInParent,
                   [this](ScopeId moved, qint32 index) { m_scopes[size_t(moved)].indexInParent = index; });
        s.indexInParent = -1;
    }
    QString text = how;
    if (text.isEmpty())
        text = caught ? QStringLiteral("caught cancellation")
                      : !error ? QString() : isCancelled(error) ? QStringLiteral("cancelled") : QStringLiteral("raised");
    record(EventKind::ScopeExited, s.owner, scope, NoId, NoId, text);
    return caught;
}

void Runtime::cancelScope(ScopeId scope, TaskId by, const QString &why, EventId cause)
{
    ScopeRecord &sc = m_scopes[size_t(scope)];
    if (!sc.open || sc.cancelCalled)
        return;
    sc.cancelCalled = true;
    sc.cancelEvent = record(EventKind::CancelRequested, NoId, scope, cause, by, why);
    // Level-triggered inside a scope that is already cancelled (no shield between): that
    // cancellation has reached every task in here, and every later checkpoint in here raises
    // anyway, so delivering again changes nothing. It would walk the whole subtree once more:
    // nested nurseries unwinding top-down would walk it once per level.
    if (!sc.edge && !sc.shield && sc.parent != NoId && scopeEffectivelyCancelled(sc.parent))
        return;
    deliverToScope(scope);
}

void Runtime::setDeadline(ScopeId scope, Tick deadline)
{
    ScopeRecord &sc = m_scopes[size_t(scope)];
    m_scheduler.cancelTimer(sc.deadlineTimer);
    sc.deadlineTimer = Scheduler::NoTimer;
    sc.deadline = deadline;
    if (!sc.open || sc.cancelCalled || deadline == Never)
        return;
    const EventId set = record(EventKind::TimerSet, sc.owner, scope, NoId, NoId, {}, deadline);
    if (deadline <= now()) {
        cancelScope(scope, NoId, QStringLiteral("deadline reached"), set);
        return;
    }
    sc.deadlineTimer = m_scheduler.addTimer(deadline, Job{&Runtime::deadlineJob, this, scope, 0, sc.owner, quint8(JobLabel::Deadline)});
}

void Runtime::deadlineJob(void *self, qint64 scope, qint64)
{
    auto *rt = static_cast<Runtime *>(self);
    ScopeRecord &sc = rt->m_scopes[size_t(scope)];
    sc.deadlineTimer = Scheduler::NoTimer;
    if (!sc.open || sc.cancelCalled)
        return;
    const EventId fired = rt->record(EventKind::TimerFired, sc.owner, ScopeId(scope));
    rt->cancelScope(ScopeId(scope), NoId, QStringLiteral("deadline reached"), fired);
}

void Runtime::setObserver(ScopeId scope, ScopeObserver *observer)
{
    m_scopes[size_t(scope)].observer = observer;
}

void Runtime::keepObserverAlive(ScopeId scope, std::shared_ptr<ScopeObserver> observer)
{
    ScopeRecord &sc = m_scopes[size_t(scope)];
    sc.observer = observer.get();
    sc.keepAlive = std::move(observer);
}

void Runtime::placeTask(TaskId task, ScopeId scope)
{
    unplaceTask(task);
    TaskRecord &rec = m_tasks[size_t(task)];
    rec.current = scope;
    if (scope == NoId)
        return;
    auto &here = m_scopes[size_t(scope)].here;
    rec.hereIndex = qint32(here.size());
    here.push_back(task);
}

void Runtime::unplaceTask(TaskId task)
{
    TaskRecord &rec = m_tasks[size_t(task)];
    if (rec.current == NoId || rec.hereIndex < 0)
        return;
    detail::swapRemove(m_scopes[size_t(rec.current)].here, rec.hereIndex,
               [this](TaskId moved, qint32 index) { m_tasks[size_t(moved)].hereIndex = index; });
    rec.hereIndex = -1;
}

// Moving a task between scopes (trio's nursery.start) ---------------------------------------------

void Runtime::moveTask(TaskId task, ScopeId scope)
{
    TaskRecord &rec = m_tasks[size_t(task)];
    const ScopeId from = rec.home;
    if (isFinal(rec.state) || from == NoId || scope == NoId || from == scope)
        return;
    // The task's own outermost scopes hang from its home: they go along, so that the task's
    // cancellation comes from the new place from now on.
    std::vector<ScopeId> own;
    for (const ScopeId s : m_scopes[size_t(from)].children)
        if (m_scopes[size_t(s)].owner == task)
            own.push_back(s);
    for (const ScopeId s : own) {
        ScopeRecord &sc = m_scopes[size_t(s)];
        detail::swapRemove(m_scopes[size_t(from)].children, sc.indexInParent,
                           [this](ScopeId moved, qint32 index) { m_scopes[size_t(moved)].indexInParent = index; });
        ScopeRecord &target = m_scopes[size_t(scope)];
        sc.parent = scope;
        sc.indexInParent = qint32(target.children.size());
        target.children.push_back(s);
    }
    // Where the task returns when it leaves the scopes it is inside (detached ones included: their
    // parent is nobody, but leaving them still brings the task back home).
    for (ScopeId s = rec.current; s != NoId && s != from && m_scopes[size_t(s)].owner == task;) {
        ScopeRecord &sc = m_scopes[size_t(s)];
        if (sc.ownerPrevious == from)
            sc.ownerPrevious = scope;
        s = sc.ownerPrevious;
    }
    if (rec.current == from)
        placeTask(task, scope);
    rec.home = scope;
    ++m_scopes[size_t(scope)].liveChildren;
    ScopeRecord &old = m_scopes[size_t(from)];
    --old.liveChildren;
    const EventId moved = record(EventKind::Moved, task, scope, NoId, NoId, {}, from);
    // Whoever joins the old scope stops waiting for this task.
    if (old.liveChildren == 0 && old.childWaiter != NoId)
        wake(old.childWaiter, old.childWaiterSerial, moved);
    // A move into a cancelled scope: the next checkpoint raises (a suspended task is woken now).
    interruptIfCancelled(task);
}

bool Runtime::scopeEffectivelyCancelled(ScopeId scope) const
{
    for (ScopeId s = scope; s != NoId; s = m_scopes[size_t(s)].parent) {
        const ScopeRecord &sc = m_scopes[size_t(s)];
        if (sc.cancelCalled && !sc.edge)
            return true;
        if (sc.shield)
            return false;
    }
    return false;
}

} // namespace engine
