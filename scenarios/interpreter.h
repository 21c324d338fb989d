#pragma once

// Turns parsed nodes into engine task bodies. Library files under scenarios/helpers/ build their
// helpers from these pieces, so every helper runs its children, body and steps the same way.

#include "scenariodata.h"

#include "engine/child.h"
#include "engine/source.h"

#include <QVariantList>

namespace scenarios {

/// The task body that runs `node` in the calling task: a leaf runs its steps; a helper runs its
/// table entry's builder. The body shares ownership of the (immutable) node, so it may outlive the
/// Scenario.
engine::Body bodyFor(std::shared_ptr<const Node> node);

/// Runs a helper's `body:` steps in the calling task (the with-block); None without a `return`.
QCoro::Task<engine::Value> runBody(engine::Ctx ctx, std::shared_ptr<const Node> node);

/// The node's children as named engine children, in document order.
std::vector<engine::Child> childrenOf(const Node &node);

/// The children as a fan-out input pulled one at a time, shaped by the node's source options
/// (`source_raises_after`, `source_delay`, `source_generator`) when the helper has them.
std::shared_ptr<engine::ListSource> sourceOf(const Node &node);
/// As sourceOf(node), over `children` in place of the node's own (a helper that alters some).
std::shared_ptr<engine::ListSource> sourceOf(const Node &node, std::vector<engine::Child> children);

/// What each child task ended with, in input order: its result, or None when it did not complete.
QVariantList resultsOf(engine::Runtime &rt, const std::vector<engine::TaskId> &ids);

} // namespace scenarios
