#pragma once

#include "../primitives/queue.h"

namespace engine::effectpy {

/// effectpy `Channel(maxsize=0)`: a thin asyncio.Queue wrapper. send raises
/// RuntimeError('send on closed channel') after close(); close() only sets that flag, so receive
/// keeps returning buffered items and then blocks FOREVER on a closed, empty channel (its docstring
/// promises ChannelClosed; the code never raises it).
class Channel
{
public:
    Channel(Runtime &rt, int maxsize = 0, QString name = QStringLiteral("channel"));
    /// send(a): blocks while full.
    QCoro::Task<void> send(Ctx ctx, QVariant item);
    /// receive(): blocks while empty, closed or not.
    QCoro::Task<QVariant> receive(Ctx ctx);
    /// close(): later sends fail; nobody is woken.
    void close() { m_closed = true; }
    bool closed() const { return m_closed; }
    int size() const { return m_queue.size(); }

private:
    engine::Queue m_queue;   // never closed itself
    bool m_closed = false;
};

} // namespace engine::effectpy
