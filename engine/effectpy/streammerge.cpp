#include "streammerge.h"

#include "taskset.h"

#include "../value.h"

namespace engine::effectpy {

namespace {

// pump(src): forwards until the source is closed (or the output is).
QCoro::Task<Value> pump(Ctx ctx, std::shared_ptr<Queue> source, std::shared_ptr<Queue> out)
{
    while (true) {
        QCoro::Task<std::optional<QVariant>> receiving = source->tryReceive(ctx);
        const std::optional<QVariant> item = co_await receiving;
        if (!item)
            co_return Value();
        ctx.rt->recordValue(ctx.task, *item);
        QCoro::Task<bool> sending = out->trySend(ctx, *item);
        if (!co_await sending)
            co_return Value();
    }
}

} // namespace

QCoro::Task<Value> mergeInto(Ctx ctx, MergeUpstream left, MergeUpstream right, std::shared_ptr<Queue> out)
{
    Runtime &rt = *ctx.rt;
    auto set = TaskSet::open(ctx, QStringLiteral("merge"), TieBreak::Fifo);
    auto q1 = std::make_shared<Queue>(rt, 0, left.name);
    auto q2 = std::make_shared<Queue>(rt, 0, right.name);
    // The upstreams are fire-and-forget tasks: nobody awaits or cancels them.
    set->createTask(left.build(q1));
    set->createTask(right.build(q2));
    const TaskId t1 = set->createTask(Effect(QStringLiteral("pump ") + left.name, [q1, out](Ctx c) { return pump(c, q1, out); }));
    const TaskId t2 = set->createTask(Effect(QStringLiteral("pump ") + right.name, [q2, out](Ctx c) { return pump(c, q2, out); }));
    const std::vector<TaskId> pumps{t1, t2};
    std::exception_ptr error;
    try {
        co_await set->gather(ctx, pumps);
    } catch (...) {
        error = std::current_exception();
    }
    set->release();
    if (error)
        std::rethrow_exception(error);
    out->close();
    co_return Value();
}

} // namespace engine::effectpy
