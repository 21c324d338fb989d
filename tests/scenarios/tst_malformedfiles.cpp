// Every file under tests/scenarios/malformed/ is a scenario with one mistake. Its first line says
// the diagnostic Taskscope must give: `# expect: LINE:COL: message`. Adding a case is adding a file.

#include "scenarios/scenario.h"
#include "scenarios/scenarioparser.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace scenarios;

class TestMalformedFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thereAreAtLeastFortyCases()
    {
        const QStringList files = QDir(QStringLiteral(TASKSCOPE_MALFORMED_DIR)).entryList({QStringLiteral("*.yaml")}, QDir::Files);
        QVERIFY2(files.size() >= 40, qPrintable(QStringLiteral("only %1 malformed files").arg(files.size())));
    }

    void eachFileGivesItsDiagnostic_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(TASKSCOPE_MALFORMED_DIR));
        for (const QString &name : dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(name)) << dir.filePath(name);
    }

    void eachFileGivesItsDiagnostic()
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString firstLine = QString::fromUtf8(file.readLine()).trimmed();
        const QString marker = QStringLiteral("# expect: ");
        QVERIFY2(firstLine.startsWith(marker), "the first line must be '# expect: LINE:COL: message'");
        const LoadResult r = loadScenarioFile(path);
        QVERIFY(!r.ok());
        QVERIFY(!r.errors.empty());
        // The first diagnostic (document order) names this file and the expected place and words.
        QCOMPARE(r.errors.front().format(), path + QLatin1Char(':') + firstLine.mid(marker.size()));
    }

    void aFileWithTooManyTasksNamesTheLimit()
    {
        QString text = QStringLiteral("title: T\nrun:\n  asyncgui.wait_all:\n");
        for (int i = 0; i <= ScenarioParser::maxTasks; ++i)
            text += QStringLiteral("    - task: T%1\n").arg(i);
        const LoadResult r = parseScenario(text, QStringLiteral("big.yaml"));
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.front().format(),
                 QStringLiteral("big.yaml:%1:7: too many tasks: a scenario holds at most 20000 (the task limit)").arg(ScenarioParser::maxTasks + 3));   // "main" is one of the 20000
    }

    void aFileOverTheSizeLimitIsRefusedBeforeParsing()
    {
        const QString text = QStringLiteral("title: T\nrun: {task: A}\n#") + QString(ScenarioParser::maxFileBytes, QLatin1Char('x'));
        const LoadResult r = parseScenario(text, QStringLiteral("huge.yaml"));
        QVERIFY(!r.ok());
        QVERIFY2(r.errors.front().format().startsWith(QStringLiteral("huge.yaml:1:1: the file is too large")), qPrintable(r.errors.front().format()));
    }
};

QTEST_GUILESS_MAIN(TestMalformedFiles)
#include "tst_malformedfiles.moc"
