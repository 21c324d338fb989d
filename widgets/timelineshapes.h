#pragma once

#include "tasktimeline.h"

#include <QLine>
#include <QPointF>
#include <QRect>
#include <QString>

#include <vector>

namespace widgets {

/// What a drawn shape stands for (hit-testing answers with it).
enum class ShapeKind : quint8 {
    Span,     ///< one span of a task (index: into TaskTimeline::spans)
    Folded,   ///< a run of spans too narrow to draw one by one (index: the first span, count: how many)
    Mark,     ///< a cancel request, delivery or end cap (index: into TaskTimeline::marks)
    Marble,   ///< a stream item (index: into TaskTimeline::marbles)
};

/// A drawn shape that the pointer can land on, in viewport coordinates.
struct HitShape
{
    QRect rect;
    engine::TaskId task = engine::NoId;
    int lane = -1;
    ShapeKind kind = ShapeKind::Span;
    int index = -1;
    int count = 1;
};

/// The visible timeline as plain shapes in viewport coordinates, grouped by brush so that painting
/// is a handful of batched calls (TimelineShapePainter). TimelineGeometry fills it.
struct TimelineShapes
{
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

    std::vector<QRect> scopeFills;
    std::vector<QLine> scopeBrackets;
    std::vector<QLine> waiting;
    std::vector<QRect> suspended;
    std::vector<QRect> ghosts;
    std::vector<QRect> running;
    std::vector<QRect> folded;
    std::vector<Label> foldLabels;
    std::vector<QRect> cancelBands;
    std::vector<Label> labels;
    std::vector<Label> latencyLabels;
    std::vector<OpenEdge> openEdges;
    std::vector<Glyph> requests;
    std::vector<Glyph> delivered;
    std::vector<Glyph> caps;
    std::vector<QRectF> marbles;
    std::vector<QLine> pulls;

    void clear();
    int count() const;
};

} // namespace widgets
