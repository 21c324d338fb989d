#include "libraries.h"

namespace scenarios::libraries {

void addEffectpy(std::vector<HelperSpec> &table)
{
    Q_UNUSED(table); // filled in by the effectpy helper set
}

} // namespace scenarios::libraries
