#include "trace.h"

#include "value.h"

namespace engine {

const char *toString(EventKind k)
{
    switch (k) {
    case EventKind::Spawned: return "spawned";
    case EventKind::Started: return "started";
    case EventKind::Suspended: return "suspended";
    case EventKind::Resumed: return "resumed";
    case EventKind::Completed: return "completed";
    case EventKind::Failed: return "failed";
    case EventKind::CancelRequested: return "cancel requested";
    case EventKind::CancelDelivered: return "cancel delivered";
    case EventKind::Cancelled: return "cancelled";
    case EventKind::ErrorPropagated: return "error propagated";
    case EventKind::ErrorsGrouped: return "errors grouped";
    case EventKind::ScopeEntered: return "scope entered";
    case EventKind::ScopeExited: return "scope exited";
    case EventKind::ValueEmitted: return "value emitted";
    case EventKind::ItemPulled: return "item pulled";
    case EventKind::SlotAcquired: return "slot acquired";
    case EventKind::SlotReleased: return "slot released";
    case EventKind::TimerSet: return "timer set";
    case EventKind::TimerFired: return "timer fired";
    case EventKind::Moved: return "moved";
    }
    return "?";
}

EventId Trace::append(const TraceEvent &e)
{
    if (!m_recording)
        return NoId;
    m_events.push_back(e);
    ++m_revision;
    return EventId(m_events.size() - 1);
}

void Trace::addTask(TaskId id, const TraceTask &t)
{
    if (size_t(id) >= m_tasks.size())
        m_tasks.resize(size_t(id) + 1);
    m_tasks[size_t(id)] = t;
}

void Trace::addScope(ScopeId id, const TraceScope &s)
{
    if (size_t(id) >= m_scopes.size())
        m_scopes.resize(size_t(id) + 1);
    m_scopes[size_t(id)] = s;
}

qint32 Trace::intern(const QString &s)
{
    if (s.isEmpty())
        return -1;
    auto it = m_stringIds.constFind(s);
    if (it != m_stringIds.constEnd())
        return *it;
    const qint32 id = qint32(m_strings.size());
    m_strings.append(s);
    m_stringIds.insert(s, id);
    return id;
}

qint32 Trace::internValue(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
        m_numbers.push_back(value.toLongLong());
        return qint32(-2 - qint64(m_numbers.size() - 1));
    default:
        return intern(describeValue(value));
    }
}

QString Trace::string(qint32 id) const
{
    if (id >= 0)
        return id < m_strings.size() ? m_strings.at(id) : QString();
    const qint64 number = -2 - qint64(id);
    return number >= 0 && number < qint64(m_numbers.size()) ? QString::number(m_numbers[size_t(number)]) : QString();
}

QString Trace::taskName(TaskId id) const
{
    if (id < 0)
        return QStringLiteral("-");
    const QString n = size_t(id) < m_tasks.size() ? string(m_tasks[size_t(id)].name) : QString();
    return n.isEmpty() ? QStringLiteral("task#%1").arg(id) : n;
}

QString Trace::scopeName(ScopeId id) const
{
    if (id < 0)
        return QStringLiteral("-");
    const QString n = size_t(id) < m_scopes.size() ? string(m_scopes[size_t(id)].name) : QString();
    return n.isEmpty() ? QStringLiteral("scope#%1").arg(id) : n;
}

QString Trace::format(const TraceEvent &e) const
{
    QString line = QStringLiteral("t=%1 ").arg(e.time);
    const QString text = string(e.text);
    switch (e.kind) {
    case EventKind::Spawned:
        return line + taskName(e.task) + QStringLiteral(" spawned in ") + scopeName(e.scope);
    case EventKind::Started:
    case EventKind::Cancelled:
        return line + taskName(e.task) + QLatin1Char(' ') + QLatin1String(toString(e.kind));
    case EventKind::Resumed:
        return line + taskName(e.task) + QStringLiteral(" resumed");
    case EventKind::Suspended: {
        line += taskName(e.task) + QStringLiteral(" suspended on ") + QLatin1String(toString(WaitReason(e.detail)));
        if (e.value >= 0)
            line += QStringLiteral(" until %1").arg(e.value);
        if (e.other >= 0)
            line += QStringLiteral(" for ") + taskName(e.other);
        return line;
    }
    case EventKind::Completed:
        return line + taskName(e.task) + QStringLiteral(" completed") + (text.isEmpty() ? QString() : QLatin1Char(' ') + text);
    case EventKind::Failed:
        return line + taskName(e.task) + QStringLiteral(" failed ") + text;
    case EventKind::CancelRequested:
        return line + QStringLiteral("cancel ") + (e.scope >= 0 ? scopeName(e.scope) : taskName(e.task))
            + QStringLiteral(" by ") + taskName(e.other) + (text.isEmpty() ? QString() : QStringLiteral(": ") + text);
    case EventKind::CancelDelivered:
        return line + taskName(e.task) + QStringLiteral(" cancel delivered at ") + QLatin1String(toString(WaitReason(e.detail)));
    case EventKind::ErrorPropagated:
        return line + taskName(e.task) + QStringLiteral(" error propagated to ") + scopeName(e.scope);
    case EventKind::ErrorsGrouped:
        return line + scopeName(e.scope) + QStringLiteral(" raises ") + text;
    case EventKind::ScopeEntered:
        return line + taskName(e.task) + QStringLiteral(" entered ") + scopeName(e.scope);
    case EventKind::ScopeExited:
        return line + taskName(e.task) + QStringLiteral(" exited ") + scopeName(e.scope) + (text.isEmpty() ? QString() : QStringLiteral(" (") + text + QLatin1Char(')'));
    case EventKind::ValueEmitted:
    case EventKind::ItemPulled:
        return line + taskName(e.task) + QLatin1Char(' ') + QLatin1String(toString(e.kind)) + QLatin1Char(' ') + text;
    case EventKind::SlotAcquired:
    case EventKind::SlotReleased:
        return line + taskName(e.task) + QLatin1Char(' ') + QLatin1String(toString(e.kind)) + QStringLiteral(" in ") + scopeName(e.scope) + QStringLiteral(" (%1 in use)").arg(e.value);
    case EventKind::TimerSet:
        return line + scopeName(e.scope) + QStringLiteral(" deadline at %1").arg(e.value);
    case EventKind::TimerFired:
        return line + scopeName(e.scope) + QStringLiteral(" deadline reached");
    case EventKind::Moved:
        return line + taskName(e.task) + QStringLiteral(" moved from ") + scopeName(ScopeId(e.value)) + QStringLiteral(" to ") + scopeName(e.scope);
    }
    return line;
}

QStringList Trace::formatAll() const
{
    QStringList out;
    out.reserve(int(m_events.size()));
    for (const TraceEvent &e : m_events)
        out << format(e);
    return out;
}

void Trace::clear()
{
    m_events.clear();
    m_tasks.clear();
    m_scopes.clear();
    m_strings.clear();
    m_stringIds.clear();
    m_numbers.clear();
    ++m_revision;
    m_recording = true;
}

} // namespace engine
