#pragma once

#include "../types.h"

#include <QString>

#include <type_traits>

namespace engine::effectpy {

/// effectpy `Schedule` (helper-semantics §5.6): decides after each run whether to run again and
/// after which delay. Delays are virtual ticks (effectpy sleeps real seconds; the engine idealises
/// that onto its clock, §9.1). A plain value (trivially copyable): safe to pass through co_await,
/// and every retry()/repeat() call works on its own copy, which is effectpy's `schedule.reset()`.
struct Schedule
{
    enum class Kind : quint8 { Recurs, Spaced, Exponential };

    /// One decision: run again after `delay` ticks, or stop.
    struct Step
    {
        bool again = false;
        Tick delay = 0;
    };

    /// Schedule.recurs(n): n more runs after the first, no delay.
    static Schedule recurs(int n);
    /// Schedule.spaced(d): always run again after d (never stops by itself).
    static Schedule spaced(Tick interval);
    /// Schedule.exponential(base, max_delay): delays base·2^k (k = 0, 1, …), capped by `maxDelay`
    /// when it is >= 0; always runs again (effectpy has no way to cap it by count).
    static Schedule exponential(Tick base, Tick maxDelay = -1);
    /// .jittered(min, max): every delay times a uniform factor in [min, max], rounded to a tick.
    /// The factors come from the profile seed (and `salt`), so a run is reproducible.
    Schedule jittered(double minFactor = 0.5, double maxFactor = 1.5, quint64 salt = 0) const;

    /// Back to the initial state; `seed` drives the jitter (the runtime profile's seed).
    void reset(quint64 seed);
    /// The decision after one run (effectpy `schedule.step(input)`; the input is never read).
    Step step();
    /// `recurs(2)`, `exponential(1).jittered(0.5, 1.5)` … for the trace.
    QString describe() const;

    Kind kind = Kind::Recurs;
    int count = 0;            ///< recurs: runs left
    Tick interval = 0;        ///< spaced: the delay; exponential: the base
    Tick maxDelay = -1;       ///< exponential cap, -1 = none
    bool jitter = false;
    double minFactor = 0.5;
    double maxFactor = 1.5;
    quint64 salt = 0;
    // Run state (reset() restores it).
    int initialCount = 0;
    int steps = 0;
    quint64 rng = 0;
};
static_assert(std::is_trivially_copyable_v<Schedule>);

} // namespace engine::effectpy
