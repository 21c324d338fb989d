// The main window opens scenarios, shows load errors instead of crashing, and wires the clock,
// the scenario browser and the editor.

#include "appsettings.h"
#include "apptheme.h"
#include "mainwindow.h"
#include "insightdocks.h"
#include "presentationmode.h"
#include "recentfilesmenu.h"
#include "runcontroller.h"
#include "shortcutsdialog.h"

#include "scenarios/scenariorun.h"
#include "widgets/clockcontrols.h"
#include "widgets/durationedit.h"
#include "widgets/inspectorpanel.h"
#include "widgets/narrativemodel.h"
#include "widgets/narrativeview.h"
#include "widgets/runscrubber.h"
#include "widgets/schedulermodel.h"
#include "widgets/schedulerpanel.h"
#include "widgets/scenariobrowser.h"
#include "widgets/scenariodrophandler.h"
#include "widgets/scenarioeditor.h"
#include "widgets/scenariotextedit.h"
#include "widgets/timelinepanel.h"
#include "widgets/timelineview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QUrl>

namespace {

QString writeScenario(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(text);
    return path;
}

// A minimal valid scenario (a copy of a built-in, so it stays valid as the format grows).
QByteArray builtinText(const QString &id)
{
    QFile file(scenarios::findBuiltin(id)->path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QAction *findAction(const QWidget &w, const QString &objectName)
{
    return w.findChild<QAction *>(objectName);
}

} // namespace

#include <algorithm>


class TestMainWindow : public QObject
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
        QApplication::setPalette(QPalette());
    }

    void opensTheIntroductoryRaceWithoutArguments()
    {
        const auto intro = scenarios::findBuiltin(QStringLiteral("race-first-finisher"));
        QVERIFY(intro);
        MainWindow w;
        w.openInitial({});
        QVERIFY(w.controller()->hasRun());
        QVERIFY(w.windowTitle().startsWith(intro->title));
        QVERIFY(w.panel()->timeline()->lanes().size() >= 1);
    }

    void aBrokenFileOpensInTheEditorWithItsDiagnosticsAndKeepsTheRun()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("version: 1\ntitle: broken\nrnu: {}\n");
        file.close();

        MainWindow w;
        w.openInitial({});
        const auto *before = w.controller()->run();
        QVERIFY(!w.openFile(path));
        QCOMPARE(w.editor()->path(), path);
        QCOMPARE(w.editor()->text(), QStringLiteral("version: 1\ntitle: broken\nrnu: {}\n"));
        QVERIFY(!w.editor()->diagnostics().empty());
        const auto &found = w.editor()->diagnostics();
        QVERIFY(std::any_of(found.begin(), found.end(), [](const scenarios::Diagnostic &d) {
            return d.where.line == 3 && d.where.column == 1 && d.message.contains(QStringLiteral("rnu"));
        }));   // the bad key
        QCOMPARE(w.controller()->run(), before);
        QVERIFY(!w.browser()->recentFiles().contains(path));
    }

    void anUnreadableFileIsReportedInABox()
    {
        MainWindow w;
        w.openInitial({});
        QString shown;
        QTimer::singleShot(0, [&shown] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                shown = box->text() + QLatin1Char('\n') + box->informativeText();
                box->done(QMessageBox::Ok);
            }
        });
        QVERIFY(!w.openFile(QStringLiteral("/nonexistent/nothing.yaml")));
        QVERIFY(shown.contains(QStringLiteral("nothing.yaml")));
    }

    void theEditorShowsTheOpenScenarioAndRerunsItsText()
    {
        MainWindow w;
        w.openInitial({});
        QVERIFY(w.findChild<QDockWidget *>(QStringLiteral("browserDock")));
        QVERIFY(w.findChild<QDockWidget *>(QStringLiteral("editorDock")));
        QCOMPARE(w.editor()->path(), QStringLiteral(":/scenarios/race-first-finisher.yaml"));
        QString text = w.editor()->text();
        text.replace(QStringLiteral("title: First finisher wins"), QStringLiteral("title: Edited race"));
        w.editor()->textEdit()->selectAll();
        w.editor()->textEdit()->insertPlainText(text);
        w.editor()->rerunAction()->trigger();
        QCOMPARE(w.controller()->scenario()->title(), QStringLiteral("Edited race"));
        QVERIFY(w.windowTitle().startsWith(QStringLiteral("Edited race")));
        QVERIFY(w.editor()->isModified());

        // Closing asks about the edits; Cancel keeps the window.
        QTimer::singleShot(0, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->button(QMessageBox::Cancel)->click();
        });
        QCloseEvent close;
        QApplication::sendEvent(&w, &close);
        QVERIFY(!close.isAccepted());
    }

    void keyboardShortcutsDriveTheRun()
    {
        MainWindow w;
        w.openInitial({});
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.panel()->tree()->setFocus();
        const quint64 before = w.controller()->steps();
        QTest::keyClick(w.panel()->tree(), Qt::Key_F10);
        QCOMPARE(w.controller()->steps(), before + 1);
        QTest::keyClick(w.panel()->tree(), Qt::Key_F10, Qt::ShiftModifier);
        QCOMPARE(w.controller()->steps(), before);
        QTest::keyClick(w.panel()->tree(), Qt::Key_End, Qt::ControlModifier);
        QVERIFY(w.controller()->idle());
        QVERIFY(w.statusBar()->findChildren<QLabel *>().size() >= 2);
        QTest::keyClick(w.panel()->tree(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(w.controller()->steps(), quint64(0));
    }

    void anOpenedFileBecomesRecentAndReopensNextTime()
    {
        QTemporaryDir dir;
        const QString path = writeScenario(dir, QStringLiteral("mine.yaml"), builtinText(QStringLiteral("trio-nursery-start-waits-for-started")));
        QVERIFY(!path.isEmpty());
        {
            MainWindow w;
            w.openInitial({});
            QVERIFY(w.openFile(path));
        }
        QCOMPARE(AppSettings().recentFiles(), QStringList{QFileInfo(path).absoluteFilePath()});
        MainWindow again;
        again.openInitial({});
        QCOMPARE(again.controller()->scenario()->sourcePath(), QFileInfo(path).absoluteFilePath());
    }

    void filesDroppedOnTheBrowserAreRecentEverywhereAndClearingEmptiesBoth()
    {
        QTemporaryDir dir;
        const QByteArray text = builtinText(QStringLiteral("race-first-finisher"));
        const QString a = writeScenario(dir, QStringLiteral("a.yaml"), text);
        const QString b = writeScenario(dir, QStringLiteral("b.yaml"), text);
        MainWindow w;
        w.openInitial({});
        emit w.browser()->dropHandler()->filesDropped({a, b});
        QCOMPARE(w.controller()->scenario()->sourcePath(), QFileInfo(a).absoluteFilePath());
        // Both dropped files are recent, in the settings (File ▸ Open recent) as in the browser.
        const QStringList expected{QFileInfo(a).absoluteFilePath(), QFileInfo(b).absoluteFilePath()};
        QCOMPARE(AppSettings().recentFiles(), expected);
        QCOMPARE(w.browser()->recentFiles(), expected);

        auto *recent = w.findChild<RecentFilesMenu *>();
        QVERIFY(recent);
        emit recent->aboutToShow();
        QAction *clear = nullptr;
        for (QAction *action : recent->actions())
            if (action->text() == QStringLiteral("&Clear list"))
                clear = action;
        QVERIFY(clear && clear->isEnabled());
        clear->trigger();
        QVERIFY(AppSettings().recentFiles().isEmpty());
        QVERIFY(w.browser()->recentFiles().isEmpty());
    }

    void theLastBuiltinReopensNextTime()
    {
        {
            MainWindow w;
            w.openInitial({});
            QVERIFY(w.openBuiltin(QStringLiteral("asyncgui-protected-loser")));
        }
        MainWindow again;
        again.openInitial({});
        QVERIFY(again.controller()->scenario()->sourcePath().endsWith(QStringLiteral("asyncgui-protected-loser.yaml")));
    }

    void recentFilesKeepTheNewestTenOnce()
    {
        AppSettings settings;
        for (int i = 0; i < 12; ++i)
            settings.addRecentFile(QStringLiteral("/tmp/f%1.yaml").arg(i));
        settings.addRecentFile(QStringLiteral("/tmp/f5.yaml"));
        settings.addRecentFile(QStringLiteral(":/scenarios/x.yaml"));   // a built-in: not a recent file
        const QStringList files = settings.recentFiles();
        QCOMPARE(files.size(), AppSettings::MaxRecentFiles);
        QCOMPARE(files.front(), QStringLiteral("/tmp/f5.yaml"));
        QCOMPARE(files.count(QStringLiteral("/tmp/f5.yaml")), 1);
        QCOMPARE(files.at(1), QStringLiteral("/tmp/f11.yaml"));
        QVERIFY(!files.contains(QStringLiteral("/tmp/f0.yaml")));
    }

    void theWindowLayoutPersists()
    {
        {
            MainWindow w;
            w.openInitial({});
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.clockControls()->hide();
            w.close();
        }
        MainWindow again;
        again.openInitial({});
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QVERIFY(again.clockControls()->isHidden());
    }

    void presentationModeEnlargesTypeKeepsTheControlsAndRestoresEverything()
    {
        MainWindow w;
        w.openInitial({});
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *other = new QToolBar(QStringLiteral("other"), &w);
        other->setObjectName(QStringLiteral("otherBar"));
        w.addToolBar(other);
        other->show();
        const QFont before = QApplication::font();
        const QColor base = w.panel()->timeline()->palette().color(QPalette::WindowText);

        QAction *present = findAction(w, QStringLiteral("presentationAction"));
        QVERIFY(present);
        QVERIFY(present->shortcuts().contains(QKeySequence(Qt::Key_F5)));
        present->trigger();
        QVERIFY(w.presentation()->isActive());
        QVERIFY(other->isHidden());
        QVERIFY(!w.clockControls()->isHidden());
        QVERIFY(!w.panel()->isHidden());
        QVERIFY(QApplication::font().pointSizeF() > before.pointSizeF() * 1.5);
        QCOMPARE(QApplication::palette().color(QPalette::WindowText), QColor(Qt::black));

        QTest::keyClick(&w, Qt::Key_Escape);
        QVERIFY(!w.presentation()->isActive());
        QVERIFY(!present->isChecked());
        QVERIFY(!other->isHidden());
        QCOMPARE(QApplication::font(), before);
        QCOMPARE(w.panel()->timeline()->palette().color(QPalette::WindowText), base);
    }

    void theDarkThemeReachesTheTimelineAndPersists()
    {
        {
            MainWindow w;
            w.openInitial({});
            w.show();   // palette changes reach the widgets of a window through its platform window
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QAction *dark = nullptr;
            for (QAction *a : w.findChildren<QAction *>())
                if (a->text() == QStringLiteral("&Dark"))
                    dark = a;
            QVERIFY(dark);
            dark->trigger();
            QApplication::processEvents();
            QVERIFY(AppTheme::isDark(w.panel()->timeline()->palette()));
        }
        QCOMPARE(AppSettings().theme(), AppSettings::Theme::Dark);
        QApplication::setPalette(QPalette());
        MainWindow again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QApplication::processEvents();
        QVERIFY(AppTheme::isDark(again.panel()->timeline()->palette()));
    }

    void droppingAScenarioFileOpensIt()
    {
        QTemporaryDir dir;
        const QString path = writeScenario(dir, QStringLiteral("dropped.yaml"), builtinText(QStringLiteral("asyncgui-protected-loser")));
        MainWindow w;
        w.openInitial({});
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &drop);
        QCOMPARE(w.controller()->scenario()->sourcePath(), path);

        QMimeData text;
        text.setUrls({QUrl::fromLocalFile(dir.filePath(QStringLiteral("notes.txt")))});
        QDragEnterEvent refused(QPoint(10, 10), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
        refused.setAccepted(false);
        QApplication::sendEvent(&w, &refused);
        QVERIFY(!refused.isAccepted());
    }

    void theShortcutListComesFromTheMenus()
    {
        MainWindow w;
        const QStringList rows = ShortcutsDialog::rows(w.menuBar());
        QVERIFY(rows.contains(QStringLiteral("Presentation mode\tF5, Ctrl+Shift+P")));
        QVERIFY(std::any_of(rows.begin(), rows.end(), [](const QString &r) { return r.startsWith(QStringLiteral("Open…\t")); }));
        QVERIFY(rows.contains(QStringLiteral("Find task…\tCtrl+F")));
        // The editor's save and re-run are in the menus too (their keys act in the text).
        QVERIFY(std::any_of(rows.begin(), rows.end(), [](const QString &r) { return r.endsWith(QStringLiteral("\tCtrl+S")); }));
        QVERIFY(std::any_of(rows.begin(), rows.end(), [](const QString &r) { return r.endsWith(QStringLiteral("\tCtrl+R")); }));
    }

    void theNarrativeAndTheInspectorFollowTheRunAndMoveThePlayhead()
    {
        MainWindow w;
        w.openInitial({});   // the race: A wins at t=1, B is cancelled
        RunController *c = w.controller();
        c->runToEnd();
        widgets::InspectorPanel *inspector = w.insight()->inspector();
        widgets::NarrativeView *narrative = w.insight()->narrative();
        QCOMPARE(inspector->task(), c->run()->rootTask());
        QCOMPARE(narrative->model()->rowCount(), c->run()->trace().size());

        const engine::TaskId b = 2;
        w.panel()->selectTask(b);
        QCOMPARE(inspector->task(), b);
        QVERIFY2(inspector->whyText().contains(QStringLiteral("A")), qPrintable(inspector->whyText()));

        // Clicking the sentence of event 5 (t=0) replays the run to it: the playhead moves back.
        const quint64 before = c->steps();
        emit narrative->eventActivated(5, 0);
        QVERIFY(c->steps() < before);
        QCOMPARE(c->now(), engine::Tick(0));
        QVERIFY(c->run()->trace().size() > 5);
        QCOMPARE(narrative->model()->rowCount(), c->run()->trace().size());
        QCOMPARE(inspector->task(), b);   // the selection survives the replay
    }

    void theScrubberAndTheSchedulerPanelFollowTheRun()
    {
        MainWindow w;
        w.openInitial({});
        auto *dock = w.findChild<QDockWidget *>(QStringLiteral("schedulerDock"));
        QVERIFY(dock);
        QCOMPARE(dock->widget(), w.schedulerPanel());
        RunController *c = w.controller();
        QCOMPARE(w.scrubber()->maximum(), c->stepTable().lastStep());
        QVERIFY(w.scrubber()->maximum() > 0);
        // The race at t=0: A's and B's timers.
        QCOMPARE(w.schedulerPanel()->timersModel()->rowCount(), 2);
        c->stepEvent();
        QCOMPARE(w.scrubber()->position(), quint64(1));
        QVERIFY(w.clockControls()->stepBackAction()->isEnabled());
        // Seeking from the scrubber moves the run; the panel reads the replaced run.
        emit w.scrubber()->seekRequested(0);
        QCOMPARE(c->steps(), quint64(0));
        QCOMPARE(w.schedulerPanel()->timersModel()->rowCount(), 2);
        QVERIFY(!w.clockControls()->stepBackAction()->isEnabled());
        w.clockControls()->runToEdit()->setText(QStringLiteral("1"));
        w.clockControls()->runToTimeAction()->trigger();
        QCOMPARE(c->now(), engine::Tick(1));
        QVERIFY(c->idle());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
