#pragma once

#include "engine/types.h"

#include <vector>

namespace widgets {

class TimelineModel;

/// Task id → lane, for drawing links between lanes. A task whose row is hidden under a collapsed
/// ancestor maps to that ancestor's lane (its events still happened, just folded into the parent);
/// a task with no shown ancestor (filtered out) maps to -1.
class TimelineLaneIndex
{
public:
    /// Rebuilds from the shown lanes unless `key` (lanes revision, task count) is unchanged.
    void update(const TimelineModel *model, const std::vector<engine::TaskId> &lanes, quint64 key);
    int laneOf(engine::TaskId task) const
    {
        return task >= 0 && size_t(task) < m_laneOf.size() ? m_laneOf[size_t(task)] : -1;
    }
    const std::vector<int> &map() const { return m_laneOf; }

private:
    std::vector<int> m_laneOf;
    quint64 m_key = ~quint64(0);
};

} // namespace widgets
