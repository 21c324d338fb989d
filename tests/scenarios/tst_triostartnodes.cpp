// trio's nursery.start as a node (scenarios/helpers/triostart.cpp) and the `started:` step:
// where the step is allowed, and runs that follow helper-semantics §6.1.

#include "nodetesting.h"

#include <QTest>

using namespace nodetesting;

namespace {

QString trio(const QString &node)
{
    return scenario(QStringLiteral("trio"), node);
}

QString startOne(const QString &steps, const QString &body = QStringLiteral("[{sleep: 1}]"))
{
    return trio(QStringLiteral("  trio.nursery_start:\n    children:\n      - task: S\n        steps: ") + steps
                + QStringLiteral("\n    body: ") + body + QLatin1Char('\n'));
}

} // namespace

class TestTrioStartNodes : public QObject
{
    Q_OBJECT

private slots:
    void registered()
    {
        const scenarios::HelperSpec *spec = scenarios::findHelper("trio.nursery_start");
        QVERIFY(spec);
        QCOMPARE(spec->role, scenarios::ChildRole::Started);
        QVERIFY(spec->body);
        QVERIFY(spec->spawns);
        QVERIFY(spec->options.empty());
        QVERIFY(spec->brief.contains(QLatin1String("value")));
    }

    void startedStepParses()
    {
        const auto node = rootOf(startOne(QStringLiteral("[{started: 8080}]")));
        QVERIFY(node);
        QCOMPARE(node->children.size(), size_t(1));
        const scenarios::Step &step = node->children.front()->steps.front();
        QCOMPARE(step.kind, scenarios::Step::Kind::Started);
        QCOMPARE(step.value.toLongLong(), 8080);
        QCOMPARE(scenarios::describeStep(step), QStringLiteral("started 8080"));
    }

    void startedOutsideAStartedChild_data()
    {
        addDiagnosticColumns();
        const QString why = QStringLiteral("'started' is only allowed in a child of trio.nursery_start (task_status.started needs nursery.start)");
        QTest::newRow("plain task") << trio(QStringLiteral("  task: A\n  steps: [{started: 1}]\n")) << "bad.yaml:5:12: " + why;
        QTest::newRow("open_nursery child") << trio(QStringLiteral("  trio.open_nursery:\n    - task: A\n      steps: [{started: 1}]\n"))
                                            << "bad.yaml:6:16: " + why;
        QTest::newRow("nursery_start body") << startOne(QStringLiteral("[{started: 1}]"), QStringLiteral("[{started: 2}]"))
                                            << "bad.yaml:8:13: " + why;
    }

    void startedOutsideAStartedChild()
    {
        checkDiagnosticRow();
    }

    void runs_data()
    {
        addRunColumns();
        QTest::newRow("start waits for started")
            << startOne(QStringLiteral("[{sleep: 2}, {started: 8080}, {sleep: 3}]"))
            << "returned [8080]" << QStringList{"t=5 S completed", "t=5 main completed [8080]"};
        QTest::newRow("started without a value")
            << startOne(QStringLiteral("[{started: ~}]"), QStringLiteral("[]"))
            << "returned [None]" << QStringList{"t=0 main completed [None]"};
        QTest::newRow("returns without started")
            << startOne(QStringLiteral("[{sleep: 1}]"))
            << "raised ExceptionGroup('Exceptions from Trio nursery', [RuntimeError('child exited without calling task_status.started()')])"
            << QStringList{};
        QTest::newRow("error before started")
            << startOne(QStringLiteral("[{sleep: 1}, {fail: early}]"))
            << "raised ExceptionGroup('Exceptions from Trio nursery', [ValueError('early')])" << QStringList{};
        QTest::newRow("error after started is the nursery's")
            << startOne(QStringLiteral("[{started: 1}, {sleep: 1}, {fail: late}]"), QStringLiteral("[{sleep: 5}]"))
            << "raised ExceptionGroup('Exceptions from Trio nursery', [ValueError('late')])"
            << QStringList{"t=1 main failed ExceptionGroup('Exceptions from Trio nursery', [ValueError('late')])"};
        QTest::newRow("children start one after another")
            << trio(QStringLiteral("  trio.nursery_start:\n    children:\n"
                                   "      - task: A\n        steps: [{sleep: 1}, {started: a}, {sleep: 5}]\n"
                                   "      - task: B\n        steps: [{sleep: 1}, {started: b}]\n"))
            << "returned ['a', 'b']" << QStringList{"t=2 B completed", "t=6 main completed ['a', 'b']"};
    }

    void runs()
    {
        checkRunRow();
    }
};

QTEST_GUILESS_MAIN(TestTrioStartNodes)
#include "tst_triostartnodes.moc"
