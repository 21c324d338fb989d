#include "timelinelinkpainter.h"

#include "timelinegeometry.h"
#include "timelinelinks.h"
#include "timelinemodel.h"
#include "timelineshapepainter.h"
#include "timelinestyle.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace widgets {

using engine::TaskId;
using engine::Tick;

namespace {

QString nodeLabel(const TimelineModel &model, const ErrorPathNode &n)
{
    const engine::Trace *trace = model.trace();
    const QString scope = trace && n.scope >= 0 ? trace->scopeName(n.scope) : QString();
    switch (n.kind) {
    case ErrorPathNode::Raised:
        return {};
    case ErrorPathNode::Propagated:
        return scope.isEmpty() ? QObject::tr("→ scope") : QObject::tr("→ %1").arg(scope);
    case ErrorPathNode::Grouped:
        return QObject::tr("grouped");
    case ErrorPathNode::Caught:
        return scope.isEmpty() ? QObject::tr("caught") : QObject::tr("caught by %1").arg(scope);
    case ErrorPathNode::Escaped:
        return QObject::tr("escapes");
    case ErrorPathNode::Dropped:
        return QObject::tr("not propagated");
    }
    return {};
}

} // namespace

void TimelineLinkPainter::clear()
{
    m_arrows.clear();
    m_nodes.clear();
    m_rings.clear();
}

bool TimelineLinkPainter::pointOf(const Input &in, Tick time, TaskId task, QPointF *out)
{
    if (!in.laneOf || task < 0 || size_t(task) >= in.laneOf->size())
        return false;
    const int lane = (*in.laneOf)[size_t(task)];
    if (lane < 0)
        return false;
    const int top = lane * in.laneHeight - in.scrollY;
    *out = QPointF(in.axis.x(double(time)), TimelineGeometry::runningBar(top, in.laneHeight).center().y() + 0.5);
    return true;
}

void TimelineLinkPainter::update(const Input &in, TaskId selected, bool allErrorPaths, bool causality, int cap)
{
    if (!in.model) {
        clear();
        return;
    }
    std::vector<ErrorPath> selectedPaths;
    const std::vector<ErrorPath> *paths = &selectedPaths;
    if (allErrorPaths || selected >= 0) {
        if (m_pathsModel != in.model || m_pathsRevision != in.model->revision()) {
            m_errorPaths = TimelineLinks::errorPaths(*in.model);
            m_pathsModel = in.model;
            m_pathsRevision = in.model->revision();
        }
        if (allErrorPaths) {
            paths = &m_errorPaths;
        } else {
            for (const ErrorPath &path : m_errorPaths) {
                const bool through = std::any_of(path.nodes.begin(), path.nodes.end(),
                                                 [selected](const ErrorPathNode &n) { return n.task == selected; });
                if (through)
                    selectedPaths.push_back(path);
            }
        }
    }
    std::vector<CausalLink> links;
    if (causality) {
        const Tick from = Tick(std::floor(in.axis.time(in.viewport.left() - 40)));
        const Tick to = Tick(std::ceil(in.axis.time(in.viewport.right() + 40)));
        links = TimelineLinks::causalLinks(*in.model, selected, from, to, cap);
    }
    layout(in, *paths, links);
}

void TimelineLinkPainter::layout(const Input &in, const std::vector<ErrorPath> &paths, const std::vector<CausalLink> &links)
{
    clear();
    if (!in.model)
        return;
    const QRectF area = in.viewport.adjusted(-40, -40, 40, 40);
    m_ringRadius = TimelineShapePainter::capRadius(in.laneHeight) + 3;
    m_width = in.viewport.right();
    for (const ErrorPath &path : paths) {
        QPointF prev;
        bool havePrev = false;
        for (const ErrorPathNode &n : path.nodes) {
            QPointF at;
            if (!pointOf(in, n.time, n.task, &at))
                continue;
            if (n.kind != ErrorPathNode::Raised || havePrev) {
                // The last nodes say how the path ends; nodes on the same spot share one label.
                if (!m_nodes.empty() && QLineF(m_nodes.back().at, at).length() < 1 && n.kind != ErrorPathNode::Raised) {
                    m_nodes.back().kind = n.kind;
                    const QString more = nodeLabel(*in.model, n);
                    if (!more.isEmpty() && !m_nodes.back().label.contains(more))
                        m_nodes.back().label += m_nodes.back().label.isEmpty() ? more : QStringLiteral(", ") + more;
                } else if (n.kind != ErrorPathNode::Raised) {
                    m_nodes.push_back({at, n.kind, n.task, nodeLabel(*in.model, n)});
                }
            }
            if (havePrev && QLineF(prev, at).length() >= 1) {
                // Widened: a vertical arrow has an empty rectangle, which intersects nothing.
                const QRectF bounds = QRectF(prev, at).normalized().adjusted(-1, -1, 1, 1);
                if (bounds.intersects(area))
                    m_arrows.push_back({prev, at, ArrowKind::ErrorPath, false});
            }
            prev = at;
            havePrev = true;
        }
        for (TaskId t : path.cancelled) {
            const TaskTimeline &task = in.model->task(t);
            QPointF at;
            if (task.cancelRequestTime >= 0 && pointOf(in, task.cancelRequestTime, t, &at) && area.contains(at))
                m_rings.push_back(at);
        }
    }
    // Nodes off screen are dropped only now: a path that leaves the screen still ends on it.
    m_nodes.erase(std::remove_if(m_nodes.begin(), m_nodes.end(), [&](const Node &n) { return !area.contains(n.at); }),
                  m_nodes.end());

    for (const CausalLink &l : links) {
        QPointF from;
        QPointF to;
        if (!pointOf(in, l.fromTime, l.fromTask, &from) || !pointOf(in, l.toTime, l.toTask, &to))
            continue;
        const bool sameLane = std::abs(from.y() - to.y()) < 1;
        if (sameLane && std::abs(from.x() - to.x()) < 2)
            continue;
        if (!QRectF(from, to).normalized().adjusted(-1, -1, 1, 1).intersects(area))
            continue;
        m_arrows.push_back({from, to, ArrowKind::Causality, sameLane});
    }
}

void TimelineLinkPainter::drawArrow(QPainter &p, const Arrow &a)
{
    QPainterPath path(a.from);
    QPointF control;
    const QLineF line(a.from, a.to);
    if (a.sameLane) {
        // An arc above the lane: cause and effect on one lane at different times.
        control = QPointF((a.from.x() + a.to.x()) / 2, a.from.y() - std::clamp(line.length() / 3, 8.0, 18.0));
    } else if (std::abs(a.from.x() - a.to.x()) < 6) {
        // Same instant, different lanes: bow out so the arrow clears the glyphs at that x. To the
        // left, into the past: the right edge is usually "now", with little room after it.
        control = QPointF(a.from.x() - std::clamp(std::abs(line.dy()) / 1.5, 24.0, 70.0), (a.from.y() + a.to.y()) / 2);
    } else {
        control = QPointF((a.from.x() + a.to.x()) / 2, (a.from.y() + a.to.y()) / 2);
    }
    path.quadTo(control, a.to);
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    // The head points along the curve's last tangent (control → end).
    const QLineF tangent(control, a.to);
    const qreal angle = std::atan2(tangent.dy(), tangent.dx());
    const qreal size = a.kind == ArrowKind::ErrorPath ? 9 : 7;
    const QPointF tip = a.to;
    const QPointF head[] = {tip, tip - QPointF(std::cos(angle - 0.42) * size, std::sin(angle - 0.42) * size),
                            tip - QPointF(std::cos(angle + 0.42) * size, std::sin(angle + 0.42) * size)};
    p.setBrush(p.pen().color());
    p.drawPolygon(head, 3);
}

void TimelineLinkPainter::paint(QPainter &p) const
{
    if (m_arrows.empty() && m_nodes.empty() && m_rings.empty())
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    // Rings first: they surround marks that the arrows may cross.
    if (!m_rings.empty()) {
        p.setPen(QPen(TimelineStyle::errorPath(), 1.6, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        for (const QPointF &c : m_rings)
            p.drawEllipse(c, m_ringRadius, m_ringRadius);
    }
    for (const Arrow &a : m_arrows) {
        if (a.kind == ArrowKind::Causality)
            p.setPen(QPen(TimelineStyle::causality(), 1.3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        else
            p.setPen(QPen(TimelineStyle::errorPath(), 2.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        drawArrow(p, a);
    }
    QFont bold = p.font();
    bold.setBold(true);
    p.setFont(bold);
    const QFontMetrics fm(bold);
    for (const Node &n : m_nodes) {
        const QColor ink = TimelineStyle::errorPath();
        p.setPen(QPen(ink.darker(130), 1.2));
        switch (n.kind) {
        case ErrorPathNode::Escaped: {
            // An arrow leaving the lane upwards and to the left: nothing above catches it.
            p.setPen(QPen(ink, 2.6, Qt::SolidLine, Qt::RoundCap));
            const QPointF top = n.at + QPointF(-16, -14);
            p.drawLine(n.at + QPointF(-5, -4), top);
            const QPointF head[] = {top, top + QPointF(7, 1), top + QPointF(1, 7)};
            p.setBrush(ink);
            p.drawPolygon(head, 3);
            break;
        }
        case ErrorPathNode::Caught:
            // A bar across the path: the error stops here.
            p.setPen(QPen(ink, 3, Qt::SolidLine, Qt::FlatCap));
            p.drawLine(n.at + QPointF(8, -7), n.at + QPointF(8, 7));
            break;
        default:
            p.setBrush(ink);
            p.drawEllipse(n.at + QPointF(6, -6), 3.5, 3.5);
            break;
        }
        if (n.label.isEmpty())
            continue;
        // Right of the node if it fits, else left of it (the node is often at now, the right edge).
        const qreal w = fm.horizontalAdvance(n.label) + 8;
        const qreal x = n.at.x() + 16 + w <= m_width ? n.at.x() + 16 : n.at.x() - 22 - w;
        const QRectF box(x, n.at.y() - fm.height() / 2.0 - 1, w, fm.height() + 2);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(255, 255, 255, 230));
        p.drawRoundedRect(box, 3, 3);
        p.setPen(ink.darker(140));
        p.drawText(box, Qt::AlignCenter, n.label);
    }
    p.restore();
}

} // namespace widgets
