#pragma once

#include "tasktimeline.h"
#include "timeaxis.h"
#include "timelineshapes.h"

#include <QFont>
#include <QLine>
#include <QRect>
#include <QSize>
#include <QString>

#include <climits>
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

/// The drawn shapes of the visible part of a timeline, in viewport coordinates. Built only for
/// visible lanes and times (binary search), with level of detail: a run of spans narrower than
/// FoldPixels becomes one folded block with a count, every span is at least 1 px wide. Rebuilt only
/// when its layout changes; hover, selection, links and the playhead are overlays the view paints
/// on top. Hit-testing looks at the shapes drawn, so what you point at is what you see.
class TimelineGeometry
{
public:
    /// Spans narrower than this (in pixels) are folded when two or more of them follow each other.
    static constexpr double FoldPixels = 3.0;

    /// Recomputes the shapes if `layout` differs from the one they were built for.
    void update(const TimelineModel &model, const std::vector<engine::TaskId> &lanes,
                const TimelineLayout &layout, const QFont &font);
    void invalidate() { m_valid = false; }
    bool isValidFor(const TimelineLayout &layout) const { return m_valid && layout == m_layout; }
    void paint(QPainter &p) const;

    /// Shapes drawn (for tests and benchmarks).
    int shapeCount() const;
    const TimelineShapes &shapes() const { return m_shapes; }
    /// The topmost shape at viewport `pos` (a marble before a mark before a span), or nullptr.
    const HitShape *shapeAt(const QPoint &pos) const;
    /// Every hit shape of the last build, lane by lane.
    const std::vector<HitShape> &hitShapes() const { return m_hits; }

    /// Vertical placement of the bars inside a lane whose top is `top`.
    static QRect runningBar(int top, int laneHeight);
    static QRect suspendedBar(int top, int laneHeight);

private:
    struct ScopeRange
    {
        int first = INT_MAX;
        int last = INT_MIN;
        int depth = 0;
    };

    void clear();
    void addLane(const TimelineModel &model, const TaskTimeline &task, int lane, int top, double t0, double t1);
    void addSpans(const TimelineModel &model, const TaskTimeline &task, int lane, int top, double t0, double t1);
    void addMarks(const TaskTimeline &task, int lane, int top);
    void addMarbles(const TaskTimeline &task, int lane, int top, double t0, double t1);
    void addScopes(const TimelineModel &model, const std::vector<engine::TaskId> &lanes, int first, int last);
    void updateScopeRanges(const TimelineModel &model, const std::vector<engine::TaskId> &lanes);
    void addHit(const QRect &rect, engine::TaskId task, int lane, ShapeKind kind, int index, int count = 1);

    TimelineLayout m_layout;
    QFont m_font;
    bool m_valid = false;
    TimelineShapes m_shapes;
    std::vector<HitShape> m_hits;
    // Lane range of every scope: depends on the lanes and the model only, not on zoom or scroll,
    // so panning does not walk every lane again.
    std::vector<ScopeRange> m_scopeRanges;
    quint64 m_rangesModelRevision = ~quint64(0);
    quint64 m_rangesLanesRevision = ~quint64(0);
};

} // namespace widgets
