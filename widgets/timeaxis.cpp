#include "timeaxis.h"

#include <algorithm>
#include <cstdlib>

namespace widgets {

TimeAxis::TimeAxis(double startTime, double pixelsPerTick)
    : m_start(startTime)
    , m_pixelsPerTick(pixelsPerTick > 0 ? pixelsPerTick : 1)
{
}

qint64 TimeAxis::majorStep(double pixelsPerTick, double minSpacing)
{
    if (pixelsPerTick <= 0)
        return 1;
    for (qint64 decade = 1; decade < (qint64(1) << 60); decade *= 10) {
        for (qint64 m : {1, 2, 5}) {
            const qint64 step = m * decade;
            if (double(step) * pixelsPerTick >= minSpacing)
                return step;
        }
    }
    return qint64(1) << 60;
}

int TimeAxis::minorDivisions(qint64 majorStep)
{
    if (majorStep <= 1)
        return 1;
    qint64 lead = majorStep;
    while (lead >= 10 && lead % 10 == 0)
        lead /= 10;
    // A step of 2 ticks splits into 2, not 4: minor ticks stay on whole ticks.
    if (lead == 2)
        return majorStep == 2 ? 2 : 4;
    return 5;
}

QString TimeAxis::label(qint64 ticks, qint64 step)
{
    if (ticks == 0)
        return QStringLiteral("0");
    const bool seconds = step >= 1000 || (step >= 100 && std::abs(ticks) >= 1000);
    if (!seconds)
        return QStringLiteral("%1 ms").arg(ticks);
    const int decimals = step % 1000 == 0 ? 0 : step % 100 == 0 ? 1 : step % 10 == 0 ? 2 : 3;
    return QStringLiteral("%1 s").arg(double(ticks) / 1000.0, 0, 'f', decimals);
}

QString TimeAxis::widestLabel()
{
    return QStringLiteral("0000 ms");
}

TimeAxis TimeAxis::fit(double from, double to, double width, double leftPad, double rightPad)
{
    const double span = std::max(1.0, to - from);
    const double usable = std::max(1.0, width - leftPad - rightPad);
    const double ppt = usable / span;
    return TimeAxis(from - leftPad / ppt, ppt);
}

} // namespace widgets
