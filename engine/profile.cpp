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

Profile Profile::asyncioBased(const QString &library)
{
    Profile p = asyncio();
    p.name = library;
    return p;
}

QStringList Profile::names()
{
    return {QStringLiteral("asyncgui"), QStringLiteral("trio"), QStringLiteral("trio-util"), QStringLiteral("asyncio"),
            QStringLiteral("haiway"), QStringLiteral("aio.tasks"), QStringLiteral("effectpy"), QStringLiteral("concurry")};
}

std::optional<Profile> Profile::byName(const QString &name)
{
    if (name == QLatin1String("asyncgui"))
        return asyncgui();
    if (name == QLatin1String("trio") || name == QLatin1String("trio-util")) {
        Profile p = trio();
        p.name = name;
        return p;
    }
    if (name == QLatin1String("asyncio"))
        return asyncio();
    if (names().contains(name))
        return asyncioBased(name);
    return std::nullopt;
}

} // namespace engine
