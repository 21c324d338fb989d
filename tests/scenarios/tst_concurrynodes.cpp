// Concurry's helper nodes (scenarios/helpers/concurry*.cpp): options typed with concurry's
// defaults and choices, bad ones reported at their line and column; wait/gather observe by
// polling and never cancel, except async_gather on timeout (helper-semantics §4).

#include "nodetesting.h"

using namespace nodetesting;

namespace {

const QString abc = QStringLiteral(
    "      - {task: A, steps: [{sleep: 3}, {return: A}]}\n"
    "      - {task: B, steps: [{sleep: 1}, {fail: B}]}\n"
    "      - {task: C, steps: [{sleep: 2}, {return: C}]}\n");

} // namespace

class TestConcurryNodes : public QObject
{
    Q_OBJECT

private slots:
    void optionsHaveConcurrysDefaults_data()
    {
        addOptionColumns();
        const QString wait = scenario(QStringLiteral("  concurry.wait:\n    - task: A\n"));
        const QString gather = scenario(QStringLiteral("  concurry.gather:\n    - task: A\n"));
        const QString retry = scenario(QStringLiteral("  concurry.retry: {body: [{return: 1}]}\n"));
        QTest::newRow("wait return_when") << wait << "return_when" << "all_completed";
        QTest::newRow("wait polling") << wait << "polling" << "adaptive";
        QTest::newRow("wait poll_interval") << wait << "poll_interval" << "10";
        QTest::newRow("wait timeout") << wait << "timeout" << "(not given)";
        QTest::newRow("gather return_exceptions") << gather << "return_exceptions" << "false";
        QTest::newRow("gather iter") << gather << "iter" << "false";
        QTest::newRow("gather dict") << gather << "dict" << "false";
        QTest::newRow("retry num_retries") << retry << "num_retries" << "0";
        QTest::newRow("retry retry_algorithm") << retry << "retry_algorithm" << "exponential";
        QTest::newRow("retry retry_wait") << retry << "retry_wait" << "1000";
        QTest::newRow("retry retry_jitter") << retry << "retry_jitter" << "0.3";
    }

    void optionsHaveConcurrysDefaults() { checkOptionRow(); }

    void badOptionsAreReportedWhereTheyAre_data()
    {
        addDiagnosticColumns();
        QTest::newRow("unknown return_when") << scenario(QStringLiteral("  concurry.wait:\n    return_when: first_complete\n    children: [{task: A}]\n"))
            << QStringLiteral("bad.yaml:4:18: unknown return_when 'first_complete'; did you mean 'first_completed'?");
        QTest::newRow("unknown polling") << scenario(QStringLiteral("  concurry.gather:\n    polling: fixd\n    children: [{task: A}]\n"))
            << QStringLiteral("bad.yaml:4:14: unknown polling 'fixd'; did you mean 'fixed'?");
        QTest::newRow("negative timeout") << scenario(QStringLiteral("  concurry.async_gather:\n    timeout: -1\n    children: [{task: A}]\n"))
            << QStringLiteral("bad.yaml:4:14: duration must not be negative, got '-1'");
        QTest::newRow("retry_jitter above 1") << scenario(QStringLiteral("  concurry.retry:\n    retry_jitter: 2\n    body: [{return: 1}]\n"))
            << QStringLiteral("bad.yaml:4:19: 'retry_jitter' must be between 0 and 1, not 2");
        QTest::newRow("unknown retry_algorithm") << scenario(QStringLiteral("  concurry.retry:\n    retry_algorithm: fibonaci\n    body: [{return: 1}]\n"))
            << QStringLiteral("bad.yaml:4:22: unknown retry_algorithm 'fibonaci'; did you mean 'fibonacci'?");
    }

    void badOptionsAreReportedWhereTheyAre() { checkFirstErrorRow(); }

    void nodesRun_data()
    {
        addOutcomeColumns();
        const QString fixed = QStringLiteral("    polling: fixed\n    poll_interval: 1\n");
        QTest::newRow("gather waits for all") << QStringLiteral("  concurry.gather:\n") + fixed + QStringLiteral("    children:\n") + abc
                                              << QStringLiteral("raised ValueError('B') at t=3");
        QTest::newRow("gather, errors as values") << QStringLiteral("  concurry.gather:\n    return_exceptions: true\n") + fixed + QStringLiteral("    children:\n") + abc
                                                  << QStringLiteral("returned ['A', ValueError('B'), 'C'] at t=3");
        QTest::newRow("gather iter") << QStringLiteral("  concurry.gather:\n    iter: true\n    return_exceptions: true\n") + fixed + QStringLiteral("    children:\n") + abc
                                     << QStringLiteral("returned [[1, ValueError('B')], [2, 'C'], [0, 'A']] at t=3");
        QTest::newRow("wait all") << QStringLiteral("  concurry.wait:\n") + fixed + QStringLiteral("    children:\n") + abc
                                  << QStringLiteral("returned [['A', 'B', 'C'], []] at t=3");
        QTest::newRow("wait first exception") << QStringLiteral("  concurry.wait:\n    return_when: first_exception\n") + fixed + QStringLiteral("    children:\n") + abc
                                              << QStringLiteral("returned [['B'], ['A', 'C']] at t=1");
        QTest::newRow("async_wait first completed") << QStringLiteral("  concurry.async_wait:\n    return_when: first_completed\n    children:\n") + abc
                                                    << QStringLiteral("returned [['B'], ['A', 'C']] at t=1");
        QTest::newRow("async_gather dict") << QStringLiteral("  concurry.async_gather:\n    dict: true\n    return_exceptions: true\n    children:\n") + abc
                                           << QStringLiteral("returned {'A': 'A', 'B': ValueError('B'), 'C': 'C'} at t=3");
        QTest::newRow("async_gather timeout") << QStringLiteral("  concurry.async_gather:\n    timeout: 2\n    children:\n") + abc
                                              << QStringLiteral("raised TimeoutError('async_gather() timed out after 2. Completed 2/3 tasks.') at t=2");
        QTest::newRow("retry linear") << QStringLiteral("  concurry.retry:\n    num_retries: 2\n    retry_algorithm: linear\n    retry_wait: 1\n    retry_jitter: 0\n    body: [{fail: x}]\n")
                                      << QStringLiteral("raised ValueError('x') at t=3");
        QTest::newRow("retry_until") << QStringLiteral("  concurry.retry:\n    num_retries: 1\n    retry_wait: 1\n    retry_jitter: 0\n    retry_until: ok\n    body: [{return: partial}]\n")
                                     << QStringLiteral("raised RetryValidationError('Validation failed after 2 attempts') at t=1");
    }

    void nodesRun() { checkOutcomeRow(); }
};

QTEST_GUILESS_MAIN(TestConcurryNodes)
#include "tst_concurrynodes.moc"
