// The main window opens scenarios, shows load errors instead of crashing, and wires the clock.

#include "mainwindow.h"
#include "runcontroller.h"

#include "scenarios/scenariorun.h"
#include "widgets/clockcontrols.h"
#include "widgets/durationedit.h"
#include "widgets/runscrubber.h"
#include "widgets/schedulermodel.h"
#include "widgets/schedulerpanel.h"
#include "widgets/timelinepanel.h"
#include "widgets/timelineview.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMessageBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>


class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
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

    void aBrokenFileShowsItsDiagnosticsAndKeepsTheRun()
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
        QString shown;
        QTimer::singleShot(0, [&shown] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                shown = box->text() + QLatin1Char('\n') + box->informativeText();
                box->done(QMessageBox::Ok);
            }
        });
        QVERIFY(!w.openFile(path));
        QVERIFY(shown.contains(QStringLiteral("broken.yaml:")));
        QVERIFY(shown.contains(QStringLiteral(":3:")));   // file:line:col of the bad key
        QCOMPARE(w.controller()->run(), before);
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
