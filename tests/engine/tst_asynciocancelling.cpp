// asyncio's cancel counts (helper-semantics §6.3, Python 3.11+): task.cancelling() counts cancel
// requests, task.uncancel() withdraws one; asyncio.timeout and TaskGroup use them to tell their own
// cancellation from an outside one. And asyncio.Runner: several run() calls on one loop, close()
// cancelling what is left.

#include "tracematch.h"

#include "engine/helpers/asyncio.h"
#include "engine/value.h"

#include <QTest>

using namespace engine;
using testing::failer;
using testing::lines;
using testing::runMain;
using testing::outcomes;
using testing::sleeper;
using testing::slowToCancel;

namespace {

using K = EventKind;

} // namespace

class TestAsyncioCancelling : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cancellingCountsRequestsAndUncancelWithdrawsThem()
    {
        // Two requests at 1 are answered by one CancelledError; the count stays 2 until withdrawn.
        Runtime rt(Profile::asyncio());
        rt.spawn(NoId, QStringLiteral("main"), [](Ctx ctx) -> QCoro::Task<Value> {
            QVariantList counts;
            try {
                co_await ctx.sleep(5);
            } catch (const Cancelled &) {
            }
            counts << ctx.rt->cancelling(ctx.task);
            counts << ctx.rt->uncancel(ctx.task);
            counts << ctx.rt->uncancel(ctx.task);
            counts << ctx.rt->uncancel(ctx.task);   // never below zero
            co_await ctx.sleep(1);                   // nothing pending: not cancelled again
            co_return counts;
        });
        rt.scheduleCancel(0, 1, QStringLiteral("first"));
        rt.scheduleCancel(0, 1, QStringLiteral("second"));
        rt.scheduler().runUntilIdle();
        QCOMPARE(lines(rt.trace(), {K::CancelRequested, K::CancelDelivered, K::Completed}),
                 QStringList({"t=1 cancel main by -: first", "t=1 cancel main by -: second", "t=1 main cancel delivered at sleep",
                              "t=2 main completed [2, 1, 0, 0]"}));
    }

    void uncancelToZeroDropsARequestNotMetYet()
    {
        // Python 3.13: a task that cancels itself and withdraws the request before its next await
        // is not cancelled at that await.
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            ctx.rt->cancelTask(ctx.task, ctx.task, QStringLiteral("changed my mind"));
            const int left = ctx.rt->uncancel(ctx.task);
            co_await ctx.sleep(1);
            co_return left;
        });
        QCOMPARE(lines(rt.trace(), {K::CancelRequested, K::CancelDelivered, K::Completed, K::Cancelled}),
                 QStringList({"t=0 cancel main by main: changed my mind", "t=1 main completed 0"}));
    }

    void theTimeoutConvertsOnlyItsOwnCancellation_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("the timeout alone") << "alone" << QStringList({
            "t=2 timeout(2) deadline reached",
            "t=2 cancel main by -: timeout(2) expired",
            "t=2 main cancel delivered at sleep",
            "t=2 main exited timeout(2) (timed out)",
            "t=2 timeout(2) raises TimeoutError()",
            "t=2 main failed TimeoutError()",
        });
        // The outside request was registered first: both land before main runs again, one
        // CancelledError answers both, and the timeout's uncancel() leaves the outside one.
        QTest::newRow("an outside cancel at the same instant") << "outside" << QStringList({
            "t=2 cancel main by -: cancelled from outside",
            "t=2 timeout(2) deadline reached",
            "t=2 cancel main by -: timeout(2) expired",
            "t=2 main cancel delivered at sleep",
            "t=2 main exited timeout(2) (cancelled: uncancel() left 1 other request)",
            "t=2 main cancelled",
        });
        // A request met and swallowed before the block is counted at entry and does not count
        // against the timeout (3.12+: uncancel() <= the count at entry).
        QTest::newRow("an earlier swallowed cancel") << "swallowed" << QStringList({
            "t=0 cancel main by main: swallowed below",
            "t=0 main cancel delivered at yield",
            "t=2 timeout(2) deadline reached",
            "t=2 cancel main by -: timeout(2) expired",
            "t=2 main cancel delivered at sleep",
            "t=2 main exited timeout(2) (timed out)",
            "t=2 timeout(2) raises TimeoutError()",
            "t=2 main failed TimeoutError()",
        });
    }

    void theTimeoutConvertsOnlyItsOwnCancellation()
    {
        QFETCH(QString, setup);
        QFETCH(QStringList, expected);
        Runtime rt(Profile::asyncio());
        runMain(rt, [setup](Ctx ctx) -> QCoro::Task<Value> {
            if (setup == QLatin1String("swallowed")) {
                ctx.rt->cancelTask(ctx.task, ctx.task, QStringLiteral("swallowed below"));
                try {
                    co_await ctx.checkpoint();
                } catch (const Cancelled &) {
                }
            }
            co_return co_await asyncio::timeout(ctx, 2, sleeper(5, "body"));
        }, setup == QLatin1String("outside") ? 2 : -1);
        QCOMPARE(lines(rt.trace(), {K::TimerFired, K::CancelRequested, K::CancelDelivered, K::ScopeExited, K::ErrorsGrouped, K::Failed, K::Cancelled}),
                 expected);
    }

    void nestedTimeoutsExpiringTogetherLetTheOuterOneRaise()
    {
        // timeout_at(2) inside timeout_at(2): the outer deadline was set first and fires first; the
        // inner block's uncancel() leaves the outer request, so it lets the CancelledError through
        // and the outer block converts it.
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const asyncio::TimeoutBody inner = [](Ctx c, asyncio::Timeout) -> QCoro::Task<Value> {
                co_return co_await asyncio::timeoutAt(c, 2, sleeper(5, "body"));
            };
            co_return co_await asyncio::timeoutAt(ctx, 2, inner);
        });
        QCOMPARE(lines(rt.trace(), {K::ScopeEntered, K::TimerFired, K::CancelRequested, K::CancelDelivered, K::ScopeExited, K::ErrorsGrouped, K::Failed}),
                 QStringList({
                     "t=0 main entered timeout_at(2)",
                     "t=0 main entered timeout_at(2)",
                     "t=2 timeout_at(2) deadline reached",
                     "t=2 cancel main by -: timeout_at(2) expired",
                     "t=2 timeout_at(2) deadline reached",
                     "t=2 cancel main by -: timeout_at(2) expired",
                     "t=2 main cancel delivered at sleep",
                     "t=2 main exited timeout_at(2) (cancelled: uncancel() left 1 other request)",
                     "t=2 main exited timeout_at(2) (timed out)",
                     "t=2 timeout_at(2) raises TimeoutError()",
                     "t=2 main failed TimeoutError()",
                 }));
        // The first deadline to fire is the outer block's (scope 0), the one that raises.
        QCOMPARE(rt.trace().events()[size_t(rt.trace().size() - 2)].scope, ScopeId(0));
    }

    void taskGroupKeepsAnOutsideCancellationItHadToSwallow()
    {
        // A fails at 1: the group cancels B (which needs 2 to clean up) and main. At 2 an outside
        // request reaches main while it joins B; the group, already aborting, swallows it. After
        // the join its uncancel() leaves 1 request, so as it raises its errors it cancels main
        // again (Python 3.13), and main meets that cancellation at its next await.
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const asyncio::TaskGroupBody body = [](Ctx c, asyncio::TaskGroup &tg) -> QCoro::Task<Value> {
                tg.createTask(QStringLiteral("A"), failer(1, "A"));
                tg.createTask(QStringLiteral("B"), slowToCancel(10, 2));
                co_await c.sleep(5);
                co_return {};
            };
            QString caught;
            try {
                co_await asyncio::taskGroup(ctx, body);
            } catch (const Error &e) {
                caught = e.describe();
            }
            ctx.rt->record(K::ValueEmitted, ctx.task, NoId, NoId, NoId, QStringLiteral("caught %1").arg(caught));
            co_await ctx.sleep(1);
            co_return QStringLiteral("not cancelled");
        }, 2);
        QCOMPARE(lines(rt.trace(), {K::CancelRequested, K::CancelDelivered, K::ValueEmitted, K::Failed, K::Cancelled, K::Completed}),
                 QStringList({
                     "t=1 A failed ValueError('A')",
                     "t=1 cancel B by A: A failed",
                     "t=1 cancel main by A: A failed",
                     "t=1 B cancel delivered at sleep",
                     "t=1 main cancel delivered at sleep",
                     "t=2 cancel main by -: cancelled from outside",
                     "t=2 main cancel delivered at children",
                     "t=3 B cancelled",
                     "t=3 cancel main by main: re-armed: the TaskGroup raises its errors instead",
                     "t=3 main value emitted caught ExceptionGroup('unhandled errors in a TaskGroup', [ValueError('A')])",
                     "t=3 main cancel delivered at sleep",
                     "t=3 main cancelled",
                 }));
    }

    void runnerRunsSeveralMainsOnOneLoopAndCloseCancelsTheRest()
    {
        Runtime rt(Profile::asyncio());
        TaskId first = NoId;
        TaskId second = NoId;
        TaskId closer = NoId;
        {
            asyncio::Runner runner(rt);
            first = runner.run({QStringLiteral("main1"), [](Ctx ctx) -> QCoro::Task<Value> {
                                    asyncio::createTask(ctx, QStringLiteral("bg"), sleeper(10, "bg"));
                                    co_await ctx.sleep(1);
                                    co_return QStringLiteral("one");
                                }});
            QCOMPARE(rt.now(), Tick(1));
            QCOMPARE(rt.state(first), TaskState::Completed);
            second = runner.run({QStringLiteral("main2"), failer(2, "two")});
            QCOMPARE(rt.now(), Tick(3));
            QCOMPARE(rt.task(second).error->describe(), QStringLiteral("ValueError('two')"));
            closer = runner.close();
            QVERIFY(runner.closed());
            QCOMPARE(runner.close(), NoId);
            bool refused = false;
            try {
                runner.run({QStringLiteral("main3"), sleeper(1, "three")});
            } catch (const Error &e) {
                refused = e.describe() == QLatin1String("RuntimeError('Runner is closed')");
            }
            QVERIFY(refused);
        }
        QCOMPARE(rt.trace().taskName(closer), QStringLiteral("Runner.close()"));
        QCOMPARE(lines(rt.trace(), {K::Spawned, K::ValueEmitted, K::CancelRequested, K::Completed, K::Failed, K::Cancelled}),
                 QStringList({
                     "t=0 main1 spawned in -",
                     "t=0 bg spawned in -",
                     "t=1 main1 completed 'one'",
                     "t=1 main2 spawned in -",
                     "t=3 main2 failed ValueError('two')",
                     "t=3 Runner.close() spawned in -",
                     "t=3 Runner.close() value emitted Runner.close(): cancelling 1 remaining tasks {bg}",
                     "t=3 cancel bg by Runner.close(): Runner.close() is closing",
                     "t=3 bg cancelled",
                     "t=3 Runner.close() completed",
                 }));
    }
};

QTEST_GUILESS_MAIN(TestAsyncioCancelling)
#include "tst_asynciocancelling.moc"
