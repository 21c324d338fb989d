#include "libraries.h"

namespace scenarios::libraries {

void addConcurry(std::vector<HelperSpec> &table)
{
    Q_UNUSED(table); // filled in by the concurry helper set
}

} // namespace scenarios::libraries
