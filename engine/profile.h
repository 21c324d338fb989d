#pragma once

#include "types.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace engine {

/// A library's scheduling rules (helper-semantics §9): how tasks start, when supervisors react to
/// a child's end within one instant, how ties between equal deadlines are broken.
struct Profile
{
    QString name = QStringLiteral("trio");
    StartPolicy start = StartPolicy::Eager;
    Propagation propagation = Propagation::Immediate;
    TieOrder ties = TieOrder::Fifo;
    quint64 seed = 0;
    /// asyncio: each cancel request raises once at the next checkpoint and may be swallowed;
    /// otherwise cancellation is level-triggered (trio): every checkpoint raises again.
    bool edgeCancellation = false;

    /// asyncgui: eager starts, immediate propagation, FIFO clock (asyncgui-ext-clock).
    static Profile asyncgui();
    /// trio: deferred starts (start_soon), immediate propagation.
    static Profile trio();
    /// asyncio and the libraries built on it: deferred starts, batch propagation.
    static Profile asyncio();
    /// Haiway, aio.tasks, effectpy and concurry run on asyncio: its rules, under their own name.
    static Profile asyncioBased(const QString &library);

    /// The profile of a library by name (asyncgui, trio, trio-util, asyncio, haiway, aio.tasks,
    /// effectpy, concurry), or nullopt.
    static std::optional<Profile> byName(const QString &name);
    /// Every name byName() knows.
    static QStringList names();
};

} // namespace engine
