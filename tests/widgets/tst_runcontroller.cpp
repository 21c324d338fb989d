// The run controller steps, plays and resets a scenario run; resets are deterministic.

#include "runcontroller.h"

#include "scenarios/scenariorun.h"

#include <QRegularExpression>
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

// A task that sleeps 1 a thousand times: with a step limit of 50 it "never" ends.
const char *EndlessYaml = R"(version: 1
title: Endless
concept: races
profile: asyncgui
description: Sleeps far longer than the step limit allows.
run:
  task: ticker
  steps:
    - repeat: {times: 1000, steps: [{sleep: 1}]}
)";

scenarios::Scenario parse(const char *yaml)
{
    const scenarios::LoadResult loaded = scenarios::parseScenario(QString::fromUtf8(yaml), QStringLiteral("test.yaml"));
    for (const auto &e : loaded.errors)
        qWarning("%s", qPrintable(e.format()));
    Q_ASSERT(loaded.ok());
    return *loaded.scenario;
}

scenarios::Scenario race()
{
    return parse(RaceYaml);
}

// trio-util: wait_all(race = wait_any(A:1, B:2), C:3). Deferred starts put several steps at t=0,
// and its instants are 0, 1 and 3.
scenarios::Scenario nested()
{
    const auto builtin = scenarios::findBuiltin(QStringLiteral("trio-util-wait-any-all"));
    Q_ASSERT(builtin);
    const scenarios::LoadResult loaded = scenarios::loadScenarioFile(builtin->path);
    Q_ASSERT(loaded.ok());
    return *loaded.scenario;
}

// What a run looks like after exactly `steps` scheduler steps, run directly without a controller.
struct Direct
{
    QStringList trace;
    engine::Tick now;
};
Direct directRun(const scenarios::Scenario &scenario, quint64 steps)
{
    scenarios::ScenarioRun run(scenario);
    for (quint64 n = 0; n < steps; ++n)
        run.scheduler().step();
    return {run.trace().formatAll(), run.runtime().now()};
}
Direct directRunTo(const scenarios::Scenario &scenario, engine::Tick t)
{
    scenarios::ScenarioRun run(scenario);
    run.scheduler().advanceTo(t);
    return {run.trace().formatAll(), run.runtime().now()};
}
quint64 totalSteps(const scenarios::Scenario &scenario)
{
    scenarios::ScenarioRun run(scenario);
    return run.scheduler().runUntilIdle();
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

    // Time travel ---------------------------------------------------------------------------

    void lookAheadKnowsTheWholeRunButLeavesTheLiveRunAtZero()
    {
        RunController c;
        QSignalSpy table(&c, &RunController::stepTableChanged);
        c.load(nested());
        QCOMPARE(table.count(), 1);
        const engine::StepTable &t = c.stepTable();
        QVERIFY(t.isComplete());
        QCOMPARE(t.endTime(), engine::Tick(3));
        QCOMPARE(t.lastStep(), totalSteps(nested()));
        QCOMPARE(t.timeAt(0), engine::Tick(0));
        QCOMPARE(c.steps(), quint64(0));
        QCOMPARE(c.now(), engine::Tick(0));
        QVERIFY(!c.canStepBack());
        // The recorded trace sizes are the run's own.
        c.runToEnd();
        QCOMPARE(t.traceSizeAt(t.lastStep()), c.run()->trace().size());
    }

    void stepBackGivesExactlyTheRunOfOneStepLess_data()
    {
        QTest::addColumn<quint64>("steps");
        const quint64 total = totalSteps(nested());
        QVERIFY(total >= 4);
        for (quint64 n = 1; n <= total; ++n)
            QTest::addRow("after %llu steps", static_cast<unsigned long long>(n)) << n;
    }
    void stepBackGivesExactlyTheRunOfOneStepLess()
    {
        QFETCH(quint64, steps);
        RunController c;
        c.load(nested());
        for (quint64 n = 0; n < steps; ++n)
            c.stepEvent();
        QCOMPARE(c.steps(), steps);
        QSignalSpy replaced(&c, &RunController::runReplaced);
        QSignalSpy changed(&c, &RunController::runChanged);
        c.stepBackEvent();
        QCOMPARE(replaced.count(), 1);
        QCOMPARE(changed.count(), 1);
        const Direct direct = directRun(nested(), steps - 1);
        QCOMPARE(c.steps(), steps - 1);
        QCOMPARE(c.now(), direct.now);
        QCOMPARE(c.run()->trace().formatAll(), direct.trace);
    }

    void stepBackInstantGoesToTheEndOfThePreviousInstant()
    {
        RunController c;
        c.load(nested());
        c.runToEnd();
        QCOMPARE(c.now(), engine::Tick(3));
        c.stepBackInstant();
        QCOMPARE(c.now(), engine::Tick(1));
        QCOMPARE(c.steps(), c.stepTable().lastStepAtOrBefore(1));
        QCOMPARE(c.run()->trace().formatAll(), directRunTo(nested(), 1).trace);
        c.stepBackInstant();
        QCOMPARE(c.now(), engine::Tick(0));
        QCOMPARE(c.steps(), c.stepTable().lastStepAtOrBefore(0));
        QVERIFY(c.steps() > 0);   // trio starts its tasks on later turns of t=0
        QCOMPARE(c.run()->trace().formatAll(), directRunTo(nested(), 0).trace);
        c.stepBackInstant();   // from the end of t=0 there is only the start
        QCOMPARE(c.steps(), quint64(0));
        QVERIFY(!c.canStepBack());
    }

    void stepBackInstantFromTheMiddleOfAnInstantGoesToItsStart()
    {
        RunController c;
        c.load(nested());
        c.seekToStep(c.stepTable().lastStepAtOrBefore(0) + 1);   // the first step of t=1
        QCOMPARE(c.now(), engine::Tick(1));
        c.stepBackInstant();
        QCOMPARE(c.now(), engine::Tick(0));
        QCOMPARE(c.steps(), c.stepTable().lastStepAtOrBefore(0));
    }

    void backAtStepZeroDoesNothing()
    {
        RunController c;
        c.load(nested());
        const auto *before = c.run();
        QSignalSpy changed(&c, &RunController::runChanged);
        c.stepBackEvent();
        c.stepBackInstant();
        c.seekToStep(0);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(c.run(), before);
        QCOMPARE(c.steps(), quint64(0));
    }

    void seekToEventStopsRightAfterTheStepThatRecordsIt()
    {
        RunController c;
        c.load(nested());
        c.runToEnd();
        const QStringList all = c.run()->trace().formatAll();
        const qsizetype completed = all.indexOf(QRegularExpression(QStringLiteral("t=1 A completed .*")));   // an exact match
        QVERIFY2(completed > 0, qPrintable(all.join(QLatin1Char('\n'))));
        c.seekToEvent(engine::EventId(completed));
        const QStringList shown = c.run()->trace().formatAll();
        QVERIFY(shown.size() > completed);
        QCOMPARE(shown.at(completed), all.at(completed));
        // One step less and the event is not there yet.
        QVERIFY(directRun(nested(), c.steps() - 1).trace.size() <= completed);
        QCOMPARE(c.now(), engine::Tick(1));
        // Forwards works too (from the start), and an event the run never records does nothing.
        c.reset();
        c.seekToEvent(engine::EventId(completed));
        QCOMPARE(c.run()->trace().formatAll(), shown);
        const quint64 here = c.steps();
        c.seekToEvent(engine::EventId(all.size() + 10));
        QCOMPARE(c.steps(), here);
    }

    void seekToTimeShowsTheEndOfThatInstantWithTheClockThere_data()
    {
        QTest::addColumn<engine::Tick>("time");
        for (engine::Tick t : {0, 1, 2, 3, 7})
            QTest::addRow("t=%lld", static_cast<long long>(t)) << t;
    }
    void seekToTimeShowsTheEndOfThatInstantWithTheClockThere()
    {
        QFETCH(engine::Tick, time);
        const Direct direct = directRunTo(nested(), time);
        QCOMPARE(direct.now, time);
        for (const bool fromTheEnd : {false, true}) {
            RunController c;
            c.load(nested());
            if (fromTheEnd)
                c.advanceBy(10);   // past the end: every seek below goes back
            c.seekToTime(time);
            QCOMPARE(c.now(), time);
            QCOMPARE(c.steps(), c.stepTable().lastStepAtOrBefore(time));
            QCOMPARE(c.run()->trace().formatAll(), direct.trace);
        }
    }

    void advanceByThenBackReturnsToTheLastEventsMoment()
    {
        RunController c;
        c.load(nested());
        c.advanceBy(2);
        QCOMPARE(c.now(), engine::Tick(2));
        const quint64 steps = c.steps();
        QCOMPARE(steps, c.stepTable().lastStepAtOrBefore(1));
        c.stepBackEvent();   // undoes the clock move, not an event
        QCOMPARE(c.steps(), steps);
        QCOMPARE(c.now(), engine::Tick(1));
        c.stepBackEvent();
        QCOMPARE(c.steps(), steps - 1);
    }

    void forwardAfterBackContinuesLikeAnUninterruptedRun()
    {
        RunController c;
        c.load(nested());
        const quint64 total = c.stepTable().lastStep();
        for (int n = 0; n < 5; ++n)
            c.stepEvent();
        c.stepBackEvent();
        c.stepBackEvent();
        QCOMPARE(c.steps(), quint64(3));
        // Step by step, each position is the uninterrupted run's.
        for (quint64 n = 4; n <= total; ++n) {
            c.stepEvent();
            QCOMPARE(c.steps(), n);
            QCOMPARE(c.run()->trace().formatAll(), directRun(nested(), n).trace);
        }
        QVERIFY(c.finished());
        QVERIFY(c.run()->checkExpectations().empty());
    }

    void playAfterGoingBackPlaysTheFreshRun()
    {
        RunController c;
        c.load(nested());
        c.runToEnd();
        const QStringList whole = c.run()->trace().formatAll();
        c.seekToTime(1);
        c.setSpeed(100);   // 3.3 ticks per frame: the run ends within one frame
        c.play();
        QVERIFY(c.playing());
        c.driver().advanceOneFrame();
        QCOMPARE(c.now(), engine::Tick(4));
        QCOMPARE(c.run()->trace().formatAll(), whole);
        c.driver().advanceOneFrame();   // nothing left: playing stops
        QVERIFY(!c.playing());
    }

    void seekingWhilePlayingPauses()
    {
        RunController c;
        c.load(nested());
        c.play();
        c.seekToStep(2);
        QVERIFY(!c.playing());
        QCOMPARE(c.steps(), quint64(2));
    }

    void resetAfterGoingBackStartsOver()
    {
        RunController c;
        c.load(nested());
        c.runToEnd();
        c.stepBackInstant();
        c.reset();
        QCOMPARE(c.steps(), quint64(0));
        QCOMPARE(c.now(), engine::Tick(0));
        QCOMPARE(c.stepTable().endTime(), engine::Tick(3));   // the table survives a reset
    }

    void aRunThatNeverEndsStopsAtTheStepLimit()
    {
        RunController c;
        c.setStepLimit(50);
        c.load(parse(EndlessYaml));
        QVERIFY(!c.stepTable().isComplete());
        QCOMPARE(c.stepTable().lastStep(), quint64(50));
        c.runToEnd();
        QCOMPARE(c.steps(), quint64(50));
        QVERIFY(!c.idle());
        // Past the look-ahead, live steps extend the table.
        QSignalSpy table(&c, &RunController::stepTableChanged);
        c.stepEvent();
        QCOMPARE(table.count(), 1);
        QCOMPARE(c.stepTable().lastStep(), quint64(51));
        QCOMPARE(c.stepTable().timeAt(51), c.now());
        c.stepBackEvent();
        QCOMPARE(c.steps(), quint64(50));
        c.seekToStep(51);
        QCOMPARE(c.steps(), quint64(51));
    }
};

QTEST_MAIN(TestRunController)
#include "tst_runcontroller.moc"
