// Concurry's wait()/gather() over nested positional arguments (scenarios/helpers/concurrynested.cpp):
// options and defaults, located diagnostics, and runs that follow helper-semantics §4.1–4.2.

#include "nodetesting.h"

#include <QTest>

using namespace nodetesting;

namespace {

QString concurry(const QString &node)
{
    return scenario(QStringLiteral("concurry"), node);
}

// wait/gather over A (1 tick) and a group of B (2) and C (3), polled every tick.
QString nested(const QString &key, const QString &options)
{
    return concurry(QStringLiteral("  %1:\n    polling: fixed\n    poll_interval: 1\n").arg(key) + options
                    + QStringLiteral("    children:\n"
                                     "      - {task: A, steps: [{sleep: 1}, {return: a}]}\n"
                                     "      - concurry.group:\n"
                                     "          - {task: B, steps: [{sleep: 2}, {return: b}]}\n"
                                     "          - {task: C, steps: [{sleep: 3}, {return: c}]}\n"));
}

} // namespace

class TestConcurryNestedNodes : public QObject
{
    Q_OBJECT

private slots:
    void registered()
    {
        for (const char *key : {"concurry.wait_args", "concurry.gather_args", "concurry.group"}) {
            const scenarios::HelperSpec *spec = scenarios::findHelper(QLatin1String(key));
            QVERIFY2(spec, key);
            QVERIFY2(spec->brief.contains(QLatin1String("value")), key);
        }
        QVERIFY(scenarios::findHelper("concurry.group")->options.empty());
    }

    void defaults()
    {
        const auto node = rootOf(concurry(QStringLiteral("  concurry.wait_args:\n    - {task: A, steps: [{sleep: 1}]}\n")));
        QVERIFY(node);
        QCOMPARE(node->option("recurse").toBool(), false);
        QCOMPARE(node->option("progress").toBool(), false);
        QCOMPARE(node->option("return_when").toString(), QStringLiteral("all_completed"));
        QCOMPARE(node->option("polling").toString(), QStringLiteral("adaptive"));
        QCOMPARE(node->option("poll_interval").toLongLong(), 10);
        QVERIFY(!node->option("timeout").isValid());
        const auto gather = rootOf(concurry(QStringLiteral("  concurry.gather_args:\n    - {task: A, steps: [{sleep: 1}]}\n")));
        QVERIFY(gather);
        QCOMPARE(gather->option("return_exceptions").toBool(), false);
    }

    void badOptions_data()
    {
        addDiagnosticColumns();
        QTest::newRow("recurse not a bool") << nested(QStringLiteral("concurry.gather_args"), QStringLiteral("    recurse: deep\n"))
                                            << "bad.yaml:7:14: 'recurse' must be true or false, not 'deep'";
        QTest::newRow("progress not a bool") << nested(QStringLiteral("concurry.wait_args"), QStringLiteral("    progress: 3\n"))
                                             << "bad.yaml:7:15: 'progress' must be true or false, not '3'";
        QTest::newRow("return_when on gather") << nested(QStringLiteral("concurry.gather_args"), QStringLiteral("    return_when: first_completed\n"))
                                               << "bad.yaml:7:5: unknown key 'return_when'; expected one of: name, children, timeout, recurse, progress, polling, poll_interval, return_exceptions";
    }

    void badOptions()
    {
        checkDiagnosticRow();
    }

    void runs_data()
    {
        addRunColumns();
        QTest::newRow("gather recurse") << nested(QStringLiteral("concurry.gather_args"), QStringLiteral("    recurse: true\n"))
                                        << "returned ['a', ['b', 'c']]" << QStringList{"t=3 main completed ['a', ['b', 'c']]"};
        QTest::newRow("wait recurse, several arguments") << nested(QStringLiteral("concurry.wait_args"), QStringLiteral("    recurse: true\n    progress: true\n"))
                                      << "returned [['A', '['<future B>', '<future C>']'], []]" << QStringList{};
        // recurse walks a single list argument only: after A the group is one done future.
        QTest::newRow("a group followed by more arguments")
            << concurry(QStringLiteral("  concurry.wait_args:\n    - concurry.group: [{task: B, steps: [{sleep: 1}]}]\n    - {task: A, steps: [{sleep: 1}]}\n"))
            << "raised ValueError('Cannot provide both a structure (list/tuple/set/dict) as first argument and additional futures via *futs. Either pass a structure, or pass individual futures.')"
            << QStringList{};
        QTest::newRow("a single group is walked")
            << concurry(QStringLiteral("  concurry.wait_args:\n    polling: fixed\n    poll_interval: 1\n    children:\n"
                                       "      - concurry.group: [{task: A, steps: [{sleep: 1}]}, {task: B, steps: [{sleep: 2}]}]\n"))
            << "returned [['A', 'B'], []]" << QStringList{"t=2 main completed [['A', 'B'], []]"};
        QTest::newRow("group on its own")
            << concurry(QStringLiteral("  concurry.group:\n    - {task: A, steps: [{sleep: 1}]}\n"))
            << "raised RuntimeError('main is an argument list of concurry.wait_args / gather_args, not a task')" << QStringList{};
    }

    void runs()
    {
        checkRunRow();
    }
};

QTEST_GUILESS_MAIN(TestConcurryNestedNodes)
#include "tst_concurrynestednodes.moc"
