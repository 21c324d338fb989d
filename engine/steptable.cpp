#include "steptable.h"

#include <algorithm>

namespace engine {

void StepTable::start(Tick time, int traceSize)
{
    m_times = {time};
    m_traceSizes = {traceSize};
    m_complete = false;
}

void StepTable::append(Tick time, int traceSize)
{
    m_times.append(time);
    m_traceSizes.append(traceSize);
}

Tick StepTable::timeAt(quint64 step) const
{
    if (m_times.isEmpty())
        return 0;
    return m_times.at(qsizetype(std::min(step, lastStep())));
}

int StepTable::traceSizeAt(quint64 step) const
{
    if (m_traceSizes.isEmpty())
        return 0;
    return m_traceSizes.at(qsizetype(std::min(step, lastStep())));
}

// Times never decrease from one step to the next, so both lookups are binary searches.
quint64 StepTable::lastStepAtOrBefore(Tick t) const
{
    const auto it = std::upper_bound(m_times.cbegin(), m_times.cend(), t);
    return it == m_times.cbegin() ? 0 : quint64(it - m_times.cbegin() - 1);
}

quint64 StepTable::lastStepBefore(Tick t) const
{
    const auto it = std::lower_bound(m_times.cbegin(), m_times.cend(), t);
    return it == m_times.cbegin() ? 0 : quint64(it - m_times.cbegin() - 1);
}

quint64 StepTable::endOfNextInstant(quint64 step) const
{
    if (step >= lastStep())
        return lastStep();
    // The next step's time is this instant's own (more of it is left) or the next instant's.
    return lastStepAtOrBefore(m_times.at(qsizetype(step + 1)));
}

std::optional<quint64> StepTable::firstStepWithEvent(EventId event) const
{
    if (event < 0)
        return std::nullopt;
    // The trace only grows: the first entry whose size exceeds the event's index holds it.
    const auto it = std::upper_bound(m_traceSizes.cbegin(), m_traceSizes.cend(), int(event));
    if (it == m_traceSizes.cend())
        return std::nullopt;
    return quint64(it - m_traceSizes.cbegin());
}

QList<quint64> StepTable::instantEnds() const
{
    QList<quint64> out;
    for (qsizetype k = 0; k < m_times.size(); ++k)
        if (k + 1 == m_times.size() || m_times.at(k + 1) != m_times.at(k))
            out.append(quint64(k));
    return out;
}

} // namespace engine
