#pragma once

// Each library's helper nodes, one file per library (scenarios/helpers/<library>.cpp). The
// registry calls these explicitly: a static library drops object files nothing refers to, so
// self-registering statics would silently vanish.

#include "../helperspec.h"

namespace scenarios::libraries {

void addAsyncgui(std::vector<HelperSpec> &table);
void addHaiway(std::vector<HelperSpec> &table);
void addAiotasks(std::vector<HelperSpec> &table);
void addConcurry(std::vector<HelperSpec> &table);
void addEffectpy(std::vector<HelperSpec> &table);
void addTrio(std::vector<HelperSpec> &table);
void addAsyncio(std::vector<HelperSpec> &table);

} // namespace scenarios::libraries
