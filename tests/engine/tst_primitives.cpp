// Event, FIFO semaphore and bounded queue with close: every wait is a checkpoint, hand-offs are
// FIFO, and nothing handed over is lost to a cancellation that arrives just after.

#include "tracematch.h"

#include "engine/primitives/event.h"
#include "engine/primitives/queue.h"
#include "engine/primitives/semaphore.h"

#include <QTest>

#include <memory>

using namespace engine;
using testing::outcomes;

class TestPrimitives : public QObject
{
    Q_OBJECT

private slots:
    void eventWakesEveryWaiterAtTheInstantItIsSet()
    {
        Runtime rt(Profile::trio());
        auto event = std::make_shared<Event>(rt, "go");
        for (const char *name : {"A", "B"})
            rt.spawn(NoId, name, [event](Ctx ctx) -> QCoro::Task<Value> {
                co_await event->wait(ctx);
                co_return ctx.now();
            });
        rt.spawn(NoId, "setter", [event](Ctx ctx) -> QCoro::Task<Value> {
            co_await ctx.sleep(3);
            event->set();
            co_return {};
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=3 setter completed", "t=3 A completed 3", "t=3 B completed 3"}));
    }

    void waitingOnAnEventThatIsAlreadySetIsStillACheckpoint()
    {
        Runtime rt(Profile::trio());
        auto event = std::make_shared<Event>(rt);
        event->set();
        rt.spawn(NoId, "A", [event](Ctx ctx) -> QCoro::Task<Value> {
            co_await ctx.sleep(5);
            co_await event->wait(ctx);
            co_return {};
        });
        rt.scheduler().advanceTo(2);
        rt.cancelTask(0, NoId, "stop");
        rt.scheduler().runUntilIdle();
        QCOMPARE(rt.state(0), TaskState::Cancelled);
    }

    void semaphoreHandsSlotsOverInFifoOrder()
    {
        // SC40 pool of 3 connections, 10 operations of 1 unit launched at t0.
        Runtime rt(Profile::asyncio());
        auto pool = std::make_shared<Semaphore>(rt, 3, "pool");
        for (int i = 0; i < 10; ++i)
            rt.spawn(NoId, QStringLiteral("op%1").arg(i), [pool](Ctx ctx) -> QCoro::Task<Value> {
                co_await pool->acquire(ctx);
                co_await ctx.sleep(1);
                pool->release(ctx.task);
                co_return ctx.now();
            });
        rt.scheduler().runUntilIdle();
        QList<qlonglong> ends;
        for (TaskId t = 0; t < 10; ++t)
            ends << rt.endTime(t);
        QCOMPARE(ends, QList<qlonglong>({1, 1, 1, 2, 2, 2, 3, 3, 3, 4}));
        QCOMPARE(pool->available(), 3);
    }

    void aCancelledWaiterNeverTakesTheSlot()
    {
        Runtime rt(Profile::trio());
        auto sem = std::make_shared<Semaphore>(rt, 1, "one");
        auto worker = [sem](Tick d) -> Body {
            return [sem, d](Ctx ctx) -> QCoro::Task<Value> {
                co_await sem->acquire(ctx);
                co_await ctx.sleep(d);
                sem->release(ctx.task);
                co_return ctx.now();
            };
        };
        rt.spawn(NoId, "holder", worker(4));
        rt.spawn(NoId, "quitter", worker(1));
        rt.spawn(NoId, "patient", worker(1));
        rt.scheduler().advanceTo(2);
        rt.cancelTask(1, NoId, "give up");
        rt.scheduler().runUntilIdle();
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=2 quitter cancelled", "t=4 holder completed 4", "t=5 patient completed 5"}));
    }

    void underAsyncioACancelAfterTheHandOffWinsAndTheSlotPassesOn()
    {
        // The holder releases at 2, handing the slot to "second"; in the same step it cancels
        // "second" (as aio.tasks' consumer cancels its submitter). asyncio: the cancellation wins
        // and the slot goes on to "third".
        Runtime rt(Profile::asyncio());
        auto sem = std::make_shared<Semaphore>(rt, 1, "one");
        rt.spawn(NoId, "holder", [sem](Ctx ctx) -> QCoro::Task<Value> {
            co_await sem->acquire(ctx);
            co_await ctx.sleep(2);
            sem->release(ctx.task);
            ctx.rt->cancelTask(1, ctx.task, "changed my mind");
            co_return {};
        }, StartPolicy::Eager);
        for (const char *name : {"second", "third"})
            rt.spawn(NoId, name, [sem](Ctx ctx) -> QCoro::Task<Value> {
                co_await sem->acquire(ctx);
                co_await ctx.sleep(1);
                sem->release(ctx.task);
                co_return ctx.now();
            }, StartPolicy::Eager);
        rt.scheduler().runUntilIdle();
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=2 holder completed", "t=2 second cancelled", "t=3 third completed 3"}));
    }

    void underTrioTheHandOffIsCommittedAndTheCancellationWaitsForTheNextCheckpoint()
    {
        Runtime rt(Profile::trio());
        auto sem = std::make_shared<Semaphore>(rt, 1, "one");
        QStringList got;
        rt.spawn(NoId, "holder", [sem](Ctx ctx) -> QCoro::Task<Value> {
            co_await sem->acquire(ctx);
            co_await ctx.sleep(2);
            sem->release(ctx.task);
            ctx.rt->cancelTask(1, ctx.task, "changed my mind");
            co_return {};
        }, StartPolicy::Eager);
        rt.spawn(NoId, "second", [sem, &got](Ctx ctx) -> QCoro::Task<Value> {
            co_await sem->acquire(ctx);
            got << QStringLiteral("slot @%1").arg(ctx.now());
            co_await ctx.sleep(1);   // raised here
            co_return {};
        }, StartPolicy::Eager);
        rt.scheduler().runUntilIdle();
        QCOMPARE(got, QStringList({"slot @2"}));
        QCOMPARE(rt.state(1), TaskState::Cancelled);
    }

    void queuePutWaitsWhileFullAndGetWaitsWhileEmpty()
    {
        Runtime rt(Profile::trio());
        auto q = std::make_shared<Queue>(rt, 1, "q");
        QStringList log;
        rt.spawn(NoId, "producer", [q, &log](Ctx ctx) -> QCoro::Task<Value> {
            for (int i = 0; i < 3; ++i) {
                co_await q->put(ctx, i);
                log << QStringLiteral("put %1 @%2").arg(i).arg(ctx.now());
            }
            co_return {};
        });
        rt.spawn(NoId, "consumer", [q, &log](Ctx ctx) -> QCoro::Task<Value> {
            for (int i = 0; i < 3; ++i) {
                co_await ctx.sleep(2);
                const QVariant v = co_await q->get(ctx);
                log << QStringLiteral("got %1 @%2").arg(v.toInt()).arg(ctx.now());
            }
            co_return {};
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(log, QStringList({"put 0 @0", "got 0 @2", "put 1 @2", "got 1 @4", "put 2 @4", "got 2 @6"}));
    }

    void closingAQueueDrainsThenRaisesQueueClosed()
    {
        Runtime rt(Profile::trio());
        auto q = std::make_shared<Queue>(rt, 0, "jobs");
        QStringList log;
        rt.spawn(NoId, "consumer", [q, &log](Ctx ctx) -> QCoro::Task<Value> {
            while (true) {
                const QVariant v = co_await q->get(ctx);
                log << v.toString();
            }
        });
        rt.spawn(NoId, "producer", [q](Ctx ctx) -> QCoro::Task<Value> {
            co_await q->put(ctx, "a");
            co_await q->put(ctx, "b");
            co_await ctx.sleep(1);
            q->close();
            co_await q->put(ctx, "c");
            co_return {};
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(log, QStringList({"a", "b"}));
        QCOMPARE(rt.task(0).error->describe(), QStringLiteral("QueueClosed('jobs')"));
        QCOMPARE(rt.task(1).error->describe(), QStringLiteral("QueueClosed('jobs')"));
        QCOMPARE(rt.endTime(0), Tick(1));
    }

    void aValueHandedOverIsNotLostToACancellationThatArrivesJustAfter()
    {
        Runtime rt(Profile::trio());
        auto q = std::make_shared<Queue>(rt, 0, "q");
        QVariant received;
        rt.spawn(NoId, "getter", [q, &received](Ctx ctx) -> QCoro::Task<Value> {
            received = co_await q->get(ctx);
            co_await ctx.sleep(1);   // the cancellation is raised here instead
            co_return {};
        });
        rt.spawn(NoId, "putter", [q](Ctx ctx) -> QCoro::Task<Value> {
            co_await ctx.sleep(2);
            co_await q->put(ctx, "precious");
            ctx.rt->cancelTask(0, ctx.task, "right after the hand-off");
            co_return {};
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(received.toString(), QStringLiteral("precious"));
        QCOMPARE(rt.state(0), TaskState::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestPrimitives)
#include "tst_primitives.moc"
