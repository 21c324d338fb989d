// File ▸ Export on the main window: the state at the playhead or at the end, the visible range,
// the settings it remembers, the dialog's choices, and failures shown in a message box.

#include "appsettings.h"
#include "exportcommand.h"
#include "exportdialog.h"
#include "mainwindow.h"
#include "runcontroller.h"

#include "widgets/timelinefigure.h"
#include "widgets/timelinepanel.h"
#include "widgets/timelineview.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QImage>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QXmlStreamReader>

using widgets::TimelineFigure;

namespace {

QStringList svgTexts(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QStringList texts;
    QXmlStreamReader xml(&f);
    while (!xml.atEnd())
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("text"))
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified();
    return texts;
}

ExportDialog::Choice choice(const QString &format, const QString &path)
{
    ExportDialog::Choice c;
    c.format = format;
    c.path = path;
    c.size = QSize(1200, 0);
    return c;
}

ExportCommand *commandOf(const MainWindow &w)
{
    return w.findChild<ExportCommand *>();
}

} // namespace

class TestExportCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Settings go to a throw-away test location, never the user's.
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        QSettings().clear();
    }

    void theFileMenuExportsAtThePlayheadOrAtTheEnd()
    {
        MainWindow w;
        w.openInitial({});   // the first-finisher race, at t = 0
        auto *action = w.findChild<QAction *>(QStringLiteral("exportAction"));
        QVERIFY(action && action->isEnabled());
        QVERIFY(w.findChild<QMenu *>(QStringLiteral("fileMenu"))->actions().contains(action));
        ExportCommand *command = commandOf(w);
        QVERIFY(command);

        QTemporaryDir dir;
        QString error;
        const QString now = dir.filePath(QStringLiteral("now.svg"));
        QVERIFY2(command->exportTo(choice(QStringLiteral("svg"), now), &error), qPrintable(error));
        QVERIFY(svgTexts(now).contains(QStringLiteral("now 0")));

        ExportDialog::Choice atEnd = choice(QStringLiteral("svg"), dir.filePath(QStringLiteral("end.svg")));
        atEnd.atEnd = true;
        QVERIFY2(command->exportTo(atEnd, &error), qPrintable(error));
        QVERIFY(svgTexts(atEnd.path).contains(QStringLiteral("now 1 ms")));
        QVERIFY(svgTexts(atEnd.path).contains(QStringLiteral("First finisher wins")));
        // The window's run stays where it was.
        QCOMPARE(w.controller()->now(), engine::Tick(0));

        // The trace formats go through the same command.
        const QString trace = dir.filePath(QStringLiteral("run.json"));
        QVERIFY2(command->exportTo(choice(QStringLiteral("perfetto"), trace), &error), qPrintable(error));
        QVERIFY(QFile(trace).size() > 100);

        // The folder and the format are remembered for next time.
        QCOMPARE(AppSettings().exportDirectory(), QFileInfo(trace).absolutePath());
        const ExportDialog::Context next = command->context();
        QCOMPARE(next.directory, QFileInfo(trace).absolutePath());
        QCOMPARE(next.format, QStringLiteral("perfetto"));
        QCOMPARE(next.baseName, QStringLiteral("race-first-finisher"));
        QCOMPARE(next.runEnd, std::optional<engine::Tick>(1));
        QVERIFY(next.formats.contains(QStringLiteral("png")) && next.formats.contains(QStringLiteral("trace")));
    }

    void aRecordedRunExportsAtThePlayheadOrAtItsEnd()
    {
        // The first-finisher race saved as a Taskscope trace, opened as a recording at t = 0.
        QTemporaryDir dir;
        const QString saved = dir.filePath(QStringLiteral("race.json"));
        {
            MainWindow live;
            live.openInitial({});
            ExportDialog::Choice trace = choice(QStringLiteral("trace"), saved);
            trace.atEnd = true;
            QString error;
            QVERIFY2(commandOf(live)->exportTo(trace, &error), qPrintable(error));
        }
        MainWindow w;
        QVERIFY(w.openRecording(saved));
        QVERIFY(w.controller()->isRecorded());
        ExportCommand *command = commandOf(w);
        const ExportDialog::Context c = command->context();
        QCOMPARE(c.runEnd, std::optional<engine::Tick>(1));
        QCOMPARE(c.baseName, QStringLiteral("race"));
        QVERIFY(!c.formats.contains(QStringLiteral("trace")));   // it is one already
        QVERIFY(c.formats.contains(QStringLiteral("markdown")) && !c.formats.contains(QStringLiteral("md")));

        QString error;
        const QString now = dir.filePath(QStringLiteral("now.svg"));
        QVERIFY2(command->exportTo(choice(QStringLiteral("svg"), now), &error), qPrintable(error));
        QVERIFY(svgTexts(now).contains(QStringLiteral("now 0")));
        QVERIFY(svgTexts(now).contains(QStringLiteral("First finisher wins")));
        ExportDialog::Choice atEnd = choice(QStringLiteral("svg"), dir.filePath(QStringLiteral("end.svg")));
        atEnd.atEnd = true;
        QVERIFY2(command->exportTo(atEnd, &error), qPrintable(error));
        QVERIFY(svgTexts(atEnd.path).contains(QStringLiteral("now 1 ms")));
        QCOMPARE(w.controller()->now(), engine::Tick(0));
    }

    void theVisibleRangeIsWhatTheTimelineShows()
    {
        MainWindow w;
        w.openInitial({QStringLiteral("effectpy-connection-pool")});   // 4 ms long
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.controller()->runToEnd();
        widgets::TimelineView *view = w.panel()->timeline();
        view->zoomBy(3, 0);
        ExportCommand *command = commandOf(w);
        const ExportDialog::Context c = command->context();
        QCOMPARE(c.visibleFrom, engine::Tick(0));
        QVERIFY(c.visibleTo < w.controller()->now());

        QTemporaryDir dir;
        ExportDialog::Choice visible = choice(QStringLiteral("svg"), dir.filePath(QStringLiteral("visible.svg")));
        visible.visibleRange = true;
        QString error;
        QVERIFY2(command->exportTo(visible, &error), qPrintable(error));
        const QString range = QStringLiteral("%1 – %2").arg(TimelineFigure::timeText(c.visibleFrom), TimelineFigure::timeText(c.visibleTo));
        const QStringList texts = svgTexts(visible.path);
        QVERIFY2(std::any_of(texts.begin(), texts.end(), [&](const QString &t) { return t.contains(range); }),
                 qPrintable(range + QLatin1Char('\n') + texts.join(QLatin1Char('\n'))));
    }

    void aFailureSaysWhyAndWritesNothing()
    {
        MainWindow w;
        w.openInitial({});
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("missing/x.png"));
        QString error;
        QVERIFY(!commandOf(w)->exportTo(choice(QStringLiteral("png"), bad), &error));
        QVERIFY2(error.startsWith(QStringLiteral("cannot write '%1': ").arg(bad)), qPrintable(error));
        QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
        QVERIFY(AppSettings().exportDirectory().isEmpty());

        // Through the menu: the dialog, then a message box with the reason.
        QString shown;
        QTimer poll;
        int dialogs = 0;
        connect(&poll, &QTimer::timeout, this, [&] {
            QWidget *modal = QApplication::activeModalWidget();
            if (auto *dialog = qobject_cast<ExportDialog *>(modal)) {
                ++dialogs;
                dialog->setChoice(choice(QStringLiteral("png"), bad));
                dialog->accept();
            } else if (auto *box = qobject_cast<QMessageBox *>(modal)) {
                shown = box->text();
                box->done(QMessageBox::Ok);
                poll.stop();
            }
        });
        poll.start(10);
        w.findChild<QAction *>(QStringLiteral("exportAction"))->trigger();
        QCOMPARE(dialogs, 1);
        QCOMPARE(shown, QStringLiteral("Nothing was exported: %1").arg(error));
        QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
    }

    void theDialogOffersFigureOptionsForFiguresOnly()
    {
        ExportDialog::Context c;
        c.formats = QStringList{QStringLiteral("pdf"), QStringLiteral("perfetto"), QStringLiteral("png"),
                                QStringLiteral("svg"), QStringLiteral("trace")};
        c.directory = QStringLiteral("/tmp/figures");
        c.baseName = QStringLiteral("race");
        c.playhead = 250;
        c.visibleFrom = 0;
        c.visibleTo = 1500;
        ExportDialog dialog(c);
        // PNG first when nothing was chosen before; no end known, so no "at the end".
        ExportDialog::Choice first = dialog.choice();
        QCOMPARE(first.format, QStringLiteral("png"));
        QCOMPARE(first.path, QStringLiteral("/tmp/figures/race.png"));
        QCOMPARE(first.size, QSize(1600, 0));
        QCOMPARE(first.dpi, 96);
        QCOMPARE(first.atEnd, false);
        auto *figureBox = dialog.findChild<QGroupBox *>();
        QVERIFY(figureBox);

        ExportDialog::Choice trace = first;
        trace.format = QStringLiteral("perfetto");
        trace.path = QStringLiteral("/tmp/figures/race.png");
        dialog.setChoice(trace);
        // The suffix follows the format; size, dpi and range are for figures only.
        QCOMPARE(dialog.choice().path, QStringLiteral("/tmp/figures/race.json"));
        const auto boxes = dialog.findChildren<QGroupBox *>();
        for (QGroupBox *box : boxes)
            if (box->title() != QLatin1String("State"))
                QVERIFY2(!box->isEnabled(), qPrintable(box->title()));

        ExportDialog::Choice svg = trace;
        svg.format = QStringLiteral("svg");
        svg.path = QStringLiteral("/tmp/figures/mine.svg");
        svg.visibleRange = true;
        svg.size = QSize(800, 450);
        svg.dpi = 192;
        dialog.setChoice(svg);
        const ExportDialog::Choice back = dialog.choice();
        QCOMPARE(back.format, svg.format);
        QCOMPARE(back.path, svg.path);
        QCOMPARE(back.visibleRange, true);
        QCOMPARE(back.size, svg.size);
        QCOMPARE(back.dpi, 192);
        for (QGroupBox *box : boxes)
            QVERIFY(box->isEnabled());
    }
};

QTEST_MAIN(TestExportCommand)
#include "tst_exportcommand.moc"
