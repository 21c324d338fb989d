// effectpy's StreamE node (scenarios/helpers/effectpystream.cpp): options and their defaults, the
// located diagnostics, and runs that follow helper-semantics §5.8.

#include "nodetesting.h"

#include <QTest>

using namespace nodetesting;

namespace {

QString effectpy(const QString &node)
{
    return scenario(QStringLiteral("effectpy"), node);
}

// P emits a, b, c at 1, 2, 3.
const char *const producer = "      - task: P\n        steps: [{sleep: 1}, {emit: a}, {sleep: 1}, {emit: b}, {sleep: 1}, {emit: c}]\n";

QString stream(const QString &options, const QString &stage = QString())
{
    return effectpy(QStringLiteral("  effectpy.stream:\n") + options + QStringLiteral("    children:\n") + QLatin1String(producer) + stage);
}

} // namespace

class TestEffectpyStreamNodes : public QObject
{
    Q_OBJECT

private slots:
    void registered()
    {
        const scenarios::HelperSpec *spec = scenarios::findHelper("effectpy.stream");
        QVERIFY(spec);
        QCOMPARE(spec->role, scenarios::ChildRole::Producers);
        QCOMPARE(spec->minChildren, 1);
        QCOMPARE(spec->maxChildren, 2);
        QVERIFY(spec->brief.contains(QLatin1String("value")));
    }

    void defaults()
    {
        const auto node = rootOf(stream(QString()));
        QVERIFY(node);
        QCOMPARE(node->option("workers").toInt(), 1);
        QCOMPARE(node->option("out_capacity").toInt(), 0);
        QVERIFY(!node->option("timeout").isValid());
        QVERIFY(!node->option("throttle").isValid());
        QCOMPARE(node->option("sink").toString(), QStringLiteral("collect"));
        const auto given = rootOf(stream(QStringLiteral("    throttle: 2s\n    sink: head\n")));
        QVERIFY(given);
        QCOMPARE(given->option("throttle").toLongLong(), 2000);
        QCOMPARE(given->option("sink").toString(), QStringLiteral("head"));
    }

    void badOptions_data()
    {
        addDiagnosticColumns();
        QTest::newRow("negative take") << stream(QStringLiteral("    take: -1\n")) << "bad.yaml:5:11: 'take' must be between 0 and 1000000, not -1";
        QTest::newRow("stream_merge needs two")
            << effectpy(QStringLiteral("  effectpy.stream_merge:\n    children:\n") + QLatin1String(producer))
            << "bad.yaml:4:3: 'effectpy.stream_merge' needs at least 2 children, got 1";
        QTest::newRow("no workers") << stream(QStringLiteral("    workers: 0\n")) << "bad.yaml:5:14: 'workers' must not be 0";
        QTest::newRow("unknown sink") << stream(QStringLiteral("    sink: fold\n")) << "bad.yaml:5:11: unknown sink 'fold'; expected one of: collect, head, drain";
        QTest::newRow("negative timeout") << stream(QStringLiteral("    timeout: -1\n"))
                                          << "bad.yaml:5:14: duration must not be negative, got '-1'";
        QTest::newRow("a helper as producer")
            << effectpy(QStringLiteral("  effectpy.stream:\n    - effectpy.sleep: {seconds: 1}\n"))
            << "bad.yaml:5:7: the children of 'effectpy.stream' are stream producers: 'task' nodes whose steps sleep, emit and fail, not 'effectpy.sleep'";
        QTest::newRow("three children")
            << stream(QString(), QStringLiteral("      - task: W\n        steps: [{sleep: 1}]\n      - task: X\n        steps: [{sleep: 1}]\n"))
            << "bad.yaml:4:3: 'effectpy.stream' takes at most 2 children, got 3";
    }

    void badOptions()
    {
        checkDiagnosticRow();
    }

    void runs_data()
    {
        addRunColumns();
        const QString stage = QStringLiteral("      - task: W\n        steps: [{sleep: 2}]\n");
        QTest::newRow("collect") << stream(QString()) << "returned ['a', 'b', 'c']" << QStringList{"t=3 main completed ['a', 'b', 'c']"};
        QTest::newRow("head") << stream(QStringLiteral("    sink: head\n")) << "returned 'a'" << QStringList{"t=1 main completed 'a'"};
        QTest::newRow("drain") << stream(QStringLiteral("    sink: drain\n")) << "returned None" << QStringList{"t=3 main completed"};
        QTest::newRow("throttle delays each item") << stream(QStringLiteral("    throttle: 2\n"))
                                                   << "returned ['a', 'b', 'c']" << QStringList{"t=7 main completed ['a', 'b', 'c']"};
        QTest::newRow("via_effect, one worker") << stream(QString(), stage)
                                                << "returned ['a', 'b', 'c']" << QStringList{"t=7 main completed ['a', 'b', 'c']"};
        QTest::newRow("via_effect, three workers") << stream(QStringLiteral("    workers: 3\n"), stage)
                                                   << "returned ['a', 'b', 'c']" << QStringList{"t=5 main completed ['a', 'b', 'c']"};
        QTest::newRow("stage return replaces the item")
            << stream(QString(), QStringLiteral("      - task: W\n        steps: [{return: x}]\n"))
            << "returned ['x', 'x', 'x']" << QStringList{"t=3 main completed ['x', 'x', 'x']"};
        QTest::newRow("stage failure is raised by the sink")
            << stream(QString(), QStringLiteral("      - task: W\n        steps: [{fail: w}]\n"))
            << "raised ValueError('w')" << QStringList{"t=1 main failed ValueError('w')"};
        QTest::newRow("idle timeout") << stream(QStringLiteral("    timeout: 2\n"))
                                      << "returned ['a', 'b', 'c']" << QStringList{"t=3 main completed ['a', 'b', 'c']"};
        QTest::newRow("keep filters") << stream(QStringLiteral("    keep: [a, c]\n"))
                                      << "returned ['a', 'c']" << QStringList{"t=3 main completed ['a', 'c']"};
        QTest::newRow("take stops early") << stream(QStringLiteral("    take: 2\n"))
                                          << "returned ['a', 'b']" << QStringList{"t=2 main completed ['a', 'b']"};
        QTest::newRow("take 0") << stream(QStringLiteral("    take: 0\n")) << "returned []" << QStringList{"t=0 main completed []"};
        QTest::newRow("buffer passes everything") << stream(QStringLiteral("    buffer: 1\n"))
                                                  << "returned ['a', 'b', 'c']" << QStringList{"t=3 main completed ['a', 'b', 'c']"};
        // Q emits x at 2 and y at 6: the merge interleaves by arrival and waits for both. At 2, x
        // comes before b: Q's timer was set at 0, P's at 1.
        const QString second = QStringLiteral("      - task: Q\n        steps: [{sleep: 2}, {emit: x}, {sleep: 4}, {emit: y}]\n");
        QTest::newRow("stream_merge is exhaustive")
            << effectpy(QStringLiteral("  effectpy.stream_merge:\n    children:\n") + QLatin1String(producer) + second)
            << "returned ['a', 'x', 'b', 'c', 'y']" << QStringList{"t=6 main completed ['a', 'x', 'b', 'c', 'y']"};
        QTest::newRow("stream_merge, take")
            << effectpy(QStringLiteral("  effectpy.stream_merge:\n    take: 2\n    children:\n") + QLatin1String(producer) + second)
            << "returned ['a', 'x']" << QStringList{"t=2 main completed ['a', 'x']"};
        QTest::newRow("stream_merge, a failing producer")
            << effectpy(QStringLiteral("  effectpy.stream_merge:\n    children:\n") + QLatin1String(producer)
                        + QStringLiteral("      - task: Q\n        steps: [{sleep: 2}, {fail: q}]\n"))
            << "raised ValueError('q')" << QStringList{"t=2 main failed ValueError('q')"};
        QTest::newRow("producer failure")
            << effectpy(QStringLiteral("  effectpy.stream:\n    - task: P\n      steps: [{emit: a}, {sleep: 2}, {fail: {type: KeyError, message: k}}]\n"))
            << "raised KeyError('k')" << QStringList{"t=2 main failed KeyError('k')"};
    }

    void runs()
    {
        checkRunRow();
    }
};

QTEST_GUILESS_MAIN(TestEffectpyStreamNodes)
#include "tst_effectpystreamnodes.moc"
