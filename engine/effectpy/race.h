#pragma once

#include "effect.h"

#include <type_traits>

#include "../supervisor.h"

#include <vector>

namespace engine::effectpy {

/// Options of the races (trivially destructible: safe inside co_await on g++ 12).
struct RaceOptions
{
    /// Which of several racers that ended by the time the race looks wins: SetOrder = effectpy's
    /// `next(iter(done))` on a set (arbitrary, reproducible per profile seed); Fifo = the first to end.
    TieBreak ties = TieBreak::SetOrder;
};
static_assert(std::is_trivially_destructible_v<RaceOptions>);

/// race(e1, e2): both run as tasks; the first to COMPLETE wins, success or failure (a failing
/// racer ends the race with its Failure, a racer cancelled from elsewhere with CancelledError). The
/// others are cancelled and drained. Cancelling the caller LEAKS: the racers keep running.
QCoro::Task<Value> race(Ctx ctx, Effect first, Effect second, RaceOptions options = {});
/// race_first(effects): race() over a list; RuntimeError('race_first on empty iterable') if empty.
QCoro::Task<Value> raceFirst(Ctx ctx, std::vector<Effect> effects, RaceOptions options = {});
/// race_all(effects): as race_first, returning [index, value] of the winner;
/// RuntimeError('race_all on empty iterable') if empty.
QCoro::Task<QVariantList> raceAll(Ctx ctx, std::vector<Effect> effects, RaceOptions options = {});

} // namespace engine::effectpy
