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

    void workerRetriesEachMethodAsItsEntrySays_data()
    {
        addRunColumns();
        // fetch (called twice) retries twice with waits 2 and 4; ping keeps the "*" default of no
        // retries; the gather polls every tick, so it sees the last fetch failure at 7.
        const QString head = QStringLiteral("  concurry.worker:\n    return_exceptions: true\n    polling: fixed\n    poll_interval: 1\n");
        const QString calls = QStringLiteral(
            "    children:\n"
            "      - {task: fetch, steps: [{sleep: 1}, {fail: down}]}\n"
            "      - {task: fetch#2, steps: [{sleep: 1}, {return: ok}]}\n"
            "      - {task: ping, steps: [{sleep: 1}, {fail: no pong}]}\n");
        QTest::newRow("per method") << scenario(head + QStringLiteral("    retries:\n      fetch: {num_retries: 2, retry_wait: 2, retry_jitter: 0}\n") + calls)
                                    << "returned [ValueError('down'), 'ok', ValueError('no pong')]"
                                    << QStringList{"t=1 fetch#2 completed 'ok'", "t=1 ping failed ValueError('no pong')",
                                                   "t=9 fetch failed ValueError('down')", "t=9 main completed [ValueError('down'), 'ok', ValueError('no pong')]"};
        // "*" gives every method not listed one linear retry after 1; fetch opts out.
        QTest::newRow("star entry") << scenario(head + QStringLiteral("    retries:\n      '*': {num_retries: 1, retry_algorithm: linear, retry_wait: 1, retry_jitter: 0}\n      fetch: {num_retries: 0}\n") + calls)
                                    << "returned [ValueError('down'), 'ok', ValueError('no pong')]"
                                    << QStringList{"t=1 fetch failed ValueError('down')", "t=3 ping failed ValueError('no pong')",
                                                   "t=3 main completed [ValueError('down'), 'ok', ValueError('no pong')]"};
        // retry_on per method: fetch retries only ConnectionError, so its ValueError is final.
        QTest::newRow("retry_on") << scenario(head + QStringLiteral("    retries:\n      '*': {num_retries: 1, retry_wait: 1, retry_jitter: 0}\n      fetch: {retry_on: [ConnectionError]}\n") + calls)
                                  << "returned [ValueError('down'), 'ok', ValueError('no pong')]"
                                  << QStringList{"t=1 fetch failed ValueError('down')", "t=3 ping failed ValueError('no pong')"};
        // retry_until per method: ping must return pong; after 1 retry it gives up.
        QTest::newRow("retry_until") << scenario(QStringLiteral("  concurry.worker:\n    polling: fixed\n    poll_interval: 1\n"
                                                                "    retries: {ping: {num_retries: 1, retry_wait: 1, retry_jitter: 0, retry_until: pong}}\n"
                                                                "    children: [{task: ping, steps: [{return: ping}]}]\n"))
                                     << "raised RetryValidationError('Validation failed after 2 attempts')"
                                     << QStringList{"t=1 ping failed RetryValidationError('Validation failed after 2 attempts')"};
    }

    void workerRetriesEachMethodAsItsEntrySays() { checkRunRow(); }

    void workerRetrySettingsHaveConcurrysDefaults()
    {
        const auto node = rootOf(scenario(QStringLiteral("  concurry.worker:\n    retries: {fetch: {}}\n    children: [{task: fetch}]\n")));
        QVERIFY(node);
        QCOMPARE(node->option("retries").toMap().value("fetch").toMap(), QVariantMap());
        const scenarios::OptionSpec *retries = node->helper->option(QStringLiteral("retries"));
        QVERIFY(retries);
        QStringList defaults;
        for (const scenarios::OptionSpec &field : retries->fields)
            defaults << QStringLiteral("%1=%2").arg(field.key, field.fallback.isValid() ? field.fallback.toString() : QStringLiteral("None"));
        QCOMPARE(defaults, QStringList({"num_retries=0", "retry_algorithm=exponential", "retry_wait=1000", "retry_jitter=0.3",
                                        "retry_on=None", "retry_until=None"}));
        QVERIFY(!node->option("return_exceptions").toBool());
        QVERIFY(rootOf(scenario(QStringLiteral("  concurry.worker:\n    - task: fetch\n")))->option("retries").toMap().isEmpty());
    }

    void badPerMethodRetriesAreReportedWhereTheyAre_data()
    {
        addDiagnosticColumns();
        const QString calls = QStringLiteral("    children: [{task: fetch}, {task: ping}]\n");
        auto worker = [&](const QString &retries) { return scenario(QStringLiteral("  concurry.worker:\n    retries:\n") + retries + calls); };
        QTest::newRow("unknown method") << worker(QStringLiteral("      fecth: {num_retries: 1}\n"))
                                        << "bad.yaml:5:7: unknown method 'fecth' in 'retries'; did you mean 'fetch'?";
        QTest::newRow("unknown method, no near one") << worker(QStringLiteral("      upload: {num_retries: 1}\n"))
                                                     << "bad.yaml:5:7: unknown method 'upload' in 'retries'; the methods are: *, fetch, ping";
        QTest::newRow("unknown setting") << worker(QStringLiteral("      fetch: {num_retry: 1}\n"))
                                         << "bad.yaml:5:15: unknown setting 'num_retry'; did you mean 'num_retries'?";
        QTest::newRow("setting of the wrong type") << worker(QStringLiteral("      '*': {retry_wait: soon}\n"))
                                                   << "bad.yaml:5:25: invalid duration 'soon'; expected whole ticks (e.g. 3), '250ms' or '2s'";
        QTest::newRow("negative retries") << worker(QStringLiteral("      ping:\n        num_retries: -1\n"))
                                          << "bad.yaml:6:22: 'num_retries' must be between 0 and 1000000, not -1";
        QTest::newRow("settings not a map") << worker(QStringLiteral("      ping: 3\n"))
                                            << "bad.yaml:5:13: the settings of method 'ping' must be a map (e.g. {num_retries: 1}), not '3'";
        QTest::newRow("not a map") << scenario(QStringLiteral("  concurry.worker:\n    retries: [fetch]\n") + calls)
                                   << "bad.yaml:4:14: 'retries' must be a map of method names to their settings, not a list";
    }

    void badPerMethodRetriesAreReportedWhereTheyAre() { checkDiagnosticRow(); }
};

QTEST_GUILESS_MAIN(TestConcurryNodes)
#include "tst_concurrynodes.moc"
