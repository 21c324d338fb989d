#include "timelinegeometry.h"

#include "timelinemodel.h"
#include "timelinestyle.h"

#include <QFontMetrics>
#include <QPainter>

#include <algorithm>
#include <climits>
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

// The cancel-request triangle hangs from the top of its lane and stays inside it.
qreal requestSize(int laneHeight)
{
    return std::clamp(laneHeight * 0.32, 5.0, 11.0);
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
    m_scopes.clear();
    m_waiting.clear();
    m_suspended.clear();
    m_ghosts.clear();
    m_running.clear();
    m_cancelBands.clear();
    m_labels.clear();
    m_latencyLabels.clear();
    m_openEdges.clear();
    m_requests.clear();
    m_delivered.clear();
    m_caps.clear();
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
            addLane(model, model.task(id), lane * lh - layout.scrollY, t0, t1);
    }
}

void TimelineGeometry::addLane(const TimelineModel &model, const TaskTimeline &task, int top, double t0, double t1)
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
    // Spans are sorted and contiguous: the first visible one is the first ending at or after t0.
    auto it = std::partition_point(spans.begin(), spans.end(),
                                   [&](const TimelineSpan &s) { return double(s.endAt(now)) < t0; });
    int runRight = INT_MIN;
    for (; it != spans.end() && double(it->begin) <= t1; ++it) {
        int l = clampX(std::floor(ax.x(double(it->begin))), width);
        int r = clampX(std::ceil(ax.x(double(it->endAt(now)))), width);
        switch (it->kind) {
        case SpanKind::Waiting:
            m_waiting.emplace_back(l, mid, r, mid);
            break;
        case SpanKind::Running:
            // Running takes no virtual time: give it a visible width, and fold runs that land on
            // the same pixels into one block.
            if (r - l < 3) {
                l = clampX(std::round(ax.x(double(it->begin))) - 1, width);
                r = l + 3;
            }
            if (l <= runRight && !m_running.empty()) {
                QRect &prev = m_running.back();
                prev.setRight(std::max(prev.right(), r - 1));
            } else {
                m_running.emplace_back(l, rb.top(), r - l, rb.height());
            }
            runRight = r;
            break;
        case SpanKind::Suspended: {
            r = std::max(r, l + 1);
            m_suspended.emplace_back(l, sb.top(), r - l, sb.height());
            const QString text = model.spanText(*it);
            const int visibleLeft = std::max(l, 0) + 5;
            const int room = std::min(r, width) - visibleLeft - 5;
            if (room > fm.horizontalAdvance(QStringLiteral("sleep…")))
                m_labels.push_back({QRect(visibleLeft, sb.top(), room, sb.height()),
                                    fm.elidedText(text, Qt::ElideRight, room)});
            break;
        }
        }
    }

    if (task.isOpen() && !spans.empty() && spans.back().isOpen()) {
        const TimelineSpan &open = spans.back();
        const double xNow = ax.x(double(now));
        if (xNow >= -16 && xNow <= width + 16) {
            const bool running = open.kind == SpanKind::Running;
            const QRect bar = running ? rb : sb;
            m_openEdges.push_back({xNow, QRectF(xNow, bar.top(), 0, bar.height()), running});
        }
        // A sleeping task will wake at a known time: show where, faintly.
        if (open.kind == SpanKind::Suspended && open.wake > now) {
            const int l = clampX(std::round(ax.x(double(now))) + 8, width);
            const int r = clampX(std::round(ax.x(double(open.wake))), width);
            if (r > l)
                m_ghosts.emplace_back(l, sb.top(), r - l, sb.height());
        }
    }

    if (task.cancelRequested()) {
        const Tick exit = task.isOpen() ? now : task.ended;
        if (exit > task.cancelRequestTime) {
            const int l = clampX(std::round(ax.x(double(task.cancelRequestTime))), width);
            const int r = clampX(std::round(ax.x(double(exit))), width);
            m_cancelBands.emplace_back(l, rb.top(), std::max(1, r - l), rb.height());
            const QString text = QObject::tr("cancel latency %1").arg(exit - task.cancelRequestTime);
            const int room = std::min(r, width) - std::max(l, 0) - 24;
            if (room > fm.horizontalAdvance(text))
                m_latencyLabels.push_back({QRect(std::max(l, 0) + 12, rb.top(), room, rb.height()), text});
        }
    }

    for (const TimelineMark &m : task.marks) {
        const double x = ax.x(double(m.time));
        if (x < -16 || x > width + 16)
            continue;
        switch (m.kind) {
        case MarkKind::CancelRequested:
            m_requests.push_back({QPointF(x, top + 1 + requestSize(lh)), m.kind});
            break;
        case MarkKind::CancelDelivered:
            // At the exit instant the end cap says it all.
            if (task.isOpen() || m.time != task.ended)
                m_delivered.push_back({QPointF(x, mid), m.kind});
            break;
        case MarkKind::Completed:
        case MarkKind::Failed:
        case MarkKind::Cancelled:
            m_caps.push_back({QPointF(x, mid + 0.5), m.kind});
            break;
        }
    }
}

void TimelineGeometry::addScopes(const TimelineModel &model, const std::vector<TaskId> &lanes, int first, int last)
{
    const auto &traceScopes = model.trace() ? model.trace()->scopes() : std::vector<engine::TraceScope>{};
    const auto &scopes = model.scopes();
    if (scopes.empty())
        return;
    // Lane range of every scope's members (its tasks and everything nested inside them).
    std::vector<std::pair<int, int>> range(scopes.size(), {INT_MAX, INT_MIN});
    for (int lane = 0; lane < int(lanes.size()); ++lane) {
        const TaskId id = lanes[size_t(lane)];
        if (id < 0 || id >= model.taskCount())
            continue;
        ScopeId s = model.task(id).scope;
        for (size_t guard = 0; s >= 0 && size_t(s) < scopes.size() && guard <= scopes.size(); ++guard) {
            range[size_t(s)].first = std::min(range[size_t(s)].first, lane);
            range[size_t(s)].second = std::max(range[size_t(s)].second, lane);
            s = size_t(s) < traceScopes.size() ? traceScopes[size_t(s)].parent : NoId;
        }
    }
    const int lh = m_layout.laneHeight;
    const int width = m_layout.size.width();
    for (size_t s = 0; s < scopes.size(); ++s) {
        const auto [lo, hi] = range[s];
        if (lo > hi || hi < first || lo > last || scopes[s].id < 0)
            continue;
        const Tick end = scopes[s].isOpen() ? model.now() : scopes[s].exited;
        const int l = clampX(std::round(m_layout.axis.x(double(scopes[s].entered))) - 3, width);
        const int r = clampX(std::round(m_layout.axis.x(double(end))) + 3, width);
        const int top = lo * lh - m_layout.scrollY + 1;
        const int bottom = (hi + 1) * lh - m_layout.scrollY - 1;
        m_scopes.emplace_back(l, top, std::max(1, r - l), bottom - top);
    }
}

void TimelineGeometry::paint(QPainter &p) const
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false);

    // Scopes: containers behind their children's lanes.
    if (!m_scopes.empty()) {
        QColor fill = TimelineStyle::scope();
        fill.setAlpha(22);
        QColor edge = TimelineStyle::scope();
        edge.setAlpha(110);
        p.setPen(QPen(edge, 1, Qt::DashLine));
        p.setBrush(fill);
        p.drawRects(m_scopes.data(), int(m_scopes.size()));
    }

    if (!m_waiting.empty()) {
        p.setPen(QPen(TimelineStyle::running(), 1.5, Qt::DotLine));
        p.drawLines(m_waiting.data(), int(m_waiting.size()));
    }

    if (!m_suspended.empty()) {
        p.setPen(Qt::NoPen);
        p.setBrush(TimelineStyle::suspendedFill());
        p.drawRects(m_suspended.data(), int(m_suspended.size()));
        QColor hatch = TimelineStyle::suspended();
        hatch.setAlpha(70);
        p.setBrush(QBrush(hatch, Qt::BDiagPattern));
        p.drawRects(m_suspended.data(), int(m_suspended.size()));
        p.setPen(QPen(TimelineStyle::suspended().darker(150), 1));
        p.setBrush(Qt::NoBrush);
        for (const QRect &r : m_suspended)
            p.drawRect(r.adjusted(0, 0, -1, -1));
    }

    if (!m_ghosts.empty()) {
        p.setPen(QPen(TimelineStyle::suspended().darker(120), 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        for (const QRect &r : m_ghosts)
            p.drawRect(r.adjusted(0, 0, -1, -1));
    }

    if (!m_labels.empty()) {
        QFont small = m_font;
        p.setFont(small);
        p.setPen(TimelineStyle::running().darker(160));
        for (const Label &l : m_labels)
            p.drawText(l.rect, Qt::AlignLeft | Qt::AlignVCenter, l.text);
    }

    if (!m_running.empty()) {
        p.setPen(Qt::NoPen);
        p.setBrush(TimelineStyle::running());
        p.drawRects(m_running.data(), int(m_running.size()));
    }

    if (!m_cancelBands.empty()) {
        QColor band = TimelineStyle::cancelRequest();
        band.setAlpha(60);
        p.setPen(Qt::NoPen);
        p.setBrush(band);
        p.drawRects(m_cancelBands.data(), int(m_cancelBands.size()));
        p.setBrush(QBrush(TimelineStyle::cancelRequest().darker(110), Qt::FDiagPattern));
        p.drawRects(m_cancelBands.data(), int(m_cancelBands.size()));
        p.setPen(QPen(TimelineStyle::cancelRequest().darker(140), 1));
        p.setBrush(Qt::NoBrush);
        for (const QRect &r : m_cancelBands)
            p.drawRect(r.adjusted(0, 0, -1, -1));
    }

    if (!m_latencyLabels.empty()) {
        QFont bold = m_font;
        bold.setBold(true);
        p.setFont(bold);
        const QFontMetrics fm(bold);
        for (const Label &l : m_latencyLabels) {
            // A solid backing keeps the text readable over the hatch.
            QRect box = fm.boundingRect(l.rect, Qt::AlignLeft | Qt::AlignVCenter, l.text).adjusted(-3, 0, 3, 0);
            box.setTop(l.rect.top() + 1);
            box.setBottom(l.rect.bottom() - 1);
            p.fillRect(box, QColor(255, 255, 255, 225));
            p.setPen(TimelineStyle::cancelRequest().darker(220));
            p.drawText(l.rect, Qt::AlignLeft | Qt::AlignVCenter, l.text);
        }
    }

    for (const OpenEdge &e : m_openEdges)
        TimelineStyle::drawOpenEdge(p, e.x, e.bar, e.running ? TimelineStyle::running() : TimelineStyle::suspended().darker(150));

    const qreal capRadius = std::max(4.0, m_layout.laneHeight * 0.31);
    for (const Glyph &g : m_delivered)
        TimelineStyle::drawCancelDelivered(p, g.at, std::max(3.0, capRadius * 0.6));
    for (const Glyph &g : m_caps)
        TimelineStyle::drawEndCap(p, g.at, capRadius, g.kind);
    // Requests last: at the common "requested and cancelled in the same instant" they sit on the cap.
    for (const Glyph &g : m_requests)
        TimelineStyle::drawCancelRequest(p, g.at, requestSize(m_layout.laneHeight));
    p.restore();
}

int TimelineGeometry::shapeCount() const
{
    return int(m_scopes.size() + m_waiting.size() + m_suspended.size() + m_ghosts.size() + m_running.size()
               + m_cancelBands.size() + m_openEdges.size() + m_requests.size() + m_delivered.size() + m_caps.size());
}

} // namespace widgets
