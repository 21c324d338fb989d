#pragma once

#include "effect.h"

namespace engine::effectpy {

/// Effect.retry(schedule): runs `effect` in the calling task; on a Failure asks the schedule and,
/// while it says go on, sleeps its delay (a sleep on the virtual clock, skipped when 0) and runs
/// again. Defects and cancellation are never retried; the last Failure is raised when the schedule
/// stops. Each retry is recorded on the caller's lane.
QCoro::Task<Value> retry(Ctx ctx, Effect effect, Schedule schedule);
/// Effect.repeat(schedule): runs `effect`, then again after each success while the schedule goes
/// on (recurs(n) = n + 1 runs); returns the last value. Any error ends it at once.
QCoro::Task<Value> repeat(Ctx ctx, Effect effect, Schedule schedule);
/// Effect.catch_all(f): runs `effect`; a Failure is replaced by the effect `handler(failure)`, run
/// in the same task. Defects and cancellation pass through untouched.
QCoro::Task<Value> catchAll(Ctx ctx, Effect effect, FailureHandler handler);

} // namespace engine::effectpy
