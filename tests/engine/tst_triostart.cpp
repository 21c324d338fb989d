// trio's nursery.start() / task_status.started() (helper-semantics §6.1): the child runs under the
// caller until it calls started(value), then it is moved into the nursery (Runtime::moveTask,
// recorded as Moved) and start() returns the value; before that its error, its cancellation or
// its return without started() all end up in the caller of start().

#include "tracematch.h"

#include "engine/helpers/trio.h"
#include "engine/value.h"

#include <QTest>

using namespace engine;
using testing::failer;
using testing::lines;
using testing::runMain;
using testing::outcomes;
using testing::sleeper;

namespace {

using K = EventKind;

// A server: works `before`, calls started(`value`), then works `after` and returns 'served'.
trio::StartBody server(Tick before, QString value, Tick after)
{
    return [before, value, after](Ctx ctx, trio::TaskStatus status) -> QCoro::Task<Value> {
        co_await ctx.sleep(before);
        status.started(value);
        co_await ctx.sleep(after);
        co_return QStringLiteral("served");
    };
}

// The body of a nursery that awaits start(server) and returns what start() returned or raised.
NurseryBody startAndReport(trio::StartBody child)
{
    return [child](Ctx ctx, Nursery &n) -> QCoro::Task<Value> {
        QString seen;
        try {
            const Value value = co_await trio::start(ctx, n, QStringLiteral("server"), child);
            seen = QStringLiteral("start() returned %1").arg(describeValue(value));
        } catch (const Error &e) {
            seen = QStringLiteral("start() raised %1").arg(e.describe());
        }
        co_return seen;
    };
}

} // namespace

class TestTrioStart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startReturnsTheStartedValueAndMovesTheChildIntoTheNursery()
    {
        Runtime rt(Profile::trio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const NurseryBody body = [](Ctx c, Nursery &n) -> QCoro::Task<Value> {
                const Value port = co_await trio::start(c, n, QStringLiteral("server"), server(1, QStringLiteral("port 80"), 3));
                co_await c.sleep(1);
                co_return port;
            };
            co_return co_await trio::openNursery(ctx, body);
        });
        QCOMPARE(lines(rt.trace(), {K::Spawned, K::Started, K::ScopeEntered, K::ScopeExited, K::ValueEmitted, K::Moved, K::Completed}),
                 QStringList({
                     "t=0 main spawned in -",
                     "t=0 main started",
                     "t=0 main entered nursery",
                     "t=0 main entered nursery.start(server)",
                     "t=0 server spawned in nursery.start(server)",
                     "t=0 server started",
                     "t=1 server value emitted task_status.started('port 80')",
                     "t=1 server moved from nursery.start(server) to nursery",
                     "t=1 main exited nursery.start(server) (started)",
                     "t=4 server completed 'served'",
                     "t=4 main exited nursery",
                     "t=4 main completed 'port 80'",
                 }));
        QCOMPARE(rt.task(1).home, ScopeId(0));   // the nursery's scope, no longer the caller's
        QCOMPARE(rt.task(1).parent, TaskId(0));   // still spawned by main
    }

    void theCallersCancellationReachesTheChildOnlyUntilItIsStarted_data()
    {
        QTest::addColumn<Tick>("startAt");
        QTest::addColumn<QStringList>("expected");
        // move_on_at(2) around start(): started at 1, the child has left the caller's scope.
        QTest::newRow("started before the deadline") << Tick(1) << QStringList({
            "t=1 server moved from nursery.start(server) to nursery",
            "t=1 main exited nursery.start(server) (started)",
            "t=2 cancel move_on_at(2) by -: deadline reached",
            "t=2 main cancel delivered at sleep",
            "t=2 main exited move_on_at(2) (caught cancellation)",
            "t=4 server completed 'served'",
            "t=4 main completed 'block moved on: true'",
        });
        // Not started yet at 2: the child is still under the caller, so the deadline cancels it and
        // start() raises Cancelled, which move_on_at catches.
        QTest::newRow("not started by the deadline") << Tick(3) << QStringList({
            "t=2 cancel move_on_at(2) by -: deadline reached",
            "t=2 main cancel delivered at children",
            "t=2 cancel nursery.start(server) by main: the parent was cancelled",
            "t=2 server cancel delivered at sleep",
            "t=2 server cancelled",
            "t=2 main exited nursery.start(server) (cancelled)",
            "t=2 main exited move_on_at(2) (caught cancellation)",
            "t=2 main completed 'block moved on: true'",
        });
    }

    void theCallersCancellationReachesTheChildOnlyUntilItIsStarted()
    {
        QFETCH(Tick, startAt);
        QFETCH(QStringList, expected);
        Runtime rt(Profile::trio());
        runMain(rt, [startAt](Ctx ctx) -> QCoro::Task<Value> {
            const NurseryBody body = [startAt](Ctx c, Nursery &n) -> QCoro::Task<Value> {
                const trio::ScopeBody block = [startAt, &n](Ctx b, trio::CancelScope) -> QCoro::Task<Value> {
                    co_await trio::start(b, n, QStringLiteral("server"), server(startAt, QStringLiteral("ready"), 3));
                    co_await b.sleep(10);
                    co_return {};
                };
                const trio::ScopeResult result = co_await trio::moveOnAt(c, 2, block);
                co_return QStringLiteral("block moved on: %1").arg(result.cancelledCaught ? "true" : "false");
            };
            co_return co_await trio::openNursery(ctx, body);
        });
        QCOMPARE(lines(rt.trace(), {K::Moved, K::CancelRequested, K::CancelDelivered, K::Cancelled, K::Completed, K::ScopeExited})
                     .filter(QRegularExpression(QStringLiteral("server|move_on|main (completed|cancel)"))),
                 expected);
    }

    void anErrorBeforeStartedIsRaisedBareByStart()
    {
        Runtime rt(Profile::trio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const trio::StartBody failing = [](Ctx c, trio::TaskStatus) -> QCoro::Task<Value> {
                co_await c.sleep(1);
                throw Error::plain(QStringLiteral("OSError"), QStringLiteral("address in use"), c.task);
            };
            co_return co_await trio::openNursery(ctx, startAndReport(failing));
        });
        QCOMPARE(lines(rt.trace(), {K::Failed, K::ErrorPropagated, K::ErrorsGrouped, K::ScopeExited, K::Completed}),
                 QStringList({
                     "t=1 server failed OSError('address in use')",
                     "t=1 server error propagated to nursery.start(server)",
                     "t=1 nursery.start(server) raises OSError('address in use')",
                     "t=1 main exited nursery.start(server) (raised)",
                     "t=1 main exited nursery",
                     "t=1 main completed 'start() raised OSError('address in use')'",
                 }));
    }

    void returningWithoutStartedIsARuntimeError()
    {
        Runtime rt(Profile::trio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const trio::StartBody forgetful = [](Ctx c, trio::TaskStatus) -> QCoro::Task<Value> {
                co_await c.sleep(2);
                co_return QStringLiteral("bye");
            };
            co_return co_await trio::openNursery(ctx, startAndReport(forgetful));
        });
        QCOMPARE(outcomes(rt.trace()),
                 QStringList({"t=2 server completed 'bye'",
                              "t=2 main completed 'start() raised RuntimeError('child exited without calling task_status.started()')'"}));
    }

    void startedTwiceRaisesInTheChildWhichNowFailsInTheNursery()
    {
        Runtime rt(Profile::trio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const trio::StartBody twice = [](Ctx c, trio::TaskStatus status) -> QCoro::Task<Value> {
                status.started(1);
                co_await c.sleep(1);
                status.started(2);
                co_return {};
            };
            co_return co_await trio::openNursery(ctx, startAndReport(twice));
        });
        QCOMPARE(lines(rt.trace(), {K::Moved, K::Failed, K::ErrorPropagated, K::ErrorsGrouped, K::Completed}),
                 QStringList({
                     "t=0 server moved from nursery.start(server) to nursery",
                     "t=1 server failed RuntimeError('called 'started' twice on the same task status')",
                     "t=1 server error propagated to nursery",
                     "t=1 nursery raises ExceptionGroup('Exceptions from Trio nursery', [RuntimeError('called 'started' twice on the same task status')])",
                     "t=1 main failed ExceptionGroup('Exceptions from Trio nursery', [RuntimeError('called 'started' twice on the same task status')])",
                 }));
    }

    void afterTheMoveTheNurserysCancellationReachesTheChild()
    {
        // The body starts the server, then a sibling fails at 2: the nursery cancels the server,
        // which the caller's own scopes could no longer do.
        Runtime rt(Profile::trio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const NurseryBody body = [](Ctx c, Nursery &n) -> QCoro::Task<Value> {
                co_await trio::start(c, n, QStringLiteral("server"), server(1, QStringLiteral("ready"), 10));
                trio::startSoon(n, QStringLiteral("B"), failer(1, "B"));
                co_return {};
            };
            co_return co_await trio::openNursery(ctx, body);
        });
        QCOMPARE(lines(rt.trace(), {K::Moved, K::CancelRequested, K::Cancelled, K::Failed}),
                 QStringList({
                     "t=1 server moved from nursery.start(server) to nursery",
                     "t=2 B failed ValueError('B')",
                     "t=2 cancel nursery by B: B failed",
                     "t=2 server cancelled",
                     "t=2 main failed ExceptionGroup('Exceptions from Trio nursery', [ValueError('B')])",
                 }));
    }

    void theChildsOwnScopesMoveWithIt()
    {
        // The server opens a move_on_after(20) scope and calls started() inside it. Once it is
        // moved, cancelling the caller's cancel scope must not reach that inner scope.
        Runtime rt(Profile::trio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const trio::StartBody nested = [](Ctx c, trio::TaskStatus status) -> QCoro::Task<Value> {
                const trio::ScopeBody inner = [status](Ctx b, trio::CancelScope) -> QCoro::Task<Value> {
                    co_await b.sleep(1);
                    status.started(QStringLiteral("ready"));
                    co_await b.sleep(3);
                    co_return QStringLiteral("inner done");
                };
                const trio::ScopeResult r = co_await trio::moveOnAfter(c, 20, inner);
                co_return r.value;
            };
            const NurseryBody body = [nested](Ctx c, Nursery &n) -> QCoro::Task<Value> {
                const trio::ScopeBody block = [nested, &n](Ctx b, trio::CancelScope cs) -> QCoro::Task<Value> {
                    co_await trio::start(b, n, QStringLiteral("server"), nested);
                    cs.cancel(QStringLiteral("caller gives up"));
                    co_await b.checkpoint();
                    co_return {};
                };
                co_await trio::cancelScope(c, block);
                co_return {};
            };
            co_return co_await trio::openNursery(ctx, body);
        });
        QCOMPARE(lines(rt.trace(), {K::Moved, K::CancelRequested, K::Completed, K::Cancelled}),
                 QStringList({
                     "t=1 server moved from nursery.start(server) to nursery",
                     "t=1 cancel CancelScope by main: caller gives up",
                     "t=4 server completed 'inner done'",
                     "t=4 main completed",
                 }));
    }

    void startedWhileTheCallerIsCancelledLeavesTheChildWhereItIs()
    {
        // The caller's scope is cancelled at 1; the server swallows its Cancelled and calls
        // started() anyway: it is not moved, ends under the caller, and start() returns its value
        // (the caller meets the cancellation again at its next checkpoint).
        Runtime rt(Profile::trio());
        runMain(rt, [](Ctx ctx) -> QCoro::Task<Value> {
            const trio::StartBody stubborn = [](Ctx c, trio::TaskStatus status) -> QCoro::Task<Value> {
                try {
                    co_await c.sleep(5);
                } catch (const Cancelled &) {
                }
                status.started(QStringLiteral("late"));
                co_return QStringLiteral("gone");
            };
            const NurseryBody body = [stubborn](Ctx c, Nursery &n) -> QCoro::Task<Value> {
                const trio::ScopeBody block = [stubborn, &n](Ctx b, trio::CancelScope) -> QCoro::Task<Value> {
                    const Value v = co_await trio::start(b, n, QStringLiteral("server"), stubborn);
                    b.rt->record(K::ValueEmitted, b.task, NoId, NoId, NoId, QStringLiteral("start() returned %1").arg(describeValue(v)));
                    co_await b.checkpoint();
                    co_return v;
                };
                const trio::ScopeResult r = co_await trio::moveOnAt(c, 1, block);
                co_return QStringLiteral("caught=%1").arg(r.cancelledCaught ? "true" : "false");
            };
            co_return co_await trio::openNursery(ctx, body);
        });
        QCOMPARE(lines(rt.trace(), {K::Moved, K::ValueEmitted, K::ScopeExited, K::Completed}),
                 QStringList({
                     "t=1 server value emitted task_status.started('late'): the caller is cancelled, the task stays",
                     "t=1 server completed 'gone'",
                     "t=1 main exited nursery.start(server) (started)",
                     "t=1 main value emitted start() returned 'late'",
                     "t=1 main exited move_on_at(1) (caught cancellation)",
                     "t=1 main exited nursery",
                     "t=1 main completed 'caught=true'",
                 }));
    }
};

QTEST_GUILESS_MAIN(TestTrioStart)
#include "tst_triostart.moc"
