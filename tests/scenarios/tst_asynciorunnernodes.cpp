// The asyncio.runner node (scenarios/runnerprogram.*): `with asyncio.Runner() as runner:` and one
// runner.run() per child, run by ScenarioRun on its runtime while the owner steps the scheduler.
// Parsing and diagnostics, the sequential calls on one loop, close(), on_error, Ctrl-C, the root
// task following the current call, and destruction mid-run.

#include "nodetesting.h"

#include "scenarios/scenario.h"

using namespace nodetesting;

namespace {

QString aio(const QString &node)
{
    return scenario(QStringLiteral("asyncio"), node);
}

// first leaves `left` (sleep 10, cleanup 1 when cancelled) and returns 'one' at 1; second returns
// 'two' at 3. `options` go before the children (indented four).
QString twoCalls(const QString &options = {}, const QString &firstEnd = QStringLiteral("{return: one}"))
{
    return aio(QStringLiteral("  asyncio.runner:\n") + options
               + QStringLiteral("    children:\n"
                                "      - task: first\n"
                                "        steps:\n"
                                "          - spawn: {task: left, steps: [{sleep: 10}], on_cancel: [{sleep: 1}]}\n"
                                "          - sleep: 1\n"
                                "          - %1\n"
                                "      - task: second\n"
                                "        steps: [{sleep: 2}, {return: two}]\n").arg(firstEnd));
}

QStringList endings(const scenarios::ScenarioRun &run)
{
    QStringList out;
    for (const engine::TraceEvent &e : run.trace().events())
        if (e.kind == engine::EventKind::Completed || e.kind == engine::EventKind::Failed || e.kind == engine::EventKind::Cancelled)
            out << run.trace().format(e);
    return out;
}

} // namespace

class TestAsyncioRunnerNodes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theNodeOwnsTheLoopAndItsCallsMaySpawn()
    {
        const scenarios::HelperSpec *spec = scenarios::findHelper(QStringLiteral("asyncio.runner"));
        QVERIFY(spec);
        QVERIFY(spec->drivesLoop);
        QVERIFY(spec->childrenSpawn);
        QVERIFY(!spec->body);
        QCOMPARE(spec->minChildren, 1);
    }

    void defaults_data()
    {
        addOptionColumns();
        QTest::newRow("close") << twoCalls() << "close" << "true";
        QTest::newRow("on_error") << twoCalls() << "on_error" << "raise";
        QTest::newRow("interrupt_at") << twoCalls() << "interrupt_at" << "(not given)";
    }

    void defaults() { checkOptionRow(); }

    void mistakesAreReportedWhereTheyAre_data()
    {
        addDiagnosticColumns();
        const QString rootOnly = QStringLiteral("'asyncio.runner' must be the scenario's root (the 'run' node): it owns the event loop, "
                                                "and Runner.run() cannot be called from a running event loop");
        QTest::newRow("a child of a helper") << aio("  asyncio.gather:\n    - asyncio.runner: [{task: A}]\n")
                                             << "bad.yaml:5:7: " + rootOnly;
        QTest::newRow("spawned") << aio("  asyncio.task_group:\n    body:\n      - spawn: {asyncio.runner: [{task: A}]}\n")
                                 << "bad.yaml:6:17: " + rootOnly;
        QTest::newRow("a call of a runner") << aio("  asyncio.runner:\n    - asyncio.runner: [{task: A}]\n")
                                            << "bad.yaml:5:7: " + rootOnly;
        QTest::newRow("no calls") << aio("  asyncio.runner: []\n") << "bad.yaml:4:3: 'asyncio.runner' needs at least one child";
        QTest::newRow("map without children") << aio("  asyncio.runner:\n    close: false\n") << "bad.yaml:5:5: missing required key 'children'";
        QTest::newRow("a name") << aio("  asyncio.runner:\n    name: loop\n    children: [{task: A}]\n")
                                << "bad.yaml:5:5: 'asyncio.runner' is not a task and takes no 'name': each run() call is named by its own node";
        QTest::newRow("a body") << aio("  asyncio.runner:\n    body: [{sleep: 1}]\n    children: [{task: A}]\n")
                                << "bad.yaml:5:5: unknown key 'body'; expected one of: children, close, on_error, interrupt_at";
        QTest::newRow("misspelt option") << aio("  asyncio.runner:\n    on_eror: continue\n    children: [{task: A}]\n")
                                         << "bad.yaml:5:5: unknown key 'on_eror'; did you mean 'on_error'?";
        QTest::newRow("close not a bool") << aio("  asyncio.runner:\n    close: later\n    children: [{task: A}]\n")
                                          << "bad.yaml:5:12: 'close' must be true or false, not 'later'";
        QTest::newRow("interrupt not a duration") << aio("  asyncio.runner:\n    interrupt_at: [soon]\n    children: [{task: A}]\n")
                                                  << "bad.yaml:5:20: invalid duration 'soon'; expected whole ticks (e.g. 3), '250ms' or '2s'";
        QTest::newRow("expect names the runner") << aio("  asyncio.runner: [{task: A}]\nexpect:\n  tasks:\n    main: completed\n")
                                                 << "bad.yaml:7:5: unknown task 'main'; the scenario's tasks are: Runner.close(), A";
        QTest::newRow("a call named like the close") << aio("  asyncio.runner: [{task: Runner.close()}]\n")
                                                     << "bad.yaml:4:27: duplicate task name 'Runner.close()'; first used at line 4";
    }

    void mistakesAreReportedWhereTheyAre() { checkDiagnosticRow(); }

    void callsRunInTurnOnOneLoopAndCloseCancelsWhatTheyLeft()
    {
        const std::optional<scenarios::Scenario> s = parsed(twoCalls());
        QVERIFY(s);
        scenarios::ScenarioRun run(*s);
        const engine::Runtime &rt = run.runtime();
        QCOMPARE(run.trace().taskName(run.rootTask()), QStringLiteral("first"));
        QCOMPARE(run.outcomeText(), QStringLiteral("still running at t=0"));
        // The root follows the current call: first until the step that ends it, which starts second.
        while (rt.state(0) != engine::TaskState::Completed) {
            QCOMPARE(run.rootTask(), engine::TaskId(0));
            QVERIFY(run.scheduler().step());
        }
        QCOMPARE(rt.now(), engine::Tick(1));
        QCOMPARE(run.trace().taskName(run.rootTask()), QStringLiteral("second"));
        QCOMPARE(rt.state(run.rootTask()), engine::TaskState::Created);
        QCOMPARE(run.outcomeText(), QStringLiteral("still running at t=1"));
        while (rt.state(run.rootTask()) != engine::TaskState::Completed)
            QVERIFY(run.scheduler().step());
        QCOMPARE(rt.now(), engine::Tick(3));
        QVERIFY(!run.finished());   // the with-block still has to close the runner
        run.scheduler().runUntilIdle();
        QVERIFY(run.finished());
        QCOMPARE(run.outcomeText(), QStringLiteral("returned 'two'"));
        QCOMPARE(rt.endTime(run.rootTask()), engine::Tick(3));
        QCOMPARE(endings(run), QStringList({"t=1 first completed 'one'", "t=3 second completed 'two'", "t=4 left cancelled",
                                            "t=4 Runner.close() completed"}));
        QCOMPARE(rt.task(1).name, QStringLiteral("left"));
        QCOMPARE(rt.task(1).parent, engine::TaskId(0));   // created by first …
        QCOMPARE(rt.task(1).home, engine::NoId);          // … but in no scope: nobody awaits it
    }

    void stepsAreReplayable()
    {
        // The app steps back by replaying: a fresh run stepped as often must be where the first was.
        const std::optional<scenarios::Scenario> s = parsed(twoCalls());
        QVERIFY(s);
        scenarios::ScenarioRun whole(*s);
        whole.scheduler().runUntilIdle();
        for (quint64 n = 0; n <= whole.scheduler().steps(); ++n) {
            scenarios::ScenarioRun part(*s);
            for (quint64 i = 0; i < n; ++i)
                QVERIFY(part.scheduler().step());
            QCOMPARE(part.trace().formatAll(), whole.trace().formatAll().mid(0, part.trace().size()));
        }
    }

    void runs_data()
    {
        addRunColumns();
        QTest::newRow("a failing call ends the block")
            << twoCalls({}, QStringLiteral("{fail: boom}")) << "raised ValueError('boom')"
            << QStringList{"t=1 first failed ValueError('boom')", "t=2 left cancelled", "t=2 Runner.close() completed"};
        QTest::newRow("on_error continue runs the next call")
            << twoCalls(QStringLiteral("    on_error: continue\n"), QStringLiteral("{fail: boom}")) << "returned 'two'"
            << QStringList{"t=1 first failed ValueError('boom')", "t=3 second completed 'two'", "t=4 left cancelled"};
        QTest::newRow("close false leaves the loop with tasks pending")
            << twoCalls(QStringLiteral("    close: false\n")) << "returned 'two'" << QStringList{"t=3 second completed 'two'"};
        QTest::newRow("ctrl-c cancels the call, run() raises KeyboardInterrupt")
            << twoCalls(QStringLiteral("    interrupt_at: [2]\n")) << "raised KeyboardInterrupt()"
            << QStringList{"t=1 first completed 'one'", "t=2 second cancelled", "t=3 left cancelled"};
        QTest::newRow("a second ctrl-c raises at once")
            << aio("  asyncio.runner:\n    interrupt_at: [1, 2]\n    children:\n"
                   "      - {task: stubborn, steps: [{sleep: 5}], on_cancel: [{sleep: 3}]}\n")
            << "raised KeyboardInterrupt()" << QStringList{"t=4 stubborn cancelled", "t=4 Runner.close() completed"};
        QTest::newRow("ctrl-c during close raises from the block")
            << aio("  asyncio.runner:\n    interrupt_at: [5]\n    children:\n      - task: first\n        steps:\n"
                   "          - spawn: {task: left, steps: [{sleep: 10}], on_cancel: [{sleep: 5}]}\n"
                   "          - sleep: 1\n          - return: one\n")
            << "raised KeyboardInterrupt()" << QStringList{"t=1 first completed 'one'"};
        QTest::newRow("a call that is a helper")
            << aio("  asyncio.runner:\n    - asyncio.gather: [{task: A, steps: [{sleep: 1}, {return: A}]}]\n"
                   "    - {task: B, steps: [{return: B}]}\n")
            << "returned 'B'" << QStringList{"t=1 gather#1 completed ['A']", "t=1 B completed 'B'"};
    }

    void runs() { checkRunRow(); }

    void withoutCloseTheLeftoversStayPendingAndTheRunIsOver()
    {
        const std::optional<scenarios::Scenario> s = parsed(twoCalls(QStringLiteral("    close: false\n")));
        QVERIFY(s);
        scenarios::ScenarioRun run(*s);
        run.scheduler().runUntilIdle();
        QVERIFY(run.finished());
        QCOMPARE(run.runtime().now(), engine::Tick(3));
        QCOMPARE(run.runtime().state(1), engine::TaskState::Suspended);   // left, for ever
        QVERIFY(run.scheduler().halted());
    }

    void aCallThatCanNeverEndLeavesTheRunUnfinished()
    {
        // Python would hang in run(): nothing can wake the call, and the runner never closes.
        const std::optional<scenarios::Scenario> s = parsed(QStringLiteral(
            "title: t\nprofile: asyncio\nresources: {never: event}\nrun:\n"
            "  asyncio.runner:\n    - {task: waiting, steps: [{wait: never}]}\n    - {task: B}\n"));
        QVERIFY(s);
        scenarios::ScenarioRun run(*s);
        run.scheduler().runUntilIdle();
        QVERIFY(!run.finished());
        QVERIFY(run.scheduler().idle());
        QCOMPARE(run.trace().taskName(run.rootTask()), QStringLiteral("waiting"));
        QCOMPARE(run.outcomeText(), QStringLiteral("still running at t=0"));
    }

    void expectationsReadWhatTheCallsReturnedOrRaised()
    {
        const std::optional<scenarios::Scenario> s = parsed(twoCalls(QStringLiteral("    interrupt_at: [2]\n"))
                                                            + QStringLiteral("expect:\n  result: \"'two'\"\n  tasks:\n"
                                                                             "    second: {outcome: cancelled, at: 2, cancelling: 0}\n"
                                                                             "    Runner.close(): {outcome: completed, at: 3}\n"));
        QVERIFY(s);
        scenarios::ScenarioRun run(*s);
        run.scheduler().runUntilIdle();
        QVERIFY(run.finished());
        const std::vector<scenarios::Mismatch> mismatches = run.checkExpectations();
        QCOMPARE(mismatches.size(), size_t(1));
        QCOMPARE(mismatches.front().where.line, 15);
        QCOMPARE(mismatches.front().message, QStringLiteral("result: expected 'two', but second raised KeyboardInterrupt()"));
    }

    void theOutcomeIsWhenRunRaisedNotWhenTheTaskEnded()
    {
        // The first Ctrl-C (3) cancels the call's task, whose cleanup takes 5; the second (4) makes
        // run() raise KeyboardInterrupt at once. The task still ends later, cancelled by close().
        const std::optional<scenarios::Scenario> s = parsed(QStringLiteral(
            "title: t\nprofile: asyncio\nrun:\n"
            "  asyncio.runner:\n    interrupt_at: [3, 4]\n    children:\n"
            "      - {task: slow, steps: [{sleep: 10}], on_cancel: [{sleep: 5}]}\n"));
        QVERIFY(s);
        scenarios::ScenarioRun run(*s);
        run.scheduler().runUntilIdle();
        QVERIFY(run.finished());
        const scenarios::RootOutcome outcome = run.outcome();
        QCOMPARE(run.outcomeText(), QStringLiteral("raised KeyboardInterrupt()"));
        QCOMPARE(outcome.end, engine::Tick(4));
        QVERIFY(run.runtime().endTime(outcome.task) != outcome.end);
    }

    void destroyingTheRunMidCallNeverStepsAgain()
    {
        // ~ScenarioRun: the runner must not drive the scheduler (close()) while it goes away.
        const std::optional<scenarios::Scenario> s = parsed(twoCalls(QStringLiteral("    interrupt_at: [2]\n")));
        QVERIFY(s);
        // Every position of the run, from before the first step to after the close (sanitizers
        // catch a hook or a Ctrl-C timer left behind, a frame leaked or destroyed).
        for (int steps = 0; steps < 12; ++steps) {
            auto run = std::make_unique<scenarios::ScenarioRun>(*s);
            for (int i = 0; i < steps && run->scheduler().step(); ++i) {
            }
            run.reset();
        }
    }
};

QTEST_GUILESS_MAIN(TestAsyncioRunnerNodes)
#include "tst_asynciorunnernodes.moc"
