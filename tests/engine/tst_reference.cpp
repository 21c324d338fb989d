// The reference helpers: trio (nursery, cancel scopes, move_on_*/fail_*), trio-util (wait_any,
// wait_all, move_on_when, run_and_cancelling) and asyncio (TaskGroup, gather, wait, as_completed,
// timeout, wait_for, shield, run), asserted event by event against helper-semantics §6.1–6.3, the
// §10 timelines SC20 (trio-util), SC27, SC29, SC30, SC33 (trio) and the §7 edge cases; then the
// same task sets under several libraries side by side.

#include "tracematch.h"

#include "engine/helpers/asyncgui.h"
#include "engine/helpers/asyncio.h"
#include "engine/helpers/concurry.h"
#include "engine/helpers/haiway.h"
#include "engine/helpers/haiwayresilience.h"
#include "engine/helpers/trio.h"
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

std::vector<Child> kids(const QStringList &specs)
{
    return testing::children(specs);
}

// A child that cancels itself at `at` (a task cancelled from outside, as a helper sees it).
Body cancelsItselfAt(Tick at)
{
    return [at](Ctx ctx) -> QCoro::Task<Value> {
        co_await ctx.sleep(at);
        ctx.rt->cancelTask(ctx.task, ctx.task, QStringLiteral("cancelled from outside"));
        co_await ctx.checkpoint();
        co_return QStringLiteral("unreachable");
    };
}

// "main: failed ValueError('B') at 1; A: completed at 3; …" for every task in spawn order.
// A child that sleeps 10, catches a cancellation there, works 1 more and returns 'late'.
Body swallowsTheCancelThenReturnsLate()
{
    return [](Ctx c) -> QCoro::Task<Value> {
        try {
            co_await c.sleep(10);
        } catch (const Cancelled &) {
        }
        co_await c.sleep(1);
        co_return QStringLiteral("late");
    };
}

QString summary(const Runtime &rt)
{
    QStringList parts;
    for (TaskId t = 0; t < rt.taskCount(); ++t) {
        const TaskView v = rt.task(t);
        QString what = QLatin1String(toString(v.state));
        if (v.state == TaskState::Failed && (v.name == QLatin1String("main") || v.name == QLatin1String("asyncio.run()")))
            what += QLatin1Char(' ') + v.error->describe();
        if (v.state == TaskState::Completed && v.result.isValid() && v.name == QLatin1String("main"))
            what += QLatin1Char(' ') + describeValue(v.result);
        parts << QStringLiteral("%1: %2 at %3").arg(v.name, what).arg(v.end);
    }
    return parts.join(QStringLiteral("; "));
}

const char *yes(bool b)
{
    return b ? "true" : "false";
}

using K = EventKind;

} // namespace

class TestReference : public QObject
{
    Q_OBJECT

private slots:
    // trio -----------------------------------------------------------------------------------------

    void sc33TrioNurseryChildFailureCancelsTheSiblingAndTheBody()
    {
        Runtime rt(Profile::trio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const NurseryBody body = [](Ctx c, Nursery &n) -> QCoro::Task<Value> {
                trio::startSoon(n, QStringLiteral("A"), failer(1, "A"));
                trio::startSoon(n, QStringLiteral("B"), sleeper(2, "B"));
                co_await c.sleep(5);
                co_return QStringLiteral("body done");
            };
            co_return co_await trio::openNursery(ctx, body);
        });
        QCOMPARE(lines(rt.trace(), {K::Completed, K::Failed, K::Cancelled, K::CancelRequested, K::CancelDelivered,
                                    K::ErrorPropagated, K::ErrorsGrouped}),
                 QStringList({
                     "t=1 A failed ValueError('A')",
                     "t=1 A error propagated to nursery",
                     "t=1 cancel nursery by A: A failed",
                     "t=1 main cancel delivered at sleep",   // the body is cancelled too
                     "t=1 B cancel delivered at sleep",
                     "t=1 B cancelled",
                     "t=1 nursery raises ExceptionGroup('Exceptions from Trio nursery', [ValueError('A')])",
                     "t=1 main failed ExceptionGroup('Exceptions from Trio nursery', [ValueError('A')])",
                 }));
    }

    void trioStartSoonRunsTheChildOnALaterTurn()
    {
        Runtime rt(Profile::trio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const NurseryBody body = [](Ctx c, Nursery &n) -> QCoro::Task<Value> {
                trio::startSoon(n, QStringLiteral("A"), sleeper(1, "A"));
                co_await c.checkpoint();
                co_return {};
            };
            co_return co_await trio::openNursery(ctx, body);
        });
        QCOMPARE(lines(rt.trace(), {K::Started, K::Suspended}).mid(0, 4),
                 QStringList({"t=0 main started", "t=0 main suspended on yield", "t=0 A started", "t=0 A suspended on sleep until 1"}));
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=1 A completed 'A'", "t=1 main completed"}));
    }

    void trioTimeoutsLeaveTheBlockOrRaiseTooSlow_data()
    {
        QTest::addColumn<QString>("helper");
        QTest::addColumn<Tick>("timeout");
        QTest::addColumn<Tick>("work");
        QTest::addColumn<QString>("outcome");
        // SC29: A:3 under a timeout of 2.
        QTest::newRow("SC29 move_on_after(2): A:3") << "move_on_after" << Tick(2) << Tick(3) << "t=2 main completed 'caught=true value=None'";
        QTest::newRow("SC29 fail_after(2): A:3") << "fail_after" << Tick(2) << Tick(3) << "t=2 main failed TooSlowError()";
        // SC30: the deadline tie goes to the timeout (its deadline was set first).
        QTest::newRow("SC30 move_on_after(2): sleep(2)") << "move_on_after" << Tick(2) << Tick(2) << "t=2 main completed 'caught=true value=None'";
        QTest::newRow("SC30 fail_after(2): sleep(2)") << "fail_after" << Tick(2) << Tick(2) << "t=2 main failed TooSlowError()";
        QTest::newRow("in time: move_on_after") << "move_on_after" << Tick(2) << Tick(1) << "t=1 main completed 'caught=false value='A''";
        QTest::newRow("in time: fail_after") << "fail_after" << Tick(2) << Tick(1) << "t=1 main completed 'A'";
        QTest::newRow("move_on_at(2)") << "move_on_at" << Tick(2) << Tick(3) << "t=2 main completed 'caught=true value=None'";
        QTest::newRow("fail_at(2)") << "fail_at" << Tick(2) << Tick(3) << "t=2 main failed TooSlowError()";
        QTest::newRow("move_on_after(-1)") << "move_on_after" << Tick(-1) << Tick(3) << "t=0 main failed ValueError('timeout must be non-negative')";
        QTest::newRow("fail_after(-1)") << "fail_after" << Tick(-1) << Tick(3) << "t=0 main failed ValueError('timeout must be non-negative')";
        // An absolute deadline in the past is no error: the block is cancelled at its first checkpoint.
        QTest::newRow("move_on_at(-1)") << "move_on_at" << Tick(-1) << Tick(3) << "t=0 main completed 'caught=true value=None'";
    }

    void trioTimeoutsLeaveTheBlockOrRaiseTooSlow()
    {
        QFETCH(QString, helper);
        QFETCH(Tick, timeout);
        QFETCH(Tick, work);
        QFETCH(QString, outcome);
        Runtime rt(Profile::trio());
        runMain(rt, [=](Ctx ctx) -> QCoro::Task<Value> {
            const Body body = sleeper(work, "A");
            if (helper == QLatin1String("fail_after"))
                co_return co_await trio::failAfter(ctx, timeout, body);
            if (helper == QLatin1String("fail_at"))
                co_return co_await trio::failAt(ctx, timeout, body);
            trio::ScopeResult r;
            if (helper == QLatin1String("move_on_after"))
                r = co_await trio::moveOnAfter(ctx, timeout, body);
            else
                r = co_await trio::moveOnAt(ctx, timeout, body);
            co_return QStringLiteral("caught=%1 value=%2").arg(yes(r.cancelledCaught), describeValue(r.value));
        });
        QCOMPARE(outcomes(rt.trace()).last(), outcome);
    }

    void trioFailAfterRecordsTheDeadlineAndTheTooSlowError()
    {
        Runtime rt(Profile::trio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            co_return co_await trio::failAfter(ctx, 2, sleeper(3, "A"));
        });
        QCOMPARE(lines(rt.trace(), {K::TimerSet, K::TimerFired, K::CancelRequested, K::CancelDelivered, K::ScopeExited, K::ErrorsGrouped}),
                 QStringList({
                     "t=0 fail_after(2) deadline at 2",
                     "t=2 fail_after(2) deadline reached",
                     "t=2 cancel fail_after(2) by -: deadline reached",
                     "t=2 main cancel delivered at sleep",
                     "t=2 main exited fail_after(2) (caught cancellation)",
                     "t=2 fail_after(2) raises TooSlowError()",
                 }));
    }

    void cancelScopeFlagsFollowTheCheckpoints()
    {
        Runtime rt(Profile::trio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            // cancel() and no checkpoint after it: the block completes, cancelled_caught stays false.
            const trio::ScopeBody quiet = [](Ctx, trio::CancelScope cs) -> QCoro::Task<Value> {
                cs.cancel();
                co_return QStringLiteral("finished");
            };
            const trio::ScopeResult a = co_await trio::cancelScope(ctx, quiet);
            // cancel() then a checkpoint: Cancelled is raised there and caught by the scope.
            const trio::ScopeBody loud = [](Ctx c, trio::CancelScope cs) -> QCoro::Task<Value> {
                cs.cancel();
                co_await c.checkpoint();
                co_return QStringLiteral("unreachable");
            };
            const trio::ScopeResult b = co_await trio::cancelScope(ctx, loud);
            co_return QStringLiteral("%1/%2/%3 %4/%5/%6")
                .arg(yes(a.cancelCalled), yes(a.cancelledCaught), a.value.toString())
                .arg(yes(b.cancelCalled), yes(b.cancelledCaught), describeValue(b.value));
        });
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=0 main completed 'true/false/finished true/true/None'"}));
    }

    void aCancelScopeDeadlineCanBeMovedFromInside()
    {
        Runtime rt(Profile::trio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const trio::ScopeBody body = [](Ctx c, trio::CancelScope cs) -> QCoro::Task<Value> {
                co_await c.sleep(1);
                cs.setDeadline(c.now() + 1);   // cs.deadline = now + 1: earlier than the 5 it had
                co_await c.sleep(10);
                co_return QStringLiteral("unreachable");
            };
            trio::CancelScopeOptions options;
            options.deadline = 5;
            const trio::ScopeResult r = co_await trio::cancelScope(ctx, body, options);
            co_return QStringLiteral("caught=%1 at %2").arg(yes(r.cancelledCaught)).arg(ctx.now());
        });
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=2 main completed 'caught=true at 2'"}));
        QCOMPARE(lines(rt.trace(), {K::TimerSet}), QStringList({"t=0 CancelScope deadline at 5", "t=1 CancelScope deadline at 2"}));
    }

    void aShieldKeepsAnOuterDeadlineOutUntilItEnds()
    {
        Runtime rt(Profile::trio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const Body block = [](Ctx c) -> QCoro::Task<Value> {
                trio::CancelScopeOptions shielded;
                shielded.shield = true;
                const trio::ScopeResult inner = co_await trio::cancelScope(c, sleeper(3, "protected"), shielded);
                co_await c.sleep(5);   // the first checkpoint outside the shield: cancelled here
                co_return inner.value;
            };
            const trio::ScopeResult r = co_await trio::moveOnAfter(ctx, 1, block);
            co_return QStringLiteral("caught=%1 at %2").arg(yes(r.cancelledCaught)).arg(ctx.now());
        });
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=3 main completed 'caught=true at 3'"}));
    }

    void trioChildThatReturnsWhileBeingCancelledCompletes()
    {
        // A task finishing while being cancelled (§7.8): B catches Cancelled and returns without
        // another checkpoint, so it completes; its cancellation stays visible in its record.
        Runtime rt(Profile::trio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const NurseryBody body = [](Ctx, Nursery &n) -> QCoro::Task<Value> {
                trio::startSoon(n, QStringLiteral("A"), failer(1, "A"));
                trio::startSoon(n, QStringLiteral("B"), [](Ctx c) -> QCoro::Task<Value> {
                    try {
                        co_await c.sleep(5);
                    } catch (const Cancelled &) {
                    }
                    co_return QStringLiteral("B cleaned up");
                });
                co_return {};
            };
            co_return co_await trio::openNursery(ctx, body);
        });
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=1 A failed ValueError('A')",
                                           "t=1 B completed 'B cleaned up'",
                                           "t=1 main failed ExceptionGroup('Exceptions from Trio nursery', [ValueError('A')])",
                                       }));
        QVERIFY(rt.task(2).cancelRequested);
    }

    // trio-util ------------------------------------------------------------------------------------

    void sc20TrioUtilWaitAnyFirstReturnCancelsTheRestAndReturnsNone()
    {
        Runtime rt(Profile::trio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            auto fns = kids({"A:1", "B:2"});
            co_return co_await trioutil::waitAny(ctx, std::move(fns));
        });
        QCOMPARE(lines(rt.trace(), {K::Completed, K::Failed, K::Cancelled, K::CancelRequested, K::ScopeExited}),
                 QStringList({
                     "t=1 A completed 'A'",
                     "t=1 cancel wait_any() by A: A finished first",
                     "t=1 B cancelled",
                     "t=1 main exited wait_any()",
                     "t=1 main completed",   // None: no results
                 }));
    }

    void trioUtilWaitAnyEndsOnlyWhenAFunctionReturns_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<QString>("expected");
        QTest::newRow("an error goes through the nursery")
            << "error" << "main: failed ExceptionGroup('Exceptions from Trio nursery', [ValueError('A')]) at 1; A: failed at 1; B: cancelled at 1";
        // A cancelled child is absorbed by the nursery: it does not end the wait.
        QTest::newRow("a child cancelled from outside does not win")
            << "cancelled" << "main: completed at 2; A: cancelled at 1; B: completed at 2";
        QTest::newRow("wait_all waits for everyone") << "all" << "main: completed at 2; A: completed at 1; B: completed at 2";
    }

    void trioUtilWaitAnyEndsOnlyWhenAFunctionReturns()
    {
        QFETCH(QString, which);
        QFETCH(QString, expected);
        Runtime rt(Profile::trio());
        runMain(rt, [which](Ctx ctx) -> QCoro::Task<Value> {
            std::vector<Child> fns = kids({which == QLatin1String("error") ? "A:1!" : "A:1", "B:2"});
            if (which == QLatin1String("cancelled"))
                fns[0].body = cancelsItselfAt(1);
            if (which == QLatin1String("all"))
                co_return co_await trioutil::waitAll(ctx, std::move(fns));
            co_return co_await trioutil::waitAny(ctx, std::move(fns));
        });
        QCOMPARE(summary(rt), expected);
    }

    void aShieldedLoserDelaysWaitAny()
    {
        // B: a shielded region of 3, then a checkpoint. A wins at 1; B's cancellation waits for
        // the shield to end and is delivered at 3, when wait_any returns.
        Runtime rt(Profile::trio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            std::vector<Child> fns = kids({"A:1"});
            fns.push_back({"B", [](Ctx c) -> QCoro::Task<Value> {
                               trio::CancelScopeOptions shielded;
                               shielded.shield = true;
                               co_await trio::cancelScope(c, sleeper(3, "protected"), shielded);
                               co_await c.sleep(1);
                               co_return QStringLiteral("B");
                           }});
            co_return co_await trioutil::waitAny(ctx, std::move(fns));
        });
        QCOMPARE(lines(rt.trace(), {K::Completed, K::Cancelled, K::CancelRequested, K::CancelDelivered}),
                 QStringList({
                     "t=1 A completed 'A'",
                     "t=1 cancel wait_any() by A: A finished first",
                     "t=3 B cancel delivered at sleep",
                     "t=3 B cancelled",
                     "t=3 main completed",
                 }));
    }

    void trioUtilMoveOnWhenCancelsWhicheverSideEndsSecond_data()
    {
        QTest::addColumn<QString>("fn");
        QTest::addColumn<Tick>("block");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fn returns first: the block is cancelled")
            << "A:2" << Tick(5) << "main: completed 'caught=true' at 2; A: completed at 2";
        QTest::newRow("the block ends first: fn is cancelled")
            << "A:5" << Tick(1) << "main: completed 'caught=false' at 1; A: cancelled at 1";
        QTest::newRow("fn fails: the block is cancelled and the error grouped")
            << "A:1!" << Tick(5) << "main: failed ExceptionGroup('Exceptions from Trio nursery', [ValueError('A')]) at 1; A: failed at 1";
    }

    void trioUtilMoveOnWhenCancelsWhicheverSideEndsSecond()
    {
        QFETCH(QString, fn);
        QFETCH(Tick, block);
        QFETCH(QString, expected);
        Runtime rt(Profile::trio());
        runMain(rt, [fn, block](Ctx ctx) -> QCoro::Task<Value> {
            Child waited = kids({fn}).front();
            const trio::ScopeBody body = [block](Ctx c, trio::CancelScope) -> QCoro::Task<Value> {
                co_await c.sleep(block);
                co_return QStringLiteral("block done");
            };
            const trio::ScopeResult r = co_await trioutil::moveOnWhen(ctx, std::move(waited), body);
            co_return QStringLiteral("caught=%1").arg(yes(r.cancelledCaught));
        });
        QCOMPARE(summary(rt), expected);
    }

    void trioUtilRunAndCancellingCancelsTheBackgroundAtBlockExit_data()
    {
        QTest::addColumn<QString>("fn");
        QTest::addColumn<QString>("expected");
        // fn's return does nothing to the block; the block's end cancels fn.
        QTest::newRow("fn returns first") << "bg:1" << "main: completed 'block' at 3; bg: completed at 1";
        QTest::newRow("the block ends first") << "bg:5" << "main: completed 'block' at 3; bg: cancelled at 3";
        QTest::newRow("fn fails") << "bg:1!" << "main: failed ExceptionGroup('Exceptions from Trio nursery', [ValueError('bg')]) at 1; bg: failed at 1";
    }

    void trioUtilRunAndCancellingCancelsTheBackgroundAtBlockExit()
    {
        QFETCH(QString, fn);
        QFETCH(QString, expected);
        Runtime rt(Profile::trio());
        runMain(rt, [fn](Ctx ctx) -> QCoro::Task<Value> {
            Child background = kids({fn}).front();
            co_return co_await trioutil::runAndCancelling(ctx, std::move(background), sleeper(3, "block"));
        });
        QCOMPARE(summary(rt), expected);
    }

    // asyncio --------------------------------------------------------------------------------------

    void sc27AsyncioGatherRaisesAtOnceAndTheOthersKeepRunning()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            auto aws = kids({"A:3", "B:1!", "C:2"});
            co_return co_await asyncio::gather(ctx, std::move(aws));
        });
        QCOMPARE(lines(rt.trace(), {K::Completed, K::Failed, K::Cancelled, K::CancelRequested, K::ErrorsGrouped, K::ScopeExited}),
                 QStringList({
                     "t=1 B failed ValueError('B')",
                     "t=1 gather() raises ValueError('B')",
                     "t=1 main failed ValueError('B')",
                     "t=2 C completed 'C'",
                     "t=3 A completed 'A'",
                     "t=3 main exited gather() (last leaked child ended)",
                 }));
    }

    void asyncioGatherCountsACancelledChildAsCancelledError_data()
    {
        QTest::addColumn<bool>("returnExceptions");
        QTest::addColumn<QString>("expected");
        // A child cancelled from outside counts as CancelledError: raised at once, or a value.
        QTest::newRow("cancelled child raises") << false << "main: cancelled at 1; A: completed at 2; B: failed at 2; C: cancelled at 1";
        QTest::newRow("return_exceptions") << true
                                           << "main: completed ['A', ValueError('B'), CancelledError()] at 2; A: completed at 2; B: failed at 2; C: cancelled at 1";
    }

    void asyncioGatherCountsACancelledChildAsCancelledError()
    {
        QFETCH(bool, returnExceptions);
        QFETCH(QString, expected);
        Runtime rt(Profile::asyncio());
        runMain(rt, [returnExceptions](Ctx ctx) -> QCoro::Task<Value> {
            std::vector<Child> aws = kids({"A:2", "B:2!"});
            aws.push_back({"C", cancelsItselfAt(1)});
            co_return co_await asyncio::gather(ctx, std::move(aws), {.returnExceptions = returnExceptions});
        });
        QCOMPARE(summary(rt), expected);
    }

    void asyncioGatherCancelledByItsCallerCancelsItsChildren_data()
    {
        QTest::addColumn<bool>("returnExceptions");
        QTest::addColumn<Tick>("cleanup");
        QTest::addColumn<QString>("expected");
        QTest::newRow("children cancelled with the caller") << false << Tick(0) << "main: cancelled at 1; A: cancelled at 1; B: cancelled at 1";
        // Without return_exceptions the gather ends at the first child's end…
        QTest::newRow("ends at the first cancelled child") << false << Tick(2) << "main: cancelled at 1; A: cancelled at 1; B: cancelled at 3";
        // … with it, once every child ended.
        QTest::newRow("return_exceptions waits for all") << true << Tick(2) << "main: cancelled at 3; A: cancelled at 1; B: cancelled at 3";
    }

    void asyncioGatherCancelledByItsCallerCancelsItsChildren()
    {
        QFETCH(bool, returnExceptions);
        QFETCH(Tick, cleanup);
        QFETCH(QString, expected);
        Runtime rt(Profile::asyncio());
        rt.spawn(NoId, QStringLiteral("main"), [returnExceptions, cleanup](Ctx ctx) -> QCoro::Task<Value> {
            std::vector<Child> aws = kids({"A:3"});
            aws.push_back({"B", slowToCancel(5, cleanup, "B")});
            co_return co_await asyncio::gather(ctx, std::move(aws), {.returnExceptions = returnExceptions});
        });
        rt.scheduleCancel(0, 1, QStringLiteral("caller cancelled"));
        rt.scheduler().runUntilIdle();
        QCOMPARE(summary(rt), expected);
        QCOMPARE(lines(rt.trace(), {K::CancelRequested}).mid(1),
                 QStringList({"t=1 cancel A by main: gather() was cancelled", "t=1 cancel B by main: gather() was cancelled"}));
    }

    void asyncioGatherOfAnIterableThatRaisesStartsNothing()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            auto source = std::make_shared<ListSource>(kids({"A:1", "B:1", "C:1"}));
            source->raiseAfter(2, Error::plain(QStringLiteral("TypeError"), QStringLiteral("bad input")));
            co_return co_await asyncio::gather(ctx, source);
        });
        QCOMPARE(lines(rt.trace(), {K::ItemPulled, K::Started, K::Failed}),
                 QStringList({"t=0 main started", "t=0 main item pulled A", "t=0 main item pulled B", "t=0 main failed TypeError('bad input')"}));
        QCOMPARE(rt.taskCount(), 1);
    }

    void sc27AsyncioTaskGroupCancelsTheOthersAndGroupsTheError()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const asyncio::TaskGroupBody body = [](Ctx, asyncio::TaskGroup &tg) -> QCoro::Task<Value> {
                for (Child &c : kids({"A:3", "B:1!", "C:2"}))
                    tg.createTask(c.name, c.body);
                co_return {};
            };
            co_return co_await asyncio::taskGroup(ctx, body);
        });
        QCOMPARE(lines(rt.trace(), {K::Completed, K::Failed, K::Cancelled, K::CancelRequested, K::ErrorPropagated, K::ErrorsGrouped}),
                 QStringList({
                     "t=1 B failed ValueError('B')",
                     "t=1 B error propagated to TaskGroup",
                     // _abort(): task.cancel() on each child, then parent_task.cancel() (the
                     // parent is already joining: that CancelledError is swallowed).
                     "t=1 cancel A by B: B failed",
                     "t=1 cancel C by B: B failed",
                     "t=1 cancel main by B: B failed",
                     "t=1 A cancelled",
                     "t=1 C cancelled",
                     "t=1 TaskGroup raises ExceptionGroup('unhandled errors in a TaskGroup', [ValueError('B')])",
                     "t=1 main failed ExceptionGroup('unhandled errors in a TaskGroup', [ValueError('B')])",
                 }));
    }

    void sameInstantFailuresDependOnThePropagationRule_data()
    {
        QTest::addColumn<QString>("library");
        QTest::addColumn<QString>("expected");
        // trio (immediate propagation): the first failure cancels B before its wake-up runs.
        QTest::newRow("trio nursery: one error")
            << "trio" << "main: failed ExceptionGroup('Exceptions from Trio nursery', [ValueError('A')]) at 1; A: failed at 1; B: cancelled at 1; C: cancelled at 1";
        // asyncio (batch): both tasks woken at 1 run before the group hears of either failure.
        QTest::newRow("asyncio TaskGroup: both collected")
            << "asyncio" << "main: failed ExceptionGroup('unhandled errors in a TaskGroup', [ValueError('A'), ValueError('B')]) at 1; A: failed at 1; B: failed at 1; C: cancelled at 1";
    }

    void sameInstantFailuresDependOnThePropagationRule()
    {
        QFETCH(QString, library);
        QFETCH(QString, expected);
        const bool trio = library == QLatin1String("trio");
        Runtime rt(trio ? Profile::trio() : Profile::asyncio());
        runMain(rt, [trio](Ctx ctx) -> QCoro::Task<Value> {
            if (trio) {
                const NurseryBody body = [](Ctx, Nursery &n) -> QCoro::Task<Value> {
                    for (Child &c : kids({"A:1!", "B:1!", "C:2"}))
                        trio::startSoon(n, c.name, c.body);
                    co_return {};
                };
                co_return co_await trio::openNursery(ctx, body);
            }
            const asyncio::TaskGroupBody body = [](Ctx, asyncio::TaskGroup &tg) -> QCoro::Task<Value> {
                for (Child &c : kids({"A:1!", "B:1!", "C:2"}))
                    tg.createTask(c.name, c.body);
                co_return {};
            };
            co_return co_await asyncio::taskGroup(ctx, body);
        });
        QCOMPARE(summary(rt), expected);
    }

    void cleanupAfterCancellationRunsOnlyWhenEdgeTriggered_data()
    {
        QTest::addColumn<QString>("library");
        QTest::addColumn<QString>("expected");
        // Level-triggered: B's cleanup sleep is itself cancelled at once.
        QTest::newRow("trio nursery") << "trio" << "main: failed ExceptionGroup('Exceptions from Trio nursery', [ValueError('A')]) at 1; A: failed at 1; B: cancelled at 1";
        // Edge-triggered: the cleanup runs its 2 ticks, and the group waits for it (join).
        QTest::newRow("asyncio TaskGroup") << "asyncio" << "main: failed ExceptionGroup('unhandled errors in a TaskGroup', [ValueError('A')]) at 3; A: failed at 1; B: cancelled at 3";
    }

    void cleanupAfterCancellationRunsOnlyWhenEdgeTriggered()
    {
        QFETCH(QString, library);
        QFETCH(QString, expected);
        const bool trio = library == QLatin1String("trio");
        Runtime rt(trio ? Profile::trio() : Profile::asyncio());
        runMain(rt, [trio](Ctx ctx) -> QCoro::Task<Value> {
            if (trio) {
                const NurseryBody body = [](Ctx, Nursery &n) -> QCoro::Task<Value> {
                    trio::startSoon(n, QStringLiteral("A"), failer(1, "A"));
                    trio::startSoon(n, QStringLiteral("B"), slowToCancel(10, 2, "B"));
                    co_return {};
                };
                co_return co_await trio::openNursery(ctx, body);
            }
            const asyncio::TaskGroupBody body = [](Ctx, asyncio::TaskGroup &tg) -> QCoro::Task<Value> {
                tg.createTask(QStringLiteral("A"), failer(1, "A"));
                tg.createTask(QStringLiteral("B"), slowToCancel(10, 2, "B"));
                co_return {};
            };
            co_return co_await asyncio::taskGroup(ctx, body);
        });
        QCOMPARE(summary(rt), expected);
    }

    void taskGroupPutsTheBodysErrorAfterTheChildrens()
    {
        // The body raises at 1; A, being cancelled, fails in its cleanup ("failed while being
        // cancelled"): asyncio lists the children's errors first, then the body's.
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const asyncio::TaskGroupBody body = [](Ctx c, asyncio::TaskGroup &tg) -> QCoro::Task<Value> {
                tg.createTask(QStringLiteral("A"), [](Ctx a) -> QCoro::Task<Value> {
                    bool cancelled = false;
                    try {
                        co_await a.sleep(10);
                    } catch (const Cancelled &) {
                        cancelled = true;
                    }
                    if (cancelled)
                        throw Error::plain(QStringLiteral("RuntimeError"), QStringLiteral("cleanup failed"), a.task);
                    co_return {};
                });
                co_await c.sleep(1);
                throw Error::plain(QStringLiteral("KeyError"), QStringLiteral("body"), c.task);
            };
            co_return co_await asyncio::taskGroup(ctx, body);
        });
        QCOMPARE(summary(rt), QStringLiteral("main: failed ExceptionGroup('unhandled errors in a TaskGroup', [RuntimeError('cleanup failed'), KeyError('body')]) at 1; A: failed at 1"));
        QVERIFY(rt.task(1).cancelRequested);
    }

    void taskGroupRefusesNewTasksWhileShuttingDown()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const asyncio::TaskGroupBody body = [](Ctx c, asyncio::TaskGroup &tg) -> QCoro::Task<Value> {
                tg.createTask(QStringLiteral("A"), failer(1, "A"));
                try {
                    co_await c.sleep(5);
                } catch (const Cancelled &) {
                }
                tg.createTask(QStringLiteral("late"), sleeper(1, "late"));
                co_return {};
            };
            co_return co_await asyncio::taskGroup(ctx, body);
        });
        QCOMPARE(summary(rt), QStringLiteral("main: failed ExceptionGroup('unhandled errors in a TaskGroup', [ValueError('A'), RuntimeError('TaskGroup is shutting down')]) at 1; A: failed at 1"));
    }

    void sc29AsyncioWaitReturnsDoneAndPendingAtTheTimeout()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            auto aws = kids({"A:3", "B:1"});
            const asyncio::DonePending r = co_await asyncio::wait(ctx, std::move(aws), {.timeout = 2});
            co_return r.describe(*ctx.rt);
        });
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=1 B completed 'B'",
                                           "t=2 main completed 'done={B}, pending={A}'",
                                           "t=3 A completed 'A'",
                                       }));
        QCOMPARE(lines(rt.trace(), {K::CancelRequested}), QStringList());   // the timeout only wakes the caller
    }

    void asyncioWaitReturnsOnceItsConditionHolds_data()
    {
        QTest::addColumn<QStringList>("specs");
        QTest::addColumn<int>("returnWhen");
        QTest::addColumn<Tick>("timeout");
        QTest::addColumn<QString>("outcome");
        // Everything that ended in the same turn lands in done.
        QTest::newRow("first completed: a batch") << QStringList({"A:1", "B:1", "C:2"}) << int(asyncio::ReturnWhen::FirstCompleted) << Never
                                                  << "t=1 main completed 'done={A, B}, pending={C}'";
        QTest::newRow("first exception") << QStringList({"A:3", "B:1!", "C:2"}) << int(asyncio::ReturnWhen::FirstException) << Never
                                         << "t=1 main completed 'done={B}, pending={A, C}'";
        QTest::newRow("first exception without one: all") << QStringList({"A:1", "B:2"}) << int(asyncio::ReturnWhen::FirstException) << Never
                                                          << "t=2 main completed 'done={A, B}, pending={}'";
        // The timeout's timer was set before A's sleep: the caller wakes first and sees A pending.
        QTest::newRow("deadline tie") << QStringList({"A:2"}) << int(asyncio::ReturnWhen::AllCompleted) << Tick(2)
                                      << "t=2 main completed 'done={}, pending={A}'";
    }

    void asyncioWaitReturnsOnceItsConditionHolds()
    {
        QFETCH(QStringList, specs);
        QFETCH(int, returnWhen);
        QFETCH(Tick, timeout);
        QFETCH(QString, outcome);
        Runtime rt(Profile::asyncio());
        runMain(rt, [=](Ctx ctx) -> QCoro::Task<Value> {
            auto aws = kids(specs);
            asyncio::WaitOptions options;
            options.returnWhen = asyncio::ReturnWhen(returnWhen);
            options.timeout = timeout;
            const asyncio::DonePending r = co_await asyncio::wait(ctx, std::move(aws), options);
            co_return r.describe(*ctx.rt);
        });
        QVERIFY(outcomes(rt.trace()).contains(outcome));
    }

    void asCompletedHandsOutResultsInCompletionOrder_data()
    {
        QTest::addColumn<QStringList>("specs");
        QTest::addColumn<Tick>("timeout");
        QTest::addColumn<QStringList>("received");
        QTest::newRow("completion order") << QStringList({"A:3", "B:1", "C:2"}) << Never << QStringList({"'B'@1", "'C'@2", "'A'@3"});
        QTest::newRow("errors are raised in turn") << QStringList({"A:2", "B:1!"}) << Never << QStringList({"ValueError('B')@1", "'A'@2"});
        // C ends at the deadline, after the timeout callback: dropped. Every next() still owed
        // raises TimeoutError; nothing is cancelled.
        QTest::newRow("timeout") << QStringList({"A:3", "B:1", "C:2"}) << Tick(2)
                                 << QStringList({"'B'@1", "TimeoutError()@2", "TimeoutError()@2"});
    }

    void asCompletedHandsOutResultsInCompletionOrder()
    {
        QFETCH(QStringList, specs);
        QFETCH(Tick, timeout);
        QFETCH(QStringList, received);
        Runtime rt(Profile::asyncio());
        QStringList seen;
        runMain(rt, [&](Ctx ctx) -> QCoro::Task<Value> {
            auto it = asyncio::asCompleted(ctx, kids(specs), timeout);
            while (true) {
                std::optional<Value> v;
                QString error;
                try {
                    v = co_await it->next(ctx);
                } catch (const Error &e) {
                    error = e.describe();
                }
                if (!error.isEmpty()) {
                    seen << QStringLiteral("%1@%2").arg(error).arg(ctx.now());
                    continue;
                }
                if (!v)
                    break;
                seen << QStringLiteral("%1@%2").arg(describeValue(*v)).arg(ctx.now());
            }
            co_return {};
        });
        QCOMPARE(seen, received);
        QCOMPARE(lines(rt.trace(), {K::Cancelled}), QStringList());
        for (TaskId t = 1; t < rt.taskCount(); ++t)
            QVERIFY(isFinal(rt.state(t)));
    }

    void sc30AsyncioDeadlineTieTimesOut_data()
    {
        QTest::addColumn<QString>("helper");
        QTest::newRow("timeout(2)") << "timeout";
        QTest::newRow("wait_for(…, 2)") << "wait_for";
    }

    void sc30AsyncioDeadlineTieTimesOut()
    {
        QFETCH(QString, helper);
        Runtime rt(Profile::asyncio());
        runMain(rt, [helper](Ctx ctx) -> QCoro::Task<Value> {
            if (helper == QLatin1String("timeout"))
                co_return co_await asyncio::timeout(ctx, 2, sleeper(2, "body"));
            Child inner{QStringLiteral("inner"), sleeper(2, "inner")};
            co_return co_await asyncio::waitFor(ctx, std::move(inner), 2);
        });
        QCOMPARE(outcomes(rt.trace()).last(), QStringLiteral("t=2 main failed TimeoutError()"));
        if (helper == QLatin1String("wait_for"))
            QCOMPARE(outcomes(rt.trace()).first(), QStringLiteral("t=2 inner cancelled"));
    }

    void asyncioTimeoutEventByEvent()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            co_return co_await asyncio::timeout(ctx, 2, sleeper(5, "body"));
        });
        QCOMPARE(lines(rt.trace(), {K::TimerSet, K::TimerFired, K::CancelRequested, K::CancelDelivered, K::ScopeExited, K::ErrorsGrouped, K::Failed}),
                 QStringList({
                     "t=0 timeout(2) deadline at 2",
                     "t=2 timeout(2) deadline reached",
                     "t=2 cancel main by -: timeout(2) expired",   // the task, not a scope
                     "t=2 main cancel delivered at sleep",
                     "t=2 main exited timeout(2) (timed out)",
                     "t=2 timeout(2) raises TimeoutError()",
                     "t=2 main failed TimeoutError()",
                 }));
    }

    void aTimeoutBlockThatSwallowsTheCancellationEndsNormally()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const asyncio::TimeoutBody body = [](Ctx c, asyncio::Timeout cm) -> QCoro::Task<Value> {
                try {
                    co_await c.sleep(5);
                } catch (const Cancelled &) {
                }
                co_await c.sleep(1);   // edge-triggered: this one is not cancelled again
                co_return QStringLiteral("swallowed, expired=%1").arg(yes(cm.expired()));
            };
            co_return co_await asyncio::timeout(ctx, 2, body);
        });
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=3 main completed 'swallowed, expired=true'"}));
    }

    void anAsyncioTimeoutCanBeRescheduled_data()
    {
        QTest::addColumn<Tick>("when");
        QTest::addColumn<QString>("outcome");
        QTest::newRow("earlier") << Tick(1) << "t=1 main failed TimeoutError()";
        QTest::newRow("later") << Tick(7) << "t=6 main completed 'when=7'";
        QTest::newRow("never") << Never << "t=6 main completed 'when=" + QString::number(Never) + "'";
    }

    void anAsyncioTimeoutCanBeRescheduled()
    {
        QFETCH(Tick, when);
        QFETCH(QString, outcome);
        Runtime rt(Profile::asyncio());
        runMain(rt, [when](Ctx ctx) -> QCoro::Task<Value> {
            const asyncio::TimeoutBody body = [when](Ctx c, asyncio::Timeout cm) -> QCoro::Task<Value> {
                cm.reschedule(when);
                co_await c.sleep(6);
                co_return QStringLiteral("when=%1").arg(cm.when());
            };
            co_return co_await asyncio::timeout(ctx, 3, body);
        });
        QCOMPARE(outcomes(rt.trace()), QStringList({outcome}));
    }

    void asyncioWaitForCancelsAndWaitsForTheInnerOnTimeout_data()
    {
        QTest::addColumn<QString>("inner");
        QTest::addColumn<QString>("expected");
        QTest::newRow("in time") << "quick" << "main: completed 'inner' at 1; inner: completed at 1";
        // On timeout the inner task is cancelled and waited for (its cleanup takes 1).
        QTest::newRow("cancels and waits") << "slow" << "main: failed TimeoutError() at 3; inner: cancelled at 3";
        // An inner task that returns anyway gives its value.
        QTest::newRow("returns despite the cancel") << "stubborn" << "main: completed 'late' at 3; inner: completed at 3";
        QTest::newRow("timeout 0") << "zero" << "main: failed TimeoutError() at 0; inner: cancelled at 0";
        // No timeout: the awaitable is awaited in the caller itself, no task is created.
        QTest::newRow("no timeout") << "inline" << "main: completed 'inner' at 1";
    }

    void asyncioWaitForCancelsAndWaitsForTheInnerOnTimeout()
    {
        QFETCH(QString, inner);
        QFETCH(QString, expected);
        Runtime rt(Profile::asyncio());
        runMain(rt, [inner](Ctx ctx) -> QCoro::Task<Value> {
            Child aw{QStringLiteral("inner"), sleeper(1, "inner")};
            Tick limit = 2;
            if (inner == QLatin1String("slow"))
                aw.body = slowToCancel(10, 1, "inner");
            if (inner == QLatin1String("zero"))
                limit = 0;
            if (inner == QLatin1String("inline"))
                limit = Never;
            if (inner == QLatin1String("stubborn"))
                aw.body = swallowsTheCancelThenReturnsLate();
            co_return co_await asyncio::waitFor(ctx, std::move(aw), limit);
        });
        QCOMPARE(summary(rt), expected);
    }

    void asyncioWaitForCancelledByItsCallerCancelsTheInnerToo()
    {
        Runtime rt(Profile::asyncio());
        rt.spawn(NoId, QStringLiteral("main"), [](Ctx ctx) -> QCoro::Task<Value> {
            Child aw{QStringLiteral("inner"), slowToCancel(10, 1, "inner")};
            co_return co_await asyncio::waitFor(ctx, std::move(aw), 5);
        });
        rt.scheduleCancel(0, 1, QStringLiteral("caller cancelled"));
        rt.scheduler().runUntilIdle();
        QCOMPARE(summary(rt), QStringLiteral("main: cancelled at 2; inner: cancelled at 2"));
    }

    void asyncioWaitForDiffersBetween311And312WhenTheCallerIsCancelled_data()
    {
        QTest::addColumn<QString>("story");
        QTest::addColumn<bool>("py312");
        QTest::addColumn<QString>("expected");
        // The inner task completes at 1 and, at the same instant but after it, someone cancels
        // the caller before it ran again: 3.11 returns the value and loses the cancellation,
        // 3.12 keeps the cancellation and loses the value.
        QTest::newRow("same instant, 3.11") << "race" << false << "main: completed 'inner' at 1; canceller: completed at 1; inner: completed at 1";
        QTest::newRow("same instant, 3.12") << "race" << true << "main: cancelled at 1; canceller: completed at 1; inner: completed at 1";
        // The caller is cancelled at 1; the inner task swallows its cancellation and returns at 2.
        QTest::newRow("inner returns anyway, 3.11") << "stubborn" << false << "main: cancelled at 2; inner: completed at 2";
        QTest::newRow("inner returns anyway, 3.12") << "stubborn" << true << "main: completed 'late' at 2; inner: completed at 2";
        // Timeout 2; the inner task takes 3 to clean up; the caller is cancelled again at 3.
        // 3.11 stops waiting at once and leaves the inner task cleaning up until 5; 3.12's await
        // passes the second cancellation on too, which cuts the clean-up short, and the outside
        // cancellation keeps it a CancelledError instead of a TimeoutError.
        QTest::newRow("cancelled while timing out, 3.11") << "twice" << false << "main: cancelled at 3; inner: cancelled at 5";
        QTest::newRow("cancelled while timing out, 3.12") << "twice" << true << "main: cancelled at 3; inner: cancelled at 3";
    }

    void asyncioWaitForDiffersBetween311And312WhenTheCallerIsCancelled()
    {
        QFETCH(QString, story);
        QFETCH(bool, py312);
        QFETCH(QString, expected);
        const asyncio::WaitForVersion version = py312 ? asyncio::WaitForVersion::Python312 : asyncio::WaitForVersion::Python311;
        Runtime rt(Profile::asyncio());
        const TaskId main = rt.spawn(NoId, QStringLiteral("main"), [story, version](Ctx ctx) -> QCoro::Task<Value> {
            Child aw{QStringLiteral("inner"), sleeper(1, "inner")};
            if (story == QLatin1String("stubborn"))
                aw.body = swallowsTheCancelThenReturnsLate();
            if (story == QLatin1String("twice"))
                aw.body = slowToCancel(10, 3, "inner");
            const Tick limit = story == QLatin1String("twice") ? 2 : 10;
            co_return co_await asyncio::waitFor(ctx, std::move(aw), limit, version);
        });
        if (story == QLatin1String("race")) {
            // Yields once so that its timer is set after the inner task's: at t=1 the inner task
            // completes first, then this cancels main before main resumes.
            rt.spawn(NoId, QStringLiteral("canceller"), [main](Ctx ctx) -> QCoro::Task<Value> {
                co_await ctx.checkpoint();
                co_await ctx.sleep(1);
                ctx.rt->cancelTask(main, ctx.task, QStringLiteral("canceller"));
                co_return {};
            });
        } else {
            rt.scheduleCancel(main, story == QLatin1String("twice") ? 3 : 1, QStringLiteral("from outside"));
        }
        rt.scheduler().runUntilIdle();
        QCOMPARE(summary(rt), expected);
    }

    void asyncioShieldKeepsTheInnerTaskRunning()
    {
        // timeout(1){shield(inner:3)}: TimeoutError at 1, the inner task completes at 3.
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const Body shielded = [](Ctx c) -> QCoro::Task<Value> {
                Child inner{QStringLiteral("inner"), sleeper(3, "inner")};
                co_return co_await asyncio::shield(c, std::move(inner));
            };
            co_return co_await asyncio::timeout(ctx, 1, shielded);
        });
        QCOMPARE(lines(rt.trace(), {K::Completed, K::Failed, K::Cancelled, K::ValueEmitted, K::ScopeExited}),
                 QStringList({
                     "t=1 main value emitted shield(): the await was cancelled, inner keeps running",
                     "t=1 main exited timeout(1) (timed out)",
                     "t=1 main failed TimeoutError()",
                     "t=3 inner completed 'inner'",
                     "t=3 main exited shield() (last leaked child ended)",
                 }));
    }

    void asyncioWaitLeaksWhenTheCallerIsCancelled()
    {
        Runtime rt(Profile::asyncio());
        rt.spawn(NoId, QStringLiteral("main"), [](Ctx ctx) -> QCoro::Task<Value> {
            auto aws = kids({"A:3", "B:5"});
            co_await asyncio::wait(ctx, std::move(aws));
            co_return {};
        });
        rt.scheduleCancel(0, 2, QStringLiteral("caller cancelled"));
        rt.scheduler().runUntilIdle();
        QCOMPARE(summary(rt), QStringLiteral("main: cancelled at 2; A: completed at 3; B: completed at 5"));
    }

    void asyncioRunCancelsWhatIsLeftWhenMainEnds()
    {
        // main starts bg:10 and gathers (A:3, B:1!), catching B's error; when main returns at 1,
        // asyncio.run() cancels bg and the A that gather left running, and waits for them.
        Runtime rt(Profile::asyncio());
        const Body mainBody = [](Ctx ctx) -> QCoro::Task<Value> {
            asyncio::createTask(ctx, QStringLiteral("bg"), sleeper(10, "bg"));
            auto aws = kids({"A:3", "B:1!"});
            QString caught;
            try {
                co_await asyncio::gather(ctx, std::move(aws));
            } catch (const Error &e) {
                caught = e.describe();
            }
            co_return caught;
        };
        const TaskId runner = asyncio::run(rt, {QStringLiteral("main"), mainBody});
        rt.scheduler().runUntilIdle();
        QCOMPARE(lines(rt.trace(), {K::ValueEmitted, K::Completed, K::Failed, K::Cancelled}),
                 QStringList({
                     "t=1 B failed ValueError('B')",
                     "t=1 main completed 'ValueError('B')'",
                     "t=1 asyncio.run() value emitted asyncio.run(): cancelling 2 remaining tasks {bg, A}",
                     "t=1 bg cancelled",
                     "t=1 A cancelled",
                     "t=1 asyncio.run() completed 'ValueError('B')'",
                 }));
        QCOMPARE(rt.result(runner).toString(), QStringLiteral("ValueError('B')"));
    }

    // Side by side ---------------------------------------------------------------------------------

    void sc27TheSameTaskSetUnderEachLibrary_data()
    {
        QTest::addColumn<QString>("helper");
        QTest::addColumn<QString>("expected");
        // A:3, B:1!, C:2 (helper-semantics §10 SC27, every line).
        QTest::newRow("asyncio.gather: raises at once, the others run on")
            << "asyncio.gather" << "main: failed ValueError('B') at 1; A: completed at 3; B: failed at 1; C: completed at 2";
        QTest::newRow("asyncio.TaskGroup: cancels and groups")
            << "asyncio.TaskGroup" << "main: failed ExceptionGroup('unhandled errors in a TaskGroup', [ValueError('B')]) at 1; A: cancelled at 1; B: failed at 1; C: cancelled at 1";
        QTest::newRow("trio nursery: cancels and groups")
            << "trio.nursery" << "main: failed ExceptionGroup('Exceptions from Trio nursery', [ValueError('B')]) at 1; A: cancelled at 1; B: failed at 1; C: cancelled at 1";
        QTest::newRow("asyncgui wait_all: cancels and groups")
            << "asyncgui.wait_all" << "main: failed ExceptionGroup('wait_all()', [ValueError('B')]) at 1; A: cancelled at 1; B: failed at 1; C: cancelled at 1";
        QTest::newRow("haiway concurrently(limit=3): cancels, bare error")
            << "haiway.concurrently" << "main: failed ValueError('B') at 1; A: cancelled at 1; B: failed at 1; C: cancelled at 1";
        QTest::newRow("concurry gather: waits for all, raises at 3")
            << "concurry.gather" << "main: failed ValueError('B') at 3; A: completed at 3; B: failed at 1; C: completed at 2";
        QTest::newRow("concurry async_gather: the same")
            << "concurry.async_gather" << "main: failed ValueError('B') at 3; A: completed at 3; B: failed at 1; C: completed at 2";
        QTest::newRow("concurry wait(FIRST_EXCEPTION): returns, cancels nothing")
            << "concurry.wait" << "main: completed 'done={B}, not_done={A, C}' at 1; A: completed at 3; B: failed at 1; C: completed at 2";
    }

    void sc27TheSameTaskSetUnderEachLibrary()
    {
        QFETCH(QString, helper);
        QFETCH(QString, expected);
        const QString library = helper.section(QLatin1Char('.'), 0, 0);
        Runtime rt(library == QLatin1String("trio") ? Profile::trio()
                   : library == QLatin1String("asyncgui") ? Profile::asyncgui()
                                                          : Profile::asyncio());
        runMain(rt, [helper](Ctx ctx) -> QCoro::Task<Value> {
            auto set = kids({"A:3", "B:1!", "C:2"});
            if (helper == QLatin1String("asyncio.gather"))
                co_return co_await asyncio::gather(ctx, std::move(set));
            if (helper == QLatin1String("asyncio.TaskGroup")) {
                const asyncio::TaskGroupBody body = [&set](Ctx, asyncio::TaskGroup &tg) -> QCoro::Task<Value> {
                    for (Child &c : set)
                        tg.createTask(c.name, c.body);
                    co_return {};
                };
                co_return co_await asyncio::taskGroup(ctx, body);
            }
            if (helper == QLatin1String("trio.nursery")) {
                const NurseryBody body = [&set](Ctx, Nursery &n) -> QCoro::Task<Value> {
                    for (Child &c : set)
                        trio::startSoon(n, c.name, c.body);
                    co_return {};
                };
                co_return co_await trio::openNursery(ctx, body);
            }
            if (helper == QLatin1String("asyncgui.wait_all")) {
                co_await asyncgui::waitAll(ctx, std::move(set));
                co_return {};
            }
            if (helper == QLatin1String("haiway.concurrently"))
                co_return co_await haiway::concurrently(ctx, std::make_shared<ListSource>(std::move(set)), {.concurrentTasks = 3});
            concurry::GatherOptions options;
            options.polling = PollAlgorithm::Fixed;
            options.pollInterval = 1;
            if (helper == QLatin1String("concurry.gather"))
                co_return co_await concurry::gather(ctx, std::move(set), options);
            if (helper == QLatin1String("concurry.async_gather"))
                co_return co_await concurry::asyncGather(ctx, std::move(set), options);
            const concurry::DoneNotDone sets = co_await concurry::wait(
                ctx, std::move(set), {.returnWhen = concurry::ReturnWhen::FirstException, .polling = PollAlgorithm::Fixed, .pollInterval = 1});
            co_return sets.describe(*ctx.rt);
        });
        QCOMPARE(summary(rt), expected);
    }

    void sc29TimeoutFlavoursSideBySide_data()
    {
        QTest::addColumn<QString>("helper");
        QTest::addColumn<QString>("expected");
        // A:3, B:1, timeout 2 (helper-semantics §10 SC29; trio's block is A itself).
        QTest::newRow("asyncio.wait: returns done and pending")
            << "asyncio.wait" << "main: completed 'done={B}, pending={A}' at 2; A: completed at 3; B: completed at 1";
        QTest::newRow("concurry wait: TimeoutError, nothing cancelled")
            << "concurry.wait" << "main: failed TimeoutError('wait() timed out after 2. Completed 1/2 futures.') at 2; A: completed at 3; B: completed at 1";
        QTest::newRow("concurry async_gather: cancels the unfinished")
            << "concurry.async_gather" << "main: failed TimeoutError('async_gather() timed out after 2. Completed 1/2 tasks.') at 2; A: cancelled at 2; B: completed at 1";
        QTest::newRow("haiway @timeout: TimeoutError, A cancelled")
            << "haiway.timeout" << "main: failed TimeoutError() at 2; A: cancelled at 2";
        QTest::newRow("trio move_on_after: the block is left")
            << "trio.move_on_after" << "main: completed 'cancelled_caught=true' at 2";
        QTest::newRow("trio fail_after: TooSlowError") << "trio.fail_after" << "main: failed TooSlowError() at 2";
    }

    void sc29TimeoutFlavoursSideBySide()
    {
        QFETCH(QString, helper);
        QFETCH(QString, expected);
        Runtime rt(helper.startsWith(QLatin1String("trio")) ? Profile::trio() : Profile::asyncio());
        runMain(rt, [helper](Ctx ctx) -> QCoro::Task<Value> {
            auto set = kids({"A:3", "B:1"});
            if (helper == QLatin1String("asyncio.wait")) {
                const asyncio::DonePending r = co_await asyncio::wait(ctx, std::move(set), {.timeout = 2});
                co_return r.describe(*ctx.rt);
            }
            if (helper == QLatin1String("concurry.wait")) {
                co_await concurry::wait(ctx, std::move(set), {.timeout = 2, .polling = PollAlgorithm::Fixed, .pollInterval = 1});
                co_return {};
            }
            if (helper == QLatin1String("concurry.async_gather"))
                co_return co_await concurry::asyncGather(ctx, std::move(set), {.timeout = 2});
            const Body a = sleeper(3, "A");
            if (helper == QLatin1String("haiway.timeout"))
                co_return co_await haiway::timeout(ctx, 2, a, QStringLiteral("A"));
            if (helper == QLatin1String("trio.fail_after"))
                co_return co_await trio::failAfter(ctx, 2, a);
            const trio::ScopeResult r = co_await trio::moveOnAfter(ctx, 2, a);
            co_return QStringLiteral("cancelled_caught=%1").arg(yes(r.cancelledCaught));
        });
        QCOMPARE(summary(rt), expected);
    }

    void aCallerCancelledMidWaitCancelsAndJoinsOrLeaks_data()
    {
        QTest::addColumn<QString>("helper");
        QTest::addColumn<QString>("expected");
        // A:3, B:5; the caller is cancelled at 2. Structured helpers cancel and join; the others leak.
        const QString joined = QStringLiteral("main: cancelled at 2; A: cancelled at 2; B: cancelled at 2");
        const QString leaked = QStringLiteral("main: cancelled at 2; A: completed at 3; B: completed at 5");
        QTest::newRow("trio nursery: cancel + join") << "trio.nursery" << joined;
        QTest::newRow("trio-util wait_all: cancel + join") << "trio.wait_all" << joined;
        QTest::newRow("asyncio.TaskGroup: cancel + join") << "asyncio.TaskGroup" << joined;
        QTest::newRow("asyncio.gather: cancels its children") << "asyncio.gather" << joined;
        QTest::newRow("asyncio.wait: leaks") << "asyncio.wait" << leaked;
        QTest::newRow("concurry wait: leaks") << "concurry.wait" << leaked;
        QTest::newRow("concurry async_gather: leaks") << "concurry.async_gather" << leaked;
    }

    void aCallerCancelledMidWaitCancelsAndJoinsOrLeaks()
    {
        QFETCH(QString, helper);
        QFETCH(QString, expected);
        Runtime rt(helper.startsWith(QLatin1String("trio")) ? Profile::trio() : Profile::asyncio());
        rt.spawn(NoId, QStringLiteral("main"), [helper](Ctx ctx) -> QCoro::Task<Value> {
            auto set = kids({"A:3", "B:5"});
            if (helper == QLatin1String("trio.nursery")) {
                const NurseryBody body = [&set](Ctx, Nursery &n) -> QCoro::Task<Value> {
                    for (Child &c : set)
                        trio::startSoon(n, c.name, c.body);
                    co_return {};
                };
                co_return co_await trio::openNursery(ctx, body);
            }
            if (helper == QLatin1String("trio.wait_all"))
                co_return co_await trioutil::waitAll(ctx, std::move(set));
            if (helper == QLatin1String("asyncio.TaskGroup")) {
                const asyncio::TaskGroupBody body = [&set](Ctx, asyncio::TaskGroup &tg) -> QCoro::Task<Value> {
                    for (Child &c : set)
                        tg.createTask(c.name, c.body);
                    co_return {};
                };
                co_return co_await asyncio::taskGroup(ctx, body);
            }
            if (helper == QLatin1String("asyncio.gather"))
                co_return co_await asyncio::gather(ctx, std::move(set));
            if (helper == QLatin1String("asyncio.wait")) {
                co_await asyncio::wait(ctx, std::move(set));
                co_return {};
            }
            if (helper == QLatin1String("concurry.wait")) {
                co_await concurry::wait(ctx, std::move(set), {.polling = PollAlgorithm::Fixed, .pollInterval = 1});
                co_return {};
            }
            co_return co_await concurry::asyncGather(ctx, std::move(set));
        });
        rt.scheduleCancel(0, 2, QStringLiteral("caller cancelled"));
        rt.scheduler().runUntilIdle();
        QCOMPARE(summary(rt), expected);
    }
};

QTEST_GUILESS_MAIN(TestReference)
#include "tst_reference.moc"
