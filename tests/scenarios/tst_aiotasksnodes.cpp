// aio.tasks' helper nodes (scenarios/helpers/aiotasks.cpp): `limit` defaults to
// min(32, cpu_count + 4), -1 is unlimited and 0 is rejected; results come in completion order,
// errors wrapped, input errors always raised, and an early consumer exit leaks (helper-semantics §2).

#include "nodetesting.h"

using namespace nodetesting;

class TestAiotasksNodes : public QObject
{
    Q_OBJECT

private slots:
    void optionsHaveAioTasksDefaults_data()
    {
        addOptionColumns();
        const QString concurrent = scenario(QStringLiteral("  aiotasks.concurrent:\n    - task: A\n"));
        QTest::newRow("limit None: min(32, cpu_count + 4)") << concurrent << "limit" << "(not given)";
        QTest::newRow("yield_exceptions") << concurrent << "yield_exceptions" << "false";
        QTest::newRow("take") << concurrent << "take" << "-1";
        QTest::newRow("inflate unlimited") << scenario(QStringLiteral("  aiotasks.inflate:\n    limit: -1\n    children: [{task: A}]\n"))
                                           << "limit" << "-1";
    }

    void optionsHaveAioTasksDefaults() { checkOptionRow(); }

    void badOptionsAreReportedWhereTheyAre_data()
    {
        addDiagnosticColumns();
        QTest::newRow("zero limit") << scenario(QStringLiteral("  aiotasks.concurrent:\n    limit: 0\n    children: [{task: A}]\n"))
            << QStringLiteral("bad.yaml:4:12: 'limit' must not be 0 (use -1 for no limit)");
        QTest::newRow("limit below -1") << scenario(QStringLiteral("  aiotasks.concurrent:\n    limit: -2\n    children: [{task: A}]\n"))
            << QStringLiteral("bad.yaml:4:12: 'limit' must be between -1 and 1000000, not -2");
        QTest::newRow("misspelt option") << scenario(QStringLiteral("  aiotasks.concurrent:\n    yield_exception: true\n    children: [{task: A}]\n"))
            << QStringLiteral("bad.yaml:4:5: unknown key 'yield_exception'; did you mean 'yield_exceptions'?");
        QTest::newRow("not_awaitable outside concurrent") << scenario(QStringLiteral("  aiotasks.inflate:\n    - {task: A, not_awaitable: true}\n"))
            << QStringLiteral("bad.yaml:4:17: 'not_awaitable' is only allowed for children of aiotasks.concurrent");
    }

    void badOptionsAreReportedWhereTheyAre() { checkFirstErrorRow(); }

    void concurrentRuns_data()
    {
        addOutcomeColumns();
        QTest::newRow("limit 2, completion order") << QStringLiteral("  aiotasks.concurrent:\n    limit: 2\n    children:\n") + fourTasks
                                                   << QStringLiteral("returned ['B', 'C', 'A', 'D'] at t=4");
        QTest::newRow("default limit runs all four") << QStringLiteral("  aiotasks.concurrent:\n    children:\n") + fourTasks
                                                     << QStringLiteral("returned ['B', 'C', 'D', 'A'] at t=3");
        QTest::newRow("wrapped error") << QStringLiteral("  aiotasks.concurrent:\n    - {task: A, steps: [{sleep: 3}]}\n    - {task: B, steps: [{sleep: 1}, {fail: B}]}\n")
                                       << QStringLiteral("raised ConcurrentExecutionError(ValueError('B')) at t=1");
        QTest::newRow("input error, even when yielding") << QStringLiteral("  aiotasks.concurrent:\n    yield_exceptions: true\n    source_raises_after: 1\n    children:\n") + fourTasks
                                                         << QStringLiteral("raised ConcurrentIteratorError(ValueError('source')) at t=0");
        QTest::newRow("consumer takes one") << QStringLiteral("  aiotasks.concurrent:\n    limit: 2\n    take: 1\n    children:\n") + fourTasks
                                            << QStringLiteral("returned ['B'] at t=1");
        QTest::newRow("inflate") << QStringLiteral("  aiotasks.inflate:\n    - {task: x, steps: [{sleep: 2}]}\n    - {task: y, steps: [{sleep: 1}]}\n")
                                 << QStringLiteral("returned ['y', 'x'] at t=2");
    }

    void concurrentRuns() { checkOutcomeRow(); }

    // helper-semantics §2: inflate gathers each object's awaitables with return_exceptions=True
    // through `concurrent` and raises a sub-error itself, so it arrives bare (not wrapped by
    // concurrent) and, being raised by the consumer loop, leaves the other objects running.
    void inflateRaisesTheSubErrorBare()
    {
        const QString outcome = run(scenario(QStringLiteral(
            "  aiotasks.inflate:\n    - {task: x, steps: [{sleep: 2}]}\n    - {task: y, steps: [{sleep: 1}, {fail: y}]}\n"))).outcomeAt();
        QEXPECT_FAIL("", "engine raises it inside the object's task, so concurrent wraps it (reported)", Continue);
        QCOMPARE(outcome, QStringLiteral("raised ValueError('y') at t=1"));
        QCOMPARE(outcome.right(6), QStringLiteral("at t=1"));
    }

    // A helper's cancellation reaching a task inside `protect` under an asyncio-based profile waits
    // until the block ends (the shield-and-re-raise idiom) and is raised at the next checkpoint:
    // A is cancelled at 3, and concurrent raises B's wrapped error once it has joined A.
    void aProtectedLoserIsCancelledWhenItsProtectionEnds()
    {
        const QString outcome = run(scenario(QStringLiteral(
            "  aiotasks.concurrent:\n"
            "    - {task: A, steps: [{protect: [{sleep: 3}]}, {sleep: 1}, {return: A}]}\n"
            "    - {task: B, steps: [{sleep: 1}, {fail: B}]}\n"))).outcomeAt();
        QCOMPARE(outcome, QStringLiteral("raised ConcurrentExecutionError(ValueError('B')) at t=3"));
    }
};

QTEST_GUILESS_MAIN(TestAiotasksNodes)
#include "tst_aiotasksnodes.moc"
