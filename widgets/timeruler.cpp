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
    const QRect r = rect();
    p.fillRect(r, palette().window());
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(r.bottomLeft(), r.bottomRight());

    const QFontMetrics fm = fontMetrics();
    const double minSpacing = fm.horizontalAdvance(TimeAxis::widestLabel()) + 16;
    const qint64 step = TimeAxis::majorStep(m_axis.pixelsPerTick(), minSpacing);
    const int minors = TimeAxis::minorDivisions(step);
    const double minorStep = double(step) / minors;
    const double t0 = m_axis.time(0);
    const double t1 = m_axis.time(r.width());

    // Minor ticks first, then majors with labels (time is integral: no labels below one tick).
    p.setPen(palette().color(QPalette::Mid));
    const qint64 firstMinor = qint64(std::floor(t0 / minorStep));
    for (qint64 i = firstMinor; double(i) * minorStep <= t1; ++i) {
        const int x = int(std::round(m_axis.x(double(i) * minorStep)));
        p.drawLine(x, r.bottom() - 3, x, r.bottom());
    }
    p.setPen(palette().color(QPalette::WindowText));
    const qint64 firstMajor = qint64(std::floor(t0 / double(step))) * step;
    for (qint64 t = std::max<qint64>(firstMajor, 0); double(t) <= t1; t += step) {
        const int x = int(std::round(m_axis.x(double(t))));
        p.drawLine(x, r.bottom() - 7, x, r.bottom());
        p.drawText(QRect(x + 3, r.top(), 200, r.height() - 4), Qt::AlignLeft | Qt::AlignVCenter, TimeAxis::label(t, step));
    }

    // The playhead's flag: "now", in the same colour as the line through the lanes.
    const int xNow = int(std::round(m_axis.x(double(m_now))));
    if (xNow >= -40 && xNow <= r.width() + 40) {
        const QString text = tr("now %1").arg(TimeAxis::label(m_now, 1));
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        const QFontMetrics bfm(bold);
        const int w = bfm.horizontalAdvance(text) + 10;
        // Keep the flag inside the ruler when now sits at either edge.
        const int left = std::clamp(xNow - w / 2, 0, std::max(0, r.width() - w));
        const QRect flag(left, r.top() + 2, w, r.height() - 6);
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(Qt::NoPen);
        p.setBrush(palette().color(QPalette::WindowText));
        p.drawRoundedRect(flag, 3, 3);
        const QPointF pointer[] = {QPointF(xNow - 4, flag.bottom()), QPointF(xNow + 4, flag.bottom()),
                                   QPointF(xNow, r.bottom())};
        p.drawPolygon(pointer, 3);
        p.setPen(palette().color(QPalette::Window));
        p.drawText(flag, Qt::AlignCenter, text);
    }
}

} // namespace widgets
