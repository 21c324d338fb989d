#pragma once

// A stream producer node (a `task` whose steps sleep, emit and fail) run straight into an
// effectpy queue, shared by effectpy.merge_streams and effectpy.stream.

#include "../scenariodata.h"

#include "engine/effectpy/queue.h"

namespace scenarios::libraries {

/// Runs `producer`'s steps in order: sleep and checkpoint wait, emit sends into `out`, fail
/// throws. Leaves `out` open: closing it (and where a failure goes) is the caller's choice.
QCoro::Task<void> runProducerSteps(engine::Ctx ctx, std::shared_ptr<engine::effectpy::Queue> out,
                                   std::shared_ptr<const Node> producer);

} // namespace scenarios::libraries
