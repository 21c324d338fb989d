// Haiway's helper nodes (scenarios/helpers/haiway*.cpp): options are read with haiway's defaults,
// bad values are reported at their line and column, and each node runs as helper-semantics §1 says.

#include "nodetesthelpers.h"

using namespace nodetest;

namespace {

const QString abcd = QStringLiteral(
    "      - {task: A, steps: [{sleep: 3}, {return: A}]}\n"
    "      - {task: B, steps: [{sleep: 1}, {return: B}]}\n"
    "      - {task: C, steps: [{sleep: 1}, {return: C}]}\n"
    "      - {task: D, steps: [{sleep: 2}, {return: D}]}\n");

} // namespace

class TestHaiwayNodes : public QObject
{
    Q_OBJECT

private slots:
    void fanOutOptionsHaveHaiwaysDefaults()
    {
        const auto node = root(scenario(QStringLiteral("  haiway.execute_concurrently:\n    - task: A\n")));
        QCOMPARE(node->option(QStringLiteral("concurrent_tasks")).toInt(), 2);
        QCOMPARE(node->option(QStringLiteral("return_exceptions")).toBool(), false);
        QCOMPARE(node->option(QStringLiteral("source_generator")).toBool(), false);
        QVERIFY(!node->option(QStringLiteral("source_raises_after")).isValid());
        const auto process = root(scenario(QStringLiteral("  haiway.process_concurrently:\n    - task: A\n")));
        QCOMPARE(process->option(QStringLiteral("ignore_exceptions")).toBool(), false);
        const auto stream = root(scenario(QStringLiteral("  haiway.stream_concurrently:\n    - {task: N, steps: [{emit: 1}]}\n    - {task: L}\n")));
        QCOMPARE(stream->option(QStringLiteral("exhaustive")).toBool(), false);
        QCOMPARE(stream->option(QStringLiteral("take")).toInt(), -1);
        const auto retry = root(scenario(QStringLiteral("  haiway.retry: {body: [{return: 1}]}\n")));
        QCOMPARE(retry->option(QStringLiteral("limit")).toInt(), 1);
        QCOMPARE(retry->option(QStringLiteral("delay")).toLongLong(), 0);
        const auto throttle = root(scenario(QStringLiteral("  haiway.throttle:\n    - task: A\n")));
        QCOMPARE(throttle->option(QStringLiteral("limit")).toInt(), 1);
        QCOMPARE(throttle->option(QStringLiteral("period")).toLongLong(), 1000);
    }

    void badOptionsAreReportedWhereTheyAre()
    {
        QCOMPARE(firstError(scenario(QStringLiteral("  haiway.concurrently:\n    concurrent_tasks: 0\n    children: [{task: A}]\n"))),
                 QStringLiteral("bad.yaml:4:23: 'concurrent_tasks' must be between 1 and 1000000, not 0"));
        QCOMPARE(firstError(scenario(QStringLiteral("  haiway.concurrently:\n    concurent_tasks: 2\n    children: [{task: A}]\n"))),
                 QStringLiteral("bad.yaml:4:5: unknown key 'concurent_tasks'; did you mean 'concurrent_tasks'?"));
        QCOMPARE(firstError(scenario(QStringLiteral("  haiway.process_concurrently:\n    ignore_exceptions: maybe\n    children: [{task: A}]\n"))),
                 QStringLiteral("bad.yaml:4:24: 'ignore_exceptions' must be true or false, not 'maybe'"));
        QCOMPARE(firstError(scenario(QStringLiteral("  haiway.timeout:\n    - task: A\n"))),
                 QStringLiteral("bad.yaml:3:3: 'haiway.timeout' needs 'seconds' (the deadline, from the call); use the map form"));
        QCOMPARE(firstError(scenario(QStringLiteral("  haiway.timeout:\n    seconds: 1\n    children: [{task: A}, {task: B}]\n"))),
                 QStringLiteral("bad.yaml:3:3: 'haiway.timeout' takes exactly 1 child, got 2"));
        QCOMPARE(firstError(scenario(QStringLiteral("  haiway.stream_concurrently:\n    - {task: N}\n"))),
                 QStringLiteral("bad.yaml:3:3: 'haiway.stream_concurrently' needs at least 2 children, got 1"));
        QCOMPARE(firstError(scenario(QStringLiteral("  haiway.throttle:\n    limit: 0\n    children: [{task: A}]\n"))),
                 QStringLiteral("bad.yaml:4:12: 'limit' must be between 1 and 1000000, not 0"));
    }

    void fanOutsRun_data()
    {
        QTest::addColumn<QString>("node");
        QTest::addColumn<QString>("outcome");
        QTest::newRow("execute, input order") << QStringLiteral("  haiway.execute_concurrently:\n    children:\n") + abcd
                                              << QStringLiteral("returned ['A', 'B', 'C', 'D'] at t=4");
        QTest::newRow("concurrently, limit 4") << QStringLiteral("  haiway.concurrently:\n    concurrent_tasks: 4\n    children:\n") + abcd
                                               << QStringLiteral("returned ['A', 'B', 'C', 'D'] at t=3");
        QTest::newRow("process returns None") << QStringLiteral("  haiway.process_concurrently:\n    children:\n") + abcd
                                              << QStringLiteral("returned None at t=4");
        QTest::newRow("first error bare") << QStringLiteral("  haiway.concurrently:\n    children:\n      - {task: A, steps: [{sleep: 3}]}\n      - {task: B, steps: [{sleep: 1}, {fail: B}]}\n")
                                          << QStringLiteral("raised ValueError('B') at t=1");
        QTest::newRow("source raises") << QStringLiteral("  haiway.execute_concurrently:\n    source_raises_after: 1\n    children:\n") + abcd
                                       << QStringLiteral("raised ValueError('source') at t=0");
        QTest::newRow("stream") << QStringLiteral("  haiway.stream_concurrently:\n    - {task: N, steps: [{sleep: 1}, {emit: n0}, {sleep: 2}, {emit: n1}]}\n    - {task: L, steps: [{sleep: 2}, {emit: L0}]}\n")
                                << QStringLiteral("returned ['n0', 'L0'] at t=2");
        QTest::newRow("stream, exhaustive") << QStringLiteral("  haiway.stream_concurrently:\n    exhaustive: true\n    children:\n      - {task: N, steps: [{sleep: 1}, {emit: n0}, {sleep: 2}, {emit: n1}]}\n      - {task: L, steps: [{sleep: 2}, {emit: L0}]}\n")
                                            << QStringLiteral("returned ['n0', 'L0', 'n1'] at t=3");
    }

    void fanOutsRun()
    {
        QFETCH(QString, node);
        QFETCH(QString, outcome);
        QCOMPARE(run(scenario(node)), outcome);
    }

    void scopesAndResilienceRun_data()
    {
        QTest::addColumn<QString>("node");
        QTest::addColumn<QString>("outcome");
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

    void scopesAndResilienceRun()
    {
        QFETCH(QString, node);
        QFETCH(QString, outcome);
        QCOMPARE(run(scenario(node)), outcome);
    }
};

QTEST_GUILESS_MAIN(TestHaiwayNodes)
#include "tst_haiwaynodes.moc"
