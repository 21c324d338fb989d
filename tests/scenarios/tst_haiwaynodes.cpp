// Haiway's helper nodes (scenarios/helpers/haiway*.cpp): options are read with haiway's defaults,
// bad values are reported at their line and column, and each node runs as helper-semantics §1 says.

#include "nodetesting.h"

using namespace nodetesting;

class TestHaiwayNodes : public QObject
{
    Q_OBJECT

private slots:
    void optionsHaveHaiwaysDefaults_data()
    {
        addOptionColumns();
        const QString execute = scenario(QStringLiteral("  haiway.execute_concurrently:\n    - task: A\n"));
        const QString stream = scenario(QStringLiteral("  haiway.stream_concurrently:\n    - {task: N, steps: [{emit: 1}]}\n    - {task: L}\n"));
        const QString retry = scenario(QStringLiteral("  haiway.retry: {body: [{return: 1}]}\n"));
        const QString throttle = scenario(QStringLiteral("  haiway.throttle:\n    - task: A\n"));
        QTest::newRow("execute concurrent_tasks") << execute << "concurrent_tasks" << "2";
        QTest::newRow("execute return_exceptions") << execute << "return_exceptions" << "false";
        QTest::newRow("execute source_generator") << execute << "source_generator" << "false";
        QTest::newRow("execute source_raises_after") << execute << "source_raises_after" << "(not given)";
        QTest::newRow("process ignore_exceptions") << scenario(QStringLiteral("  haiway.process_concurrently:\n    - task: A\n"))
                                                   << "ignore_exceptions" << "false";
        QTest::newRow("stream exhaustive") << stream << "exhaustive" << "false";
        QTest::newRow("stream take") << stream << "take" << "-1";
        QTest::newRow("retry limit") << retry << "limit" << "1";
        QTest::newRow("retry delay") << retry << "delay" << "0";
        QTest::newRow("throttle limit") << throttle << "limit" << "1";
        QTest::newRow("throttle period") << throttle << "period" << "1000";
    }

    void optionsHaveHaiwaysDefaults() { checkOptionRow(); }

    void badOptionsAreReportedWhereTheyAre_data()
    {
        addDiagnosticColumns();
        QTest::newRow("zero concurrent_tasks") << scenario(QStringLiteral("  haiway.concurrently:\n    concurrent_tasks: 0\n    children: [{task: A}]\n"))
            << QStringLiteral("bad.yaml:4:23: 'concurrent_tasks' must be between 1 and 1000000, not 0");
        QTest::newRow("misspelt option") << scenario(QStringLiteral("  haiway.concurrently:\n    concurent_tasks: 2\n    children: [{task: A}]\n"))
            << QStringLiteral("bad.yaml:4:5: unknown key 'concurent_tasks'; did you mean 'concurrent_tasks'?");
        QTest::newRow("ignore_exceptions not a bool") << scenario(QStringLiteral("  haiway.process_concurrently:\n    ignore_exceptions: maybe\n    children: [{task: A}]\n"))
            << QStringLiteral("bad.yaml:4:24: 'ignore_exceptions' must be true or false, not 'maybe'");
        QTest::newRow("timeout without seconds") << scenario(QStringLiteral("  haiway.timeout:\n    - task: A\n"))
            << QStringLiteral("bad.yaml:3:3: 'haiway.timeout' needs 'seconds' (the deadline, from the call); use the map form");
        QTest::newRow("timeout takes one child") << scenario(QStringLiteral("  haiway.timeout:\n    seconds: 1\n    children: [{task: A}, {task: B}]\n"))
            << QStringLiteral("bad.yaml:3:3: 'haiway.timeout' takes exactly 1 child, got 2");
        QTest::newRow("stream needs two producers") << scenario(QStringLiteral("  haiway.stream_concurrently:\n    - {task: N}\n"))
            << QStringLiteral("bad.yaml:3:3: 'haiway.stream_concurrently' needs at least 2 children, got 1");
        QTest::newRow("zero throttle limit") << scenario(QStringLiteral("  haiway.throttle:\n    limit: 0\n    children: [{task: A}]\n"))
            << QStringLiteral("bad.yaml:4:12: 'limit' must be between 1 and 1000000, not 0");
    }

    void badOptionsAreReportedWhereTheyAre() { checkFirstErrorRow(); }

    void fanOutsRun_data()
    {
        addOutcomeColumns();
        QTest::newRow("execute, input order") << QStringLiteral("  haiway.execute_concurrently:\n    children:\n") + fourTasks
                                              << QStringLiteral("returned ['A', 'B', 'C', 'D'] at t=4");
        QTest::newRow("concurrently, limit 4") << QStringLiteral("  haiway.concurrently:\n    concurrent_tasks: 4\n    children:\n") + fourTasks
                                               << QStringLiteral("returned ['A', 'B', 'C', 'D'] at t=3");
        QTest::newRow("process returns None") << QStringLiteral("  haiway.process_concurrently:\n    children:\n") + fourTasks
                                              << QStringLiteral("returned None at t=4");
        QTest::newRow("first error bare") << QStringLiteral("  haiway.concurrently:\n    children:\n      - {task: A, steps: [{sleep: 3}]}\n      - {task: B, steps: [{sleep: 1}, {fail: B}]}\n")
                                          << QStringLiteral("raised ValueError('B') at t=1");
        QTest::newRow("source raises") << QStringLiteral("  haiway.execute_concurrently:\n    source_raises_after: 1\n    children:\n") + fourTasks
                                       << QStringLiteral("raised ValueError('source') at t=0");
        QTest::newRow("stream") << QStringLiteral("  haiway.stream_concurrently:\n    - {task: N, steps: [{sleep: 1}, {emit: n0}, {sleep: 2}, {emit: n1}]}\n    - {task: L, steps: [{sleep: 2}, {emit: L0}]}\n")
                                << QStringLiteral("returned ['n0', 'L0'] at t=2");
        QTest::newRow("stream, exhaustive") << QStringLiteral("  haiway.stream_concurrently:\n    exhaustive: true\n    children:\n      - {task: N, steps: [{sleep: 1}, {emit: n0}, {sleep: 2}, {emit: n1}]}\n      - {task: L, steps: [{sleep: 2}, {emit: L0}]}\n")
                                            << QStringLiteral("returned ['n0', 'L0', 'n1'] at t=3");
    }

    void fanOutsRun() { checkOutcomeRow(); }

    void scopesAndResilienceRun_data()
    {
        addOutcomeColumns();
        QTest::newRow("scope waits for spawned") << QStringLiteral("  haiway.scope:\n    children: [{task: A, steps: [{sleep: 2}]}]\n    body: [{spawn: {task: S, steps: [{sleep: 3}]}}, {return: ok}]\n")
                                                 << QStringLiteral("returned 'ok' at t=3");
        QTest::newRow("background is not waited for") << QStringLiteral("  haiway.spawn_background:\n    - {task: BG, steps: [{sleep: 5}]}\n")
                                                      << QStringLiteral("returned None at t=0");
        QTest::newRow("shutdown with nothing running") << QStringLiteral("  haiway.shutdown_background_tasks:\n")
                                                       << QStringLiteral("returned None at t=0");
        QTest::newRow("retry succeeds") << QStringLiteral("  haiway.retry: {body: [{sleep: 1}, {return: x}]}\n")
                                        << QStringLiteral("returned 'x' at t=1");
        QTest::newRow("retry gives up") << QStringLiteral("  haiway.retry:\n    limit: 2\n    delay: 1\n    body: [{sleep: 1}, {fail: x}]\n")
                                        << QStringLiteral("raised ValueError('x') at t=5");
        QTest::newRow("retry only catching") << QStringLiteral("  haiway.retry:\n    catching: [KeyError]\n    body: [{sleep: 1}, {fail: x}]\n")
                                             << QStringLiteral("raised ValueError('x') at t=1");
        QTest::newRow("timeout in time") << QStringLiteral("  haiway.timeout:\n    seconds: 2\n    children: [{task: A, steps: [{sleep: 1}, {return: A}]}]\n")
                                         << QStringLiteral("returned 'A' at t=1");
        QTest::newRow("timeout expires") << QStringLiteral("  haiway.timeout:\n    seconds: 2\n    children: [{task: A, steps: [{sleep: 3}]}]\n")
                                         << QStringLiteral("raised TimeoutError() at t=2");
        QTest::newRow("throttle") << QStringLiteral("  haiway.throttle:\n    limit: 1\n    period: 2\n    children: [{task: a, steps: [{return: 1}]}, {task: b, steps: [{return: 2}]}]\n")
                                  << QStringLiteral("returned [1, 2] at t=2");
    }

    void scopesAndResilienceRun() { checkOutcomeRow(); }
};

QTEST_GUILESS_MAIN(TestHaiwayNodes)
#include "tst_haiwaynodes.moc"
