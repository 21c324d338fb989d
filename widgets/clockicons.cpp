#include "clockicons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace widgets {

namespace {

// Draws `kind` into a 20×20 logical box.
void draw(QPainter &p, ClockIcons::Kind kind, const QColor &c)
{
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(Qt::NoPen);
    p.setBrush(c);
    auto triangle = [&](qreal left, qreal top, qreal w, qreal h) {
        const QPointF pts[] = {QPointF(left, top), QPointF(left + w, top + h / 2), QPointF(left, top + h)};
        p.drawPolygon(pts, 3);
    };
    // The back verbs are their forward icons mirrored: the same shape, pointing the other way.
    if (kind == ClockIcons::Kind::StepBack || kind == ClockIcons::Kind::StepBackInstant) {
        p.translate(20, 0);
        p.scale(-1, 1);
        kind = kind == ClockIcons::Kind::StepBack ? ClockIcons::Kind::Step : ClockIcons::Kind::StepInstant;
    }
    switch (kind) {
    case ClockIcons::Kind::StepBack:
    case ClockIcons::Kind::StepBackInstant:
        break;   // mirrored above
    case ClockIcons::Kind::AdvanceBy:       // ▶ with a + : move the clock on by an amount
        triangle(2, 4, 9, 12);
        p.drawRect(QRectF(11, 9, 8, 2.2));
        p.drawRect(QRectF(13.9, 6, 2.2, 8));
        break;
    case ClockIcons::Kind::RunToTime: {     // ▶ towards a flag: run up to a chosen time
        triangle(2, 5, 8, 10);
        p.drawRect(QRectF(12, 2, 2, 16));
        const QPointF flag[] = {QPointF(14, 2), QPointF(19, 4.5), QPointF(14, 7)};
        p.drawPolygon(flag, 3);
        break;
    }
    case ClockIcons::Kind::Step:            // ▶|
        triangle(4, 4, 9, 12);
        p.drawRect(QRectF(14, 4, 2.5, 12));
        break;
    case ClockIcons::Kind::StepInstant:     // ▶ over a dot: what is ready now
        triangle(5, 3, 9, 11);
        p.drawEllipse(QPointF(9.5, 17), 1.8, 1.8);
        p.drawRect(QRectF(15, 3, 2, 11));
        break;
    case ClockIcons::Kind::RunToEnd:        // ▶▶|
        triangle(2, 4, 7, 12);
        triangle(8, 4, 7, 12);
        p.drawRect(QRectF(15.5, 4, 2.5, 12));
        break;
    case ClockIcons::Kind::Play:            // ▶
        triangle(5, 3, 12, 14);
        break;
    case ClockIcons::Kind::Pause:           // ❚❚
        p.drawRect(QRectF(5, 4, 3.5, 12));
        p.drawRect(QRectF(11.5, 4, 3.5, 12));
        break;
    case ClockIcons::Kind::Reset: {         // ↺
        p.setPen(QPen(c, 2.2, Qt::SolidLine, Qt::FlatCap));
        p.setBrush(Qt::NoBrush);
        p.drawArc(QRectF(4, 4, 12, 12), 100 * 16, 280 * 16);
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        const QPointF head[] = {QPointF(4.5, 1.5), QPointF(10.5, 4.2), QPointF(5.2, 8.2)};
        p.drawPolygon(head, 3);
        break;
    }
    }
}

} // namespace

QIcon ClockIcons::icon(Kind kind, const QColor &colour)
{
    QIcon icon;
    for (const QIcon::Mode mode : {QIcon::Normal, QIcon::Disabled}) {
        QColor c = colour;
        if (mode == QIcon::Disabled)
            c.setAlpha(80);
        for (const qreal dpr : {1.0, 2.0}) {
            QPixmap pm(QSize(20, 20) * dpr);
            pm.setDevicePixelRatio(dpr);
            pm.fill(Qt::transparent);
            QPainter p(&pm);
            draw(p, kind, c);
            p.end();
            icon.addPixmap(pm, mode);
        }
    }
    return icon;
}

} // namespace widgets
