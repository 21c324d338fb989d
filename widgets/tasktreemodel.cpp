#include "tasktreemodel.h"

#include "timelinemodel.h"
#include "timelinestyle.h"

#include <QFont>

#include <utility>

namespace widgets {

using engine::NoId;
using engine::TaskId;

TaskTreeModel::TaskTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void TaskTreeModel::setTimelineModel(const TimelineModel *model)
{
    if (model == m_model)
        return;
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model) {
        connect(m_model, &TimelineModel::reset, this, &TaskTreeModel::rebuild);
        connect(m_model, &TimelineModel::tasksAdded, this, &TaskTreeModel::addTasks);
        connect(m_model, &TimelineModel::taskMoved, this, &TaskTreeModel::moveTask);
        connect(m_model, &TimelineModel::changed, this, &TaskTreeModel::refreshData);
        connect(m_model, &QObject::destroyed, this, [this] {
            m_model = nullptr;
            rebuild();
        });
    }
    rebuild();
}

void TaskTreeModel::rebuild()
{
    beginResetModel();
    m_nodes.clear();
    m_roots.clear();
    m_highlighted.clear();
    if (m_model)
        for (TaskId id = 0; id < m_model->taskCount(); ++id)
            appendNode(id);
    endResetModel();
}

void TaskTreeModel::appendNode(TaskId id)
{
    const TaskTimeline &t = m_model->task(id);
    if (size_t(id) >= m_nodes.size())
        m_nodes.resize(size_t(id) + 1);
    Node &n = m_nodes[size_t(id)];
    n.parent = t.parent;
    auto &siblings = t.parent >= 0 ? m_nodes[size_t(t.parent)].children : m_roots;
    n.row = int(siblings.size());
    siblings.push_back(id);
    refreshNode(id);
}

void TaskTreeModel::addTasks(int first, int last)
{
    // A new task has the highest id so far, so it is always its parent's last child; a run of
    // new siblings (a fan-out) is inserted as one block of rows.
    for (TaskId id = first; id <= last;) {
        const TaskId parent = m_model->task(id).parent;
        TaskId end = id + 1;
        while (end <= last && m_model->task(end).parent == parent)
            ++end;
        const int row = parent >= 0 ? int(m_nodes[size_t(parent)].children.size()) : int(m_roots.size());
        beginInsertRows(indexOf(parent), row, row + (end - id) - 1);
        for (; id < end; ++id)
            appendNode(id);
        endInsertRows();
    }
}

void TaskTreeModel::moveTask(TaskId task)
{
    if (task < 0 || size_t(task) >= m_nodes.size())
        return;
    Node &n = m_nodes[size_t(task)];
    const TaskId from = n.parent;
    const TaskId to = m_model->task(task).parent;
    if (from == to)
        return;
    auto &oldSiblings = from >= 0 ? m_nodes[size_t(from)].children : m_roots;
    auto &newSiblings = to >= 0 ? m_nodes[size_t(to)].children : m_roots;
    // A move, not a remove and an insert: the views keep the row's selection and expansion.
    if (!beginMoveRows(indexOf(from), n.row, n.row, indexOf(to), int(newSiblings.size())))
        return;
    oldSiblings.erase(oldSiblings.begin() + n.row);
    for (int row = n.row; row < int(oldSiblings.size()); ++row)
        m_nodes[size_t(oldSiblings[size_t(row)])].row = row;
    n.parent = to;
    n.row = int(newSiblings.size());
    newSiblings.push_back(task);
    endMoveRows();
}

bool TaskTreeModel::refreshNode(TaskId id)
{
    const TaskTimeline &t = m_model->task(id);
    Node &n = m_nodes[size_t(id)];
    const QString state = m_model->stateText(id);
    const int sample = int(TimelineStyle::sampleFor(t));
    if (state == n.state && t.ended == n.end && sample == n.sample)
        return false;
    n.state = state;
    n.end = t.ended;
    n.sample = sample;
    return true;
}

void TaskTreeModel::refreshData()
{
    if (!m_model)
        return;
    for (TaskId id = 0; id < TaskId(m_nodes.size()); ++id)
        if (refreshNode(id))
            emit dataChanged(indexOf(id, NameColumn), indexOf(id, EndColumn));
}

void TaskTreeModel::setHighlighted(const std::vector<TaskId> &tasks)
{
    std::vector<char> next(m_nodes.size(), 0);
    for (TaskId id : tasks)
        if (id >= 0 && size_t(id) < next.size())
            next[size_t(id)] = 1;
    if (next == m_highlighted)
        return;
    const std::vector<char> before = std::exchange(m_highlighted, std::move(next));
    for (TaskId id = 0; id < TaskId(m_nodes.size()); ++id) {
        const bool was = size_t(id) < before.size() && before[size_t(id)];
        if (was != isHighlighted(id))
            emit dataChanged(indexOf(id, NameColumn), indexOf(id, EndColumn), {Qt::FontRole, Qt::BackgroundRole});
    }
}

bool TaskTreeModel::isHighlighted(TaskId id) const
{
    return id >= 0 && size_t(id) < m_highlighted.size() && m_highlighted[size_t(id)];
}

TaskId TaskTreeModel::taskId(const QModelIndex &index) const
{
    return index.isValid() ? TaskId(index.internalId()) : NoId;
}

QModelIndex TaskTreeModel::indexOf(TaskId id, int column) const
{
    if (id < 0 || size_t(id) >= m_nodes.size())
        return {};
    return createIndex(m_nodes[size_t(id)].row, column, quintptr(id));
}

QModelIndex TaskTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const auto &siblings = parent.isValid() ? m_nodes[size_t(taskId(parent))].children : m_roots;
    if (size_t(row) >= siblings.size())
        return {};
    return createIndex(row, column, quintptr(siblings[size_t(row)]));
}

QModelIndex TaskTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(m_nodes[size_t(taskId(child))].parent);
}

int TaskTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_roots.size());
    if (parent.column() != 0)
        return 0;
    return int(m_nodes[size_t(taskId(parent))].children.size());
}

int TaskTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

const QIcon &TaskTreeModel::icon(int sample) const
{
    if (m_icons.empty())
        for (int s = 0; s <= int(TimelineStyle::Sample::Cancelled); ++s)
            m_icons.push_back(TimelineStyle::icon(TimelineStyle::Sample(s), 16));
    return m_icons[size_t(sample)];
}

QVariant TaskTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_model)
        return {};
    const TaskId id = taskId(index);
    const Node &n = m_nodes[size_t(id)];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return m_model->taskName(id);
        case StateColumn:
            return n.state;
        case EndColumn:
            return n.end >= 0 ? QVariant(n.end) : QVariant(QStringLiteral("…"));
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == NameColumn)
            return icon(n.sample);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == EndColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        return m_model->summary(id);
    case Qt::FontRole:
        if (isHighlighted(id)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case Qt::BackgroundRole:
        if (isHighlighted(id))
            return QColor(0xF0, 0xE4, 0x42, 90);   // the timeline's marker colour
        break;
    default:
        break;
    }
    return {};
}

QVariant TaskTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Task");
    case StateColumn:
        return tr("State");
    case EndColumn:
        return tr("End");
    }
    return {};
}

} // namespace widgets
