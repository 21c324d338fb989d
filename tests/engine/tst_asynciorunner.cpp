// asyncio.Runner driven from outside (helper-semantics §6.3): start() and beginClose() only create
// tasks, the owner of the scheduler steps it, and the runner follows each step through its hook.
// The driving run()/close() are covered in tst_asynciocancelling.cpp; here the two must agree, and
// Ctrl-C, abandoning and destruction mid-run behave as Python's Runner does.

#include "tracematch.h"

#include "engine/helpers/asyncio.h"
#include "engine/reference/runner.h"
#include "engine/value.h"

#include <QTest>

using namespace engine;
using asyncio::Runner;
using asyncio::RunnerCall;
using testing::cancelAt;
using testing::failer;
using testing::lines;
using testing::sleeper;
using testing::slowToCancel;

namespace {

using K = EventKind;

// main1 leaves "bg" (10 ticks) behind and returns 'one' at 1; main2 raises ValueError('two') at 3.
Child firstCall()
{
    return {QStringLiteral("main1"), [](Ctx ctx) -> QCoro::Task<Value> {
                asyncio::createTask(ctx, QStringLiteral("bg"), sleeper(10, "bg"));
                co_await ctx.sleep(1);
                co_return QStringLiteral("one");
            }};
}

Child secondCall()
{
    return {QStringLiteral("main2"), failer(2, "two")};
}

// A main that catches the first cancellation and carries on sleeping `after` more ticks.
Body shrugsOffCancel(Tick first, Tick after, QVariant value)
{
    return [first, after, value](Ctx ctx) -> QCoro::Task<Value> {
        bool caught = false;
        try {
            co_await ctx.sleep(first);
        } catch (const Cancelled &) {
            caught = true;
        }
        if (caught)
            co_await ctx.sleep(after);
        co_return value;
    };
}

QString raised(const RunnerCall &call)
{
    if (call.end != RunnerCall::End::Raised)
        return QStringLiteral("(did not raise)");
    return isCancelled(call.error) ? QStringLiteral("CancelledError()") : Error::fromException(call.error).describe();
}

QString describeError(const Runtime &rt, TaskId task)
{
    const TaskView view = rt.task(task);
    return view.error ? view.error->describe() : QStringLiteral("(no error)");
}

// The program of the driving test, run from a listener: two calls, then close().
struct TwoCallsThenClose
{
    Runner &runner;
    int started = 0;
    void operator()()
    {
        if (runner.running() || runner.closed())
            return;
        if (started == 0)
            runner.start(firstCall());
        else if (started == 1)
            runner.start(secondCall());
        else
            runner.beginClose();
        ++started;
    }
};

} // namespace

class TestAsyncioRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void externallyDrivenRunnerGivesTheTraceOfTheDrivingOne()
    {
        Runtime driving(Profile::asyncio());
        {
            Runner runner(driving);
            runner.run(firstCall());
            runner.run(secondCall());
            runner.close();
        }
        Runtime stepped(Profile::asyncio());
        Runner runner(stepped, Runner::Drive::External);
        TwoCallsThenClose program{runner};
        runner.setListener(std::ref(program));
        program();
        QCOMPARE(stepped.trace().size(), 1);   // main1 spawned; nothing ran
        stepped.scheduler().runUntilIdle();
        QCOMPARE(stepped.trace().formatAll(), driving.trace().formatAll());

        QCOMPARE(runner.calls().size(), size_t(2));
        QCOMPARE(runner.calls()[0].end, RunnerCall::End::Returned);
        QCOMPARE(runner.calls()[0].value.toString(), QStringLiteral("one"));
        QCOMPARE(runner.calls()[0].endTime, Tick(1));
        QCOMPARE(raised(runner.calls()[1]), QStringLiteral("ValueError('two')"));
        QCOMPARE(runner.calls()[1].endTime, Tick(3));
        QVERIFY(runner.loopClosed());
        QVERIFY(stepped.scheduler().halted());
        QVERIFY(stepped.scheduler().idle());
        QCOMPARE(stepped.trace().taskName(runner.closeTask()), QStringLiteral("Runner.close()"));
        QCOMPARE(stepped.endTime(runner.closeTask()), Tick(3));
    }

    void theNextCallStartsInTheStepThatEndedTheLastOne()
    {
        // run() returns as soon as main is done: main2 is spawned right after that very step, at
        // the back of the ready queue (Python's create_task in the next run()).
        Runtime rt(Profile::asyncio());
        Runner runner(rt, Runner::Drive::External);
        TwoCallsThenClose program{runner};
        runner.setListener(std::ref(program));
        program();
        Scheduler &s = rt.scheduler();
        while (runner.calls().size() < 2)
            QVERIFY(s.step());
        QCOMPARE(rt.now(), Tick(1));
        QCOMPARE(rt.state(runner.calls()[0].main), TaskState::Completed);
        QCOMPARE(rt.state(runner.calls()[1].main), TaskState::Created);
        QVERIFY(runner.running());
        QCOMPARE(s.readyQueue().back().task, runner.calls()[1].main);
    }

    void startRefusesWhileACallRunsFromATaskAndAfterClose()
    {
        Runtime rt(Profile::asyncio());
        Runner runner(rt, Runner::Drive::External);
        runner.start({QStringLiteral("main"), [&runner](Ctx ctx) -> QCoro::Task<Value> {
                          runner.start({QStringLiteral("nested"), sleeper(1, "n")});   // raises
                          co_await ctx.sleep(1);
                          co_return {};
                      }});
        QString second;
        try {
            runner.start({QStringLiteral("again"), sleeper(1, "a")});
        } catch (const Error &e) {
            second = e.describe();
        }
        QCOMPARE(second, QStringLiteral("RuntimeError('Runner.run() cannot be called from a running event loop')"));
        QString closing;
        try {
            runner.beginClose();
        } catch (const Error &e) {
            closing = e.describe();
        }
        QCOMPARE(closing, QStringLiteral("RuntimeError('This event loop is already running')"));
        rt.scheduler().runUntilIdle();
        const TaskId main = runner.calls().front().main;
        QCOMPARE(describeError(rt, main), QStringLiteral("RuntimeError('Runner.run() cannot be called from a running event loop')"));
        QCOMPARE(runner.calls().size(), size_t(1));
        QVERIFY(runner.beginClose() != NoId);
        QVERIFY(runner.loopClosed());   // nothing to cancel: the eager close is over at once
        QCOMPARE(runner.beginClose(), NoId);
        QString closed;
        try {
            runner.start({QStringLiteral("late"), sleeper(1, "l")});
        } catch (const Error &e) {
            closed = e.describe();
        }
        QCOMPARE(closed, QStringLiteral("RuntimeError('Runner is closed')"));
    }

    void firstCtrlCCancelsMainAndRunRaisesKeyboardInterrupt()
    {
        Runtime rt(Profile::asyncio());
        Runner runner(rt);
        runner.interruptAt(2);
        const TaskId main = runner.run({QStringLiteral("main"), sleeper(5, "m")});
        const RunnerCall &call = runner.calls().back();
        QCOMPARE(raised(call), QStringLiteral("KeyboardInterrupt()"));
        QCOMPARE(call.endTime, Tick(2));
        QCOMPARE(call.interrupts, 1);
        QCOMPARE(rt.state(main), TaskState::Cancelled);
        QCOMPARE(rt.cancelling(main), 0);   // run() withdrew the interrupt's request (uncancel)
        QCOMPARE(lines(rt.trace(), {K::CancelRequested, K::Cancelled}),
                 QStringList({"t=2 cancel main by -: Ctrl-C (SIGINT): the runner cancels the main task", "t=2 main cancelled"}));
    }

    void aMainThatCatchesTheCtrlCReturnsNormally()
    {
        Runtime rt(Profile::asyncio());
        Runner runner(rt);
        runner.interruptAt(2);
        runner.run({QStringLiteral("main"), shrugsOffCancel(5, 1, "finished anyway")});
        QCOMPARE(runner.calls().back().end, RunnerCall::End::Returned);
        QCOMPARE(runner.calls().back().value.toString(), QStringLiteral("finished anyway"));
        QCOMPARE(runner.calls().back().endTime, Tick(3));
    }

    void ctrlCWithAnotherCancelRequestCountedRaisesCancelledError()
    {
        // uncancel() leaves 1: the cancellation was not only the interrupt's, so run() re-raises it.
        Runtime rt(Profile::asyncio());
        Runner runner(rt);
        const TaskId main = rt.taskCount() + 1;   // the canceller comes first
        cancelAt(rt, main, 2);                    // its timer too: at 2 it cancels before main resumes
        runner.interruptAt(2);
        runner.run({QStringLiteral("main"), sleeper(5, "m")});
        QCOMPARE(runner.calls().back().main, main);
        QCOMPARE(raised(runner.calls().back()), QStringLiteral("CancelledError()"));
        QCOMPARE(rt.cancelling(main), 1);
    }

    void aSecondCtrlCRaisesAtOnceAndCloseCancelsTheMainLeftRunning()
    {
        Runtime rt(Profile::asyncio());
        Runner runner(rt, Runner::Drive::External);
        runner.interruptAt(1);
        runner.interruptAt(2);
        int heard = 0;
        runner.setListener([&] {
            if (++heard == 1)
                runner.beginClose();   // the KeyboardInterrupt leaves the with-block: __exit__
        });
        const TaskId main = runner.start({QStringLiteral("main"), shrugsOffCancel(5, 10, "m")});
        rt.scheduler().runUntilIdle();
        const RunnerCall &call = runner.calls().back();
        QCOMPARE(raised(call), QStringLiteral("KeyboardInterrupt()"));
        QCOMPARE(call.endTime, Tick(2));
        QCOMPARE(call.interrupts, 2);
        QCOMPARE(heard, 2);   // the call's end, then the loop's close
        QCOMPARE(rt.state(main), TaskState::Cancelled);
        QCOMPARE(rt.endTime(main), Tick(2));
        QCOMPARE(lines(rt.trace(), {K::CancelRequested, K::ValueEmitted, K::Cancelled, K::Completed}),
                 QStringList({
                     "t=1 cancel main by -: Ctrl-C (SIGINT): the runner cancels the main task",
                     "t=2 main value emitted Ctrl-C again: run() raises KeyboardInterrupt() and leaves this task running",
                     "t=2 Runner.close() value emitted Runner.close(): cancelling 1 remaining tasks {main}",
                     "t=2 cancel main by Runner.close(): Runner.close() is closing",
                     "t=2 main cancelled",
                     "t=2 Runner.close() completed",
                 }));
    }

    void ctrlCDuringCloseClosesTheLoopWithTasksPending()
    {
        Runtime rt(Profile::asyncio());
        Runner runner(rt, Runner::Drive::External);
        runner.interruptAt(3);
        TaskId slow = NoId;
        runner.setListener([&] {
            if (!runner.running() && !runner.closed())
                runner.beginClose();
        });
        runner.start({QStringLiteral("main"), [&slow](Ctx ctx) -> QCoro::Task<Value> {
                          slow = asyncio::createTask(ctx, QStringLiteral("slow"), slowToCancel(10, 5));
                          co_await ctx.sleep(1);
                          co_return {};
                      }});
        rt.scheduler().runUntilIdle();
        QVERIFY(runner.loopClosed());
        QCOMPARE(Error::fromException(runner.closeError()).describe(), QStringLiteral("KeyboardInterrupt()"));
        QCOMPARE(rt.now(), Tick(3));
        QCOMPARE(rt.state(slow), TaskState::Suspended);   // its cleanup (1 → 6) never finishes
        QCOMPARE(rt.state(runner.closeTask()), TaskState::Suspended);
        QVERIFY(rt.scheduler().idle());
    }

    void abandoningStopsTheLoopWithItsTasksPending()
    {
        Runtime rt(Profile::asyncio());
        Runner runner(rt, Runner::Drive::External);
        runner.setListener([&] {
            if (!runner.closed())
                runner.abandon();
        });
        runner.start(firstCall());
        rt.scheduler().runUntilIdle();
        QVERIFY(runner.loopClosed());
        QCOMPARE(runner.closeTask(), NoId);
        QCOMPARE(rt.now(), Tick(1));
        QCOMPARE(rt.state(1), TaskState::Suspended);   // bg
        QCOMPARE(rt.trace().taskName(1), QStringLiteral("bg"));
    }

    void destroyingAnExternallyDrivenRunnerMidRunNeverSteps()
    {
        Runtime rt(Profile::asyncio());
        quint64 steps = 0;
        {
            Runner runner(rt, Runner::Drive::External);
            runner.interruptAt(4);
            runner.start(firstCall());
            rt.scheduler().step();
            rt.scheduler().step();
            steps = rt.scheduler().steps();
        }
        QCOMPARE(rt.scheduler().steps(), steps);
        QVERIFY(rt.scheduler().pendingTimers().size() == 2);   // main1's and bg's sleeps; not the Ctrl-C
        rt.scheduler().runUntilIdle();   // no hook, no timer of the dead runner is left behind
        QCOMPARE(rt.state(0), TaskState::Completed);
        QCOMPARE(rt.state(1), TaskState::Completed);
    }
};

QTEST_GUILESS_MAIN(TestAsyncioRunner)
#include "tst_asynciorunner.moc"
