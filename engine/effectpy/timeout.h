#pragma once

#include "effect.h"

namespace engine::effectpy {

/// Effect.timeout(seconds) = asyncio.wait_for (CPython 3.11): runs `effect` as a task and waits for
/// it under a deadline. On expiry the task is cancelled and joined, and the effect SUCCEEDS with
/// None (it does not fail). If the task swallowed that cancellation and returned, its value is
/// returned; if it raised while cancelling, that error. Cancelling the caller cancels and joins the
/// task, then raises. A deadline tie goes to the deadline (it was registered first).
QCoro::Task<Value> timeout(Ctx ctx, Effect effect, Tick seconds);

} // namespace engine::effectpy
