#pragma once

#include "types.h"

namespace engine {

/// Concurry's polling strategies (helper-semantics §4.1): completion is only noticed at poll
/// instants, so several children ending between two polls are reported together.
enum class PollAlgorithm : quint8 { None, Fixed, Adaptive, Exponential, Progressive };

/// The sequence of poll intervals, in ticks (ms), for one algorithm.
class PollSchedule
{
public:
    explicit PollSchedule(PollAlgorithm algorithm = PollAlgorithm::None, Tick fixedInterval = 10);
    bool enabled() const { return m_algorithm != PollAlgorithm::None; }
    /// The wait before the next poll.
    Tick next() const;
    /// Tells the schedule what the last poll saw.
    void observed(bool sawCompletions);

private:
    PollAlgorithm m_algorithm;
    double m_interval;
    int m_emptyPolls = 0;
    int m_level = 0;
    int m_pollsAtLevel = 0;
};

} // namespace engine
