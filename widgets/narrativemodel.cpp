#include "narrativemodel.h"

#include "eventnarrator.h"

#include <algorithm>

namespace widgets {

using engine::EventId;
using engine::Tick;

NarrativeModel::NarrativeModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void NarrativeModel::setTrace(const engine::Trace *trace)
{
    beginResetModel();
    m_trace = trace;
    m_sentences.clear();
    m_traceRevision = 0;
    if (m_trace) {
        for (EventId i = 0; i < m_trace->size(); ++i)
            m_sentences << EventNarrator::sentence(*m_trace, i);
        m_traceRevision = m_trace->revision();
    }
    endResetModel();
}

void NarrativeModel::update()
{
    if (!m_trace || m_trace->revision() == m_traceRevision)
        return;
    const int have = int(m_sentences.size());
    const int now = m_trace->size();
    if (now < have) {
        // The trace was cleared and refilled under us (a reset run): start over.
        setTrace(m_trace);
        return;
    }
    m_traceRevision = m_trace->revision();
    if (now == have)
        return;
    beginInsertRows({}, have, now - 1);
    for (EventId i = have; i < now; ++i)
        m_sentences << EventNarrator::sentence(*m_trace, i);
    endInsertRows();
}

EventId NarrativeModel::eventAt(int row) const
{
    return row >= 0 && row < m_sentences.size() ? EventId(row) : engine::NoId;
}

int NarrativeModel::lastRowAt(Tick now) const
{
    if (!m_trace)
        return -1;
    // Trace events are ordered by time: binary search for the first one after `now`.
    int lo = 0, hi = int(m_sentences.size());
    while (lo < hi) {
        const int mid = (lo + hi) / 2;
        if (m_trace->at(mid).time <= now)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo - 1;
}

int NarrativeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sentences.size());
}

QVariant NarrativeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_trace)
        return {};
    const int row = index.row();
    switch (role) {
    case Qt::DisplayRole:
        return m_sentences.at(row);
    case Qt::ToolTipRole:
        return tr("Click or press Enter to move the playhead to t=%1").arg(m_trace->at(row).time);
    case EventIdRole:
        return row;
    case TimeRole:
        return qint64(m_trace->at(row).time);
    case TaskRole:
        return EventNarrator::taskOf(*m_trace, row);
    case KindRole:
        return int(m_trace->at(row).kind);
    default:
        return {};
    }
}

QHash<int, QByteArray> NarrativeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(EventIdRole, "eventId");
    names.insert(TimeRole, "time");
    names.insert(TaskRole, "task");
    names.insert(KindRole, "kind");
    return names;
}

} // namespace widgets
