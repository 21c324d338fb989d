#include "timeruler.h"

#include "timelinestyle.h"

#include <QPainter>

#include <cmath>

namespace widgets {

TimeRuler::TimeRuler(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void TimeRuler::setAxis(const TimeAxis &axis)
{
    if (axis == m_axis)
        return;
    m_axis = axis;
    update();
}

void TimeRuler::setNow(engine::Tick now)
{
    if (now == m_now)
        return;
    m_now = now;
    update();
}

QSize TimeRuler::sizeHint() const
{
    return QSize(200, fontMetrics().height() + 10);
}

void TimeRuler::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    paintScale(p, rect(), m_axis, m_now, font(), palette());
}

qint64 TimeRuler::majorStep(const TimeAxis &axis, const QFont &font)
{
    const QFontMetrics fm(font);
    return TimeAxis::majorStep(axis.pixelsPerTick(), fm.horizontalAdvance(TimeAxis::widestLabel()) + 16);
}

void TimeRuler::paintScale(QPainter &p, const QRect &r, const TimeAxis &axis, engine::Tick now, const QFont &font,
                           const QPalette &palette)
{
    p.save();
    p.setFont(font);
    p.fillRect(r, palette.window());
    p.setPen(palette.color(QPalette::Mid));
    p.drawLine(r.bottomLeft(), r.bottomRight());

    const qint64 step = majorStep(axis, font);
    const int minors = TimeAxis::minorDivisions(step);
    const double minorStep = double(step) / minors;
    const double t0 = axis.time(0);
    const double t1 = axis.time(r.width());

    // Minor ticks first, then majors with labels (time is integral: no labels below one tick).
    p.setPen(palette.color(QPalette::Mid));
    const qint64 firstMinor = qint64(std::floor(t0 / minorStep));
    for (qint64 i = firstMinor; double(i) * minorStep <= t1; ++i) {
        const int x = int(std::round(axis.x(double(i) * minorStep)));
        p.drawLine(x, r.bottom() - 3, x, r.bottom());
    }
    // The playhead's flag: "now", in the same colour as the line through the lanes. Placed
    // first, so that no tick label hides under it.
    const int xNow = int(std::round(axis.x(double(now))));
    const bool showNow = xNow >= -40 && xNow <= r.width() + 40;
    const QString nowText = tr("now %1").arg(TimeAxis::label(now, 1));
    QFont bold = font;
    bold.setBold(true);
    const int flagWidth = QFontMetrics(bold).horizontalAdvance(nowText) + 10;
    // Keep the flag inside the ruler when now sits at either edge.
    const QRect flag(std::clamp(xNow - flagWidth / 2, 0, std::max(0, r.width() - flagWidth)), r.top() + 2, flagWidth,
                     r.height() - 6);

    p.setPen(palette.color(QPalette::WindowText));
    const QFontMetrics fm(font);
    const qint64 firstMajor = qint64(std::floor(t0 / double(step))) * step;
    for (qint64 t = std::max<qint64>(firstMajor, 0); double(t) <= t1; t += step) {
        const int x = int(std::round(axis.x(double(t))));
        p.drawLine(x, r.bottom() - 7, x, r.bottom());
        const QString label = TimeAxis::label(t, step);
        const QRect box(x + 3, r.top(), 200, r.height() - 4);
        if (!showNow || !QRect(box.left() - 2, flag.top(), fm.horizontalAdvance(label) + 4, flag.height()).intersects(flag))
            p.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, label);
    }

    if (showNow) {
        p.setFont(bold);
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(Qt::NoPen);
        p.setBrush(palette.color(QPalette::WindowText));
        p.drawRoundedRect(flag, 3, 3);
        const QPointF pointer[] = {QPointF(xNow - 4, flag.bottom()), QPointF(xNow + 4, flag.bottom()),
                                   QPointF(xNow, r.bottom())};
        p.drawPolygon(pointer, 3);
        p.setPen(palette.color(QPalette::Window));
        p.drawText(flag, Qt::AlignCenter, nowText);
    }
    p.restore();
}

} // namespace widgets
