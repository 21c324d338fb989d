#include "libraries.h"

namespace scenarios::libraries {

void addHaiway(std::vector<HelperSpec> &table)
{
    Q_UNUSED(table); // filled in by the haiway helper set
}

} // namespace scenarios::libraries
