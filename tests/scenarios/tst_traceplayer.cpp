// Playing back a recorded trace: every position shows exactly the recording's prefix, stepping
// by event and instant moves as a live run does, and going back then forward again is seamless.

#include "scenarios/recordedrun.h"
#include "scenarios/scenariorun.h"
#include "scenarios/traceplayer.h"

#include <QTest>

namespace {

struct Recording
{
    std::shared_ptr<const engine::Trace> trace;
    QStringList lines;     // the whole run, formatted
    engine::Tick end = 0;
};

// Runs `id` live to the end and keeps a copy of its trace (the run itself goes away).
Recording record(const QString &id)
{
    const scenarios::LoadResult loaded = scenarios::loadScenarioFile(scenarios::findBuiltin(id)->path);
    scenarios::ScenarioRun run(*loaded.scenario);
    run.scheduler().runUntilIdle(1'000'000);
    Recording r;
    r.trace = scenarios::tracePrefix(run.trace(), run.runtime().now());
    r.lines = run.trace().formatAll();
    r.end = run.runtime().now();
    return r;
}

} // namespace

class TestTracePlayer : public QObject
{
    Q_OBJECT

private slots:
    void everyPositionShowsThePrefix()
    {
        const Recording rec = record(QStringLiteral("asyncgui-protected-loser"));
        scenarios::TracePlayer player(rec.trace, rec.end);
        QCOMPARE(player.position(), size_t(0));
        QCOMPARE(player.trace().size(), 0);
        for (size_t n = 0; n < player.length(); ++n) {
            QVERIFY(player.stepEvent());
            QCOMPARE(player.trace().formatAll(), rec.lines.mid(0, qsizetype(n + 1)));
        }
        QVERIFY(player.atEnd());
        QVERIFY(!player.stepEvent());
        QCOMPARE(player.now(), rec.end);
    }

    void stepsByInstantAndBackAgain()
    {
        const Recording rec = record(QStringLiteral("asyncgui-protected-loser"));   // instants 0, 1, 3
        scenarios::TracePlayer player(rec.trace, rec.end);
        QVERIFY(player.stepInstant());
        QCOMPARE(player.now(), engine::Tick(0));
        const size_t atZero = player.position();
        QVERIFY(atZero > 1);
        QCOMPARE(player.trace().events().back().time, engine::Tick(0));
        QVERIFY(player.stepInstant());
        QCOMPARE(player.now(), engine::Tick(1));
        QVERIFY(player.stepInstant());
        QCOMPARE(player.now(), engine::Tick(3));
        QVERIFY(player.atEnd());

        QVERIFY(player.stepBackInstant());
        QCOMPARE(player.now(), engine::Tick(1));
        QVERIFY(player.stepBackInstant());
        QCOMPARE(player.position(), atZero);
        QVERIFY(player.stepBackInstant());
        QCOMPARE(player.position(), size_t(0));
        QVERIFY(!player.stepBackInstant());
        QVERIFY(!player.stepBackEvent());
    }

    void backThenForwardContinuesTheSameRecording()
    {
        const Recording rec = record(QStringLiteral("race-first-finisher"));
        scenarios::TracePlayer player(rec.trace, rec.end);
        player.seek(12);
        const engine::Trace *before = &player.trace();
        QVERIFY(player.stepBackEvent());
        QVERIFY(&player.trace() != before);   // a new object: views rebuild rather than read on
        QCOMPARE(player.position(), size_t(11));
        player.seek(player.length());
        QCOMPARE(player.trace().formatAll(), rec.lines);
    }

    void seeksToATime()
    {
        const Recording rec = record(QStringLiteral("asyncgui-protected-loser"));
        scenarios::TracePlayer player(rec.trace, rec.end);
        player.seekToTime(2);   // nothing happens at t=2: everything up to t=1 shows
        QCOMPARE(player.now(), engine::Tick(1));
        QVERIFY(!player.atEnd());
        QCOMPARE(player.trace().events().back().time, engine::Tick(1));
        player.seekToTime(100);
        QVERIFY(player.atEnd());
        player.seekToTime(-1);
        QCOMPARE(player.position(), size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestTracePlayer)
#include "tst_traceplayer.moc"
