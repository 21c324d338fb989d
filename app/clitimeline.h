#pragma once

#include "engine/runtime.h"

class QTextStream;

namespace commandline {

/// Prints one line per task in task-tree order (children indented under their parent): name,
/// outcome ("running" for a task that has not ended), "t=start..end", and the result or error.
/// Columns are aligned; lines carry no trailing blanks.
void printTimeline(const engine::Runtime &runtime, QTextStream &out);

} // namespace commandline
