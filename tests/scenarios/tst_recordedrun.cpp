// A Taskscope trace file reads back into the very trace that was written, for every built-in;
// newer, foreign and damaged files are refused with a sentence that says why.

#include "scenarios/recordedrun.h"
#include "scenarios/scenariorun.h"
#include "scenarios/tracejson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

std::unique_ptr<scenarios::ScenarioRun> finishedRun(const QString &id)
{
    const scenarios::LoadResult loaded = scenarios::loadScenarioFile(scenarios::findBuiltin(id)->path);
    auto run = std::make_unique<scenarios::ScenarioRun>(*loaded.scenario);
    run->scheduler().runUntilIdle(1'000'000);
    return run;
}

QByteArray edited(const QString &id, const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject root = scenarios::traceToJson(*finishedRun(id)).object();
    edit(root);
    return QJsonDocument(root).toJson();
}

} // namespace

class TestRecordedRun : public QObject
{
    Q_OBJECT

private slots:
    void everyBuiltinReadsBackToTheSameTrace_data()
    {
        QTest::addColumn<QString>("id");
        for (const scenarios::BuiltinScenario &b : scenarios::builtinScenarios())
            QTest::newRow(qPrintable(b.id)) << b.id;
    }

    void everyBuiltinReadsBackToTheSameTrace()
    {
        QFETCH(QString, id);
        const auto run = finishedRun(id);
        QString error;
        const auto back = scenarios::parseRecordedRun(scenarios::traceToJson(*run).toJson(), QStringLiteral("x.json"), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->trace->formatAll(), run->trace().formatAll());
        QCOMPARE(back->trace->tasks().size(), run->trace().tasks().size());
        QCOMPARE(back->now, run->runtime().now());
        QCOMPARE(back->outcome, run->outcomeText());
        QCOMPARE(back->title, run->scenario().title());
        QVERIFY(back->scenario.has_value());
        QCOMPARE(back->scenario->sourceText(), run->scenario().sourceText());
    }

    void aTraceFileOnDiskOpens()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("run.json"));
        QString error;
        QVERIFY(scenarios::writeTraceJson(*finishedRun(QStringLiteral("race-first-finisher")), path, &error));
        const auto back = scenarios::loadRecordedRun(path, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->path, path);
        QVERIFY(!scenarios::loadRecordedRun(dir.filePath(QStringLiteral("none.json")), &error));
        QVERIFY(error.startsWith(QStringLiteral("cannot read '")));
    }

    void badFilesAreRefusedWithAReason_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        const QString race = QStringLiteral("race-first-finisher");
        QTest::newRow("newer version") << edited(race, [](QJsonObject &o) { o[QStringLiteral("version")] = 7; })
                                       << QStringLiteral("bad.json was written by a newer Taskscope (trace format version 7); this one reads versions up to 1.");
        QTest::newRow("not json") << QByteArray("{\"format\": ") << QStringLiteral("bad.json: not a Taskscope trace (JSON error at byte");
        QTest::newRow("other format") << QByteArray("{\"traceEvents\": []}") << QStringLiteral("bad.json: not a Taskscope trace (no \"format\"");
        QTest::newRow("no version") << edited(race, [](QJsonObject &o) { o.remove(QStringLiteral("version")); })
                                    << QStringLiteral("bad.json: the trace has no valid format version");
        QTest::newRow("unknown kind") << edited(race, [](QJsonObject &o) {
            QJsonArray events = o[QStringLiteral("events")].toArray();
            QJsonObject e = events[3].toObject();
            e[QStringLiteral("kind")] = QStringLiteral("teleported");
            events[3] = e;
            o[QStringLiteral("events")] = events;
        }) << QStringLiteral("bad.json: damaged trace: event 3: unknown value 'teleported'");
        QTest::newRow("time backwards") << edited(race, [](QJsonObject &o) {
            QJsonArray events = o[QStringLiteral("events")].toArray();
            QJsonObject e = events.last().toObject();
            e[QStringLiteral("t")] = 0;
            events[events.size() - 1] = e;
            o[QStringLiteral("events")] = events;
        }) << QStringLiteral("goes backwards");
        QTest::newRow("unknown task") << edited(race, [](QJsonObject &o) {
            QJsonArray events = o[QStringLiteral("events")].toArray();
            QJsonObject e = events[1].toObject();
            e[QStringLiteral("task")] = 99;
            events[1] = e;
            o[QStringLiteral("events")] = events;
        }) << QStringLiteral("event 1: refers to a task, scope or event that does not exist");
        QTest::newRow("no events") << edited(race, [](QJsonObject &o) { o.remove(QStringLiteral("events")); })
                                   << QStringLiteral("damaged trace: the 'events' list is missing");
    }

    void badFilesAreRefusedWithAReason()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!scenarios::parseRecordedRun(json, QStringLiteral("bad.json"), &error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestRecordedRun)
#include "tst_recordedrun.moc"
