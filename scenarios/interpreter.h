#pragma once

#include "scenariodata.h"

#include "engine/runtime.h"

namespace scenarios {

/// The task body that runs `node` in the calling task: a leaf runs its steps; wait_any / wait_all
/// start their children through engine::asyncgui and return a list of the children's results
/// (input order; None for a cancelled child); a nursery starts its children, runs its body steps
/// in the calling task and returns the body's value. Child helpers run as tasks of their own.
/// The body shares ownership of the (immutable) node, so it may outlive the Scenario.
engine::Body bodyFor(std::shared_ptr<const Node> node);

} // namespace scenarios
