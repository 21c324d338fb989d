#pragma once

#include "awaiters.h"
#include "types.h"

namespace engine {

class Runtime;

/// What a coroutine needs to talk to the engine, and the factory of its checkpoints. Trivially
/// copyable so that it flows through co_await expressions safely on g++ 12 (design.md §2).
struct Ctx
{
    Runtime *rt = nullptr;
    TaskId task = NoId;

    /// Sleeps `duration` ticks of virtual time (a checkpoint). sleep(0) yields to the ready queue.
    SleepAwaiter sleep(Tick duration) const;
    /// Sleeps until the clock reads `deadline`.
    SleepAwaiter sleepUntil(Tick deadline) const;
    /// A bare checkpoint: raises Cancelled if cancelled, else lets the others at this instant run.
    SleepAwaiter checkpoint() const;
    /// Waits for `target` to end (a checkpoint); the awaited value is `target`.
    JoinAwaiter join(TaskId target) const;
    /// Waits until `scope` has no live children; an uncancellable wait ignores cancellation.
    ChildrenAwaiter waitChildren(ScopeId scope, bool cancellable = true) const;
    /// The current virtual time.
    Tick now() const;
};

} // namespace engine
