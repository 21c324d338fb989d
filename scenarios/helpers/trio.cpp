#include "libraries.h"

namespace scenarios::libraries {

void addTrio(std::vector<HelperSpec> &table)
{
    Q_UNUSED(table); // filled in by the trio helper set
}

} // namespace scenarios::libraries
