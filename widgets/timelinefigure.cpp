#include "timelinefigure.h"

#include "timelinebackdrop.h"
#include "timelinegeometry.h"
#include "timelinelaneindex.h"
#include "timelinelegend.h"
#include "timelinelinkpainter.h"
#include "timelinemodel.h"
#include "timelinestyle.h"
#include "timeruler.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QFontInfo>
#include <QFontMetrics>
#include <QPainter>

#include <algorithm>

namespace widgets {

namespace {

constexpr int Margin = 28;
constexpr int TitleGap = 14;
constexpr int LegendGap = 16;
constexpr int Indent = 14;
constexpr int Glyph = 14;
// The same room the view leaves at either end of the run: marks at t=0, end caps at the end.
constexpr double LeftPad = 16;
constexpr double RightPad = 32;

QString tr(const char *text)
{
    return QCoreApplication::translate("widgets::TimelineFigure", text);
}

} // namespace

TimelineFigure::TimelineFigure(const TimelineModel &model, Options options)
    : m_model(model)
    , m_options(std::move(options))
    , m_titleFont(font(26, true))
    , m_textFont(font(14))
{
    m_from = std::max<engine::Tick>(0, m_options.from.value_or(0));
    m_to = m_options.to.value_or(std::max<engine::Tick>(1, m_model.extent()));
    if (m_to <= m_from)
        m_to = m_from + 1;
}

QString TimelineFigure::timeText(engine::Tick t)
{
    if (t == 0)
        return QStringLiteral("0");
    if (t < 1000 && t > -1000)
        return QStringLiteral("%1 ms").arg(t);
    QString s = QString::number(double(t) / 1000.0, 'f', 3);
    while (s.endsWith(QLatin1Char('0')))
        s.chop(1);
    if (s.endsWith(QLatin1Char('.')))
        s.chop(1);
    return s + QStringLiteral(" s");
}

QPalette TimelineFigure::lightPalette()
{
    QPalette p;
    const QColor ink(0x1E, 0x22, 0x26);
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        p.setColor(group, QPalette::Window, Qt::white);
        p.setColor(group, QPalette::Base, Qt::white);
        p.setColor(group, QPalette::AlternateBase, QColor(0xF2, 0xF3, 0xF5));
        p.setColor(group, QPalette::WindowText, ink);
        p.setColor(group, QPalette::Text, ink);
        p.setColor(group, QPalette::Mid, QColor(0x9A, 0xA0, 0xA6));
        p.setColor(group, QPalette::PlaceholderText, QColor(0x55, 0x5B, 0x61));
    }
    return p;
}

QFont TimelineFigure::font(int pixels, bool bold)
{
    // The family the system's sans-serif resolves to ("DejaVu Sans" rather than "Sans Serif"), so
    // that an SVG names a font other programs can find.
    static const QString family = QFontInfo(QFontDatabase::systemFont(QFontDatabase::GeneralFont)).family();
    QFont f(family);
    f.setPixelSize(pixels);
    f.setBold(bold);
    return f;
}

const std::vector<engine::TaskId> &TimelineFigure::lanes() const
{
    return m_model.treeOrder();
}

QString TimelineFigure::title() const
{
    return m_options.title.isEmpty() ? tr("Timeline") : m_options.title;
}

QString TimelineFigure::subtitle() const
{
    const int tasks = int(lanes().size());
    const QString count = tasks == 1 ? tr("1 task") : tr("%1 tasks").arg(tasks);
    const bool whole = !m_options.from && !m_options.to;
    const QString range = QStringLiteral("%1 – %2").arg(timeText(m_from), timeText(m_to))
                        + (whole ? tr(" (whole run)") : QString());
    return QStringLiteral("%1 · %2 · %3").arg(count, range, tr("state at t = %1").arg(timeText(m_model.now())));
}

int TimelineFigure::preferredLaneHeight() const
{
    return QFontMetrics(m_textFont).height() + 10;
}

int TimelineFigure::minLaneHeight() const
{
    return QFontMetrics(m_textFont).height() + 4;
}

int TimelineFigure::legendHeight(int width) const
{
    return TimelineLegend::heightFor(width, m_textFont);
}

int TimelineFigure::nameColumnWidth(int figureWidth) const
{
    const QFontMetrics fm(m_textFont);
    int widest = fm.horizontalAdvance(tr("Task"));
    for (engine::TaskId id : lanes())
        widest = std::max(widest, m_model.task(id).depth * Indent + Glyph + 6 + fm.horizontalAdvance(m_model.taskName(id)));
    // Long names are elided rather than squeezing the lanes.
    return std::clamp(widest + 20, 90, figureWidth * 3 / 10);
}

int TimelineFigure::naturalHeight(int width) const
{
    const Layout l = layout(QSize(width, 0));
    const int lanesHeight = int(lanes().size()) * preferredLaneHeight();
    const int rest = l.size.height() - l.lanes.height();   // everything but the lanes
    return std::min(MaxNaturalHeight, rest + lanesHeight);
}

int TimelineFigure::minimumHeight(int width) const
{
    const Layout l = layout(QSize(width, 0));
    const int count = int(lanes().size());
    const int note = count > 1 ? QFontMetrics(m_textFont).height() + 6 : 0;
    return l.size.height() - l.lanes.height() + (count > 0 ? minLaneHeight() + note : 0);
}

TimelineFigure::Layout TimelineFigure::layout(const QSize &size) const
{
    Layout l;
    const int w = std::max(MinWidth, size.width());
    const QFontMetrics tfm(m_titleFont);
    const QFontMetrics fm(m_textFont);
    l.title = QRect(Margin, Margin, w - 2 * Margin, tfm.height() + 4 + fm.height());

    // Room on the right for the label of a ruler tick at the lanes' right edge.
    const int rightMargin = std::max(Margin, fm.horizontalAdvance(TimeAxis::widestLabel()) + 12);
    const int nameWidth = nameColumnWidth(w);
    const int laneLeft = Margin + nameWidth;
    const int laneWidth = std::max(60, w - rightMargin - laneLeft);
    const int rulerTop = l.title.bottom() + 1 + TitleGap;
    const int rulerHeight = fm.height() + 12;
    const int legendH = legendHeight(w - 2 * Margin);
    const int lanesTop = rulerTop + rulerHeight;
    const int fixed = lanesTop + LegendGap + legendH + Margin;

    const int count = int(lanes().size());
    const int preferred = preferredLaneHeight();
    const int minimum = minLaneHeight();
    int noteHeight = 0;
    l.laneHeight = preferred;
    l.lanesShown = count;
    if (size.height() > 0 && count > 0) {
        const int room = size.height() - fixed;
        l.laneHeight = std::clamp(room / count, minimum, preferred * 3 / 2);
        if (room < count * minimum) {
            // Not even the smallest lanes fit: draw the first ones and say how many are missing.
            noteHeight = fm.height() + 6;
            l.laneHeight = minimum;
            l.lanesShown = std::clamp((room - noteHeight) / minimum, 0, count);
        }
    }
    const int lanesHeight = l.lanesShown * l.laneHeight;
    l.ruler = QRect(laneLeft, rulerTop, laneWidth, rulerHeight);
    l.names = QRect(Margin, lanesTop, nameWidth, lanesHeight);
    l.lanes = QRect(laneLeft, lanesTop, laneWidth, lanesHeight);
    if (noteHeight > 0)
        l.note = QRect(Margin, lanesTop + lanesHeight + 4, w - 2 * Margin, noteHeight);
    l.legend = QRect(Margin, lanesTop + lanesHeight + noteHeight + LegendGap, w - 2 * Margin, legendH);
    l.size = QSize(w, size.height() > 0 ? size.height() : l.legend.bottom() + 1 + Margin);
    l.axis = TimeAxis::fit(double(m_from), double(m_to), laneWidth, LeftPad, RightPad);
    return l;
}

void TimelineFigure::paint(QPainter &p, const QSize &size) const
{
    const Layout l = layout(size);
    const QPalette pal = lightPalette();
    p.save();
    p.setFont(m_textFont);
    p.fillRect(QRect(QPoint(0, 0), size), pal.base());
    paintTitle(p, l);
    paintNames(p, l);
    paintLanes(p, l);
    p.save();
    p.translate(l.ruler.topLeft());
    TimeRuler::paintScale(p, QRect(0, 0, l.ruler.width(), l.ruler.height()), l.axis, m_model.now(), m_textFont, pal);
    p.restore();
    // Frame lines: the ruler's bottom line continues over the names; a line closes the lanes.
    p.setPen(QPen(pal.color(QPalette::Mid), 1));
    p.drawLine(l.names.left(), l.ruler.bottom(), l.ruler.left(), l.ruler.bottom());
    p.drawLine(l.names.left(), l.lanes.bottom() + 1, l.lanes.right(), l.lanes.bottom() + 1);
    p.drawLine(l.lanes.left() - 1, l.ruler.top(), l.lanes.left() - 1, l.lanes.bottom() + 1);
    if (!l.note.isEmpty()) {
        p.setFont(m_textFont);
        p.setPen(pal.color(QPalette::PlaceholderText));
        const int missing = int(lanes().size()) - l.lanesShown;
        p.drawText(l.note, Qt::AlignLeft | Qt::AlignVCenter,
                   tr("… and %1 more tasks, not shown: a figure this size has room for %2 lanes (make it taller)")
                       .arg(missing)
                       .arg(l.lanesShown));
    }
    paintLegend(p, l);
    p.restore();
}

void TimelineFigure::paintTitle(QPainter &p, const Layout &l) const
{
    const QPalette pal = lightPalette();
    const QRect titleLine(l.title.left(), l.title.top(), l.title.width(), QFontMetrics(m_titleFont).height());
    // A long title gets smaller before it loses its end.
    QFont titleFont = m_titleFont;
    while (titleFont.pixelSize() > 16 && QFontMetrics(titleFont).horizontalAdvance(title()) > titleLine.width())
        titleFont.setPixelSize(titleFont.pixelSize() - 1);
    const QFontMetrics tfm(titleFont);
    p.setFont(titleFont);
    p.setPen(pal.color(QPalette::WindowText));
    p.drawText(titleLine, Qt::AlignLeft | Qt::AlignVCenter, tfm.elidedText(title(), Qt::ElideRight, titleLine.width()));
    const QFontMetrics fm(m_textFont);
    p.setFont(m_textFont);
    p.setPen(pal.color(QPalette::PlaceholderText));
    const QRect sub(l.title.left(), titleLine.bottom() + 5, l.title.width(), fm.height());
    p.drawText(sub, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(subtitle(), Qt::ElideRight, sub.width()));
}

void TimelineFigure::paintNames(QPainter &p, const Layout &l) const
{
    const QPalette pal = lightPalette();
    const QFontMetrics fm(m_textFont);
    // The header over the names, in the ruler's row (as the task tree's header).
    QFont header = m_textFont;
    header.setBold(true);
    p.setFont(header);
    p.setPen(pal.color(QPalette::PlaceholderText));
    p.drawText(QRect(l.names.left() + 6, l.ruler.top(), l.names.width() - 6, l.ruler.height() - 4),
               Qt::AlignLeft | Qt::AlignVCenter, tr("Task"));

    // Bands under the names and the lanes both, so that a name leads the eye to its lane.
    p.save();
    p.translate(l.names.left(), l.names.top());
    TimelineBackdrop::paintBands(p, l.names.width() + l.lanes.width(), l.laneHeight, 0, 0, l.lanesShown - 1,
                                 pal.alternateBase());
    p.restore();

    p.setFont(m_textFont);
    p.setPen(pal.color(QPalette::Text));
    const auto &shown = lanes();
    const int maxIndent = l.names.width() / 3;
    const int glyph = std::min(Glyph, l.laneHeight - 4);
    for (int lane = 0; lane < l.lanesShown; ++lane) {
        const TaskTimeline &task = m_model.task(shown[size_t(lane)]);
        const int top = l.names.top() + lane * l.laneHeight;
        const int x = l.names.left() + 6 + std::min(task.depth * Indent, maxIndent);
        TimelineStyle::drawSample(p, QRectF(x, top + (l.laneHeight - glyph) / 2.0, glyph, glyph), TimelineStyle::sampleFor(task));
        const QRect text(x + glyph + 6, top, l.names.right() - 8 - (x + glyph + 6), l.laneHeight);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(text, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(m_model.taskName(task.id), Qt::ElideRight, text.width()));
    }
}

void TimelineFigure::paintLanes(QPainter &p, const Layout &l) const
{
    if (l.lanesShown == 0)
        return;
    const QPalette pal = lightPalette();
    const std::vector<engine::TaskId> shown(lanes().begin(), lanes().begin() + l.lanesShown);
    const int width = l.lanes.width();
    const int height = l.lanes.height();
    const engine::Tick now = m_model.now();
    p.save();
    p.translate(l.lanes.topLeft());
    p.setClipRect(QRect(0, 0, width, height));
    TimelineBackdrop::paintGridAndFuture(p, l.axis, TimeRuler::majorStep(l.axis, m_textFont), now, width, height,
                                         pal.color(QPalette::Mid));
    TimelineBackdrop::paintPlayhead(p, l.axis, now, height, pal.color(QPalette::WindowText));

    // Span labels a little smaller than the names, as in the view, and smaller still in thinner
    // lanes, so that they stay inside their bars.
    const QFont laneFont = font(std::clamp(l.laneHeight * 12 / preferredLaneHeight(), 9, 12));
    TimelineGeometry geometry;
    geometry.update(m_model, shown, TimelineLayout{l.axis, QSize(width, height), l.laneHeight, 0, m_model.revision(), 1},
                    laneFont);
    geometry.paint(p);

    // Every failure's path, as the view shows them by default; no causality arrows (noise on paper).
    TimelineLaneIndex laneIndex;
    laneIndex.update(&m_model, shown, quint64(shown.size()));
    TimelineLinkPainter links;
    TimelineLinkPainter::Input in;
    in.model = &m_model;
    in.axis = l.axis;
    in.laneHeight = l.laneHeight;
    in.viewport = QRectF(0, 0, width, height);
    in.laneOf = &laneIndex.map();
    links.update(in, engine::NoId, true, false, 0);
    p.setFont(laneFont);
    links.paint(p);
    p.restore();
}

void TimelineFigure::paintLegend(QPainter &p, const Layout &l) const
{
    TimelineLegend::paint(p, l.legend, m_textFont, lightPalette().color(QPalette::WindowText));
}

} // namespace widgets
