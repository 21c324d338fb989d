// The main window opens scenarios, shows load errors instead of crashing, and wires the clock,
// the scenario browser and the editor.

#include "mainwindow.h"
#include "runcontroller.h"

#include "scenarios/scenariorun.h"
#include "widgets/clockcontrols.h"
#include "widgets/scenariobrowser.h"
#include "widgets/scenarioeditor.h"
#include "widgets/scenariotextedit.h"
#include "widgets/timelinepanel.h"
#include "widgets/timelineview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <algorithm>


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

    void initTestCase()
    {
        // Recent files are kept in QSettings: not in the user's own.
        QStandardPaths::setTestModeEnabled(true);
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
