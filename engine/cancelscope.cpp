#include "cancelscope.h"

namespace engine {

QCoro::Task<ScopeOutcome> runInScope(Ctx ctx, ScopeOptions options, Body body)
{
    const ScopeId scope = ctx.rt->openScope(ctx.task, options);
    ScopeOutcome outcome;
    std::exception_ptr error;
    try {
        outcome.value = co_await body(ctx);
    } catch (...) {
        error = std::current_exception();
    }
    outcome.cancelledCaught = ctx.rt->closeScope(scope, error);
    if (error && !outcome.cancelledCaught)
        std::rethrow_exception(error);
    co_return outcome;
}

QCoro::Task<bool> joinScope(Ctx ctx, ScopeId scope, bool alreadyCancelled)
{
    Runtime &rt = *ctx.rt;
    bool cancelled = alreadyCancelled;
    while (rt.liveChildren(scope) > 0) {
        std::exception_ptr interrupted;
        try {
            co_await ctx.waitChildren(scope, !cancelled);
        } catch (...) {
            interrupted = std::current_exception();
        }
        if (interrupted) {
            if (cancelled || rt.shuttingDown())
                std::rethrow_exception(interrupted);
            cancelled = true;
            rt.cancelScope(scope, ctx.task, QStringLiteral("the parent was cancelled"));
        }
    }
    co_return cancelled;
}

} // namespace engine
