// `taskscope export --format lesson-pdf|lesson-png`: one figure per step of the run, the
// narrative's sentence under each; checked by structure (pages, pictures, their text), on a
// built-in whose trace the test reads to know how many steps there are.

#include "clitesting.h"
#include "lessonexport.h"

#include "scenarios/scenario.h"
#include "scenarios/scenariorun.h"
#include "widgets/eventnarrator.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using clitesting::runCommand;

namespace {

const QString Builtin = QStringLiteral("asyncgui-protected-loser");

// The built-in run to its end, as `taskscope export` runs it.
std::unique_ptr<scenarios::ScenarioRun> finishedRun()
{
    const scenarios::LoadResult loaded = scenarios::loadScenarioFile(QStringLiteral(":/scenarios/%1.yaml").arg(Builtin));
    auto run = std::make_unique<scenarios::ScenarioRun>(*loaded.scenario);
    run->scheduler().runUntilIdle();
    return run;
}

int pdfPages(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    // Each page object is "/Type /Page" (the page tree is "/Type /Pages").
    return int(QString::fromLatin1(f.readAll()).count(QRegularExpression(QStringLiteral("/Type\\s*/Page[^s]"))));
}

clitesting::Result exportLesson(const QString &format, const QString &out, const QStringList &more = {})
{
    return runCommand(QStringList{QStringLiteral("export"), Builtin, QStringLiteral("--format"), format, QStringLiteral("-o"), out} + more);
}

} // namespace

class TestLessonExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        LessonExport::registerFormats();
        QVERIFY(commandline::exportFormats().contains(QStringLiteral("lesson-pdf")));
        QVERIFY(commandline::exportFormats().contains(QStringLiteral("lesson-png")));
    }

    void thePdfHasOnePagePerEvent()
    {
        const auto run = finishedRun();
        const int events = int(run->runtime().trace().size());
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("lesson.pdf"));
        const auto r = exportLesson(QStringLiteral("lesson-pdf"), out);
        QCOMPARE(r.err, QString());
        QCOMPARE(r.code, 0);
        QCOMPARE(pdfPages(out), events);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(5) == "%PDF-");
    }

    void thePicturesCarryTheirStepAndSentence()
    {
        const auto run = finishedRun();
        const engine::Trace &trace = run->runtime().trace();
        const int events = int(trace.size());
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("lesson.png"));
        const auto r = exportLesson(QStringLiteral("lesson-png"), out, {QStringLiteral("--dpi"), QStringLiteral("192")});
        QCOMPARE(r.code, 0);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), events);
        QVERIFY(!QFile::exists(out));   // a series: OUT-001.png …, not OUT itself
        // The success line names the series, not OUT.
        QVERIFY2(r.out.endsWith(QStringLiteral(" written to %1 … %2 (%3 pictures)\n")
                                    .arg(LessonExport::seriesPath(out, 1, events), LessonExport::seriesPath(out, events, events))
                                    .arg(events)),
                 qPrintable(r.out));
        QSize size;
        for (int step = 1; step <= events; ++step) {
            const QString path = LessonExport::seriesPath(out, step, events);
            QImage image(path);
            QVERIFY2(!image.isNull(), qPrintable(path));
            // Every page as large as the largest; 192 dpi doubles the default 1600 pixels.
            if (step == 1)
                size = image.size();
            QCOMPARE(image.size(), size);
            QCOMPARE(image.width(), 3200);
            QCOMPARE(image.dotsPerMeterX(), 7559);
            const QString expected = QStringLiteral("Step %1 of %2").arg(step).arg(events);
            const QString description = image.text(QStringLiteral("Description"));
            QVERIFY2(description.startsWith(expected), qPrintable(description));
            QVERIFY2(description.endsWith(widgets::EventNarrator::text(trace, engine::EventId(step - 1))), qPrintable(description));
        }
        QCOMPARE(LessonExport::seriesPath(out, 7, events), dir.filePath(QStringLiteral("lesson-007.png")));
        QCOMPARE(LessonExport::seriesPath(QStringLiteral("x"), 12, 1200), QStringLiteral("x-0012.png"));
    }

    void atAndRangeChooseTheSteps()
    {
        const auto run = finishedRun();
        const engine::Trace &trace = run->runtime().trace();
        int upTo1 = 0;
        int from1 = 0;
        for (const engine::TraceEvent &e : trace.events()) {
            upTo1 += e.time <= 1;
            from1 += e.time >= 1;
        }
        QVERIFY(upTo1 > 0 && upTo1 < int(trace.size()));
        QTemporaryDir dir;
        const QString at = dir.filePath(QStringLiteral("at.pdf"));
        QCOMPARE(exportLesson(QStringLiteral("lesson-pdf"), at, {QStringLiteral("--at"), QStringLiteral("1")}).code, 0);
        QCOMPARE(pdfPages(at), upTo1);
        const QString range = dir.filePath(QStringLiteral("range.pdf"));
        QCOMPARE(exportLesson(QStringLiteral("lesson-pdf"), range, {QStringLiteral("--range"), QStringLiteral("1..3")}).code, 0);
        QCOMPARE(pdfPages(range), from1);
    }

    void aFailureMidSeriesLeavesNoPicture()
    {
        // A folder where the third picture should go: the first two are written, then removed.
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("l.png"));
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("l-003.png")));
        const auto r = exportLesson(QStringLiteral("lesson-png"), out);
        QCOMPARE(r.code, 2);   // the export failed
        QVERIFY2(r.err.contains(QStringLiteral("cannot write '%1'").arg(dir.filePath(QStringLiteral("l-003.png")))), qPrintable(r.err));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList());
    }

    void anUnwritablePdfLeavesNoFile()
    {
        const auto r = exportLesson(QStringLiteral("lesson-pdf"), QStringLiteral("/proc/lesson.pdf"));
        QCOMPARE(r.code, 2);   // the export failed
        QVERIFY2(r.err.contains(QStringLiteral("cannot write '/proc/lesson.pdf'")), qPrintable(r.err));
        QVERIFY(!QFile::exists(QStringLiteral("/proc/lesson.pdf")));
    }

    void aRangeWithNothingInItIsRefused()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("empty.pdf"));
        const auto r = exportLesson(QStringLiteral("lesson-pdf"), out, {QStringLiteral("--range"), QStringLiteral("50..60")});
        QCOMPARE(r.code, 2);   // the export failed
        QVERIFY2(r.err.contains(QStringLiteral("the lesson has no steps")), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
    }
};

QTEST_MAIN(TestLessonExport)
#include "tst_lessonexport.moc"
