#include "schedulermodel.h"

#include "engine/runtime.h"

namespace widgets {

SchedulerModel::SchedulerModel(Queue queue, QObject *parent)
    : QAbstractTableModel(parent)
    , m_queue(queue)
{
}

void SchedulerModel::setRuntime(const engine::Runtime *runtime)
{
    if (runtime == m_runtime)
        return;
    m_runtime = runtime;
    // A different run: nothing of the old rows carries over.
    beginResetModel();
    m_rows = read(&m_total);
    endResetModel();
}

std::vector<SchedulerModel::Row> SchedulerModel::read(int *total) const
{
    std::vector<Row> rows;
    *total = 0;
    if (!m_runtime)
        return rows;
    const engine::Scheduler &s = m_runtime->scheduler();
    const engine::Trace &trace = m_runtime->trace();
    const auto row = [&](engine::Tick when, const engine::Job &job) {
        return Row{when, job.task, job.task >= 0 ? trace.taskName(job.task) : QString(),
                   QString::fromLatin1(engine::toString(engine::JobLabel(job.label)))};
    };
    if (m_queue == Queue::Ready) {
        *total = int(s.readyQueue().size());
        for (const engine::Job &job : s.readyQueue()) {
            if (rows.size() == MaxRows)
                break;
            rows.push_back(row(s.now(), job));
        }
    } else {
        const std::vector<engine::PendingTimer> timers = s.pendingTimers();
        *total = int(timers.size());
        for (size_t i = 0; i < timers.size() && i < MaxRows; ++i)
            rows.push_back(row(timers[i].deadline, timers[i].job));
    }
    return rows;
}

void SchedulerModel::refresh()
{
    const std::vector<Row> fresh = read(&m_total);
    // Rows change in place, then the tail grows or shrinks: views keep their scroll position.
    const int common = int(std::min(fresh.size(), m_rows.size()));
    int firstChanged = -1;
    int lastChanged = -1;
    for (int i = 0; i < common; ++i)
        if (!(fresh[size_t(i)] == m_rows[size_t(i)])) {
            if (firstChanged < 0)
                firstChanged = i;
            lastChanged = i;
        }
    if (int(fresh.size()) < int(m_rows.size())) {
        beginRemoveRows({}, common, int(m_rows.size()) - 1);
        m_rows.resize(size_t(common));
        endRemoveRows();
    } else if (fresh.size() > m_rows.size()) {
        beginInsertRows({}, common, int(fresh.size()) - 1);
        m_rows.insert(m_rows.end(), fresh.begin() + common, fresh.end());
        endInsertRows();
    }
    std::copy(fresh.begin(), fresh.begin() + common, m_rows.begin());
    if (firstChanged >= 0)
        emit dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
}

engine::TaskId SchedulerModel::taskAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[size_t(row)].task : engine::NoId;
}

int SchedulerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SchedulerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SchedulerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[size_t(index.row())];
    const QString when = m_queue == Queue::Ready ? tr("now") : tr("t=%1").arg(r.when);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case When: return when;
        case Job: return r.job;
        case Task: return r.task >= 0 ? r.taskName : tr("—");
        }
    }
    if (role == Qt::ToolTipRole) {
        const QString what = r.task >= 0 ? r.job + QLatin1Char(' ') + r.taskName : r.job;
        return m_queue == Queue::Ready ? tr("%1. in the ready queue: %2 (runs at t=%3)").arg(index.row() + 1).arg(what).arg(r.when)
                                       : tr("timer: %1 at t=%2").arg(what).arg(r.when);
    }
    if (role == Qt::TextAlignmentRole && index.column() == When)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant SchedulerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When: return m_queue == Queue::Ready ? tr("When") : tr("Deadline");
    case Job: return tr("Job");
    case Task: return tr("Task");
    }
    return {};
}

} // namespace widgets
