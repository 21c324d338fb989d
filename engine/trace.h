#pragma once

#include "types.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <iterator>
#include <memory>
#include <vector>

namespace engine {

/// One kind of trace event: a lifecycle change of a task or a scope.
enum class EventKind : quint8 {
    Spawned,          ///< task created; `other` = parent task, `scope` = scope it lives in
    Started,          ///< task ran for the first time
    Suspended,        ///< `detail` = WaitReason, `value` = wake time (sleep) or -1, `other` = awaited task
    Resumed,          ///< task runs again; `cause` = what woke it
    Completed,        ///< `text` = result
    Failed,           ///< `text` = error description
    CancelRequested,  ///< on `scope` (or on `task` when scope is NoId); `other` = by whom, `text` = why
    CancelDelivered,  ///< Cancelled thrown into `task` at the await named by `detail` (WaitReason)
    Cancelled,        ///< task ended cancelled
    ErrorPropagated,  ///< error of `task` reached `scope`; `other` = the task that owns the scope
    ErrorsGrouped,    ///< `scope` raised `text` (a group or a chosen error)
    ScopeEntered,     ///< `task` entered `scope`; `detail` = ScopeKind, `text` = scope name
    ScopeExited,      ///< `task` left `scope`; `text` = how (ok, caught cancellation, raised …)
    ValueEmitted,     ///< a stream produced `text`
    ItemPulled,       ///< a fan-out pulled input `text`
    SlotAcquired,     ///< a limit slot was taken (`value` = slots in use)
    SlotReleased,     ///< a limit slot was freed
    TimerSet,         ///< a deadline was set for `scope` at `value`
    TimerFired,       ///< that deadline arrived
    Moved,            ///< `task` lives in `scope` from now on; `value` = the scope it left (trio's task_status.started())
};
const char *toString(EventKind k);

/// A compact trace record (plain data; strings are interned in the Trace).
struct TraceEvent
{
    Tick time = 0;
    qint64 value = -1;       ///< wake time, slot count or deadline, by kind
    TaskId task = NoId;
    ScopeId scope = NoId;
    EventId cause = NoId;    ///< the event that caused this one
    qint32 other = NoId;     ///< another task (parent, canceller, awaited)
    qint32 text = -1;        ///< interned string id
    EventKind kind = EventKind::Spawned;
    quint8 detail = 0;       ///< WaitReason or ScopeKind, by kind
};

/// The trace's event storage: fixed-size chunks that never move, so appending never copies the
/// events already recorded (a doubling vector briefly holds old and new copies: its RSS spikes to
/// three times the trace) and references stay valid. Reads like a vector: size(), [], iteration.
class TraceEvents
{
public:
    static constexpr size_t ChunkBits = 12;   // 4096 events (160 KiB) per chunk
    static constexpr size_t ChunkSize = size_t(1) << ChunkBits;

    class const_iterator
    {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = TraceEvent;
        using difference_type = std::ptrdiff_t;
        using pointer = const TraceEvent *;
        using reference = const TraceEvent &;
        const_iterator() = default;
        const_iterator(const TraceEvents *owner, size_t index) : m_owner(owner), m_index(index) {}
        reference operator*() const { return (*m_owner)[m_index]; }
        pointer operator->() const { return &(*m_owner)[m_index]; }
        const_iterator &operator++() { ++m_index; return *this; }
        const_iterator operator++(int) { const_iterator old = *this; ++m_index; return old; }
        bool operator==(const const_iterator &o) const { return m_index == o.m_index; }
        bool operator!=(const const_iterator &o) const { return m_index != o.m_index; }

    private:
        const TraceEvents *m_owner = nullptr;
        size_t m_index = 0;
    };

    size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    const TraceEvent &operator[](size_t i) const { return m_chunks[i >> ChunkBits][i & (ChunkSize - 1)]; }
    const TraceEvent &back() const { return (*this)[m_size - 1]; }
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, m_size}; }

    void push_back(const TraceEvent &e)
    {
        if ((m_size & (ChunkSize - 1)) == 0 && (m_size >> ChunkBits) == m_chunks.size())
            m_chunks.push_back(std::make_unique_for_overwrite<TraceEvent[]>(ChunkSize));
        m_chunks[m_size >> ChunkBits][m_size & (ChunkSize - 1)] = e;
        ++m_size;
    }
    void clear()
    {
        m_chunks.clear();
        m_size = 0;
    }

private:
    std::vector<std::unique_ptr<TraceEvent[]>> m_chunks;
    size_t m_size = 0;
};

/// Static facts about a task, recorded once when it is spawned (the trace must be readable on its
/// own, without the runtime that produced it).
struct TraceTask
{
    qint32 name = -1;        ///< interned
    TaskId parent = NoId;
    ScopeId scope = NoId;
};

/// Static facts about a scope.
struct TraceScope
{
    qint32 name = -1;
    TaskId owner = NoId;
    ScopeId parent = NoId;
    ScopeKind kind = ScopeKind::Cancel;
};

/// The append-only record of a run, totally ordered by (time, sequence). It is the contract between
/// the engine and everything that shows or exports a run.
class Trace
{
public:
    EventId append(const TraceEvent &e);
    void addTask(TaskId id, const TraceTask &t);
    void addScope(ScopeId id, const TraceScope &s);

    /// No text (an empty string interns to it).
    static constexpr qint32 NoText = -1;
    static bool hasText(qint32 id) { return id != NoText; }
    qint32 intern(const QString &s);
    /// Interns a value's description (describeValue()). Integers are stored as numbers and only
    /// formatted when read: a run of 100 000 distinct results would otherwise hash and keep
    /// 100 000 strings. Their ids are negative (below NoText).
    qint32 internValue(const QVariant &value);
    QString string(qint32 id) const;

    const TraceEvents &events() const { return m_events; }
    const std::vector<TraceTask> &tasks() const { return m_tasks; }
    const std::vector<TraceScope> &scopes() const { return m_scopes; }
    int size() const { return int(m_events.size()); }
    const TraceEvent &at(EventId id) const { return m_events[size_t(id)]; }

    QString taskName(TaskId id) const;
    QString scopeName(ScopeId id) const;
    /// One line per event, e.g. "t=1 A completed 'A'" (stable; tests compare it).
    QString format(const TraceEvent &e) const;
    QStringList formatAll() const;

    /// Drops everything (a new run).
    void clear();
    /// Stops recording (used while the runtime tears down an unfinished run).
    void setRecording(bool on) { m_recording = on; }
    bool recording() const { return m_recording; }
    /// Bumped on every change so views can cache.
    quint64 revision() const { return m_revision; }

private:
    TraceEvents m_events;
    std::vector<TraceTask> m_tasks;
    std::vector<TraceScope> m_scopes;
    QStringList m_strings;
    QHash<QString, qint32> m_stringIds;
    std::vector<qint64> m_numbers;   // text id -2 - i is m_numbers[i]
    quint64 m_revision = 0;
    bool m_recording = true;
};

} // namespace engine
