#include "timelinelegend.h"

#include "timelinestyle.h"

#include <QCoreApplication>
#include <QEvent>
#include <QPainter>

#include <array>
#include <cmath>

namespace widgets {

namespace {

enum class Glyph { Sample, Request, Latency, Playhead, Scope, Folded, Marble, ErrorPath, Causality };

struct Item
{
    Glyph glyph;
    TimelineStyle::Sample sample;
    const char *text;
};

#define LEGEND_TEXT(s) QT_TRANSLATE_NOOP("widgets::TimelineLegend", s)
constexpr std::array<Item, 14> Items{{
    {Glyph::Sample, TimelineStyle::Sample::Running, LEGEND_TEXT("running")},
    {Glyph::Sample, TimelineStyle::Sample::Suspended, LEGEND_TEXT("suspended")},
    {Glyph::Sample, TimelineStyle::Sample::Waiting, LEGEND_TEXT("not started")},
    {Glyph::Request, TimelineStyle::Sample::Running, LEGEND_TEXT("cancel requested")},
    {Glyph::Latency, TimelineStyle::Sample::Running, LEGEND_TEXT("cancel latency")},
    {Glyph::Sample, TimelineStyle::Sample::Completed, LEGEND_TEXT("completed")},
    {Glyph::Sample, TimelineStyle::Sample::Failed, LEGEND_TEXT("failed")},
    {Glyph::Sample, TimelineStyle::Sample::Cancelled, LEGEND_TEXT("cancelled")},
    {Glyph::ErrorPath, TimelineStyle::Sample::Running, LEGEND_TEXT("error path")},
    {Glyph::Causality, TimelineStyle::Sample::Running, LEGEND_TEXT("cause")},
    {Glyph::Marble, TimelineStyle::Sample::Running, LEGEND_TEXT("stream item")},
    {Glyph::Folded, TimelineStyle::Sample::Running, LEGEND_TEXT("many short spans")},
    {Glyph::Scope, TimelineStyle::Sample::Running, LEGEND_TEXT("scope")},
    {Glyph::Playhead, TimelineStyle::Sample::Running, LEGEND_TEXT("now")},
}};
#undef LEGEND_TEXT

constexpr int GlyphWidth = 22;
constexpr int TextGap = 5;
constexpr int Gap = 12;
constexpr int Margin = 8;

QString text(int index)
{
    return QCoreApplication::translate("widgets::TimelineLegend", Items[size_t(index)].text);
}

int itemWidth(const QFontMetrics &fm, int index)
{
    return GlyphWidth + TextGap + fm.horizontalAdvance(text(index));
}

int rowHeight(const QFontMetrics &fm)
{
    return std::max(fm.height(), 16) + 4;
}

// Where each entry goes when wrapped at `width`: calls place(index, x, row) for each.
template <typename Place>
int layOut(const QFontMetrics &fm, int width, Place place)
{
    int x = Margin;
    int row = 0;
    for (int i = 0; i < int(Items.size()); ++i) {
        const int w = itemWidth(fm, i);
        if (x > Margin && x + w > width - Margin) {
            x = Margin;
            ++row;
        }
        place(i, x, row);
        x += w + Gap;
    }
    return (row + 1) * rowHeight(fm);
}

void drawArrowSample(QPainter &p, const QRectF &box, const QColor &ink, qreal width)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(QPen(ink, width, Qt::SolidLine, Qt::RoundCap));
    const QPointF from(box.left() + 1, box.bottom() - 2);
    const QPointF to(box.right() - 2, box.top() + 3);
    p.drawLine(from, to);
    const qreal angle = std::atan2(to.y() - from.y(), to.x() - from.x());
    const qreal size = 3 + width * 1.5;
    const QPointF head[] = {to, to - QPointF(std::cos(angle - 0.42) * size, std::sin(angle - 0.42) * size),
                            to - QPointF(std::cos(angle + 0.42) * size, std::sin(angle + 0.42) * size)};
    p.setBrush(ink);
    p.drawPolygon(head, 3);
    p.restore();
}

void drawGlyph(QPainter &p, const Item &item, const QRectF &box, const QColor &ink)
{
    switch (item.glyph) {
    case Glyph::Sample:
        TimelineStyle::drawSample(p, box, item.sample);
        break;
    case Glyph::Request:
        TimelineStyle::drawCancelRequest(p, QPointF(box.center().x(), box.bottom() - 2), 10);
        break;
    case Glyph::Latency: {
        QColor band = TimelineStyle::cancelRequest();
        band.setAlpha(60);
        const QRect r = box.adjusted(1, 2, -1, -2).toRect();
        p.fillRect(r, band);
        p.fillRect(r, QBrush(TimelineStyle::cancelRequest().darker(110), Qt::FDiagPattern));
        p.setPen(TimelineStyle::cancelRequest().darker(140));
        p.setBrush(Qt::NoBrush);
        p.drawRect(r.adjusted(0, 0, -1, -1));
        break;
    }
    case Glyph::Scope: {
        // As drawn on the timeline: a faint container with a bracket at each end.
        QColor fill = TimelineStyle::scope();
        fill.setAlpha(22);
        QColor edge = TimelineStyle::scope();
        edge.setAlpha(170);
        const QRect r = box.adjusted(2, 1, -2, -1).toRect();
        p.fillRect(r, fill);
        p.fillRect(QRect(r.left(), r.top(), 2, r.height()), edge);
        p.fillRect(QRect(r.right() - 1, r.top(), 2, r.height()), edge);
        p.fillRect(QRect(r.left(), r.top(), 5, 2), edge);
        p.fillRect(QRect(r.left(), r.bottom() - 1, 5, 2), edge);
        p.fillRect(QRect(r.right() - 4, r.top(), 5, 2), edge);
        p.fillRect(QRect(r.right() - 4, r.bottom() - 1, 5, 2), edge);
        break;
    }
    case Glyph::Folded: {
        const QRect r = box.adjusted(1, 3, -1, -3).toRect();
        p.fillRect(r, TimelineStyle::suspendedFill());
        p.fillRect(r, QBrush(TimelineStyle::running(), Qt::Dense5Pattern));
        break;
    }
    case Glyph::Marble:
        p.save();
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(QPen(TimelineStyle::marble().darker(170), 1.2));
        p.setBrush(TimelineStyle::marble());
        p.drawEllipse(box.center(), 5, 5);
        p.restore();
        break;
    case Glyph::ErrorPath:
        drawArrowSample(p, box, TimelineStyle::errorPath(), 2.6);
        break;
    case Glyph::Causality:
        drawArrowSample(p, box, TimelineStyle::causality(), 1.3);
        break;
    case Glyph::Playhead:
        p.fillRect(QRectF(box.center().x() - 1, box.top(), 2, box.height()), ink);
        break;
    }
}

} // namespace

TimelineLegend::TimelineLegend(QWidget *parent)
    : QWidget(parent)
{
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setToolTip(tr("What the timeline's colours and marks mean. Every state differs in shape as well as "
                  "colour, so the timeline also reads in greyscale."));
}

int TimelineLegend::entryCount()
{
    return int(Items.size());
}

QString TimelineLegend::entryText(int index)
{
    return index >= 0 && index < entryCount() ? text(index) : QString();
}

int TimelineLegend::heightFor(int width, const QFont &font)
{
    return layOut(QFontMetrics(font), width, [](int, int, int) {});
}

int TimelineLegend::paint(QPainter &p, const QRect &area, const QFont &font, const QColor &ink)
{
    p.save();
    p.setFont(font);
    const QFontMetrics fm(font);
    const int rh = rowHeight(fm);
    const int used = layOut(fm, area.width(), [&](int i, int x, int row) {
        const int top = area.top() + row * rh;
        const QRectF box(area.left() + x, top + (rh - 16) / 2.0, GlyphWidth, 16);
        p.save();
        drawGlyph(p, Items[size_t(i)], box, ink);
        p.restore();
        p.setPen(ink);
        const int textLeft = area.left() + x + GlyphWidth + TextGap;
        p.drawText(QRect(textLeft, top, area.right() - textLeft, rh), Qt::AlignLeft | Qt::AlignVCenter, text(i));
    });
    p.restore();
    return used;
}

QSize TimelineLegend::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    int w = 2 * Margin;
    for (int i = 0; i < entryCount(); ++i)
        w += itemWidth(fm, i) + Gap;
    return QSize(w, rowHeight(fm));
}

QSize TimelineLegend::minimumSizeHint() const
{
    return QSize(0, rowHeight(fontMetrics()));
}

int TimelineLegend::heightForWidth(int width) const
{
    return heightFor(width, font());
}

void TimelineLegend::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    paint(p, rect(), font(), palette().color(QPalette::WindowText));
}

void TimelineLegend::changeEvent(QEvent *event)
{
    // Presentation mode enlarges the font: the wrap changes with it.
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

} // namespace widgets
