#pragma once

#include <QString>

namespace widgets {

/// The pure mapping between virtual time and horizontal pixels of a timeline: x = (t − start) ·
/// pixelsPerTick. Every view and test that converts between the two goes through it.
class TimeAxis
{
public:
    TimeAxis() = default;
    TimeAxis(double startTime, double pixelsPerTick);

    /// The time at x = 0.
    double startTime() const { return m_start; }
    double pixelsPerTick() const { return m_pixelsPerTick; }

    double x(double time) const { return (time - m_start) * m_pixelsPerTick; }
    double time(double x) const { return m_start + x / m_pixelsPerTick; }
    /// The time range [first, last] visible in `width` pixels.
    double endTime(double width) const { return time(width); }

    /// The ruler's major step in ticks: the smallest of 1, 2, 5, 10, 20, 50 … whose labels are at
    /// least `minSpacing` pixels apart. Never below one tick (time is integral).
    static qint64 majorStep(double pixelsPerTick, double minSpacing);
    /// Minor ticks between two major ones (5 for steps 1·10ⁿ and 5·10ⁿ, 4 for 2·10ⁿ, 1 for 1 tick).
    static int minorDivisions(qint64 majorStep);
    /// A ruler label for `ticks` (virtual milliseconds) on a grid of `step`: "0", "250 ms",
    /// "1.5 s", "12 s". Seconds once the step reaches 100 ms and the time a second, with as many
    /// decimals as the step needs.
    static QString label(qint64 ticks, qint64 step);
    /// The widest label the ruler must leave room for at `step` (for the spacing of the grid).
    static QString widestLabel();
    /// The axis that shows [from, to] in `width` pixels with `leftPad`/`rightPad` pixels to spare.
    static TimeAxis fit(double from, double to, double width, double leftPad, double rightPad);

    bool operator==(const TimeAxis &o) const { return m_start == o.m_start && m_pixelsPerTick == o.m_pixelsPerTick; }
    bool operator!=(const TimeAxis &o) const { return !(*this == o); }

private:
    double m_start = 0;
    double m_pixelsPerTick = 1;
};

} // namespace widgets
