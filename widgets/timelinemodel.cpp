#include "timelinemodel.h"

#include <algorithm>
#include <utility>

namespace widgets {

using engine::EventId;
using engine::EventKind;
using engine::NoId;
using engine::ScopeId;
using engine::TaskId;
using engine::TaskState;
using engine::Tick;
using engine::TraceEvent;

TimelineModel::TimelineModel(QObject *parent)
    : QObject(parent)
{
}

void TimelineModel::clear()
{
    m_tasks.clear();
    m_roots.clear();
    m_treeOrder.clear();
    m_scopes.clear();
    m_open.clear();
    m_openPos.clear();
    m_moved.clear();
    m_shownTasks = 0;
    m_treeChanged = false;
    m_processed = 0;
    m_traceRevision = 0;
    m_now = 0;
    m_lastEvent = 0;
    m_extent = 0;
}

void TimelineModel::setTrace(const engine::Trace *trace)
{
    m_trace = trace;
    clear();
    if (m_trace) {
        const auto &events = m_trace->events();
        for (size_t i = 0; i < events.size(); ++i)
            apply(events[i], EventId(i));
        m_processed = events.size();
        m_traceRevision = m_trace->revision();
        m_now = m_lastEvent;
    }
    rebuildTreeOrder();
    m_moved.clear();   // the reset rebuilds every view of the tree
    m_treeChanged = false;
    recomputeExtent();
    ++m_revision;
    emit reset();
}

void TimelineModel::update(Tick now)
{
    if (m_trace && m_trace->events().size() < m_processed) {
        // The trace was cleared under us: start over.
        setTrace(m_trace);
    }
    const int before = taskCount();
    m_shownTasks = before;
    bool dirty = false;
    if (m_trace && m_trace->revision() != m_traceRevision) {
        const auto &events = m_trace->events();
        for (size_t i = m_processed; i < events.size(); ++i)
            apply(events[i], EventId(i));
        m_processed = events.size();
        m_traceRevision = m_trace->revision();
        dirty = true;
    }
    if (now != m_now) {
        m_now = now;
        dirty = true;
    }
    if (!dirty)
        return;
    const bool added = taskCount() > before;
    if (added || m_treeChanged)
        rebuildTreeOrder();
    m_treeChanged = false;
    recomputeExtent();
    ++m_revision;
    const std::vector<TaskId> moved = std::exchange(m_moved, {});
    for (const TaskId task : moved)
        emit taskMoved(task);
    if (added)
        emit tasksAdded(before, taskCount() - 1);
    emit changed();
}

void TimelineModel::apply(const TraceEvent &e, EventId id)
{
    m_lastEvent = std::max(m_lastEvent, e.time);
    switch (e.kind) {
    case EventKind::Spawned:
        addTask(e);
        return;
    case EventKind::Moved:
        moveTask(e);
        return;
    case EventKind::ScopeEntered:
        if (ScopeTimeline *s = scope(e.scope)) {
            s->owner = e.task;
            s->entered = e.time;
            s->kind = engine::ScopeKind(e.detail);
        }
        return;
    case EventKind::ScopeExited:
        if (ScopeTimeline *s = scope(e.scope))
            s->exited = e.time;
        return;
    case EventKind::TimerSet:
        if (ScopeTimeline *s = scope(e.scope))
            s->deadline = e.value;
        return;
    case EventKind::CancelRequested:
        if (e.task == NoId) {
            cancelScope(e, id);
            return;
        }
        break;
    default:
        break;
    }
    if (e.task < 0 || e.task >= taskCount())
        return;
    TaskTimeline &t = m_tasks[size_t(e.task)];
    switch (e.kind) {
    case EventKind::Started:
        t.started = e.time;
        t.state = TaskState::Running;
        openSpan(t, TimelineSpan{e.time, TimelineSpan::OpenEnd, -1, NoId, SpanKind::Running, {}});
        break;
    case EventKind::Suspended:
        t.state = TaskState::Suspended;
        t.wait = engine::WaitReason(e.detail);
        openSpan(t, TimelineSpan{e.time, TimelineSpan::OpenEnd, e.value, e.other, SpanKind::Suspended, t.wait});
        break;
    case EventKind::Resumed:
        t.state = TaskState::Running;
        t.wait = engine::WaitReason::None;
        openSpan(t, TimelineSpan{e.time, TimelineSpan::OpenEnd, -1, NoId, SpanKind::Running, {}});
        break;
    case EventKind::Completed:
        finish(t, e, id, MarkKind::Completed);
        break;
    case EventKind::Failed:
        finish(t, e, id, MarkKind::Failed);
        break;
    case EventKind::Cancelled:
        finish(t, e, id, MarkKind::Cancelled);
        break;
    case EventKind::CancelRequested:
        requestCancel(t, e, id);
        break;
    case EventKind::ValueEmitted:
    case EventKind::ItemPulled:
        t.marbles.push_back(TimelineMarble{e.time, id, e.kind == EventKind::ItemPulled});
        break;
    case EventKind::CancelDelivered: {
        // A task can be reached by a request we did not attribute to it (e.g. the owner of a
        // cancelled nursery, inside its own scope): the delivery names the request as its cause.
        if (!t.cancelRequested() && e.cause >= 0 && e.cause < m_trace->size()
            && m_trace->at(e.cause).kind == EventKind::CancelRequested)
            requestCancel(t, m_trace->at(e.cause), e.cause);
        t.marks.push_back(TimelineMark{e.time, id, MarkKind::CancelDelivered});
        break;
    }
    default:
        break;
    }
}

void TimelineModel::addTask(const TraceEvent &e)
{
    if (e.task < 0)
        return;
    if (size_t(e.task) >= m_tasks.size())
        m_tasks.resize(size_t(e.task) + 1);
    TaskTimeline &t = m_tasks[size_t(e.task)];
    t.id = e.task;
    t.spawned = e.time;
    t.scope = e.scope;
    const auto &tasks = m_trace->tasks();
    TaskId spawner = e.other;
    if (size_t(e.task) < tasks.size())
        spawner = tasks[size_t(e.task)].parent;
    // The tree follows structure, not who called spawn: a task belongs to the owner of its scope
    // (trio lets any task start children in another task's nursery).
    TaskId parent = ownerOf(t.scope, spawner);
    if (parent >= e.task)
        parent = NoId;
    t.parent = parent;
    if (parent >= 0) {
        TaskTimeline &p = m_tasks[size_t(parent)];
        t.depth = p.depth + 1;
        p.children.push_back(e.task);
    } else {
        m_roots.push_back(e.task);
    }
    if (size_t(e.task) >= m_openPos.size())
        m_openPos.resize(size_t(e.task) + 1, -1);
    m_openPos[size_t(e.task)] = int(m_open.size());
    m_open.push_back(e.task);
    openSpan(t, TimelineSpan{e.time, TimelineSpan::OpenEnd, -1, NoId, SpanKind::Waiting, {}});
}

TaskId TimelineModel::ownerOf(engine::ScopeId scope, TaskId fallback) const
{
    const auto &scopes = m_trace->scopes();
    if (scope >= 0 && size_t(scope) < scopes.size() && scopes[size_t(scope)].owner >= 0)
        return scopes[size_t(scope)].owner;
    return fallback;
}

void TimelineModel::moveTask(const TraceEvent &e)
{
    if (e.task < 0 || e.task >= taskCount())
        return;
    TaskTimeline &t = m_tasks[size_t(e.task)];
    t.scope = e.scope;
    const TaskId to = ownerOf(e.scope, t.parent);
    // A task cannot move under itself or one of its own children; the engine never does that,
    // a damaged recorded trace might.
    for (TaskId a = to; a >= 0; a = m_tasks[size_t(a)].parent)
        if (a == e.task)
            return;
    if (to == t.parent || to >= taskCount())
        return;
    auto &from = t.parent >= 0 ? m_tasks[size_t(t.parent)].children : m_roots;
    from.erase(std::remove(from.begin(), from.end(), e.task), from.end());
    t.parent = to;
    (to >= 0 ? m_tasks[size_t(to)].children : m_roots).push_back(e.task);
    // The moved subtree's depths follow its new place.
    std::vector<TaskId> stack{e.task};
    while (!stack.empty()) {
        TaskTimeline &s = m_tasks[size_t(stack.back())];
        stack.pop_back();
        s.depth = s.parent >= 0 ? m_tasks[size_t(s.parent)].depth + 1 : 0;
        stack.insert(stack.end(), s.children.begin(), s.children.end());
    }
    m_treeChanged = true;
    if (e.task < m_shownTasks)
        m_moved.push_back(e.task);
}

void TimelineModel::closeSpan(TaskTimeline &t, Tick at)
{
    if (t.spans.empty() || !t.spans.back().isOpen())
        return;
    TimelineSpan &last = t.spans.back();
    last.end = at;
    // An eager task starts inside its spawn: an empty "waiting to start" span is noise.
    if (last.kind == SpanKind::Waiting && last.begin == last.end)
        t.spans.pop_back();
}

void TimelineModel::openSpan(TaskTimeline &t, const TimelineSpan &span)
{
    closeSpan(t, span.begin);
    t.spans.push_back(span);
}

void TimelineModel::finish(TaskTimeline &t, const TraceEvent &e, EventId id, MarkKind kind)
{
    closeSpan(t, e.time);
    t.ended = e.time;
    t.endEvent = id;
    t.wait = engine::WaitReason::None;
    t.state = kind == MarkKind::Completed ? TaskState::Completed
        : kind == MarkKind::Failed        ? TaskState::Failed
                                          : TaskState::Cancelled;
    t.marks.push_back(TimelineMark{e.time, id, kind});
    // Swap-remove through a position index: a linear erase per ending task made opening a
    // 100 000-task run quadratic.
    if (t.id >= 0 && size_t(t.id) < m_openPos.size() && m_openPos[size_t(t.id)] >= 0) {
        const int at = m_openPos[size_t(t.id)];
        const TaskId moved = m_open.back();
        m_open[size_t(at)] = moved;
        m_openPos[size_t(moved)] = at;
        m_open.pop_back();
        m_openPos[size_t(t.id)] = -1;
    }
}

void TimelineModel::requestCancel(TaskTimeline &t, const TraceEvent &request, EventId id)
{
    if (!t.isOpen() || t.cancelRequested())
        return;
    t.cancelRequest = id;
    t.cancelRequestTime = request.time;
    const TimelineMark mark{request.time, id, MarkKind::CancelRequested};
    // Keep marks in time order even when the request is attributed late (from a delivery).
    const auto at = std::upper_bound(t.marks.begin(), t.marks.end(), mark,
                                     [](const TimelineMark &a, const TimelineMark &b) { return a.time < b.time; });
    t.marks.insert(at, mark);
}

void TimelineModel::cancelScope(const TraceEvent &e, EventId id)
{
    if (ScopeTimeline *s = scope(e.scope); s && s->cancelled < 0)
        s->cancelled = e.time;
    // Every task living in the scope or in a scope nested inside it is asked to stop. (The trace
    // does not record shields, so a shielded task is marked too; see the engine notes.)
    const std::vector<TaskId> open = m_open;
    for (TaskId task : open) {
        TaskTimeline &t = m_tasks[size_t(task)];
        if (scopeContains(e.scope, t.scope))
            requestCancel(t, e, id);
    }
    // So is the owner of the scope (or of a scope nested in it) while it is still inside: a
    // nursery's body is. An owner waiting for the children has left its scope first (the trace
    // has no "left scope" event, but that wait is only ever entered after leaving).
    for (const ScopeTimeline &s : m_scopes) {
        if (s.id < 0 || !s.isOpen() || s.owner < 0 || !scopeContains(e.scope, s.id))
            continue;
        TaskTimeline &owner = m_tasks[size_t(s.owner)];
        const bool waitingForChildren = owner.state == TaskState::Suspended && owner.wait == engine::WaitReason::Children;
        if (!waitingForChildren)
            requestCancel(owner, e, id);
    }
}

bool TimelineModel::scopeContains(ScopeId outer, ScopeId inner) const
{
    const auto &scopes = m_trace->scopes();
    for (size_t guard = 0; inner >= 0 && guard <= scopes.size(); ++guard) {
        if (inner == outer)
            return true;
        if (size_t(inner) >= scopes.size())
            return false;
        inner = scopes[size_t(inner)].parent;
    }
    return false;
}

ScopeTimeline *TimelineModel::scope(ScopeId id)
{
    if (id < 0)
        return nullptr;
    if (size_t(id) >= m_scopes.size())
        m_scopes.resize(size_t(id) + 1);
    ScopeTimeline &s = m_scopes[size_t(id)];
    s.id = id;
    return &s;
}

void TimelineModel::rebuildTreeOrder()
{
    m_treeOrder.clear();
    m_treeOrder.reserve(m_tasks.size());
    std::vector<TaskId> stack(m_roots.rbegin(), m_roots.rend());
    while (!stack.empty()) {
        const TaskId id = stack.back();
        stack.pop_back();
        m_treeOrder.push_back(id);
        const auto &children = m_tasks[size_t(id)].children;
        stack.insert(stack.end(), children.rbegin(), children.rend());
    }
}

void TimelineModel::recomputeExtent()
{
    Tick extent = std::max(m_now, m_lastEvent);
    for (TaskId id : m_open) {
        const TaskTimeline &t = m_tasks[size_t(id)];
        if (!t.spans.empty() && t.spans.back().isOpen())
            extent = std::max(extent, t.spans.back().wake);
    }
    for (const ScopeTimeline &s : m_scopes)
        if (s.isOpen() && s.cancelled < 0)
            extent = std::max(extent, s.deadline);
    m_extent = extent;
}

QString TimelineModel::taskName(TaskId id) const
{
    return m_trace ? m_trace->taskName(id) : QString();
}

QString TimelineModel::spanText(const TimelineSpan &span) const
{
    switch (span.kind) {
    case SpanKind::Waiting:
        return tr("waiting to start");
    case SpanKind::Running:
        return tr("running");
    case SpanKind::Suspended:
        break;
    }
    switch (span.reason) {
    case engine::WaitReason::Sleep:
        return span.wake >= 0 ? tr("sleep until %1").arg(span.wake) : tr("sleep");
    case engine::WaitReason::Join:
        return span.other >= 0 ? tr("join %1").arg(taskName(span.other)) : tr("join");
    case engine::WaitReason::Children:
        return tr("waiting for children");
    default:
        return QString::fromLatin1(engine::toString(span.reason));
    }
}

QString TimelineModel::stateText(TaskId id) const
{
    const TaskTimeline &t = task(id);
    switch (t.state) {
    case TaskState::Created:
        return t.isCancelling() ? tr("cancelling · not started") : tr("created");
    case TaskState::Running:
        return t.isCancelling() ? tr("cancelling · running") : tr("running");
    case TaskState::Suspended: {
        const QString on = t.spans.empty() ? QString() : spanText(t.spans.back());
        return t.isCancelling() ? tr("cancelling · %1").arg(on) : tr("suspended · %1").arg(on);
    }
    case TaskState::Completed:
        return t.cancelRequested() ? tr("completed (cancel ignored)") : tr("completed");
    case TaskState::Failed:
        // "Failed while being cancelled" stays visible (design.md §2).
        return t.cancelRequested() ? tr("failed while cancelling") : tr("failed");
    case TaskState::Cancelled:
        return tr("cancelled");
    }
    return {};
}

QString TimelineModel::summary(TaskId id) const
{
    if (!m_trace || id < 0 || id >= taskCount())
        return {};
    const TaskTimeline &t = task(id);
    QStringList lines;
    QString head = QStringLiteral("<b>%1</b>").arg(taskName(id).toHtmlEscaped());
    if (t.scope >= 0)
        head += tr(" in %1").arg(m_trace->scopeName(t.scope).toHtmlEscaped());
    lines << head;
    lines << tr("state: %1").arg(stateText(id).toHtmlEscaped());
    lines << (t.started >= 0 ? tr("spawned at %1, started at %2").arg(t.spawned).arg(t.started)
                             : tr("spawned at %1, not started").arg(t.spawned));
    if (t.cancelRequested()) {
        const TraceEvent &r = m_trace->at(t.cancelRequest);
        QString line = tr("cancel requested at %1").arg(r.time);
        if (r.other >= 0)
            line += tr(" by %1").arg(taskName(r.other).toHtmlEscaped());
        const QString why = m_trace->string(r.text);
        if (!why.isEmpty())
            line += QStringLiteral(": ") + why.toHtmlEscaped();
        lines << line;
    }
    if (!t.isOpen()) {
        const QString text = m_trace->string(m_trace->at(t.endEvent).text);
        QString line = tr("%1 at %2").arg(QString::fromLatin1(engine::toString(t.state))).arg(t.ended);
        if (!text.isEmpty())
            line += QStringLiteral(" · ") + text.toHtmlEscaped();
        lines << line;
        if (t.cancelRequested())
            lines << tr("cancel latency: %1").arg(t.ended - t.cancelRequestTime);
    } else if (t.cancelRequested()) {
        lines << tr("still running %1 after the request").arg(m_now - t.cancelRequestTime);
    }
    return lines.join(QStringLiteral("<br>"));
}

} // namespace widgets
