// trio's and trio-util's helper nodes (scenarios/helpers/trio.cpp): registered, options read and
// validated, and runs that follow helper-semantics §6.1–6.2.

#include "nodetesting.h"

using namespace nodetesting;

namespace {

QString trio(const QString &node)
{
    return scenario(QStringLiteral("trio"), node);
}

const char *const twoChildren = "    children:\n"
                             "      - task: A\n        steps: [{sleep: 1}, {return: A}]\n"
                             "      - task: B\n        steps: [{sleep: 2}, {return: B}]\n";

} // namespace

class TestTrioNodes : public QObject
{
    Q_OBJECT

private slots:
    void everyCatalogueHelperIsANode()
    {
        const QStringList expected{"trio.open_nursery", "trio.cancel_scope", "trio.move_on_after", "trio.move_on_at",
                                   "trio.fail_after", "trio.fail_at", "trio.util_wait_any", "trio.util_wait_all",
                                   "trio.util_move_on_when", "trio.util_run_and_cancelling", "trio.nursery_start"};
        checkRegistered(QStringLiteral("trio"), expected);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(scenarios::findHelper("trio.open_nursery")->spawns);
    }

    void defaults_data()
    {
        addOptionColumns();
        const QString scope = trio("  trio.cancel_scope:\n    body: [{sleep: 1}]\n");
        QTest::newRow("cancel_scope shield") << scope << "shield" << "false";
        QTest::newRow("cancel_scope deadline inf") << scope << "deadline" << "(not given)";
        QTest::newRow("move_on_after seconds") << trio("  trio.move_on_after:\n    seconds: 1.5s\n    body: [{sleep: 1}]\n") << "seconds" << "1500";
    }

    void defaults() { checkOptionRow(); }

    void badOptions_data()
    {
        addDiagnosticColumns();
        QTest::newRow("seconds missing") << trio("  trio.move_on_after:\n    body: [{sleep: 1}]\n")
                                         << "bad.yaml:5:5: 'trio.move_on_after' needs 'seconds' (relative deadline, computed when entering)";
        QTest::newRow("negative seconds") << trio("  trio.fail_after:\n    seconds: -2\n    body: [{sleep: 1}]\n")
                                          << "bad.yaml:5:14: duration must not be negative, got '-2'";
        QTest::newRow("shield not a bool") << trio("  trio.cancel_scope:\n    shield: maybe\n    body: [{sleep: 1}]\n")
                                           << "bad.yaml:5:13: 'shield' must be true or false, not 'maybe'";
        QTest::newRow("misspelt option") << trio("  trio.fail_at:\n    deadlin: 2\n    body: [{sleep: 1}]\n")
                                         << "bad.yaml:5:5: unknown key 'deadlin'; did you mean 'deadline'?";
        QTest::newRow("move_on_when needs its child") << trio("  trio.util_move_on_when:\n    body: [{sleep: 1}]\n")
                                                      << "bad.yaml:5:5: missing required key 'children'";
        QTest::newRow("scope takes no children") << trio("  trio.cancel_scope:\n    - task: A\n")
                                                 << "bad.yaml:4:3: 'trio.cancel_scope' takes no children, only a body, got 1";
    }

    void badOptions() { checkDiagnosticRow(); }

    void runs_data()
    {
        addRunColumns();
        QTest::newRow("open_nursery") << trio(QStringLiteral("  trio.open_nursery:\n") + twoChildren + "    body: [{sleep: 1}, {return: body}]\n")
                                      << "returned 'body'" << QStringList{"t=2 B completed 'B'", "t=2 main completed 'body'"};
        QTest::newRow("open_nursery spawn")
            << trio("  trio.open_nursery:\n    body:\n      - spawn: {task: S, steps: [{sleep: 1}, {fail: S}]}\n      - sleep: 5\n")
            << "raised ExceptionGroup('Exceptions from Trio nursery', [ValueError('S')])" << QStringList{"t=1 main failed ExceptionGroup('Exceptions from Trio nursery', [ValueError('S')])"};
        QTest::newRow("cancel_scope deadline") << trio("  trio.cancel_scope:\n    deadline: 2\n    body: [{sleep: 3}, {return: x}]\n")
                                               << "returned None" << QStringList{"t=2 main completed"};
        QTest::newRow("cancel_scope cancelled by name")
            << trio("  trio.open_nursery:\n    - trio.cancel_scope:\n        name: S\n        body: [{sleep: 3}, {return: x}]\n"
                    "    - task: K\n      steps: [{sleep: 1}, {cancel: S}]\n")
            << "returned None" << QStringList{"t=1 S completed"};
        QTest::newRow("move_on_after") << trio("  trio.move_on_after:\n    seconds: 1\n    body: [{sleep: 3}, {return: x}]\n")
                                       << "returned None" << QStringList{"t=1 main completed"};
        QTest::newRow("move_on_at in time") << trio("  trio.move_on_at:\n    deadline: 5\n    body: [{sleep: 3}, {return: x}]\n")
                                            << "returned 'x'" << QStringList{"t=3 main completed 'x'"};
        QTest::newRow("fail_after") << trio("  trio.fail_after:\n    seconds: 1\n    body: [{sleep: 3}]\n")
                                    << "raised TooSlowError()" << QStringList{"t=1 main failed TooSlowError()"};
        QTest::newRow("fail_at") << trio("  trio.fail_at:\n    deadline: 2\n    body: [{sleep: 1}, {return: ok}]\n")
                                 << "returned 'ok'" << QStringList{"t=1 main completed 'ok'"};
        QTest::newRow("util_wait_any") << trio(QStringLiteral("  trio.util_wait_any:\n") + twoChildren)
                                       << "returned None" << QStringList{"t=1 A completed 'A'", "t=1 B cancelled"};
        QTest::newRow("util_wait_all") << trio(QStringLiteral("  trio.util_wait_all:\n") + twoChildren)
                                       << "returned None" << QStringList{"t=2 main completed"};
        QTest::newRow("util_move_on_when") << trio(QStringLiteral("  trio.util_move_on_when:\n    children:\n      - task: A\n        steps: [{sleep: 1}]\n    body: [{sleep: 3}, {return: x}]\n"))
                                           << "returned None" << QStringList{"t=1 main completed"};
        QTest::newRow("util_run_and_cancelling") << trio(QStringLiteral("  trio.util_run_and_cancelling:\n    children:\n      - task: A\n        steps: [{sleep: 5}]\n    body: [{sleep: 2}, {return: x}]\n"))
                                                 << "returned 'x'" << QStringList{"t=2 A cancelled", "t=2 main completed 'x'"};
    }

    void runs() { checkRunRow(); }
};

QTEST_GUILESS_MAIN(TestTrioNodes)
#include "tst_trionodes.moc"
