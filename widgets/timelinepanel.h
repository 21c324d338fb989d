#pragma once

#include "engine/types.h"

#include <QWidget>

class QModelIndex;
class QSplitter;
class QTreeView;

namespace engine {
class Runtime;
}

namespace widgets {

class TaskTreeModel;
class TimelineLegend;
class TimelineModel;
class TimelineView;

/// The task tree beside the timeline, kept in step: the timeline has one lane per visible tree
/// row in the same order, its lanes are as tall as the rows, its ruler as tall as the header, and
/// both scroll together. Selecting a row selects the lane and the other way round.
class TimelinePanel : public QWidget
{
    Q_OBJECT

public:
    explicit TimelinePanel(QWidget *parent = nullptr);
    ~TimelinePanel() override;

    /// Shows a run (nullptr: none). The runtime is only read, never stepped.
    void setRuntime(const engine::Runtime *runtime);
    /// Re-reads the run after it advanced.
    void refresh();

    engine::TaskId selectedTask() const;
    void selectTask(engine::TaskId task);

    TimelineModel *model() const { return m_model; }
    TaskTreeModel *treeModel() const { return m_treeModel; }
    QTreeView *tree() const { return m_tree; }
    TimelineView *timeline() const { return m_timeline; }

signals:
    void selectedTaskChanged(engine::TaskId task);

protected:
    bool event(QEvent *event) override;

private:
    void syncLanes();
    void syncMetrics();
    void expandInserted(const QModelIndex &parent, int first, int last);
    void currentRowChanged(const QModelIndex &current);

    const engine::Runtime *m_runtime = nullptr;
    TimelineModel *m_model = nullptr;
    TaskTreeModel *m_treeModel = nullptr;
    QSplitter *m_splitter = nullptr;
    QTreeView *m_tree = nullptr;
    TimelineView *m_timeline = nullptr;
    TimelineLegend *m_legend = nullptr;
};

} // namespace widgets
