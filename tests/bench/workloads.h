#pragma once

// The five workloads of shared/docs/benchmarks.md on Taskscope's own helpers, trace recorded.

#include <QString>

#include <cstdint>
#include <vector>

namespace bench {

/// The shared input generator: x = 1664525·x + 1013904223 mod 2^32, seed 12345, draw = x >> 8.
class Lcg
{
public:
    std::uint32_t draw()
    {
        m_x = 1664525u * m_x + 1013904223u;
        return m_x >> 8;
    }
    /// A duration in [lo, lo + span − 1].
    std::int64_t duration(std::int64_t lo, std::int64_t span) { return lo + std::int64_t(draw() % std::uint32_t(span)); }

private:
    std::uint32_t m_x = 12345;
};

/// What one workload reports.
struct Outcome
{
    QString checksum;
    long long tasks = 0;
    /// Cancellations delivered at await points: each one is a C++ throw (design.md §2).
    long long throws = 0;
};

Outcome fanOut(int n);      ///< W1
Outcome race(int n);        ///< W2
Outcome failure(int n);     ///< W3
Outcome nested(int n);      ///< W4
Outcome merge(int n);       ///< W5

/// The cost of one C++ throw caught in the throwing function's own frame, in seconds: the cheapest
/// a cancelled coroutine can unwind (measured, as the unwinder's speed varies by machine).
double throwCost();
/// The cost of touching one fresh 4 KiB page of memory for the first time (the kernel's page
/// fault and zeroing), in seconds.
double pageCost();

/// W4's fan-out per level (benchmarks.md, integer arithmetic).
std::vector<long long> nestedFanOuts(int n);

} // namespace bench
