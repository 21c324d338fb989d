#pragma once

#include "runtime.h"

namespace engine {

/// How a body run inside a cancel scope ended.
struct ScopeOutcome
{
    Value value;
    bool cancelledCaught = false;   ///< the scope caught a cancellation (trio `cancelled_caught`)
};

/// Runs `body` inside a new cancel scope of the current task (trio CancelScope, move_on_after …).
/// A cancellation this scope caused is caught here; anything else propagates.
QCoro::Task<ScopeOutcome> runInScope(Ctx ctx, ScopeOptions options, Body body);

/// Waits until `scope` has no live children. If the caller is cancelled meanwhile, the scope is
/// cancelled and the wait goes on, uncancellable, until every child ended (structured
/// concurrency: children never outlive the join). Returns whether that happened; a caller that
/// was already cancelled passes `alreadyCancelled`.
QCoro::Task<bool> joinScope(Ctx ctx, ScopeId scope, bool alreadyCancelled = false);

} // namespace engine
