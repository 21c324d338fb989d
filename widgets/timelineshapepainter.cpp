#include "timelineshapepainter.h"

#include "bandedpaint.h"
#include "timelinestyle.h"

#include <QFontMetrics>
#include <QPainter>

#include <algorithm>

namespace widgets {

void TimelineShapes::clear()
{
    scopeFills.clear();
    scopeBrackets.clear();
    waiting.clear();
    suspended.clear();
    ghosts.clear();
    running.clear();
    folded.clear();
    foldLabels.clear();
    cancelBands.clear();
    labels.clear();
    latencyLabels.clear();
    openEdges.clear();
    requests.clear();
    delivered.clear();
    caps.clear();
    marbles.clear();
    pulls.clear();
}

int TimelineShapes::count() const
{
    return int(scopeFills.size() + waiting.size() + suspended.size() + ghosts.size() + running.size() + folded.size()
               + cancelBands.size() + openEdges.size() + requests.size() + delivered.size() + caps.size()
               + marbles.size() + pulls.size());
}

qreal TimelineShapePainter::capRadius(int laneHeight)
{
    return std::max(4.0, laneHeight * 0.31);
}

qreal TimelineShapePainter::requestSize(int laneHeight)
{
    return std::clamp(laneHeight * 0.32, 5.0, 11.0);
}

qreal TimelineShapePainter::marbleRadius(int laneHeight)
{
    return std::clamp(laneHeight * 0.2, 3.0, 7.0);
}

void TimelineShapePainter::paint(QPainter &p, const TimelineShapes &s, const QFont &font, int laneHeight)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false);
    paintBoxes(p, s, font);
    paintGlyphs(p, s, laneHeight);
    p.restore();
}

void TimelineShapePainter::paintBoxes(QPainter &p, const TimelineShapes &s, const QFont &font)
{
    // Scopes: faint containers behind their children's lanes, with a bracket at each end.
    if (!s.scopeFills.empty()) {
        QColor fill = TimelineStyle::scope();
        fill.setAlpha(16);
        p.setPen(Qt::NoPen);
        p.setBrush(fill);
        BandedPaint::drawRects(p, s.scopeFills.data(), int(s.scopeFills.size()));
        // Brackets two pixels wide, as filled bars: a wide pen's caps would overlap at every band.
        QColor edge = TimelineStyle::scope();
        edge.setAlpha(170);
        std::vector<QRect> bars;
        bars.reserve(s.scopeBrackets.size());
        for (const QLine &l : s.scopeBrackets) {
            const QRect r = QRect(l.p1(), l.p2()).normalized();
            bars.push_back(l.x1() == l.x2() ? QRect(r.left() - 1, r.top(), 2, r.height() + 1)
                                            : QRect(r.left(), r.top() - 1, r.width() + 1, 2));
        }
        p.setBrush(edge);
        BandedPaint::drawRects(p, bars.data(), int(bars.size()));
    }

    if (!s.waiting.empty()) {
        p.setPen(QPen(TimelineStyle::running(), 1.5, Qt::DotLine));
        p.drawLines(s.waiting.data(), int(s.waiting.size()));
    }

    if (!s.suspended.empty()) {
        p.setPen(Qt::NoPen);
        p.setBrush(TimelineStyle::suspendedFill());
        p.drawRects(s.suspended.data(), int(s.suspended.size()));
        QColor hatch = TimelineStyle::suspended();
        hatch.setAlpha(70);
        p.setBrush(QBrush(hatch, Qt::BDiagPattern));
        p.drawRects(s.suspended.data(), int(s.suspended.size()));
        // Outline as lines: one batched call instead of a drawRect per bar.
        std::vector<QLine> edges;
        edges.reserve(s.suspended.size() * 2);
        for (const QRect &r : s.suspended) {
            edges.emplace_back(r.left(), r.top(), r.right(), r.top());
            edges.emplace_back(r.left(), r.bottom(), r.right(), r.bottom());
        }
        p.setPen(QPen(TimelineStyle::suspended().darker(150), 1));
        p.drawLines(edges.data(), int(edges.size()));
    }

    if (!s.ghosts.empty()) {
        p.setPen(QPen(TimelineStyle::suspended().darker(120), 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        for (const QRect &r : s.ghosts)
            p.drawRect(r.adjusted(0, 0, -1, -1));
    }

    if (!s.labels.empty()) {
        p.setFont(font);
        p.setPen(TimelineStyle::running().darker(160));
        for (const TimelineShapes::Label &l : s.labels)
            p.drawText(l.rect, Qt::AlignLeft | Qt::AlignVCenter, l.text);
    }

    if (!s.running.empty()) {
        p.setPen(Qt::NoPen);
        p.setBrush(TimelineStyle::running());
        p.drawRects(s.running.data(), int(s.running.size()));
    }

    // Folded runs: a dense, dark-on-light pattern unlike any single state, so that "many spans
    // here" never reads as "running" or "suspended", in colour or in grey.
    if (!s.folded.empty()) {
        p.setPen(Qt::NoPen);
        p.setBrush(TimelineStyle::suspendedFill());
        p.drawRects(s.folded.data(), int(s.folded.size()));
        p.setBrush(QBrush(TimelineStyle::running(), Qt::Dense5Pattern));
        p.drawRects(s.folded.data(), int(s.folded.size()));
        if (!s.foldLabels.empty()) {
            QFont bold = font;
            bold.setBold(true);
            p.setFont(bold);
            const QFontMetrics fm(bold);
            for (const TimelineShapes::Label &l : s.foldLabels) {
                const QRect box = fm.boundingRect(l.rect, Qt::AlignCenter, l.text).adjusted(-2, 0, 2, 0) & l.rect;
                p.fillRect(box, Qt::white);
                p.setPen(TimelineStyle::running().darker(180));
                p.drawText(l.rect, Qt::AlignCenter, l.text);
            }
        }
    }

    if (!s.cancelBands.empty()) {
        QColor band = TimelineStyle::cancelRequest();
        band.setAlpha(60);
        p.setPen(Qt::NoPen);
        p.setBrush(band);
        p.drawRects(s.cancelBands.data(), int(s.cancelBands.size()));
        p.setBrush(QBrush(TimelineStyle::cancelRequest().darker(110), Qt::FDiagPattern));
        p.drawRects(s.cancelBands.data(), int(s.cancelBands.size()));
        p.setPen(QPen(TimelineStyle::cancelRequest().darker(140), 1));
        p.setBrush(Qt::NoBrush);
        for (const QRect &r : s.cancelBands)
            p.drawRect(r.adjusted(0, 0, -1, -1));
    }

    if (!s.latencyLabels.empty()) {
        QFont bold = font;
        bold.setBold(true);
        p.setFont(bold);
        const QFontMetrics fm(bold);
        for (const TimelineShapes::Label &l : s.latencyLabels) {
            // A solid backing keeps the text readable over the hatch.
            QRect box = fm.boundingRect(l.rect, Qt::AlignLeft | Qt::AlignVCenter, l.text).adjusted(-3, 0, 3, 0);
            box.setTop(l.rect.top() + 1);
            box.setBottom(l.rect.bottom() - 1);
            p.fillRect(box, QColor(255, 255, 255, 225));
            p.setPen(TimelineStyle::cancelRequest().darker(220));
            p.drawText(l.rect, Qt::AlignLeft | Qt::AlignVCenter, l.text);
        }
    }
}

void TimelineShapePainter::paintGlyphs(QPainter &p, const TimelineShapes &s, int laneHeight)
{
    for (const TimelineShapes::OpenEdge &e : s.openEdges)
        TimelineStyle::drawOpenEdge(p, e.x, e.bar, e.running ? TimelineStyle::running() : TimelineStyle::suspended().darker(150));

    const qreal radius = capRadius(laneHeight);
    for (const TimelineShapes::Glyph &g : s.delivered)
        TimelineStyle::drawCancelDelivered(p, g.at, std::max(3.0, radius * 0.6));
    for (const TimelineShapes::Glyph &g : s.caps)
        TimelineStyle::drawEndCap(p, g.at, radius, g.kind);
    // Requests after the caps: at the common "requested and cancelled in the same instant" they
    // sit on the cap.
    for (const TimelineShapes::Glyph &g : s.requests)
        TimelineStyle::drawCancelRequest(p, g.at, requestSize(laneHeight));

    if (!s.pulls.empty()) {
        p.setPen(QPen(TimelineStyle::marble().darker(160), 2));
        p.drawLines(s.pulls.data(), int(s.pulls.size()));
    }
    if (!s.marbles.empty()) {
        // Marbles are round: worth the antialiasing, and there are few per visible lane.
        p.save();
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(QPen(TimelineStyle::marble().darker(170), 1.2));
        p.setBrush(TimelineStyle::marble());
        for (const QRectF &m : s.marbles)
            p.drawEllipse(m);
        p.restore();
    }
}

} // namespace widgets
