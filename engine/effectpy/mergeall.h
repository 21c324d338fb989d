#pragma once

#include "effect.h"

#include <type_traits>

#include "../source.h"
#include "../supervisor.h"

#include <memory>

namespace engine::effectpy {

/// merge_all's options (trivially destructible: safe inside co_await on g++ 12).
struct MergeAllOptions
{
    int parallelism = 0;                   ///< 0 or less = None: start everything
    bool preserveOrder = false;
    TieBreak ties = TieBreak::SetOrder;    ///< order of same-turn results (and of same-turn failures)
};
static_assert(std::is_trivially_destructible_v<MergeAllOptions>);

/// merge_all(effects, parallelism=None, preserve_order=False), pulling `effects` lazily:
/// - unordered (default): starts everything (or the first `parallelism`), collects values in
///   completion order and refills one task per freed slot. The first failure (or cancelled task)
///   cancels and drains the others and is re-raised. An input that raises while refilling
///   propagates WITHOUT cancelling the running tasks (they leak); so does the caller's cancellation.
/// - preserve_order: gathers the first batch in parallel (input order; a failure cancels and drains
///   the batch; cancelling the caller cancels it too), then runs the REST SEQUENTIALLY, one at a
///   time, in the calling task (each shown as its own task, awaited as effectpy awaits it inline).
QCoro::Task<QVariantList> mergeAll(Ctx ctx, std::shared_ptr<Source> effects, MergeAllOptions options = {});
/// merge_all over a list of effects.
QCoro::Task<QVariantList> mergeAll(Ctx ctx, std::vector<Effect> effects, MergeAllOptions options = {});

} // namespace engine::effectpy
