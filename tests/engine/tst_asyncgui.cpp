// asyncgui's wait_any, wait_all and open_nursery on the real engine core, checked event by event
// against the worked timelines SC20, SC21, SC27 and SC33 of helper-semantics.md (asyncgui column).

#include "tracematch.h"

#include "engine/helpers/asyncgui.h"
#include "engine/helpers/asyncguicm.h"

#include <QTest>

using namespace engine;
using testing::failer;
using testing::lines;
using testing::runMain;
using testing::outcomes;
using testing::sleeper;

class TestAsyncgui : public QObject
{
    Q_OBJECT

private:
    // Runs `main` as the root task under the asyncgui profile until idle.
    static QString describeChildren(const Runtime &rt, const std::vector<TaskId> &ids)
    {
        QStringList parts;
        for (TaskId id : ids) {
            const TaskView t = rt.task(id);
            parts << t.name + QLatin1Char(':') + QLatin1String(toString(t.state));
        }
        return parts.join(QLatin1Char(' '));
    }

private slots:
    void sc20FirstFinisherWinsAndTheLoserIsCancelledAtOnce()
    {
        Runtime rt(Profile::asyncgui());
        QString returned;
        runMain(rt, [&](Ctx ctx) -> QCoro::Task<Value> {
            std::vector<asyncgui::Child> children{{"A", sleeper(1, "A")}, {"B", sleeper(2, "B")}};
            const auto ids = co_await asyncgui::waitAny(ctx, std::move(children));
            returned = describeChildren(*ctx.rt, ids);
            co_return {};
        });
        using K = EventKind;
        QCOMPARE(lines(rt.trace(), {K::Spawned, K::Started, K::Suspended, K::Completed, K::CancelRequested,
                                    K::CancelDelivered, K::Cancelled, K::ScopeExited}),
                 QStringList({
                     "t=0 main spawned in -",
                     "t=0 main started",
                     "t=0 A spawned in wait_any()",
                     "t=0 A started",
                     "t=0 A suspended on sleep until 1",
                     "t=0 B spawned in wait_any()",
                     "t=0 B started",
                     "t=0 B suspended on sleep until 2",
                     "t=0 main suspended on children",
                     "t=1 A completed 'A'",
                     "t=1 cancel wait_any() by A: A finished first",
                     "t=1 B cancel delivered at sleep",
                     "t=1 B cancelled",
                     "t=1 main exited wait_any()",
                     "t=1 main completed",
                 }));
        QCOMPARE(returned, QStringLiteral("A:completed B:cancelled"));
        QCOMPARE(rt.now(), Tick(1));
    }

    void sc21AFailureReachesTheLineFirstAndIsAlwaysGrouped()
    {
        Runtime rt(Profile::asyncgui());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            std::vector<asyncgui::Child> children{{"A", failer(1, "A")}, {"B", sleeper(2, "B")}};
            co_await asyncgui::waitAny(ctx, std::move(children));
            co_return QStringLiteral("unreachable");
        });
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=1 A failed ValueError('A')",
                                           "t=1 B cancelled",
                                           "t=1 main failed ExceptionGroup('wait_any()', [ValueError('A')])",
                                       }));
        const TaskView main = rt.task(0);
        QVERIFY(main.error);
        QCOMPARE(main.error->shape(), ErrorShape::Group);
        QCOMPARE(main.error->children().size(), size_t(1));
        QCOMPARE(main.error->children().front().origin(), TaskId(1));
    }

    void sc27WaitAllFailsFastCancelsAndJoinsTheOthers()
    {
        Runtime rt(Profile::asyncgui());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            std::vector<asyncgui::Child> children{
                {"A", sleeper(3, "A")}, {"B", failer(1, "B")}, {"C", sleeper(2, "C")}};
            co_await asyncgui::waitAll(ctx, std::move(children));
            co_return {};
        });
        using K = EventKind;
        QCOMPARE(lines(rt.trace(), {K::Completed, K::Failed, K::Cancelled, K::CancelRequested, K::ErrorPropagated, K::ErrorsGrouped}),
                 QStringList({
                     "t=1 B failed ValueError('B')",
                     "t=1 B error propagated to wait_all()",
                     "t=1 cancel wait_all() by B: B failed",
                     "t=1 A cancelled",
                     "t=1 C cancelled",
                     "t=1 wait_all() raises ExceptionGroup('wait_all()', [ValueError('B')])",
                     "t=1 main failed ExceptionGroup('wait_all()', [ValueError('B')])",
                 }));
    }

    void waitAllReturnsEveryChildWhenNoneFails()
    {
        Runtime rt(Profile::asyncgui());
        QString returned;
        runMain(rt, [&](Ctx ctx) -> QCoro::Task<Value> {
            std::vector<asyncgui::Child> children{{"A", sleeper(3, "A")}, {"B", sleeper(1, "B")}};
            const auto ids = co_await asyncgui::waitAll(ctx, std::move(children));
            returned = describeChildren(*ctx.rt, ids);
            co_return ctx.now();
        });
        QCOMPARE(returned, QStringLiteral("A:completed B:completed"));
        QCOMPARE(rt.result(0).toLongLong(), 3);
    }

    void sc33ChildFailureCancelsSiblingAndBodyOfTheNursery()
    {
        Runtime rt(Profile::asyncgui());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            co_return co_await asyncgui::openNursery(ctx, [](Ctx ctx, Nursery &n) -> QCoro::Task<Value> {
                n.start(QStringLiteral("A"), failer(1, "A"));
                n.start(QStringLiteral("B"), sleeper(2, "B"));
                co_await ctx.sleep(5);
                co_return QStringLiteral("body done");
            });
        });
        using K = EventKind;
        QCOMPARE(lines(rt.trace(), {K::Completed, K::Failed, K::Cancelled, K::CancelDelivered, K::ScopeExited}),
                 QStringList({
                     "t=1 A failed ValueError('A')",
                     "t=1 main cancel delivered at sleep",
                     "t=1 B cancel delivered at sleep",
                     "t=1 B cancelled",
                     "t=1 main exited open_nursery() (raised)",
                     "t=1 main failed ExceptionGroup('Nursery', [ValueError('A')])",
                 }));
    }

    void nurseryCancelsDaemonsWhenOnlyTheyAreLeft()
    {
        // SC32: body starts A:1, daemon D:10, B:2 and ends at 0 → D cancelled at 2.
        Runtime rt(Profile::asyncgui());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            co_return co_await asyncgui::openNursery(ctx, [](Ctx, Nursery &n) -> QCoro::Task<Value> {
                n.start(QStringLiteral("A"), sleeper(1, "A"));
                n.start(QStringLiteral("D"), sleeper(10, "D"), true);
                n.start(QStringLiteral("B"), sleeper(2, "B"));
                co_return {};
            });
        });
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=1 A completed 'A'",
                                           "t=2 B completed 'B'",
                                           "t=2 D cancelled",
                                           "t=2 main completed",
                                       }));
    }

    void childrenThatFinishWithoutSuspendingCanAllWin()
    {
        // asyncgui test_multiple_children_finish_immediately: both children finish inside start().
        Runtime rt(Profile::asyncgui());
        QString returned;
        runMain(rt, [&](Ctx ctx) -> QCoro::Task<Value> {
            auto immediate = [](QString v) -> Body {
                return [v](Ctx) -> QCoro::Task<Value> { co_return v; };
            };
            std::vector<asyncgui::Child> children{{"A", immediate("A")}, {"B", immediate("B")}};
            const auto ids = co_await asyncgui::waitAny(ctx, std::move(children));
            returned = describeChildren(*ctx.rt, ids);
            co_return {};
        });
        QCOMPARE(returned, QStringLiteral("A:completed B:completed"));
    }

    void sameInstantFinishersProduceOneWinner()
    {
        // test_multiple_children_finish_soon: the first resumed wins; the other is cancelled
        // before its own wake-up is processed.
        Runtime rt(Profile::asyncgui());
        QString returned;
        runMain(rt, [&](Ctx ctx) -> QCoro::Task<Value> {
            std::vector<asyncgui::Child> children{{"A", sleeper(1, "A")}, {"B", sleeper(1, "B")}};
            const auto ids = co_await asyncgui::waitAny(ctx, std::move(children));
            returned = describeChildren(*ctx.rt, ids);
            co_return {};
        });
        QCOMPARE(returned, QStringLiteral("A:completed B:cancelled"));
    }

    void sc24AProtectedLoserDelaysTheRace()
    {
        Runtime rt(Profile::asyncgui());
        QString returned;
        runMain(rt, [&](Ctx ctx) -> QCoro::Task<Value> {
            const Body protectedLoser = [](Ctx c) -> QCoro::Task<Value> {
                co_await asyncgui::disableCancellation(c, sleeper(3, "protected part"));
                co_await c.sleep(1);
                co_return QStringLiteral("B");
            };
            std::vector<asyncgui::Child> children{{"A", sleeper(1, "A")}, {"B", protectedLoser}};
            const auto ids = co_await asyncgui::waitAny(ctx, std::move(children));
            returned = describeChildren(*ctx.rt, ids);
            co_return ctx.now();
        });
        QCOMPARE(returned, QStringLiteral("A:completed B:cancelled"));
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=1 A completed 'A'", "t=3 B cancelled", "t=3 main completed 3"}));
        QCOMPARE(lines(rt.trace(), {EventKind::CancelDelivered}), QStringList({"t=3 B cancel delivered at sleep"}));
    }

    void sc32CloseOnFinishClosesTheNurseryWhenThatChildCompletes()
    {
        Runtime rt(Profile::asyncgui());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            co_return co_await asyncgui::openNursery(ctx, [](Ctx, Nursery &n) -> QCoro::Task<Value> {
                n.start(QStringLiteral("A"), sleeper(1, "A"), StartPolicy::Eager, false, true);
                n.start(QStringLiteral("D"), sleeper(10, "D"), StartPolicy::Eager, true);
                n.start(QStringLiteral("B"), sleeper(2, "B"), StartPolicy::Eager);
                co_return {};
            });
        });
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=1 A completed 'A'", "t=1 D cancelled", "t=1 B cancelled", "t=1 main completed"}));
    }

    void pairingsFollowTheirTable_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("bg");
        QTest::addColumn<int>("block");
        QTest::addColumn<QStringList>("expected");
        const int any = int(asyncgui::PairKind::WaitAnyCm), all = int(asyncgui::PairKind::WaitAllCm);
        const int daemon = int(asyncgui::PairKind::RunAsDaemon), main = int(asyncgui::PairKind::RunAsMain);
        QTest::newRow("wait_any_cm, bg first") << any << 1 << 2 << QStringList{"t=1 bg completed", "t=1 main completed 'block cancelled'"};
        QTest::newRow("wait_any_cm, block first") << any << 2 << 1 << QStringList{"t=1 bg cancelled", "t=1 main completed 'block done'"};
        QTest::newRow("wait_all_cm, bg first") << all << 1 << 2 << QStringList{"t=1 bg completed", "t=2 main completed 'block done'"};
        QTest::newRow("wait_all_cm, block first") << all << 2 << 1 << QStringList{"t=2 bg completed", "t=2 main completed 'block done'"};
        QTest::newRow("run_as_daemon, bg first") << daemon << 1 << 2 << QStringList{"t=1 bg completed", "t=2 main completed 'block done'"};
        QTest::newRow("run_as_daemon, block first") << daemon << 2 << 1 << QStringList{"t=1 bg cancelled", "t=1 main completed 'block done'"};
        QTest::newRow("run_as_main, bg first") << main << 1 << 2 << QStringList{"t=1 bg completed", "t=1 main completed 'block cancelled'"};
        QTest::newRow("run_as_main, block first") << main << 2 << 1 << QStringList{"t=2 bg completed", "t=2 main completed 'block done'"};
    }
    void pairingsFollowTheirTable()
    {
        QFETCH(int, kind);
        QFETCH(int, bg);
        QFETCH(int, block);
        QFETCH(QStringList, expected);
        Runtime rt(Profile::asyncgui());
        runMain(rt, [=](Ctx ctx) -> QCoro::Task<Value> {
            const Body background = [bg](Ctx c) -> QCoro::Task<Value> {
                co_await c.sleep(bg);
                co_return {};
            };
            // Named first: g++ 12 destroys brace-initialised temporaries inside co_await twice.
            asyncgui::Child child{"bg", background};
            const Body blockBody = sleeper(block, "x");
            const asyncgui::PairOutcome out = co_await asyncgui::pair(ctx, asyncgui::PairKind(kind), child, blockBody);
            co_return out.blockCancelled ? QStringLiteral("block cancelled") : QStringLiteral("block done");
        });
        QCOMPARE(outcomes(rt.trace()), expected);
    }

    void anErrorOnEitherSideCancelsTheOtherAndIsGrouped()
    {
        for (auto kind : {asyncgui::PairKind::WaitAnyCm, asyncgui::PairKind::WaitAllCm, asyncgui::PairKind::RunAsDaemon, asyncgui::PairKind::RunAsMain}) {
            Runtime rt(Profile::asyncgui());
            runMain(rt, [kind](Ctx ctx) -> QCoro::Task<Value> {
                asyncgui::Child child{"bg", failer(1, "bg")};
                const Body blockBody = sleeper(5, "x");
                co_await asyncgui::pair(ctx, kind, child, blockBody);
                co_return {};
            });
            QVERIFY(rt.task(0).error);
            QCOMPARE(rt.task(0).error->children().size(), size_t(1));
            QCOMPARE(rt.endTime(0), Tick(1));
        }
    }

    void theWithBlockFailingAndTheBackgroundFailingOnCancelGroupBoth()
    {
        // test_fg_fails_then_bg_fails_1: both errors end up in one group.
        Runtime rt(Profile::asyncgui());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const Body failsOnCancel = [](Ctx c) -> QCoro::Task<Value> {
                bool cancelled = false;
                try {
                    co_await c.sleep(10);
                } catch (const Cancelled &) {
                    cancelled = true;
                }
                if (cancelled)
                    throw Error::plain("ZeroDivisionError", "bg", c.task);
                co_return {};
            };
            asyncgui::Child child{"bg", failsOnCancel};
            const Body blockBody = failer(1, "fg");
            co_await asyncgui::pair(ctx, asyncgui::PairKind::WaitAllCm, child, blockBody);
            co_return {};
        });
        QCOMPARE(rt.task(0).error->describe(), QStringLiteral("ExceptionGroup('wait_all_cm()', [ValueError('fg'), ZeroDivisionError('bg')])"));
    }

    void moveOnAfterCancelsTheBlockAtTheDeadline()
    {
        Runtime rt(Profile::asyncgui());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const asyncgui::PairOutcome out = co_await asyncgui::moveOnAfter(ctx, 2, sleeper(3, "x"));
            co_return QStringLiteral("timer finished=%1 block cancelled=%2 at %3")
                .arg(ctx.rt->state(out.background) == TaskState::Completed)
                .arg(out.blockCancelled)
                .arg(ctx.now());
        });
        QCOMPARE(rt.result(0).toString(), QStringLiteral("timer finished=1 block cancelled=1 at 2"));
    }

    void aCoarseClockTickWakesDueSleepersLateInRegistrationOrder()
    {
        // asyncgui-ext-clock: advance(20) wakes a sleep(10) at 20, not at 10.
        Runtime rt(Profile::asyncgui());
        QStringList woke;
        for (auto [name, d] : {std::pair{"late", 15}, std::pair{"early", 10}})
            rt.spawn(NoId, name, [&woke, d = d, name = QString::fromLatin1(name)](Ctx ctx) -> QCoro::Task<Value> {
                co_await ctx.sleep(d);
                woke << QStringLiteral("%1@%2").arg(name).arg(ctx.now());
                co_return {};
            });
        rt.scheduler().tick(20);
        QCOMPARE(woke, QStringList({"late@20", "early@20"}));
    }

    void parentCancelledMidWaitCancelsAndJoinsChildren()
    {
        // SC35: wait_all(A:1, B:2), parent cancelled at 1.5 (ticks: A:10, B:20, cancel at 15).
        Runtime rt(Profile::asyncgui());
        rt.spawn(NoId, QStringLiteral("main"), [](Ctx ctx) -> QCoro::Task<Value> {
            std::vector<asyncgui::Child> children{{"A", sleeper(10, "A")}, {"B", sleeper(20, "B")}};
            co_await asyncgui::waitAll(ctx, std::move(children));
            co_return {};
        });
        rt.scheduler().advanceTo(15);
        rt.cancelTask(0, NoId, QStringLiteral("user"));
        rt.scheduler().runUntilIdle();
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=10 A completed 'A'",
                                           "t=15 B cancelled",
                                           "t=15 main cancelled",
                                       }));
    }
};

QTEST_GUILESS_MAIN(TestAsyncgui)
#include "tst_asyncgui.moc"
