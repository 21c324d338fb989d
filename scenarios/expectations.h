#pragma once

#include "scenariodata.h"
#include "scenariorun.h"

namespace scenarios {

/// Compares a run with the scenario's `expect` block: the root's result or error text (as `root`
/// tells them), and each named task's outcome, end time, result and error. One Mismatch per
/// expectation that does not hold, located at its line in the file.
std::vector<Mismatch> checkExpectations(const Expectations &expect, const engine::Runtime &runtime, const RootOutcome &root);

} // namespace scenarios
