#pragma once

#include <QtGlobal>

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
    /// The axis that shows [from, to] in `width` pixels with `leftPad`/`rightPad` pixels to spare.
    static TimeAxis fit(double from, double to, double width, double leftPad, double rightPad);

    bool operator==(const TimeAxis &o) const { return m_start == o.m_start && m_pixelsPerTick == o.m_pixelsPerTick; }
    bool operator!=(const TimeAxis &o) const { return !(*this == o); }

private:
    double m_start = 0;
    double m_pixelsPerTick = 1;
};

} // namespace widgets
