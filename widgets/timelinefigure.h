#pragma once

#include "timeaxis.h"

#include "engine/types.h"

#include <QFont>
#include <QPalette>
#include <QRect>
#include <QSize>
#include <QString>

#include <optional>
#include <vector>

class QPainter;

namespace widgets {

class TimelineModel;

/// A run's timeline as a figure for slides and papers: a title, the time ruler, a column of lane
/// names indented by tree depth, every lane, and a legend, on a light print-friendly palette
/// whatever the app's theme. It paints with the timeline view's own pieces (TimelineGeometry and
/// its shape painter, the link painter, the ruler's scale, the legend's items, the backdrop), so
/// a figure shows exactly what the view shows, only all of it.
///
/// Sizes are logical pixels (1/96 inch); the caller scales the painter for other resolutions.
/// Every task gets a lane, in tree order. The natural height fits them all at the usual lane
/// height (up to MaxNaturalHeight). In a given height the lanes shrink down to MinLaneHeight
/// (and grow up to one and a half times the usual); if even that does not fit, the first lanes
/// that fit are drawn and a line under them says how many were left out.
class TimelineFigure
{
public:
    struct Options
    {
        QString title;                        ///< the scenario's title ("Timeline" when empty)
        std::optional<engine::Tick> from;     ///< the time range shown (else the whole run)
        std::optional<engine::Tick> to;
    };

    /// Where everything goes in a figure of one size (logical pixels).
    struct Layout
    {
        QSize size;
        QRect title;       ///< title and subtitle
        QRect ruler;       ///< above the lanes, as wide as they are
        QRect names;       ///< the lane-name column, beside the lanes
        QRect lanes;       ///< the lane area
        QRect legend;
        QRect note;        ///< "… N more tasks not shown" (empty when every lane is drawn)
        int laneHeight = 0;
        int lanesShown = 0;
        TimeAxis axis;     ///< x relative to lanes.left()
    };

    static constexpr int DefaultWidth = 1600;
    static constexpr int MinWidth = 320;
    static constexpr int MaxNaturalHeight = 16384;

    explicit TimelineFigure(const TimelineModel &model, Options options = {});

    /// The height that shows every lane at the usual lane height in a figure `width` wide.
    int naturalHeight(int width) const;
    /// The least height that still shows a lane (and the line about the others).
    int minimumHeight(int width) const;
    Layout layout(const QSize &size) const;
    /// Paints the whole figure at the painter's origin, filling `size`.
    void paint(QPainter &p, const QSize &size) const;

    /// The lanes in drawing order (every task, tree order).
    const std::vector<engine::TaskId> &lanes() const;
    engine::Tick from() const { return m_from; }
    engine::Tick to() const { return m_to; }
    QString title() const;
    /// "3 tasks · 0 – 1.5 s (whole run) · state at t = 1.5 s".
    QString subtitle() const;

    /// "0", "250 ms", "1.5 s": a time for people (whole ms below a second, else seconds).
    static QString timeText(engine::Tick t);
    /// The figure's colours: dark ink on white, whatever the application's palette.
    static QPalette lightPalette();
    /// A sans-serif font of `pixels` logical pixels (pixel sizes scale with the painter).
    static QFont font(int pixels, bool bold = false);

private:
    int legendHeight(int width) const;
    int nameColumnWidth(int figureWidth) const;
    int preferredLaneHeight() const;
    int minLaneHeight() const;
    void paintTitle(QPainter &p, const Layout &l) const;
    void paintNames(QPainter &p, const Layout &l) const;
    void paintLanes(QPainter &p, const Layout &l) const;
    void paintLegend(QPainter &p, const Layout &l) const;

    const TimelineModel &m_model;
    Options m_options;
    engine::Tick m_from = 0;
    engine::Tick m_to = 1;
    QFont m_titleFont;
    QFont m_textFont;
};

} // namespace widgets
