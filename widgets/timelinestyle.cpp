#include "timelinestyle.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace widgets {

void TimelineStyle::drawEndCap(QPainter &p, const QPointF &c, qreal r, MarkKind kind)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    const qreal w = std::max<qreal>(1.5, r / 3.5);
    QPen glyph(Qt::white, w, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    switch (kind) {
    case MarkKind::Completed: {
        p.setPen(QPen(completed().darker(130), 1));
        p.setBrush(completed());
        p.drawEllipse(c, r, r);
        p.setPen(glyph);
        const QPointF tick[] = {c + QPointF(-0.5 * r, 0.05 * r), c + QPointF(-0.12 * r, 0.45 * r),
                                c + QPointF(0.55 * r, -0.4 * r)};
        p.drawPolyline(tick, 3);
        break;
    }
    case MarkKind::Failed: {
        const qreal d = r * 1.2;
        const QPointF diamond[] = {c + QPointF(0, -d), c + QPointF(d, 0), c + QPointF(0, d), c + QPointF(-d, 0)};
        p.setPen(QPen(failed().darker(130), 1));
        p.setBrush(failed());
        p.drawPolygon(diamond, 4);
        p.setPen(glyph);
        const qreal k = 0.38 * r;
        p.drawLine(c + QPointF(-k, -k), c + QPointF(k, k));
        p.drawLine(c + QPointF(-k, k), c + QPointF(k, -k));
        break;
    }
    case MarkKind::Cancelled: {
        // Hollow on purpose: a cancelled task produced nothing.
        p.setPen(QPen(cancelled(), w));
        p.setBrush(Qt::white);
        p.drawEllipse(c, r - w / 2, r - w / 2);
        const qreal k = 0.62 * r;
        p.drawLine(c + QPointF(-k, k), c + QPointF(k, -k));
        break;
    }
    case MarkKind::CancelRequested:
    case MarkKind::CancelDelivered:
        break;
    }
    p.restore();
}

void TimelineStyle::drawCancelRequest(QPainter &p, const QPointF &tip, qreal size)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(QPen(cancelRequest().darker(150), 1));
    p.setBrush(cancelRequest());
    const QPointF tri[] = {tip, tip + QPointF(-size * 0.6, -size), tip + QPointF(size * 0.6, -size)};
    p.drawPolygon(tri, 3);
    p.restore();
}

void TimelineStyle::drawCancelDelivered(QPainter &p, const QPointF &c, qreal r)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(QPen(cancelRequest().darker(150), 1.5));
    p.setBrush(Qt::white);
    const QPointF diamond[] = {c + QPointF(0, -r), c + QPointF(r, 0), c + QPointF(0, r), c + QPointF(-r, 0)};
    p.drawPolygon(diamond, 4);
    p.restore();
}

void TimelineStyle::drawOpenEdge(QPainter &p, qreal x, const QRectF &bar, const QColor &colour)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    const qreal h = bar.height() / 2 + 2;
    const qreal cy = bar.center().y();
    const QPointF arrow[] = {QPointF(x, cy - h), QPointF(x + h, cy), QPointF(x, cy + h)};
    p.drawPolygon(arrow, 3);
    p.restore();
}

void TimelineStyle::drawSuspendedBar(QPainter &p, const QRectF &bar)
{
    p.fillRect(bar, suspendedFill());
    p.fillRect(bar, QBrush(suspended(), Qt::BDiagPattern));
    p.setPen(QPen(suspended().darker(140), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(bar.adjusted(0, 0, -1, -1));
}

void TimelineStyle::drawSample(QPainter &p, const QRectF &box, Sample sample)
{
    const QPointF c = box.center();
    const qreal r = std::min(box.width(), box.height()) / 2 - 1;
    switch (sample) {
    case Sample::Waiting:
        p.save();
        p.setPen(QPen(running(), 1.5, Qt::DotLine));
        p.drawLine(QPointF(box.left() + 1, c.y()), QPointF(box.right() - 1, c.y()));
        p.restore();
        break;
    case Sample::Running:
        p.fillRect(QRectF(box.left() + 1, c.y() - r, box.width() - 2, 2 * r), running());
        break;
    case Sample::Suspended:
        p.save();
        drawSuspendedBar(p, QRectF(box.left() + 1, c.y() - r * 0.55, box.width() - 2, r * 1.1).toAlignedRect());
        p.restore();
        break;
    case Sample::Cancelling:
        p.save();
        drawSuspendedBar(p, QRectF(box.left() + 1, c.y() - r * 0.55 + 2, box.width() - 2, r * 1.1).toAlignedRect());
        p.restore();
        drawCancelRequest(p, QPointF(c.x(), c.y() - r * 0.1), r);
        break;
    case Sample::Completed:
        drawEndCap(p, c, r, MarkKind::Completed);
        break;
    case Sample::Failed:
        drawEndCap(p, c, r * 0.85, MarkKind::Failed);
        break;
    case Sample::Cancelled:
        drawEndCap(p, c, r, MarkKind::Cancelled);
        break;
    }
}

TimelineStyle::Sample TimelineStyle::sampleFor(const TaskTimeline &task)
{
    switch (task.state) {
    case engine::TaskState::Created:
        return task.isCancelling() ? Sample::Cancelling : Sample::Waiting;
    case engine::TaskState::Running:
        return task.isCancelling() ? Sample::Cancelling : Sample::Running;
    case engine::TaskState::Suspended:
        return task.isCancelling() ? Sample::Cancelling : Sample::Suspended;
    case engine::TaskState::Completed:
        return Sample::Completed;
    case engine::TaskState::Failed:
        return Sample::Failed;
    case engine::TaskState::Cancelled:
        return Sample::Cancelled;
    }
    return Sample::Waiting;
}

QIcon TimelineStyle::icon(Sample sample, int size)
{
    QIcon icon;
    for (const qreal dpr : {1.0, 2.0}) {
        QPixmap pm(QSize(size, size) * dpr);
        pm.setDevicePixelRatio(dpr);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        drawSample(p, QRectF(0, 0, size, size), sample);
        p.end();
        icon.addPixmap(pm);
    }
    return icon;
}

} // namespace widgets
