#include "timelineview.h"

#include "bandedpaint.h"
#include "timelinebackdrop.h"
#include "timelineinput.h"
#include "timelinemodel.h"
#include "timelinestyle.h"
#include "timeruler.h"

#include <QElapsedTimer>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>
#include <cmath>

namespace widgets {

using engine::NoId;
using engine::TaskId;
using engine::Tick;

namespace {

// Span labels are a little smaller than the widget's text; hit-testing must use the same font
// as painting, or the geometry would be rebuilt in between.
QFont laneFont(const QFont &base)
{
    QFont small = base;
    small.setPointSizeF(std::max(6.0, base.pointSizeF() * 0.88));
    return small;
}

} // namespace

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
    viewport()->grabGesture(Qt::PinchGesture);
    m_input = new TimelineInput(this);
}

// The input filter watches this view and its viewport, and reads both. Delete it while this is
// still a whole TimelineView: left to ~QObject, it would hear the viewport's last events after
// the scroll area had already been taken apart.
TimelineView::~TimelineView()
{
    delete m_input;
    m_input = nullptr;
}

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
    m_geometry.invalidate();
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
    // What is drawn there: reuse the painted geometry (build it if nothing was painted yet).
    m_geometry.update(*m_model, lanes(), currentLayout(), laneFont(font()));
    if (const HitShape *shape = m_geometry.shapeAt(pos); shape && shape->task == hit.task) {
        hit.onShape = true;
        hit.shape = shape->kind;
        hit.index = shape->index;
        hit.count = shape->count;
        if (shape->kind == ShapeKind::Span)
            hit.span = shape->index;
    }
    return hit;
}

TimelineLayout TimelineView::currentLayout() const
{
    return TimelineLayout{axis(), viewport()->size(), m_laneHeight, verticalScrollBar()->value(),
                          m_model ? m_model->revision() : 0, m_lanesRevision};
}

void TimelineView::rebuildLaneIndex() const
{
    const int count = m_model ? m_model->taskCount() : 0;
    const quint64 key = (m_lanesRevision << 32) ^ quint64(count) ^ (m_lanesFromModel ? 1ull << 63 : 0);
    m_laneIndex.update(m_model, lanes(), key);
}

int TimelineView::laneOf(TaskId task) const
{
    rebuildLaneIndex();
    return m_laneIndex.laneOf(task);
}

void TimelineView::setShowErrorPaths(bool show)
{
    if (show == m_showErrorPaths)
        return;
    m_showErrorPaths = show;
    viewport()->update();
    emit showErrorPathsChanged(show);
}

void TimelineView::setShowCausality(bool show)
{
    if (show == m_showCausality)
        return;
    m_showCausality = show;
    viewport()->update();
    emit showCausalityChanged(show);
}

void TimelineView::setFilterMatches(std::vector<TaskId> matches, bool active)
{
    m_highlight.assign(m_model ? size_t(m_model->taskCount()) : 0, 0);
    for (TaskId id : matches)
        if (id >= 0 && size_t(id) < m_highlight.size())
            m_highlight[size_t(id)] = 1;
    m_filterActive = active;
    viewport()->update();
}

bool TimelineView::isHighlighted(TaskId task) const
{
    return task >= 0 && size_t(task) < m_highlight.size() && m_highlight[size_t(task)];
}

void TimelineView::ensureTaskVisible(TaskId task)
{
    if (!m_model || task < 0 || task >= m_model->taskCount())
        return;
    const TaskTimeline &t = m_model->task(task);
    const TimeAxis ax = axis();
    const double width = viewport()->width();
    const double from = ax.x(double(t.spawned));
    const double to = ax.x(double(t.isOpen() ? m_model->now() : t.ended));
    if (from >= 0 && to <= width)
        return;
    if (from >= 0 && from <= width * 0.9)
        return;   // the start is in view: good enough for a long task
    m_follow = false;
    QScrollBar *h = horizontalScrollBar();
    h->setValue(h->value() + int(std::lround(from - std::min(width * 0.1, 40.0))));
}

void TimelineView::panBy(double viewportFraction)
{
    QScrollBar *h = horizontalScrollBar();
    h->setValue(h->value() + int(std::lround(viewport()->width() * viewportFraction)));
}

void TimelineView::panToStart()
{
    horizontalScrollBar()->setValue(horizontalScrollBar()->minimum());
}

void TimelineView::panToEnd()
{
    horizontalScrollBar()->setValue(horizontalScrollBar()->maximum());
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
    BandedPaint::fillRect(p, viewport()->rect(), palette().base());
    const auto &shown = lanes();
    if (!m_model || shown.empty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        // A recording shown from its start has a trace but no task yet.
        const bool empty = m_model && m_model->trace() && m_model->taskCount() == 0;
        p.drawText(viewport()->rect(), Qt::AlignCenter,
                   empty ? tr("Nothing has happened yet: Step (F10) to begin") : tr("No run loaded"));
        return;
    }
    const int first = std::max(0, verticalScrollBar()->value() / m_laneHeight);
    const int last = std::min(int(shown.size()) - 1, (verticalScrollBar()->value() + viewport()->height()) / m_laneHeight);
    paintLaneBackgrounds(p, first, last);

    const TimelineLayout layout = currentLayout();
    m_geometry.update(*m_model, shown, layout, laneFont(font()));
    TimelineBackdrop::paintPlayhead(p, layout.axis, m_model->now(), viewport()->height(), palette().color(QPalette::WindowText));
    m_geometry.paint(p);
    paintLinks(p);
    paintOverlays(p, first, last);
    m_lastPaintNs = timer.nsecsElapsed();
}

void TimelineView::paintLinks(QPainter &p)
{
    rebuildLaneIndex();
    TimelineLinkPainter::Input in;
    in.model = m_model;
    in.axis = axis();
    in.laneHeight = m_laneHeight;
    in.scrollY = verticalScrollBar()->value();
    in.viewport = QRectF(viewport()->rect());
    in.laneOf = &m_laneIndex.map();
    m_links.update(in, m_selected, m_showErrorPaths, m_showCausality, CausalityCap);
    m_links.paint(p);
}

void TimelineView::paintLaneBackgrounds(QPainter &p, int first, int last)
{
    const auto &shown = lanes();
    const int width = viewport()->width();
    const int scrollY = verticalScrollBar()->value();
    TimelineBackdrop::paintBands(p, width, m_laneHeight, scrollY, first, last, palette().alternateBase());
    for (int lane = first; lane <= last; ++lane) {
        const QRect r(0, laneTop(lane), width, m_laneHeight);
        if (shown[size_t(lane)] == m_selected) {
            QColor sel = palette().color(QPalette::Highlight);
            sel.setAlpha(60);
            p.fillRect(r, palette().base());
            p.fillRect(r, sel);
        }
        if (isHighlighted(shown[size_t(lane)])) {
            // A search match: a bar at the left edge and a light tint, like a marker pen.
            p.fillRect(r, QColor(0xF0, 0xE4, 0x42, 60));
            p.fillRect(QRect(0, r.top(), 4, r.height()), QColor(0xB8, 0x9A, 0x00));
        }
    }
    // The grid follows the ruler's labels; the future right of now is shaded.
    const TimeAxis ax = axis();
    const int bottom = std::min(viewport()->height(), laneTop(last) + m_laneHeight);
    TimelineBackdrop::paintGridAndFuture(p, ax, TimeRuler::majorStep(ax, font()), m_model->now(), width, bottom,
                                         palette().color(QPalette::Mid));
}

void TimelineView::paintOverlays(QPainter &p, int first, int last)
{
    if (m_filterActive) {
        // Lanes shown only as the context of a match are veiled, not hidden: the tree stays whole.
        QColor veil = palette().color(QPalette::Base);
        veil.setAlpha(150);
        const auto &shown = lanes();
        for (int lane = first; lane <= last; ++lane)
            if (!isHighlighted(shown[size_t(lane)]))
                p.fillRect(QRect(0, laneTop(lane), viewport()->width(), m_laneHeight), veil);
    }
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

} // namespace widgets
