#include "taskfilter.h"

#include "timelinemodel.h"

namespace widgets {

using engine::TaskId;
using engine::TaskState;

TaskFilter::TaskFilter(QString text, State state)
    : m_text(text.trimmed())
    , m_state(state)
{
}

QString TaskFilter::stateName(State state)
{
    switch (state) {
    case State::Any: return QObject::tr("all states");
    case State::Running: return QObject::tr("running");
    case State::Suspended: return QObject::tr("suspended");
    case State::Completed: return QObject::tr("completed");
    case State::Failed: return QObject::tr("failed");
    case State::Cancelled: return QObject::tr("cancelled");
    case State::Cancelling: return QObject::tr("cancelling");
    }
    return {};
}

bool TaskFilter::matches(const TimelineModel &model, TaskId id) const
{
    if (isEmpty() || id < 0 || id >= model.taskCount())
        return false;
    if (!m_text.isEmpty() && !model.taskName(id).contains(m_text, Qt::CaseInsensitive))
        return false;
    const TaskTimeline &t = model.task(id);
    // "Cancelling" is its own state here: a task asked to stop that has not yet is neither
    // plainly running nor plainly suspended, and it is what people search for.
    switch (m_state) {
    case State::Any:
        return true;
    case State::Running:
        return !t.isCancelling() && (t.state == TaskState::Running || t.state == TaskState::Created);
    case State::Suspended:
        return !t.isCancelling() && t.state == TaskState::Suspended;
    case State::Completed:
        return t.state == TaskState::Completed;
    case State::Failed:
        return t.state == TaskState::Failed;
    case State::Cancelled:
        return t.state == TaskState::Cancelled;
    case State::Cancelling:
        return t.isCancelling();
    }
    return false;
}

std::vector<TaskId> TaskFilter::matchesInTreeOrder(const TimelineModel &model) const
{
    std::vector<TaskId> out;
    if (isEmpty())
        return out;
    for (TaskId id : model.treeOrder())
        if (matches(model, id))
            out.push_back(id);
    return out;
}

std::vector<char> TaskFilter::shownTasks(const TimelineModel &model) const
{
    std::vector<char> shown(size_t(model.taskCount()), isEmpty() ? 1 : 0);
    if (isEmpty())
        return shown;
    for (TaskId id = 0; id < model.taskCount(); ++id) {
        if (!matches(model, id))
            continue;
        // Walk up until an ancestor already known to be shown: each task is visited once.
        for (TaskId a = id; a >= 0 && !shown[size_t(a)]; a = model.task(a).parent)
            shown[size_t(a)] = 1;
    }
    return shown;
}

} // namespace widgets
