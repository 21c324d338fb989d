#pragma once

#include "timelineshapes.h"

class QFont;
class QPainter;

namespace widgets {

/// Paints TimelineShapes: one batched call per brush, antialiasing off for the axis-aligned boxes
/// and on only for the glyphs. Also the sizes of the glyphs, which hit-testing shares.
class TimelineShapePainter
{
public:
    static void paint(QPainter &p, const TimelineShapes &shapes, const QFont &font, int laneHeight);

    static qreal capRadius(int laneHeight);
    /// The cancel-request triangle hangs from the top of its lane and stays inside it.
    static qreal requestSize(int laneHeight);
    static qreal marbleRadius(int laneHeight);

private:
    static void paintBoxes(QPainter &p, const TimelineShapes &shapes, const QFont &font);
    static void paintGlyphs(QPainter &p, const TimelineShapes &shapes, int laneHeight);
};

} // namespace widgets
