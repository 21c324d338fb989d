#pragma once

#include "tasktimeline.h"

#include "engine/trace.h"

#include <QObject>

#include <vector>

namespace widgets {

/// Per-task spans, marks and the task tree, derived from an engine trace. It reads the trace
/// incrementally (the trace is append-only) and never touches the runtime that produces it.
/// Not a widget: the timeline, the task tree and the tests share it.
class TimelineModel : public QObject
{
    Q_OBJECT

public:
    explicit TimelineModel(QObject *parent = nullptr);

    /// Shows a new run (nullptr: none). Rebuilds everything and emits reset().
    void setTrace(const engine::Trace *trace);
    const engine::Trace *trace() const { return m_trace; }
    /// Reads the events appended since the last call and moves the open edges to `now`.
    void update(engine::Tick now);

    engine::Tick now() const { return m_now; }
    int taskCount() const { return int(m_tasks.size()); }
    const TaskTimeline &task(engine::TaskId id) const { return m_tasks[size_t(id)]; }
    const std::vector<engine::TaskId> &roots() const { return m_roots; }
    /// Every task, parents before their children, children in spawn order.
    const std::vector<engine::TaskId> &treeOrder() const { return m_treeOrder; }
    const std::vector<ScopeTimeline> &scopes() const { return m_scopes; }
    /// The time range worth showing: up to now, the last event and every planned wake-up.
    engine::Tick extent() const { return m_extent; }
    /// Bumped whenever anything shown changes (views key their caches on it).
    quint64 revision() const { return m_revision; }

    QString taskName(engine::TaskId id) const;
    /// "suspended · sleep until 2", "cancelling", "cancelled" …
    QString stateText(engine::TaskId id) const;
    /// Rich-text summary of a task (tooltips): lifetime, outcome, cancellation.
    QString summary(engine::TaskId id) const;
    /// "sleep until 2", "join B", "children" …
    QString spanText(const TimelineSpan &span) const;

signals:
    /// A different run (or none) is shown; everything was rebuilt.
    void reset();
    /// Tasks `first`…`last` (ids) appeared; they are already in the tree.
    void tasksAdded(int first, int last);
    /// `task`, shown before this update, now has another parent: it is the last child of
    /// task(task).parent (trio's task_status.started() moves a task into the nursery).
    /// Emitted before tasksAdded.
    void taskMoved(engine::TaskId task);
    /// Spans, states or now changed (emitted after tasksAdded).
    void changed();

private:
    void clear();
    void apply(const engine::TraceEvent &e, engine::EventId id);
    void addTask(const engine::TraceEvent &e);
    void moveTask(const engine::TraceEvent &e);
    /// The task that owns `scope` (else `fallback`): the tree follows structure, not who called spawn.
    engine::TaskId ownerOf(engine::ScopeId scope, engine::TaskId fallback) const;
    void closeSpan(TaskTimeline &t, engine::Tick at);
    void openSpan(TaskTimeline &t, const TimelineSpan &span);
    void finish(TaskTimeline &t, const engine::TraceEvent &e, engine::EventId id, MarkKind kind);
    void requestCancel(TaskTimeline &t, const engine::TraceEvent &request, engine::EventId id);
    void cancelScope(const engine::TraceEvent &e, engine::EventId id);
    bool scopeContains(engine::ScopeId outer, engine::ScopeId inner) const;
    ScopeTimeline *scope(engine::ScopeId id);
    void rebuildTreeOrder();
    void recomputeExtent();

    const engine::Trace *m_trace = nullptr;
    std::vector<TaskTimeline> m_tasks;
    std::vector<engine::TaskId> m_roots;
    std::vector<engine::TaskId> m_treeOrder;
    std::vector<ScopeTimeline> m_scopes;   // indexed by ScopeId
    std::vector<engine::TaskId> m_open;    // tasks not ended, for scope cancellation (unordered)
    std::vector<int> m_openPos;            // task id → index in m_open, -1 once ended
    std::vector<engine::TaskId> m_moved;   // shown tasks moved during this update, in order
    int m_shownTasks = 0;                  // tasks already shown when this update began
    bool m_treeChanged = false;            // a move changed the tree order
    size_t m_processed = 0;
    quint64 m_traceRevision = 0;
    quint64 m_revision = 0;
    engine::Tick m_now = 0;
    engine::Tick m_lastEvent = 0;
    engine::Tick m_extent = 0;
};

} // namespace widgets
