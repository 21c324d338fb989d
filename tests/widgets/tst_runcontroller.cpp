// The run controller steps, plays and resets a scenario run; resets are deterministic.

#include "runcontroller.h"

#include "scenarios/scenariorun.h"

#include <QSignalSpy>
#include <QTest>

namespace {

// SC20 in the scenario format: A returns at 1, B (sleep 2) is cancelled at 1.
const char *RaceYaml = R"(version: 1
title: First finisher wins
concept: races
profile: asyncgui
description: A finishes at 1 and wins; B is cancelled.
run:
  wait_any:
    - task: A
      steps:
        - sleep: 1
        - return: A
    - task: B
      steps:
        - sleep: 2
        - return: B
expect:
  tasks:
    A: {outcome: completed, at: 1}
    B: {outcome: cancelled, at: 1}
)";

scenarios::Scenario race()
{
    const scenarios::LoadResult loaded = scenarios::parseScenario(QString::fromUtf8(RaceYaml), QStringLiteral("race.yaml"));
    for (const auto &e : loaded.errors)
        qWarning("%s", qPrintable(e.format()));
    Q_ASSERT(loaded.ok());
    return *loaded.scenario;
}

} // namespace

class TestRunController : public QObject
{
    Q_OBJECT

private slots:
    void loadStartsAPausedRunAtZero()
    {
        RunController c;
        QSignalSpy replaced(&c, &RunController::runReplaced);
        QSignalSpy changed(&c, &RunController::runChanged);
        c.load(race());
        QVERIFY(c.hasRun());
        QCOMPARE(replaced.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(c.now(), engine::Tick(0));
        QVERIFY(!c.finished());
        QVERIFY(!c.playing());
    }

    void stepRunsOneEventAndSignals()
    {
        RunController c;
        c.load(race());
        QSignalSpy changed(&c, &RunController::runChanged);
        const quint64 before = c.steps();
        c.stepEvent();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(c.steps(), before + 1);
        QCOMPARE(c.now(), engine::Tick(1));   // nothing was ready: the clock jumped to A's wake-up
    }

    void stepInstantRunsTheWholeInstant()
    {
        RunController c;
        c.load(race());
        c.stepInstant();
        QCOMPARE(c.now(), engine::Tick(1));
        QVERIFY(!c.run()->runtime().scheduler().hasReady());
        QVERIFY(c.finished());
    }

    void runToEndFinishesAndTheExpectationsHold()
    {
        RunController c;
        c.load(race());
        c.runToEnd();
        QVERIFY(c.finished());
        QVERIFY(c.idle());
        QVERIFY(c.run()->checkExpectations().empty());
        QSignalSpy changed(&c, &RunController::runChanged);
        c.stepEvent();   // nothing left: no change, no signal
        QCOMPARE(changed.count(), 0);
    }

    void resetReplaysTheSameRunFromZero()
    {
        RunController c;
        c.load(race());
        c.runToEnd();
        const QStringList first = c.run()->trace().formatAll();
        QSignalSpy replaced(&c, &RunController::runReplaced);
        c.reset();
        QCOMPARE(replaced.count(), 1);
        QCOMPARE(c.now(), engine::Tick(0));
        QCOMPARE(c.steps(), quint64(0));
        QVERIFY(!c.finished());
        c.runToEnd();
        QCOMPARE(c.run()->trace().formatAll(), first);
    }

    void playAdvancesUnderTheEventLoopUntilTheEnd()
    {
        RunController c;
        c.load(race());
        c.driver().setSpeed(200);
        QSignalSpy playing(&c, &RunController::playingChanged);
        c.play();
        QVERIFY(c.playing());
        QTRY_VERIFY_WITH_TIMEOUT(c.finished(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!c.playing(), 5000);
        QCOMPARE(playing.count(), 2);
    }
};

QTEST_MAIN(TestRunController)
#include "tst_runcontroller.moc"
