#include "libraries.h"

namespace scenarios::libraries {

void addAiotasks(std::vector<HelperSpec> &table)
{
    Q_UNUSED(table); // filled in by the aiotasks helper set
}

} // namespace scenarios::libraries
