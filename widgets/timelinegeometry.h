#pragma once

#include "tasktimeline.h"
#include "timeaxis.h"

#include <QFont>
#include <QLine>
#include <QRect>
#include <QSize>
#include <QString>

#include <vector>

class QPainter;

namespace widgets {

class TimelineModel;

/// What the timeline needs to lay out its lanes: the inputs of the cached geometry.
struct TimelineLayout
{
    TimeAxis axis;
    QSize size;                ///< viewport size
    int laneHeight = 24;
    int scrollY = 0;           ///< pixels of lanes scrolled out at the top
    quint64 modelRevision = 0;
    quint64 lanesRevision = 0;

    bool operator==(const TimelineLayout &o) const
    {
        return axis == o.axis && size == o.size && laneHeight == o.laneHeight && scrollY == o.scrollY
            && modelRevision == o.modelRevision && lanesRevision == o.lanesRevision;
    }
};

/// The drawn shapes of the visible part of a timeline, in viewport coordinates, grouped by brush so
/// that painting is a handful of batched calls. Built only for visible lanes and times (binary
/// search), rebuilt only when its layout changes; hover, selection and the playhead are overlays
/// the view paints on top.
class TimelineGeometry
{
public:
    /// Recomputes the shapes if `layout` differs from the one they were built for.
    void update(const TimelineModel &model, const std::vector<engine::TaskId> &lanes,
                const TimelineLayout &layout, const QFont &font);
    void invalidate() { m_valid = false; }
    void paint(QPainter &p) const;

    /// Shapes drawn (for tests and benchmarks).
    int shapeCount() const;

    /// Vertical placement of the bars inside a lane whose top is `top`.
    static QRect runningBar(int top, int laneHeight);
    static QRect suspendedBar(int top, int laneHeight);

private:
    struct Glyph
    {
        QPointF at;
        MarkKind kind;
    };
    struct Label
    {
        QRect rect;
        QString text;
    };
    struct OpenEdge
    {
        qreal x;
        QRectF bar;
        bool running;
    };

    void clear();
    void addLane(const TimelineModel &model, const TaskTimeline &task, int top, double t0, double t1);
    void addScopes(const TimelineModel &model, const std::vector<engine::TaskId> &lanes, int first, int last);

    TimelineLayout m_layout;
    QFont m_font;
    bool m_valid = false;

    std::vector<QRect> m_scopes;
    std::vector<QLine> m_waiting;
    std::vector<QRect> m_suspended;
    std::vector<QRect> m_ghosts;
    std::vector<QRect> m_running;
    std::vector<QRect> m_cancelBands;
    std::vector<Label> m_labels;
    std::vector<Label> m_latencyLabels;
    std::vector<OpenEdge> m_openEdges;
    std::vector<Glyph> m_requests;
    std::vector<Glyph> m_delivered;
    std::vector<Glyph> m_caps;
};

} // namespace widgets
