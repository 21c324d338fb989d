#pragma once

#include "effect.h"

#include <vector>

namespace engine::effectpy {

/// effectpy `Scope`: a resource scope of finalizers (not a cancel scope). close() runs them LIFO;
/// a finalizer that raises is swallowed and the rest still run; one added after close runs at once.
/// Cancellation is not swallowed: it stops close() where it hits.
class Scope
{
public:
    /// add_finalizer(fin): queued, or run now (its error propagating) if the scope is closed.
    QCoro::Task<void> addFinalizer(Ctx ctx, Effect finalizer);
    /// close(): runs the finalizers last-in first-out, once.
    QCoro::Task<void> close(Ctx ctx);
    bool isClosed() const { return m_closed; }
    int pending() const { return int(m_finalizers.size()); }

private:
    std::vector<Effect> m_finalizers;
    bool m_closed = false;
};

} // namespace engine::effectpy
