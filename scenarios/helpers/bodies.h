#pragma once

// Pieces shared by the library files: a node's body as an engine::Body, the body of a helper that
// owns tasks, and the scope a helper just opened (for `cancel: NAME` on a named scope).

#include "../interpreter.h"
#include "../runenv.h"

namespace scenarios {

/// The helper node's `body:` steps as an engine body (None without a return).
engine::Body blockOf(std::shared_ptr<const Node> node);

/// The body of a helper that owns tasks (nursery, task group, scope): starts every child with
/// `start`, lets the body's `spawn:` steps start theirs the same way, then runs the body steps.
QCoro::Task<engine::Value> startChildrenAndRunBody(engine::Ctx ctx, std::shared_ptr<const Node> node, RunEnv::Spawner start);

/// The innermost scope `task` entered last, read back from the trace (helpers that open a scope
/// do not hand out its id; the body runs right after the scope opened, so this is short).
engine::ScopeId lastScopeEntered(const engine::Runtime &rt, engine::TaskId task);

/// Makes the scope `task` just entered answer to `cancel: <node name>`.
void nameCurrentScope(engine::Ctx ctx, const Node &node);

} // namespace scenarios
