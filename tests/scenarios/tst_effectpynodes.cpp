// effectpy's helper nodes (scenarios/helpers/effectpy*.cpp): every node is registered, reads its
// options with effectpy's defaults, rejects bad values at their line and column, and runs as
// helper-semantics §5 says.

#include "nodetesting.h"

using namespace nodetesting;

namespace {

const char *const twoTasks = "    - task: A\n      steps: [{sleep: 3}, {return: A}]\n"
                             "    - task: B\n      steps: [{sleep: 1}, {return: B}]\n";

QString node(const QString &key, const QString &options, const QString &children = QLatin1String(twoTasks))
{
    QString text = QStringLiteral("  %1:\n").arg(key);
    if (!options.isEmpty())
        text += options;
    if (!children.isEmpty())
        text += QStringLiteral("    children:\n") + QString(children).replace(QStringLiteral("\n    "), QStringLiteral("\n      ")).prepend(QStringLiteral("  "));
    return scenario(QStringLiteral("effectpy"), text);
}

} // namespace

class TestEffectpyNodes : public QObject
{
    Q_OBJECT

private slots:
    void everyCatalogueHelperIsANode()
    {
        const QStringList expected{
            "effectpy.zip_par", "effectpy.race", "effectpy.race_first", "effectpy.race_all", "effectpy.for_each_par",
            "effectpy.merge_all", "effectpy.timeout", "effectpy.sleep", "effectpy.current_time", "effectpy.merge_streams",
            "effectpy.fork", "effectpy.retry", "effectpy.repeat", "effectpy.catch_all", "effectpy.circuit_breaker",
            "effectpy.acquire_release", "effectpy.ensuring", "effectpy.scoped", "effectpy.uninterruptible", "effectpy.uninterruptible_mask", "effectpy.stream", "effectpy.stream_merge"};
        checkRegistered(QStringLiteral("effectpy"), expected);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(scenarios::findHelper("effectpy.merge_streams")->role, scenarios::ChildRole::Producers);
    }

    void defaults_data()
    {
        addOptionColumns();
        QTest::newRow("for_each_par parallelism") << node("effectpy.for_each_par", {}) << "parallelism" << "10";
        QTest::newRow("for_each_par ties") << node("effectpy.for_each_par", {}) << "ties" << "set";
        QTest::newRow("for_each_par source") << node("effectpy.for_each_par", {}) << "source_generator" << "false";
        QTest::newRow("merge_all parallelism None") << node("effectpy.merge_all", {}) << "parallelism" << "(not given)";
        QTest::newRow("merge_all preserve_order") << node("effectpy.merge_all", {}) << "preserve_order" << "false";
        QTest::newRow("zip_par symmetric") << node("effectpy.zip_par", {}) << "symmetric" << "false";
        QTest::newRow("race first_success") << node("effectpy.race", {}) << "first_success" << "false";
        QTest::newRow("race_all ties") << node("effectpy.race_all", {}) << "ties" << "set";
        QTest::newRow("sleep clock") << node("effectpy.sleep", "    seconds: 2s\n", {}) << "clock" << "true";
        QTest::newRow("sleep seconds") << node("effectpy.sleep", "    seconds: 2s\n", {}) << "seconds" << "2000";
        QTest::newRow("fork then") << node("effectpy.fork", {}) << "then" << "join";
        const QString one = "    - task: A\n";
        QTest::newRow("retry schedule") << node("effectpy.retry", {}, one) << "schedule" << "recurs";
        QTest::newRow("retry times") << node("effectpy.retry", {}, one) << "times" << "1";
        QTest::newRow("repeat jitter_min") << node("effectpy.repeat", {}, one) << "jitter_min" << "0.5";
        QTest::newRow("repeat jitter_max") << node("effectpy.repeat", {}, one) << "jitter_max" << "1.5";
        QTest::newRow("breaker threshold") << node("effectpy.circuit_breaker", {}, one) << "failure_threshold" << "3";
        QTest::newRow("breaker timeout") << node("effectpy.circuit_breaker", {}, one) << "timeout_seconds" << "60";
        QTest::newRow("breaker half_open") << node("effectpy.circuit_breaker", {}, one) << "half_open" << "false";
        QTest::newRow("uninterruptible shielded") << node("effectpy.uninterruptible", {}, one) << "shielded" << "false";
        QTest::newRow("timeout seconds given") << node("effectpy.timeout", "    seconds: 250ms\n", one) << "seconds" << "250";
    }

    void defaults() { checkOptionRow(); }

    void badOptions_data()
    {
        addDiagnosticColumns();
        const QString one = "    - task: A\n";
        QTest::newRow("unknown ties")
            << node("effectpy.race", "    ties: fist\n")
            << "bad.yaml:5:11: unknown ties 'fist'; expected one of: set, fifo";
        QTest::newRow("parallelism not a number")
            << node("effectpy.for_each_par", "    parallelism: two\n")
            << "bad.yaml:5:18: 'parallelism' must be a whole number, not 'two'";
        QTest::newRow("zero threshold")
            << node("effectpy.circuit_breaker", "    failure_threshold: 0\n", one)
            << "bad.yaml:5:24: 'failure_threshold' must not be 0";
        QTest::newRow("unknown schedule")
            << node("effectpy.retry", "    schedule: exponental\n", one)
            << "bad.yaml:5:15: unknown schedule 'exponental'; did you mean 'exponential'?";
        QTest::newRow("negative timeout")
            << node("effectpy.timeout", "    seconds: -1\n", one)
            << "bad.yaml:5:14: duration must not be negative, got '-1'";
        QTest::newRow("timeout without seconds")
            << node("effectpy.timeout", {}, one)
            << "bad.yaml:5:5: 'effectpy.timeout' needs 'seconds' (the deadline)";
        QTest::newRow("zip_par with three")
            << node("effectpy.zip_par", {}, QString(twoTasks) + "    - task: C\n")
            << "bad.yaml:4:3: 'effectpy.zip_par' takes exactly 2 children, got 3";
        QTest::newRow("unknown then")
            << node("effectpy.fork", "    then: joinn\n")
            << "bad.yaml:5:11: unknown then 'joinn'; did you mean 'join'?";
        QTest::newRow("unknown option")
            << node("effectpy.merge_all", "    preserve_ordr: true\n")
            << "bad.yaml:5:5: unknown key 'preserve_ordr'; did you mean 'preserve_order'?";
    }

    void badOptions() { checkDiagnosticRow(); }

    void runs_data()
    {
        addRunColumns();
        const QString failA = "    - task: A\n      steps: [{sleep: 1}, {fail: {type: Failure, message: A}}]\n"
                              "    - task: B\n      steps: [{sleep: 2}, {return: B}]\n";
        QTest::newRow("zip_par") << node("effectpy.zip_par", {}) << "returned ['A', 'B']" << QStringList{"t=3 main completed ['A', 'B']"};
        QTest::newRow("zip_par symmetric") << node("effectpy.zip_par", "    symmetric: true\n", failA)
                                           << "raised Failure('A')" << QStringList{"t=1 B cancelled"};
        QTest::newRow("race") << node("effectpy.race", {}, failA) << "raised Failure('A')" << QStringList{"t=1 B cancelled"};
        QTest::newRow("race_first") << node("effectpy.race_first", {}) << "returned 'B'" << QStringList{"t=1 A cancelled"};
        // uninterruptibleMask under a timeout of 1, during the masked setup (S 0-2; W restored 2-6).
        auto masked = [](const QString &options) {
            return scenario("effectpy", QStringLiteral("  effectpy.timeout:\n    seconds: 1\n    children:\n"
                                                       "      - effectpy.uninterruptible_mask:\n          name: M\n") + options
                                            + QStringLiteral("          children:\n"
                                                             "            - {task: S, steps: [{sleep: 2}]}\n"
                                                             "            - {task: W, restore: true, steps: [{sleep: 4}, {return: W}]}\n"));
        };
        QTest::newRow("uninterruptible_mask masks nothing") << masked(QString()) << "returned None"
                                                            << QStringList{"t=1 uninterruptibleMask cancelled", "t=1 M cancelled", "t=1 main completed"};
        QTest::newRow("uninterruptible_mask shielded") << masked(QStringLiteral("          shielded: true\n")) << "returned None"
                                                       << QStringList{"t=2 M cancelled", "t=2 main completed"};

        QTest::newRow("race_first empty") << scenario("effectpy", "  effectpy.race_first: {children: []}\n")
                                          << "raised RuntimeError('race_first on empty iterable')" << QStringList{};
        QTest::newRow("race_all") << node("effectpy.race_all", {}) << "returned [1, 'B']" << QStringList{"t=1 A cancelled"};
        QTest::newRow("for_each_par") << node("effectpy.for_each_par", "    parallelism: 1\n") << "returned ['A', 'B']"
                                      << QStringList{"t=3 A completed 'A'", "t=4 B completed 'B'"};
        QTest::newRow("for_each_par zero parallelism acts as one") << node("effectpy.for_each_par", "    parallelism: 0\n")
                                                                   << "returned ['A', 'B']" << QStringList{"t=4 B completed 'B'"};
        QTest::newRow("merge_all") << node("effectpy.merge_all", {}) << "returned ['B', 'A']" << QStringList{"t=3 main completed ['B', 'A']"};
        QTest::newRow("timeout") << node("effectpy.timeout", "    seconds: 2\n", "    - task: A\n      steps: [{sleep: 3}, {return: A}]\n")
                                 << "returned None" << QStringList{"t=2 A cancelled"};
        QTest::newRow("sleep") << node("effectpy.sleep", "    seconds: 2\n", {}) << "returned None" << QStringList{"t=2 main completed"};
        QTest::newRow("sleep without clock") << node("effectpy.sleep", "    seconds: 2\n    clock: false\n", {})
                                             << "raised KeyError('Missing service: Clock')" << QStringList{};
        QTest::newRow("current_time") << node("effectpy.current_time", {}, {}) << "returned 0" << QStringList{};
        QTest::newRow("merge_streams")
            << scenario("effectpy", "  effectpy.merge_streams:\n    - task: N\n      steps: [{sleep: 2}, {emit: n0}]\n"
                                    "    - task: L\n      steps: [{sleep: 1}, {emit: L0}]\n")
            << "returned ['L0', 'n0']" << QStringList{"t=2 main completed ['L0', 'n0']"};
        QTest::newRow("fork join") << node("effectpy.fork", {}) << "returned ['A', 'B']" << QStringList{"t=3 main completed ['A', 'B']"};
        QTest::newRow("fork detach") << node("effectpy.fork", "    then: detach\n") << "returned None"
                                     << QStringList{"t=0 main completed", "t=3 A completed 'A'"};
        const QString flaky = "    - task: F\n      steps: [{sleep: 1}, {fail: {type: Failure, message: F}}]\n";
        QTest::newRow("retry recurs") << node("effectpy.retry", "    times: 2\n", flaky) << "raised Failure('F')" << QStringList{"t=3 main failed Failure('F')"};
        QTest::newRow("retry spaced without delay") << node("effectpy.retry", "    schedule: spaced\n", flaky)
                                                    << "raised ValueError('Schedule.spaced needs a delay > 0 here (it never stops by itself)')" << QStringList{};
        QTest::newRow("repeat") << node("effectpy.repeat", "    times: 2\n", "    - task: T\n      steps: [{sleep: 1}, {return: T}]\n")
                                << "returned 'T'" << QStringList{"t=3 main completed 'T'"};
        QTest::newRow("catch_all") << node("effectpy.catch_all", {}, flaky + "    - task: FB\n      steps: [{return: fb}]\n")
                                   << "returned 'fb'" << QStringList{"t=1 main completed 'fb'"};
        QTest::newRow("circuit_breaker") << node("effectpy.circuit_breaker", "    failure_threshold: 1\n", flaky + "    - task: G\n      steps: [{return: G}]\n")
                                         << "returned [Failure('Circuit breaker OPENED due to: F'), Failure('Circuit breaker is OPEN')]" << QStringList{};
        QTest::newRow("circuit_breaker half_open")
            << node("effectpy.circuit_breaker", "    failure_threshold: 1\n    timeout_seconds: 0\n    half_open: true\n", flaky + "    - task: G\n      steps: [{return: G}]\n")
            << "returned [Failure('F'), 'G']" << QStringList{};
        QTest::newRow("acquire_release")
            << node("effectpy.acquire_release", {}, "    - task: acq\n      steps: [{sleep: 1}]\n    - task: use\n      steps: [{sleep: 1}, {fail: {type: Failure, message: use}}]\n    - task: rel\n      steps: [{sleep: 1}]\n")
            << "raised Failure('use')" << QStringList{"t=3 main failed Failure('use')"};
        QTest::newRow("ensuring") << node("effectpy.ensuring", {}, flaky + "    - task: fin\n      steps: [{sleep: 2}]\n")
                                  << "raised Failure('F')" << QStringList{"t=3 main failed Failure('F')"};
        QTest::newRow("scoped")
            << scenario("effectpy", "  effectpy.scoped:\n    children:\n      - task: f1\n        steps: [{sleep: 1}]\n    body: [{sleep: 1}, {return: done}]\n")
            << "returned 'done'" << QStringList{"t=2 main completed 'done'"};
        QTest::newRow("uninterruptible") << node("effectpy.uninterruptible", {}, "    - task: A\n      steps: [{sleep: 1}, {return: A}]\n")
                                         << "returned 'A'" << QStringList{"t=1 A completed 'A'"};
    }

    void runs() { checkRunRow(); }
};

QTEST_GUILESS_MAIN(TestEffectpyNodes)
#include "tst_effectpynodes.moc"
