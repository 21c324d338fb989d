#pragma once

#include "effect.h"

namespace engine::effectpy {

/// zip_par(e1, e2) as effectpy's code runs it: both start as tasks, then `a = await t1; b = await
/// t2`, one after the other. So a failure of e1 is fail-fast (e2 is cancelled and drained), but a
/// failure of e2 only surfaces once e1 has completed, and e1 is not cancelled. Cancelling the
/// caller cancels and drains both (structured). Returns [a, b]. (Exactly two effects: the guide's
/// zip_par(a, b, c) is a TypeError in effectpy.)
QCoro::Task<QVariantList> zipPar(Ctx ctx, Effect first, Effect second);

} // namespace engine::effectpy
