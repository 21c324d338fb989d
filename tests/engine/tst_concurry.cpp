// Concurry's helper set (helper-semantics §4): wait / gather / gather(iter=True) / async_wait /
// async_gather over futures that are already running, completion noticed at poll instants,
// nothing cancelled (except async_gather on timeout), worker retries on the virtual clock.
// Timelines SC19, SC21 (concurry line), SC27 (concurry lines), SC29 (concurry lines), SC38
// (concurry line) and the §7 edge cases, asserted event by event.

#include "tracematch.h"

#include "engine/helpers/concurry.h"
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

// Children from specs: "A:3" completes with 'A' at 3, "b:1!" raises ValueError('B') at 1 (values
// and messages are the names in upper case: the dict of SC19 maps "b" to B's result 'B').
std::vector<Child> futures(const QStringList &specs)
{
    std::vector<Child> out;
    for (const QString &spec : specs) {
        const QString name = spec.section(QLatin1Char(':'), 0, 0);
        QString rest = spec.section(QLatin1Char(':'), 1);
        const bool fails = rest.endsWith(QLatin1Char('!'));
        rest.remove(QLatin1Char('!'));
        const QString value = name.toUpper();
        out.push_back({name, fails ? failer(rest.toLongLong(), value) : sleeper(rest.toLongLong(), value)});
    }
    return out;
}

QStringList polls(const Trace &trace)
{
    QStringList out;
    for (const QString &line : lines(trace, {EventKind::ValueEmitted}))
        if (line.contains(QLatin1String("poll")) || line.contains(QLatin1String("checked at call")))
            out << line;
    return out;
}

// The virtual times of the polls ("t=10 main value emitted poll: …" -> 10).
QList<Tick> pollTimes(const Trace &trace)
{
    QList<Tick> out;
    for (const QString &line : polls(trace))
        out << line.section(QLatin1Char(' '), 0, 0).mid(2).toLongLong();
    return out;
}

concurry::GatherOptions fixedPolling(Tick interval)
{
    concurry::GatherOptions options;
    options.polling = PollAlgorithm::Fixed;
    options.pollInterval = interval;
    return options;
}

} // namespace

class TestConcurry : public QObject
{
    Q_OBJECT

private slots:
    // SC19 ---------------------------------------------------------------------------------------

    void sc19KeyedIterationYieldsInCompletionOrderAtPollInstants_data()
    {
        QTest::addColumn<Tick>("interval");
        QTest::addColumn<QStringList>("yielded");
        QTest::addColumn<Tick>("blockingGatherEnd");
        // Fixed polling every p: each pair at the first poll at or after its future's end.
        QTest::newRow("p=1") << Tick(1) << QStringList({"b='B'@1", "c='C'@2", "a='A'@3"}) << Tick(3);
        // Polls at 0, 2, 4: b and c are seen in the same batch (input order inside it).
        QTest::newRow("p=2") << Tick(2) << QStringList({"b='B'@2", "c='C'@2", "a='A'@4"}) << Tick(4);
        QTest::newRow("p=5") << Tick(5) << QStringList({"a='A'@5", "b='B'@5", "c='C'@5"}) << Tick(5);
    }

    void sc19KeyedIterationYieldsInCompletionOrderAtPollInstants()
    {
        QFETCH(Tick, interval);
        QFETCH(QStringList, yielded);
        QFETCH(Tick, blockingGatherEnd);
        Runtime rt(Profile::asyncio());
        QStringList seen;
        runMain(rt, [&](Ctx ctx) -> QCoro::Task<Value> {
            auto it = concurry::gatherDictIter(ctx, futures({"a:3", "b:1", "c:2"}), fixedPolling(interval));
            while (true) {
                const auto item = co_await it->next(ctx);
                if (!item)
                    break;
                seen << QStringLiteral("%1=%2@%3").arg(item->key.toString(), describeValue(item->value)).arg(ctx.now());
            }
            co_return {};
        });
        QCOMPARE(seen, yielded);

        // Blocking gather on the same dict: {'a': …, 'b': …, 'c': …} at the first poll ≥ 3.
        Runtime blocking(Profile::asyncio());
        runMain(blocking, [interval](Ctx ctx) -> QCoro::Task<Value> {
            auto fs = futures({"a:3", "b:1", "c:2"});
            const concurry::Dict results = co_await concurry::gatherDict(ctx, std::move(fs), fixedPolling(interval));
            co_return results.toVariant();
        });
        QCOMPARE(outcomes(blocking.trace()).last(),
                 QStringLiteral("t=%1 main completed {'a': 'A', 'b': 'B', 'c': 'C'}").arg(blockingGatherEnd));
    }

    void sc19AFailureRaisesOutOfTheIterationAtTheFirstPollAndNothingIsCancelled()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            auto it = concurry::gatherDictIter(ctx, futures({"a:3", "b:1!", "c:2"}), fixedPolling(1));
            while (co_await it->next(ctx)) {
            }
            co_return QStringLiteral("unreachable");
        });
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=1 b failed ValueError('B')",
                                           "t=1 main failed ValueError('B')",
                                           "t=2 c completed 'C'",
                                           "t=3 a completed 'A'",
                                       }));
        QCOMPARE(lines(rt.trace(), {EventKind::CancelRequested}), QStringList());
        QCOMPARE(polls(rt.trace()), QStringList({"t=0 main value emitted poll: none done, 0/3 done",
                                                 "t=1 main value emitted poll: b done, 1/3 done"}));
        QCOMPARE(lines(rt.trace(), {EventKind::ErrorsGrouped}), QStringList({"t=1 gather(iter=True) raises ValueError('B')"}));
        // The futures' scope stays open while they run on: a leak, closed by the last of them.
        QCOMPARE(lines(rt.trace(), {EventKind::ScopeExited}), QStringList({"t=3 main exited gather(iter=True) (last leaked child ended)"}));
    }

    void returnExceptionsYieldsTheErrorAsTheValue()
    {
        Runtime rt(Profile::asyncio());
        QStringList seen;
        runMain(rt, [&](Ctx ctx) -> QCoro::Task<Value> {
            concurry::GatherOptions options = fixedPolling(1);
            options.returnExceptions = true;
            auto it = concurry::gatherIter(ctx, futures({"A:3", "B:1!", "C:2"}), options);
            while (true) {
                const auto item = co_await it->next(ctx);
                if (!item)
                    break;
                seen << QStringLiteral("%1=%2@%3").arg(item->key.toInt()).arg(describeValue(item->value)).arg(ctx.now());
            }
            co_return {};
        });
        QCOMPARE(seen, QStringList({"1=ValueError('B')@1", "2='C'@2", "0='A'@3"}));
    }

    void aSlowConsumerDelaysThePollsAndGetsTheRestInOneBatch()
    {
        // A generator only polls while the consumer is inside next(): after 5 ticks of work on A,
        // the next poll (at 7) sees B and C together; C, already seen, waits for the consumer.
        Runtime rt(Profile::asyncio());
        QStringList seen;
        runMain(rt, [&](Ctx ctx) -> QCoro::Task<Value> {
            auto it = concurry::gatherIter(ctx, futures({"A:1", "B:2", "C:3"}), fixedPolling(1));
            while (true) {
                const auto item = co_await it->next(ctx);
                if (!item)
                    break;
                seen << QStringLiteral("%1@%2").arg(describeValue(item->value)).arg(ctx.now());
                co_await ctx.sleep(5);
            }
            co_return {};
        });
        QCOMPARE(seen, QStringList({"'A'@1", "'B'@7", "'C'@12"}));
        QCOMPARE(pollTimes(rt.trace()), QList<Tick>({0, 1, 7}));
    }

    void theIterationTimesOutMidwayAndLeavesTheRestRunning()
    {
        Runtime rt(Profile::asyncio());
        QStringList seen;
        runMain(rt, [&](Ctx ctx) -> QCoro::Task<Value> {
            concurry::GatherOptions options = fixedPolling(1);
            options.timeout = 3;
            auto it = concurry::gatherIter(ctx, futures({"A:1", "B:5"}), options);
            while (true) {
                const auto item = co_await it->next(ctx);
                if (!item)
                    break;
                seen << QStringLiteral("%1@%2").arg(describeValue(item->value)).arg(ctx.now());
            }
            co_return {};
        });
        QCOMPARE(seen, QStringList({"'A'@1"}));
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=1 A completed 'A'",
                                           "t=3 main failed TimeoutError('gather(iter=True) timed out after 3. Yielded 1/2 results')",
                                           "t=5 B completed 'B'",
                                       }));
    }

    // Blocking gather ------------------------------------------------------------------------------

    void sc27GatherWaitsForEveryoneThenRaisesTheFirstErrorInInputOrder_data()
    {
        QTest::addColumn<QStringList>("specs");
        QTest::addColumn<QString>("outcome");
        QTest::newRow("SC27: B fails at 1, raised at 3") << QStringList({"A:3", "B:1!", "C:2"}) << "t=3 main failed ValueError('B')";
        // Input order, not time order: B failed first, A's error is raised.
        QTest::newRow("input order wins over time order") << QStringList({"A:3!", "B:1!", "C:2"}) << "t=3 main failed ValueError('A')";
        QTest::newRow("no failure") << QStringList({"A:3", "B:1", "C:2"}) << "t=3 main completed ['A', 'B', 'C']";
    }

    void sc27GatherWaitsForEveryoneThenRaisesTheFirstErrorInInputOrder()
    {
        QFETCH(QStringList, specs);
        QFETCH(QString, outcome);
        Runtime rt(Profile::asyncio());
        runMain(rt, [specs](Ctx ctx) -> QCoro::Task<Value> {
            auto fs = futures(specs);
            co_return co_await concurry::gather(ctx, std::move(fs), fixedPolling(1));
        });
        QCOMPARE(outcomes(rt.trace()).last(), outcome);
        QCOMPARE(lines(rt.trace(), {EventKind::CancelRequested}), QStringList());
    }

    void sc27GatherEventByEvent()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            auto fs = futures({"A:3", "B:1!", "C:2"});
            co_return co_await concurry::gather(ctx, std::move(fs), fixedPolling(1));
        });
        using K = EventKind;
        QCOMPARE(lines(rt.trace(), {K::Started, K::Completed, K::Failed, K::Cancelled, K::ValueEmitted, K::ErrorsGrouped, K::ScopeExited}),
                 QStringList({
                     "t=0 main started",
                     "t=0 A started",   // eager: the futures already run when gather() is called
                     "t=0 B started",
                     "t=0 C started",
                     "t=0 main value emitted checked at call: none done, 0/3 done",
                     "t=1 B failed ValueError('B')",
                     "t=1 main value emitted poll: B done, 1/3 done",
                     "t=2 C completed 'C'",
                     "t=2 main value emitted poll: C done, 2/3 done",
                     "t=3 A completed 'A'",
                     "t=3 main value emitted poll: A done, 3/3 done",
                     "t=3 main exited gather()",
                     "t=3 gather() raises ValueError('B')",
                     "t=3 main failed ValueError('B')",
                 }));
    }

    void returnExceptionsKeepsErrorsInPlace()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            concurry::GatherOptions options = fixedPolling(1);
            options.returnExceptions = true;
            auto fs = futures({"A:3", "B:1!", "C:2"});
            co_return co_await concurry::gather(ctx, std::move(fs), options);
        });
        QCOMPARE(outcomes(rt.trace()).last(), QStringLiteral("t=3 main completed ['A', ValueError('B'), 'C']"));
    }

    void aDictKeepsItsInsertionOrder()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            concurry::GatherOptions options = fixedPolling(1);
            options.returnExceptions = true;
            auto fs = futures({"zeta:1", "alpha:2!", "mid:1"});
            const concurry::Dict d = co_await concurry::gatherDict(ctx, std::move(fs), options);
            co_return d.toVariant();
        });
        QCOMPARE(outcomes(rt.trace()).last(), QStringLiteral("t=2 main completed {'zeta': 'ZETA', 'alpha': ValueError('ALPHA'), 'mid': 'MID'}"));
    }

    void aCancelledFutureRaisesCancelledErrorEvenWithReturnExceptions()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            std::vector<Child> fs = futures({"A:2"});
            fs.push_back({"self-cancel", [](Ctx c) -> QCoro::Task<Value> {
                              co_await c.sleep(1);
                              c.rt->cancelTask(c.task, c.task, QStringLiteral("cancels itself"));
                              co_await c.checkpoint();
                              co_return {};
                          }});
            concurry::GatherOptions options = fixedPolling(1);
            options.returnExceptions = true;
            co_return co_await concurry::gather(ctx, std::move(fs), options);
        });
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=1 self-cancel cancelled", "t=2 A completed 'A'", "t=2 main cancelled"}));
    }

    void emptyInputReturnsAtOnce()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            std::vector<Child> none1, none2, none3;
            const concurry::DoneNotDone sets = co_await concurry::wait(ctx, std::move(none1));
            const QVariantList list = co_await concurry::gather(ctx, std::move(none2));
            const concurry::Dict dict = co_await concurry::gatherDict(ctx, std::move(none3));
            co_return QStringLiteral("%1 %2 %3").arg(sets.describe(*ctx.rt), describeValue(list), dict.describe());
        });
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=0 main completed 'done={}, not_done={} [] {}'"}));
    }

    // wait() -------------------------------------------------------------------------------------

    void sc21WaitFirstCompletedReturnsAtThePollAndLeavesTheOtherRunning()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            auto fs = futures({"A:1!", "B:2"});
            const concurry::DoneNotDone sets = co_await concurry::wait(
                ctx, std::move(fs),
                {.returnWhen = concurry::ReturnWhen::FirstCompleted, .polling = PollAlgorithm::Fixed, .pollInterval = 1});
            co_return sets.describe(*ctx.rt);
        });
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=1 A failed ValueError('A')",
                                           "t=1 main completed 'done={A}, not_done={B}'",
                                           "t=2 B completed 'B'",
                                       }));
        QCOMPARE(lines(rt.trace(), {EventKind::CancelRequested}), QStringList());
    }

    void sc27WaitFirstExceptionReturnsAtThePollWithNothingCancelled()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            auto fs = futures({"A:3", "B:1!", "C:2"});
            const concurry::DoneNotDone sets = co_await concurry::wait(
                ctx, std::move(fs),
                {.returnWhen = concurry::ReturnWhen::FirstException, .polling = PollAlgorithm::Fixed, .pollInterval = 1});
            co_return sets.describe(*ctx.rt);
        });
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=1 B failed ValueError('B')",
                                           "t=1 main completed 'done={B}, not_done={A, C}'",
                                           "t=2 C completed 'C'",
                                           "t=3 A completed 'A'",
                                       }));
    }

    void firstExceptionWithoutAFailureBehavesLikeAllCompleted()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            auto fs = futures({"A:3", "B:1"});
            const concurry::DoneNotDone sets = co_await concurry::wait(
                ctx, std::move(fs),
                {.returnWhen = concurry::ReturnWhen::FirstException, .polling = PollAlgorithm::Fixed, .pollInterval = 1});
            co_return sets.describe(*ctx.rt);
        });
        QCOMPARE(outcomes(rt.trace()).last(), QStringLiteral("t=3 main completed 'done={A, B}, not_done={}'"));
    }

    void futuresEndingBetweenTwoPollsAreReportedTogether()
    {
        // Poll batches (§7.7): A and B end at 1, C at 3; polls every 2 see A and B together at 2.
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            auto fs = futures({"A:1", "B:1", "C:3"});
            const concurry::DoneNotDone sets = co_await concurry::wait(
                ctx, std::move(fs),
                {.returnWhen = concurry::ReturnWhen::FirstCompleted, .polling = PollAlgorithm::Fixed, .pollInterval = 2});
            co_return sets.describe(*ctx.rt);
        });
        QCOMPARE(polls(rt.trace()), QStringList({"t=0 main value emitted checked at call: none done, 0/3 done",
                                                 "t=2 main value emitted poll: A, B done, 2/3 done"}));
        QCOMPARE(outcomes(rt.trace()).at(2), QStringLiteral("t=2 main completed 'done={A, B}, not_done={C}'"));
    }

    void sc29WaitTimeoutRaisesTimeoutErrorAndLeavesTheFuturesRunning()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            auto fs = futures({"A:3", "B:1"});
            co_await concurry::wait(ctx, std::move(fs), {.timeout = 2, .polling = PollAlgorithm::Fixed, .pollInterval = 1});
            co_return QStringLiteral("unreachable");
        });
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=1 B completed 'B'",
                                           "t=2 main failed TimeoutError('wait() timed out after 2. Completed 1/2 futures.')",
                                           "t=3 A completed 'A'",
                                       }));
        QCOMPARE(lines(rt.trace(), {EventKind::CancelRequested}), QStringList());
    }

    void theTimeoutIsNoticedOnlyAtAPollInstant()
    {
        // The sync wait sleeps whole poll intervals (not capped by the time left): with polls
        // every 10, a timeout of 2 is noticed at 10.
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            auto fs = futures({"A:30"});
            co_await concurry::wait(ctx, std::move(fs), {.timeout = 2, .polling = PollAlgorithm::Fixed, .pollInterval = 10});
            co_return {};
        });
        QCOMPARE(rt.endTime(0), Tick(10));
        QCOMPARE(rt.task(0).error->type(), QStringLiteral("TimeoutError"));
    }

    void onADeadlineTieTheTimeoutIsCheckedFirst()
    {
        // A ends at 2, the timeout is 2: the loop checks the timeout before the futures.
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            auto fs = futures({"A:2"});
            co_await concurry::wait(ctx, std::move(fs), {.timeout = 2, .polling = PollAlgorithm::Fixed, .pollInterval = 1});
            co_return {};
        });
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=2 A completed 'A'",
                                           "t=2 main failed TimeoutError('wait() timed out after 2. Completed 0/1 futures.')",
                                       }));
    }

    void thePollingAlgorithmsSpaceThePolls_data()
    {
        QTest::addColumn<int>("algorithm");
        QTest::addColumn<QList<Tick>>("times");
        // One future A:35; the times at which polls are recorded (the loop's first check at 0,
        // right after the check at the call, counts for the schedule but is not recorded).
        QTest::newRow("fixed 10") << int(PollAlgorithm::Fixed) << QList<Tick>({0, 10, 20, 30, 40});
        // 10 while fewer than three empty polls, then ×1.3 (13), and again after three more.
        QTest::newRow("adaptive") << int(PollAlgorithm::Adaptive) << QList<Tick>({0, 10, 20, 33, 46});
        // 1 doubling after each empty poll: sleeps 2, 4, 8, 16, 32.
        QTest::newRow("exponential") << int(PollAlgorithm::Exponential) << QList<Tick>({0, 2, 6, 14, 30, 62});
        // 1 for five polls, then 5 for five, then 10.
        QTest::newRow("progressive") << int(PollAlgorithm::Progressive)
                                     << QList<Tick>({0, 1, 2, 3, 4, 9, 14, 19, 24, 29, 39});
    }

    void thePollingAlgorithmsSpaceThePolls()
    {
        QFETCH(int, algorithm);
        QFETCH(QList<Tick>, times);
        Runtime rt(Profile::asyncio());
        runMain(rt, [algorithm](Ctx ctx) -> QCoro::Task<Value> {
            concurry::WaitOptions options;
            options.polling = PollAlgorithm(algorithm);
            auto fs = futures({"A:35"});
            co_await concurry::wait(ctx, std::move(fs), options);
            co_return {};
        });
        QCOMPARE(pollTimes(rt.trace()), times);
        QCOMPARE(rt.endTime(0), times.last());
    }

    void returnWhenAndPollingAreReadFromTheirPythonNames()
    {
        QCOMPARE(concurry::returnWhenFromString("first_completed"), concurry::ReturnWhen::FirstCompleted);
        QCOMPARE(concurry::returnWhenFromString("ALL_COMPLETED"), concurry::ReturnWhen::AllCompleted);
        QCOMPARE(concurry::pollingFromString("Exponential"), PollAlgorithm::Exponential);
        try {
            concurry::returnWhenFromString("sometimes");
            QFAIL("no error");
        } catch (const Error &e) {
            QCOMPARE(e.describe(), QStringLiteral("ValueError(''sometimes' is not a valid ReturnWhen')"));
        }
    }

    void theCallerCancelledMidWaitLeaksTheFutures()
    {
        Runtime rt(Profile::asyncio());
        rt.spawn(NoId, QStringLiteral("main"), [](Ctx ctx) -> QCoro::Task<Value> {
            auto fs = futures({"A:3", "B:5"});
            co_await concurry::wait(ctx, std::move(fs), {.polling = PollAlgorithm::Fixed, .pollInterval = 1});
            co_return {};
        });
        rt.scheduleCancel(0, 2, QStringLiteral("caller cancelled"));
        rt.scheduler().runUntilIdle();
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=2 main cancelled", "t=3 A completed 'A'", "t=5 B completed 'B'"}));
        QCOMPARE(lines(rt.trace(), {EventKind::ScopeExited}), QStringList({"t=5 main exited wait() (last leaked child ended)"}));
    }

    // async_wait / async_gather --------------------------------------------------------------------

    void asyncWaitPollsEveryTick()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            auto fs = futures({"A:1!", "B:2"});
            const concurry::DoneNotDone sets = co_await concurry::asyncWait(ctx, std::move(fs),
                                                                            {.returnWhen = concurry::ReturnWhen::FirstCompleted});
            co_return sets.describe(*ctx.rt);
        });
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=1 A failed ValueError('A')",
                                           "t=1 main completed 'done={A}, not_done={B}'",
                                           "t=2 B completed 'B'",
                                       }));
        QCOMPARE(pollTimes(rt.trace()), QList<Tick>({0, 1}));
    }

    void asyncWaitTimesOutWithoutCancelling()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            auto fs = futures({"A:3", "B:1"});
            co_await concurry::asyncWait(ctx, std::move(fs), {.timeout = 2});
            co_return {};
        });
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=1 B completed 'B'",
                                           "t=2 main failed TimeoutError('async_wait() timed out after 2. Completed 1/2 tasks.')",
                                           "t=3 A completed 'A'",
                                       }));
    }

    void sc27AsyncGatherRaisesTheFirstErrorInInputOrderAfterAll()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            auto fs = futures({"A:3", "B:1!", "C:2"});
            co_return co_await concurry::asyncGather(ctx, std::move(fs));
        });
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=1 B failed ValueError('B')",
                                           "t=2 C completed 'C'",
                                           "t=3 A completed 'A'",
                                           "t=3 main failed ValueError('B')",
                                       }));
    }

    void sc29AsyncGatherTimeoutCancelsTheUnfinishedAndRaises()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            auto fs = futures({"A:3", "B:1"});
            co_return co_await concurry::asyncGather(ctx, std::move(fs), {.timeout = 2});
        });
        QCOMPARE(lines(rt.trace(), {EventKind::Completed, EventKind::Failed, EventKind::Cancelled, EventKind::CancelRequested}),
                 QStringList({
                     "t=1 B completed 'B'",
                     "t=2 cancel A by main: async_gather() timed out",
                     "t=2 main failed TimeoutError('async_gather() timed out after 2. Completed 1/2 tasks.')",
                     "t=2 A cancelled",
                 }));
    }

    void asyncGatherDoesNotWaitForTheTasksItCancels()
    {
        // task.cancel() only: A needs 3 ticks of cleanup and ends at 5, after the TimeoutError.
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            std::vector<Child> aws{{"A", slowToCancel(10, 3, "A")}};
            co_return co_await concurry::asyncGather(ctx, std::move(aws), {.timeout = 2});
        });
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=2 main failed TimeoutError('async_gather() timed out after 2. Completed 0/1 tasks.')",
                                           "t=5 A cancelled",
                                       }));
    }

    void asyncGatherLeaksWhenTheCallerIsCancelled()
    {
        Runtime rt(Profile::asyncio());
        rt.spawn(NoId, QStringLiteral("main"), [](Ctx ctx) -> QCoro::Task<Value> {
            auto fs = futures({"A:3", "B:1"});
            co_return co_await concurry::asyncGather(ctx, std::move(fs));
        });
        rt.scheduleCancel(0, 2, QStringLiteral("caller cancelled"));
        rt.scheduler().runUntilIdle();
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=1 B completed 'B'", "t=2 main cancelled", "t=3 A completed 'A'"}));
    }

    void asyncGatherTakesPlainValuesAsDoneFutures()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            std::vector<Child> aws{concurry::ready("x", 42), concurry::ready("y", "why")};
            const QVariantList all = co_await concurry::asyncGather(ctx, std::move(aws));
            std::vector<Child> mixed{concurry::ready("v", 7), {"A", sleeper(1, "A")}};
            const concurry::Dict d = co_await concurry::asyncGatherDict(ctx, std::move(mixed));
            co_return QStringLiteral("%1 %2").arg(describeValue(all), d.describe());
        });
        // Everything already done: no poll, no suspension; then one task, noticed at 1.
        QCOMPARE(outcomes(rt.trace()).last(), QStringLiteral("t=1 main completed '[42, 'why'] {'v': 7, 'A': 'A'}'"));
    }

    // Retries (SC38) ------------------------------------------------------------------------------

    void sc38RetryWaitsFollowTheAlgorithm_data()
    {
        QTest::addColumn<int>("algorithm");
        QTest::addColumn<QList<Tick>>("attempts");
        // Attempts fail instantly three times, then succeed; retry_wait=1, no jitter.
        QTest::newRow("exponential: waits 1, 2, 4") << int(concurry::RetryAlgorithm::Exponential) << QList<Tick>({0, 1, 3, 7});
        QTest::newRow("linear: waits 1, 2, 3") << int(concurry::RetryAlgorithm::Linear) << QList<Tick>({0, 1, 3, 6});
        QTest::newRow("fibonacci: waits 1, 1, 2") << int(concurry::RetryAlgorithm::Fibonacci) << QList<Tick>({0, 1, 2, 4});
    }

    void sc38RetryWaitsFollowTheAlgorithm()
    {
        QFETCH(int, algorithm);
        QFETCH(QList<Tick>, attempts);
        Runtime rt(Profile::asyncio());
        QList<Tick> seen;
        runMain(rt, [&](Ctx ctx) -> QCoro::Task<Value> {
            const Body flaky = [&seen](Ctx c) -> QCoro::Task<Value> {
                seen << c.now();
                if (seen.size() <= 3)
                    throw Error::plain(QStringLiteral("ConnectionError"), QStringLiteral("try %1").arg(seen.size()), c.task);
                co_return QStringLiteral("ok");
            };
            concurry::RetryOptions options;
            options.numRetries = 3;
            options.algorithm = concurry::RetryAlgorithm(algorithm);
            options.wait = 1;
            options.jitter = 0;
            co_return co_await concurry::executeWithRetry(ctx, flaky, options);
        });
        QCOMPARE(seen, attempts);
        QCOMPARE(outcomes(rt.trace()), QStringList({QStringLiteral("t=%1 main completed 'ok'").arg(attempts.last())}));
    }

    void retriesAreVisibleAndTheLastErrorIsRaised()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            concurry::RetryOptions options;
            options.numRetries = 2;
            options.jitter = 0;
            co_return co_await concurry::executeWithRetry(ctx, failer(1, "down"), options);
        });
        QCOMPARE(lines(rt.trace(), {EventKind::ValueEmitted, EventKind::Failed}),
                 QStringList({
                     "t=1 main value emitted attempt 1 failed: ValueError('down'); retry 1 in 1",
                     "t=3 main value emitted attempt 2 failed: ValueError('down'); retry 2 in 2",
                     "t=6 main value emitted attempt 3 failed: ValueError('down'); no retries left",
                     "t=6 main failed ValueError('down')",
                 }));
    }

    void retryOnFiltersWhichErrorsAreRetried()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            concurry::RetryOptions options;
            options.numRetries = 5;
            options.jitter = 0;
            concurry::RetryFilters filters;
            filters.retryOn = QStringList({QStringLiteral("ConnectionError")});
            co_return co_await concurry::executeWithRetry(ctx, failer(1, "not retried"), options, filters);
        });
        QCOMPARE(lines(rt.trace(), {EventKind::ValueEmitted, EventKind::Failed}),
                 QStringList({"t=1 main value emitted attempt 1 failed: ValueError('not retried'), not retried",
                              "t=1 main failed ValueError('not retried')"}));
    }

    void retryUntilRejectsResultsAndFinallyRaisesRetryValidationError()
    {
        Runtime rt(Profile::asyncio());
        int calls = 0;
        runMain(rt, [&](Ctx ctx) -> QCoro::Task<Value> {
            const Body attempt = [&calls](Ctx c) -> QCoro::Task<Value> {
                co_await c.sleep(1);
                co_return ++calls;
            };
            concurry::RetryOptions options;
            options.numRetries = 2;
            options.algorithm = concurry::RetryAlgorithm::Linear;
            options.jitter = 0;
            concurry::RetryFilters filters;
            filters.retryUntil.push_back([](const Value &v, int) { return v.toInt() >= 10; });
            co_return co_await concurry::executeWithRetry(ctx, attempt, options, filters);
        });
        QCOMPARE(calls, 3);
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=6 main failed RetryValidationError('Validation failed after 3 attempts')"}));
    }

    void cancellationIsNeverRetried()
    {
        Runtime rt(Profile::asyncio());
        rt.spawn(NoId, QStringLiteral("main"), [](Ctx ctx) -> QCoro::Task<Value> {
            concurry::RetryOptions options;
            options.numRetries = 5;
            options.jitter = 0;
            co_return co_await concurry::executeWithRetry(ctx, sleeper(3, "x"), options);
        });
        rt.scheduleCancel(0, 1, QStringLiteral("stop"));
        rt.scheduler().runUntilIdle();
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=1 main cancelled"}));
        QCOMPARE(lines(rt.trace(), {EventKind::ValueEmitted}), QStringList());
    }

    void fullJitterDrawsWithinTheComputedWaitReproducibly()
    {
        concurry::RetryOptions options;
        options.wait = 100;
        options.jitter = 0.3;
        options.seed = 7;
        concurry::RetryWaits a(options);
        concurry::RetryWaits b(options);
        bool varied = false;
        for (int attempt = 1; attempt <= 6; ++attempt) {
            const Tick computed = concurry::RetryWaits::computed(options, attempt);
            const Tick drawn = a.next(attempt);
            QVERIFY(drawn >= 0 && drawn <= computed);
            QCOMPARE(b.next(attempt), drawn);
            varied = varied || drawn != computed;
        }
        QVERIFY(varied);
        options.jitter = 0;
        QCOMPARE(concurry::RetryWaits(options).next(3), Tick(400));
    }

    void aRetryingFutureIsGatheredLikeAnyOther()
    {
        Runtime rt(Profile::asyncio());
        int tries = 0;
        runMain(rt, [&](Ctx ctx) -> QCoro::Task<Value> {
            const Body flaky = [&tries](Ctx c) -> QCoro::Task<Value> {
                co_await c.sleep(1);
                if (++tries < 3)
                    throw Error::plain(QStringLiteral("ConnectionError"), {}, c.task);
                co_return QStringLiteral("W");
            };
            concurry::RetryOptions options;
            options.numRetries = 3;
            options.jitter = 0;
            std::vector<Child> fs = futures({"A:2"});
            fs.push_back(concurry::retrying({"W", flaky}, options));
            co_return co_await concurry::gather(ctx, std::move(fs), fixedPolling(1));
        });
        // W: attempt 0→1 ✗, wait 1, 2→3 ✗, wait 2, 5→6 ✓.
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=2 A completed 'A'", "t=6 W completed 'W'", "t=6 main completed ['A', 'W']"}));
    }
};

QTEST_GUILESS_MAIN(TestConcurry)
#include "tst_concurry.moc"
