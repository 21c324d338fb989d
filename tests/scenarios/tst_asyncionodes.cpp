// asyncio's helper nodes (scenarios/helpers/asyncio.cpp): registered, options read and validated,
// and runs that follow helper-semantics §6.3.

#include "nodetesting.h"

using namespace nodetesting;

namespace {

QString aio(const QString &node)
{
    return scenario(QStringLiteral("asyncio"), node);
}

// A:3, B:1 in the map form's `children:`.
const char *const twoChildren = "    children:\n"
                             "      - task: A\n        steps: [{sleep: 3}, {return: A}]\n"
                             "      - task: B\n        steps: [{sleep: 1}, {return: B}]\n";

} // namespace

class TestAsyncioNodes : public QObject
{
    Q_OBJECT

private slots:
    void everyCatalogueHelperIsANode()
    {
        const QStringList expected{"asyncio.task_group", "asyncio.gather", "asyncio.wait", "asyncio.as_completed",
                                   "asyncio.timeout", "asyncio.timeout_at", "asyncio.wait_for", "asyncio.shield", "asyncio.run",
                                   "asyncio.runner"};
        checkRegistered(QStringLiteral("asyncio"), expected);
    }

    void defaults_data()
    {
        addOptionColumns();
        const QString wait = aio(QStringLiteral("  asyncio.wait:\n") + twoChildren);
        const QString gather = aio(QStringLiteral("  asyncio.gather:\n") + twoChildren);
        QTest::newRow("wait return_when") << wait << "return_when" << "ALL_COMPLETED";
        QTest::newRow("wait timeout None") << wait << "timeout" << "(not given)";
        QTest::newRow("gather return_exceptions") << gather << "return_exceptions" << "false";
        QTest::newRow("gather source_raises_after") << gather << "source_raises_after" << "(not given)";
        QTest::newRow("as_completed stop_after") << aio(QStringLiteral("  asyncio.as_completed:\n") + twoChildren) << "stop_after" << "(not given)";
    }

    void defaults() { checkOptionRow(); }

    void badOptions_data()
    {
        addDiagnosticColumns();
        QTest::newRow("unknown return_when") << aio(QStringLiteral("  asyncio.wait:\n    return_when: FIRST_COMPLETE\n") + twoChildren)
                                             << "bad.yaml:5:18: unknown return_when 'FIRST_COMPLETE'; did you mean 'FIRST_COMPLETED'?";
        QTest::newRow("zero stop_after") << aio(QStringLiteral("  asyncio.as_completed:\n    stop_after: 0\n") + twoChildren)
                                         << "bad.yaml:5:17: 'stop_after' must be between 1 and 1000000, not 0";
        QTest::newRow("timeout not a duration") << aio(QStringLiteral("  asyncio.wait_for:\n    timeout: soon\n    children: [{task: A}]\n"))
                                                << "bad.yaml:5:14: invalid duration 'soon'; expected whole ticks (e.g. 3), '250ms' or '2s'";
        QTest::newRow("wait_for takes one child") << aio(QStringLiteral("  asyncio.wait_for:\n") + twoChildren)
                                                  << "bad.yaml:4:3: 'asyncio.wait_for' takes exactly 1 child, got 2";
        QTest::newRow("misspelt option") << aio(QStringLiteral("  asyncio.gather:\n    return_exception: true\n") + twoChildren)
                                         << "bad.yaml:5:5: unknown key 'return_exception'; did you mean 'return_exceptions'?";
    }

    void badOptions() { checkDiagnosticRow(); }

    void runs_data()
    {
        addRunColumns();
        QTest::newRow("task_group") << aio(QStringLiteral("  asyncio.task_group:\n") + twoChildren + "    body: [{return: body}]\n")
                                    << "returned 'body'" << QStringList{"t=3 main completed 'body'"};
        QTest::newRow("task_group spawn")
            << aio("  asyncio.task_group:\n    body:\n      - spawn: {task: S, steps: [{sleep: 1}, {fail: S}]}\n      - sleep: 5\n")
            << "raised ExceptionGroup('unhandled errors in a TaskGroup', [ValueError('S')])" << QStringList{};
        QTest::newRow("gather") << aio(QStringLiteral("  asyncio.gather:\n") + twoChildren)
                                << "returned ['A', 'B']" << QStringList{"t=3 main completed ['A', 'B']"};
        QTest::newRow("gather source raises") << aio(QStringLiteral("  asyncio.gather:\n    source_raises_after: 0\n") + twoChildren)
                                              << "raised ValueError('source')" << QStringList{"t=0 main failed ValueError('source')"};
        QTest::newRow("wait all") << aio(QStringLiteral("  asyncio.wait:\n") + twoChildren)
                                  << "returned [['A', 'B'], []]" << QStringList{"t=3 main completed [['A', 'B'], []]"};
        QTest::newRow("wait first") << aio(QStringLiteral("  asyncio.wait:\n    return_when: FIRST_COMPLETED\n") + twoChildren)
                                    << "returned [['B'], ['A']]" << QStringList{"t=3 A completed 'A'"};
        QTest::newRow("as_completed") << aio(QStringLiteral("  asyncio.as_completed:\n") + twoChildren)
                                      << "returned ['B', 'A']" << QStringList{"t=3 main completed ['B', 'A']"};
        QTest::newRow("timeout") << aio("  asyncio.timeout:\n    delay: 1\n    body: [{sleep: 3}]\n")
                                 << "raised TimeoutError()" << QStringList{"t=1 main failed TimeoutError()"};
        QTest::newRow("timeout None") << aio("  asyncio.timeout:\n    body: [{sleep: 3}, {return: x}]\n")
                                      << "returned 'x'" << QStringList{"t=3 main completed 'x'"};
        QTest::newRow("timeout_at") << aio("  asyncio.timeout_at:\n    when: 4\n    body: [{sleep: 3}, {return: x}]\n")
                                    << "returned 'x'" << QStringList{"t=3 main completed 'x'"};
        QTest::newRow("wait_for") << aio("  asyncio.wait_for:\n    timeout: 1\n    children: [{task: A, steps: [{sleep: 3}]}]\n")
                                  << "raised TimeoutError()" << QStringList{"t=1 A cancelled"};
        QTest::newRow("shield") << aio("  asyncio.shield:\n    - task: A\n      steps: [{sleep: 1}, {return: A}]\n")
                                << "returned 'A'" << QStringList{"t=1 A completed 'A'"};
        QTest::newRow("run") << aio("  asyncio.run:\n    children: [{task: W, steps: [{sleep: 9}]}]\n    body: [{sleep: 1}, {return: m}]\n")
                             << "returned 'm'" << QStringList{"t=1 W cancelled", "t=1 main completed 'm'"};
    }

    void runs() { checkRunRow(); }
};

QTEST_GUILESS_MAIN(TestAsyncioNodes)
#include "tst_asyncionodes.moc"
