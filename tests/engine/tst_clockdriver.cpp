// The clock driver plays a scheduler at a chosen speed; its frames are driven by hand here, so the
// test never waits on wall time.

#include "tracematch.h"

#include "engine/clockdriver.h"

#include <QSignalSpy>
#include <QTest>

using namespace engine;

class TestClockDriver : public QObject
{
    Q_OBJECT

private slots:
    void eachFrameAdvancesBySpeedTimesFrameLength()
    {
        Runtime rt(Profile::trio());
        rt.spawn(NoId, "A", testing::sleeper(1000, "A"));
        ClockDriver driver;
        driver.setScheduler(&rt.scheduler());
        driver.setSpeed(1000);   // ticks per real second: 33 ticks per 33 ms frame
        QSignalSpy advanced(&driver, &ClockDriver::advanced);
        driver.advanceOneFrame();
        driver.advanceOneFrame();
        driver.advanceOneFrame();
        QCOMPARE(rt.now(), Tick(3 * ClockDriver::FrameMs));
        QCOMPARE(advanced.count(), 3);
    }

    void slowSpeedsCarryFractionsSoTheAverageRateIsExact()
    {
        Runtime rt(Profile::trio());
        rt.spawn(NoId, "A", testing::sleeper(1000, "A"));
        ClockDriver driver;
        driver.setScheduler(&rt.scheduler());
        driver.setSpeed(10);   // 0.33 ticks per frame
        for (int i = 0; i < 100; ++i)
            driver.advanceOneFrame();
        QCOMPARE(rt.now(), Tick(33));
    }

    void playAndPauseToggleAndFinishStopsPlaying()
    {
        Runtime rt(Profile::trio());
        rt.spawn(NoId, "A", testing::sleeper(5, "A"));
        ClockDriver driver;
        driver.setScheduler(&rt.scheduler());
        QSignalSpy playing(&driver, &ClockDriver::playingChanged);
        QSignalSpy finished(&driver, &ClockDriver::finished);
        driver.play();
        QVERIFY(driver.isPlaying());
        driver.setSpeed(1000);
        driver.advanceOneFrame();   // runs past 5: the task ends
        QCOMPARE(rt.state(0), TaskState::Completed);
        driver.advanceOneFrame();   // nothing left: stops by itself
        QVERIFY(!driver.isPlaying());
        QCOMPARE(finished.count(), 1);
        QCOMPARE(playing.count(), 2);
    }
};

QTEST_GUILESS_MAIN(TestClockDriver)
#include "tst_clockdriver.moc"
