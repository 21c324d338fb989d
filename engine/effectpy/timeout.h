#pragma once

#include "effect.h"

namespace engine::effectpy {

/// Effect.timeout(seconds) = asyncio.wait_for (CPython 3.11): runs `effect` as a task and waits for
/// it under a deadline. On expiry the task is cancelled and joined, and the effect SUCCEEDS with
/// None (it does not fail). If the task swallowed that cancellation and returned, its value is
/// returned; if it raised while cancelling, that error. Cancelling the caller cancels and joins the
/// task, then raises. A deadline tie goes to the deadline (it was registered first).
QCoro::Task<Value> timeout(Ctx ctx, Effect effect, Tick seconds);

/// asyncio.wait_for(effect, seconds) as CPython 3.11 runs it (the effect as its own task, in a
/// helper scope "wait_for(s)"): timeout() without the None, raising TimeoutError() on expiry.
/// seconds <= 0: the task is cancelled before it ever runs unless it is already done (it never
/// is: tasks start on a later turn), so it always times out.
QCoro::Task<Value> waitFor(Ctx ctx, Effect effect, Tick seconds);

} // namespace engine::effectpy
