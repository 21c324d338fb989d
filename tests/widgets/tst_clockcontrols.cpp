// The clock tool bar only emits requests, shows the time and disables what cannot run.

#include "testruns.h"

#include "widgets/clockcontrols.h"

#include <QAction>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

using widgets::ClockControls;

class TestClockControls : public QObject
{
    Q_OBJECT

private slots:
    void actionsEmitRequestsOnly()
    {
        ClockControls controls;
        controls.setRunLoaded(true);
        QSignalSpy step(&controls, &ClockControls::stepRequested);
        QSignalSpy instant(&controls, &ClockControls::stepInstantRequested);
        QSignalSpy end(&controls, &ClockControls::runToEndRequested);
        QSignalSpy play(&controls, &ClockControls::playRequested);
        QSignalSpy pause(&controls, &ClockControls::pauseRequested);
        QSignalSpy reset(&controls, &ClockControls::resetRequested);
        controls.stepAction()->trigger();
        controls.stepInstantAction()->trigger();
        controls.runToEndAction()->trigger();
        controls.resetAction()->trigger();
        controls.playAction()->trigger();
        QCOMPARE(step.count(), 1);
        QCOMPARE(instant.count(), 1);
        QCOMPARE(end.count(), 1);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(play.count(), 1);
        // Not playing until the controller says so.
        QVERIFY(!controls.playAction()->isChecked());
        controls.setPlaying(true);
        controls.playAction()->trigger();
        QCOMPARE(pause.count(), 1);
        QCOMPARE(controls.playAction()->text(), QStringLiteral("Pause"));
    }

    void shortcutsAreTheDocumentedKeys()
    {
        ClockControls controls;
        QCOMPARE(controls.stepAction()->shortcut(), QKeySequence(Qt::Key_Right));
        QCOMPARE(controls.stepInstantAction()->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_Right));
        QCOMPARE(controls.runToEndAction()->shortcut(), QKeySequence(Qt::Key_End));
        QCOMPARE(controls.playAction()->shortcut(), QKeySequence(Qt::Key_Space));
        QCOMPARE(controls.resetAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));
        QVERIFY(controls.stepAction()->toolTip().contains(QStringLiteral("Right")));
    }

    void finishedRunDisablesTheForwardVerbsButNotReset()
    {
        ClockControls controls;
        QVERIFY(!controls.resetAction()->isEnabled());
        controls.setRunLoaded(true);
        QVERIFY(controls.stepAction()->isEnabled());
        controls.setFinished(true);
        QVERIFY(!controls.stepAction()->isEnabled());
        QVERIFY(!controls.runToEndAction()->isEnabled());
        QVERIFY(!controls.playAction()->isEnabled());
        QVERIFY(controls.resetAction()->isEnabled());
    }

    void showsTheVirtualTimeAndTheNextStep()
    {
        ClockControls controls;
        controls.setNow(12);
        const auto labels = controls.findChildren<QLabel *>();
        QStringList texts;
        for (const QLabel *l : labels)
            texts << l->text();
        QVERIFY(texts.contains(QStringLiteral("t = 12")));

        auto rt = testruns::waitAnyAB();
        QCOMPARE(ClockControls::describeNextStep(*rt), QStringLiteral("next: wake A at t=1"));
        rt->scheduler().runUntilIdle();
        QCOMPARE(ClockControls::describeNextStep(*rt), QStringLiteral("nothing left to run"));
    }
};

QTEST_MAIN(TestClockControls)
#include "tst_clockcontrols.moc"
