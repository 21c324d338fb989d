// Scenarios run on the engine: the built-ins meet their expect blocks and match the worked
// timelines of helper-semantics.md §10; wrong expectations are reported at their line.

#include "scenarios/scenariodata.h"
#include "scenarios/scenariorun.h"
#include "scenarios/tracejson.h"

#include "engine/trace.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace scenarios;

namespace {

Scenario parsed(const QString &text)
{
    LoadResult r = parseScenario(text, QStringLiteral("test.yaml"));
    if (!r.ok()) {
        for (const Diagnostic &d : r.errors)
            qWarning().noquote() << d.format();
        qFatal("test scenario does not parse");
    }
    return *r.scenario;
}

Scenario builtin(const QString &id)
{
    const std::optional<BuiltinScenario> b = findBuiltin(id);
    if (!b)
        qFatal("no built-in %s", qPrintable(id));
    LoadResult r = loadScenarioFile(b->path);
    if (!r.ok())
        qFatal("built-in %s does not parse", qPrintable(id));
    return *r.scenario;
}

// Task endings as the trace formats them: "t=1 B cancelled".
QStringList outcomes(const engine::Trace &trace)
{
    QStringList out;
    for (const engine::TraceEvent &e : trace.events())
        if (e.kind == engine::EventKind::Completed || e.kind == engine::EventKind::Failed || e.kind == engine::EventKind::Cancelled)
            out << trace.format(e);
    return out;
}

QStringList messages(const std::vector<Mismatch> &mismatches)
{
    QStringList out;
    for (const Mismatch &m : mismatches)
        out << QStringLiteral("%1: %2").arg(m.where.line).arg(m.message);
    return out;
}

} // namespace

class TestScenarioRun : public QObject
{
    Q_OBJECT

private slots:
    // Every built-in against its own expect block: tst_catalogue.
    void builtinsAreResourcesFoundByIdOnly()
    {
        const std::vector<BuiltinScenario> all = builtinScenarios();
        QVERIFY(!all.empty());
        for (const BuiltinScenario &b : all) {
            QVERIFY2(b.path.startsWith(QLatin1String(":/scenarios/")), qPrintable(b.path));
            QCOMPARE(findBuiltin(b.id)->path, b.path);
        }
        QVERIFY(!findBuiltin(QStringLiteral("no-such-scenario")));
        QVERIFY(!findBuiltin(QStringLiteral("../builtin/race-first-finisher")));
    }

    void builtinsFollowTheWorkedTimelines_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<QStringList>("endings");
        // helper-semantics.md §10, asyncgui column.
        QTest::newRow("SC20") << "race-first-finisher" << "returned ['A', None]"
                              << QStringList{"t=1 A completed 'A'", "t=1 B cancelled", "t=1 main completed ['A', None]"};
        QTest::newRow("SC27") << "wait-all-fail-fast" << "raised ExceptionGroup('wait_all()', [ValueError('B')])"
                              << QStringList{"t=1 B failed ValueError('B')", "t=1 A cancelled", "t=1 C cancelled",
                                             "t=1 main failed ExceptionGroup('wait_all()', [ValueError('B')])"};
        QTest::newRow("SC33") << "nursery-child-failure" << "raised ExceptionGroup('Nursery', [ValueError('A broke')])"
                              << QStringList{"t=1 A failed ValueError('A broke')", "t=1 B cancelled",
                                             "t=1 main failed ExceptionGroup('Nursery', [ValueError('A broke')])"};
    }

    void builtinsFollowTheWorkedTimelines()
    {
        QFETCH(QString, id);
        QFETCH(QString, outcome);
        QFETCH(QStringList, endings);
        ScenarioRun run(builtin(id));
        run.scheduler().runUntilIdle();
        QCOMPARE(run.outcomeText(), outcome);
        QCOMPARE(outcomes(run.trace()), endings);
    }

    void theNurseryBodyIsCancelledWhereItSleeps()
    {
        ScenarioRun run(builtin(QStringLiteral("nursery-child-failure")));
        run.scheduler().runUntilIdle();
        QVERIFY(run.trace().formatAll().contains(QStringLiteral("t=1 main cancel delivered at sleep")));
    }

    void aWrongExpectationIsReportedAtItsLine()
    {
        ScenarioRun run(parsed(QStringLiteral("title: wrong on purpose\n"
                                              "run:\n"
                                              "  wait_any:\n"
                                              "    - task: A\n"
                                              "      steps: [{sleep: 1}, {return: A}]\n"
                                              "    - task: B\n"
                                              "      steps: [{sleep: 2}, {return: B}]\n"
                                              "expect:\n"
                                              "  result: \"['A', 'B']\"\n"
                                              "  tasks:\n"
                                              "    A: completed\n"
                                              "    B: {outcome: completed, at: 2}\n")));
        run.scheduler().runUntilIdle();
        QCOMPARE(messages(run.checkExpectations()),
                 QStringList({"9: result: expected ['A', 'B'], got ['A', None]",
                              "12: task B: expected completed at t=2, got cancelled at t=1"}));
    }

    void anExpectedErrorThatDidNotHappenSaysWhatDid()
    {
        ScenarioRun run(parsed(QStringLiteral("title: t\n"
                                              "run: {task: A, steps: [{return: 5}]}\n"
                                              "expect:\n"
                                              "  error: ValueError('x')\n")));
        run.scheduler().runUntilIdle();
        QCOMPARE(messages(run.checkExpectations()), QStringList({"4: error: expected ValueError('x'), but A returned 5"}));
    }

    void quotesEatenByYamlGetAHint()
    {
        ScenarioRun run(parsed(QStringLiteral("title: t\nrun: {task: A, steps: [{return: A}]}\nexpect:\n  result: 'A'\n")));
        run.scheduler().runUntilIdle();
        QCOMPARE(messages(run.checkExpectations()),
                 QStringList({"4: result: expected A, got 'A' (YAML removed your quotes: write \"'A'\")"}));
    }

    void taskResultsAndErrorsCanBeExpected()
    {
        ScenarioRun run(parsed(QStringLiteral("title: t\n"
                                              "run:\n"
                                              "  wait_all:\n"
                                              "    - task: A\n"
                                              "      steps: [{fail: {type: KeyError, message: k}}]\n"
                                              "expect:\n"
                                              "  tasks:\n"
                                              "    A: {error: \"KeyError('j')\"}\n"
                                              "    main: {result: '1'}\n")));
        run.scheduler().runUntilIdle();
        QCOMPARE(messages(run.checkExpectations()),
                 QStringList({"8: task A: expected with error KeyError('j'), got failed at t=0 with error KeyError('k')",
                              "9: task main: expected with result 1, got failed at t=0"}));
    }

    void aSendOnAClosedChannelRaisesButAQueueSendRaisesQueueClosed_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("outcome");
        QTest::newRow("channel") << "channel" << "raised RuntimeError('send on closed channel')";
        QTest::newRow("queue") << "queue" << "raised QueueClosed('box')";
    }

    void aSendOnAClosedChannelRaisesButAQueueSendRaisesQueueClosed()
    {
        QFETCH(QString, kind);
        QFETCH(QString, outcome);
        ScenarioRun run(parsed(QStringLiteral("title: t\n"
                                              "resources: {box: {%1: 0}}\n"
                                              "run:\n"
                                              "  task: A\n"
                                              "  steps: [{close: box}, {put: {queue: box, value: 1}}]\n").arg(kind)));
        run.scheduler().runUntilIdle();
        QVERIFY(run.finished());
        QVERIFY2(run.outcomeText().startsWith(outcome), qPrintable(run.outcomeText()));
    }

    void nestedHelpersRunAsTasksOfTheirOwn()
    {
        ScenarioRun run(parsed(QStringLiteral("title: nested\n"
                                              "run:\n"
                                              "  wait_all:\n"
                                              "    - task: A\n"
                                              "      steps: [{sleep: 3}, {return: 1}]\n"
                                              "    - wait_any:\n"
                                              "        name: race\n"
                                              "        children:\n"
                                              "          - {task: B, steps: [{sleep: 1}, {return: b}]}\n"
                                              "          - {task: C, steps: [{sleep: 2}]}\n"
                                              "    - wait_any: [{task: D, steps: [checkpoint, return]}]\n"
                                              "expect:\n"
                                              "  result: \"[1, ['b', None], [None]]\"\n"
                                              "  tasks:\n"
                                              "    race: {outcome: completed, at: 1, result: \"['b', None]\"}\n"
                                              "    wait_any#1: {outcome: completed, at: 0}\n"
                                              "    C: cancelled\n")));
        run.scheduler().runUntilIdle();
        QCOMPARE(messages(run.checkExpectations()), QStringList());
        QCOMPARE(run.runtime().endTime(run.rootTask()), engine::Tick(3));
    }

    void aDaemonIsCancelledWhenOnlyItIsLeft()
    {
        // SC32: A:1, daemon D:10, B:2, the body ends at once → D cancelled at 2.
        ScenarioRun run(parsed(QStringLiteral("title: daemon\n"
                                              "run:\n"
                                              "  nursery:\n"
                                              "    - {task: A, steps: [{sleep: 1}]}\n"
                                              "    - {task: D, daemon: true, steps: [{sleep: 10}]}\n"
                                              "    - {task: B, steps: [{sleep: '2ms'}]}\n")));
        run.scheduler().runUntilIdle();
        QCOMPARE(outcomes(run.trace()),
                 QStringList({"t=1 A completed", "t=2 B completed", "t=2 D cancelled", "t=2 main completed"}));
    }

    void aLeafRootTaskKeepsItsName()
    {
        ScenarioRun run(parsed(QStringLiteral("title: t\nrun: {task: solo, steps: [{sleep: 2s}, {return: {k: [1, x]}}]}\n")));
        run.scheduler().runUntilIdle();
        QCOMPARE(run.trace().taskName(run.rootTask()), QStringLiteral("solo"));
        QCOMPARE(run.outcomeText(), QStringLiteral("returned {'k': [1, 'x']}"));
        QCOMPARE(run.runtime().now(), engine::Tick(2000));
    }

    void theProfileDecidesWhenTheRootStarts_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<bool>("startedAtOnce");
        QTest::newRow("asyncgui") << "asyncgui" << true;
        QTest::newRow("trio") << "trio" << false;
        QTest::newRow("asyncio") << "asyncio" << false;
    }

    void theProfileDecidesWhenTheRootStarts()
    {
        QFETCH(QString, profile);
        QFETCH(bool, startedAtOnce);
        ScenarioRun run(parsed(QStringLiteral("title: t\nprofile: %1\nrun: {task: A, steps: [{sleep: 1}]}\n").arg(profile)));
        QCOMPARE(run.runtime().profile().name, profile);
        QCOMPARE(run.runtime().state(run.rootTask()) != engine::TaskState::Created, startedAtOnce);
        run.scheduler().runUntilIdle();
        QCOMPARE(run.outcomeText(), QStringLiteral("returned None"));
    }

    void anUnfinishedRunSaysSoAndTearsDownCleanly()
    {
        auto run = std::make_unique<ScenarioRun>(builtin(QStringLiteral("nursery-child-failure")));
        run->scheduler().advanceTo(0);
        QVERIFY(!run->finished());
        QCOMPARE(run->outcomeText(), QStringLiteral("still running at t=0"));
        const int errorLine = int(run->scenario().sourceText().split(QLatin1Char('\n')).indexOf(QRegularExpression("  error: .*"))) + 1;
        QCOMPARE(messages(run->checkExpectations()).first(),
                 QStringLiteral("%1: error: expected ExceptionGroup('Nursery', [ValueError('A broke')]), but main is still running at t=0").arg(errorLine));
        run.reset();   // suspended frames are resumed with Cancelled, not destroyed (ASan checks)
    }

    void theTraceAsJsonHasEveryEventTaskAndScope()
    {
        ScenarioRun run(builtin(QStringLiteral("wait-all-fail-fast")));
        run.scheduler().runUntilIdle();
        const QJsonObject json = traceToJson(run).object();
        QCOMPARE(json.value("format").toString(), QStringLiteral("taskscope-trace"));
        QCOMPARE(json.value("version").toInt(), 1);
        QCOMPARE(json.value("scenario").toObject().value("title").toString(), QStringLiteral("wait_all fails fast"));
        QCOMPARE(json.value("events").toArray().size(), run.trace().size());
        const QJsonArray tasks = json.value("tasks").toArray();
        QCOMPARE(tasks.size(), 4);
        QCOMPARE(tasks.at(2).toObject().value("name").toString(), QStringLiteral("B"));
        QCOMPARE(tasks.at(2).toObject().value("parent").toInt(), 0);
        QVERIFY(tasks.at(0).toObject().value("parent").isNull());
        QCOMPARE(json.value("scopes").toArray().at(0).toObject().value("kind").toString(), QStringLiteral("helper"));
        const QJsonObject first = json.value("events").toArray().at(0).toObject();
        QCOMPARE(first.value("kind").toString(), QStringLiteral("spawned"));
        QCOMPARE(first.value("seq").toInt(), 0);
        QVERIFY(first.value("cause").isNull());
        for (const QJsonValue &e : json.value("events").toArray())
            if (e.toObject().value("kind") == QLatin1String("suspended"))
                QVERIFY(!e.toObject().value("detail").toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestScenarioRun)
#include "tst_scenariorun.moc"
