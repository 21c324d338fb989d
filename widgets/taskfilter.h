#pragma once

#include "engine/types.h"

#include <QString>

#include <vector>

namespace widgets {

class TimelineModel;

/// Which tasks a search matches: a case-insensitive substring of the name and a state. An empty
/// filter (no text, any state) matches nothing and hides nothing.
class TaskFilter
{
public:
    enum class State { Any, Running, Suspended, Completed, Failed, Cancelled, Cancelling };

    TaskFilter() = default;
    TaskFilter(QString text, State state);

    const QString &text() const { return m_text; }
    State state() const { return m_state; }
    bool isEmpty() const { return m_text.isEmpty() && m_state == State::Any; }

    bool matches(const TimelineModel &model, engine::TaskId task) const;
    /// Matching tasks in tree order (the order of the lanes and the rows).
    std::vector<engine::TaskId> matchesInTreeOrder(const TimelineModel &model) const;
    /// Task id → shown: a match, or an ancestor of one (kept as its context). All true when empty.
    std::vector<char> shownTasks(const TimelineModel &model) const;

    /// The combo box's entries, in State order ("all states", "running" …).
    static QString stateName(State state);

    bool operator==(const TaskFilter &o) const { return m_text == o.m_text && m_state == o.m_state; }

private:
    QString m_text;
    State m_state = State::Any;
};

} // namespace widgets
