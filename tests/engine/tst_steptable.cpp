// The step table turns times and trace events into replayable step counts.

#include "engine/steptable.h"

#include <QTest>

using engine::StepTable;

namespace {

// Steps 0..6 at times 0 0 1 1 1 3 3 (two steps at t=0, three at t=1, two at t=3), trace sizes
// growing by two per step from 3.
StepTable sample()
{
    StepTable t;
    const engine::Tick times[] = {0, 0, 1, 1, 1, 3, 3};
    t.start(times[0], 3);
    for (int k = 1; k < 7; ++k)
        t.append(times[k], 3 + 2 * k);
    t.setComplete(true);
    return t;
}

} // namespace

class TestStepTable : public QObject
{
    Q_OBJECT

private slots:
    void recordsEveryStep()
    {
        const StepTable t = sample();
        QCOMPARE(t.lastStep(), quint64(6));
        QCOMPARE(t.timeAt(4), engine::Tick(1));
        QCOMPARE(t.timeAt(99), engine::Tick(3));   // clamped
        QCOMPARE(t.traceSizeAt(2), 7);
        QCOMPARE(t.endTime(), engine::Tick(3));
        QVERIFY(t.isComplete());
        QVERIFY(StepTable().isEmpty());
    }

    void timesMapToTheEndOfTheirInstant_data()
    {
        QTest::addColumn<engine::Tick>("time");
        QTest::addColumn<quint64>("atOrBefore");
        QTest::addColumn<quint64>("before");
        QTest::newRow("t=0") << engine::Tick(0) << quint64(1) << quint64(0);
        QTest::newRow("t=1") << engine::Tick(1) << quint64(4) << quint64(1);
        QTest::newRow("t=2, between instants") << engine::Tick(2) << quint64(4) << quint64(4);
        QTest::newRow("t=3") << engine::Tick(3) << quint64(6) << quint64(4);
        QTest::newRow("after the end") << engine::Tick(50) << quint64(6) << quint64(6);
    }
    void timesMapToTheEndOfTheirInstant()
    {
        QFETCH(engine::Tick, time);
        QFETCH(quint64, atOrBefore);
        QFETCH(quint64, before);
        const StepTable t = sample();
        QCOMPARE(t.lastStepAtOrBefore(time), atOrBefore);
        QCOMPARE(t.lastStepBefore(time), before);
    }

    void nextInstantFinishesTheCurrentOneFirst()
    {
        const StepTable t = sample();
        QCOMPARE(t.endOfNextInstant(0), quint64(1));   // the rest of t=0
        QCOMPARE(t.endOfNextInstant(1), quint64(4));   // all of t=1
        QCOMPARE(t.endOfNextInstant(2), quint64(4));
        QCOMPARE(t.endOfNextInstant(4), quint64(6));
        QCOMPARE(t.endOfNextInstant(6), quint64(6));
    }

    void eventsMapToTheFirstStepThatRecordsThem()
    {
        const StepTable t = sample();   // sizes 3 5 7 9 11 13 15
        QCOMPARE(t.firstStepWithEvent(0), std::optional<quint64>(0));
        QCOMPARE(t.firstStepWithEvent(2), std::optional<quint64>(0));
        QCOMPARE(t.firstStepWithEvent(3), std::optional<quint64>(1));
        QCOMPARE(t.firstStepWithEvent(4), std::optional<quint64>(1));
        QCOMPARE(t.firstStepWithEvent(14), std::optional<quint64>(6));
        QCOMPARE(t.firstStepWithEvent(15), std::nullopt);
        QCOMPARE(t.firstStepWithEvent(-1), std::nullopt);
    }

    void instantEndsAreTheLastStepOfEachTime()
    {
        QCOMPARE(sample().instantEnds(), (QList<quint64>{1, 4, 6}));
    }
};

QTEST_GUILESS_MAIN(TestStepTable)
#include "tst_steptable.moc"
