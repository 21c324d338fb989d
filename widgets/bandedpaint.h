#pragma once

#include <QRect>

class QBrush;
class QPainter;

namespace widgets {

/// Fills cut into horizontal bands no taller than MaxRows.
///
/// Why: Qt's raster engine hands the spans of a fill that covers more than about 96 scanlines
/// (a translucent or patterned rect, a stroked line) to its GUI thread pool and waits for it.
/// On the two-core machines Taskscope is used on, waking and joining the pool costs far more
/// than the fill itself: a full-window timeline frame spent most of its wall time in futex
/// wake-ups. A band of MaxRows rows stays on the painting thread; the pixels are the same.
class BandedPaint
{
public:
    static constexpr int MaxRows = 64;

    /// QPainter::fillRect(r, brush), band by band.
    static void fillRect(QPainter &p, const QRect &r, const QBrush &brush);
    /// QPainter::drawRects with the current pen and brush, tall rects cut into bands (draw them
    /// with Qt::NoPen: an outline would be drawn around every band).
    static void drawRects(QPainter &p, const QRect *rects, int count);
};

} // namespace widgets
