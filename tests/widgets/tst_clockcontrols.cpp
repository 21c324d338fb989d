// The clock tool bar only emits requests, shows the time and disables what cannot run.

#include "testruns.h"

#include "widgets/clockcontrols.h"
#include "widgets/durationedit.h"

#include <QAction>
#include <QComboBox>
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

    void shortcutsAreTheDocumentedKeys_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QKeySequence>("key");
        QTest::newRow("step") << "stepAction" << QKeySequence(Qt::Key_F10);
        QTest::newRow("step back") << "stepBackAction" << QKeySequence(Qt::SHIFT | Qt::Key_F10);
        QTest::newRow("step instant") << "stepInstantAction" << QKeySequence(Qt::Key_F11);
        QTest::newRow("back an instant") << "stepBackInstantAction" << QKeySequence(Qt::SHIFT | Qt::Key_F11);
        QTest::newRow("advance by") << "advanceByAction" << QKeySequence(Qt::CTRL | Qt::Key_F10);
        QTest::newRow("run to") << "runToTimeAction" << QKeySequence(Qt::CTRL | Qt::Key_G);
        QTest::newRow("run to end") << "runToEndAction" << QKeySequence(Qt::CTRL | Qt::Key_End);
        QTest::newRow("play") << "playAction" << QKeySequence(Qt::Key_Space);
        QTest::newRow("faster") << "fasterAction" << QKeySequence(Qt::CTRL | Qt::Key_BracketRight);
        QTest::newRow("slower") << "slowerAction" << QKeySequence(Qt::CTRL | Qt::Key_BracketLeft);
        // Not Ctrl+R: the scenario editor re-runs with it.
        QTest::newRow("reset") << "resetAction" << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R);
    }
    void shortcutsAreTheDocumentedKeys()
    {
        QFETCH(QString, action);
        QFETCH(QKeySequence, key);
        ClockControls controls;
        const QHash<QString, QAction *> all{
            {QStringLiteral("stepAction"), controls.stepAction()},
            {QStringLiteral("stepBackAction"), controls.stepBackAction()},
            {QStringLiteral("stepInstantAction"), controls.stepInstantAction()},
            {QStringLiteral("stepBackInstantAction"), controls.stepBackInstantAction()},
            {QStringLiteral("advanceByAction"), controls.advanceByAction()},
            {QStringLiteral("runToTimeAction"), controls.runToTimeAction()},
            {QStringLiteral("runToEndAction"), controls.runToEndAction()},
            {QStringLiteral("playAction"), controls.playAction()},
            {QStringLiteral("fasterAction"), controls.fasterAction()},
            {QStringLiteral("slowerAction"), controls.slowerAction()},
            {QStringLiteral("resetAction"), controls.resetAction()}};
        QAction *a = all.value(action);
        QVERIFY(a);
        QCOMPARE(a->shortcut(), key);
        // Every verb says what it does and names its key (the speed pair in the speed box's tip).
        const QString tip = a == controls.fasterAction() || a == controls.slowerAction()
            ? controls.speedBox()->toolTip() : a->toolTip();
        QVERIFY2(tip.contains(key.toString(QKeySequence::NativeText)), qPrintable(tip));
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
        QVERIFY(!controls.advanceByAction()->isEnabled());
        QVERIFY(controls.runToTimeAction()->isEnabled());   // it can go back
    }

    void backVerbsNeedAnEarlierPosition()
    {
        ClockControls controls;
        controls.setRunLoaded(true);
        QVERIFY(!controls.stepBackAction()->isEnabled());
        QVERIFY(!controls.stepBackInstantAction()->isEnabled());
        controls.setCanStepBack(true);
        QVERIFY(controls.stepBackAction()->isEnabled());
        QVERIFY(controls.stepBackInstantAction()->isEnabled());
        controls.setFinished(true);   // at the end there is still a way back
        QVERIFY(controls.stepBackAction()->isEnabled());
        controls.setRunLoaded(false);
        QVERIFY(!controls.stepBackAction()->isEnabled());
        QVERIFY(!controls.runToTimeAction()->isEnabled());
    }

    void backVerbsEmitRequests()
    {
        ClockControls controls;
        controls.setRunLoaded(true);
        controls.setCanStepBack(true);
        QSignalSpy back(&controls, &ClockControls::stepBackRequested);
        QSignalSpy backInstant(&controls, &ClockControls::stepBackInstantRequested);
        controls.stepBackAction()->trigger();
        controls.stepBackInstantAction()->trigger();
        QCOMPARE(back.count(), 1);
        QCOMPARE(backInstant.count(), 1);
    }

    void durationEntriesAcceptTheScenarioFormatsDurations()
    {
        ClockControls controls;
        controls.setRunLoaded(true);
        QSignalSpy advance(&controls, &ClockControls::advanceByRequested);
        QSignalSpy runTo(&controls, &ClockControls::runToTimeRequested);
        controls.advanceByEdit()->setText(QStringLiteral("250ms"));
        controls.advanceByAction()->trigger();
        controls.advanceByEdit()->setText(QStringLiteral("2s"));
        QTest::keyClick(controls.advanceByEdit(), Qt::Key_Return);
        QCOMPARE(advance.count(), 2);
        QCOMPARE(advance.at(0).at(0).value<engine::Tick>(), engine::Tick(250));
        QCOMPARE(advance.at(1).at(0).value<engine::Tick>(), engine::Tick(2000));
        controls.runToEdit()->setText(QStringLiteral("3"));
        controls.runToTimeAction()->trigger();
        QCOMPARE(runTo.count(), 1);
        QCOMPARE(runTo.at(0).at(0).value<engine::Tick>(), engine::Tick(3));

        // Not a duration: nothing is requested, and the tooltip says why.
        controls.advanceByEdit()->setText(QStringLiteral("soon"));
        QVERIFY(!controls.advanceByEdit()->value());
        QVERIFY(controls.advanceByEdit()->toolTip().contains(QStringLiteral("invalid duration")));
        controls.advanceByAction()->trigger();
        QTest::keyClick(controls.advanceByEdit(), Qt::Key_Return);
        QCOMPARE(advance.count(), 2);
        controls.runToEdit()->clear();
        controls.runToTimeAction()->trigger();
        QCOMPARE(runTo.count(), 1);
    }

    void speedFollowsTheControllerAndStepsThroughTheOfferedSpeeds()
    {
        ClockControls controls;
        QSignalSpy speed(&controls, &ClockControls::speedRequested);
        controls.setSpeed(10);
        QCOMPARE(controls.speedBox()->currentData().toDouble(), 10.0);
        QCOMPARE(speed.count(), 0);   // showing a speed requests nothing
        controls.fasterAction()->trigger();
        QCOMPARE(speed.count(), 1);
        QCOMPARE(speed.at(0).at(0).toDouble(), 20.0);
        controls.slowerAction()->trigger();
        QCOMPARE(speed.at(1).at(0).toDouble(), 5.0);   // from the shown 10: the controller did not answer
        controls.setSpeed(ClockControls::speeds().constLast());
        QVERIFY(!controls.fasterAction()->isEnabled());
        QVERIFY(controls.slowerAction()->isEnabled());
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
