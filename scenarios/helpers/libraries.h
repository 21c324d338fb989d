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

// Second halves of the libraries split over two files, called by the first half so that the
// table keeps each library's nodes together.
void addHaiwayScopes(std::vector<HelperSpec> &table);        // haiwayscope.cpp
void addConcurryRetry(std::vector<HelperSpec> &table);       // concurryretry.cpp
void addEffectpyResilience(std::vector<HelperSpec> &table);  // effectpyresilience.cpp
void addEffectpyStream(std::vector<HelperSpec> &table);      // effectpystream.cpp
void addTrioStart(std::vector<HelperSpec> &table);           // triostart.cpp
void addConcurryNested(std::vector<HelperSpec> &table);      // concurrynested.cpp

} // namespace scenarios::libraries
