#pragma once

#include "timeaxis.h"

#include "engine/types.h"

class QBrush;
class QColor;
class QPainter;

namespace widgets {

/// What lies behind the timeline's shapes: banded lanes, the time grid, the shade over the future
/// and the playhead. The view and exported figures paint it with the same calls, in lane-area
/// coordinates (x = 0 is the axis's x = 0, y = 0 the top of lane 0 minus `scrollY`).
class TimelineBackdrop
{
public:
    /// Every other lane of `first`…`last` in `alternate`, like the task tree's alternating rows,
    /// so that the eye can follow a row across.
    static void paintBands(QPainter &p, int width, int laneHeight, int scrollY, int first, int last, const QBrush &alternate);
    /// A vertical line at every major tick of the ruler (`step`, TimeRuler::majorStep) from the top
    /// down to `bottom`, then a faint shade right of `now`: nothing there has happened yet.
    static void paintGridAndFuture(QPainter &p, const TimeAxis &axis, qint64 step, engine::Tick now, int width, int bottom,
                                   const QColor &mid);
    /// The playhead: a 2-pixel line at `now` from the top down to `height`. Painted under the
    /// shapes, so that the marks at now stay readable on top of it.
    static void paintPlayhead(QPainter &p, const TimeAxis &axis, engine::Tick now, int height, const QColor &colour);
};

} // namespace widgets
