#pragma once

#include "engine/types.h"

#include <QAbstractTableModel>

#include <vector>

namespace engine {
class Runtime;
}

namespace widgets {

/// One of the scheduler's two queues as a table: the ready queue (jobs of the current instant, in
/// the FIFO order they will run) or the pending timers (in firing order). It copies what it shows
/// on refresh(), so a run that moves or goes away between refreshes never leaves it dangling.
class SchedulerModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Queue { Ready, Timers };
    enum Column { When, Job, Task, ColumnCount };
    /// Rows shown at most; a run with 100 000 sleepers lists the first ones (totalCount() has all).
    static constexpr int MaxRows = 1000;

    explicit SchedulerModel(Queue queue, QObject *parent = nullptr);

    Queue queue() const { return m_queue; }
    /// The runtime to read (read-only), or nullptr; re-reads it.
    void setRuntime(const engine::Runtime *runtime);
    /// Re-reads the runtime's queue (the run moved).
    void refresh();
    /// Jobs in the queue, including those beyond MaxRows.
    int totalCount() const { return m_total; }
    /// The task of `row`'s job, or engine::NoId.
    engine::TaskId taskAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        engine::Tick when = 0;    // the deadline; the current time for ready jobs
        engine::TaskId task = engine::NoId;
        QString taskName;
        QString job;
        bool operator==(const Row &) const = default;
    };
    std::vector<Row> read(int *total) const;

    Queue m_queue;
    const engine::Runtime *m_runtime = nullptr;
    std::vector<Row> m_rows;
    int m_total = 0;
};

} // namespace widgets
