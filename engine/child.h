#pragma once

#include "runtime.h"

namespace engine {

/// A child for a helper: a name for the trace and its body.
struct Child
{
    QString name;
    Body body;
};

} // namespace engine
