#pragma once

#include "taskfilter.h"

#include "engine/types.h"

#include <QWidget>

class QModelIndex;
class QSplitter;
class QTreeView;

namespace engine {
class Runtime;
class Trace;
}

namespace widgets {

class TaskTreeModel;
class TimelineFilterBar;
class TimelineLegend;
class TimelineModel;
class TimelineView;

/// The task tree beside the timeline, kept in step: the timeline has one lane per visible tree
/// row in the same order, its lanes are as tall as the rows, its ruler as tall as the header, and
/// both scroll together. Selecting a row selects the lane and the other way round.
///
/// A filter bar above both searches tasks by name and state: rows and lanes that do not match are
/// hidden, except the ancestors of a match, which stay (dimmed on the timeline) so that the tree
/// keeps its shape; matches are highlighted in both. F3 / Shift+F3 select the next / previous
/// match and scroll to it.
class TimelinePanel : public QWidget
{
    Q_OBJECT

public:
    explicit TimelinePanel(QWidget *parent = nullptr);
    ~TimelinePanel() override;

    /// Shows a run (nullptr: none). The runtime is only read, never stepped.
    void setRuntime(const engine::Runtime *runtime);
    /// Shows a trace whose owner says the time (a recorded run has no runtime); nullptr: none.
    void setTrace(const engine::Trace *trace);
    /// Re-reads the run after it advanced.
    void refresh();
    /// Re-reads the trace after it grew, with the playhead at `now`.
    void refresh(engine::Tick now);

    engine::TaskId selectedTask() const;
    void selectTask(engine::TaskId task);

    TimelineModel *model() const { return m_model; }
    TaskTreeModel *treeModel() const { return m_treeModel; }
    QTreeView *tree() const { return m_tree; }
    TimelineView *timeline() const { return m_timeline; }
    TimelineFilterBar *filterBar() const { return m_filterBar; }

    const TaskFilter &filter() const { return m_filter; }
    /// The matches of the filter in tree order (empty for an empty filter).
    const std::vector<engine::TaskId> &matches() const { return m_matches; }

public slots:
    void setFilter(const widgets::TaskFilter &filter);
    /// Selects the next (previous) match after (before) the selected task, wrapping around, and
    /// scrolls it into view in the tree and on the timeline.
    void selectNextMatch();
    void selectPreviousMatch();
    /// The overlays, for the app's View menu.
    void setShowErrorPaths(bool show);
    void setShowCausality(bool show);

signals:
    void selectedTaskChanged(engine::TaskId task);

protected:
    bool event(QEvent *event) override;

private:
    void syncLanes();
    /// Appends the shown rows under `parent` (depth first, expanded rows only) to `lanes`.
    void collectLanes(const QModelIndex &parent, std::vector<engine::TaskId> &lanes) const;
    void syncMetrics();
    void expandInserted(const QModelIndex &parent, int first, int last);
    void currentRowChanged(const QModelIndex &current);
    void applyFilter();
    void stepMatch(int direction);
    void updateMatchInfo();

    const engine::Runtime *m_runtime = nullptr;
    TimelineModel *m_model = nullptr;
    TaskTreeModel *m_treeModel = nullptr;
    QSplitter *m_splitter = nullptr;
    QTreeView *m_tree = nullptr;
    TimelineView *m_timeline = nullptr;
    TimelineLegend *m_legend = nullptr;
    TimelineFilterBar *m_filterBar = nullptr;
    TaskFilter m_filter;
    std::vector<engine::TaskId> m_matches;
    std::vector<char> m_rowHidden;   // task id → hidden by the filter (what the tree was told)
    // Rows were inserted during a model update: the lanes are synced once when it ends
    // (TimelineModel::changed), not once per new task — that was quadratic in the task count.
    bool m_lanesDirty = false;
    bool m_expanding = false;   // our own expand()/expandAll() calls: no sync per row
};

} // namespace widgets
