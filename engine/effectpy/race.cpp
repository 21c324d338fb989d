#include "race.h"

#include "taskset.h"

#include <algorithm>

namespace engine::effectpy {

namespace {

struct Won
{
    int index = -1;
    Value value;
};

// The body shared by race, race_first and race_all (effectpy writes it three times, identically).
QCoro::Task<Won> settleFirst(Ctx ctx, std::vector<Effect> effects, RaceOptions options, QString name)
{
    Runtime &rt = *ctx.rt;
    auto set = TaskSet::open(ctx, name, options.ties);
    std::vector<TaskId> tasks;
    for (const Effect &effect : effects)
        tasks.push_back(set->createTask(effect));
    if (tasks.empty()) {
        set->release();
        set->raise(std::make_exception_ptr(Error::plain(QStringLiteral("RuntimeError"), name + QStringLiteral(" on empty iterable"), ctx.task)));
    }

    Waited waited;
    std::exception_ptr interrupted;
    try {
        waited = co_await set->wait(ctx, tasks, ReturnWhen::FirstCompleted);
    } catch (...) {
        interrupted = std::current_exception();
    }
    if (interrupted) {
        // asyncio.wait never cancels its tasks and nothing here cleans up: the racers leak.
        set->release();
        std::rethrow_exception(interrupted);
    }

    const TaskId winner = waited.done.front();
    const EventId propagated = set->propagated(winner);
    const EventId settled = propagated != NoId ? propagated : rt.endEvent(winner);
    const QString why = QStringLiteral("%1 settled first").arg(rt.trace().taskName(winner));
    for (TaskId loser : waited.pending)
        set->cancel(loser, why, settled);
    // `await first` on a finished task: no suspension, its value or its error.
    Won won;
    won.index = int(std::find(tasks.begin(), tasks.end(), winner) - tasks.begin());
    std::exception_ptr error;
    try {
        won.value = resultOf(rt, winner);
    } catch (...) {
        error = std::current_exception();
    }
    // finally: drain the losers (swallowing everything, a cancellation of the caller included).
    for (TaskId loser : waited.pending)
        co_await drain(ctx, loser);
    set->release();
    if (error)
        set->raise(error, settled);
    co_return won;
}

} // namespace

QCoro::Task<Value> race(Ctx ctx, Effect first, Effect second, RaceOptions options)
{
    std::vector<Effect> effects{std::move(first), std::move(second)};
    const Won won = co_await settleFirst(ctx, std::move(effects), options, QStringLiteral("race"));
    co_return won.value;
}

QCoro::Task<Value> raceFirst(Ctx ctx, std::vector<Effect> effects, RaceOptions options)
{
    const Won won = co_await settleFirst(ctx, std::move(effects), options, QStringLiteral("race_first"));
    co_return won.value;
}

QCoro::Task<QVariantList> raceAll(Ctx ctx, std::vector<Effect> effects, RaceOptions options)
{
    const Won won = co_await settleFirst(ctx, std::move(effects), options, QStringLiteral("race_all"));
    co_return QVariantList{won.index, won.value};
}

} // namespace engine::effectpy
