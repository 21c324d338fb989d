#pragma once

#include "tasktimeline.h"

#include <QColor>
#include <QIcon>

class QPainter;
class QPointF;
class QRectF;

namespace widgets {

/// The timeline's visual vocabulary, shared by the timeline, its legend and the task tree so that a
/// state looks the same everywhere. Every state differs in shape as well as colour (Okabe–Ito
/// palette), so the picture still reads in greyscale and for colour-blind readers.
class TimelineStyle
{
public:
    static QColor running() { return QColor(0x00, 0x72, 0xB2); }
    static QColor suspended() { return QColor(0x56, 0xB4, 0xE9); }
    static QColor suspendedFill() { return QColor(0xDD, 0xEF, 0xFA); }
    static QColor completed() { return QColor(0x00, 0x9E, 0x73); }
    static QColor failed() { return QColor(0xD5, 0x5E, 0x00); }
    static QColor cancelled() { return QColor(0x8C, 0x4F, 0x7E); }
    static QColor cancelRequest() { return QColor(0xE6, 0x9F, 0x00); }
    static QColor scope() { return QColor(0x70, 0x70, 0x80); }
    /// Stream items (marbles): yellow with a dark rim reads on every bar and in grey.
    static QColor marble() { return QColor(0xF0, 0xE4, 0x42); }
    /// An exception's path: the failure colour, drawn thick.
    static QColor errorPath() { return failed().darker(115); }
    /// Causality arrows: a neutral dark ink that does not compete with the states.
    static QColor causality() { return QColor(0x33, 0x33, 0x55); }

    /// Outcome glyph centred on `centre`: ✓ in a disc (completed), ✗ in a diamond (failed),
    /// ⊘ hollow disc with a bar (cancelled).
    static void drawEndCap(QPainter &p, const QPointF &centre, qreal radius, MarkKind kind);
    /// A downward triangle whose tip touches `tip`: "cancel requested here".
    static void drawCancelRequest(QPainter &p, const QPointF &tip, qreal size);
    /// A small hollow diamond: "Cancelled was thrown in at this await".
    static void drawCancelDelivered(QPainter &p, const QPointF &centre, qreal radius);
    /// The ragged, right-pointing edge of a task that is still open at now.
    static void drawOpenEdge(QPainter &p, qreal x, const QRectF &bar, const QColor &colour);
    /// A suspended bar: thinner than a running one, hollow and hatched.
    static void drawSuspendedBar(QPainter &p, const QRectF &bar);
    /// A small sample of `kind` for legends and item views (`box` is the glyph area).
    enum class Sample { Waiting, Running, Suspended, Cancelling, Completed, Failed, Cancelled };
    static void drawSample(QPainter &p, const QRectF &box, Sample sample);
    /// The sample that describes a task's current state.
    static Sample sampleFor(const TaskTimeline &task);
    /// `sample` as an icon of `size` pixels (device independent).
    static QIcon icon(Sample sample, int size);
};

} // namespace widgets
