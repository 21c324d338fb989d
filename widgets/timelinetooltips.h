#pragma once

#include "timelineview.h"

#include <QString>

namespace widgets {

class TimelineModel;

/// The rich-text tooltips of the timeline: what the pointer is on (a span with its reason and
/// times, a folded run, a mark, a stream item's value), then the task's state and lifetime.
class TimelineToolTips
{
public:
    static QString text(const TimelineModel &model, const TimelineView::Hit &hit);

private:
    static QString spanLine(const TimelineModel &model, const TaskTimeline &task, int span);
    static QString markLine(const TimelineModel &model, const TaskTimeline &task, int mark);
    static QString marbleLine(const TimelineModel &model, const TaskTimeline &task, int marble);
};

} // namespace widgets
