#include "zippar.h"

#include "taskset.h"

namespace engine::effectpy {

QCoro::Task<QVariantList> zipPar(Ctx ctx, Effect first, Effect second)
{
    Runtime &rt = *ctx.rt;
    auto set = TaskSet::open(ctx, QStringLiteral("zip_par"), TieBreak::Fifo);
    const TaskId t1 = set->createTask(first);
    const TaskId t2 = set->createTask(second);
    QVariantList values;
    std::exception_ptr error;
    TaskId culprit = NoId;
    try {
        // Sequential awaits: t2 is not looked at before t1 has completed.
        culprit = t1;
        const Value a = co_await awaitResult(ctx, t1);
        culprit = t2;
        const Value b = co_await awaitResult(ctx, t2);
        values << a << b;
    } catch (...) {
        error = std::current_exception();
    }
    if (!error) {
        set->release();
        co_return values;
    }
    // except BaseException: cancel whichever is still pending, drain both, re-raise.
    const EventId propagated = set->propagated(culprit);
    const QString why = propagated != NoId ? QStringLiteral("%1 failed").arg(rt.trace().taskName(culprit))
                                           : QStringLiteral("zip_par is unwinding");
    set->cancel(t1, why, propagated);
    set->cancel(t2, why, propagated);
    co_await drain(ctx, t1);
    co_await drain(ctx, t2);
    set->release();
    if (propagated == NoId)
        std::rethrow_exception(error);   // the caller's cancellation (or a cancelled child): no record
    set->raise(error, propagated);
}

} // namespace engine::effectpy
