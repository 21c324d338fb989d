// The virtual clock: timer order, the stepping verbs, and that time only moves when asked.

#include "engine/scheduler.h"

#include <QTest>

using namespace engine;

namespace {

// Records which job ran at which virtual time.
struct Log
{
    Scheduler *scheduler = nullptr;
    QStringList entries;
    static void job(void *self, qint64 a, qint64)
    {
        auto *log = static_cast<Log *>(self);
        log->entries << QStringLiteral("%1@%2").arg(a).arg(log->scheduler->now());
    }
    Job make(qint64 id) { return Job{&Log::job, this, id, 0, NoId, 0}; }
};

} // namespace

class TestScheduler : public QObject
{
    Q_OBJECT

private slots:
    void timersFireByDeadlineThenRegistrationOrder()
    {
        Scheduler s;
        Log log{&s, {}};
        s.addTimer(5, log.make(1));
        s.addTimer(3, log.make(2));
        s.addTimer(5, log.make(3));
        s.addTimer(3, log.make(4));
        s.runUntilIdle();
        QCOMPARE(log.entries, QStringList({"2@3", "4@3", "1@5", "3@5"}));
    }

    void stepRunsOneReadyJobOrOneWholeTimerBatch()
    {
        Scheduler s;
        Log log{&s, {}};
        s.addTimer(2, log.make(1));
        s.addTimer(2, log.make(2));
        s.addTimer(4, log.make(3));
        s.post(log.make(0));
        QVERIFY(s.step());
        QCOMPARE(log.entries, QStringList({"0@0"}));
        QCOMPARE(s.now(), Tick(0));
        QVERIFY(s.step());   // both deadline-2 timers fire together
        QCOMPARE(log.entries, QStringList({"0@0", "1@2", "2@2"}));
        QCOMPARE(s.now(), Tick(2));
        QVERIFY(s.step());
        QCOMPARE(s.now(), Tick(4));
        QVERIFY(!s.step());
        QCOMPARE(s.steps(), quint64(3));
    }

    void runInstantNeverMovesTime()
    {
        Scheduler s;
        Log log{&s, {}};
        s.post(log.make(1));
        s.post(log.make(2));
        s.addTimer(1, log.make(3));
        s.runInstant();
        QCOMPARE(log.entries, QStringList({"1@0", "2@0"}));
        QCOMPARE(s.now(), Tick(0));
        QCOMPARE(s.nextDeadline(), Tick(1));
    }

    void advanceToRunsEverythingUpToTheTargetAndStopsThere()
    {
        Scheduler s;
        Log log{&s, {}};
        s.addTimer(3, log.make(1));
        s.addTimer(7, log.make(2));
        s.addTimer(8, log.make(3));
        s.advanceTo(7);
        QCOMPARE(log.entries, QStringList({"1@3", "2@7"}));
        QCOMPARE(s.now(), Tick(7));
        s.advanceBy(0);
        QCOMPARE(s.now(), Tick(7));
        s.advanceTo(5);   // never backwards
        QCOMPARE(s.now(), Tick(7));
    }

    void advanceByMovesTheClockEvenWithNothingToRun()
    {
        Scheduler s;
        s.advanceBy(25);
        QCOMPARE(s.now(), Tick(25));
        QVERIFY(s.idle());
    }

    void cancelledTimerNeverFiresAndItsSlotIsReused()
    {
        Scheduler s;
        Log log{&s, {}};
        const auto t1 = s.addTimer(2, log.make(1));
        s.cancelTimer(t1);
        s.cancelTimer(t1);   // twice is harmless
        const auto t2 = s.addTimer(3, log.make(2));
        QVERIFY(t1 != t2);
        s.cancelTimer(t1);   // a stale id must not cancel the slot's new timer
        s.runUntilIdle();
        QCOMPARE(log.entries, QStringList({"2@3"}));
    }

    void aTimerJobCanCancelALaterTimerOfTheSameBatch()
    {
        Scheduler s;
        struct Canceller
        {
            Scheduler *s;
            Scheduler::TimerId victim;
            static void job(void *self, qint64, qint64)
            {
                auto *c = static_cast<Canceller *>(self);
                c->s->cancelTimer(c->victim);
            }
        } canceller{&s, 0};
        Log log{&s, {}};
        s.addTimer(2, Job{&Canceller::job, &canceller, 0, 0, NoId, 0});
        canceller.victim = s.addTimer(2, log.make(9));
        s.runUntilIdle();
        QVERIFY(log.entries.isEmpty());
    }

    void seededShuffleIsReproducibleAndPermutesTies()
    {
        auto order = [](quint64 seed) {
            Scheduler s;
            s.setTieOrder(TieOrder::SeededShuffle, seed);
            Log log{&s, {}};
            for (int i = 0; i < 8; ++i)
                s.addTimer(1, log.make(i));
            s.runUntilIdle();
            return log.entries;
        };
        QCOMPARE(order(7), order(7));
        bool anyDiffers = false;
        for (quint64 seed = 0; seed < 5; ++seed)
            anyDiffers |= order(seed) != order(seed + 100);
        QVERIFY(anyDiffers);
    }

    void pendingTimersAreListedInFiringOrder()
    {
        Scheduler s;
        Log log{&s, {}};
        s.addTimer(9, log.make(1));
        s.addTimer(4, log.make(2));
        const auto dead = s.addTimer(1, log.make(3));
        s.cancelTimer(dead);
        const auto pending = s.pendingTimers();
        QCOMPARE(pending.size(), size_t(2));
        QCOMPARE(pending[0].deadline, Tick(4));
        QCOMPARE(pending[1].deadline, Tick(9));
    }

    void stepHooksRunAfterEveryStepAndTickAndMayPost()
    {
        // The hook sees each step's effect before the next one runs, and what it posts runs next
        // (how asyncio.Runner starts its next call between two jobs).
        struct Watcher
        {
            Scheduler *scheduler;
            Log *log;
            QStringList seen;
            static void hook(void *self)
            {
                auto *w = static_cast<Watcher *>(self);
                w->seen << QStringLiteral("%1 after %2").arg(w->scheduler->now()).arg(w->log->entries.size());
                if (w->log->entries.size() == 1 && w->seen.size() == 1)
                    w->scheduler->post(w->log->make(9));
            }
        };
        Scheduler s;
        Log log{&s, {}};
        Watcher w{&s, &log, {}};
        s.addStepHook(&Watcher::hook, &w);
        s.post(log.make(0));
        s.addTimer(2, log.make(1));
        s.runUntilIdle();
        QCOMPARE(log.entries, QStringList({"0@0", "9@0", "1@2"}));
        QCOMPARE(w.seen, QStringList({"0 after 1", "0 after 2", "2 after 3"}));
        s.addTimer(5, log.make(2));
        s.tick(4);   // a coarse tick is a step too
        QCOMPARE(w.seen.size(), 4);
        s.removeStepHooks(&w);
        s.post(log.make(3));
        s.runUntilIdle();
        QCOMPARE(w.seen.size(), 4);
        QCOMPARE(log.entries.size(), 5);
    }

    void aHaltedSchedulerLooksIdleAndRunsNothingUntilResumed()
    {
        Scheduler s;
        Log log{&s, {}};
        s.post(log.make(0));
        s.addTimer(3, log.make(1));
        s.setHalted(true);
        QVERIFY(s.idle());
        QVERIFY(!s.hasReady());
        QCOMPARE(s.nextDeadline(), Never);
        QVERIFY(s.readyQueue().empty());
        QVERIFY(s.pendingTimers().empty());
        QVERIFY(!s.step());
        s.runInstant();     // these loop on the public view: they must not spin
        s.advanceTo(10);
        s.tick(1);
        QCOMPARE(s.runUntilIdle(), quint64(0));
        QVERIFY(log.entries.isEmpty());
        QCOMPARE(s.steps(), quint64(0));
        // The jobs were kept: a runtime's teardown un-halts to unwind what they would resume.
        s.setHalted(false);
        s.runUntilIdle();
        QCOMPARE(log.entries, QStringList({"0@10", "1@10"}));
    }
};

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
