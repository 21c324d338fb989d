#pragma once

#include "effect.h"

#include <vector>

namespace engine::effectpy {

/// One effect of an uninterruptibleMask region, in order: `restore` marks the effects that f
/// wraps in restore(…) (interruptible again), the others are the masked part.
struct MaskStep
{
    Effect effect;
    bool restore = false;
};

/// uninterruptibleMask(f) as effectpy's code runs it: `uninterruptible(f(restore))`, where
/// restore(inner) runs `inner` as a fresh task and awaits it. The region runs as a task of its
/// own; the caller's cancellation is forwarded into it, and from it into a restored task it is
/// awaiting, so masked and restored effects alike are cancelled. The region's value is its last
/// effect's. (restore is an `async def` in effectpy: f must await it to get the effect.)
QCoro::Task<Value> uninterruptibleMask(Ctx ctx, std::vector<MaskStep> region);
/// What uninterruptibleMask means (Effect-TS): the region runs in the caller; a cancellation
/// during a masked effect waits until it ends, restored effects are interruptible (a waiting
/// cancellation hits them at their first await); an interruption ends the region, and one still
/// waiting at its end is delivered then.
QCoro::Task<Value> uninterruptibleMaskShielded(Ctx ctx, std::vector<MaskStep> region);

} // namespace engine::effectpy
