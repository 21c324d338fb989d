#pragma once

// effectpy (helper-semantics §5), its full helper set on the engine. The code behaviour lives in
// engine/effectpy/ (one file per helper); this header gathers it and adds the guide's intent as
// separate presets where the guide (seed 004) and the code disagree (§5.9).

#include "../effectpy/channel.h"
#include "../effectpy/circuitbreaker.h"
#include "../effectpy/effect.h"
#include "../effectpy/fiber.h"
#include "../effectpy/foreachpar.h"
#include "../effectpy/halfopencircuitbreaker.h"
#include "../effectpy/mask.h"
#include "../effectpy/mergeall.h"
#include "../effectpy/queue.h"
#include "../effectpy/race.h"
#include "../effectpy/recovery.h"
#include "../effectpy/resources.h"
#include "../effectpy/schedule.h"
#include "../effectpy/scope.h"
#include "../effectpy/sink.h"
#include "../effectpy/stream.h"
#include "../effectpy/streame.h"
#include "../effectpy/taskset.h"
#include "../effectpy/timeout.h"
#include "../effectpy/zippar.h"

#include "../supervisor.h"

namespace engine::effectpy {

/// Guide intent of race ("first successful result", Effect-TS `race`), on the generic supervisor:
/// the first SUCCESS wins; failures are ignored unless every racer fails (then the last failure
/// is raised); losers are cancelled and joined; cancelling the caller cancels and joins the racers.
QCoro::Task<Value> raceFirstSuccess(Ctx ctx, std::vector<Effect> effects);
/// Guide intent of zip_par ("if either fails, the other is cancelled"), on the generic supervisor:
/// symmetric fail-fast, bare first error, cancelled children joined, caller cancellation structured.
QCoro::Task<QVariantList> zipParSymmetric(Ctx ctx, Effect first, Effect second);

/// The supervisor presets behind the two (so that other code can run them side by side).
SupervisorPolicy raceFirstSuccessPolicy();
SupervisorPolicy zipParSymmetricPolicy();

} // namespace engine::effectpy
