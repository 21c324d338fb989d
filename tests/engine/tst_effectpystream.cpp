// effectpy's StreamE stages (helper-semantics §5.8, row 45; effectpy stream.py): via_effect (n
// workers, completion order, first error to the error queue), timeout (per-element idle timeout
// with CPython 3.11's wait_for), throttle (a fixed delay per element), merge (exhaustive, one error
// queue), filter, take, map and buffer, and the sinks that run them.

#include "effectpyleaves.h"

#include "engine/value.h"

#include <QRegularExpression>
#include <QTest>

using namespace engine;
using namespace testing::effectpy;
using testing::lines;
using testing::outcomes;

namespace {

using K = EventKind;

// via_effect's function: the item names a leaf spec ("a:3", "b:1!") whose effect runs in the worker.
ep::StreamE::Stage leafStage()
{
    return [](const Value &item) { return leaf(item.toString()); };
}

ep::StreamE items(const QStringList &specs)
{
    QVariantList values;
    for (const QString &item : specs)
        values << item;
    return ep::StreamE::fromIterable(QStringLiteral("src"), values);
}

// Runs `stream` into sink_fold([], append) in main and returns main's outcome line.
QString collectInMain(Runtime &rt, const ep::StreamE &stream)
{
    runMain(rt, [stream](Ctx ctx) -> QCoro::Task<Value> {
        const QVariantList items = co_await stream.runCollect(ctx);
        co_return items;
    });
    testing::dumpTrace(rt.trace());
    for (const QString &line : outcomes(rt.trace()))
        if (line.contains(QLatin1String(" main ")))
            return line;
    return QStringLiteral("main did not end");
}

// Lines of the events of `kinds` whose text matches `pattern`.
QStringList matching(const Trace &trace, std::initializer_list<K> kinds, const QString &pattern)
{
    return lines(trace, kinds).filter(QRegularExpression(pattern));
}

} // namespace

class TestEffectpyStream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // via_effect -----------------------------------------------------------------------------------

    void viaEffectWorkersEmitInCompletionOrder_data()
    {
        QTest::addColumn<int>("workers");
        QTest::addColumn<QStringList>("emitted");
        QTest::addColumn<QString>("result");
        // SC02's task set through a 2-worker stage: a:3 and b:1 start at 0, c and d as slots free.
        QTest::newRow("2 workers") << 2
                                   << QStringList({"t=1 src.via_effect(2) worker 2 value emitted 'b:1'",
                                                   "t=2 src.via_effect(2) worker 2 value emitted 'c:1'",
                                                   "t=3 src.via_effect(2) worker 1 value emitted 'a:3'",
                                                   "t=4 src.via_effect(2) worker 2 value emitted 'd:2'"})
                                   << "t=4 main completed ['b:1', 'c:1', 'a:3', 'd:2']";
        QTest::newRow("1 worker") << 1
                                  << QStringList({"t=3 src.via_effect(1) worker value emitted 'a:3'",
                                                  "t=4 src.via_effect(1) worker value emitted 'b:1'",
                                                  "t=5 src.via_effect(1) worker value emitted 'c:1'",
                                                  "t=7 src.via_effect(1) worker value emitted 'd:2'"})
                                  << "t=7 main completed ['a:3', 'b:1', 'c:1', 'd:2']";
        QTest::newRow("0 workers means 1") << 0
                                           << QStringList({"t=3 src.via_effect(1) worker value emitted 'a:3'",
                                                           "t=4 src.via_effect(1) worker value emitted 'b:1'",
                                                           "t=5 src.via_effect(1) worker value emitted 'c:1'",
                                                           "t=7 src.via_effect(1) worker value emitted 'd:2'"})
                                           << "t=7 main completed ['a:3', 'b:1', 'c:1', 'd:2']";
        QTest::newRow("4 workers") << 4
                                   << QStringList({"t=1 src.via_effect(4) worker 2 value emitted 'b:1'",
                                                   "t=1 src.via_effect(4) worker 3 value emitted 'c:1'",
                                                   "t=2 src.via_effect(4) worker 4 value emitted 'd:2'",
                                                   "t=3 src.via_effect(4) worker 1 value emitted 'a:3'"})
                                   << "t=3 main completed ['b:1', 'c:1', 'd:2', 'a:3']";
    }

    void viaEffectWorkersEmitInCompletionOrder()
    {
        QFETCH(int, workers);
        QFETCH(QStringList, emitted);
        QFETCH(QString, result);
        // The leaves return their names: the items are the specs themselves.
        Runtime rt(Profile::asyncio());
        const ep::StreamE stream = items({"a:3", "b:1", "c:1", "d:2"}).viaEffect([](const Value &item) {
            const ep::Effect e = leaf(item.toString());
            return ep::Effect(e.name, [e, item](Ctx ctx) -> QCoro::Task<Value> {
                co_await e.body(ctx);
                co_return item;
            });
        }, workers);
        QCOMPARE(collectInMain(rt, stream), result);
        QCOMPARE(matching(rt.trace(), {K::ValueEmitted}, QStringLiteral("worker")), emitted);
        // The last worker to find the input closed and drained closed the output: every task ended.
        QVERIFY(rt.allTasksDone());
    }

    void viaEffectSendsTheFirstErrorToTheErrorQueueAndStops()
    {
        // b fails at 1: its worker puts Failure('b') in the error queue, closes the input (c and d
        // stay in it, never processed) and the output; the sink prefers the error. a's worker
        // finishes at 3, finds the output closed and stops.
        Runtime rt(Profile::asyncio());
        const ep::StreamE stream = items({"a:3", "b:1!", "c:1", "d:2"}).viaEffect(leafStage(), 2);
        QCOMPARE(collectInMain(rt, stream), QStringLiteral("t=1 main failed Failure('b')"));
        QCOMPARE(matching(rt.trace(), {K::ValueEmitted, K::ErrorsGrouped, K::Completed, K::Failed},
                          QStringLiteral("worker|sink_fold|main|t=\\d+ src ")),
                 QStringList({
                     "t=0 src completed",
                     "t=1 src.via_effect(2) worker 2 value emitted error queue <- Failure('b')",
                     "t=1 src.via_effect(2) worker 2 completed",
                     "t=1 sink_fold raises Failure('b')",
                     "t=1 main failed Failure('b')",
                     "t=3 src.via_effect(2) worker 1 completed",
                 }));
    }

    void viaEffectOutCapacityBoundsTheQueueItsUpstreamFills()
    {
        // out_capacity=1: the source blocks on its second send until the worker takes the first
        // item, so it ends at 2 (with an unbounded queue it would end at 0).
        Runtime rt(Profile::asyncio());
        const ep::StreamE stream = items({"a:2", "b:2", "c:2"}).viaEffect(leafStage(), 1, 1);
        QCOMPARE(collectInMain(rt, stream), QStringLiteral("t=6 main completed ['a', 'b', 'c']"));
        QCOMPARE(matching(rt.trace(), {K::Completed}, QStringLiteral("src ")), QStringList({"t=2 src completed"}));
    }

    // timeout ----------------------------------------------------------------------------------------

    void timeoutFailsAStreamThatStaysIdleTooLong()
    {
        // Items at 1 and 2, then a gap of 5: timeout(3) passes a and b; the wait for c starts at 2
        // and expires at 5: TimeoutError goes to the error queue and the stage closes. The source
        // meets the closed input at 7 and sends its QueueClosed to the error queue too (nobody reads
        // it any more).
        Runtime rt(Profile::asyncio());
        const ep::StreamE stream = ep::StreamE::fromTimed(QStringLiteral("src"), {{1, "a"}, {1, "b"}, {5, "c"}}).timeout(3);
        QCOMPARE(collectInMain(rt, stream), QStringLiteral("t=5 main failed TimeoutError()"));
        QCOMPARE(matching(rt.trace(), {K::ValueEmitted, K::TimerSet, K::TimerFired, K::Cancelled, K::ErrorsGrouped},
                          QStringLiteral("worker|wait_for|receive|sink_fold|t=\\d+ src ")),
                 QStringList({
                     "t=0 wait_for(3) deadline at 3",
                     "t=1 src.timeout(3) worker value emitted 'a'",
                     "t=1 wait_for(3) deadline at 4",
                     "t=2 src.timeout(3) worker value emitted 'b'",
                     "t=2 wait_for(3) deadline at 5",
                     "t=5 wait_for(3) deadline reached",
                     "t=5 receive cancelled",
                     "t=5 src.timeout(3) worker value emitted error queue <- TimeoutError()",
                     "t=5 sink_fold raises TimeoutError()",
                     "t=7 src value emitted error queue <- QueueClosed('send on closed queue')",
                 }));
    }

    void timeoutEndsNormallyWhenTheSourceEndsInTime()
    {
        // The source closes its output at 2; the pending receive fails with QueueClosed, which
        // wait_for passes on and the worker turns into closing its own output.
        Runtime rt(Profile::asyncio());
        const ep::StreamE stream = ep::StreamE::fromTimed(QStringLiteral("src"), {{1, "a"}, {1, "b"}}).timeout(3);
        QCOMPARE(collectInMain(rt, stream), QStringLiteral("t=2 main completed ['a', 'b']"));
        QCOMPARE(matching(rt.trace(), {K::Failed}, QStringLiteral("receive")),
                 QStringList({"t=2 receive failed QueueClosed('receive on closed and drained queue')"}));
    }

    void timeoutZeroTimesOutAtOnceEvenWithItemsWaiting()
    {
        // wait_for(…, 0) in CPython 3.11 cancels the receive task before it ever runs.
        Runtime rt(Profile::asyncio());
        const ep::StreamE stream = items({"a", "b"}).timeout(0);
        QCOMPARE(collectInMain(rt, stream), QStringLiteral("t=0 main failed TimeoutError()"));
        QCOMPARE(matching(rt.trace(), {K::ValueEmitted}, QStringLiteral("worker")),
                 QStringList({"t=0 src.timeout(0) worker value emitted error queue <- TimeoutError()"}));
    }

    // throttle -------------------------------------------------------------------------------------

    void throttleDelaysEveryItemByTheSamePeriod_data()
    {
        QTest::addColumn<QString>("arrivals");
        QTest::addColumn<QStringList>("emitted");
        QTest::newRow("all at 0") << "0 0 0"
                                  << QStringList({"t=2 src.throttle(2) worker value emitted 'x0'",
                                                  "t=4 src.throttle(2) worker value emitted 'x1'",
                                                  "t=6 src.throttle(2) worker value emitted 'x2'"});
        // Arrivals at 0, 1, 5: a fixed delay per item, not a rate window (x2 would go out at 5
        // under a window of one item per 2).
        QTest::newRow("spread out") << "0 1 4"
                                    << QStringList({"t=2 src.throttle(2) worker value emitted 'x0'",
                                                    "t=4 src.throttle(2) worker value emitted 'x1'",
                                                    "t=7 src.throttle(2) worker value emitted 'x2'"});
    }

    void throttleDelaysEveryItemByTheSamePeriod()
    {
        QFETCH(QString, arrivals);
        QFETCH(QStringList, emitted);
        std::vector<std::pair<Tick, QVariant>> items;
        const QStringList gaps = arrivals.split(QLatin1Char(' '));
        for (int i = 0; i < gaps.size(); ++i)
            items.emplace_back(gaps[i].toLongLong(), QStringLiteral("x%1").arg(i));
        Runtime rt(Profile::asyncio());
        const ep::StreamE stream = ep::StreamE::fromTimed(QStringLiteral("src"), items).throttle(2);
        QCOMPARE(collectInMain(rt, stream), emitted.last().section(QLatin1Char(' '), 0, 0) + QStringLiteral(" main completed ['x0', 'x1', 'x2']"));
        QCOMPARE(matching(rt.trace(), {K::ValueEmitted}, QStringLiteral("worker")), emitted);
    }

    // Sinks and chains ---------------------------------------------------------------------------------

    void sinkHeadTakesTheFirstItemAndLeavesTheRestRunning()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const ep::StreamE stream = ep::StreamE::fromTimed(QStringLiteral("src"), {{1, "a"}, {1, "b"}}).throttle(1);
            co_return co_await stream.run(ctx, ep::Sink::head());
        });
        testing::dumpTrace(rt.trace());
        QCOMPARE(matching(rt.trace(), {K::Completed}, QStringLiteral("main|src")),
                 QStringList({"t=0 src.throttle(1) completed", "t=2 src completed", "t=2 main completed 'a'",
                              "t=3 src.throttle(1) worker completed"}));
    }

    void stagesChainAndAnErrorFromAnyStageReachesTheSink()
    {
        // via_effect fails on b at 2 (b:1 starts at 1, after the throttle let it through).
        Runtime rt(Profile::asyncio());
        const ep::StreamE stream = items({"a:0", "b:1!", "c:0"}).throttle(1).viaEffect(leafStage(), 1);
        QCOMPARE(collectInMain(rt, stream), QStringLiteral("t=3 main failed Failure('b')"));
        QCOMPARE(matching(rt.trace(), {K::ValueEmitted}, QStringLiteral("worker")),
                 QStringList({
                     "t=1 src.throttle(1) worker value emitted 'a:0'",
                     "t=1 src.throttle(1).via_effect(1) worker value emitted 'a'",
                     "t=2 src.throttle(1) worker value emitted 'b:1!'",
                     "t=3 src.throttle(1) worker value emitted 'c:0'",
                     "t=3 src.throttle(1).via_effect(1) worker value emitted error queue <- Failure('b')",
                 }));
    }

    // merge, filter, take, map, buffer --------------------------------------------------------------

    void mergeForwardsInArrivalOrderUntilBothUpstreamsEnd()
    {
        // left sends a at 1 and c at 3; right sends b at 2 and d at 5: the merge is exhaustive.
        Runtime rt(Profile::asyncio());
        const ep::StreamE left = ep::StreamE::fromTimed(QStringLiteral("left"), {{1, "a"}, {2, "c"}});
        const ep::StreamE right = ep::StreamE::fromTimed(QStringLiteral("right"), {{2, "b"}, {3, "d"}});
        QCOMPARE(collectInMain(rt, left.merge(right)), QStringLiteral("t=5 main completed ['a', 'b', 'c', 'd']"));
        QCOMPARE(matching(rt.trace(), {K::ValueEmitted}, QStringLiteral("pump")),
                 QStringList({"t=1 pump left value emitted 'a'", "t=2 pump right value emitted 'b'",
                              "t=3 pump left value emitted 'c'", "t=5 pump right value emitted 'd'"}));
    }

    void mergeUpstreamsShareTheErrorQueue()
    {
        // right raises at 2 after sending x at 1: its error reaches the sink through the merged
        // stream's error queue while left is still running.
        Runtime rt(Profile::asyncio());
        const ep::StreamE left = ep::StreamE::fromTimed(QStringLiteral("left"), {{1, "a"}, {4, "c"}});
        const ep::StreamE right = ep::StreamE::fromTimed(QStringLiteral("right"), {{1, "x"}, {1, "y"}},
                                                         Error::plain(QStringLiteral("ValueError"), QStringLiteral("boom"), NoId));
        QCOMPARE(collectInMain(rt, left.merge(right)), QStringLiteral("t=2 main failed ValueError('boom')"));
        QCOMPARE(matching(rt.trace(), {K::ValueEmitted}, QStringLiteral("error queue")),
                 QStringList({"t=2 right value emitted error queue <- ValueError('boom')"}));
    }

    void filterForwardsOnlyWhatItKeeps()
    {
        Runtime rt(Profile::asyncio());
        const ep::StreamE stream = items({"a", "bb", "c", "dd"}).filter([](const Value &v) { return v.toString().size() == 1; });
        QCOMPARE(collectInMain(rt, stream), QStringLiteral("t=0 main completed ['a', 'c']"));
        QCOMPARE(matching(rt.trace(), {K::ValueEmitted}, QStringLiteral("drops")),
                 QStringList({"t=0 src.filter() worker value emitted filter drops 'bb'",
                              "t=0 src.filter() worker value emitted filter drops 'dd'"}));
    }

    void filterThatRaisesSendsTheErrorAndCloses()
    {
        Runtime rt(Profile::asyncio());
        const ep::StreamE stream = items({"a", "boom", "c"}).filter([](const Value &v) {
            if (v.toString() == QLatin1String("boom"))
                throw Error::plain(QStringLiteral("KeyError"), QStringLiteral("boom"), NoId);
            return true;
        });
        QCOMPARE(collectInMain(rt, stream), QStringLiteral("t=0 main failed KeyError('boom')"));
    }

    void takeForwardsTheFirstNThenClosesBothEnds()
    {
        // Items at 1, 2, 3: take(2) closes its input and output at 2; the source meets the closed
        // queue at 3 and sends QueueClosed to the error queue, which nobody reads any more.
        Runtime rt(Profile::asyncio());
        const ep::StreamE stream = ep::StreamE::fromTimed(QStringLiteral("src"), {{1, "a"}, {1, "b"}, {1, "c"}}).take(2);
        QCOMPARE(collectInMain(rt, stream), QStringLiteral("t=2 main completed ['a', 'b']"));
        QCOMPARE(matching(rt.trace(), {K::ValueEmitted}, QStringLiteral("error queue")),
                 QStringList({"t=3 src value emitted error queue <- QueueClosed('send on closed queue')"}));
    }

    void takeZeroClosesBeforeReceivingAnything()
    {
        Runtime rt(Profile::asyncio());
        QCOMPARE(collectInMain(rt, items({"a", "b"}).take(0)), QStringLiteral("t=0 main completed []"));
        Runtime negative(Profile::asyncio());   // max(0, n)
        const ep::StreamE none = items({"a"}).take(-3);
        QCOMPARE(none.name(), QStringLiteral("src.take(0)"));
        QCOMPARE(collectInMain(negative, none), QStringLiteral("t=0 main completed []"));
    }

    void mapAndBufferAreViaEffectStages()
    {
        Runtime rt(Profile::asyncio());
        const ep::StreamE stream = items({"a", "b"}).buffer(1).map([](const Value &v) { return v.toString().toUpper(); });
        QCOMPARE(stream.name(), QStringLiteral("src.buffer(1).map()"));
        QCOMPARE(collectInMain(rt, stream), QStringLiteral("t=0 main completed ['A', 'B']"));
        QCOMPARE(matching(rt.trace(), {K::ValueEmitted}, QStringLiteral("worker")),
                 QStringList({"t=0 src.buffer(1) worker value emitted 'a'", "t=0 src.buffer(1) worker value emitted 'b'",
                              "t=0 src.buffer(1).map() worker value emitted 'A'", "t=0 src.buffer(1).map() worker value emitted 'B'"}));
    }
};

QTEST_GUILESS_MAIN(TestEffectpyStream)
#include "tst_effectpystream.moc"
