// CauseChain explains why a task ended as it did, from the trace alone: checked on built-in
// scenarios whose every cause is known (races, nurseries, timeouts, explicit cancels, shields,
// errors that escape or are caught).

#include "scenarioruns.h"
#include "testruns.h"

#include "widgets/causechain.h"
#include "widgets/tracequery.h"

#include <QTest>

using namespace engine;
using widgets::CauseChain;

class TestCauseChain : public QObject
{
    Q_OBJECT

private slots:
    void explainsHowEachTaskEnded_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("task");
        QTest::addColumn<QString>("why");

        QTest::newRow("race loser cancelled because a sibling won")
            << "race-first-finisher" << "B"
            << "cancelled at t=1 because sibling A completed first and wait_any() cancels the losers";
        QTest::newRow("race winner cancels the loser")
            << "race-first-finisher" << "A"
            << "completed at t=1 with 'A'; its finish cancelled B";
        QTest::newRow("nursery sibling cancelled by a failing sibling")
            << "nursery-child-failure" << "B"
            << "cancelled at t=1 because sibling A failed with ValueError('A broke') and nursery 'open_nursery()' cancels the rest on an error";
        QTest::newRow("task group siblings cancelled one by one")
            << "asyncio-task-group-fail-fast" << "C"
            << "cancelled at t=1 because sibling B failed with ValueError('B') and nursery 'TaskGroup' cancels the rest on an error";
        QTest::newRow("move_on_after cancels its body, which goes on")
            << "trio-move-on-after-deadline-tie" << "limited"
            << "completed at t=2 although it was asked to stop at t=2 because the deadline of timeout 'move_on_after(2)' passed at t=2; "
               "timeout 'move_on_after(2)' caught the cancellation";
        QTest::newRow("fail_after raises when its deadline cancels the body")
            << "trio-move-on-after-deadline-tie" << "strict"
            << "failed at t=2: TooSlowError() because the deadline of timeout 'fail_after(2)' passed at t=2 and it raised TooSlowError(); "
               "the error reached nursery 'nursery'; it escaped from main as ExceptionGroup('Exceptions from Trio nursery', [TooSlowError()])";
        // Python 3.12's wait_for: the deadline cancels the caller, whose await passes it on.
        QTest::newRow("wait_for's deadline cancels the awaited task")
            << "asyncio-wait-for-raises" << "A"
            << "cancelled at t=2 because limited cancelled A, because limited was itself asked to stop at t=2: the deadline of timeout 'timeout(2)' passed at t=2";
        QTest::newRow("explicit cancel of a scope")
            << "asyncgui-open-cancel-scope" << "region"
            << "completed at t=4 although it was asked to stop at t=4 because boss cancelled cancel scope 'open_cancel_scope()'; "
               "cancel scope 'open_cancel_scope()' caught the cancellation";
        QTest::newRow("a cancelled parent passes the cancel on")
            << "asyncgui-parent-cancelled-mid-wait" << "B"
            << "cancelled at t=15 because parent cancelled wait_all() (the parent was cancelled), because parent was itself asked to stop "
               "at t=15: killer cancelled parent";
        QTest::newRow("protected loser exits later than asked, latency named")
            << "asyncgui-protected-loser" << "B"
            << "cancelled at t=3, 2 ticks after it was asked to stop at t=1: it was inside cancel scope 'protect' until t=3 "
               "because sibling A completed first and wait_any() cancels the losers";
        QTest::newRow("error escapes to the root")
            << "nursery-child-failure" << "A"
            << "failed at t=1: ValueError('A broke'); the error reached nursery 'open_nursery()' and cancelled B; "
               "it escaped from main as ExceptionGroup('Nursery', [ValueError('A broke')])";
        QTest::newRow("the root raises the group of its children's errors")
            << "nursery-child-failure" << "main"
            << "failed at t=1: ExceptionGroup('Nursery', [ValueError('A broke')]) because nursery 'open_nursery()' raised it after "
               "child A failed with ValueError('A broke'); it escaped from main, the root task";
        QTest::newRow("error logged and dropped by the helper")
            << "haiway-process-ignore-exceptions" << "B"
            << "failed at t=1: ValueError('B'); the error reached process_concurrently; main did not raise it and completed";
        QTest::newRow("error returned as a value")
            << "asyncio-gather-return-exceptions" << "B"
            << "failed at t=1: ValueError('B'); the error did not propagate: values completed with ['A', ValueError('B')]";
    }

    void explainsHowEachTaskEnded()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, task);
        QFETCH(QString, why);
        const auto run = scenarioruns::finished(scenario);
        const TaskId id = scenarioruns::taskNamed(run->trace(), task);
        QVERIFY(id != NoId);
        QCOMPARE(CauseChain::sentence(run->trace(), id), why);
    }

    void stepsPointAtTheEventsAndTasksTheyName()
    {
        const auto run = scenarioruns::finished(QStringLiteral("race-first-finisher"));
        const Trace &trace = run->trace();
        const TaskId a = scenarioruns::taskNamed(trace, "A"), b = scenarioruns::taskNamed(trace, "B");
        const std::vector<widgets::CauseStep> steps = CauseChain::explain(trace, b);
        QCOMPARE(steps.size(), size_t(2));
        QCOMPARE(steps[0].event, widgets::TraceQuery::endEvent(trace, b));
        QCOMPARE(trace.at(steps[0].event).kind, EventKind::Cancelled);
        QCOMPARE(steps[1].task, a);
        QCOMPARE(trace.at(steps[1].event).kind, EventKind::Completed);
        QCOMPARE(trace.at(steps[1].event).task, a);
        QCOMPARE(trace.at(widgets::TraceQuery::cancelRequest(trace, b)).kind, EventKind::CancelRequested);
        QCOMPARE(widgets::TraceQuery::cancelRequest(trace, a), NoId);
    }

    void aShieldedTaskNamesItsShieldAndLatency()
    {
        // Engine-built run: B sleeps 3 inside a shield, A wins at 1.
        auto rt = testruns::waitAny(testruns::sleeper(1, QStringLiteral("A")), testruns::shielded(3));
        rt->scheduler().runUntilIdle();
        QCOMPARE(CauseChain::sentence(rt->trace(), scenarioruns::taskNamed(rt->trace(), "B")),
                 QStringLiteral("cancelled at t=3, 2 ticks after it was asked to stop at t=1: it was inside cancel scope 'shield' until t=3 "
                                "because sibling A completed first and wait_any() cancels the losers"));
    }

    void aRunningTaskHasNotEndedYet()
    {
        auto rt = testruns::waitAnyAB();
        rt->scheduler().advanceTo(0);
        const TaskId b = scenarioruns::taskNamed(rt->trace(), "B");
        QVERIFY(b != NoId);
        QCOMPARE(widgets::TraceQuery::endEvent(rt->trace(), b), NoId);
        QCOMPARE(CauseChain::sentence(rt->trace(), b), QStringLiteral("has not ended yet"));
        QVERIFY(CauseChain::explain(rt->trace(), 99).empty());
    }
};

QTEST_GUILESS_MAIN(TestCauseChain)
#include "tst_causechain.moc"
