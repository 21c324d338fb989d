// The headless command line: exit codes 0/1/2, what it prints, and the --trace JSON file.

#include "commandline.h"

#include "scenarios/scenariorun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

namespace {

struct Result
{
    int code = -1;
    QString out;
    QString err;
};

Result runCommand(const QStringList &args)
{
    Result r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    r.code = commandline::run(args, out, err);
    out.flush();
    err.flush();
    return r;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QString &text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text.toUtf8()) < 0)
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

const QString raceWithWrongExpectation = QStringLiteral(
    "title: race\n"
    "run:\n"
    "  wait_any:\n"
    "    - {task: A, steps: [{sleep: 1}, {return: A}]}\n"
    "    - {task: B, steps: [{sleep: 2}, {return: B}]}\n"
    "expect:\n"
    "  tasks:\n"
    "    A: completed\n"
    "    B: {outcome: completed, at: 2}\n");

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void verbsAndFlagsAreCommandsAndFilesAreNot_data()
    {
        QTest::addColumn<QString>("argument");
        QTest::addColumn<bool>("command");
        for (const char *verb : {"run", "list", "--help", "-h", "--version", "-v"})
            QTest::newRow(verb) << QString::fromLatin1(verb) << true;
        QTest::newRow("file") << "race.yaml" << false;
        QTest::newRow("path") << "/tmp/run" << false;
        // An unknown flag is the command line's to reject ("unknown option"), not a file to open.
        QTest::newRow("unknown flag") << "--frobnicate" << true;
    }

    void verbsAndFlagsAreCommandsAndFilesAreNot()
    {
        QFETCH(QString, argument);
        QFETCH(bool, command);
        QCOMPARE(commandline::isCommand(argument), command);
    }

    void helpDocumentsTheExitCodes()
    {
        const Result r = runCommand({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("taskscope run SCENARIO")));
        QVERIFY(r.out.contains(QLatin1String("Exit codes:")));
        for (const char *code : {"  0  ", "  1  ", "  2  "})
            QVERIFY(r.out.contains(QLatin1String(code)));
        QVERIFY(r.err.isEmpty());
        QCOMPARE(runCommand({QStringLiteral("-h")}).out, r.out);
    }

    void versionPrintsTheVersion()
    {
        const Result r = runCommand({QStringLiteral("--version")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QStringLiteral("taskscope %1\n").arg(QStringLiteral(TASKSCOPE_VERSION)));
        QCOMPARE(runCommand({QStringLiteral("-v")}).out, r.out);
    }

    void listShowsEveryBuiltin()
    {
        const Result r = runCommand({QStringLiteral("list")});
        QCOMPARE(r.code, 0);
        for (const scenarios::BuiltinScenario &b : scenarios::builtinScenarios())
            QVERIFY2(r.out.contains(b.id) && r.out.contains(b.title), qPrintable(r.out));
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
        QVERIFY2(r.out.contains(QLatin1String("expectations hold")), qPrintable(r.out));
    }

    void theTaskTableNamesEachTaskItsOutcomeAndEndTime()
    {
        const Result r = runCommand({QStringLiteral("run"), QStringLiteral("race-first-finisher")});
        QVERIFY2(r.out.contains(QLatin1String("  main  completed  t=1  ['A', None]\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("  A     completed  t=1  'A'\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("  B     cancelled  t=1\n")), qPrintable(r.out));
    }

    void aFileWithAWrongExpectationExitsOneAndNamesTheLine()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("race.yaml"), raceWithWrongExpectation);
        const Result r = runCommand({QStringLiteral("run"), path});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.err, path + QStringLiteral(":9:5: expectation not met: task B: expected completed at t=2, got cancelled at t=1\n"));
        QVERIFY(r.out.contains(QLatin1String("expect: 1 of 2 expectations do not hold")));
    }

    void quietPrintsOnlyProblems()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("race.yaml"), raceWithWrongExpectation);
        const Result r = runCommand({QStringLiteral("run"), QStringLiteral("--quiet"), path});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.out, QString());
        QVERIFY(r.err.contains(QLatin1String(":9:5: ")));
        const Result ok = runCommand({QStringLiteral("run"), QStringLiteral("race-first-finisher"), QStringLiteral("-q")});
        QCOMPARE(ok.code, 0);
        QCOMPARE(ok.out + ok.err, QString());
    }

    void anInvalidFileExitsTwoWithLocatedDiagnostics()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("bad.yaml"), QStringLiteral("title: T\nrun:\n  task: A\n  steps:\n    - sleeep: 1\n"));
        const Result r = runCommand({QStringLiteral("run"), path});
        QCOMPARE(r.code, 2);
        QCOMPARE(r.out, QString());
        QCOMPARE(r.err, path + QStringLiteral(":5:7: unknown step 'sleeep'; did you mean 'sleep'?\n"));
    }

    void badUsageExitsTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("nothing") << QStringList{} << "taskscope: no command given";
        QTest::newRow("run without scenario") << QStringList{"run"} << "taskscope: run needs a scenario file or a built-in scenario id";
        QTest::newRow("unknown verb") << QStringList{"frobnicate"} << "taskscope: unknown command 'frobnicate'";
        QTest::newRow("unknown flag") << QStringList{"--frobnicate"} << "taskscope: unknown option '--frobnicate'";
        QTest::newRow("unknown run flag") << QStringList{"run", "--fast", "race-first-finisher"} << "taskscope: unknown option '--fast' for run";
        QTest::newRow("two scenarios") << QStringList{"run", "a.yaml", "b.yaml"} << "taskscope: run takes one scenario, got 'a.yaml' and 'b.yaml'";
        QTest::newRow("trace without file") << QStringList{"run", "race-first-finisher", "--trace"} << "taskscope: --trace needs a file name";
        QTest::newRow("no such scenario") << QStringList{"run", "no-such-thing"}
                                          << "taskscope: 'no-such-thing' is neither a file nor a built-in scenario (see 'taskscope list')";
        QTest::newRow("list with arguments") << QStringList{"list", "x"} << "taskscope: list takes no arguments";
    }

    void badUsageExitsTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Result r = runCommand(args);
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err.section(QLatin1Char('\n'), 0, 0), message);
        QCOMPARE(r.out, QString());
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
