#include "libraries.h"

namespace scenarios::libraries {

void addAsyncio(std::vector<HelperSpec> &table)
{
    Q_UNUSED(table); // filled in by the asyncio helper set
}

} // namespace scenarios::libraries
