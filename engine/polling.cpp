#include "polling.h"

#include <algorithm>
#include <cmath>

namespace engine {

namespace {
constexpr Tick ProgressiveLevels[] = {1, 5, 10, 50, 100};
}

PollSchedule::PollSchedule(PollAlgorithm algorithm, Tick fixedInterval)
    : m_algorithm(algorithm)
{
    switch (algorithm) {
    case PollAlgorithm::Fixed: m_interval = double(std::max<Tick>(fixedInterval, 1)); break;
    case PollAlgorithm::Adaptive: m_interval = 10; break;
    case PollAlgorithm::Exponential: m_interval = 1; break;
    case PollAlgorithm::Progressive: m_interval = 1; break;
    case PollAlgorithm::None: m_interval = 0; break;
    }
}

Tick PollSchedule::next() const
{
    if (m_algorithm == PollAlgorithm::Progressive)
        return ProgressiveLevels[m_level];
    return std::max<Tick>(1, Tick(std::llround(m_interval)));
}

void PollSchedule::observed(bool sawCompletions)
{
    switch (m_algorithm) {
    case PollAlgorithm::Adaptive:
        // ×0.7 after a poll that saw completions, ×1.3 after three empty polls, within 1–100 ms.
        if (sawCompletions) {
            m_interval *= 0.7;
            m_emptyPolls = 0;
        } else if (++m_emptyPolls >= 3) {
            m_interval *= 1.3;
            m_emptyPolls = 0;
        }
        m_interval = std::clamp(m_interval, 1.0, 100.0);
        break;
    case PollAlgorithm::Exponential:
        m_interval = sawCompletions ? 1.0 : std::min(m_interval * 2, 500.0);
        break;
    case PollAlgorithm::Progressive:
        if (++m_pollsAtLevel >= 5 && m_level < 4) {
            ++m_level;
            m_pollsAtLevel = 0;
        }
        break;
    case PollAlgorithm::Fixed:
    case PollAlgorithm::None:
        break;
    }
}

} // namespace engine
