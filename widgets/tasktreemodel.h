#pragma once

#include "engine/types.h"

#include <QAbstractItemModel>
#include <QIcon>

#include <vector>

namespace widgets {

class TimelineModel;

/// The task tree (parent → children in spawn order) as an item model with the columns name, state
/// and end time. Rows follow the timeline model's tree order, so a tree view of it lines up with
/// the timeline's lanes. It mirrors the structure it has announced, because the timeline model has
/// already changed by the time it signals.
class TaskTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, StateColumn, EndColumn, ColumnCount };

    explicit TaskTreeModel(QObject *parent = nullptr);

    void setTimelineModel(const TimelineModel *model);
    const TimelineModel *timelineModel() const { return m_model; }

    /// The task shown at `index` (NoId for an invalid index).
    engine::TaskId taskId(const QModelIndex &index) const;
    QModelIndex indexOf(engine::TaskId id, int column = NameColumn) const;
    /// Search matches: shown in bold on a light marker background.
    void setHighlighted(const std::vector<engine::TaskId> &tasks);
    bool isHighlighted(engine::TaskId id) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        engine::TaskId parent = engine::NoId;
        int row = 0;
        std::vector<engine::TaskId> children;
        QString state;
        engine::Tick end = -1;
        int sample = 0;
    };

    void rebuild();
    void addTasks(int first, int last);
    void moveTask(engine::TaskId task);
    void refreshData();
    void appendNode(engine::TaskId id);
    bool refreshNode(engine::TaskId id);
    const QIcon &icon(int sample) const;

    const TimelineModel *m_model = nullptr;
    std::vector<Node> m_nodes;
    std::vector<engine::TaskId> m_roots;
    std::vector<char> m_highlighted;
    mutable std::vector<QIcon> m_icons;   // built on first use: needs a GUI application
};

} // namespace widgets
