#include "profile.h"

namespace engine {

Profile Profile::asyncgui()
{
    return Profile{QStringLiteral("asyncgui"), StartPolicy::Eager, Propagation::Immediate, TieOrder::Fifo, 0};
}

Profile Profile::trio()
{
    return Profile{QStringLiteral("trio"), StartPolicy::Deferred, Propagation::Immediate, TieOrder::Fifo, 0};
}

Profile Profile::asyncio()
{
    return Profile{QStringLiteral("asyncio"), StartPolicy::Deferred, Propagation::Batch, TieOrder::Fifo, 0, true};
}

} // namespace engine
