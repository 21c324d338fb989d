// The headless command line, called in-process: each verb's exact output, its exit code
// (0 ok, 1 expectation failed or run unfinished, 2 usage / invalid scenario / I/O), and the files
// it writes (--trace, new).

#include "clitesting.h"

#include "scenarios/scenariorun.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <map>

namespace {

using clitesting::Result;
using clitesting::runCommand;

QString writeFile(const QTemporaryDir &dir, const QString &name, const QString &text)
{
    const QString path = dir.filePath(name);
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text.toUtf8()) < 0)
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QByteArray readBytes(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

// A wins at t=1 and B is cancelled; the two scenarios below differ only in what they expect.
const QString race = QStringLiteral(
    "title: race\n"
    "run:\n"
    "  wait_any:\n"
    "    - {task: A, steps: [{sleep: 1}, {return: A}]}\n"
    "    - {task: B, steps: [{sleep: 2}, {return: B}]}\n");

const QString raceWithWrongExpectation = race + QStringLiteral(
    "expect:\n"
    "  tasks:\n"
    "    A: completed\n"
    "    B: {outcome: completed, at: 2}\n");

const QString raceThatPasses = race + QStringLiteral(
    "expect:\n"
    "  tasks:\n"
    "    B: {outcome: cancelled, at: 1}\n");

// B outlives everything else: at t=2 it is the only leaf still running, inside a running main.
const QString gatherWithASlowChild = QStringLiteral(
    "title: slow gather\n"
    "run:\n"
    "  wait_all:\n"
    "    - {task: A, steps: [{sleep: 1}, {return: A}]}\n"
    "    - {task: B, steps: [{sleep: 3s}, {return: B}]}\n"
    "    - wait_any:\n"
    "        - {task: C, steps: [{sleep: 2}]}\n"
    "        - {task: D, steps: [{sleep: 5}]}\n"
    "expect:\n"
    "  result: \"['A', 'B', [None, None]]\"\n");

const QString noExpectBlock = QStringLiteral("title: nothing expected\nrun: {task: A}\n");

const QString misspeltStep = QStringLiteral("title: T\nrun:\n  task: A\n  steps:\n    - sleeep: 1\n");

QString join(const QStringList &lines)
{
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void verbsAndFlagsAreCommandsAndFilesAreNot_data()
    {
        QTest::addColumn<QString>("argument");
        QTest::addColumn<bool>("command");
        for (const char *verb : {"run", "verify", "list", "new", "--help", "-h", "--version", "-v"})
            QTest::newRow(verb) << QString::fromLatin1(verb) << true;
        QTest::newRow("file") << "race.yaml" << false;
        QTest::newRow("path") << "/tmp/run" << false;
        QTest::newRow("builtin id") << "race-first-finisher" << false;
        QTest::newRow("unrelated word") << "lesson" << false;
        // An unknown flag is the command line's to reject ("unknown option"), not a file to open;
        // so is a misspelt verb that names no file.
        QTest::newRow("unknown flag") << "--frobnicate" << true;
        QTest::newRow("misspelt verb") << "veryfy" << true;
    }

    void verbsAndFlagsAreCommandsAndFilesAreNot()
    {
        QFETCH(QString, argument);
        QFETCH(bool, command);
        QCOMPARE(commandline::isCommand(argument), command);
    }

    void helpDocumentsEveryVerbOptionAndExitCode()
    {
        const Result r = runCommand({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.err, QString());
        for (const char *fragment : {"taskscope run SCENARIO... [options]", "taskscope verify [SCENARIO|DIR...]",
                                     "taskscope list", "taskscope new NAME --from BUILTIN", "taskscope --help | -h",
                                     "taskscope --version | -v", "\n  --until T ", "\n  --trace OUT.json ",
                                     "\n  --quiet, -q ", "Exit codes", "\n  0  every run ended",
                                     "\n  1  an expectation does not hold, a run did not end (also when stopped by --until)",
                                     "\n  2  bad usage", "FILE:LINE:COLUMN: MESSAGE"})
            QVERIFY2(r.out.contains(QLatin1String(fragment)), fragment);
        QCOMPARE(runCommand({QStringLiteral("-h")}).out, r.out);
        // After a verb too, and then nothing runs.
        QCOMPARE(runCommand({QStringLiteral("run"), QStringLiteral("no-such-thing"), QStringLiteral("--help")}).out, r.out);
        QCOMPARE(runCommand({QStringLiteral("new"), QStringLiteral("-h")}).out, r.out);
    }

    void versionPrintsTheVersion()
    {
        const Result r = runCommand({QStringLiteral("--version")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QStringLiteral("taskscope %1\n").arg(QStringLiteral(TASKSCOPE_VERSION)));
        QCOMPARE(runCommand({QStringLiteral("-v")}).out, r.out);
    }

    void aBuiltinRunsByIdAndMeetsItsExpectations_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("outcome");
        QTest::newRow("SC20") << "race-first-finisher" << "outcome: main returned ['A', None] at t=1";
        QTest::newRow("SC27") << "wait-all-fail-fast" << "outcome: main raised ExceptionGroup('wait_all()', [ValueError('B')]) at t=1";
        QTest::newRow("SC33") << "nursery-child-failure" << "outcome: main raised ExceptionGroup('Nursery', [ValueError('A broke')]) at t=1";
    }

    void aBuiltinRunsByIdAndMeetsItsExpectations()
    {
        QFETCH(QString, id);
        QFETCH(QString, outcome);
        const Result r = runCommand({QStringLiteral("run"), id});
        QCOMPARE(r.err, QString());
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(outcome + QLatin1Char('\n')), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("expectations hold\n")), qPrintable(r.out));
        QVERIFY2(!r.out.contains(QLatin1String("==> ")), "one scenario gets no header line");
    }

    void theTimelineNamesEachTaskItsOutcomeTimesAndValue()
    {
        const Result r = runCommand({QStringLiteral("run"), QStringLiteral("race-first-finisher")});
        QVERIFY2(r.out.contains(join({"tasks:",
                                      "  main  completed  t=0..1  ['A', None]",
                                      "    A   completed  t=0..1  'A'",
                                      "    B   cancelled  t=0..1",
                                      "expect: all 4 expectations hold"})),
                 qPrintable(r.out));
    }

    void theTimelineFollowsTheTaskTree()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("slow.yaml"), gatherWithASlowChild);
        const Result r = runCommand({QStringLiteral("run"), path});
        QCOMPARE(r.err, QString());
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, join({QStringLiteral("slow gather  [asyncgui]  ") + path,
                              "outcome: main returned ['A', 'B', [None, None]] at t=3000",
                              "tasks:",
                              "  main          completed  t=0..3000  ['A', 'B', [None, None]]",
                              "    A           completed  t=0..1     'A'",
                              "    B           completed  t=0..3000  'B'",
                              "    wait_any#1  completed  t=0..2     [None, None]",
                              "      C         completed  t=0..2     None",
                              "      D         cancelled  t=0..2",
                              "expect: the one expectation holds"}));
    }

    void aLongValueIsCutOnTheTerminalButKeptInTheTrace()
    {
        QTemporaryDir dir;
        const QString word = QString(300, QLatin1Char('x'));
        const QString path = writeFile(dir, QStringLiteral("long.yaml"),
                                       QStringLiteral("version: 1\ntitle: long\nprofile: asyncgui\nrun:\n"
                                                      "  task: main\n  steps:\n    - return: %1\n").arg(word));
        const QString trace = dir.filePath(QStringLiteral("long.json"));
        const Result r = runCommand({QStringLiteral("run"), path, QStringLiteral("--trace"), trace});
        QCOMPARE(r.code, 0);
        // 'xxx…' quoted is 302 characters: the task's line shows the first 160 and the length.
        QVERIFY2(r.out.contains(QStringLiteral("  main  completed  t=0..0  '%1… (302 characters)\n").arg(QString(159, QLatin1Char('x')))),
                 qPrintable(r.out));
        QVERIFY(!r.out.contains(word));
        QFile file(trace);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains(word.toUtf8()));
    }

    void untilStopsTheRunAndShowsWhatIsStillRunning()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("slow.yaml"), gatherWithASlowChild);
        const Result r = runCommand({QStringLiteral("run"), path, QStringLiteral("--until"), QStringLiteral("2")});
        QCOMPARE(r.err, QString());
        QCOMPARE(r.code, 1);   // not ended, so not checked: documented as exit 1
        QVERIFY2(r.out.contains(join({"outcome: main still running at t=2",
                                      "tasks:",
                                      "  main          running    t=0..   waiting: children",
                                      "    A           completed  t=0..1  'A'",
                                      "    B           running    t=0..   waiting: sleep",
                                      "    wait_any#1  completed  t=0..2  [None, None]",
                                      "      C         completed  t=0..2  None",
                                      "      D         cancelled  t=0..2",
                                      "expect: not checked: the run was stopped by --until at t=2 before it ended"})),
                 qPrintable(r.out));
    }

    void untilReadsDurationsLikeTheFormat_data()
    {
        QTest::addColumn<QString>("until");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("ticks") << "1" << 1 << "outcome: main still running at t=1\n";
        QTest::newRow("zero") << "0" << 1 << "      D         running    t=0..  waiting: sleep\n";
        QTest::newRow("ms") << "250ms" << 1 << "outcome: main still running at t=250\n";
        QTest::newRow("seconds") << "=2.5s" << 1 << "outcome: main still running at t=2500\n";
        // Reaching the end before T is an ordinary, checked run.
        QTest::newRow("at the end") << "3s" << 0 << "outcome: main returned ['A', 'B', [None, None]] at t=3000\n";
        QTest::newRow("after the end") << "=1000000" << 0 << "expect: the one expectation holds\n";
    }

    void untilReadsDurationsLikeTheFormat()
    {
        QFETCH(QString, until);
        QFETCH(int, code);
        QFETCH(QString, fragment);
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("slow.yaml"), gatherWithASlowChild);
        const QStringList option = until.startsWith(QLatin1Char('=')) ? QStringList{QStringLiteral("--until") + until}
                                                                      : QStringList{QStringLiteral("--until"), until};
        const Result r = runCommand(QStringList{QStringLiteral("run")} + option + QStringList{path});
        QCOMPARE(r.code, code);
        QVERIFY2(r.out.contains(fragment), qPrintable(r.out));
    }

    void twoScenariosRunInTurnWithHeadersAndTheWorstExitCode()
    {
        QTemporaryDir dir;
        const QString wrong = writeFile(dir, QStringLiteral("race.yaml"), raceWithWrongExpectation);
        const Result r = runCommand({QStringLiteral("run"), QStringLiteral("race-first-finisher"), wrong});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.startsWith(QStringLiteral("==> race-first-finisher <==\nFirst finisher wins  [asyncgui · races]")), qPrintable(r.out));
        const qsizetype second = r.out.indexOf(QStringLiteral("\n\n==> %1 <==\nrace  [asyncgui]  %1\n").arg(wrong));
        QVERIFY2(second > r.out.indexOf(QLatin1String("expect: all 4 expectations hold\n")), qPrintable(r.out));
        QVERIFY(r.out.indexOf(QLatin1String("expect: 1 of 2 expectations does not hold\n")) > second);
        QCOMPARE(r.err, wrong + QStringLiteral(":9:5: expectation not met: task B: expected completed at t=2, got cancelled at t=1\n"));

        // An invalid file is worse than a mismatch, and the others still run.
        const QString bad = writeFile(dir, QStringLiteral("bad.yaml"), misspeltStep);
        const Result worst = runCommand({QStringLiteral("run"), bad, wrong, QStringLiteral("race-first-finisher")});
        QCOMPARE(worst.code, 2);
        QVERIFY(worst.err.startsWith(bad + QStringLiteral(":5:7: unknown step 'sleeep'; did you mean 'sleep'?\n")));
        QVERIFY(worst.out.contains(QLatin1String("\n\n==> race-first-finisher <==\n")));
        QCOMPARE(runCommand({QStringLiteral("run"), QStringLiteral("race-first-finisher"), QStringLiteral("wait-all-fail-fast")}).code, 0);
    }

    void aFileWithAWrongExpectationExitsOneAndNamesTheLine()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("race.yaml"), raceWithWrongExpectation);
        const Result r = runCommand({QStringLiteral("run"), path});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.err, path + QStringLiteral(":9:5: expectation not met: task B: expected completed at t=2, got cancelled at t=1\n"));
        QVERIFY(r.out.contains(QLatin1String("expect: 1 of 2 expectations does not hold\n")));
    }

    void quietPrintsOnlyProblems()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("race.yaml"), raceWithWrongExpectation);
        const Result r = runCommand({QStringLiteral("run"), QStringLiteral("--quiet"), path, QStringLiteral("race-first-finisher")});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.out, QString());   // no headers either
        QVERIFY(r.err.contains(QLatin1String(":9:5: ")));
        const Result ok = runCommand({QStringLiteral("run"), QStringLiteral("race-first-finisher"), QStringLiteral("-q")});
        QCOMPARE(ok.code, 0);
        QCOMPARE(ok.out + ok.err, QString());
    }

    void anInvalidFileExitsTwoWithLocatedDiagnostics()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("bad.yaml"), misspeltStep);
        const Result r = runCommand({QStringLiteral("run"), path});
        QCOMPARE(r.code, 2);
        QCOMPARE(r.out, QString());
        QCOMPARE(r.err, path + QStringLiteral(":5:7: unknown step 'sleeep'; did you mean 'sleep'?\n"));
    }

    void verifyReportsEachScenarioOfADirectoryAndASummary()
    {
        QTemporaryDir dir;
        const QString failing = writeFile(dir, QStringLiteral("scenarios/race.yaml"), raceWithWrongExpectation);
        const QString passing = writeFile(dir, QStringLiteral("scenarios/more/pass.yaml"), raceThatPasses);
        writeFile(dir, QStringLiteral("scenarios/notes.txt"), QStringLiteral("not a scenario"));
        const Result r = runCommand({QStringLiteral("verify"), dir.filePath(QStringLiteral("scenarios"))});
        QCOMPARE(r.err, QString());
        QCOMPARE(r.code, 1);
        // Sorted by path: "more/pass.yaml" before "race.yaml".
        QCOMPARE(r.out, join({QStringLiteral("PASS ") + passing,
                              QStringLiteral("FAIL ") + failing,
                              QStringLiteral("  %1:9:5: expectation not met: task B: expected completed at t=2, got cancelled at t=1").arg(failing),
                              "1 passed, 1 failed"}));
    }

    void verifyWithoutArgumentsChecksEveryBuiltin()
    {
        const Result r = runCommand({QStringLiteral("verify")});
        QCOMPARE(r.err, QString());
        QCOMPARE(r.code, 0);
        QStringList expected;
        for (const scenarios::BuiltinScenario &b : scenarios::builtinScenarios())
            expected << QStringLiteral("PASS ") + b.id;
        QVERIFY(expected.size() >= 3);
        expected << QStringLiteral("%1 passed, 0 failed").arg(expected.size());
        QCOMPARE(r.out, join(expected));
        QCOMPARE(runCommand({QStringLiteral("verify"), QStringLiteral("race-first-finisher")}).out,
                 QStringLiteral("PASS race-first-finisher\n1 passed, 0 failed\n"));
    }

    void verifyOfAnInvalidFilePrintsItsDiagnosticsAndFails()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("bad.yaml"), misspeltStep);
        const Result r = runCommand({QStringLiteral("verify"), path, QStringLiteral("race-first-finisher")});
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err, path + QStringLiteral(":5:7: unknown step 'sleeep'; did you mean 'sleep'?\n"));
        QCOMPARE(r.out, join({QStringLiteral("FAIL ") + path,
                              "  invalid scenario: 1 problem (printed on standard error)",
                              "PASS race-first-finisher",
                              "1 passed, 1 failed"}));
    }

    void verifyFailsAScenarioWithNothingToCheck()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("plain.yaml"), noExpectBlock);
        const Result r = runCommand({QStringLiteral("verify"), path});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.err, QString());
        QCOMPARE(r.out, join({QStringLiteral("FAIL ") + path,
                              "  no expectations to check: the scenario has no expect block",
                              "0 passed, 1 failed"}));
        // `run` has nothing to fail on, and says so.
        const Result run = runCommand({QStringLiteral("run"), path});
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.contains(QLatin1String("expect: nothing to check (the scenario has no expect block)\n")));
    }

    void verifyRefusesNamesItCannotFindBeforeRunningAnything()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkdir(QStringLiteral("empty"));
        const Result missing = runCommand({QStringLiteral("verify"), QStringLiteral("race-first-finisher"), QStringLiteral("race-frist-finisher")});
        QCOMPARE(missing.code, 2);
        QCOMPARE(missing.out, QString());
        QCOMPARE(missing.err, QStringLiteral("taskscope: 'race-frist-finisher' is neither a file nor a built-in scenario; "
                                             "did you mean 'race-first-finisher'? (see 'taskscope list')\n"));
        const Result empty = runCommand({QStringLiteral("verify"), dir.filePath(QStringLiteral("empty"))});
        QCOMPARE(empty.code, 2);
        QVERIFY2(empty.err.startsWith(QStringLiteral("taskscope: no *.yaml files in the directory '%1'\n").arg(dir.filePath(QStringLiteral("empty")))),
                 qPrintable(empty.err));
    }

    void listGroupsTheBuiltinsByConcept()
    {
        const Result r = runCommand({QStringLiteral("list")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.err, QString());
        // Read the output back into heading → rows, checking the layout on the way.
        static const QRegularExpression row(QStringLiteral("^  (\\S+)( +)(\\S.*)$"));
        std::map<QString, QStringList> groups;
        QStringList headings;
        qsizetype titleColumn = -1;
        const QStringList lines = r.out.split(QLatin1Char('\n'));
        QCOMPARE(lines.last(), QString());
        for (const QString &line : lines.mid(0, lines.size() - 1)) {
            if (line.isEmpty())
                continue;
            if (!line.startsWith(QLatin1Char(' '))) {
                headings << line;
                continue;
            }
            const QRegularExpressionMatch m = row.match(line);
            QVERIFY2(m.hasMatch() && !headings.isEmpty(), qPrintable(line));
            if (titleColumn < 0)
                titleColumn = m.capturedStart(3);
            QCOMPARE(m.capturedStart(3), titleColumn);   // one title column for the whole list
            groups[headings.last()] << m.captured(1) + QLatin1Char('|') + m.captured(3);
        }
        QStringList sorted = headings;
        std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
        QCOMPARE(headings, sorted);
        QCOMPARE(headings.removeDuplicates(), 0);

        std::map<QString, QStringList> expected;
        for (const scenarios::BuiltinScenario &b : scenarios::builtinScenarios())
            expected[b.conceptName.isEmpty() ? QStringLiteral("(no concept)") : b.conceptName] << b.id + QLatin1Char('|') + b.title;
        QCOMPARE(groups, expected);
        QVERIFY(groups[QStringLiteral("races")].contains(QStringLiteral("race-first-finisher|First finisher wins")));
        // A heading, then its ids indented under it; groups separated by a blank line.
        QVERIFY(r.out.contains(QLatin1String("\n\ngather and wait\n  ")));
    }

    void newWritesACopyOfABuiltinAndNeverOverwrites()
    {
        QTemporaryDir dir;
        const QString name = dir.filePath(QStringLiteral("lesson"));
        const QString written = name + QStringLiteral(".yaml");
        const Result r = runCommand({QStringLiteral("new"), name, QStringLiteral("--from"), QStringLiteral("race-first-finisher")});
        QCOMPARE(r.err, QString());
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QStringLiteral("wrote %1 (a copy of the built-in 'race-first-finisher')\n"
                                       "run it with: taskscope run %1\n").arg(written));
        QCOMPARE(readBytes(written), readBytes(QStringLiteral(":/scenarios/race-first-finisher.yaml")));
        QCOMPARE(runCommand({QStringLiteral("verify"), written}).code, 0);

        // The second time the file is there: refused, and left as it was.
        writeFile(dir, QStringLiteral("lesson.yaml"), QStringLiteral("edited by hand"));
        const Result again = runCommand({QStringLiteral("new"), name, QStringLiteral("--from=wait-all-fail-fast")});
        QCOMPARE(again.code, 2);
        QCOMPARE(again.out, QString());
        QCOMPARE(again.err, QStringLiteral("taskscope: '%1' already exists; not overwriting it (choose another name or remove it first)\n").arg(written));
        QCOMPARE(readBytes(written), QByteArray("edited by hand"));

        // A name with a suffix keeps it; one that needs quoting is quoted in the next command.
        const QString odd = dir.filePath(QStringLiteral("my lesson.yml"));
        const Result quoted = runCommand({QStringLiteral("new"), QStringLiteral("--from"), QStringLiteral("wait-all-fail-fast"), odd});
        QCOMPARE(quoted.code, 0);
        QVERIFY2(quoted.out.endsWith(QStringLiteral("run it with: taskscope run '%1'\n").arg(odd)), qPrintable(quoted.out));
        QCOMPARE(readBytes(odd), readBytes(QStringLiteral(":/scenarios/wait-all-fail-fast.yaml")));
    }

    void newNamesTheNearestBuiltinForAnUnknownOne_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("message");
        QTest::newRow("typo") << "race-frist-finisher"
                              << "taskscope: no built-in scenario 'race-frist-finisher'; did you mean 'race-first-finisher'? (see 'taskscope list')\n";
        QTest::newRow("far") << "zzz" << "taskscope: no built-in scenario 'zzz' (see 'taskscope list')\n";
    }

    void newNamesTheNearestBuiltinForAnUnknownOne()
    {
        QFETCH(QString, from);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString name = dir.filePath(QStringLiteral("lesson.yaml"));
        const Result r = runCommand({QStringLiteral("new"), name, QStringLiteral("--from"), from});
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err, message);
        QCOMPARE(r.out, QString());
        QVERIFY(!QFileInfo::exists(name));
    }

    void badUsageExitsTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("nothing") << QStringList{} << "taskscope: no command given";
        QTest::newRow("unknown verb") << QStringList{"frobnicate"} << "taskscope: unknown command 'frobnicate'";
        QTest::newRow("misspelt verb") << QStringList{"veryfy"} << "taskscope: unknown command 'veryfy'; did you mean 'verify'?";
        QTest::newRow("unknown flag") << QStringList{"--frobnicate"} << "taskscope: unknown option '--frobnicate'";
        QTest::newRow("misspelt flag") << QStringList{"--hepl"} << "taskscope: unknown option '--hepl'; did you mean '--help'?";
        QTest::newRow("run without scenario") << QStringList{"run"} << "taskscope: run needs a scenario file or a built-in scenario id";
        QTest::newRow("unknown run flag") << QStringList{"run", "--fast", "race-first-finisher"} << "taskscope: unknown option '--fast' for run";
        QTest::newRow("misspelt run flag") << QStringList{"run", "--untill=3", "race-first-finisher"}
                                           << "taskscope: unknown option '--untill=3' for run; did you mean '--until'?";
        QTest::newRow("trace without file") << QStringList{"run", "race-first-finisher", "--trace"} << "taskscope: --trace needs a file name";
        QTest::newRow("trace of two runs") << QStringList{"run", "race-first-finisher", "wait-all-fail-fast", "--trace", "t.json"}
                                           << "taskscope: --trace writes one run: give one scenario, not 2";
        QTest::newRow("until without time") << QStringList{"run", "race-first-finisher", "--until"}
                                            << "taskscope: --until needs a time, e.g. 250, 250ms or 2s";
        QTest::newRow("until fraction") << QStringList{"run", "race-first-finisher", "--until", "1.5"}
                                        << "taskscope: --until: invalid duration '1.5'; expected whole ticks (e.g. 3), '250ms' or '2s'";
        QTest::newRow("until negative") << QStringList{"run", "race-first-finisher", "--until=-1"}
                                        << "taskscope: --until: duration must not be negative, got '-1'";
        QTest::newRow("no such scenario") << QStringList{"run", "no-such-thing"}
                                          << "taskscope: 'no-such-thing' is neither a file nor a built-in scenario (see 'taskscope list')";
        QTest::newRow("unknown verify flag") << QStringList{"verify", "--all"} << "taskscope: unknown option '--all' for verify";
        QTest::newRow("list with arguments") << QStringList{"list", "x"} << "taskscope: list takes no arguments";
        QTest::newRow("new without --from") << QStringList{"new", "x"} << "taskscope: new needs --from BUILTIN (see 'taskscope list')";
        QTest::newRow("new without name") << QStringList{"new", "--from", "race-first-finisher"}
                                          << "taskscope: new needs a file name: taskscope new NAME --from BUILTIN";
        QTest::newRow("new with two names") << QStringList{"new", "a", "b", "--from", "race-first-finisher"}
                                            << "taskscope: new takes one file name, got 'a' and 'b'";
    }

    void badUsageExitsTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Result r = runCommand(args);
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err.section(QLatin1Char('\n'), 0, 0), message);
        QCOMPARE(r.out, QString());
        // Usage errors point at --help; a scenario that cannot be found points at the catalogue.
        if (!message.contains(QLatin1String("taskscope list")) || message.contains(QLatin1String("needs")))
            QCOMPARE(r.err.section(QLatin1Char('\n'), 1), QStringLiteral("Try 'taskscope --help'.\n"));
    }

    void theTraceFileIsJsonWithEveryEvent()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("trace.json"));
        const Result r = runCommand({QStringLiteral("run"), QStringLiteral("wait-all-fail-fast"), QStringLiteral("--trace"), out});
        QCOMPARE(r.code, 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parseError);
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        const QJsonObject json = doc.object();
        QCOMPARE(json.value("format").toString(), QStringLiteral("taskscope-trace"));
        QCOMPARE(json.value("version").toInt(), 1);
        const QJsonObject scenario = json.value("scenario").toObject();
        QCOMPARE(scenario.value("path").toString(), QStringLiteral(":/scenarios/wait-all-fail-fast.yaml"));
        QVERIFY(scenario.value("text").toString().contains(QLatin1String("wait_all:")));

        // The same scenario run here gives the same, deterministic event count.
        const scenarios::LoadResult loaded = scenarios::loadScenarioFile(scenario.value("path").toString());
        scenarios::ScenarioRun run(*loaded.scenario);
        run.scheduler().runUntilIdle();
        QCOMPARE(json.value("events").toArray().size(), run.trace().size());
        QVERIFY(r.out.contains(QStringLiteral("trace: %1 events written to %2\n").arg(run.trace().size()).arg(out)));
        QCOMPARE(json.value("tasks").toArray().size(), run.runtime().taskCount());
        const QJsonObject last = json.value("events").toArray().last().toObject();
        for (const char *key : {"seq", "t", "kind", "task", "scope", "cause", "other", "text", "value", "detail"})
            QVERIFY2(last.contains(QLatin1String(key)), key);
    }

    void aTraceOfAStoppedRunEndsAtTheStop()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("slow.yaml"), gatherWithASlowChild);
        const QString out = dir.filePath(QStringLiteral("trace.json"));
        const Result r = runCommand({QStringLiteral("run"), path, QStringLiteral("--until=2"), QStringLiteral("--trace"), out});
        QCOMPARE(r.code, 1);
        const QJsonObject json = QJsonDocument::fromJson(readBytes(out)).object();
        QCOMPARE(json.value("now").toInt(), 2);
        QCOMPARE(json.value("outcome").toString(), QStringLiteral("still running at t=2"));
    }

    void anUnwritableTracePathLeavesNoFileAndExitsTwo()
    {
        const QString out = QStringLiteral("/nonexistent-dir/x.json");
        const Result r = runCommand({QStringLiteral("run"), QStringLiteral("race-first-finisher"), QStringLiteral("--trace=") + out});
        QCOMPARE(r.code, 2);
        QVERIFY(!QFile::exists(out));
        QVERIFY2(r.err.startsWith(QStringLiteral("taskscope: cannot write trace to '%1': ").arg(out)), qPrintable(r.err));
    }

    void aTracePathThatIsADirectoryIsRefused()
    {
        QTemporaryDir dir;
        const Result r = runCommand({QStringLiteral("run"), QStringLiteral("race-first-finisher"), QStringLiteral("--trace"), dir.path()});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QLatin1String("cannot write trace")));
        QVERIFY(QFileInfo(dir.path()).isDir());
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
