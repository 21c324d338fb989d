#include "bandedpaint.h"

#include <QPainter>

#include <vector>

namespace widgets {

namespace {

template <typename Fn>
void forEachBand(const QRect &r, Fn each)
{
    for (int top = r.top(); top <= r.bottom(); top += BandedPaint::MaxRows)
        each(QRect(r.left(), top, r.width(), std::min(BandedPaint::MaxRows, r.bottom() - top + 1)));
}

} // namespace

void BandedPaint::fillRect(QPainter &p, const QRect &r, const QBrush &brush)
{
    if (r.height() <= MaxRows) {
        p.fillRect(r, brush);
        return;
    }
    forEachBand(r, [&](const QRect &band) { p.fillRect(band, brush); });
}

void BandedPaint::drawRects(QPainter &p, const QRect *rects, int count)
{
    std::vector<QRect> bands;
    bands.reserve(size_t(count));
    for (int i = 0; i < count; ++i) {
        if (rects[i].height() <= MaxRows)
            bands.push_back(rects[i]);
        else
            forEachBand(rects[i], [&](const QRect &band) { bands.push_back(band); });
    }
    p.drawRects(bands.data(), int(bands.size()));
}

} // namespace widgets
