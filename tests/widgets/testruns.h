#pragma once

// Engine runs for the widget tests, built directly on the engine (no scenario files): small,
// known timelines whose every span the tests can spell out.

#include "../engine/tracematch.h"

#include "engine/helpers/asyncgui.h"
#include "engine/helpers/trio.h"
#include "engine/runtime.h"

#include <memory>

namespace testruns {

// The scripted leaves the engine tests use.
using testing::failer;
using testing::sleeper;

/// A leaf that sleeps `duration` inside a shielded scope (it cannot be cancelled there), then
/// reaches a checkpoint: a cancel request made meanwhile is delivered only then.
inline engine::Body shielded(engine::Tick duration)
{
    return [duration](engine::Ctx ctx) -> QCoro::Task<engine::Value> {
        engine::ScopeOptions options;
        options.name = QStringLiteral("shield");
        options.shield = true;
        const engine::ScopeId scope = ctx.rt->openScope(ctx.task, options);
        co_await ctx.sleep(duration);
        ctx.rt->closeScope(scope, {});
        co_await ctx.checkpoint();
        co_return QStringLiteral("unreachable");
    };
}

/// Spawns main: wait_any(A, B) in `rt` (nothing is stepped).
inline void spawnWaitAny(engine::Runtime &rt, engine::Body a, engine::Body b)
{
    rt.spawn(engine::NoId, QStringLiteral("main"), [a, b](engine::Ctx ctx) -> QCoro::Task<engine::Value> {
        std::vector<engine::asyncgui::Child> children{{QStringLiteral("A"), a}, {QStringLiteral("B"), b}};
        co_await engine::asyncgui::waitAny(ctx, std::move(children));
        co_return {};
    });
}

/// main: wait_any(A, B) under the asyncgui profile; spawned, not stepped (time 0).
inline std::unique_ptr<engine::Runtime> waitAny(engine::Body a, engine::Body b)
{
    auto rt = std::make_unique<engine::Runtime>(engine::Profile::asyncgui());
    spawnWaitAny(*rt, std::move(a), std::move(b));
    return rt;
}

/// asyncgui wait_any(A: sleep 1, B: sleep 2): A completes at 1, B is cancelled at 1.
inline std::unique_ptr<engine::Runtime> waitAnyAB()
{
    return waitAny(sleeper(1, QStringLiteral("A")), sleeper(2, QStringLiteral("B")));
}

/// SC33: a nursery whose child A fails at 1 while B (sleep 2) and the body (sleep 5) wait.
inline void spawnNurseryFailure(engine::Runtime &rt)
{
    rt.spawn(engine::NoId, QStringLiteral("main"), [](engine::Ctx ctx) -> QCoro::Task<engine::Value> {
        co_return co_await engine::asyncgui::openNursery(ctx, [](engine::Ctx ctx, engine::Nursery &n) -> QCoro::Task<engine::Value> {
            n.start(QStringLiteral("A"), failer(1, QStringLiteral("A")));
            n.start(QStringLiteral("B"), sleeper(2, QStringLiteral("B")));
            co_await ctx.sleep(5);
            co_return QStringLiteral("body done");
        });
    });
}

inline std::unique_ptr<engine::Runtime> nurseryFailure()
{
    auto rt = std::make_unique<engine::Runtime>(engine::Profile::asyncgui());
    spawnNurseryFailure(*rt);
    return rt;
}

/// main: wait_all of `count` children; child i sleeps i + 1.
inline std::unique_ptr<engine::Runtime> manyChildren(int count, engine::Tick spawnAt = 0)
{
    auto rt = std::make_unique<engine::Runtime>(engine::Profile::asyncgui());
    rt->spawn(engine::NoId, QStringLiteral("main"), [count, spawnAt](engine::Ctx ctx) -> QCoro::Task<engine::Value> {
        if (spawnAt > 0)
            co_await ctx.sleep(spawnAt);
        std::vector<engine::asyncgui::Child> children;
        for (int i = 0; i < count; ++i)
            children.push_back({QStringLiteral("child %1").arg(i), sleeper(i + 1, QString::number(i))});
        co_await engine::asyncgui::waitAll(ctx, std::move(children));
        co_return {};
    });
    return rt;
}

/// trio: main opens a nursery and start_soon's `helper`, which calls nursery.start(server) on
/// main's nursery. The server runs under helper until it calls task_status.started() at t=1,
/// then moves into the nursery: in the task tree it leaves helper for main. It ends at 3,
/// helper (which got the start() value) at 1.
inline std::unique_ptr<engine::Runtime> startedIntoAnotherTasksNursery()
{
    auto rt = std::make_unique<engine::Runtime>(engine::Profile::trio());
    rt->spawn(engine::NoId, QStringLiteral("main"), [](engine::Ctx ctx) -> QCoro::Task<engine::Value> {
        const engine::NurseryBody body = [](engine::Ctx, engine::Nursery &n) -> QCoro::Task<engine::Value> {
            engine::Nursery *nursery = &n;   // outlives helper: the nursery waits for it
            n.start(QStringLiteral("helper"), [nursery](engine::Ctx c) -> QCoro::Task<engine::Value> {
                const engine::trio::StartBody server = [](engine::Ctx s, engine::trio::TaskStatus status) -> QCoro::Task<engine::Value> {
                    co_await s.sleep(1);
                    status.started(QStringLiteral("port 80"));
                    co_await s.sleep(2);
                    co_return QStringLiteral("served");
                };
                co_return co_await engine::trio::start(c, *nursery, QStringLiteral("server"), server);
            });
            co_return {};
        };
        co_return co_await engine::trio::openNursery(ctx, body);
    });
    return rt;
}

/// A producer that emits `count` stream items 'v0', 'v1' … one every `every` ticks (a
/// ValueEmitted event each, as the stream helpers record them), then returns.
inline engine::Body producer(int count, engine::Tick every)
{
    return [count, every](engine::Ctx ctx) -> QCoro::Task<engine::Value> {
        for (int i = 0; i < count; ++i) {
            co_await ctx.sleep(every);
            ctx.rt->record(engine::EventKind::ValueEmitted, ctx.task, engine::NoId, engine::NoId, engine::NoId,
                           QStringLiteral("'v%1'").arg(i));
        }
        co_return count;
    };
}

/// A task that sleeps one tick `count` times: 2·count tiny spans (running, suspended …).
inline engine::Body ticker(int count)
{
    return [count](engine::Ctx ctx) -> QCoro::Task<engine::Value> {
        for (int i = 0; i < count; ++i)
            co_await ctx.sleep(1);
        co_return count;
    };
}

/// main: wait_all(P: producer of 3 items at 1, 2, 3; T: ticker(`ticks`)).
inline std::unique_ptr<engine::Runtime> streamAndTicker(int ticks)
{
    auto rt = std::make_unique<engine::Runtime>(engine::Profile::asyncgui());
    rt->spawn(engine::NoId, QStringLiteral("main"), [ticks](engine::Ctx ctx) -> QCoro::Task<engine::Value> {
        std::vector<engine::asyncgui::Child> children{{QStringLiteral("P"), producer(3, 1)},
                                                      {QStringLiteral("T"), ticker(ticks)}};
        co_await engine::asyncgui::waitAll(ctx, std::move(children));
        co_return {};
    });
    return rt;
}

} // namespace testruns
