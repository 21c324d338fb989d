// aio.tasks' `concurrent` and `inflate` against helper-semantics.md §2 and §10 (SC02, SC03, SC06,
// SC07, SC12, SC14): completion order, the one-ahead pull, wrapped errors, iterator errors that
// always raise, and the leak when the consumer walks away.

#include "tracematch.h"

#include "engine/helpers/aiotasks.h"
#include "engine/value.h"

#include <QTest>

using namespace engine;
using testing::failer;
using testing::lines;
using testing::outcomes;
using testing::sleeper;

namespace {

std::shared_ptr<ListSource> tasks(const QStringList &specs, Tick scale = 1)
{
    return std::make_shared<ListSource>(testing::children(specs, scale));
}

// The consumer: `async for r in concurrent(...)`, logging what it got and when; stops after
// `take` items when take >= 0 (a `break`).
void consume(Runtime &rt, std::shared_ptr<ListSource> source, aiotasks::ConcurrentOptions options, QStringList *log, int take = -1)
{
    rt.spawn(NoId, "consumer", [source, options, log, take](Ctx ctx) -> QCoro::Task<Value> {
        const auto it = aiotasks::Concurrent::start(ctx, source, options);
        int taken = 0;
        while (take < 0 || taken < take) {
            const std::optional<Value> v = co_await it->next(ctx);
            if (!v)
                break;
            ++taken;
            *log << QStringLiteral("%1@%2").arg(describeValue(*v)).arg(ctx.now());
        }
        co_return {};
    });
}

QStringList starts(const Trace &trace)
{
    QStringList out;
    for (const QString &line : lines(trace, {EventKind::Started}))
        if (!line.contains(QLatin1String("consumer")) && !line.contains(QLatin1String("submit")))
            out << line;
    return out;
}

} // namespace

class TestAioTasks : public QObject
{
    Q_OBJECT

private slots:
    void sc02ResultsComeInCompletionOrderWithTwoSlots()
    {
        Runtime rt(Profile::asyncio());
        QStringList log;
        aiotasks::ConcurrentOptions options;
        options.limit = 2;
        consume(rt, tasks({"A:3", "B:1", "C:1", "D:2"}), options, &log);
        rt.scheduler().runUntilIdle();
        QCOMPARE(log, QStringList({"'B'@1", "'C'@2", "'A'@3", "'D'@4"}));
        QCOMPARE(rt.endTime(0), Tick(4));
        // One item ahead: C is pulled at 0 while A and B hold both slots.
        QCOMPARE(lines(rt.trace(), {EventKind::ItemPulled}).mid(0, 3),
                 QStringList({"t=0 submit item pulled A", "t=0 submit item pulled B", "t=0 submit item pulled C"}));
    }

    void sc02UnlimitedStartsEverythingAtOnce()
    {
        Runtime rt(Profile::asyncio());
        QStringList log;
        aiotasks::ConcurrentOptions options;
        options.limit = -1;
        consume(rt, tasks({"A:3", "B:1", "C:1", "D:2"}), options, &log);
        rt.scheduler().runUntilIdle();
        QCOMPARE(log, QStringList({"'B'@1", "'C'@1", "'D'@2", "'A'@3"}));
        QCOMPARE(rt.endTime(0), Tick(3));
    }

    void sc03TheDefaultLimitIsCpuCountPlusFourCappedAt32()
    {
        QCOMPARE(aiotasks::defaultLimit(4), 8);
        QCOMPARE(aiotasks::defaultLimit(64), 32);
        Runtime rt(Profile::asyncio());
        QStringList log;
        consume(rt, tasks({"A:3", "B:1", "C:1", "D:2"}), {}, &log);
        rt.scheduler().runUntilIdle();
        QCOMPARE(starts(rt.trace()), QStringList({"t=0 A started", "t=0 B started", "t=0 C started", "t=0 D started"}));
        QCOMPARE(rt.endTime(0), Tick(3));
    }

    void sc06AFailureRaisesWrappedCancelsAndJoinsAndNeverStartsTheRest()
    {
        Runtime rt(Profile::asyncio());
        QStringList log;
        aiotasks::ConcurrentOptions options;
        options.limit = 2;
        consume(rt, tasks({"A:3", "B:1!", "C:1", "D:2"}), options, &log);
        rt.scheduler().runUntilIdle();
        QVERIFY(log.isEmpty());
        QCOMPARE(starts(rt.trace()), QStringList({"t=0 A started", "t=0 B started"}));
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=1 B failed ValueError('B')",
                                           "t=1 submit cancelled",
                                           "t=1 A cancelled",
                                           "t=1 consumer failed ConcurrentExecutionError(ValueError('B'))",
                                       }));
    }

    void sc07ErrorsComeAsValuesInCompletionOrder()
    {
        Runtime rt(Profile::asyncio());
        QStringList log;
        aiotasks::ConcurrentOptions options;
        options.limit = 2;
        options.yieldExceptions = true;
        consume(rt, tasks({"A:3", "B:1!", "C:1", "D:2"}), options, &log);
        rt.scheduler().runUntilIdle();
        QCOMPARE(log, QStringList({"ConcurrentExecutionError(ValueError('B'))@1", "'C'@2", "'A'@3", "'D'@4"}));
    }

    void sc12AnInputThatRaisesAlwaysRaisesEvenWithYieldExceptions()
    {
        Runtime rt(Profile::asyncio());
        QStringList log;
        auto source = tasks({"a:1", "b:2"});
        source->raiseAfter(2, Error::plain("RuntimeError", "generator broke"));
        source->setGenerator(true);
        aiotasks::ConcurrentOptions options;
        options.limit = 2;
        options.yieldExceptions = true;
        consume(rt, source, options, &log);
        rt.scheduler().runUntilIdle();
        QVERIFY(log.isEmpty());
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=0 submit completed",
                                           "t=0 a cancelled",
                                           "t=0 b cancelled",
                                           "t=0 consumer failed ConcurrentIteratorError(RuntimeError('generator broke'))",
                                       }));
    }

    void sc12ABadElementIsAConcurrentErrorYieldedInPlace()
    {
        Runtime rt(Profile::asyncio());
        QStringList log;
        aiotasks::ConcurrentOptions options;
        options.yieldExceptions = true;
        consume(rt, tasks({"a:1", "42", "c:2"}), options, &log);
        rt.scheduler().runUntilIdle();
        QCOMPARE(log, QStringList({"ConcurrentError('Provided input was not a coroutine: 42')@0", "'a'@1", "'c'@2"}));
    }

    void sc14TheConsumerWalksAwayAndTheRestKeepsRunning()
    {
        // Times ×10: A:30, B:10, C:10, D:20, the consumer cancelled at 25.
        Runtime rt(Profile::asyncio());
        QStringList log;
        aiotasks::ConcurrentOptions options;
        options.limit = 2;
        consume(rt, tasks({"A:3", "B:1", "C:1", "D:2"}, 10), options, &log);
        rt.scheduleCancel(0, 25, "consumer cancelled");
        rt.scheduler().runUntilIdle();
        QCOMPARE(log, QStringList({"'B'@10", "'C'@20"}));
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=10 B completed 'B'",
                                           "t=20 C completed 'C'",
                                           "t=20 submit completed",
                                           "t=25 consumer cancelled",
                                           "t=30 A completed 'A'",
                                           "t=40 D completed 'D'",
                                       }));
    }

    void sc14BreakingAfterTheFirstItemLeaksToo()
    {
        Runtime rt(Profile::asyncio());
        QStringList log;
        aiotasks::ConcurrentOptions options;
        options.limit = 2;
        consume(rt, tasks({"A:3", "B:1", "C:1", "D:2"}), options, &log, 1);
        rt.scheduler().runUntilIdle();
        QCOMPARE(log, QStringList({"'B'@1"}));
        QCOMPARE(starts(rt.trace()), QStringList({"t=0 A started", "t=0 B started", "t=1 C started", "t=2 D started"}));
        QCOMPARE(rt.endTime(0), Tick(1));
        QCOMPARE(rt.now(), Tick(4));
    }

    void inflateYieldsEachObjectOnceItsAwaitablesAreDone()
    {
        Runtime rt(Profile::asyncio());
        rt.spawn(NoId, "main", [](Ctx ctx) -> QCoro::Task<Value> {
            std::vector<aiotasks::Inflatable> objects;
            objects.push_back({"x", {{"x1", sleeper(3, 1)}, {"x2", sleeper(1, 2)}}});
            objects.push_back({"y", {{"y1", sleeper(2, 3)}}});
            co_return co_await aiotasks::inflate(ctx, std::move(objects));
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(outcomes(rt.trace()).last(), QStringLiteral("t=3 main completed ['y', 'x']"));
    }

    void inflateRaisesTheFirstSubError()
    {
        Runtime rt(Profile::asyncio());
        rt.spawn(NoId, "main", [](Ctx ctx) -> QCoro::Task<Value> {
            std::vector<aiotasks::Inflatable> objects;
            objects.push_back({"x", {{"x1", sleeper(3, 1)}, {"x2", failer(1, "x2")}}});
            co_return co_await aiotasks::inflate(ctx, std::move(objects));
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(rt.task(0).error->describe(), QStringLiteral("ConcurrentExecutionError(ValueError('x2'))"));
        QCOMPARE(rt.endTime(0), Tick(3));
    }
};

QTEST_GUILESS_MAIN(TestAioTasks)
#include "tst_aiotasks.moc"
