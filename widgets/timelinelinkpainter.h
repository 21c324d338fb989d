#pragma once

#include "tasktimeline.h"
#include "timeaxis.h"

#include <QPointF>
#include <QRectF>
#include <QString>

#include <vector>

class QPainter;

namespace widgets {

class TimelineModel;

/// Lays out and paints the links over the lanes: exception paths (thick arrows in the failure
/// colour, from the failing task up through its scopes, ending in a "caught", "escapes" or
/// "grouped" node; the tasks the error cancelled get a ring) and causality arrows (thin, dark,
/// cause → effect; an arc over the lane when both ends are on one lane). An overlay: it is
/// recomputed each paint from data cached by the view, and only for what is visible.
class TimelineLinkPainter
{
public:
    enum class ArrowKind : quint8 { ErrorPath, Causality };

    /// One drawn arrow, in viewport coordinates (tests check the endpoints).
    struct Arrow
    {
        QPointF from;
        QPointF to;
        ArrowKind kind = ArrowKind::Causality;
        bool sameLane = false;   ///< drawn as an arc above the lane
    };
    /// A node of an exception path where something happened (propagated, grouped, caught …).
    struct Node
    {
        QPointF at;
        ErrorPathNode::Kind kind = ErrorPathNode::Raised;
        engine::TaskId task = engine::NoId;
        QString label;
    };

    struct Input
    {
        const TimelineModel *model = nullptr;
        TimeAxis axis;
        int laneHeight = 24;
        int scrollY = 0;
        QRectF viewport;
        /// Lane of each task id (-1: not shown); a collapsed task borrows its visible ancestor's.
        const std::vector<int> *laneOf = nullptr;
    };

    /// Chooses what to draw and lays it out: every error path (`allErrorPaths`) or those through
    /// `selected`; with `causality`, the causal links of `selected` (or of all lanes, at most
    /// `cap`, when nothing is selected). Error paths are cached per model revision.
    void update(const Input &input, engine::TaskId selected, bool allErrorPaths, bool causality, int cap);
    void layout(const Input &input, const std::vector<ErrorPath> &paths, const std::vector<CausalLink> &links);
    void paint(QPainter &p) const;
    void clear();

    const std::vector<Arrow> &arrows() const { return m_arrows; }
    const std::vector<Node> &nodes() const { return m_nodes; }
    /// Centres of the rings around the cancel requests an error caused.
    const std::vector<QPointF> &cancelRings() const { return m_rings; }

    /// The point of (time, task): the lane's centre line at that time; invalid if not shown.
    static bool pointOf(const Input &in, engine::Tick time, engine::TaskId task, QPointF *out);

private:
    static void drawArrow(QPainter &p, const Arrow &a);

    std::vector<Arrow> m_arrows;
    std::vector<Node> m_nodes;
    std::vector<QPointF> m_rings;
    qreal m_ringRadius = 8;
    qreal m_width = 0;
    std::vector<ErrorPath> m_errorPaths;
    const TimelineModel *m_pathsModel = nullptr;
    quint64 m_pathsRevision = ~quint64(0);
};

} // namespace widgets
