#include "timelinebackdrop.h"

#include "bandedpaint.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace widgets {

void TimelineBackdrop::paintBands(QPainter &p, int width, int laneHeight, int scrollY, int first, int last,
                                  const QBrush &alternate)
{
    for (int lane = first | 1; lane <= last; lane += 2)
        p.fillRect(QRect(0, lane * laneHeight - scrollY, width, laneHeight), alternate);
}

void TimelineBackdrop::paintGridAndFuture(QPainter &p, const TimeAxis &axis, qint64 step, engine::Tick now, int width,
                                          int bottom, const QColor &mid)
{
    // Tall fills go through BandedPaint: it keeps them off Qt's raster thread pool.
    QColor grid = mid;
    grid.setAlpha(70);
    step = std::max<qint64>(1, step);
    for (qint64 t = std::max<qint64>(0, qint64(std::floor(axis.time(0) / double(step))) * step);
         double(t) <= axis.time(width); t += step) {
        const int x = int(std::round(axis.x(double(t))));
        BandedPaint::fillRect(p, QRect(x, 0, 1, bottom), grid);
    }
    const int xNow = int(std::round(axis.x(double(now))));
    if (xNow < width)
        BandedPaint::fillRect(p, QRect(std::max(0, xNow), 0, width - std::max(0, xNow), bottom), QColor(0, 0, 0, 12));
}

void TimelineBackdrop::paintPlayhead(QPainter &p, const TimeAxis &axis, engine::Tick now, int height, const QColor &colour)
{
    const int xNow = int(std::round(axis.x(double(now))));
    BandedPaint::fillRect(p, QRect(xNow - 1, 0, 2, height), colour);
}

} // namespace widgets
