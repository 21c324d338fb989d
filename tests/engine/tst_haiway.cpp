// Haiway's fan-out helpers on the generic supervisor, against the worked timelines of
// helper-semantics.md §10 (SC01, SC03, SC05, SC08, SC09, SC11, SC13) and the §7 edge cases.

#include "tracematch.h"

#include "engine/helpers/haiway.h"
#include "engine/helpers/haiwaystream.h"
#include "engine/helpers/haiwayresilience.h"
#include "engine/helpers/haiwayscope.h"

#include <QTest>

using namespace engine;
using testing::failer;
using testing::lines;
using testing::outcomes;
using testing::sleeper;

namespace {

// The SC01 task set: A:3, B:1, C:1, D:2 (a spec with a trailing '!' fails).
std::shared_ptr<ListSource> tasks(const QStringList &specs)
{
    return std::make_shared<ListSource>(testing::children(specs));
}

using Call = std::function<QCoro::Task<Value>(Ctx)>;

void runMain(Runtime &rt, Call call)
{
    rt.spawn(NoId, "main", [call](Ctx ctx) -> QCoro::Task<Value> { co_return co_await call(ctx); });
}

QStringList starts(const Trace &trace)
{
    QStringList out = lines(trace, {EventKind::Started});
    out.removeFirst();   // main
    return out;
}

} // namespace

class TestHaiway : public QObject
{
    Q_OBJECT

private slots:
    void sc01BoundedFanOutRefillsSlotsAndKeepsInputOrder()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            haiway::FanOutOptions options;
            options.concurrentTasks = 2;
            const auto source = tasks(QStringList{"A:3", "B:1", "C:1", "D:2"});
            co_return co_await haiway::concurrently(ctx, source, options);
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(starts(rt.trace()), QStringList({"t=0 A started", "t=0 B started", "t=1 C started", "t=2 D started"}));
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=1 B completed 'B'",
                                           "t=2 C completed 'C'",
                                           "t=3 A completed 'A'",
                                           "t=4 D completed 'D'",
                                           "t=4 main completed ['A', 'B', 'C', 'D']",
                                       }));
        // The input is pulled lazily: one item per freed slot.
        QCOMPARE(lines(rt.trace(), {EventKind::ItemPulled}),
                 QStringList({"t=0 main item pulled A", "t=0 main item pulled B", "t=1 main item pulled C", "t=2 main item pulled D"}));
    }

    void sc03TheDefaultLimitIsTwo()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const auto source = tasks(QStringList{"A:3", "B:1", "C:1", "D:2"});
            co_return co_await haiway::concurrently(ctx, source);
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(rt.endTime(0), Tick(4));
    }

    void sc05FailFastRaisesTheBareFirstError()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            haiway::FanOutOptions options;
            options.concurrentTasks = 4;
            const auto source = tasks(QStringList{"A:3!", "B:2", "C:1!", "D:4"});
            co_return co_await haiway::concurrently(ctx, source, options);
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=1 C failed ValueError('C')",
                                           "t=1 A cancelled",
                                           "t=1 B cancelled",
                                           "t=1 D cancelled",
                                           "t=1 main failed ValueError('C')",
                                       }));
        QCOMPARE(lines(rt.trace(), {EventKind::CancelRequested}), QStringList({"t=1 cancel concurrently by C: C failed"}));
    }

    void sc08ErrorsAsValuesInInputOrder()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            haiway::FanOutOptions options;
            options.returnExceptions = true;
            const auto source = tasks(QStringList{"A:3", "B:1!", "C:1", "D:2"});
            co_return co_await haiway::concurrently(ctx, source, options);
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(rt.endTime(0), Tick(4));
        QCOMPARE(outcomes(rt.trace()).last(), QStringLiteral("t=4 main completed ['A', ValueError('B'), 'C', 'D']"));
    }

    void sc09IgnoreExceptionsLogsAndGoesOn()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            haiway::FanOutOptions options;
            options.ignoreExceptions = true;
            const auto source = tasks(QStringList{"A:3", "B:1!", "C:1", "D:2", "E:1"});
            co_await haiway::processConcurrently(ctx, source, options);
            co_return {};
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(starts(rt.trace()), QStringList({"t=0 A started", "t=0 B started", "t=1 C started", "t=2 D started", "t=3 E started"}));
        QCOMPARE(rt.state(0), TaskState::Completed);
        QCOMPARE(rt.endTime(0), Tick(4));
    }

    void sc11TheSourceFailsAndItsErrorIsRaisedBareAfterTheJoin()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            auto source = tasks({"a:2", "b:2"});
            source->raiseAfter(2, Error::plain("OSError", "source broke"));
            source->setDelayBefore(2, 1);
            haiway::FanOutOptions options;
            options.concurrentTasks = 3;
            co_await haiway::processConcurrently(ctx, source, options);
            co_return {};
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=1 a cancelled", "t=1 b cancelled", "t=1 main failed OSError('source broke')"}));
    }

    void sc13CallerCancelledMidRunCancelsAndJoinsWithoutPullingMore()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const auto source = tasks(QStringList{"A:3", "B:1", "C:1", "D:2"});
            co_return co_await haiway::executeConcurrently(ctx, source);
        });
        // Like loop.call_at(2, main.cancel): set at t=0, it fires before C's wake-up at t=2.
        rt.scheduleCancel(0, 2, "caller cancelled");
        rt.scheduler().runUntilIdle();
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=1 B completed 'B'",
                                           "t=2 C cancelled",
                                           "t=2 A cancelled",
                                           "t=2 main cancelled",
                                       }));
        QCOMPARE(lines(rt.trace(), {EventKind::ItemPulled}).size(), 3);   // D never pulled
    }

    void aCancelledChildDoesNotMaskAFailure()
    {
        // test_cancelled_task_does_not_mask_failure: B cancels itself, C fails later.
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            std::vector<Child> children;
            children.push_back({"B", [](Ctx c) -> QCoro::Task<Value> {
                                    co_await c.sleep(1);
                                    c.rt->cancelTask(c.task, c.task, "cancels itself");
                                    co_await c.checkpoint();
                                    co_return {};
                                }});
            children.push_back({"C", failer(2, "C")});
            haiway::FanOutOptions options;
            options.concurrentTasks = 2;
            co_return co_await haiway::concurrently(ctx, std::make_shared<ListSource>(std::move(children)), options);
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(rt.task(0).error->describe(), QStringLiteral("ValueError('C')"));
    }

    void aCancelledChildMakesResultCollectionRaiseCancelledEvenWithReturnExceptions()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            std::vector<Child> children;
            children.push_back({"self-cancel", [](Ctx c) -> QCoro::Task<Value> {
                                    c.rt->cancelTask(c.task, c.task, "cancels itself");
                                    co_await c.checkpoint();
                                    co_return {};
                                }});
            children.push_back({"B", sleeper(1, "B")});
            haiway::FanOutOptions options;
            options.returnExceptions = true;
            co_return co_await haiway::concurrently(ctx, std::make_shared<ListSource>(std::move(children)), options);
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(rt.state(0), TaskState::Cancelled);
        QCOMPARE(rt.endTime(0), Tick(1));
    }

    void sc16MergeEndsWhenEitherSourceEnds()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            haiway::StreamSource n{"N", {2, 2, 2}, {"n0", "n1", "n2"}, std::nullopt, 0};
            haiway::StreamSource l{"L", {3, 3}, {"L0", "L1"}, std::nullopt, 0};
            co_return co_await haiway::streamConcurrently(ctx, n, l);
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(lines(rt.trace(), {EventKind::ValueEmitted}),
                 QStringList({"t=2 N value emitted 'n0'", "t=3 L value emitted 'L0'", "t=4 N value emitted 'n1'", "t=6 L value emitted 'L1'"}));
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=6 L completed",
                                           "t=6 N cancelled",
                                           "t=6 main completed ['n0', 'L0', 'n1', 'L1']",
                                       }));
    }

    void sc18ASourceErrorEndsAnExhaustiveMergeBare()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            haiway::StreamSource n{"N", {2, 2, 2, 2, 2}, {"n0", "n1", "n2", "n3", "n4"}, std::nullopt, 0};
            haiway::StreamSource l{"L", {3}, {"L0"}, Error::plain("OSError", "L broke"), 3};
            haiway::StreamOptions options;
            options.exhaustive = true;
            co_return co_await haiway::streamConcurrently(ctx, n, l, options);
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(lines(rt.trace(), {EventKind::ValueEmitted}),
                 QStringList({"t=2 N value emitted 'n0'", "t=3 L value emitted 'L0'", "t=4 N value emitted 'n1'"}));
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=6 L failed OSError('L broke')",
                                           "t=6 N cancelled",
                                           "t=6 main failed OSError('L broke')",
                                       }));
    }

    void anExhaustiveMergeWaitsForBothSources()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            haiway::StreamSource a{"A", {1}, {"a0"}, std::nullopt, 0};
            haiway::StreamSource b{"B", {2, 2}, {"b0", "b1"}, std::nullopt, 0};
            haiway::StreamOptions options;
            options.exhaustive = true;
            co_return co_await haiway::streamConcurrently(ctx, a, b, options);
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(outcomes(rt.trace()).last(), QStringLiteral("t=4 main completed ['a0', 'b0', 'b1']"));
    }

    void theConsumerLeavingCancelsAndJoinsBothProducers()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            haiway::StreamSource a{"A", {1, 1, 1}, {"a0", "a1", "a2"}, std::nullopt, 0};
            haiway::StreamSource b{"B", {5}, {"b0"}, std::nullopt, 0};
            co_return co_await haiway::streamConcurrently(ctx, a, b, {}, 1);
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=1 A cancelled", "t=1 B cancelled", "t=1 main completed ['a0']"}));
    }

    void sc33AChildFailingWhileTheBodyRunsSurfacesAsCancelledError()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            co_return co_await haiway::scope(ctx, "work", [](Ctx ctx, haiway::HaiwayScope &s) -> QCoro::Task<Value> {
                s.spawn("A", failer(1, "A"));
                s.spawn("B", sleeper(2, "B"));
                co_await ctx.sleep(5);
                co_return {};
            });
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=1 A failed ValueError('A')", "t=1 B cancelled", "t=1 main cancelled"}));
        QCOMPARE(lines(rt.trace(), {EventKind::ErrorsGrouped}),
                 QStringList({"t=1 ctx.scope(work) raises CancelledError (cause: ExceptionGroup('unhandled errors in a TaskGroup', [ValueError('A')]))"}));
    }

    void sc33AChildFailingAfterTheBodyEndedRaisesTheGroup()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            co_return co_await haiway::scope(ctx, "work", [](Ctx, haiway::HaiwayScope &s) -> QCoro::Task<Value> {
                s.spawn("A", failer(1, "A"));
                s.spawn("B", sleeper(2, "B"));
                co_return {};
            });
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=1 A failed ValueError('A')",
                                           "t=1 B cancelled",
                                           "t=1 main failed ExceptionGroup('unhandled errors in a TaskGroup', [ValueError('A')])",
                                       }));
    }

    void aHealthyScopeExitWaitsForSpawnedTasksWithoutCancellingThem()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            co_return co_await haiway::scope(ctx, "work", [](Ctx, haiway::HaiwayScope &s) -> QCoro::Task<Value> {
                s.spawn("A", sleeper(3, "A"));
                co_return QStringLiteral("body");
            });
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=3 A completed 'A'", "t=3 main completed 'body'"}));
    }

    void aBackgroundTaskOutlivesItsSpawnerAndItsErrorIsOnlyLogged()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            haiway::spawnBackground(ctx, "bg-fail", failer(2, "bg"));
            haiway::spawnBackground(ctx, "bg-long", sleeper(50, "long"));
            co_await ctx.sleep(1);
            co_return QStringLiteral("spawner done");
        });
        rt.spawn(NoId, "shutdown", [](Ctx ctx) -> QCoro::Task<Value> {
            co_await ctx.sleep(10);
            co_await haiway::shutdownBackgroundTasks(ctx);
            co_return {};
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=1 main completed 'spawner done'",
                                           "t=2 bg-fail failed ValueError('bg')",
                                           "t=10 bg-long cancelled",
                                           "t=10 shutdown completed",
                                       }));
    }

    void sc38RetryWithDelayRunsUntilTheThirdAttemptSucceeds()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            auto attempts = std::make_shared<int>(0);
            const Body flaky = [attempts](Ctx c) -> QCoro::Task<Value> {
                co_await c.sleep(1);
                if ((*attempts)++ < 2)
                    throw Error::plain("ConnectionError", QStringLiteral("attempt %1").arg(*attempts));
                co_return QStringLiteral("ok at %1").arg(c.now());
            };
            haiway::RetryOptions options;
            options.limit = 2;
            options.delay = 1;
            co_return co_await haiway::retry(ctx, flaky, options);
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=5 main completed 'ok at 5'"}));
        QCOMPARE(lines(rt.trace(), {EventKind::ValueEmitted}),
                 QStringList({"t=1 main value emitted retry 1/2 after ConnectionError('attempt 1'), in 1",
                              "t=3 main value emitted retry 2/2 after ConnectionError('attempt 2'), in 1"}));
    }

    void sc38RetryGivesUpAndReRaisesTheLastError()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            auto attempts = std::make_shared<int>(0);
            const Body failing = [attempts](Ctx c) -> QCoro::Task<Value> {
                co_await c.sleep(1);
                throw Error::plain("ConnectionError", QStringLiteral("attempt %1").arg(++*attempts));
            };
            haiway::RetryOptions options;
            options.limit = 1;
            options.delay = 1;
            co_return co_await haiway::retry(ctx, failing, options);
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=3 main failed ConnectionError('attempt 2')"}));
    }

    void retryNeverRetriesCancellation()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            haiway::RetryOptions options;
            options.limit = 5;
            co_return co_await haiway::retry(ctx, sleeper(10, "x"), options);
        });
        rt.scheduleCancel(0, 3, "stop");
        rt.scheduler().runUntilIdle();
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=3 main cancelled"}));
    }

    void sc29TimeoutRaisesAtTheDeadlineAndLeavesTheInnerTaskUnjoined()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            // The inner task needs 3 ticks of clean-up after cancellation: nobody waits for it.
            const Body slow = [](Ctx c) -> QCoro::Task<Value> {
                bool cancelled = false;
                try {
                    co_await c.sleep(3);
                } catch (const Cancelled &) {
                    cancelled = true;
                }
                if (cancelled)
                    co_await c.sleep(3);   // edge-triggered: this sleep is not cancelled again
                co_return QStringLiteral("A");
            };
            co_return co_await haiway::timeout(ctx, 2, slow, "A");
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=2 main failed TimeoutError()", "t=5 A completed 'A'"}));
    }

    void sc40ThrottleStartsTwoCallsPerPeriod()
    {
        Runtime rt(Profile::asyncio());
        auto throttle = std::make_shared<haiway::Throttle>(rt, 2, 10);
        for (int i = 0; i < 6; ++i)
            rt.spawn(NoId, QStringLiteral("call%1").arg(i), [throttle](Ctx ctx) -> QCoro::Task<Value> {
                co_return co_await throttle->call(ctx, [](Ctx c) -> QCoro::Task<Value> { co_return c.now(); });
            });
        rt.scheduler().runUntilIdle();
        QList<qlonglong> startsAt;
        for (TaskId t = 0; t < 6; ++t)
            startsAt << rt.result(t).toLongLong();
        QCOMPARE(startsAt, QList<qlonglong>({0, 0, 10, 10, 20, 20}));
    }

    void emptyInputReturnsAnEmptyListAtOnce()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const auto source = tasks(QStringList{});
            co_return co_await haiway::concurrently(ctx, source);
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=0 main completed []"}));
    }

    void executeConcurrentlyAppliesTheHandlerToEachElement()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const haiway::Handler handler = [](const QVariant &e) { return sleeper(e.toInt(), e.toInt() * 10); };
            const QVariantList elements{3, 1, 2};   // not braced inside co_await: g++ 12 rejects that
            co_return co_await haiway::executeConcurrently(ctx, handler, elements);
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(outcomes(rt.trace()).last(), QStringLiteral("t=3 main completed [30, 10, 20]"));
    }
};

QTEST_GUILESS_MAIN(TestHaiway)
#include "tst_haiway.moc"
