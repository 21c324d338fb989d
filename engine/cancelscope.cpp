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

} // namespace engine
