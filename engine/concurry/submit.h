#pragma once

#include "poller.h"

#include <memory>
#include <vector>

// Pieces shared by concurry's calls (helpers/concurry.cpp, concurry/recurse.cpp). Internal.
namespace engine::concurry::detail {

/// The futures of one call, submitted (started eagerly) in a detached scope named `scopeName`.
std::shared_ptr<reference::ChildSet> submit(Ctx ctx, const QString &scopeName, std::vector<Child> futures);

/// A poll plan for `api`.
PollPlan waitPlan(const char *api, ReturnWhen when, Tick timeout, PollAlgorithm polling, Tick interval, bool async,
                  ProgressTracker progress);

/// The progress tracker the options ask for.
ProgressTracker trackerOf(const WaitOptions &options);
ProgressTracker trackerOf(const GatherOptions &options);

/// Everything is done: the results in input order, or the first error in input order raised (a
/// cancelled future raises CancelledError, which return_exceptions does not catch).
std::vector<Value> collect(Ctx ctx, const reference::ChildSet &set, bool returnExceptions);

/// Polls `set` under `plan`; the set is left (children may leak) however it ends.
QCoro::Task<DoneNotDone> watch(Ctx ctx, std::shared_ptr<reference::ChildSet> set, PollPlan plan);

} // namespace engine::concurry::detail
