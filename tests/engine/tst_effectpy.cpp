// effectpy's concurrency helpers (zip_par, race/race_first/race_all, for_each_par, merge_all,
// Effect.timeout, uninterruptible) on the engine, event by event against helper-semantics.md §10
// (SC01, SC02, SC03, SC21, SC26, SC29, SC37, SC40 pool and batches) and the §7 edge cases.
// Resilience, resources, queues, streams and fibers: tst_effectpyresilience.cpp.

#include "effectpyleaves.h"

#include <QTest>

#include <set>

using namespace engine;
using namespace testing::effectpy;
using testing::lines;
using testing::outcomes;

namespace {

// One helper call over leaf specs, by name (the data-driven rows pick helpers this way).
Call helperCall(const QString &helper, const QStringList &specs)
{
    if (helper == QLatin1String("zip_par"))
        return [specs](Ctx ctx) -> QCoro::Task<Value> { co_return co_await ep::zipPar(ctx, leaf(specs[0]), leaf(specs[1])); };
    if (helper == QLatin1String("zip_par symmetric"))
        return [specs](Ctx ctx) -> QCoro::Task<Value> { co_return co_await ep::zipParSymmetric(ctx, leaf(specs[0]), leaf(specs[1])); };
    if (helper == QLatin1String("race"))
        return [specs](Ctx ctx) -> QCoro::Task<Value> { co_return co_await ep::race(ctx, leaf(specs[0]), leaf(specs[1])); };
    if (helper == QLatin1String("race_first"))
        return [specs](Ctx ctx) -> QCoro::Task<Value> { co_return co_await ep::raceFirst(ctx, leaves(specs)); };
    if (helper == QLatin1String("race_all"))
        return [specs](Ctx ctx) -> QCoro::Task<Value> { co_return co_await ep::raceAll(ctx, leaves(specs)); };
    if (helper == QLatin1String("race first success"))
        return [specs](Ctx ctx) -> QCoro::Task<Value> { co_return co_await ep::raceFirstSuccess(ctx, leaves(specs)); };
    if (helper == QLatin1String("for_each_par"))
        return [specs](Ctx ctx) -> QCoro::Task<Value> { co_return co_await ep::forEachPar(ctx, source(specs)); };
    if (helper == QLatin1String("merge_all"))
        return [specs](Ctx ctx) -> QCoro::Task<Value> { co_return co_await ep::mergeAll(ctx, leaves(specs)); };
    if (helper == QLatin1String("merge_all preserve_order")) {
        return [specs](Ctx ctx) -> QCoro::Task<Value> {
            ep::MergeAllOptions options;
            options.preserveOrder = true;
            co_return co_await ep::mergeAll(ctx, leaves(specs), options);
        };
    }
    if (helper == QLatin1String("timeout(10)"))
        return [specs](Ctx ctx) -> QCoro::Task<Value> { co_return co_await ep::timeout(ctx, leaf(specs[0]), 10); };
    if (helper == QLatin1String("uninterruptible"))
        return [specs](Ctx ctx) -> QCoro::Task<Value> { co_return co_await ep::uninterruptible(ctx, leaf(specs[0])); };
    if (helper == QLatin1String("uninterruptible shielded"))
        return [specs](Ctx ctx) -> QCoro::Task<Value> { co_return co_await ep::uninterruptibleShielded(ctx, leaf(specs[0])); };
    return {};
}

// SC26: race(primary, sleep(10) then fail("timeout")).catch_all(lambda _: FB).
QCoro::Task<Value> timeoutWithFallback(Ctx ctx, QString primary, bool clock, bool firstSuccess)
{
    const ep::Services services = clock ? ep::Services::withClock() : ep::Services{};
    const ep::Effect timer = ep::sleep(services, 10)
                                 .flatMap([](const Value &) { return ep::fail(QStringLiteral("timer"), QStringLiteral("timeout")); })
                                 .named(QStringLiteral("timer"));
    const ep::Effect p = leaf(primary);
    const ep::Effect raced(QStringLiteral("race"), [p, timer, firstSuccess](Ctx c) {
        return firstSuccess ? ep::raceFirstSuccess(c, {p, timer}) : ep::race(c, p, timer);
    });
    const ep::FailureHandler fallback = [](const Error &) { return ep::succeed(QStringLiteral("FB"), QStringLiteral("FB")); };
    co_return co_await ep::catchAll(ctx, raced, fallback);
}

QString raceFirstWinner(quint64 seed)
{
    Profile profile = Profile::asyncio();
    profile.seed = seed;
    Runtime rt(profile);
    runMain(rt, helperCall(QStringLiteral("race_first"), {"A:1", "B:1", "C:1"}));
    return rt.result(0).toString();
}

} // namespace

class TestEffectpy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // §10 SC01 ------------------------------------------------------------------------------------
    void sc01ForEachParStartsItemsInInputOrderAsSlotsFree()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const auto items = source({"A:3", "B:1", "C:1", "D:2"});
            co_return co_await ep::forEachPar(ctx, items, {.parallelism = 2});
        });
        dumpIfAsked(rt.trace());
        // Every task exists and starts at once; it then queues on the FIFO semaphore.
        QCOMPARE(starts(rt.trace()), QStringList({"t=0 A started", "t=0 B started", "t=0 C started", "t=0 D started"}));
        QCOMPARE(lines(rt.trace(), {EventKind::SlotAcquired}), QStringList({
                                                                  "t=0 A slot acquired in - (1 in use)",
                                                                  "t=0 B slot acquired in - (2 in use)",
                                                                  "t=1 C slot acquired in - (2 in use)",
                                                                  "t=2 D slot acquired in - (2 in use)",
                                                              }));
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=1 B completed 'B'",
                                           "t=2 C completed 'C'",
                                           "t=3 A completed 'A'",
                                           "t=4 D completed 'D'",
                                           "t=4 main completed ['A', 'B', 'C', 'D']",
                                       }));
    }

    // §10 SC02 ------------------------------------------------------------------------------------
    void sc02MergeAllCollectsInCompletionOrderAndRefillsOnePerFreedSlot()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const auto items = source({"A:3", "B:1", "C:1", "D:2"});
            co_return co_await ep::mergeAll(ctx, items, {.parallelism = 2});
        });
        QCOMPARE(lines(rt.trace(), {EventKind::ItemPulled}),
                 QStringList({"t=0 main item pulled A", "t=0 main item pulled B", "t=1 main item pulled C", "t=2 main item pulled D"}));
        QCOMPARE(starts(rt.trace()), QStringList({"t=0 A started", "t=0 B started", "t=1 C started", "t=2 D started"}));
        QCOMPARE(outcomes(rt.trace()).last(), QStringLiteral("t=4 main completed ['B', 'C', 'A', 'D']"));
    }

    void sc02MergeAllPreserveOrderRunsTheRestSequentially()
    {
        // First batch A, B gathered until 3; then C 3→4 and D 4→6, one at a time: done at 6, not 4.
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const auto items = source({"A:3", "B:1", "C:1", "D:2"});
            co_return co_await ep::mergeAll(ctx, items, {.parallelism = 2, .preserveOrder = true});
        });
        QCOMPARE(starts(rt.trace()), QStringList({"t=0 A started", "t=0 B started", "t=3 C started", "t=4 D started"}));
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=1 B completed 'B'",
                                           "t=3 A completed 'A'",
                                           "t=4 C completed 'C'",
                                           "t=6 D completed 'D'",
                                           "t=6 main completed ['A', 'B', 'C', 'D']",
                                       }));
    }

    // §10 SC03 ------------------------------------------------------------------------------------
    void sc03DefaultLimitsStartEverything_data()
    {
        QTest::addColumn<QString>("helper");
        QTest::addColumn<QString>("result");
        QTest::newRow("for_each_par (parallelism=10)") << "for_each_par" << "['A', 'B', 'C', 'D']";
        QTest::newRow("merge_all (parallelism=None)") << "merge_all" << "['B', 'C', 'D', 'A']";
    }

    void sc03DefaultLimitsStartEverything()
    {
        QFETCH(QString, helper);
        QFETCH(QString, result);
        Runtime rt(Profile::asyncio());
        runMain(rt, helperCall(helper, {"A:3", "B:1", "C:1", "D:2"}));
        QCOMPARE(starts(rt.trace()), QStringList({"t=0 A started", "t=0 B started", "t=0 C started", "t=0 D started"}));
        QCOMPARE(outcomes(rt.trace()).last(), QStringLiteral("t=3 main completed %1").arg(result));
    }

    // §10 SC21 ------------------------------------------------------------------------------------
    void sc21RaceEndsOnTheFirstSettlementEvenAFailure()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, helperCall("race", {"A:1!", "B:2"}));
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=1 A failed Failure('A')", "t=1 B cancelled", "t=1 main failed Failure('A')"}));
        QCOMPARE(lines(rt.trace(), {EventKind::ErrorPropagated, EventKind::CancelRequested, EventKind::ErrorsGrouped}),
                 QStringList({"t=1 A error propagated to race", "t=1 cancel B by main: A settled first", "t=1 race raises Failure('A')"}));
        // The cancel request was caused by A's failure reaching the race.
        for (const TraceEvent &e : rt.trace().events())
            if (e.kind == EventKind::CancelRequested)
                QCOMPARE(rt.trace().at(e.cause).kind, EventKind::ErrorPropagated);
    }

    void sc21GuideIntentRaceWaitsForTheFirstSuccess()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, helperCall("race first success", {"A:1!", "B:2"}));
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=1 A failed Failure('A')", "t=2 B completed 'B'", "t=2 main completed 'B'"}));
    }

    // §10 SC26 ------------------------------------------------------------------------------------
    void sc26TimeoutPlusFallbackBuiltFromARace_data()
    {
        QTest::addColumn<QString>("primary");
        QTest::addColumn<bool>("clock");
        QTest::addColumn<bool>("firstSuccess");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("(a) primary first") << "P:2" << true << false
                                           << QStringList{"t=2 P completed 'P'", "t=2 timer cancelled", "t=2 main completed 'P'"};
        QTest::newRow("(b) timer first") << "P:40" << true << false
                                         << QStringList{"t=10 timer failed Failure('timeout')", "t=10 P cancelled", "t=10 main completed 'FB'"};
        QTest::newRow("(c) quick failure falls back at its own time")
            << "P:2!" << true << false << QStringList{"t=2 P failed Failure('P')", "t=2 timer cancelled", "t=2 main completed 'FB'"};
        QTest::newRow("(c) under first-success semantics")
            << "P:2!" << true << true << QStringList{"t=2 P failed Failure('P')", "t=10 timer failed Failure('timeout')", "t=10 main completed 'FB'"};
        QTest::newRow("(d) no Clock: a defect catch_all lets through")
            << "P:2" << false << false
            << QStringList{"t=0 timer failed KeyError('Missing service: Clock')", "t=0 P cancelled", "t=0 main failed KeyError('Missing service: Clock')"};
    }

    void sc26TimeoutPlusFallbackBuiltFromARace()
    {
        QFETCH(QString, primary);
        QFETCH(bool, clock);
        QFETCH(bool, firstSuccess);
        QFETCH(QStringList, expected);
        Runtime rt(Profile::asyncio());
        runMain(rt, [=](Ctx ctx) { return timeoutWithFallback(ctx, primary, clock, firstSuccess); });
        dumpIfAsked(rt.trace());
        QCOMPARE(outcomes(rt.trace()), expected);
    }

    // §10 SC29 ------------------------------------------------------------------------------------
    void sc29EffectTimeoutCancelsAndJoinsTheInnerAndSucceedsWithNone()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const ep::Effect limited = leaf("A:3").timeout(2);
            co_return co_await limited.body(ctx);
        });
        dumpIfAsked(rt.trace());
        QCOMPARE(lines(rt.trace(), {EventKind::TimerSet, EventKind::TimerFired, EventKind::CancelRequested, EventKind::Completed, EventKind::Cancelled}),
                 QStringList({
                     "t=0 timeout(2) deadline at 2",
                     "t=2 timeout(2) deadline reached",
                     "t=2 cancel A by main: timeout(2) expired",
                     "t=2 A cancelled",
                     "t=2 main completed",
                 }));
        QVERIFY(rt.result(0).isNull());   // None, not an error
    }

    void effectTimeoutReturnsTheValueWhenInTime()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> { co_return co_await ep::timeout(ctx, leaf("B:1"), 2); });
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=1 B completed 'B'", "t=1 main completed 'B'"}));
    }

    void effectTimeoutDeadlineTieGoesToTheDeadline()
    {
        // The deadline was registered before the inner task's sleep: at 2 it fires first (asyncio:
        // the cancel reaches the woken task before it runs).
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> { co_return co_await ep::timeout(ctx, leaf("A:2"), 2); });
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=2 A cancelled", "t=2 main completed"}));
    }

    // §10 SC37 and §7.2 "caller cancelled": leaks vs structured ---------------------------------------
    void sc37CallerCancelledMidWait_data()
    {
        QTest::addColumn<QString>("helper");
        QTest::addColumn<QStringList>("specs");
        QTest::addColumn<QStringList>("expected");
        const QStringList structured{"t=2 A cancelled", "t=2 B cancelled", "t=2 main cancelled"};
        const QStringList leaked{"t=2 main cancelled", "t=4 A completed 'A'", "t=5 B completed 'B'"};
        QTest::newRow("zip_par: cancels and drains both") << "zip_par" << QStringList{"A:4", "B:5"} << structured;
        QTest::newRow("race: racers leak") << "race" << QStringList{"A:4", "B:5"} << leaked;
        QTest::newRow("for_each_par: tasks leak") << "for_each_par" << QStringList{"A:4", "B:5"} << leaked;
        QTest::newRow("merge_all: tasks leak") << "merge_all" << QStringList{"A:4", "B:5"} << leaked;
        QTest::newRow("merge_all preserve_order: first batch cancelled (gather)") << "merge_all preserve_order" << QStringList{"A:4", "B:5"} << structured;
        QTest::newRow("Effect.timeout: inner cancelled and joined") << "timeout(10)" << QStringList{"A:4"}
                                                                    << QStringList{"t=2 A cancelled", "t=2 main cancelled"};
        QTest::newRow("uninterruptible does not protect") << "uninterruptible" << QStringList{"A:4"}
                                                          << QStringList{"t=2 A cancelled", "t=2 main cancelled"};
        QTest::newRow("uninterruptible as intended (shielded)") << "uninterruptible shielded" << QStringList{"A:4"}
                                                                << QStringList{"t=4 A completed 'A'", "t=4 main cancelled"};
        QTest::newRow("guide zip_par (symmetric): structured too") << "zip_par symmetric" << QStringList{"A:4", "B:5"} << structured;
    }

    void sc37CallerCancelledMidWait()
    {
        QFETCH(QString, helper);
        QFETCH(QStringList, specs);
        QFETCH(QStringList, expected);
        Runtime rt(Profile::asyncio());
        runMain(rt, helperCall(helper, specs), 2);
        dumpIfAsked(rt.trace());
        QCOMPARE(outcomes(rt.trace()), expected);
    }

    void uninterruptibleForwardsTheCallersCancellationIntoItsTask()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, helperCall("uninterruptible", {"A:4"}), 2);
        QCOMPARE(lines(rt.trace(), {EventKind::CancelRequested, EventKind::CancelDelivered}),
                 QStringList({
                     "t=2 cancel main by -: caller cancelled",
                     "t=2 main cancel delivered at join",
                     "t=2 cancel A by main: forwarded: the caller was cancelled",
                     "t=2 A cancel delivered at sleep",
                 }));
    }

    void leakedTasksKeepTheirScopeOpenUntilTheLastEnds()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, helperCall("race", {"A:4", "B:5"}), 2);
        QCOMPARE(lines(rt.trace(), {EventKind::ScopeExited}), QStringList({"t=5 main exited race (last leaked task ended)"}));
    }

    // §7.2 zip_par's asymmetry ------------------------------------------------------------------------
    void zipParFailFastOnlyForItsFirstArgument_data()
    {
        QTest::addColumn<QString>("helper");
        QTest::addColumn<QStringList>("specs");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("both succeed") << "zip_par" << QStringList{"A:2", "B:3"}
                                      << QStringList{"t=2 A completed 'A'", "t=3 B completed 'B'", "t=3 main completed ['A', 'B']"};
        QTest::newRow("e1 fails: e2 cancelled at once") << "zip_par" << QStringList{"A:1!", "B:3"}
                                                        << QStringList{"t=1 A failed Failure('A')", "t=1 B cancelled", "t=1 main failed Failure('A')"};
        QTest::newRow("e2 fails: noticed only when e1 completes")
            << "zip_par" << QStringList{"A:3", "B:1!"} << QStringList{"t=1 B failed Failure('B')", "t=3 A completed 'A'", "t=3 main failed Failure('B')"};
        QTest::newRow("guide intent: symmetric")
            << "zip_par symmetric" << QStringList{"A:3", "B:1!"} << QStringList{"t=1 B failed Failure('B')", "t=1 A cancelled", "t=1 main failed Failure('B')"};
    }

    void zipParFailFastOnlyForItsFirstArgument()
    {
        QFETCH(QString, helper);
        QFETCH(QStringList, specs);
        QFETCH(QStringList, expected);
        Runtime rt(Profile::asyncio());
        runMain(rt, helperCall(helper, specs));
        QCOMPARE(outcomes(rt.trace()), expected);
    }

    // §7.7 ties --------------------------------------------------------------------------------------
    void raceTiesGoToSetOrderReproduciblePerSeed()
    {
        std::set<QString> winners;
        for (quint64 seed = 0; seed < 16; ++seed) {
            const QString winner = raceFirstWinner(seed);
            QCOMPARE(raceFirstWinner(seed), winner);   // same seed, same winner
            winners.insert(winner);
        }
        QVERIFY(winners.size() > 1);   // not input order, not FIFO: it moves with the seed
    }

    void inATieEveryRacerHasCompletedAndNoneIsCancelled()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, helperCall("race_first", {"A:1", "B:1", "C:1"}));
        QCOMPARE(outcomes(rt.trace()).mid(0, 3), QStringList({"t=1 A completed 'A'", "t=1 B completed 'B'", "t=1 C completed 'C'"}));
        QVERIFY(lines(rt.trace(), {EventKind::CancelRequested}).isEmpty());
    }

    void fifoTieBreakPicksTheFirstToEnd()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const auto racers = leaves({"A:1", "B:1", "C:1"});
            co_return co_await ep::raceFirst(ctx, racers, {.ties = TieBreak::Fifo});
        });
        QCOMPARE(rt.result(0).toString(), QStringLiteral("A"));
    }

    void mergeAllSameTurnResultsFollowSetOrder()
    {
        QSet<QString> orders;
        for (quint64 seed = 0; seed < 16; ++seed) {
            Profile profile = Profile::asyncio();
            profile.seed = seed;
            Runtime rt(profile);
            runMain(rt, helperCall("merge_all", {"A:1", "B:1", "C:1"}));
            const QStringList values = rt.result(0).toStringList();
            QCOMPARE(QSet<QString>(values.begin(), values.end()), QSet<QString>({"A", "B", "C"}));
            orders.insert(values.join(QLatin1Char(',')));
        }
        QVERIFY(orders.size() > 1);
    }

    void forEachParSameTurnFailuresRaiseOneInSetOrder()
    {
        QSet<QString> raised;
        for (quint64 seed = 0; seed < 16; ++seed) {
            QString first;
            for (int run = 0; run < 2; ++run) {
                Profile profile = Profile::asyncio();
                profile.seed = seed;
                Runtime rt(profile);
                runMain(rt, helperCall("for_each_par", {"A:1!", "B:1!"}));
                const QString error = rt.task(0).error->describe();
                QVERIFY(run == 0 || error == first);   // reproducible per seed
                first = error;
            }
            raised.insert(first);
        }
        QCOMPARE(raised, QSet<QString>({"Failure('A')", "Failure('B')"}));
    }

    // §7.8 finishing while being cancelled ------------------------------------------------------------
    void aLoserThatSwallowsItsCancellationCompletesAndIsDrained()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, helperCall("race", {"A:1", "B:3~"}));
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=1 A completed 'A'", "t=1 B completed 'B (swallowed)'", "t=1 main completed 'A'"}));
        QVERIFY(rt.task(2).cancelRequested);
    }

    void effectTimeoutReturnsWhatAnInnerThatSwallowedTheCancellationReturned()
    {
        // wait_for: after cancelling, `return fut.result()`: a value, not a timeout.
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> { co_return co_await ep::timeout(ctx, leaf("A:3~"), 2); });
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=2 A completed 'A (swallowed)'", "t=2 main completed 'A (swallowed)'"}));
    }

    void aCallerCancelledWhileTheRaceDrainsIsSwallowed()
    {
        // The loser B cleans up for 2 after its cancellation at 1. The caller's cancellation at 2 is
        // forwarded into B by the drain's await and then swallowed (`except BaseException: pass`):
        // the race returns its winner.
        Runtime rt(Profile::asyncio());
        runMain(rt, helperCall("race", {"A:1", "B:5c"}), 2);
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=1 A completed 'A'", "t=2 B cancelled", "t=2 main completed 'A'"}));
        QCOMPARE(lines(rt.trace(), {EventKind::CancelRequested}),
                 QStringList({"t=1 cancel B by main: A settled first", "t=2 cancel main by -: caller cancelled",
                              "t=2 cancel B by main: forwarded: the caller was cancelled"}));
    }

    // race_first / race_all -----------------------------------------------------------------------------
    void raceAllReturnsTheWinnersIndexAndValue()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, helperCall("race_all", {"A:3", "B:1", "C:2"}));
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=1 B completed 'B'", "t=1 A cancelled", "t=1 C cancelled", "t=1 main completed [1, 'B']"}));
    }

    void racesOverNothingRaiseRuntimeError_data()
    {
        QTest::addColumn<bool>("all");
        QTest::addColumn<QString>("error");
        QTest::newRow("race_first") << false << "RuntimeError('race_first on empty iterable')";
        QTest::newRow("race_all") << true << "RuntimeError('race_all on empty iterable')";
    }

    void racesOverNothingRaiseRuntimeError()
    {
        QFETCH(bool, all);
        QFETCH(QString, error);
        Runtime rt(Profile::asyncio());
        runMain(rt, [all](Ctx ctx) -> QCoro::Task<Value> {
            const std::vector<ep::Effect> none;
            if (all)
                co_return co_await ep::raceAll(ctx, none);
            co_return co_await ep::raceFirst(ctx, none);
        });
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=0 main failed " + error}));
    }

    void aRacerCancelledFromElsewhereEndsTheRaceWithCancelledError()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            ctx.rt->scheduleCancel(TaskId(ctx.rt->taskCount()), 1, QStringLiteral("someone else"));   // A, spawned next
            co_return co_await ep::race(ctx, leaf("A:3"), leaf("B:2"));
        });
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=1 A cancelled", "t=1 B cancelled", "t=1 main cancelled"}));
    }

    // for_each_par ------------------------------------------------------------------------------------
    void forEachParDropsNoneResults()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const ep::ItemEffect f = [](const QVariant &item) {
                const int n = item.toInt();
                return leaf(QStringLiteral("%1:%2%3").arg(n).arg(n).arg(n % 2 == 0 ? "?" : ""));
            };
            const QVariantList items{1, 2, 3, 4};
            co_return co_await ep::forEachPar(ctx, items, f);
        });
        QCOMPARE(outcomes(rt.trace()).last(), QStringLiteral("t=4 main completed ['1', '3']"));
    }

    void forEachParFirstFailureCancelsAndDrainsThePendingAndRaisesBare()
    {
        // A slot freed at the failure instant lets C take it, and C is cancelled at that instant.
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const auto items = source({"A:3!", "B:5", "C:2"});
            co_return co_await ep::forEachPar(ctx, items, {.parallelism = 2});
        });
        dumpIfAsked(rt.trace());
        QCOMPARE(lines(rt.trace(), {EventKind::SlotAcquired}).last(), QStringLiteral("t=3 C slot acquired in - (2 in use)"));
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=3 A failed Failure('A')", "t=3 B cancelled", "t=3 C cancelled", "t=3 main failed Failure('A')"}));
        QCOMPARE(lines(rt.trace(), {EventKind::CancelRequested}), QStringList({"t=3 cancel B by main: A failed", "t=3 cancel C by main: A failed"}));
    }

    void forEachParInputThatRaisesRaisesBeforeAnythingStarts()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            auto items = source({"A:1", "B:1", "C:1"});
            items->raiseAfter(2, Error::plain("OSError", "input broke"));
            co_return co_await ep::forEachPar(ctx, items);
        });
        QCOMPARE(rt.taskCount(), 1);   // only main: no task was created
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=0 main failed OSError('input broke')"}));
    }

    void forEachParParallelismBelowOneBehavesAsOne()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const auto items = source({"A:1", "B:1"});
            co_return co_await ep::forEachPar(ctx, items, {.parallelism = 0});
        });
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=1 A completed 'A'", "t=2 B completed 'B'", "t=2 main completed ['A', 'B']"}));
    }

    // merge_all -------------------------------------------------------------------------------------
    void mergeAllFirstFailureCancelsAndDrainsThePending()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, helperCall("merge_all", {"A:3", "B:1!", "C:2"}));
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=1 B failed Failure('B')", "t=1 A cancelled", "t=1 C cancelled", "t=1 main failed Failure('B')"}));
    }

    void mergeAllInputErrorWhileRefillingLeaksThePending()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            auto items = source({"A:1", "B:5", "C:1"});
            items->raiseAfter(2, Error::plain("OSError", "input broke"));
            co_return co_await ep::mergeAll(ctx, items, {.parallelism = 2});
        });
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=1 A completed 'A'", "t=1 main failed OSError('input broke')", "t=5 B completed 'B'"}));
        QVERIFY(lines(rt.trace(), {EventKind::CancelRequested}).isEmpty());
    }

    void manyTasksAreWaitedForInOnePass()
    {
        // The wait counts each end once (no rescan per end): 5000 items stay cheap.
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            QVariantList items;
            for (int i = 0; i < 5000; ++i)
                items << i;
            const ep::ItemEffect f = [](const QVariant &item) { return leaf(QStringLiteral("%1:%2").arg(item.toInt()).arg(1 + item.toInt() % 7)); };
            const QVariantList results = co_await ep::forEachPar(ctx, items, f, {.parallelism = 5000});
            co_return int(results.size());
        });
        QCOMPARE(rt.result(0).toInt(), 5000);
        QCOMPARE(rt.endTime(0), Tick(7));
    }

    // Teardown ---------------------------------------------------------------------------------------
    void destroyingAnUnfinishedRunUnwindsEveryHelperInFlight()
    {
        const QStringList helpers{"zip_par", "race", "for_each_par", "merge_all", "merge_all preserve_order", "timeout(10)",
                                  "uninterruptible", "uninterruptible shielded"};
        for (const QString &helper : helpers) {
            Runtime rt(Profile::asyncio());
            spawnMain(rt, helperCall(helper, {"A:4c", "B:5"}));
            rt.scheduleCancel(0, 2, QStringLiteral("caller cancelled"));
            rt.scheduler().advanceTo(3);   // leaked tasks, cleanups and joins in flight
            QVERIFY2(!rt.allTasksDone(), qPrintable(helper));
        }   // the runtime resumes every frame with Cancelled; the sanitizers watch
    }

    // §10 SC40 --------------------------------------------------------------------------------------
    void sc40APoolOfThreeLimitsTenParallelOperations()
    {
        // The guide's pool: connections in a Queue(3); each operation acquire_release()s one.
        Runtime rt(Profile::asyncio());
        auto pool = std::make_shared<ep::Queue>(rt, 3, QStringLiteral("pool"));
        runMain(rt, [pool](Ctx ctx) -> QCoro::Task<Value> {
            for (int c = 0; c < 3; ++c) {
                const QVariant connection = c;
                co_await pool->send(ctx, connection);
            }
            const ep::ItemEffect operation = [pool](const QVariant &op) {
                const ep::Effect acquire(QStringLiteral("acquire"), [pool](Ctx c) -> QCoro::Task<Value> { co_return co_await pool->receive(c); });
                const ep::Continuation release = [pool](const Value &conn) {
                    return ep::Effect(QStringLiteral("release"), [pool, conn](Ctx c) -> QCoro::Task<Value> {
                        co_await pool->send(c, conn);
                        co_return Value();
                    });
                };
                const ep::Continuation use = [op](const Value &conn) {
                    return leaf(QStringLiteral("op%1@conn%2:1").arg(op.toInt()).arg(conn.toInt()));
                };
                return ep::Effect(op.toString(), [acquire, release, use](Ctx c) { return ep::acquireRelease(c, acquire, release, use); });
            };
            QVariantList ops;
            for (int i = 0; i < 10; ++i)
                ops << i;
            co_return co_await ep::forEachPar(ctx, ops, operation, {.parallelism = 10});
        });
        QStringList ends;
        for (TaskId t = 1; t <= 10; ++t)
            ends << QString::number(rt.endTime(t));
        QCOMPARE(ends.join(QLatin1Char(' ')), QStringLiteral("1 1 1 2 2 2 3 3 3 4"));
        const QStringList results = rt.result(0).toStringList();
        QCOMPARE(results.mid(0, 4), QStringList({"op0@conn0", "op1@conn1", "op2@conn2", "op3@conn0"}));   // FIFO hand-off
        QCOMPARE(rt.endTime(0), Tick(4));
    }

    void sc40BatchesRunAsWavesAndFlatten()
    {
        // 1000 items in batches of 50: 20 batches of one unit, parallelism 5 → 4 waves, done at 4.
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            QVariantList batches;
            for (int b = 0; b < 20; ++b)
                batches << b;
            const ep::ItemEffect batch = [](const QVariant &b) {
                return ep::Effect(b.toString(), [first = b.toInt() * 50](Ctx c) -> QCoro::Task<Value> {
                    co_await c.sleep(1);
                    QVariantList items;
                    for (int i = first; i < first + 50; ++i)
                        items << i;
                    co_return items;
                });
            };
            const QVariantList results = co_await ep::forEachPar(ctx, batches, batch, {.parallelism = 5});
            QVariantList flat;
            for (const QVariant &chunk : results)
                flat << chunk.toList();
            co_return flat;
        });
        const QVariantList flat = rt.result(0).toList();
        QCOMPARE(flat.size(), 1000);
        QCOMPARE(flat.front().toInt(), 0);
        QCOMPARE(flat.back().toInt(), 999);
        QCOMPARE(rt.endTime(0), Tick(4));
        QStringList waves;
        for (TaskId t = 1; t <= 20; t += 5)
            waves << QString::number(rt.endTime(t));
        QCOMPARE(waves, QStringList({"1", "2", "3", "4"}));
    }
};

QTEST_GUILESS_MAIN(TestEffectpy)
#include "tst_effectpy.moc"
