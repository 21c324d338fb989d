#include "timelineview.h"

#include "timelinemodel.h"
#include "timelinestyle.h"
#include "timeruler.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHelpEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace widgets {

using engine::NoId;
using engine::TaskId;

TimelineView::TimelineView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_ruler(new TimeRuler(this))
{
    m_laneHeight = fontMetrics().height() + 10;
    m_rulerHeight = m_ruler->sizeHint().height();
    setViewportMargins(0, m_rulerHeight, 0, 0);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    viewport()->setBackgroundRole(QPalette::Base);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumWidth(240);
}

TimelineView::~TimelineView() = default;

void TimelineView::setModel(const TimelineModel *model)
{
    if (model == m_model)
        return;
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (m_model) {
        connect(m_model, &TimelineModel::changed, this, &TimelineView::modelChanged);
        connect(m_model, &TimelineModel::reset, this, [this] {
            m_selected = NoId;
            m_hoverLane = -1;
            m_follow = true;
            modelChanged();
        });
        connect(m_model, &QObject::destroyed, this, [this] {
            m_model = nullptr;
            m_geometry.invalidate();
        });
    }
    m_follow = true;
    m_geometry.invalidate();
    modelChanged();
}

const std::vector<TaskId> &TimelineView::lanes() const
{
    return m_lanesFromModel && m_model ? m_model->treeOrder() : m_lanes;
}

void TimelineView::setLanes(std::vector<TaskId> lanes)
{
    if (!m_lanesFromModel && lanes == m_lanes)
        return;
    m_lanes = std::move(lanes);
    m_lanesFromModel = false;
    ++m_lanesRevision;
    updateScrollBars();
    viewport()->update();
}

void TimelineView::setLaneHeight(int height)
{
    height = std::max(6, height);
    if (height == m_laneHeight)
        return;
    m_laneHeight = height;
    updateScrollBars();
    viewport()->update();
}

void TimelineView::setRulerHeight(int height)
{
    height = std::max(8, height);
    if (height == m_rulerHeight)
        return;
    m_rulerHeight = height;
    setViewportMargins(0, m_rulerHeight, 0, 0);
    placeRuler();
}

void TimelineView::setSelectedTask(TaskId task)
{
    if (task == m_selected)
        return;
    m_selected = task;
    viewport()->update();
    emit selectedTaskChanged(task);
}

TimeAxis TimelineView::axis() const
{
    return TimeAxis((horizontalScrollBar()->value() - LeftPad) / m_pixelsPerTick, m_pixelsPerTick);
}

int TimelineView::laneTop(int lane) const
{
    return lane * m_laneHeight - verticalScrollBar()->value();
}

int TimelineView::laneAt(int y) const
{
    const int content = y + verticalScrollBar()->value();
    if (content < 0)
        return -1;
    const int lane = content / m_laneHeight;
    return lane < int(lanes().size()) ? lane : -1;
}

TimelineView::Hit TimelineView::hitTest(const QPoint &pos) const
{
    Hit hit;
    hit.lane = laneAt(pos.y());
    hit.time = axis().time(pos.x());
    if (hit.lane < 0 || !m_model)
        return hit;
    hit.task = lanes()[size_t(hit.lane)];
    if (hit.task < 0 || hit.task >= m_model->taskCount())
        return Hit{NoId, hit.lane, hit.time, -1};
    const auto &spans = m_model->task(hit.task).spans;
    const engine::Tick now = m_model->now();
    const auto it = std::partition_point(spans.begin(), spans.end(),
                                         [&](const TimelineSpan &s) { return double(s.endAt(now)) < hit.time; });
    if (it != spans.end() && double(it->begin) <= hit.time)
        hit.span = int(it - spans.begin());
    return hit;
}

double TimelineView::fitPixelsPerTick() const
{
    const double usable = std::max(1, viewport()->width() - LeftPad - RightPad);
    const double extent = m_model ? double(std::max<engine::Tick>(1, m_model->extent())) : 1.0;
    return usable / extent;
}

double TimelineView::maxPixelsPerTick() const
{
    // Time is integral: zooming past a couple of ticks per viewport shows nothing new.
    return std::max(fitPixelsPerTick(), viewport()->width() / 2.0);
}

void TimelineView::updateScrollBars()
{
    const double extent = m_model ? double(m_model->extent()) : 0.0;
    const int contentWidth = int(std::ceil(extent * m_pixelsPerTick)) + LeftPad + RightPad;
    QScrollBar *h = horizontalScrollBar();
    h->setRange(0, std::max(0, contentWidth - viewport()->width()));
    h->setPageStep(viewport()->width());
    h->setSingleStep(std::max(1, viewport()->width() / 20));
    QScrollBar *v = verticalScrollBar();
    const int contentHeight = int(lanes().size()) * m_laneHeight;
    v->setRange(0, std::max(0, contentHeight - viewport()->height()));
    v->setPageStep(viewport()->height());
    v->setSingleStep(m_laneHeight);
}

void TimelineView::modelChanged()
{
    if (m_follow)
        m_pixelsPerTick = fitPixelsPerTick();
    updateScrollBars();
    if (m_follow)
        horizontalScrollBar()->setValue(0);
    syncRuler();
    viewport()->update();
}

void TimelineView::placeRuler()
{
    const QRect vg = viewport()->geometry();
    m_ruler->setGeometry(vg.x(), vg.y() - m_rulerHeight, vg.width(), m_rulerHeight);
}

void TimelineView::syncRuler()
{
    m_ruler->setAxis(axis());
    m_ruler->setNow(m_model ? m_model->now() : 0);
}

void TimelineView::zoomIn()
{
    zoomBy(1.5, viewport()->width() / 2.0);
}

void TimelineView::zoomOut()
{
    zoomBy(1 / 1.5, viewport()->width() / 2.0);
}

void TimelineView::zoomBy(double factor, double anchor)
{
    const double time = axis().time(anchor);
    const double fit = fitPixelsPerTick();
    const double ppt = std::clamp(m_pixelsPerTick * factor, fit, maxPixelsPerTick());
    // Zooming all the way out is the same as asking to fit: follow the run again.
    m_follow = ppt <= fit * 1.0001;
    m_pixelsPerTick = ppt;
    updateScrollBars();
    horizontalScrollBar()->setValue(int(std::lround(time * ppt + LeftPad - anchor)));
    syncRuler();
    viewport()->update();
}

void TimelineView::fitToRun()
{
    m_follow = true;
    modelChanged();
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    placeRuler();
    if (m_follow)
        m_pixelsPerTick = fitPixelsPerTick();
    updateScrollBars();
    syncRuler();
}

void TimelineView::scrollContentsBy(int, int)
{
    syncRuler();
    viewport()->update();
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QElapsedTimer timer;
    timer.start();
    QPainter p(viewport());
    p.fillRect(viewport()->rect(), palette().base());
    const auto &shown = lanes();
    if (!m_model || shown.empty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(viewport()->rect(), Qt::AlignCenter, tr("No run loaded"));
        return;
    }
    const int first = std::max(0, verticalScrollBar()->value() / m_laneHeight);
    const int last = std::min(int(shown.size()) - 1, (verticalScrollBar()->value() + viewport()->height()) / m_laneHeight);
    paintLaneBackgrounds(p, first, last);

    QFont small = font();
    small.setPointSizeF(std::max(6.0, font().pointSizeF() * 0.88));
    const TimelineLayout layout{axis(), viewport()->size(), m_laneHeight, verticalScrollBar()->value(),
                                m_model->revision(), m_lanesRevision};
    m_geometry.update(*m_model, shown, layout, small);
    // The playhead goes under the shapes: the marks at "now" stay readable on top of it.
    const int xNow = int(std::round(layout.axis.x(double(m_model->now()))));
    p.fillRect(QRect(xNow - 1, 0, 2, viewport()->height()), palette().color(QPalette::WindowText));
    m_geometry.paint(p);
    paintOverlays(p, first, last);
    m_lastPaintNs = timer.nsecsElapsed();
}

void TimelineView::paintLaneBackgrounds(QPainter &p, int first, int last)
{
    const auto &shown = lanes();
    const int width = viewport()->width();
    // Same banding as the tree's alternating rows, so the eye can follow a row across.
    for (int lane = first; lane <= last; ++lane) {
        const QRect r(0, laneTop(lane), width, m_laneHeight);
        if (shown[size_t(lane)] == m_selected) {
            QColor sel = palette().color(QPalette::Highlight);
            sel.setAlpha(60);
            p.fillRect(r, palette().base());
            p.fillRect(r, sel);
        } else if (lane % 2) {
            p.fillRect(r, palette().alternateBase());
        }
    }
    const TimeAxis ax = axis();
    // Major time grid, matching the ruler's labels.
    const qint64 step = TimeAxis::majorStep(ax.pixelsPerTick(), fontMetrics().horizontalAdvance(QStringLiteral("00000")) + 16);
    QColor grid = palette().color(QPalette::Mid);
    grid.setAlpha(70);
    p.setPen(grid);
    const int bottom = std::min(viewport()->height(), laneTop(last) + m_laneHeight);
    for (qint64 t = std::max<qint64>(0, qint64(std::floor(ax.time(0) / double(step))) * step);
         double(t) <= ax.time(width); t += step) {
        const int x = int(std::round(ax.x(double(t))));
        p.drawLine(x, 0, x, bottom);
    }
    // The future is shaded: nothing right of now has happened yet.
    const int xNow = int(std::round(ax.x(double(m_model->now()))));
    if (xNow < width)
        p.fillRect(QRect(std::max(0, xNow), 0, width - std::max(0, xNow), bottom), QColor(0, 0, 0, 12));
}

void TimelineView::paintOverlays(QPainter &p, int first, int last)
{
    if (m_hoverLane >= first && m_hoverLane <= last) {
        QColor hover = palette().color(QPalette::Highlight);
        hover.setAlpha(140);
        p.setPen(QPen(hover, 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRect(0, laneTop(m_hoverLane), viewport()->width() - 1, m_laneHeight - 1));
    }
}

void TimelineView::setHoverLane(int lane)
{
    if (lane == m_hoverLane)
        return;
    m_hoverLane = lane;
    viewport()->update();
}

QString TimelineView::toolTipAt(const QPoint &pos) const
{
    const Hit hit = hitTest(pos);
    if (hit.task < 0 || !m_model)
        return {};
    QString text;
    if (hit.span >= 0) {
        const TimelineSpan &s = m_model->task(hit.task).spans[size_t(hit.span)];
        const QString range = s.isOpen() ? tr("%1 → now (%2)").arg(s.begin).arg(m_model->now())
                                         : s.begin == s.end ? tr("at %1").arg(s.begin)
                                                            : tr("%1 → %2").arg(s.begin).arg(s.end);
        text = QStringLiteral("<i>%1</i>, %2<hr>").arg(m_model->spanText(s).toHtmlEscaped(), range);
    }
    return text + m_model->summary(hit.task);
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        zoomBy(std::pow(1.2, delta.y() / 120.0), event->position().x());
        event->accept();
        return;
    }
    if (event->modifiers() & Qt::ShiftModifier) {
        // Some platforms turn Shift+wheel into a horizontal delta already.
        const int d = delta.y() != 0 ? delta.y() : delta.x();
        QScrollBar *h = horizontalScrollBar();
        h->setValue(h->value() - d * h->singleStep() * 3 / 120);
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton && event->button() != Qt::MiddleButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    m_pressed = true;
    m_dragging = false;
    m_pressPos = event->position().toPoint();
    m_pressScroll = QPoint(horizontalScrollBar()->value(), verticalScrollBar()->value());
    if (event->button() == Qt::LeftButton) {
        const Hit hit = hitTest(m_pressPos);
        if (hit.task >= 0) {
            setSelectedTask(hit.task);
            emit taskClicked(hit.task);
        }
    }
    event->accept();
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (!m_pressed) {
        setHoverLane(laneAt(pos.y()));
        return;
    }
    const QPoint d = pos - m_pressPos;
    if (!m_dragging && d.manhattanLength() >= QApplication::startDragDistance()) {
        m_dragging = true;
        viewport()->setCursor(Qt::ClosedHandCursor);
    }
    if (m_dragging) {
        horizontalScrollBar()->setValue(m_pressScroll.x() - d.x());
        verticalScrollBar()->setValue(m_pressScroll.y() - d.y());
    }
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragging)
        viewport()->unsetCursor();
    m_pressed = false;
    m_dragging = false;
    QAbstractScrollArea::mouseReleaseEvent(event);
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent *event)
{
    fitToRun();
    event->accept();
}

bool TimelineView::viewportEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::ToolTip: {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    case QEvent::Leave:
        setHoverLane(-1);
        break;
    default:
        break;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace widgets
