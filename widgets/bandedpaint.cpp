#include "bandedpaint.h"

#include <QPainter>

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

void BandedPaint::drawLines(QPainter &p, const QLine *lines, int count)
{
    std::vector<QLine> pieces;
    pieces.reserve(size_t(count));
    for (int i = 0; i < count; ++i) {
        const QLine &l = lines[i];
        if (l.x1() != l.x2() || std::abs(l.dy()) <= MaxRows) {
            pieces.push_back(l);
            continue;
        }
        const int top = std::min(l.y1(), l.y2());
        const int bottom = std::max(l.y1(), l.y2());
        for (int y = top; y <= bottom; y += MaxRows)
            pieces.emplace_back(l.x1(), y, l.x1(), std::min(bottom, y + MaxRows - 1));
    }
    p.drawLines(pieces.data(), int(pieces.size()));
}

} // namespace widgets
