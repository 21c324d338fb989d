// The window shows a recorded run (a saved Taskscope trace) without running it: opened from the
// command line, File ▸ Open or a drop; the clock steps it, the live-only scheduler dock says why it
// is empty, and bad files are refused in a message box with the current run kept. The narrative
// exports as Markdown.

#include "mainwindow.h"
#include "narrativeexport.h"
#include "runcontroller.h"

#include "scenarios/recordedrun.h"
#include "scenarios/scenariorun.h"
#include "scenarios/tracejson.h"
#include "widgets/clockcontrols.h"
#include "widgets/inspectorpanel.h"
#include "widgets/narrativemodel.h"
#include "widgets/narrativeview.h"
#include "widgets/runscrubber.h"
#include "widgets/scenariobrowser.h"
#include "widgets/scenarioeditor.h"
#include "widgets/schedulermodel.h"
#include "widgets/schedulerpanel.h"
#include "widgets/timelinepanel.h"
#include "widgets/timelineview.h"
#include "insightdocks.h"

#include <QAction>
#include <QApplication>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUrl>

#include <algorithm>

namespace {

std::unique_ptr<scenarios::ScenarioRun> finishedRun(const QString &id)
{
    const scenarios::LoadResult loaded = scenarios::loadScenarioFile(scenarios::findBuiltin(id)->path);
    auto run = std::make_unique<scenarios::ScenarioRun>(*loaded.scenario);
    run->scheduler().runUntilIdle(1'000'000);
    return run;
}

// Saves the finished run of built-in `id` as `name` in `dir` (as `taskscope run --trace` does).
QString saveTrace(const QTemporaryDir &dir, const QString &name, const QString &id)
{
    const QString path = dir.filePath(name);
    QString error;
    if (!scenarios::writeTraceJson(*finishedRun(id), path, &error))
        qFatal("%s", qPrintable(error));
    return path;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// Runs `open` while answering the message box it should show; returns the box's text ("" if none).
template<typename Open>
QString messageWhile(Open open)
{
    QString shown;
    QTimer::singleShot(0, [&shown] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            shown = box->windowTitle() + QLatin1Char('\n') + box->text();
            box->done(QMessageBox::Ok);
        }
    });
    open();
    return shown;
}

} // namespace

class TestRecordedWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        QSettings().clear();
    }

    void aSavedTraceOnTheCommandLineIsShownWithoutRunning()
    {
        QTemporaryDir dir;
        const QString path = saveTrace(dir, QStringLiteral("race.json"), QStringLiteral("race-first-finisher"));
        const auto live = finishedRun(QStringLiteral("race-first-finisher"));
        MainWindow w;
        w.openInitial({path});
        RunController *c = w.controller();
        QVERIFY(c->isRecorded());
        QCOMPARE(c->run(), nullptr);
        QVERIFY2(w.windowTitle().contains(QStringLiteral("recorded run")), qPrintable(w.windowTitle()));
        QVERIFY(w.windowTitle().startsWith(live->scenario().title()));
        // The scenario text is in the editor as a new, untitled scenario that can run live.
        QCOMPARE(w.editor()->text(), live->scenario().sourceText());
        QVERIFY(w.editor()->path().isEmpty());
        QVERIFY(!w.editor()->isModified());
        // The live-only scheduler dock says why it is empty.
        QVERIFY2(w.schedulerPanel()->nextStepText().contains(QStringLiteral("no live scheduler")),
                 qPrintable(w.schedulerPanel()->nextStepText()));
        QVERIFY(w.schedulerPanel()->readyView()->isHidden());
        QVERIFY(w.browser()->recentFiles().contains(QFileInfo(path).absoluteFilePath()));

        // The clock steps the recording; every view reads the shown prefix.
        QVERIFY(w.clockControls()->stepAction()->isEnabled());
        QVERIFY(!w.clockControls()->stepBackAction()->isEnabled());
        w.clockControls()->stepAction()->trigger();
        QCOMPARE(c->steps(), quint64(1));
        QCOMPARE(w.insight()->narrative()->model()->rowCount(), 1);
        QCOMPARE(w.scrubber()->position(), quint64(1));
        QCOMPARE(w.scrubber()->maximum(), quint64(live->trace().size()));
        QVERIFY(w.clockControls()->stepBackAction()->isEnabled());
        w.clockControls()->runToEndAction()->trigger();
        QVERIFY(c->finished());
        // The same views as the live run's window at its end.
        MainWindow liveWindow;
        QVERIFY(liveWindow.openBuiltin(QStringLiteral("race-first-finisher")));
        liveWindow.controller()->runToEnd();
        const widgets::NarrativeModel *narrative = w.insight()->narrative()->model();
        const widgets::NarrativeModel *liveNarrative = liveWindow.insight()->narrative()->model();
        QCOMPARE(narrative->rowCount(), live->trace().size());
        for (int row = 0; row < narrative->rowCount(); ++row)
            QCOMPARE(narrative->index(row).data().toString(), liveNarrative->index(row).data().toString());
        QCOMPARE(w.panel()->timeline()->lanes().size(), liveWindow.panel()->timeline()->lanes().size());
        QCOMPARE(w.insight()->inspector()->task(), live->rootTask());
        QVERIFY(!w.clockControls()->stepAction()->isEnabled());
        const auto labels = w.statusBar()->findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.begin(), labels.end(), [&live](const QLabel *l) {
            return l->text().startsWith(QStringLiteral("Recorded run: %1").arg(live->outcomeText()));
        }));

        // Back by instant, and the scrubber seeks.
        w.clockControls()->stepBackInstantAction()->trigger();
        QCOMPARE(c->now(), engine::Tick(0));
        emit w.scrubber()->seekRequested(3);
        QCOMPARE(c->trace()->formatAll(), live->trace().formatAll().mid(0, 3));
        QCOMPARE(w.insight()->narrative()->model()->rowCount(), 3);
        w.clockControls()->resetAction()->trigger();
        QCOMPARE(c->steps(), quint64(0));
    }

    void theEditorRerunsTheRecordedScenarioLive()
    {
        QTemporaryDir dir;
        const QString path = saveTrace(dir, QStringLiteral("race.json"), QStringLiteral("race-first-finisher"));
        MainWindow w;
        w.openInitial({path});
        QVERIFY(w.controller()->isRecorded());
        w.editor()->rerun();
        QVERIFY(!w.controller()->isRecorded());
        QVERIFY(w.controller()->run());
        QVERIFY(!w.windowTitle().contains(QStringLiteral("recorded")));
        QVERIFY(w.schedulerPanel()->unavailableReason().isEmpty());
        QVERIFY(!w.schedulerPanel()->readyView()->isHidden());
        QCOMPARE(w.schedulerPanel()->timersModel()->rowCount(), 2);   // A's and B's timers at t=0
    }

    void badFilesAreRefusedInABoxAndTheRunStays_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("not JSON") << QByteArray("{ this is not json") << QStringLiteral("not a Taskscope trace");
        QTest::newRow("someone else's JSON") << QByteArray(R"({"traceEvents": []})") << QStringLiteral("not a Taskscope trace");
        QTest::newRow("newer version") << QByteArray(R"({"format": "taskscope-trace", "version": 99, "tasks": [], "scopes": [], "events": []})")
                                       << QStringLiteral("written by a newer Taskscope (trace format version 99)");
        QTest::newRow("damaged events")
            << QByteArray(R"({"format": "taskscope-trace", "version": 1, "tasks": [], "scopes": [], "events": [{"kind": "Exploded", "t": 0}]})")
            << QStringLiteral("damaged trace");
    }

    void badFilesAreRefusedInABoxAndTheRunStays()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("bad.json"), bytes);
        MainWindow w;
        w.openInitial({});
        w.controller()->stepEvent();
        const auto *before = w.controller()->run();
        const QString title = w.windowTitle();
        const QString editorText = w.editor()->text();
        bool opened = true;
        const QString shown = messageWhile([&] { opened = w.openFile(path); });
        QVERIFY(!opened);
        QVERIFY2(shown.contains(message), qPrintable(shown));
        QVERIFY2(shown.contains(path), qPrintable(shown));
        QCOMPARE(w.controller()->run(), before);
        QVERIFY(!w.controller()->isRecorded());
        QCOMPARE(w.controller()->steps(), quint64(1));
        QCOMPARE(w.windowTitle(), title);
        QCOMPARE(w.editor()->text(), editorText);
        QVERIFY(!w.browser()->recentFiles().contains(QFileInfo(path).absoluteFilePath()));
    }

    void aRecordingDroppedOnTheBrowserOpens()
    {
        QTemporaryDir dir;
        const QString path = saveTrace(dir, QStringLiteral("dropped.json"), QStringLiteral("asyncgui-protected-loser"));
        MainWindow w;
        w.openInitial({});
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(w.browser(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(w.browser(), &drop);
        QVERIFY(w.controller()->isRecorded());
        QCOMPARE(w.controller()->sourcePath(), path);
    }

    void theNarrativeExportsAsMarkdownOrSaysWhyNot()
    {
        QTemporaryDir dir;
        const QString path = saveTrace(dir, QStringLiteral("race.json"), QStringLiteral("race-first-finisher"));
        MainWindow w;
        w.openInitial({path});
        NarrativeExport *exporter = w.narrativeExport();
        QVERIFY(exporter->action()->isEnabled());
        auto *file = w.menuBar()->findChild<QMenu *>(QStringLiteral("fileMenu"));
        QVERIFY(file->actions().contains(exporter->action()));

        w.controller()->seekToTime(0);
        const QString md = dir.filePath(QStringLiteral("race.md"));
        QString error;
        QVERIFY2(exporter->exportTo(md, &error), qPrintable(error));
        QFile written(md);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(written.readAll());
        QVERIFY2(text.startsWith(QStringLiteral("# First finisher wins — narrative\n")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("**Outcome:** still running at t=0")));
        QVERIFY(text.contains(QStringLiteral("### t = 0 ms")));
        QVERIFY(!text.contains(QStringLiteral("### t = 1 ms")));   // up to the playhead only
        QCOMPARE(text.count(QStringLiteral("\n- ")), w.controller()->trace()->size());

        const QString nowhere = dir.filePath(QStringLiteral("missing/folder/race.md"));
        QVERIFY(!exporter->exportTo(nowhere, &error));
        QVERIFY2(error.contains(nowhere), qPrintable(error));
        QVERIFY(!QFileInfo::exists(nowhere));
    }
};

QTEST_MAIN(TestRecordedWindow)
#include "tst_recordedwindow.moc"
