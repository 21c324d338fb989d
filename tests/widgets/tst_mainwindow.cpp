// The main window opens scenarios, shows load errors instead of crashing, and wires the clock.

#include "mainwindow.h"
#include "runcontroller.h"

#include "scenarios/scenariorun.h"
#include "widgets/clockcontrols.h"
#include "widgets/timelinepanel.h"
#include "widgets/timelineview.h"

#include <QAction>
#include <QApplication>
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
        QTest::keyClick(w.panel()->tree(), Qt::Key_Right);
        QCOMPARE(w.controller()->steps(), before + 1);
        QTest::keyClick(w.panel()->tree(), Qt::Key_End);
        QVERIFY(w.controller()->idle());
        QVERIFY(w.statusBar()->findChildren<QLabel *>().size() >= 2);
        QTest::keyClick(w.panel()->tree(), Qt::Key_R, Qt::ControlModifier);
        QCOMPARE(w.controller()->steps(), quint64(0));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
