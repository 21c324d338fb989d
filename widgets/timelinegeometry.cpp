#include "timelinegeometry.h"

#include "timelinemodel.h"
#include "timelineshapepainter.h"

#include <QFontMetrics>

#include <algorithm>
#include <cmath>

namespace widgets {

using engine::NoId;
using engine::ScopeId;
using engine::TaskId;
using engine::Tick;

namespace {

// Keeps far-away coordinates inside int range and the painter's comfort zone.
int clampX(double x, int width)
{
    return int(std::clamp(x, -64.0, double(width) + 64.0));
}

int lanePad(int laneHeight)
{
    return std::max(2, laneHeight / 8);
}

} // namespace

QRect TimelineGeometry::runningBar(int top, int laneHeight)
{
    const int pad = lanePad(laneHeight);
    return QRect(0, top + pad, 0, laneHeight - 2 * pad);
}

QRect TimelineGeometry::suspendedBar(int top, int laneHeight)
{
    const QRect r = runningBar(top, laneHeight);
    const int h = std::max(3, int(std::lround(r.height() * 0.68)));
    return QRect(0, r.top() + (r.height() - h) / 2, 0, h);
}

void TimelineGeometry::clear()
{
    m_shapes.clear();
    m_hits.clear();
}

void TimelineGeometry::update(const TimelineModel &model, const std::vector<TaskId> &lanes,
                              const TimelineLayout &layout, const QFont &font)
{
    if (m_valid && layout == m_layout && font == m_font)
        return;
    m_layout = layout;
    m_font = font;
    m_valid = true;
    clear();
    const int lh = std::max(1, layout.laneHeight);
    if (lanes.empty())
        return;
    // Cull lanes by arithmetic (fixed height) and times by the axis.
    const int first = std::max(0, layout.scrollY / lh);
    const int last = std::min(int(lanes.size()) - 1, (layout.scrollY + layout.size.height()) / lh);
    const double t0 = layout.axis.time(-16);
    const double t1 = layout.axis.time(layout.size.width() + 16);
    addScopes(model, lanes, first, last);
    for (int lane = first; lane <= last; ++lane) {
        const TaskId id = lanes[size_t(lane)];
        if (id >= 0 && id < model.taskCount())
            addLane(model, model.task(id), lane, lane * lh - layout.scrollY, t0, t1);
    }
}

void TimelineGeometry::addHit(const QRect &rect, TaskId task, int lane, ShapeKind kind, int index, int count)
{
    m_hits.push_back(HitShape{rect, task, lane, kind, index, count});
}

void TimelineGeometry::addLane(const TimelineModel &model, const TaskTimeline &task, int lane, int top, double t0, double t1)
{
    const TimeAxis &ax = m_layout.axis;
    const int width = m_layout.size.width();
    const int lh = m_layout.laneHeight;
    const Tick now = model.now();
    const QRect rb = runningBar(top, lh);
    const QRect sb = suspendedBar(top, lh);
    const QFontMetrics fm(m_font);
    const auto &spans = task.spans;

    addSpans(model, task, lane, top, t0, t1);

    if (task.isOpen() && !spans.empty() && spans.back().isOpen()) {
        const TimelineSpan &open = spans.back();
        const double xNow = ax.x(double(now));
        if (xNow >= -16 && xNow <= width + 16) {
            const bool running = open.kind == SpanKind::Running;
            const QRect bar = running ? rb : sb;
            m_shapes.openEdges.push_back({xNow, QRectF(xNow, bar.top(), 0, bar.height()), running});
        }
        // A sleeping task will wake at a known time: show where, faintly.
        if (open.kind == SpanKind::Suspended && open.wake > now) {
            const int l = clampX(std::round(ax.x(double(now))) + 8, width);
            const int r = clampX(std::round(ax.x(double(open.wake))), width);
            if (r > l)
                m_shapes.ghosts.emplace_back(l, sb.top(), r - l, sb.height());
        }
    }

    if (task.cancelRequested()) {
        const Tick exit = task.isOpen() ? now : task.ended;
        if (exit > task.cancelRequestTime) {
            const int l = clampX(std::round(ax.x(double(task.cancelRequestTime))), width);
            const int r = clampX(std::round(ax.x(double(exit))), width);
            m_shapes.cancelBands.emplace_back(l, rb.top(), std::max(1, r - l), rb.height());
            const QString text = QObject::tr("cancel latency %1").arg(exit - task.cancelRequestTime);
            const int room = std::min(r, width) - std::max(l, 0) - 24;
            if (room > fm.horizontalAdvance(text))
                m_shapes.latencyLabels.push_back({QRect(std::max(l, 0) + 12, rb.top(), room, rb.height()), text});
        }
    }

    addMarks(task, lane, top);
    addMarbles(task, lane, top, t0, t1);
}

void TimelineGeometry::addSpans(const TimelineModel &model, const TaskTimeline &task, int lane, int top, double t0, double t1)
{
    const TimeAxis &ax = m_layout.axis;
    const int width = m_layout.size.width();
    const int lh = m_layout.laneHeight;
    const Tick now = model.now();
    const QRect rb = runningBar(top, lh);
    const QRect sb = suspendedBar(top, lh);
    const int mid = rb.center().y();
    const QFontMetrics fm(m_font);
    const auto &spans = task.spans;
    const double xMax = double(width) + 16;
    auto left = [&](const TimelineSpan &s) { return ax.x(double(s.begin)); };
    auto right = [&](const TimelineSpan &s) { return ax.x(double(s.endAt(now))); };
    auto narrow = [&](const TimelineSpan &s) { return right(s) - left(s) < FoldPixels; };

    // Spans are sorted and contiguous: the first visible one is the first ending at or after t0.
    auto it = std::partition_point(spans.begin(), spans.end(),
                                   [&](const TimelineSpan &s) { return double(s.endAt(now)) < t0; });
    int runRight = INT_MIN;
    while (it != spans.end() && double(it->begin) <= t1) {
        if (narrow(*it)) {
            // Level of detail: gather the run of narrow spans that starts here. Every span that
            // ends less than FoldPixels after the run's right edge is narrow too, so a binary
            // search skips them at once: the cost follows the pixels, not the span count.
            auto lastIn = it;
            double runEnd = right(*it);
            auto cur = std::next(it);
            while (cur != spans.end()) {
                const auto jump = std::partition_point(cur, spans.end(),
                                                       [&](const TimelineSpan &s) { return right(s) < runEnd + FoldPixels; });
                if (jump != cur) {
                    lastIn = std::prev(jump);
                    runEnd = right(*lastIn);
                    cur = jump;
                }
                if (cur == spans.end() || left(*cur) > xMax || !narrow(*cur))
                    break;
                lastIn = cur;
                runEnd = right(*cur);
                ++cur;
            }
            const int count = int(lastIn - it) + 1;
            if (count >= 2) {
                const int l = clampX(std::floor(left(*it)), width);
                const int r = std::max(l + 1, clampX(std::ceil(runEnd), width));
                const QRect block(l, rb.top(), r - l, rb.height());
                m_shapes.folded.push_back(block);
                const QString text = QStringLiteral("×%1").arg(count);
                if (r - l > fm.horizontalAdvance(text) + 6)
                    m_shapes.foldLabels.push_back({block, text});
                addHit(block, task.id, lane, ShapeKind::Folded, int(it - spans.begin()), count);
                runRight = r;
                it = std::next(lastIn);
                continue;
            }
        }
        int l = clampX(std::floor(left(*it)), width);
        int r = clampX(std::ceil(right(*it)), width);
        const int index = int(it - spans.begin());
        switch (it->kind) {
        case SpanKind::Waiting:
            m_shapes.waiting.emplace_back(l, mid, std::max(r, l + 1), mid);
            addHit(QRect(l, sb.top(), std::max(1, r - l), sb.height()), task.id, lane, ShapeKind::Span, index);
            break;
        case SpanKind::Running:
            // Running takes no virtual time: give it a visible width, and merge runs that land on
            // the same pixels into one block.
            if (r - l < 3) {
                l = clampX(std::round(left(*it)) - 1, width);
                r = l + 3;
            }
            if (l <= runRight && !m_shapes.running.empty()) {
                QRect &prev = m_shapes.running.back();
                prev.setRight(std::max(prev.right(), r - 1));
            } else {
                m_shapes.running.emplace_back(l, rb.top(), r - l, rb.height());
            }
            addHit(QRect(l, rb.top(), r - l, rb.height()), task.id, lane, ShapeKind::Span, index);
            runRight = r;
            break;
        case SpanKind::Suspended: {
            r = std::max(r, l + 1);   // every span at least one pixel
            const QRect bar(l, sb.top(), r - l, sb.height());
            m_shapes.suspended.push_back(bar);
            addHit(bar, task.id, lane, ShapeKind::Span, index);
            const int visibleLeft = std::max(l, 0) + 5;
            const int room = std::min(r, width) - visibleLeft - 5;
            if (room > fm.horizontalAdvance(QStringLiteral("sleep…"))) {
                const QString text = model.spanText(*it);
                m_shapes.labels.push_back({QRect(visibleLeft, sb.top(), room, sb.height()),
                                           fm.elidedText(text, Qt::ElideRight, room)});
            }
            break;
        }
        }
        ++it;
    }
}

void TimelineGeometry::addMarks(const TaskTimeline &task, int lane, int top)
{
    const int width = m_layout.size.width();
    const int lh = m_layout.laneHeight;
    const int mid = runningBar(top, lh).center().y();
    const qreal capRadius = TimelineShapePainter::capRadius(lh);
    const qreal request = TimelineShapePainter::requestSize(lh);
    for (size_t i = 0; i < task.marks.size(); ++i) {
        const TimelineMark &m = task.marks[i];
        const double x = m_layout.axis.x(double(m.time));
        if (x < -16 || x > width + 16)
            continue;
        const int r = int(std::ceil(capRadius));
        switch (m.kind) {
        case MarkKind::CancelRequested: {
            const QPointF tip(x, top + 1 + request);
            m_shapes.requests.push_back({tip, m.kind});
            addHit(QRectF(tip.x() - request * 0.6, tip.y() - request, request * 1.2, request).toAlignedRect(),
                   task.id, lane, ShapeKind::Mark, int(i));
            break;
        }
        case MarkKind::CancelDelivered:
            // At the exit instant the end cap says it all.
            if (task.isOpen() || m.time != task.ended) {
                m_shapes.delivered.push_back({QPointF(x, mid), m.kind});
                addHit(QRect(int(x) - r, mid - r, 2 * r, 2 * r), task.id, lane, ShapeKind::Mark, int(i));
            }
            break;
        case MarkKind::Completed:
        case MarkKind::Failed:
        case MarkKind::Cancelled:
            m_shapes.caps.push_back({QPointF(x, mid + 0.5), m.kind});
            addHit(QRect(int(x) - r, mid - r, 2 * r + 1, 2 * r + 1), task.id, lane, ShapeKind::Mark, int(i));
            break;
        }
    }
}

void TimelineGeometry::addMarbles(const TaskTimeline &task, int lane, int top, double t0, double t1)
{
    if (task.marbles.empty())
        return;
    const TimeAxis &ax = m_layout.axis;
    const int lh = m_layout.laneHeight;
    const QRect rb = runningBar(top, lh);
    const qreal radius = TimelineShapePainter::marbleRadius(lh);
    const auto &marbles = task.marbles;
    auto it = std::partition_point(marbles.begin(), marbles.end(), [t0](const TimelineMarble &m) { return double(m.time) < t0; });
    double lastX = -1e9;
    for (; it != marbles.end() && double(it->time) <= t1; ++it) {
        const double x = ax.x(double(it->time));
        // Level of detail: marbles closer than a pixel would paint over each other.
        if (x - lastX < 1.0)
            continue;
        lastX = x;
        const int index = int(it - marbles.begin());
        if (it->pulled) {
            const QLine tick(int(std::round(x)), rb.bottom() - 3, int(std::round(x)), rb.bottom() + 2);
            m_shapes.pulls.push_back(tick);
            addHit(QRect(tick.x1() - 2, tick.y1(), 5, 6), task.id, lane, ShapeKind::Marble, index);
        } else {
            const QRectF disc(x - radius, rb.center().y() + 0.5 - radius, 2 * radius, 2 * radius);
            m_shapes.marbles.push_back(disc);
            addHit(disc.toAlignedRect().adjusted(-1, -1, 1, 1), task.id, lane, ShapeKind::Marble, index);
        }
    }
}

void TimelineGeometry::updateScopeRanges(const TimelineModel &model, const std::vector<TaskId> &lanes)
{
    if (m_rangesModelRevision == m_layout.modelRevision && m_rangesLanesRevision == m_layout.lanesRevision)
        return;
    m_rangesModelRevision = m_layout.modelRevision;
    m_rangesLanesRevision = m_layout.lanesRevision;
    const auto &traceScopes = model.trace() ? model.trace()->scopes() : std::vector<engine::TraceScope>{};
    const size_t count = model.scopes().size();
    m_scopeRanges.assign(count, ScopeRange{});
    // Lane range of every scope's members (its tasks and everything nested inside them).
    for (int lane = 0; lane < int(lanes.size()); ++lane) {
        const TaskId id = lanes[size_t(lane)];
        if (id < 0 || id >= model.taskCount())
            continue;
        ScopeId s = model.task(id).scope;
        for (size_t guard = 0; s >= 0 && size_t(s) < count && guard <= count; ++guard) {
            m_scopeRanges[size_t(s)].first = std::min(m_scopeRanges[size_t(s)].first, lane);
            m_scopeRanges[size_t(s)].last = std::max(m_scopeRanges[size_t(s)].last, lane);
            s = size_t(s) < traceScopes.size() ? traceScopes[size_t(s)].parent : NoId;
        }
    }
    // Nesting depth: nested brackets step inwards so that two scopes on the same lanes stay apart.
    for (size_t s = 0; s < count && s < traceScopes.size(); ++s) {
        int depth = 0;
        for (ScopeId p = traceScopes[s].parent; p >= 0 && size_t(p) < traceScopes.size() && depth < 64; p = traceScopes[size_t(p)].parent)
            ++depth;
        m_scopeRanges[s].depth = depth;
    }
}

void TimelineGeometry::addScopes(const TimelineModel &model, const std::vector<TaskId> &lanes, int first, int last)
{
    const auto &scopes = model.scopes();
    if (scopes.empty())
        return;
    updateScopeRanges(model, lanes);
    const int lh = m_layout.laneHeight;
    const int width = m_layout.size.width();
    for (size_t s = 0; s < scopes.size() && s < m_scopeRanges.size(); ++s) {
        const ScopeRange &range = m_scopeRanges[s];
        if (range.first > range.last || range.last < first || range.first > last || scopes[s].id < 0)
            continue;
        const Tick end = scopes[s].isOpen() ? model.now() : scopes[s].exited;
        const int inset = std::min(range.depth, 4) * 2;
        const int l = clampX(std::round(m_layout.axis.x(double(scopes[s].entered))) - 4 + inset, width);
        const int r = clampX(std::round(m_layout.axis.x(double(end))) + 4 - inset, width);
        const int top = range.first * lh - m_layout.scrollY + 1 + inset / 2;
        const int bottom = (range.last + 1) * lh - m_layout.scrollY - 1 - inset / 2;
        if (r < -8 || l > width + 8)
            continue;
        m_shapes.scopeFills.emplace_back(l, top, std::max(1, r - l), bottom - top);
        // A bracket on each side: [ at entry, ] at exit (an open scope has no closing bracket).
        const int serif = 5;
        m_shapes.scopeBrackets.emplace_back(l, top, l, bottom);
        m_shapes.scopeBrackets.emplace_back(l, top, l + serif, top);
        m_shapes.scopeBrackets.emplace_back(l, bottom, l + serif, bottom);
        if (!scopes[s].isOpen()) {
            m_shapes.scopeBrackets.emplace_back(r, top, r, bottom);
            m_shapes.scopeBrackets.emplace_back(r - serif, top, r, top);
            m_shapes.scopeBrackets.emplace_back(r - serif, bottom, r, bottom);
        }
    }
}

const HitShape *TimelineGeometry::shapeAt(const QPoint &pos) const
{
    const HitShape *best = nullptr;
    auto rank = [](ShapeKind k) {
        switch (k) {
        case ShapeKind::Marble: return 3;
        case ShapeKind::Mark: return 2;
        case ShapeKind::Folded: return 1;
        case ShapeKind::Span: return 0;
        }
        return 0;
    };
    for (const HitShape &h : m_hits) {
        if (!h.rect.adjusted(-1, 0, 1, 0).contains(pos))
            continue;
        if (!best || rank(h.kind) > rank(best->kind)
            || (rank(h.kind) == rank(best->kind)
                && std::abs(h.rect.center().x() - pos.x()) < std::abs(best->rect.center().x() - pos.x())))
            best = &h;
    }
    return best;
}

void TimelineGeometry::paint(QPainter &p) const
{
    TimelineShapePainter::paint(p, m_shapes, m_font, m_layout.laneHeight);
}

int TimelineGeometry::shapeCount() const
{
    return m_shapes.count();
}

} // namespace widgets
