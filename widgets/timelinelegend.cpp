#include "timelinelegend.h"

#include "timelinestyle.h"

#include <QPainter>

#include <array>

namespace widgets {

namespace {

enum class Glyph { Sample, Request, Latency, Playhead, Scope };

struct Item
{
    Glyph glyph;
    TimelineStyle::Sample sample;
    const char *text;
};

constexpr std::array<Item, 10> Items{{
    {Glyph::Sample, TimelineStyle::Sample::Running, QT_TRANSLATE_NOOP("widgets::TimelineLegend", "running")},
    {Glyph::Sample, TimelineStyle::Sample::Suspended, QT_TRANSLATE_NOOP("widgets::TimelineLegend", "suspended")},
    {Glyph::Sample, TimelineStyle::Sample::Waiting, QT_TRANSLATE_NOOP("widgets::TimelineLegend", "not started")},
    {Glyph::Request, TimelineStyle::Sample::Running, QT_TRANSLATE_NOOP("widgets::TimelineLegend", "cancel requested")},
    {Glyph::Latency, TimelineStyle::Sample::Running, QT_TRANSLATE_NOOP("widgets::TimelineLegend", "cancel latency")},
    {Glyph::Sample, TimelineStyle::Sample::Completed, QT_TRANSLATE_NOOP("widgets::TimelineLegend", "completed")},
    {Glyph::Sample, TimelineStyle::Sample::Failed, QT_TRANSLATE_NOOP("widgets::TimelineLegend", "failed")},
    {Glyph::Sample, TimelineStyle::Sample::Cancelled, QT_TRANSLATE_NOOP("widgets::TimelineLegend", "cancelled")},
    {Glyph::Scope, TimelineStyle::Sample::Running, QT_TRANSLATE_NOOP("widgets::TimelineLegend", "scope")},
    {Glyph::Playhead, TimelineStyle::Sample::Running, QT_TRANSLATE_NOOP("widgets::TimelineLegend", "now")},
}};

constexpr int GlyphWidth = 22;
constexpr int Gap = 18;

} // namespace

TimelineLegend::TimelineLegend(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

int TimelineLegend::itemWidth(int index) const
{
    return GlyphWidth + 5 + fontMetrics().horizontalAdvance(tr(Items[size_t(index)].text)) + Gap;
}

QSize TimelineLegend::sizeHint() const
{
    int w = 8;
    for (int i = 0; i < int(Items.size()); ++i)
        w += itemWidth(i);
    return QSize(w, fontMetrics().height() + 10);
}

QSize TimelineLegend::minimumSizeHint() const
{
    return QSize(0, sizeHint().height());
}

void TimelineLegend::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const int h = height();
    int x = 8;
    for (int i = 0; i < int(Items.size()); ++i) {
        const Item &item = Items[size_t(i)];
        const QRectF box(x, (h - 16) / 2.0, GlyphWidth, 16);
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
            p.drawRect(r.adjusted(0, 0, -1, -1));
            break;
        }
        case Glyph::Scope: {
            QColor fill = TimelineStyle::scope();
            fill.setAlpha(22);
            QColor edge = TimelineStyle::scope();
            edge.setAlpha(110);
            p.setPen(QPen(edge, 1, Qt::DashLine));
            p.setBrush(fill);
            p.drawRect(box.adjusted(1, 1, -2, -2));
            break;
        }
        case Glyph::Playhead:
            p.fillRect(QRectF(box.center().x() - 1, box.top(), 2, box.height()), palette().color(QPalette::WindowText));
            break;
        }
        p.setPen(palette().color(QPalette::WindowText));
        const int textLeft = x + GlyphWidth + 5;
        p.drawText(QRect(textLeft, 0, width() - textLeft, h), Qt::AlignLeft | Qt::AlignVCenter, tr(item.text));
        x += itemWidth(i);
        if (x >= width())
            break;
    }
}

} // namespace widgets
