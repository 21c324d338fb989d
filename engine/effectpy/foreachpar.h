#pragma once

#include "effect.h"

#include <type_traits>

#include "../source.h"
#include "../supervisor.h"

#include <memory>

namespace engine::effectpy {

/// for_each_par's options (trivially destructible: safe inside co_await on g++ 12).
struct ForEachParOptions
{
    int parallelism = 10;                  ///< slots of the FIFO semaphore; <= 0 behaves as 1
    TieBreak ties = TieBreak::SetOrder;    ///< which of several same-turn failures is raised
};
static_assert(std::is_trivially_destructible_v<ForEachParOptions>);

/// for_each_par's f: the effect for one item.
using ItemEffect = std::function<Effect(const QVariant &item)>;

/// for_each_par(items, f, parallelism=10): the input is materialised first (an input that raises
/// does so before anything starts), then one task per item is created at once; each waits on a
/// FIFO semaphore of `parallelism` slots, so items start in input order as slots free. Returns the
/// values in input order with every None DROPPED (later values shift left). The first failure
/// cancels and drains the still-pending tasks and is re-raised bare (same-turn failures: set
/// order). Cancelling the caller LEAKS: the tasks keep running. A task cancelled from elsewhere makes
/// it raise CancelledError once the rest ended. Tasks are named after their item; `f(item)` is
/// called inside the task once it holds a slot, as effectpy does.
QCoro::Task<QVariantList> forEachPar(Ctx ctx, QVariantList items, ItemEffect f, ForEachParOptions options = {});
/// for_each_par over ready-made effects pulled from `effects` (a Source that raises is an input
/// iterable that raises while `list(items)` materialises it).
QCoro::Task<QVariantList> forEachPar(Ctx ctx, std::shared_ptr<Source> effects, ForEachParOptions options = {});

} // namespace engine::effectpy
