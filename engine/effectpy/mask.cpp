#include "mask.h"

#include "resources.h"
#include "taskset.h"

#include "../cancelscope.h"

namespace engine::effectpy {

namespace {

// f(restore) as one effect: the masked effects run in the region's own task, one after another.
QCoro::Task<Value> codeRegion(Ctx ctx, std::vector<MaskStep> region)
{
    Value value;
    for (const MaskStep &step : region) {
        if (step.restore) {
            // restore(inner) in effectpy: `t = asyncio.create_task(inner._run(ctx2)); return await t`.
            QCoro::Task<Value> restored = awaitOwnTask(ctx, step.effect, QStringLiteral("restore"));
            value = co_await restored;
        } else {
            QCoro::Task<Value> masked = step.effect.body(ctx);
            value = co_await masked;
        }
    }
    co_return value;
}

} // namespace

QCoro::Task<Value> uninterruptibleMask(Ctx ctx, std::vector<MaskStep> region)
{
    const Effect masked(QStringLiteral("uninterruptibleMask"), [region](Ctx c) { return codeRegion(c, region); });
    QCoro::Task<Value> running = uninterruptible(ctx, masked);
    co_return co_await running;
}

QCoro::Task<Value> uninterruptibleMaskShielded(Ctx ctx, std::vector<MaskStep> region)
{
    Value value;
    for (const MaskStep &step : region) {
        if (step.restore) {
            // Interruptible again: a cancellation held back by an earlier masked effect is met at
            // the first await in here.
            QCoro::Task<Value> restored = step.effect.body(ctx);
            value = co_await restored;
            continue;
        }
        ScopeOptions options;
        options.name = QStringLiteral("uninterruptibleMask");
        options.shield = true;
        QCoro::Task<ScopeOutcome> masked = runInScope(ctx, options, step.effect.body);
        const ScopeOutcome outcome = co_await masked;
        value = outcome.value;
    }
    if (ctx.rt->cancelPending(ctx.task)) {
        note(ctx, QStringLiteral("uninterruptibleMask region over: the deferred cancellation is delivered"));
        co_await ctx.checkpoint();
    }
    co_return value;
}

} // namespace engine::effectpy
