#include "producer.h"

#include "engine/error.h"

namespace scenarios::libraries {

QCoro::Task<void> runProducerSteps(engine::Ctx ctx, std::shared_ptr<engine::effectpy::Queue> out,
                                   std::shared_ptr<const Node> producer)
{
    for (const Step &step : producer->steps) {
        if (step.kind == Step::Kind::Sleep) {
            co_await ctx.sleep(step.duration);
        } else if (step.kind == Step::Kind::Checkpoint) {
            co_await ctx.checkpoint();
        } else if (step.kind == Step::Kind::Emit) {
            QCoro::Task<void> sending = out->send(ctx, step.value);
            co_await sending;
        } else if (step.kind == Step::Kind::Fail) {
            throw engine::Error::plain(step.errorType, step.errorMessage, ctx.task);
        }
    }
}

} // namespace scenarios::libraries
