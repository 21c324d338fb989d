#include "scope.h"

namespace engine::effectpy {

QCoro::Task<void> Scope::addFinalizer(Ctx ctx, Effect finalizer)
{
    if (!m_closed) {
        m_finalizers.push_back(std::move(finalizer));
        co_return;
    }
    note(ctx, QStringLiteral("scope already closed: finalizer %1 runs now").arg(finalizer.name));
    co_await finalizer.body(ctx);
}

QCoro::Task<void> Scope::close(Ctx ctx)
{
    if (m_closed)
        co_return;
    m_closed = true;
    while (!m_finalizers.empty()) {
        const Effect finalizer = std::move(m_finalizers.back());
        m_finalizers.pop_back();
        std::exception_ptr error;
        try {
            co_await finalizer.body(ctx);
        } catch (...) {
            error = std::current_exception();
        }
        if (error && isCancelled(error))
            std::rethrow_exception(error);   // `except Exception` does not catch CancelledError
        if (error)
            note(ctx, QStringLiteral("finalizer %1 raised %2 (swallowed)").arg(finalizer.name, Error::fromException(error).describe()));
    }
}

} // namespace engine::effectpy
