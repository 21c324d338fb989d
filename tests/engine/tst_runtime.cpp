// Tasks and cancellation on the runtime: states, start policies, joins, level-triggered delivery at
// the await point, shields, deadlines (the tie rule of SC30) and teardown of an unfinished run.

#include "tracematch.h"

#include "engine/cancelscope.h"

#include <QTest>

using namespace engine;
using testing::lines;
using testing::outcomes;
using testing::sleeper;

namespace {

// Counts live guards; a guard's destructor is cleanup code that runs when a frame unwinds.
struct Guard
{
    static inline int alive = 0;
    static inline Tick lastUnwound = -1;
    Runtime *rt;
    explicit Guard(Runtime *r) : rt(r) { ++alive; }
    ~Guard()
    {
        --alive;
        lastUnwound = rt->now();
    }
};

} // namespace

class TestRuntime : public QObject
{
    Q_OBJECT

private slots:
    void taskGoesThroughItsLifecycleInOrder()
    {
        Runtime rt(Profile::asyncgui());
        rt.spawn(NoId, "A", sleeper(3, 42));
        QCOMPARE(rt.state(0), TaskState::Suspended);
        rt.scheduler().runUntilIdle();
        QCOMPARE(rt.trace().formatAll(), QStringList({
                                             "t=0 A spawned in -",
                                             "t=0 A started",
                                             "t=0 A suspended on sleep until 3",
                                             "t=3 A resumed",
                                             "t=3 A completed 42",
                                         }));
        QCOMPARE(rt.state(0), TaskState::Completed);
        QCOMPARE(rt.result(0).toInt(), 42);
        QCOMPARE(rt.endTime(0), Tick(3));
        // The resume names the suspension whose timer woke it.
        QCOMPARE(rt.trace().at(3).cause, EventId(2));
    }

    void eagerTaskRunsInsideSpawnUntilItsFirstSuspension()
    {
        Runtime rt(Profile::asyncgui());
        QStringList order;
        rt.spawn(NoId, "A", [&](Ctx ctx) -> QCoro::Task<Value> {
            order << "A runs";
            co_await ctx.sleep(1);
            co_return {};
        });
        order << "spawn returned";
        QCOMPARE(order, QStringList({"A runs", "spawn returned"}));
    }

    void deferredTaskStartsOnALaterTurn()
    {
        Runtime rt(Profile::trio());
        QStringList order;
        rt.spawn(NoId, "A", [&](Ctx) -> QCoro::Task<Value> {
            order << "A runs";
            co_return {};
        });
        order << "spawn returned";
        QCOMPARE(rt.state(0), TaskState::Created);
        rt.scheduler().step();
        QCOMPARE(order, QStringList({"spawn returned", "A runs"}));
        QCOMPARE(rt.state(0), TaskState::Completed);
    }

    void joinResumesWhenTheTargetEnds()
    {
        Runtime rt(Profile::asyncgui());
        rt.spawn(NoId, "main", [](Ctx ctx) -> QCoro::Task<Value> {
            const TaskId child = ctx.rt->spawn(NoId, "child", sleeper(4, "x"));
            co_await ctx.join(child);
            co_return ctx.rt->result(child).toString() + QString::number(ctx.now());
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(rt.result(0).toString(), QStringLiteral("x4"));
    }

    void cancellationIsThrownAtTheAwaitPointAndCleanupRunsAtThatInstant()
    {
        Runtime rt(Profile::asyncgui());
        Guard::lastUnwound = -1;
        rt.spawn(NoId, "A", [](Ctx ctx) -> QCoro::Task<Value> {
            Guard guard(ctx.rt);
            co_await ctx.sleep(10);
            co_return QStringLiteral("not reached");
        });
        rt.scheduler().advanceTo(4);
        QCOMPARE(Guard::alive, 1);
        rt.cancelTask(0, NoId, "stop");
        QCOMPARE(Guard::alive, 1);   // delivery is queued, never inline
        rt.scheduler().runUntilIdle();
        QCOMPARE(Guard::alive, 0);
        QCOMPARE(Guard::lastUnwound, Tick(4));
        QCOMPARE(rt.state(0), TaskState::Cancelled);
        QCOMPARE(rt.now(), Tick(4));   // the sleep's timer was withdrawn
        QCOMPARE(lines(rt.trace(), {EventKind::CancelRequested, EventKind::CancelDelivered, EventKind::Cancelled}),
                 QStringList({"t=4 cancel A by -: stop", "t=4 A cancel delivered at sleep", "t=4 A cancelled"}));
    }

    void levelTriggeredCancellationRaisesAgainAtTheNextCheckpoint()
    {
        Runtime rt(Profile::trio());
        int swallowed = 0;
        rt.spawn(NoId, "stubborn", [&](Ctx ctx) -> QCoro::Task<Value> {
            try {
                co_await ctx.sleep(10);
            } catch (const Cancelled &) {
                ++swallowed;   // swallowed: the scope stays cancelled
            }
            co_await ctx.sleep(1);
            co_return QStringLiteral("escaped");
        });
        rt.scheduler().advanceTo(2);
        rt.cancelTask(0, NoId, "stop");
        rt.scheduler().runUntilIdle();
        QCOMPARE(swallowed, 1);
        QCOMPARE(rt.state(0), TaskState::Cancelled);
        QCOMPARE(rt.endTime(0), Tick(2));
    }

    void edgeTriggeredCancellationRaisesOnceAndCanBeSwallowed()
    {
        // asyncio: one CancelledError per request; a task that swallows it keeps running.
        Runtime rt(Profile::asyncio());
        int swallowed = 0;
        rt.spawn(NoId, "stubborn", [&](Ctx ctx) -> QCoro::Task<Value> {
            try {
                co_await ctx.sleep(10);
            } catch (const Cancelled &) {
                ++swallowed;
            }
            co_await ctx.sleep(1);
            co_return QStringLiteral("kept running");
        });
        rt.scheduler().advanceTo(2);
        rt.cancelTask(0, NoId, "first");
        rt.cancelTask(0, NoId, "second, before delivery");
        rt.scheduler().runUntilIdle();
        QCOMPARE(swallowed, 1);
        QCOMPARE(rt.state(0), TaskState::Completed);
        QCOMPARE(rt.endTime(0), Tick(3));
    }

    void taskFinishingWithoutAnotherCheckpointCompletesNormally()
    {
        Runtime rt(Profile::trio());
        rt.spawn(NoId, "A", [](Ctx ctx) -> QCoro::Task<Value> {
            try {
                co_await ctx.sleep(10);
            } catch (const Cancelled &) {
            }
            co_return QStringLiteral("finished anyway");
        });
        rt.scheduler().advanceTo(1);
        rt.cancelTask(0, NoId, "stop");
        rt.scheduler().runUntilIdle();
        QCOMPARE(rt.state(0), TaskState::Completed);
        QVERIFY(rt.task(0).cancelRequested);
    }

    void failingWhileBeingCancelledStaysVisible()
    {
        Runtime rt(Profile::trio());
        rt.spawn(NoId, "A", [](Ctx ctx) -> QCoro::Task<Value> {
            bool cancelled = false;
            try {
                co_await ctx.sleep(10);
            } catch (const Cancelled &) {
                cancelled = true;
            }
            if (cancelled)
                throw Error::plain("RuntimeError", "cleanup failed", ctx.task);
            co_return {};
        });
        rt.scheduler().advanceTo(1);
        rt.cancelTask(0, NoId, "stop");
        rt.scheduler().runUntilIdle();
        const TaskView a = rt.task(0);
        QCOMPARE(a.state, TaskState::Failed);
        QVERIFY(a.cancelRequested);
        QCOMPARE(a.error->describe(), QStringLiteral("RuntimeError('cleanup failed')"));
    }

    void scopeDeadlineCancelsTheBodyAndTheScopeCatchesIt()
    {
        // trio move_on_after(2): A:3 is cancelled at 2, the block is left, execution continues.
        Runtime rt(Profile::trio());
        rt.spawn(NoId, "main", [](Ctx ctx) -> QCoro::Task<Value> {
            ScopeOptions options;
            options.name = "move_on_after(2)";
            options.deadline = ctx.now() + 2;
            const ScopeOutcome out = co_await runInScope(ctx, options, sleeper(3, "A"));
            co_return QStringLiteral("caught=%1 at %2").arg(out.cancelledCaught).arg(ctx.now());
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(rt.result(0).toString(), QStringLiteral("caught=1 at 2"));
    }

    void sc30DeadlineTieTheTimeoutWins()
    {
        // The deadline was registered before the body's sleep(2): both expire at 2, the deadline
        // fires first and the scope catches.
        Runtime rt(Profile::trio());
        rt.spawn(NoId, "main", [](Ctx ctx) -> QCoro::Task<Value> {
            ScopeOptions options;
            options.name = "move_on_after(2)";
            options.deadline = ctx.now() + 2;
            const ScopeOutcome out = co_await runInScope(ctx, options, sleeper(2, "body"));
            co_return out.cancelledCaught ? QStringLiteral("timed out") : out.value.toString();
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(rt.result(0).toString(), QStringLiteral("timed out"));
        QCOMPARE(rt.endTime(0), Tick(2));
    }

    void outermostCancelledScopeCatches()
    {
        Runtime rt(Profile::trio());
        QStringList seen;
        rt.spawn(NoId, "main", [&](Ctx ctx) -> QCoro::Task<Value> {
            ScopeOptions outer;
            outer.name = "outer";
            outer.deadline = ctx.now() + 5;
            const Body inner = [&](Ctx ctx) -> QCoro::Task<Value> {
                ScopeOptions innerOptions;
                innerOptions.name = "inner";
                innerOptions.deadline = ctx.now() + 5;
                std::exception_ptr escaped;
                try {
                    co_await runInScope(ctx, innerOptions, sleeper(9, "x"));
                } catch (...) {
                    escaped = std::current_exception();
                }
                seen << (escaped ? "inner let it through" : "inner caught");
                if (escaped)
                    std::rethrow_exception(escaped);
                co_return {};
            };
            const ScopeOutcome out = co_await runInScope(ctx, outer, inner);
            seen << (out.cancelledCaught ? "outer caught" : "outer did not catch");
            co_return {};
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(seen, QStringList({"inner let it through", "outer caught"}));
    }

    void shieldBlocksOutsideCancellationUntilItEnds()
    {
        Runtime rt(Profile::trio());
        rt.spawn(NoId, "main", [](Ctx ctx) -> QCoro::Task<Value> {
            ScopeOptions shield;
            shield.name = "shield";
            shield.shield = true;
            const ScopeOutcome out = co_await runInScope(ctx, shield, sleeper(5, "protected work"));
            co_await ctx.sleep(5);   // cancelled here, at the first checkpoint after the shield
            co_return out.value;
        });
        rt.scheduler().advanceTo(1);
        rt.cancelTask(0, NoId, "stop");
        rt.scheduler().runUntilIdle();
        QCOMPARE(rt.state(0), TaskState::Cancelled);
        QCOMPARE(rt.endTime(0), Tick(5));
        QCOMPARE(lines(rt.trace(), {EventKind::CancelDelivered}), QStringList({"t=5 main cancel delivered at sleep"}));
    }

    void aDeadlineInThePastCancelsAtTheNextCheckpoint()
    {
        Runtime rt(Profile::trio());
        rt.spawn(NoId, "main", [](Ctx ctx) -> QCoro::Task<Value> {
            ScopeOptions options;
            options.deadline = ctx.now();
            const ScopeOutcome out = co_await runInScope(ctx, options, sleeper(3, "x"));
            co_return out.cancelledCaught;
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(rt.result(0).toBool(), true);
        QCOMPARE(rt.endTime(0), Tick(0));
    }

    void destroyingAnUnfinishedRunUnwindsEverySuspendedFrame()
    {
        Guard::alive = 0;
        {
            Runtime rt(Profile::trio());
            for (int i = 0; i < 5; ++i)
                rt.spawn(NoId, QStringLiteral("t%1").arg(i), [](Ctx ctx) -> QCoro::Task<Value> {
                    Guard guard(ctx.rt);
                    co_await ctx.sleep(100);
                    co_return {};
                });
            rt.scheduler().advanceTo(10);
            QCOMPARE(Guard::alive, 5);
            const int events = rt.trace().size();
            Q_UNUSED(events);
        }
        QCOMPARE(Guard::alive, 0);
    }
};

QTEST_GUILESS_MAIN(TestRuntime)
#include "tst_runtime.moc"
