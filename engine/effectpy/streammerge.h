#pragma once

#include "effect.h"
#include "queue.h"

#include <functional>
#include <memory>

namespace engine::effectpy {

/// One upstream of a merge: its name, and the effect that builds it into a queue.
struct MergeUpstream
{
    QString name;
    std::function<Effect(std::shared_ptr<Queue> into)> build;
};

/// The body of Stream.merge and StreamE.merge (they differ only in how an upstream is built):
/// two unbounded queues named after the upstreams, the upstream tasks filling them (fire and
/// forget), a pump task per queue forwarding into `out`, then await both pumps (asyncio.gather)
/// and close `out`: the merge ends when BOTH upstreams are exhausted, items in arrival order.
QCoro::Task<Value> mergeInto(Ctx ctx, MergeUpstream left, MergeUpstream right, std::shared_ptr<Queue> out);

} // namespace engine::effectpy
