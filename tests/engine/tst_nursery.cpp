// The core nursery: joins, the first error cancels siblings and body, error shaping, same-instant
// failures under immediate vs batch propagation, and cancellation from outside during the join.

#include "tracematch.h"

#include "engine/nursery.h"

#include <QTest>

using namespace engine;
using testing::failer;
using testing::outcomes;
using testing::sleeper;

namespace {

// A root task "main" running a nursery with the given children and body sleep.
struct Child
{
    const char *name;
    Body body;
};

void runNursery(Runtime &rt, NurseryOptions options, std::vector<Child> children, Tick bodySleep = 0,
                bool bodyFails = false)
{
    rt.spawn(NoId, "main", [options, children, bodySleep, bodyFails](Ctx ctx) -> QCoro::Task<Value> {
        const NurseryBody body = [children, bodySleep, bodyFails](Ctx ctx, Nursery &n) -> QCoro::Task<Value> {
            for (const Child &c : children)
                n.start(QString::fromLatin1(c.name), c.body);
            if (bodySleep > 0)
                co_await ctx.sleep(bodySleep);
            if (bodyFails)
                throw Error::plain("KeyError", "body", ctx.task);
            co_return QStringLiteral("body value");
        };
        co_return co_await withNursery(ctx, options, body);
    });
    rt.scheduler().runUntilIdle();
}

} // namespace

class TestNursery : public QObject
{
    Q_OBJECT

private slots:
    void nurseryWaitsForEveryChildAndReturnsTheBodyValue()
    {
        Runtime rt(Profile::trio());
        runNursery(rt, {}, {{"A", sleeper(3, 1)}, {"B", sleeper(1, 2)}});
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=1 B completed 2", "t=3 A completed 1", "t=3 main completed 'body value'"}));
    }

    void theFirstErrorCancelsSiblingsAndTheBody()
    {
        Runtime rt(Profile::trio());
        runNursery(rt, {}, {{"A", failer(1, "A")}, {"B", sleeper(3, "B")}}, 5);
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=1 A failed ValueError('A')",
                                           "t=1 B cancelled",
                                           "t=1 main failed ExceptionGroup('Nursery', [ValueError('A')])",
                                       }));
    }

    void theBodysErrorCancelsTheChildrenAndJoinsTheGroup()
    {
        Runtime rt(Profile::trio());
        runNursery(rt, {}, {{"A", sleeper(3, "A")}}, 2, true);
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=2 A cancelled",
                                           "t=2 main failed ExceptionGroup('Nursery', [KeyError('body')])",
                                       }));
    }

    void errorShapesFollowTheGroupPolicy_data()
    {
        QTest::addColumn<int>("policy");
        QTest::addColumn<QString>("raised");
        QTest::newRow("always") << int(GroupPolicy::Always) << "ExceptionGroup('Nursery', [ValueError('A'), ValueError('B')])";
        QTest::newRow("when many") << int(GroupPolicy::WhenMany) << "ExceptionGroup('Nursery', [ValueError('A'), ValueError('B')])";
        QTest::newRow("first only") << int(GroupPolicy::FirstOnly) << "ValueError('A')";
    }
    void errorShapesFollowTheGroupPolicy()
    {
        QFETCH(int, policy);
        QFETCH(QString, raised);
        // Batch propagation lets both same-instant failures happen before the nursery reacts.
        Runtime rt(Profile::asyncio());
        NurseryOptions options;
        options.groups = GroupPolicy(policy);
        runNursery(rt, options, {{"A", failer(1, "A")}, {"B", failer(1, "B")}, {"C", sleeper(2, "C")}});
        QCOMPARE(rt.task(0).error->describe(), raised);
        QCOMPARE(rt.state(3), TaskState::Cancelled);
    }

    void aSingleErrorIsBareUnderWhenMany()
    {
        Runtime rt(Profile::trio());
        NurseryOptions options;
        options.groups = GroupPolicy::WhenMany;
        runNursery(rt, options, {{"A", failer(1, "A")}, {"B", sleeper(2, "B")}});
        QCOMPARE(rt.task(0).error->describe(), QStringLiteral("ValueError('A')"));
    }

    void sameInstantFailuresUnderImmediatePropagationYieldOneError()
    {
        // trio: nursery(A:1!, B:1!, C:2) ⇒ the group holds one error; B is cancelled before its
        // wake-up is processed.
        Runtime rt(Profile::trio());
        runNursery(rt, {}, {{"A", failer(1, "A")}, {"B", failer(1, "B")}, {"C", sleeper(2, "C")}});
        QCOMPARE(outcomes(rt.trace()), QStringList({
                                           "t=1 A failed ValueError('A')",
                                           "t=1 B cancelled",
                                           "t=1 C cancelled",
                                           "t=1 main failed ExceptionGroup('Nursery', [ValueError('A')])",
                                       }));
    }

    void sameInstantFailuresUnderBatchPropagationAreBothCollected()
    {
        // asyncio TaskGroup: A:1!, B:1! ⇒ group [A, B].
        Runtime rt(Profile::asyncio());
        runNursery(rt, {}, {{"A", failer(1, "A")}, {"B", failer(1, "B")}});
        QCOMPARE(rt.task(0).error->describe(), QStringLiteral("ExceptionGroup('Nursery', [ValueError('A'), ValueError('B')])"));
    }

    void cancellingTheParentDuringTheJoinCancelsChildrenAndWaitsForThem()
    {
        // B needs 2 ticks of shielded cleanup after cancellation: the join must wait for it.
        const Body slowCleanup = [](Ctx ctx) -> QCoro::Task<Value> {
            bool cancelled = false;
            try {
                co_await ctx.sleep(10);
            } catch (const Cancelled &) {
                cancelled = true;
            }
            if (cancelled) {
                ScopeOptions shield;
                shield.shield = true;
                const ScopeId s = ctx.rt->openScope(ctx.task, shield);
                co_await ctx.sleep(2);
                ctx.rt->closeScope(s, nullptr);
                throw Cancelled();
            }
            co_return {};
        };
        Runtime rt2(Profile::trio());
        rt2.spawn(NoId, "main", [slowCleanup](Ctx ctx) -> QCoro::Task<Value> {
            const NurseryBody body = [slowCleanup](Ctx, Nursery &n) -> QCoro::Task<Value> {
                n.start("A", sleeper(10, "A"));
                n.start("B", slowCleanup);
                co_return {};
            };
            co_return co_await withNursery(ctx, {}, body);
        });
        rt2.scheduler().advanceTo(3);
        rt2.cancelTask(0, NoId, "user");
        rt2.scheduler().runUntilIdle();
        QCOMPARE(outcomes(rt2.trace()), QStringList({"t=3 A cancelled", "t=5 B cancelled", "t=5 main cancelled"}));
    }

    void aChildStartedIntoACancelledNurseryIsCancelledAtItsFirstCheckpoint()
    {
        Runtime rt(Profile::trio());
        rt.spawn(NoId, "main", [](Ctx ctx) -> QCoro::Task<Value> {
            const NurseryBody body = [](Ctx, Nursery &n) -> QCoro::Task<Value> {
                n.cancel("closed early");
                n.start("late", sleeper(1, "late"));
                co_return {};
            };
            co_return co_await withNursery(ctx, {}, body);
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=0 late cancelled", "t=0 main completed"}));
        QCOMPARE(rt.task(1).start, Tick(0));   // it did start (deferred), then met the cancellation
    }
};

QTEST_GUILESS_MAIN(TestNursery)
#include "tst_nursery.moc"
