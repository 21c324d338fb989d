#pragma once

// effectpy's nodes are split over two files; this is the second half's entry point.

#include "../helperspec.h"

namespace scenarios::libraries {

/// retry/repeat, catch_all, circuit breakers, acquire_release, ensuring, scoped, uninterruptible.
void addEffectpyResilience(std::vector<HelperSpec> &table);
/// stream: StreamE with via_effect, timeout, throttle and a sink (effectpystream.cpp).
void addEffectpyStream(std::vector<HelperSpec> &table);

} // namespace scenarios::libraries
