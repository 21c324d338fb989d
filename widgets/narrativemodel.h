#pragma once

#include "engine/trace.h"

#include <QAbstractListModel>
#include <QStringList>

namespace widgets {

/// One row per trace event, in trace order, showing EventNarrator's sentence. Incremental: update()
/// appends the rows of events recorded since the last call; setTrace() (or a cleared trace) resets.
class NarrativeModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        EventIdRole = Qt::UserRole + 1,   ///< engine::EventId (int)
        TimeRole,                         ///< engine::Tick (qint64)
        TaskRole,                         ///< engine::TaskId the row belongs to (int, -1 for none)
        KindRole,                         ///< engine::EventKind (int)
    };

    explicit NarrativeModel(QObject *parent = nullptr);

    /// Shows a new trace (nullptr: none) and resets the model.
    void setTrace(const engine::Trace *trace);
    const engine::Trace *trace() const { return m_trace; }
    /// Appends the rows of events recorded since the last call (resets if the trace was cleared).
    void update();

    /// The event shown in `row` (NoId when out of range).
    engine::EventId eventAt(int row) const;
    /// The last row whose event happened at or before `now` (-1 when none did).
    int lastRowAt(engine::Tick now) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    const engine::Trace *m_trace = nullptr;
    QStringList m_sentences;   // built once per row: a sentence reads only earlier events
    quint64 m_traceRevision = 0;
};

} // namespace widgets
