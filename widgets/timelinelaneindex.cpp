#include "timelinelaneindex.h"

#include "timelinemodel.h"

namespace widgets {

using engine::TaskId;

void TimelineLaneIndex::update(const TimelineModel *model, const std::vector<TaskId> &lanes, quint64 key)
{
    const int count = model ? model->taskCount() : 0;
    if (key == m_key && m_laneOf.size() == size_t(count))
        return;
    m_key = key;
    m_laneOf.assign(size_t(count), -1);
    if (!model)
        return;
    std::vector<char> shown(size_t(count), 0);
    for (int lane = 0; lane < int(lanes.size()); ++lane) {
        const TaskId id = lanes[size_t(lane)];
        if (id >= 0 && id < count) {
            m_laneOf[size_t(id)] = lane;
            shown[size_t(id)] = 1;
        }
    }
    // Parents come before their children in tree order, so one pass settles every level.
    for (TaskId id : model->treeOrder()) {
        const TaskId parent = model->task(id).parent;
        if (!shown[size_t(id)] && parent >= 0)
            m_laneOf[size_t(id)] = m_laneOf[size_t(parent)];
    }
}

} // namespace widgets
