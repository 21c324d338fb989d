// `taskscope export`: the trace formats a headless machine can write, the options' checks, and
// files that are written whole or not at all.

#include "clitesting.h"

#include "scenarios/recordedrun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using clitesting::runCommand;

namespace {

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

} // namespace

class TestCliExport : public QObject
{
    Q_OBJECT

private slots:
    void perfettoWritesATrackPerTask()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("race.json"));
        const auto r = runCommand({QStringLiteral("export"), QStringLiteral("race-first-finisher"),
                                   QStringLiteral("--format"), QStringLiteral("perfetto"), QStringLiteral("-o"), out});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QStringLiteral("perfetto: 19 events at t=1 written to %1\n").arg(out));
        const QJsonArray events = readJson(out).value(QStringLiteral("traceEvents")).toArray();
        int names = 0;
        for (const QJsonValue &v : events)
            names += v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("thread_name");
        QCOMPARE(names, 3);   // main, A, B
    }

    void aSavedTraceReopensAndExportsAtAnEarlierTime()
    {
        QTemporaryDir dir;
        const QString saved = dir.filePath(QStringLiteral("run.json"));
        QCOMPARE(runCommand({QStringLiteral("export"), QStringLiteral("race-first-finisher"), QStringLiteral("--format=trace"),
                             QStringLiteral("-o"), saved}).code, 0);
        QString error;
        const auto recorded = scenarios::loadRecordedRun(saved, &error);
        QVERIFY2(recorded, qPrintable(error));
        QCOMPARE(recorded->now, engine::Tick(1));

        const QString early = dir.filePath(QStringLiteral("early.json"));
        const auto r = runCommand({QStringLiteral("export"), saved, QStringLiteral("--at"), QStringLiteral("0"),
                                   QStringLiteral("--format"), QStringLiteral("perfetto"), QStringLiteral("-o"), early});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("perfetto: 10 events at t=0")), qPrintable(r.out));
        // At t=0 nobody has ended: every task's slice still carries the outcome "running".
        for (const QJsonValue &v : readJson(early).value(QStringLiteral("traceEvents")).toArray()) {
            const QJsonObject e = v.toObject();
            if (e.value(QStringLiteral("cat")).toString() == QLatin1String("task"))
                QCOMPARE(e.value(QStringLiteral("args")).toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("running"));
        }
    }

    void theScenarioRunsOnlyToTheRequestedTime()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("t0.json"));
        const auto r = runCommand({QStringLiteral("export"), QStringLiteral("race-first-finisher"), QStringLiteral("--at=0"),
                                   QStringLiteral("--format"), QStringLiteral("trace"), QStringLiteral("-o"), out});
        QCOMPARE(r.code, 0);
        QCOMPARE(readJson(out).value(QStringLiteral("now")).toInteger(), 0);
    }

    void badUsageIsRefusedAndWritesNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString race = QStringLiteral("race-first-finisher");
        const QString f = QStringLiteral("--format");
        const QString o = QStringLiteral("-o");
        const QString out = QStringLiteral("OUT");
        QTest::newRow("no input") << QStringList{f, QStringLiteral("perfetto"), o, out} << QStringLiteral("export needs a scenario");
        QTest::newRow("no format") << QStringList{race, o, out} << QStringLiteral("export needs --format (");
        QTest::newRow("unknown format") << QStringList{race, f, QStringLiteral("perfeto"), o, out}
                                        << QStringLiteral("unknown format 'perfeto'; formats: ");
        QTest::newRow("no output") << QStringList{race, f, QStringLiteral("perfetto")} << QStringLiteral("export needs -o OUT");
        QTest::newRow("bad size") << QStringList{race, f, QStringLiteral("perfetto"), QStringLiteral("--size"), QStringLiteral("big"), o, out}
                                  << QStringLiteral("--size needs WIDTHxHEIGHT");
        QTest::newRow("bad range") << QStringList{race, f, QStringLiteral("perfetto"), QStringLiteral("--range"), QStringLiteral("5..2"), o, out}
                                   << QStringLiteral("--range 5..2: the end must come after the start");
        QTest::newRow("bad at") << QStringList{race, f, QStringLiteral("perfetto"), QStringLiteral("--at"), QStringLiteral("soon"), o, out}
                                << QStringLiteral("--at: ");
        QTest::newRow("unknown option") << QStringList{race, QStringLiteral("--formt"), QStringLiteral("perfetto"), o, out}
                                        << QStringLiteral("unknown option '--formt' for export; did you mean '--format'?");
        QTest::newRow("two inputs") << QStringList{race, race, f, QStringLiteral("perfetto"), o, out}
                                    << QStringLiteral("export takes one scenario or trace");
    }

    void badUsageIsRefusedAndWritesNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QDir::setCurrent(dir.path());
        const auto r = runCommand(QStringList{QStringLiteral("export")} + args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.startsWith(QStringLiteral("taskscope: ") + message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("OUT"))));
    }

    void anUnwritablePlaceSaysWhyAndLeavesNoFile()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("no/such/folder/x.json"));
        const auto r = runCommand({QStringLiteral("export"), QStringLiteral("race-first-finisher"), QStringLiteral("--format"),
                                   QStringLiteral("perfetto"), QStringLiteral("-o"), out});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.startsWith(QStringLiteral("taskscope: cannot write '%1': ").arg(out)), qPrintable(r.err));
        QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
    }

    void aTraceFromANewerTaskscopeIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"format": "taskscope-trace", "version": 2, "tasks": [], "scopes": [], "events": []})");
        f.close();
        const auto r = runCommand({QStringLiteral("export"), path, QStringLiteral("--format"), QStringLiteral("perfetto"),
                                   QStringLiteral("-o"), dir.filePath(QStringLiteral("x.json"))});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("was written by a newer Taskscope (trace format version 2)")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cliexport.moc"
