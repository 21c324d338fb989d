// effectpy's resilience and resource helpers on the engine: Schedule, retry/repeat (SC38),
// catch_all, the guide's circuit breaker and a classic half-open one, acquire_release, Scope and
// scoped, ensuring, Queue/Channel, Stream.merge, Runtime.fork/Fiber, the Clock service.

#include "effectpyleaves.h"

#include "engine/value.h"

#include <QTest>

using namespace engine;
using namespace testing::effectpy;
using testing::lines;
using testing::outcomes;

namespace {

// An effect that fails instantly (no checkpoint) with Failure('boom') for its first `failures`
// runs, then returns 'ok'; every run's start time is appended to `runs`.
ep::Effect flaky(int failures, std::shared_ptr<QStringList> runs)
{
    return ep::Effect(QStringLiteral("flaky"), [failures, runs](Ctx ctx) -> QCoro::Task<Value> {
        *runs << QString::number(ctx.now());
        if (runs->size() <= failures)
            throw ep::failure(QStringLiteral("boom"), ctx.task);
        co_return QStringLiteral("ok");
    });
}

QStringList notes(const Trace &trace)
{
    return lines(trace, {EventKind::ValueEmitted});
}

// Calls `breaker` at each instant of `at`; each call's effect fails with Failure('down') if the
// matching entry of `fails` is true; returns the outcome of every call.
template<typename Breaker>
QCoro::Task<Value> callBreakerAt(Ctx ctx, std::shared_ptr<Breaker> breaker, QList<Tick> at, QList<bool> fails,
                                 std::shared_ptr<int> ran)
{
    QStringList seen;
    for (int i = 0; i < at.size(); ++i) {
        co_await ctx.sleepUntil(at[i]);
        const bool failing = fails[i];
        const ep::Effect call(QStringLiteral("call"), [failing, ran](Ctx c) -> QCoro::Task<Value> {
            ++*ran;
            if (failing)
                throw ep::failure(QStringLiteral("down"), c.task);
            co_return QStringLiteral("up");
        });
        std::exception_ptr error;
        try {
            const Value value = co_await breaker->call(ctx, call);
            seen << describeValue(value);
        } catch (...) {
            error = std::current_exception();
        }
        if (error)
            seen << Error::fromException(error).describe();
    }
    co_return seen;
}

} // namespace

class TestEffectpyResilience : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Schedule ---------------------------------------------------------------------------------
    void schedulesGiveEffectpysDelays_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("steps");
        QTest::newRow("recurs(2)") << 0 << "go+0 go+0 stop";
        QTest::newRow("spaced(3)") << 1 << "go+3 go+3 go+3";
        QTest::newRow("exponential(1)") << 2 << "go+1 go+2 go+4";
        QTest::newRow("exponential(1, 3)") << 3 << "go+1 go+2 go+3";
    }

    void schedulesGiveEffectpysDelays()
    {
        QFETCH(int, kind);
        QFETCH(QString, steps);
        const ep::Schedule schedules[] = {ep::Schedule::recurs(2), ep::Schedule::spaced(3), ep::Schedule::exponential(1),
                                          ep::Schedule::exponential(1, 3)};
        ep::Schedule s = schedules[kind];
        s.reset(0);
        QStringList seen;
        for (int i = 0; i < 3; ++i) {
            const ep::Schedule::Step step = s.step();
            seen << (step.again ? QStringLiteral("go+%1").arg(step.delay) : QStringLiteral("stop"));
        }
        QCOMPARE(seen.join(QLatin1Char(' ')), steps);
    }

    void jitterIsSeededAndStaysInItsBounds()
    {
        auto delays = [](quint64 seed) {
            ep::Schedule s = ep::Schedule::exponential(100).jittered(0.5, 1.5);
            s.reset(seed);
            QList<Tick> out;
            for (int i = 0; i < 4; ++i)
                out << s.step().delay;
            return out;
        };
        QCOMPARE(delays(7), delays(7));
        QVERIFY(delays(7) != delays(8));
        const QList<Tick> d = delays(7);
        for (int i = 0; i < d.size(); ++i) {
            const Tick base = Tick(100) << i;
            QVERIFY(d[i] >= base / 2 && d[i] <= base * 3 / 2);
        }
    }

    // §10 SC38: retry / repeat ---------------------------------------------------------------------
    void sc38RetryExponentialSleepsOneThenTwo()
    {
        Runtime rt(Profile::asyncio());
        auto runs = std::make_shared<QStringList>();
        runMain(rt, [runs](Ctx ctx) { return ep::retry(ctx, flaky(2, runs), ep::Schedule::exponential(1)); });
        QCOMPARE(*runs, QStringList({"0", "1", "3"}));
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=3 main completed 'ok'"}));
        QCOMPARE(notes(rt.trace()), QStringList({
                                        "t=0 main value emitted retry exponential(1): attempt 1 raised Failure('boom'), next attempt in 1",
                                        "t=1 main value emitted retry exponential(1): attempt 2 raised Failure('boom'), next attempt in 2",
                                    }));
        QCOMPARE(lines(rt.trace(), {EventKind::Suspended}), QStringList({"t=0 main suspended on sleep until 1", "t=1 main suspended on sleep until 3"}));
    }

    void sc38RetryRecursOneGivesUpAfterTwoAttempts()
    {
        Runtime rt(Profile::asyncio());
        auto runs = std::make_shared<QStringList>();
        runMain(rt, [runs](Ctx ctx) { return ep::retry(ctx, flaky(99, runs), ep::Schedule::recurs(1)); });
        QCOMPARE(*runs, QStringList({"0", "0"}));
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=0 main failed Failure('boom')"}));
        QCOMPARE(notes(rt.trace()).last(), QStringLiteral("t=0 main value emitted retry recurs(1): attempt 2 raised Failure('boom'), giving up"));
    }

    void retryNeverRetriesADefect()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) { return ep::retry(ctx, leaf("A:1x"), ep::Schedule::recurs(3)); });
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=1 main failed ValueError('A')"}));
        QVERIFY(notes(rt.trace()).isEmpty());
    }

    void retryNeverRetriesCancellation()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) { return ep::retry(ctx, leaf("A:5"), ep::Schedule::spaced(1)); }, 2);
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=2 main cancelled"}));
    }

    void repeatRecursRunsNPlusOneTimesAndReturnsTheLastValue()
    {
        Runtime rt(Profile::asyncio());
        auto runs = std::make_shared<QStringList>();
        runMain(rt, [runs](Ctx ctx) {
            const ep::Effect tick(QStringLiteral("tick"), [runs](Ctx c) -> QCoro::Task<Value> {
                co_await c.sleep(1);
                *runs << QString::number(c.now());
                co_return int(runs->size());
            });
            return ep::repeat(ctx, tick, ep::Schedule::recurs(2));
        });
        QCOMPARE(*runs, QStringList({"1", "2", "3"}));
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=3 main completed 3"}));
    }

    void effectMethodsChainLikeEffectpys()
    {
        // flaky(1).retry(recurs(1)).timeout(5): first attempt fails, second returns 'ok'.
        Runtime rt(Profile::asyncio());
        auto runs = std::make_shared<QStringList>();
        runMain(rt, [runs](Ctx ctx) {
            const ep::Effect chained = flaky(1, runs).retry(ep::Schedule::spaced(2)).timeout(5);
            return chained.body(ctx);
        });
        QCOMPARE(*runs, QStringList({"0", "2"}));
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=2 flaky completed 'ok'", "t=2 main completed 'ok'"}));
    }

    // catch_all ------------------------------------------------------------------------------------
    void catchAllReplacesOnlyAFailure_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<Tick>("cancelAt");
        QTest::addColumn<QString>("outcome");
        QTest::newRow("Failure → fallback") << "A:1!" << Tick(-1) << "t=1 main completed 'FB after A'";
        QTest::newRow("defect passes through") << "A:1x" << Tick(-1) << "t=1 main failed ValueError('A')";
        QTest::newRow("cancellation passes through") << "A:3" << Tick(1) << "t=1 main cancelled";
        QTest::newRow("success untouched") << "A:1" << Tick(-1) << "t=1 main completed 'A'";
    }

    void catchAllReplacesOnlyAFailure()
    {
        QFETCH(QString, spec);
        QFETCH(Tick, cancelAt);
        QFETCH(QString, outcome);
        Runtime rt(Profile::asyncio());
        runMain(rt, [spec](Ctx ctx) {
            const ep::FailureHandler handler = [](const Error &failure) {
                return ep::succeed(QStringLiteral("FB"), QStringLiteral("FB after ") + ep::failureError(failure));
            };
            return ep::catchAll(ctx, leaf(spec), handler);
        }, cancelAt);
        QCOMPARE(outcomes(rt.trace()), QStringList({outcome}));
    }

    // Circuit breakers -----------------------------------------------------------------------------
    void guideCircuitBreakerOpensRejectsWithoutRunningAndResetsAfterAStrictTimeout()
    {
        // threshold 2, timeout 5: fails at 0 and 1 (opens; last_failure = 1), rejects at 2 and at 6
        // (6 - 1 = 5 is not > 5), resets and runs at 7.
        Runtime rt(Profile::asyncio());
        auto breaker = std::make_shared<ep::CircuitBreaker>(2, 5);
        auto ran = std::make_shared<int>(0);
        runMain(rt, [breaker, ran](Ctx ctx) {
            return callBreakerAt<ep::CircuitBreaker>(ctx, breaker, {0, 1, 2, 6, 7}, {true, true, false, false, false}, ran);
        });
        QCOMPARE(rt.result(0).toStringList(), QStringList({
                                                  "Failure('down')",
                                                  "Failure('Circuit breaker OPENED due to: down')",
                                                  "Failure('Circuit breaker is OPEN')",
                                                  "Failure('Circuit breaker is OPEN')",
                                                  "'up'",
                                              }));
        QCOMPARE(*ran, 3);   // the two rejected calls never ran their effect
        QCOMPARE(notes(rt.trace()), QStringList({
                                        "t=0 main value emitted circuit breaker: failure 1 of 2",
                                        "t=1 main value emitted circuit breaker: 2 failures, CLOSED → OPEN",
                                        "t=2 main value emitted circuit breaker: OPEN, call rejected",
                                        "t=6 main value emitted circuit breaker: OPEN, call rejected",
                                        "t=7 main value emitted circuit breaker: timeout passed, OPEN → CLOSED",
                                    }));
    }

    void guideCircuitBreakerSuccessResetsTheCountAndHasNoHalfOpenProbe()
    {
        Runtime rt(Profile::asyncio());
        auto breaker = std::make_shared<ep::CircuitBreaker>(2, 5);
        auto ran = std::make_shared<int>(0);
        // fail, success (count back to 0), fail: still closed. Then open at 4, reset at 10, one
        // failure after the reset does not re-open it.
        runMain(rt, [breaker, ran](Ctx ctx) {
            return callBreakerAt<ep::CircuitBreaker>(ctx, breaker, {0, 1, 2, 4, 10, 11}, {true, false, true, true, true, false}, ran);
        });
        QCOMPARE(rt.result(0).toStringList(), QStringList({
                                                  "Failure('down')",
                                                  "'up'",
                                                  "Failure('down')",
                                                  "Failure('Circuit breaker OPENED due to: down')",
                                                  "Failure('down')",
                                                  "'up'",
                                              }));
        QVERIFY(!breaker->isOpen());
    }

    void halfOpenBreakerProbesOnceAndReopensOnAFailedProbe()
    {
        // threshold 2, reset 5: opens at 1; the probe at 6 fails (re-opens at 6); 7 is rejected; the
        // probe at 11 succeeds and closes it.
        Runtime rt(Profile::asyncio());
        auto breaker = std::make_shared<ep::HalfOpenCircuitBreaker>(2, 5);
        auto ran = std::make_shared<int>(0);
        runMain(rt, [breaker, ran](Ctx ctx) {
            return callBreakerAt<ep::HalfOpenCircuitBreaker>(ctx, breaker, {0, 1, 2, 6, 7, 11, 12}, {true, true, false, true, false, false, true}, ran);
        });
        QCOMPARE(rt.result(0).toStringList(), QStringList({
                                                  "Failure('down')",
                                                  "Failure('down')",
                                                  "Failure('Circuit breaker is OPEN')",
                                                  "Failure('down')",
                                                  "Failure('Circuit breaker is OPEN')",
                                                  "'up'",
                                                  "Failure('down')",
                                              }));
        QCOMPARE(*ran, 5);
        QCOMPARE(breaker->state(), ep::HalfOpenCircuitBreaker::State::Closed);
    }

    // Resources ------------------------------------------------------------------------------------
    void acquireReleaseAlwaysReleasesAndSwallowsReleaseErrors_data()
    {
        QTest::addColumn<QString>("use");
        QTest::addColumn<Tick>("cancelAt");
        QTest::addColumn<QStringList>("expected");
        // Release takes 1 and then raises: swallowed, the outcome of use stands at 3.
        QTest::newRow("use succeeds") << "U:2" << Tick(-1) << QStringList{"t=3 main completed 'U'"};
        QTest::newRow("use fails") << "U:2!" << Tick(-1) << QStringList{"t=3 main failed Failure('U')"};
        // Release is not shielded, but asyncio delivers one CancelledError per cancel(): release's
        // own sleep of 1 runs to its end.
        QTest::newRow("caller cancelled during use") << "U:5" << Tick(2) << QStringList{"t=3 main cancelled"};
    }

    void acquireReleaseAlwaysReleasesAndSwallowsReleaseErrors()
    {
        QFETCH(QString, use);
        QFETCH(Tick, cancelAt);
        QFETCH(QStringList, expected);
        Runtime rt(Profile::asyncio());
        runMain(rt, [use](Ctx ctx) {
            const ep::Continuation user = [use](const Value &) { return leaf(use); };
            const ep::Continuation releaser = [](const Value &) { return leaf("release:1x"); };   // raises after 1
            return ep::acquireRelease(ctx, ep::succeed(QStringLiteral("acquire"), QStringLiteral("res")), releaser, user);
        }, cancelAt);
        QCOMPARE(outcomes(rt.trace()), expected);
        QCOMPARE(notes(rt.trace()).last().section(QLatin1Char(' '), 1), QStringLiteral("main value emitted release of 'res' raised ValueError('release') (swallowed)"));
    }

    void scopeRunsFinalizersLifoSwallowingFailuresAndLateOnesAtOnce()
    {
        Runtime rt(Profile::asyncio());
        auto order = std::make_shared<QStringList>();
        auto finalizer = [order](const QString &name, bool fails) {
            return ep::Effect(name, [order, name, fails](Ctx c) -> QCoro::Task<Value> {
                co_await c.sleep(1);
                *order << QStringLiteral("%1@%2").arg(name).arg(c.now());
                if (fails)
                    throw Error::plain(QStringLiteral("OSError"), name, c.task);
                co_return Value();
            });
        };
        runMain(rt, [finalizer](Ctx ctx) -> QCoro::Task<Value> {
            ep::Scope scope;
            co_await scope.addFinalizer(ctx, finalizer("f1", false));
            co_await scope.addFinalizer(ctx, finalizer("f2", true));
            co_await scope.addFinalizer(ctx, finalizer("f3", false));
            co_await scope.close(ctx);
            co_await scope.addFinalizer(ctx, finalizer("late", false));
            co_return scope.isClosed();
        });
        QCOMPARE(*order, QStringList({"f3@1", "f2@2", "f1@3", "late@4"}));
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=4 main completed True"}));
        QVERIFY(notes(rt.trace()).contains("t=2 main value emitted finalizer f2 raised OSError('f2') (swallowed)"));
    }

    void scopedClosesItsScopeEvenWhenTheEffectFails()
    {
        Runtime rt(Profile::asyncio());
        auto closed = std::make_shared<bool>(false);
        runMain(rt, [closed](Ctx ctx) {
            const ep::ScopedBody body = [closed](std::shared_ptr<ep::Scope> scope) {
                return ep::Effect(QStringLiteral("body"), [scope, closed](Ctx c) -> QCoro::Task<Value> {
                    const ep::Effect fin(QStringLiteral("fin"), [closed](Ctx) -> QCoro::Task<Value> {
                        *closed = true;
                        co_return Value();
                    });
                    co_await scope->addFinalizer(c, fin);
                    co_await c.sleep(2);
                    throw ep::failure(QStringLiteral("body"), c.task);
                });
            };
            return ep::scoped(ctx, body);
        });
        QVERIFY(*closed);
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=2 main failed Failure('body')"}));
    }

    void ensuringRunsAfterAnyOutcomeAndSwallowsItsOwnError()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const ep::Effect guarded = leaf("A:1!").ensuring(leaf("fin:1x"));
            co_return co_await guarded.body(ctx);
        });
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=2 main failed Failure('A')"}));
        QCOMPARE(notes(rt.trace()), QStringList({"t=2 main value emitted finalizer fin raised ValueError('fin') (swallowed)"}));
    }

    // Queue and Channel ----------------------------------------------------------------------------
    void queueSendReceiveCloseAndQueueClosed()
    {
        Runtime rt(Profile::asyncio());
        auto queue = std::make_shared<ep::Queue>(rt, 1);
        auto seen = std::make_shared<QStringList>();
        rt.spawn(NoId, QStringLiteral("producer"), [queue, seen](Ctx ctx) -> QCoro::Task<Value> {
            for (int i = 1; i <= 3; ++i) {
                const QVariant item = i;
                co_await queue->send(ctx, item);   // blocks while the one slot is taken
                *seen << QStringLiteral("sent %1@%2").arg(i).arg(ctx.now());
            }
            queue->close();
            std::exception_ptr error;
            try {
                const QVariant late = 4;
                co_await queue->send(ctx, late);
            } catch (...) {
                error = std::current_exception();
            }
            *seen << Error::fromException(error).describe();
            co_return Value();
        });
        rt.spawn(NoId, QStringLiteral("consumer"), [queue, seen](Ctx ctx) -> QCoro::Task<Value> {
            while (true) {
                co_await ctx.sleep(1);
                const QVariant item = co_await queue->receive(ctx);   // raises once closed and drained
                *seen << QStringLiteral("got %1@%2").arg(item.toInt()).arg(ctx.now());
            }
        });
        rt.scheduler().runUntilIdle();
        QCOMPARE(*seen, QStringList({"sent 1@0", "got 1@1", "sent 2@1", "got 2@2", "sent 3@2",
                                     "QueueClosed('send on closed queue')", "got 3@3"}));
        QCOMPARE(outcomes(rt.trace()).last(), QStringLiteral("t=4 consumer failed QueueClosed('receive on closed and drained queue')"));
    }

    void channelCloseOnlyStopsSendsAndAReceiverWaitsForever()
    {
        Runtime rt(Profile::asyncio());
        auto channel = std::make_shared<ep::Channel>(rt);
        runMain(rt, [channel](Ctx ctx) -> QCoro::Task<Value> {
            const QVariant item = QStringLiteral("x");
            co_await channel->send(ctx, item);
            channel->close();
            std::exception_ptr error;
            try {
                co_await channel->send(ctx, item);
            } catch (...) {
                error = std::current_exception();
            }
            const QVariant buffered = co_await channel->receive(ctx);   // still delivered after close
            const QVariant never = co_await channel->receive(ctx);      // closed and empty: waits forever
            co_return QVariantList{Error::fromException(error).describe(), buffered, never};
        });
        QCOMPARE(rt.state(0), TaskState::Suspended);
        QCOMPARE(rt.task(0).wait, WaitReason::QueueGet);
    }

    // Stream.merge ---------------------------------------------------------------------------------
    void streamMergeIsExhaustiveInArrivalOrder()
    {
        // N emits at 2, 4, 6; L at 3, 6 and ends first: the merge still waits for N.
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const ep::Stream n = ep::Stream::fromTimed(QStringLiteral("N"), {{2, "n0"}, {2, "n1"}, {2, "n2"}, {3, "n3"}});
            const ep::Stream l = ep::Stream::fromTimed(QStringLiteral("L"), {{3, "L0"}, {3, "L1"}});
            const ep::Stream merged = n.merge(l);
            co_return co_await merged.runCollect(ctx);
        });
        dumpIfAsked(rt.trace());
        QCOMPARE(outcomes(rt.trace()).last(), QStringLiteral("t=9 main completed ['n0', 'L0', 'n1', 'L1', 'n2', 'n3']"));
        QCOMPARE(notes(rt.trace()), QStringList({
                                        "t=2 pump N value emitted 'n0'",
                                        "t=3 pump L value emitted 'L0'",
                                        "t=4 pump N value emitted 'n1'",
                                        "t=6 pump L value emitted 'L1'",
                                        "t=6 pump N value emitted 'n2'",
                                        "t=9 pump N value emitted 'n3'",
                                    }));
    }

    // Runtime.fork / Fiber --------------------------------------------------------------------------
    void fiberAwaitGivesAnExitWithItsCause_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("interrupt");
        QTest::addColumn<QString>("exit");
        QTest::addColumn<QString>("status");
        QTest::newRow("success") << "F:2" << false << "Exit(success, 'F')" << "done";
        QTest::newRow("fail") << "F:2!" << false << "Fail('F')" << "failed";
        QTest::newRow("die") << "F:2x" << false << "Die(ValueError('F'))" << "failed";
        QTest::newRow("interrupt") << "F:5" << true << "Interrupt" << "cancelled";
    }

    void fiberAwaitGivesAnExitWithItsCause()
    {
        QFETCH(QString, spec);
        QFETCH(bool, interrupt);
        QFETCH(QString, exit);
        QFETCH(QString, status);
        Runtime rt(Profile::asyncio());
        auto fiber = std::make_shared<ep::Fiber>();
        runMain(rt, [spec, interrupt, fiber](Ctx ctx) -> QCoro::Task<Value> {
            *fiber = ep::fork(ctx, leaf(spec));
            if (interrupt) {
                co_await ctx.sleep(1);
                fiber->interrupt(ctx.task);   // not awaited
            }
            const ep::Exit result = co_await fiber->await_(ctx);
            co_return result.describe();
        });
        QCOMPARE(rt.result(0).toString(), exit);
        QCOMPARE(fiber->status(), status);
        QCOMPARE(rt.endTime(0), interrupt ? Tick(1) : Tick(2));
    }

    void fiberJoinRaisesItsError()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const ep::Fiber fiber = ep::fork(ctx, leaf("F:2!"));
            co_return co_await fiber.join(ctx);
        });
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=2 F failed Failure('F')", "t=2 main failed Failure('F')"}));
        QCOMPARE(lines(rt.trace(), {EventKind::Spawned}).last(), QStringLiteral("t=0 F spawned in -"));   // unstructured
    }

    // The Clock service ---------------------------------------------------------------------------
    void sleepAndCurrentTimeNeedAClock()
    {
        Runtime rt(Profile::asyncio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const ep::Effect nap = ep::sleep(ep::Services::withClock(), 3);
            co_await nap.body(ctx);
            const ep::Effect now = ep::currentTime(ep::Services::withClock());
            const Value t = co_await now.body(ctx);
            const ep::Effect broken = ep::sleep(ep::Services{}, 3);
            std::exception_ptr error;
            try {
                co_await broken.body(ctx);
            } catch (...) {
                error = std::current_exception();
            }
            co_return QVariantList{t, Error::fromException(error).describe(), ep::isFailure(error)};
        });
        QCOMPARE(outcomes(rt.trace()), QStringList({"t=3 main completed [3, 'KeyError('Missing service: Clock')', False]"}));
    }
};

QTEST_GUILESS_MAIN(TestEffectpyResilience)
#include "tst_effectpyresilience.moc"
