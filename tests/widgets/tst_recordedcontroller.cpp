// The run controller showing a recorded run: every verb moves through the recording as it moves
// a live run, and what the views read (the trace prefix and the clock) is what the live run of
// the same scenario shows at the same place. Nothing executes.

#include "runcontroller.h"

#include "scenarios/recordedrun.h"
#include "scenarios/scenariorun.h"
#include "scenarios/tracejson.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

scenarios::Scenario builtin(const QString &id)
{
    const auto found = scenarios::findBuiltin(id);
    Q_ASSERT(found);
    const scenarios::LoadResult loaded = scenarios::loadScenarioFile(found->path);
    Q_ASSERT(loaded.ok());
    return *loaded.scenario;
}

// The race: main spawns A (returns at 1) and B (sleep 2, cancelled at 1).
scenarios::Scenario race()
{
    return builtin(QStringLiteral("race-first-finisher"));
}

// wait_all(wait_any(A:1, B:2), C:3): instants 0, 1 and 3, several steps at t=0.
scenarios::Scenario nested()
{
    return builtin(QStringLiteral("trio-util-wait-any-all"));
}

// The scenario run live to its end, saved as a Taskscope trace and read back (in memory).
scenarios::RecordedRun recordingOf(const scenarios::Scenario &scenario)
{
    scenarios::ScenarioRun run(scenario);
    run.scheduler().runUntilIdle(1'000'000);
    QString error;
    std::optional<scenarios::RecordedRun> back =
        scenarios::parseRecordedRun(scenarios::traceToJson(run).toJson(), QStringLiteral("run.json"), &error);
    if (!back)
        qFatal("%s", qPrintable(error));
    return std::move(*back);
}

// The live run's whole trace, formatted.
QStringList liveLines(const scenarios::Scenario &scenario)
{
    scenarios::ScenarioRun run(scenario);
    run.scheduler().runUntilIdle(1'000'000);
    return run.trace().formatAll();
}

QStringList shown(const RunController &c)
{
    return c.trace() ? c.trace()->formatAll() : QStringList();
}

} // namespace

class TestRecordedController : public QObject
{
    Q_OBJECT

private slots:
    void aRecordingStartsAtZeroWithNothingShownAndNoScheduler()
    {
        RunController c;
        c.load(race());
        QSignalSpy replaced(&c, &RunController::runReplaced);
        QSignalSpy changed(&c, &RunController::runChanged);
        QSignalSpy table(&c, &RunController::stepTableChanged);
        const scenarios::RecordedRun recording = recordingOf(race());
        c.loadRecorded(recording);
        QCOMPARE(replaced.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(table.count(), 1);
        QVERIFY(c.hasRun());
        QVERIFY(c.isRecorded());
        QCOMPARE(c.run(), nullptr);
        QCOMPARE(c.runtime(), nullptr);
        QVERIFY(!c.scenario());
        QCOMPARE(c.recording()->title, recording.title);
        QCOMPARE(c.trace()->size(), 0);
        QCOMPARE(c.now(), engine::Tick(0));
        QCOMPARE(c.steps(), quint64(0));
        QVERIFY(!c.canStepBack());
        QVERIFY(!c.finished());
        // One step per recorded event, the whole recording known at once.
        QCOMPARE(c.stepTable().lastStep(), quint64(recording.trace->size()));
        QVERIFY(c.stepTable().isComplete());
        QCOMPARE(c.stepTable().endTime(), engine::Tick(1));
        QCOMPARE(c.rootTask(), engine::TaskId(0));
        QCOMPARE(c.sourcePath(), QStringLiteral("run.json"));
        QCOMPARE(c.outcomeText(), QStringLiteral("still running at t=0"));
    }

    void steppingByEventShowsTheLiveTraceOneEventAtATimeAndBack()
    {
        const QStringList live = liveLines(nested());
        RunController c;
        c.loadRecorded(recordingOf(nested()));
        for (qsizetype k = 1; k <= live.size(); ++k) {
            c.stepEvent();
            QCOMPARE(c.steps(), quint64(k));
            QCOMPARE(shown(c), live.mid(0, k));
            QCOMPARE(c.now(), c.trace()->at(engine::EventId(k - 1)).time);
        }
        QVERIFY(c.finished());
        QVERIFY(c.idle());
        QSignalSpy changed(&c, &RunController::runChanged);
        c.stepEvent();   // at the end: nothing happens
        QCOMPARE(changed.count(), 0);

        QSignalSpy replaced(&c, &RunController::runReplaced);
        for (qsizetype k = live.size() - 1; k >= 0; --k) {
            c.stepBackEvent();
            QCOMPARE(shown(c), live.mid(0, k));
        }
        // Each step back shows a rebuilt prefix: the views are told to drop the old one.
        QCOMPARE(replaced.count(), live.size());
        QVERIFY(!c.canStepBack());
    }

    void steppingByInstantMatchesTheLiveRunAtTheEndOfEachInstant()
    {
        RunController live;
        live.load(nested());
        RunController recorded;
        recorded.loadRecorded(recordingOf(nested()));
        QList<engine::Tick> instants;
        while (!live.idle()) {
            live.stepInstant();
            recorded.stepInstant();
            instants << live.now();
            QCOMPARE(recorded.now(), live.now());
            QCOMPARE(shown(recorded), live.run()->trace().formatAll());
        }
        QCOMPARE(instants, (QList<engine::Tick>{0, 1, 3}));
        QVERIFY(recorded.finished());
        QCOMPARE(recorded.outcomeText(), live.outcomeText());

        // And back, instant by instant, to the start.
        while (live.canStepBack()) {
            live.stepBackInstant();
            recorded.stepBackInstant();
            QCOMPARE(recorded.now(), live.now());
            if (live.steps() > 0)   // the live run at step 0 already shows its root's spawn
                QCOMPARE(shown(recorded), live.run()->trace().formatAll());
        }
        QVERIFY(!recorded.canStepBack());
        QCOMPARE(recorded.trace()->size(), 0);
    }

    void seekToTimeShowsWhatTheLiveRunShowsAtThatTime_data()
    {
        QTest::addColumn<engine::Tick>("time");
        for (engine::Tick t : {0, 1, 2, 3, 5})
            QTest::newRow(qPrintable(QStringLiteral("t=%1").arg(t))) << t;
    }

    void seekToTimeShowsWhatTheLiveRunShowsAtThatTime()
    {
        QFETCH(engine::Tick, time);
        RunController live;
        live.load(nested());
        RunController recorded;
        recorded.loadRecorded(recordingOf(nested()));
        // Forwards from the start, then backwards from the end: both land on the same state.
        for (const bool fromTheEnd : {false, true}) {
            if (fromTheEnd) {
                live.runToEnd();
                recorded.runToEnd();
            }
            live.seekToTime(time);
            recorded.seekToTime(time);
            QCOMPARE(recorded.now(), time);
            QCOMPARE(recorded.now(), live.now());
            QCOMPARE(shown(recorded), live.run()->trace().formatAll());
            QCOMPARE(recorded.finished(), live.finished());
        }
    }

    void advanceByThenBackReturnsToTheLastEventsMoment()
    {
        RunController c;
        c.loadRecorded(recordingOf(nested()));
        c.advanceBy(2);
        QCOMPARE(c.now(), engine::Tick(2));
        const int atTwo = c.trace()->size();
        QCOMPARE(c.trace()->at(atTwo - 1).time, engine::Tick(1));
        c.stepBackEvent();   // first back to the last shown event's moment, nothing hidden
        QCOMPARE(c.now(), engine::Tick(1));
        QCOMPARE(c.trace()->size(), atTwo);
        c.stepBackEvent();
        QCOMPARE(c.trace()->size(), atTwo - 1);
    }

    void theScrubberAndTheNarrativeSeekByEvent()
    {
        const QStringList live = liveLines(race());
        RunController c;
        c.loadRecorded(recordingOf(race()));
        c.seekToStep(7);
        QCOMPARE(shown(c), live.mid(0, 7));
        c.seekToEvent(12);   // "show me event 12": it is the last one shown
        QCOMPARE(shown(c), live.mid(0, 13));
        c.seekToStep(2);
        QCOMPARE(shown(c), live.mid(0, 2));
        QSignalSpy changed(&c, &RunController::runChanged);
        c.seekToStep(2);   // already there
        QCOMPARE(changed.count(), 0);
    }

    void runToEndAndResetBracketTheRecording()
    {
        const scenarios::RecordedRun recording = recordingOf(race());
        RunController c;
        c.loadRecorded(recording);
        c.runToEnd();
        QVERIFY(c.finished());
        QCOMPARE(c.now(), recording.now);
        QCOMPARE(c.outcomeText(), recording.outcome);
        QCOMPARE(c.trace()->size(), recording.trace->size());
        QSignalSpy replaced(&c, &RunController::runReplaced);
        c.reset();
        QCOMPARE(replaced.count(), 1);
        QCOMPARE(c.now(), engine::Tick(0));
        QCOMPARE(c.trace()->size(), 0);
        QVERIFY(c.isRecorded());
    }

    void playingARecordingAdvancesItsClockToTheEnd()
    {
        RunController c;
        c.loadRecorded(recordingOf(nested()));
        c.setSpeed(60);   // about two ticks a frame
        QSignalSpy playing(&c, &RunController::playingChanged);
        c.play();
        QVERIFY(c.playing());
        c.advanceRecordedFrame();
        QCOMPARE(c.now(), engine::Tick(1));   // 60 ticks/s × 33 ms: one whole tick, the rest carried
        c.advanceRecordedFrame();
        QCOMPARE(c.now(), engine::Tick(3));
        QTRY_VERIFY_WITH_TIMEOUT(!c.playing(), 5000);
        QVERIFY(c.finished());
        QCOMPARE(playing.count(), 2);
        c.play();   // at the end: nothing to play
        QVERIFY(!c.playing());
    }

    void aLiveScenarioReplacesTheRecordingAndTheOtherWayRound()
    {
        RunController c;
        c.loadRecorded(recordingOf(race()));
        c.stepEvent();
        c.load(race());
        QVERIFY(!c.isRecorded());
        QVERIFY(c.run());
        QCOMPARE(c.trace(), &c.run()->trace());
        QCOMPARE(c.recording(), nullptr);
        c.runToEnd();
        QVERIFY(c.finished());
        c.loadRecorded(recordingOf(race()));
        QVERIFY(c.isRecorded());
        QCOMPARE(c.run(), nullptr);
        QCOMPARE(c.steps(), quint64(0));
    }

    void aSavedFileReopensWithItsScenario()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("race.json"));
        scenarios::ScenarioRun run(race());
        run.scheduler().runUntilIdle();
        QString error;
        QVERIFY2(scenarios::writeTraceJson(run, path, &error), qPrintable(error));
        std::optional<scenarios::RecordedRun> recording = scenarios::loadRecordedRun(path, &error);
        QVERIFY2(recording, qPrintable(error));
        RunController c;
        c.loadRecorded(std::move(*recording));
        QCOMPARE(c.sourcePath(), path);
        QVERIFY(c.recording()->scenario);
        QCOMPARE(c.recording()->scenario->title(), race().title());
        c.runToEnd();
        QCOMPARE(shown(c), run.trace().formatAll());
    }
};

QTEST_MAIN(TestRecordedController)
#include "tst_recordedcontroller.moc"
