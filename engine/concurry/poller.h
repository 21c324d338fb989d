#pragma once

#include "options.h"

#include "../reference/childset.h"

#include <memory>

namespace engine::concurry {

/// progress=… of one call: each update is recorded on the calling task as "progress: 2/5 done
/// (elapsed 3)" (a counter of completed items, like the progress bar's) and handed to the callback.
struct ProgressTracker
{
    bool record = false;
    const ProgressFn *callback = nullptr;

    bool active() const { return record || callback; }
    /// _update_progress(tracker, completed, total, elapsed).
    void update(Ctx ctx, ScopeId scope, int completed, int total, Tick elapsed) const;
};

/// How one concurry call polls (internal; the public calls fill it in).
struct PollPlan
{
    const char *api = "wait()";          ///< named in TimeoutError messages
    ReturnWhen returnWhen = ReturnWhen::AllCompleted;
    Tick timeout = Never;
    PollAlgorithm algorithm = PollAlgorithm::Adaptive;
    Tick interval = 10;
    /// async_wait / async_gather: a fixed poll every tick (concurry: 100 µs), the sleep capped by
    /// the time left.
    bool async = false;
    bool cancelOnTimeout = false;        ///< async_gather: task.cancel() on the unfinished ones
    const char *unit = "futures";        ///< "futures" or "tasks", for messages
    ProgressTracker progress;            ///< updated at the check at the call and at polls that saw completions
};

/// Polls `set` until plan.returnWhen holds, as concurry's wait loop does: a check at the call, then
/// checks at poll instants only (a child that ended between two polls is noticed at the next one,
/// together with every other such child). Each poll is recorded on the calling task ("poll: B
/// done, 1/3 done"). Raises TimeoutError at the first poll at or after the timeout (the timeout is
/// checked before the futures, so a tie goes to the timeout). Never cancels, except with
/// plan.cancelOnTimeout. Returns the futures the polls saw done, and the rest.
QCoro::Task<DoneNotDone> pollUntil(Ctx ctx, std::shared_ptr<reference::ChildSet> set, PollPlan plan);

/// The sleep before the next poll: a poll sees what ended at its own instant, so it lets every task
/// woken at that instant run first (a checkpoint after the timer).
QCoro::Task<void> sleepToNextPoll(Ctx ctx, Tick interval);

/// "B, C" — names of the set's children at `indices`.
QString namesOf(const reference::ChildSet &set, const std::vector<int> &indices);

} // namespace engine::concurry
