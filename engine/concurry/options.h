#pragma once

#include "../polling.h"

#include <QString>

#include <functional>
#include <vector>

namespace engine {
class Runtime;
}

namespace engine::concurry {

/// When wait() returns (concurry ReturnWhen, also accepted as lowercase strings in Python).
enum class ReturnWhen : quint8 {
    AllCompleted,    ///< every future done (the default)
    FirstCompleted,  ///< a poll saw at least one future done (failed ones count)
    FirstException,  ///< a poll saw a failed future; with no failure it behaves like AllCompleted
};

/// progress=callback: called with (completed, total, elapsed) at each progress update.
using ProgressFn = std::function<void(int completed, int total, Tick elapsed)>;

/// wait() and async_wait() options. Trivially destructible (safe inside co_await on g++ 12).
struct WaitOptions
{
    Tick timeout = Never;                               ///< relative to the call; TimeoutError once a poll finds it passed
    ReturnWhen returnWhen = ReturnWhen::AllCompleted;
    PollAlgorithm polling = PollAlgorithm::Adaptive;    ///< sync wait only: async_wait polls every tick
    Tick pollInterval = 10;                             ///< PollAlgorithm::Fixed's interval
    /// recurse=True: nested lists (and dicts inside them) of futures are walked (waitArgs only).
    bool recurse = false;
    /// progress=True: each progress update (the check at the call, then every poll that saw
    /// completions) is recorded on the waiting task as "progress: 2/5 done (elapsed 3)".
    bool progress = false;
    /// progress=callback: called at each update (and recorded as with `progress`). Not owned: it
    /// must outlive the call.
    const ProgressFn *onProgress = nullptr;
};

/// gather() and async_gather() options. Trivially destructible.
struct GatherOptions
{
    bool returnExceptions = false;                      ///< failures become values instead of raising
    Tick timeout = Never;
    PollAlgorithm polling = PollAlgorithm::Adaptive;    ///< sync gather only: async_gather polls every tick
    Tick pollInterval = 10;
    bool recurse = false;                               ///< as WaitOptions::recurse (gatherArgs, gatherArgsIter)
    bool progress = false;                              ///< as WaitOptions::progress
    const ProgressFn *onProgress = nullptr;             ///< as WaitOptions::onProgress
};

/// wait()'s (done, not_done) sets, as the futures' task ids in input order (Python sets have no
/// order; input order keeps runs reproducible).
struct DoneNotDone
{
    std::vector<TaskId> done;
    std::vector<TaskId> notDone;
    /// done={A}, not_done={B, C} (task names).
    QString describe(const Runtime &rt) const;
};

const char *toString(ReturnWhen r);
/// ReturnWhen("first_completed"): the lowercase names (or the enum names); anything else raises
/// ValueError("'x' is not a valid ReturnWhen").
ReturnWhen returnWhenFromString(const QString &name);
/// PollingAlgorithm("fixed" | "adaptive" | "exponential" | "progressive"); else ValueError.
PollAlgorithm pollingFromString(const QString &name);

} // namespace engine::concurry
