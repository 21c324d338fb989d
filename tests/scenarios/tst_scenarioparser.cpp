// Scenario format v1: valid files read back exactly; every malformed input is reported at its
// line and column with what was expected, and no input crashes the reader.

#include "scenarios/scenariodata.h"

#include "engine/value.h"

#include <QTest>

using namespace scenarios;

namespace {

// A leaf task as the run, to build malformed variants from.
const QString header = QStringLiteral("title: T\nrun:\n");

QString firstError(const QString &text)
{
    const LoadResult r = parseScenario(text, QStringLiteral("bad.yaml"));
    if (r.errors.empty())
        return QStringLiteral("(no error)");
    return r.errors.front().format();
}

const Node &rootOf(const LoadResult &r)
{
    return *r.scenario->data().root;
}

} // namespace

class TestScenarioParser : public QObject
{
    Q_OBJECT

private slots:
    void aValidFileReadsBackItsMetadataAndTree()
    {
        const QString text = QStringLiteral(
            "# A comment before everything\n"
            "version: 1\n"
            "title: First finisher wins   # trailing comment\n"
            "concept: races\n"
            "profile: trio\n"
            "description: |\n"
            "  Line one.\n"
            "  Line two.\n"
            "run:\n"
            "  nursery:\n"
            "    name: outer\n"
            "    body: [{sleep: 5}, {return: done}]\n"
            "    children:\n"
            "      - task: A\n"
            "        steps:\n"
            "          - sleep: 250ms\n"
            "          - checkpoint\n"
            "          - return: [1, two, ~]\n"
            "      - wait_all:\n"
            "          - {task: B, steps: [{fail: boom}]}\n"
            "        daemon: true\n"
            "      - task: C\n"
            "        steps: [{fail: {type: KeyError, message: k}}]\n"
            "expect:\n"
            "  error: \"ExceptionGroup('Nursery', [ValueError('boom')])\"\n"
            "  tasks:\n"
            "    A: cancelled\n"
            "    wait_all#1: {outcome: failed, at: 0}\n");
        const LoadResult r = parseScenario(text, QStringLiteral("ok.yaml"));
        QVERIFY2(r.ok(), qPrintable(r.errors.empty() ? QString() : r.errors.front().format()));
        const Scenario &s = *r.scenario;
        QCOMPARE(s.title(), QStringLiteral("First finisher wins"));
        QCOMPARE(s.conceptName(), QStringLiteral("races"));
        QCOMPARE(s.profile(), QStringLiteral("trio"));
        QCOMPARE(s.description(), QStringLiteral("Line one.\nLine two.\n"));
        QCOMPARE(s.sourcePath(), QStringLiteral("ok.yaml"));
        QCOMPARE(s.sourceText(), text);
        QCOMPARE(describeTree(rootOf(r)),
                 QStringLiteral("asyncgui.open_nursery outer: body sleep 5, return 'done'\n"
                                "  task A: sleep 250, checkpoint, return [1, 'two', None]\n"
                                "  asyncgui.wait_all wait_all#1 (daemon)\n"
                                "    task B: fail ValueError('boom')\n"
                                "  task C: fail KeyError('k')"));
        const Expectations &e = s.data().expect;
        QCOMPARE(e.count(), 3);
        QCOMPARE(*e.error, QStringLiteral("ExceptionGroup('Nursery', [ValueError('boom')])"));
        QCOMPARE(e.errorWhere.line, 25);
        QCOMPARE(e.tasks.at(0).task, QStringLiteral("A"));
        QCOMPARE(*e.tasks.at(0).outcome, engine::TaskState::Cancelled);
        QVERIFY(!e.tasks.at(0).at);
        QCOMPARE(e.tasks.at(1).task, QStringLiteral("wait_all#1"));
        QCOMPARE(*e.tasks.at(1).at, engine::Tick(0));
        QCOMPARE(e.tasks.at(1).where.line, 28);
        QCOMPARE(e.tasks.at(1).where.column, 5);
    }

    void theDefaultsAreAsyncguiAndMain()
    {
        const LoadResult r = parseScenario(header + "  wait_any: [{task: A}]\n", QStringLiteral("x.yaml"));
        QVERIFY(r.ok());
        QCOMPARE(r.scenario->profile(), QStringLiteral("asyncgui"));
        QCOMPARE(rootOf(r).name, QStringLiteral("main"));
        QVERIFY(rootOf(r).children.front()->steps.empty());
        QVERIFY(r.scenario->data().expect.isEmpty());
    }

    void durationsAreTicksOrMillisecondsOrSeconds_data()
    {
        QTest::addColumn<QString>("written");
        QTest::addColumn<qint64>("ticks");
        QTest::newRow("ticks") << "3" << qint64(3);
        QTest::newRow("zero") << "0" << qint64(0);
        QTest::newRow("milliseconds") << "250ms" << qint64(250);
        QTest::newRow("seconds") << "2s" << qint64(2000);
        QTest::newRow("fractional seconds") << "1.5s" << qint64(1500);
        QTest::newRow("quoted") << "'40ms'" << qint64(40);
        QTest::newRow("spaced unit") << "7 ms" << qint64(7);
    }

    void durationsAreTicksOrMillisecondsOrSeconds()
    {
        QFETCH(QString, written);
        QFETCH(qint64, ticks);
        const LoadResult r = parseScenario(header + "  task: A\n  steps: [{sleep: " + written + "}]\n", QStringLiteral("d.yaml"));
        QVERIFY2(r.ok(), qPrintable(firstError(header + "  task: A\n  steps: [{sleep: " + written + "}]\n")));
        QCOMPARE(rootOf(r).steps.front().duration, ticks);
    }

    void returnedValuesFollowYamlTypes_data()
    {
        QTest::addColumn<QString>("written");
        QTest::addColumn<QString>("described");
        QTest::newRow("integer") << "3" << "3";
        QTest::newRow("quoted number stays text") << "\"3\"" << "'3'";
        QTest::newRow("float") << "2.5" << "2.5";
        QTest::newRow("bool") << "true" << "True";
        QTest::newRow("null") << "~" << "None";
        QTest::newRow("empty") << "" << "None";
        QTest::newRow("word") << "done" << "'done'";
        QTest::newRow("list") << "[1, two, null]" << "[1, 'two', None]";
        QTest::newRow("map") << "{b: 1, a: [x]}" << "{'a': ['x'], 'b': 1}";
    }

    void returnedValuesFollowYamlTypes()
    {
        QFETCH(QString, written);
        QFETCH(QString, described);
        const QString text = header + "  task: A\n  steps:\n    - return: " + written + "\n";
        const LoadResult r = parseScenario(text, QStringLiteral("v.yaml"));
        QVERIFY2(r.ok(), qPrintable(firstError(text)));
        QCOMPARE(engine::describeValue(rootOf(r).steps.front().value), described);
    }

    void malformedInputIsReportedAtItsPlace_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        const QString leaf = QStringLiteral("  task: A\n  steps:\n");
        QTest::newRow("unknown top-level key")
            << "title: T\ntitel: U\nrun: {task: A}\n" << "bad.yaml:2:1: unknown key 'titel'; did you mean 'title'?";
        QTest::newRow("unknown key far from any")
            << "title: T\nrun: {task: A}\nxyzzy: 1\n"
            << "bad.yaml:3:1: unknown key 'xyzzy'; expected one of: version, title, concept, profile, description, resources, run, expect";
        QTest::newRow("unknown step key")
            << header + leaf + "    - sleeep: 1\n" << "bad.yaml:5:7: unknown step 'sleeep'; did you mean 'sleep'?";
        QTest::newRow("unknown bare step")
            << header + leaf + "    - chekpoint\n" << "bad.yaml:5:7: unknown step 'chekpoint'; did you mean 'checkpoint'?";
        QTest::newRow("missing title") << "run: {task: A}\n" << "bad.yaml:1:1: missing required key 'title'";
        QTest::newRow("missing run") << "# notes\ntitle: T\n" << "bad.yaml:2:1: missing required key 'run'";
        QTest::newRow("negative duration")
            << header + leaf + "    - sleep: -1\n" << "bad.yaml:5:14: duration must not be negative, got '-1'";
        QTest::newRow("duration that is not one")
            << header + leaf + "    - sleep: soon\n"
            << "bad.yaml:5:14: invalid duration 'soon'; expected whole ticks (e.g. 3), '250ms' or '2s'";
        QTest::newRow("fraction of a tick")
            << header + leaf + "    - sleep: 0.5ms\n"
            << "bad.yaml:5:14: invalid duration '0.5ms'; it is not a whole number of ticks (1 tick = 1 ms)";
        QTest::newRow("title of the wrong type")
            << "title: [a, b]\nrun: {task: A}\n" << "bad.yaml:1:8: 'title' must be text, not a list";
        QTest::newRow("steps of the wrong type")
            << header + "  task: A\n  steps: {sleep: 1}\n" << "bad.yaml:4:10: 'steps' must be a list of steps, not a map";
        QTest::newRow("helper without children")
            << header + "  wait_any: []\n" << "bad.yaml:3:3: 'wait_any' needs at least one child";
        QTest::newRow("helper map without children")
            << header + "  wait_all: {name: w}\n" << "bad.yaml:3:13: missing required key 'children'";
        QTest::newRow("duplicate task names")
            << header + "  wait_all:\n    - task: A\n    - task: A\n" << "bad.yaml:5:13: duplicate task name 'A'; first used at line 4";
        QTest::newRow("expect names an unknown task")
            << header + "  wait_all: [{task: A}]\nexpect:\n  tasks:\n    Q: cancelled\n"
            << "bad.yaml:6:5: unknown task 'Q'; the scenario's tasks are: main, A";
        QTest::newRow("expect misspells a task")
            << header + "  wait_all: [{task: Alpha}]\nexpect:\n  tasks:\n    Alhpa: cancelled\n"
            << "bad.yaml:6:5: unknown task 'Alhpa'; did you mean 'Alpha'?";
        QTest::newRow("YAML syntax error")
            << "title: [T\nrun: {task: A}\n" << "bad.yaml:2:4: YAML syntax error: end of sequence flow not found";
        QTest::newRow("YAML bad indentation")
            << "title: T\n  run: 1\n" << "bad.yaml:2:6: YAML syntax error: illegal map value";
        QTest::newRow("unknown profile")
            << "title: T\nprofile: tiro\nrun: {task: A}\n" << "bad.yaml:2:10: unknown profile 'tiro'; did you mean 'trio'?";
        QTest::newRow("unknown outcome")
            << header + "  task: A\nexpect:\n  tasks:\n    A: {outcome: canceled}\n"
            << "bad.yaml:6:18: unknown outcome 'canceled'; did you mean 'cancelled'?";
        QTest::newRow("step after return")
            << header + leaf + "    - sleep: 1\n    - return: 1\n    - sleep: 1\n    - checkpoint\n"
            << "bad.yaml:7:7: this step is never reached: the script already ended with 'return' at line 6";
        QTest::newRow("daemon outside a nursery")
            << header + "  wait_all:\n    - {task: A, daemon: true}\n" << "bad.yaml:4:17: 'daemon' is only allowed for children of asyncgui.open_nursery (nursery)";
        QTest::newRow("two kinds in one node")
            << header + "  task: A\n  wait_any: [{task: B}]\n" << "bad.yaml:4:3: a node has exactly one kind; found 'task' and 'wait_any'";
        QTest::newRow("node without a kind")
            << header + "  steps: []\n"
            << "bad.yaml:3:3: expected a node (a map with 'task' or a helper such as 'asyncgui.wait_any')";
        QTest::newRow("node kind misspelt")
            << header + "  tsak: A\n" << "bad.yaml:3:3: unknown helper or key 'tsak'; did you mean 'task'?";
        QTest::newRow("result and error together")
            << header + "  task: A\nexpect:\n  result: '1'\n  error: X\n"
            << "bad.yaml:6:3: expect has both 'result' and 'error'; a run either returns or raises";
        QTest::newRow("empty file") << "# nothing yet\n" << "bad.yaml:1:1: empty scenario: expected a map with 'title' and 'run'";
        QTest::newRow("a list instead of a map") << "- title: T\n" << "bad.yaml:1:1: a scenario is a map of keys (title, run, …), not a list";
        QTest::newRow("two keys in one step")
            << header + leaf + "    - sleep: 1\n      return: 2\n"
            << "bad.yaml:6:7: a step has exactly one key; found 'sleep' and 'return' (start each step with '-')";
        QTest::newRow("error type that is not a name")
            << header + leaf + "    - fail: {type: not a name}\n" << "bad.yaml:5:20: error type 'not a name' must be a name like ValueError";
        QTest::newRow("duplicate key")
            << "title: T\ntitle: U\nrun: {task: A}\n" << "bad.yaml:2:1: duplicate key 'title'; first given at line 1";
        QTest::newRow("sleep without a value")
            << header + leaf + "    - sleep\n" << "bad.yaml:5:7: 'sleep' needs a value, e.g. 'sleep: 2'";
        QTest::newRow("empty duration points at its key")
            << header + leaf + "    - sleep:\n" << "bad.yaml:5:7: 'sleep' must be a duration (3, '250ms', '2s'), not nothing";
        QTest::newRow("unsupported version")
            << "version: 2\ntitle: T\nrun: {task: A}\n" << "bad.yaml:1:10: 'version' must be 1 (this Taskscope reads format v1), not '2'";
        QTest::newRow("second document")
            << "title: T\nrun: {task: A}\n---\ntitle: U\n" << "bad.yaml:4:1: a scenario file holds one YAML document; a second one starts here";
        QTest::newRow("empty list item points at its dash")
            << header + "  wait_any:\n    -\n    - task: A\n"
            << "bad.yaml:4:5: expected a node (a map with 'task' or a helper such as 'asyncgui.wait_any'), not nothing";
        QTest::newRow("empty run points at its colon")
            << "title: T\nrun:\n" << "bad.yaml:2:4: expected a node (a map with 'task' or a helper such as 'asyncgui.wait_any'), not nothing";
        QTest::newRow("empty run skips comments back to its colon")
            << "title: T\nrun:   # to do\n  # later\n\n"
            << "bad.yaml:2:4: expected a node (a map with 'task' or a helper such as 'asyncgui.wait_any'), not nothing";
        QTest::newRow("columns count characters, not bytes")
            << header + "  task: A\n  steps: [{return: \u00e9}, {sleep: x}]\n"
            << "bad.yaml:4:32: invalid duration 'x'; expected whole ticks (e.g. 3), '250ms' or '2s'";
        QTest::newRow("YAML nested too deeply")
            << "title: T\nrun: " + QString(3000, QLatin1Char('[')) + QString(3000, QLatin1Char(']')) + "\n"
            << "bad.yaml:2:6006: YAML syntax error: nested too deeply";   // yaml-cpp gives up at the line's end
        QString deep = header;
        for (int level = 0; level < 51; ++level)
            deep += QString(2 + 4 * level, QLatin1Char(' ')) + "wait_any:\n" + QString(4 + 4 * level, QLatin1Char(' ')) + "- task: L" + QString::number(level) + "\n"
                + QString(4 + 4 * level, QLatin1Char(' ')) + "-\n";
        QTest::newRow("helpers nested too deeply")
            // The first node 51 levels down is L49's task (inside 50 helpers), at "- task: L49".
            << deep << QStringLiteral("bad.yaml:%1:%2: nodes are nested more than 50 levels deep (the depth limit is 50)").arg(4 + 3 * 49).arg(4 + 4 * 49 + 3);
        QTest::newRow("task expectation of the wrong type")
            << header + "  task: A\nexpect:\n  tasks:\n    A: [cancelled]\n"
            << "bad.yaml:6:8: expected an outcome or a map (outcome, at, result, error) for task 'A', not a list";
    }

    void malformedInputIsReportedAtItsPlace()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        const LoadResult r = parseScenario(text, QStringLiteral("bad.yaml"));
        QVERIFY(!r.ok());
        QVERIFY(!r.scenario);
        QCOMPARE(r.errors.front().format(), error);
    }

    void everyProblemIsReportedInDocumentOrder()
    {
        const LoadResult r = parseScenario(QStringLiteral("titel: T\n"
                                                          "run:\n"
                                                          "  wait_any:\n"
                                                          "    - task: A\n"
                                                          "      steps: [{sleep: -2}]\n"
                                                          "    - task: A\n"
                                                          "expect:\n"
                                                          "  tasks: {Z: failed}\n"),
                                           QStringLiteral("many.yaml"));
        QStringList all;
        for (const Diagnostic &d : r.errors)
            all << d.format();
        QCOMPARE(all, QStringList({
                          "many.yaml:1:1: unknown key 'titel'; did you mean 'title'?",
                          "many.yaml:1:1: missing required key 'title'",
                          "many.yaml:5:23: duration must not be negative, got '-2'",
                          "many.yaml:6:13: duplicate task name 'A'; first used at line 4",
                          "many.yaml:8:11: unknown task 'Z'; the scenario's tasks are: main, A",
                      }));
    }

    void aMissingFileIsADiagnosticWithoutALine()
    {
        const LoadResult r = loadScenarioFile(QStringLiteral("/nonexistent-dir/none.yaml"));
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.front().where.line, 0);
        QVERIFY(r.errors.front().format().startsWith(QLatin1String("/nonexistent-dir/none.yaml: cannot read scenario: ")));
        QVERIFY(loadScenarioFile(QStringLiteral("/tmp")).errors.front().format().endsWith(QLatin1String("it is a directory")));
    }

    void badInputNeverCrashes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("tabs") << "\t\t\t";
        QTest::newRow("braces") << "{{{{ ]]";
        QTest::newRow("dashes") << "- - - -";
        QTest::newRow("scalar") << "just words";
        QTest::newRow("control bytes") << QString::fromLatin1("\x01\x02title\x7f: \xff");
        QTest::newRow("deep nesting") << QString(5000, QLatin1Char('[')) + QString(5000, QLatin1Char(']'));
        QTest::newRow("deep nodes") << header + QString("  wait_any:\n").repeated(1) + "    - wait_any:\n        - {task: X}\n";
        QTest::newRow("alias") << "a: &x [1]\ntitle: *x\nrun: *x\n";
        QTest::newRow("binary tag") << "title: !!binary aGVsbG8=\nrun: {task: !!int A}\n";
        QTest::newRow("map keys") << "? [a, b]\n: 1\ntitle: T\nrun: {task: A, steps: [{? {a: b} : 1}]}\n";
        QTest::newRow("huge duration") << header + "  task: A\n  steps: [{sleep: 99999999999999999999999}]\n";
        QTest::newRow("null fields") << "title:\nrun:\nexpect:\n";
        QTest::newRow("nulls inside") << header + "  nursery: {children: ~, body: ~}\n";
    }

    void badInputNeverCrashes()
    {
        QFETCH(QString, text);
        const LoadResult r = parseScenario(text, QStringLiteral("junk.yaml"));
        QVERIFY(!r.ok() || r.scenario);
        for (const Diagnostic &d : r.errors)
            QVERIFY(!d.message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestScenarioParser)
#include "tst_scenarioparser.moc"
