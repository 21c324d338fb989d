// The pure time↔pixel mapping and the ruler's tick steps.

#include "widgets/timeaxis.h"

#include <QTest>

using widgets::TimeAxis;

class TestTimeAxis : public QObject
{
    Q_OBJECT

private slots:
    void labelsSayMillisecondsThenSeconds_data()
    {
        QTest::addColumn<qint64>("ticks");
        QTest::addColumn<qint64>("step");
        QTest::addColumn<QString>("label");
        QTest::newRow("zero") << qint64(0) << qint64(5) << QStringLiteral("0");
        QTest::newRow("small") << qint64(5) << qint64(5) << QStringLiteral("5 ms");
        QTest::newRow("fine step past a second") << qint64(1020) << qint64(20) << QStringLiteral("1020 ms");
        QTest::newRow("under a second") << qint64(500) << qint64(100) << QStringLiteral("500 ms");
        QTest::newRow("tenths") << qint64(1500) << qint64(500) << QStringLiteral("1.5 s");
        QTest::newRow("whole seconds") << qint64(12000) << qint64(2000) << QStringLiteral("12 s");
    }

    void labelsSayMillisecondsThenSeconds()
    {
        QFETCH(qint64, ticks);
        QFETCH(qint64, step);
        QFETCH(QString, label);
        QCOMPARE(TimeAxis::label(ticks, step), label);
    }

    void timeAndPixelAreInverses()
    {
        const TimeAxis axis(-2.5, 40);
        QCOMPARE(axis.x(-2.5), 0.0);
        QCOMPARE(axis.x(0), 100.0);
        for (double t : {-1.0, 0.0, 0.5, 3.0, 1000.0})
            QCOMPARE(axis.time(axis.x(t)), t);
    }

    void majorStepIsTheSmallestOneTwoFiveThatFitsTheLabels_data()
    {
        QTest::addColumn<double>("pixelsPerTick");
        QTest::addColumn<qint64>("step");
        QTest::newRow("wide ticks never go below one") << 500.0 << qint64(1);
        QTest::newRow("exactly one tick") << 60.0 << qint64(1);
        QTest::newRow("two") << 30.0 << qint64(2);
        QTest::newRow("five") << 15.0 << qint64(5);
        QTest::newRow("ten") << 6.0 << qint64(10);
        QTest::newRow("twenty") << 3.0 << qint64(20);
        QTest::newRow("fifty thousand") << 0.0015 << qint64(50000);
    }

    void majorStepIsTheSmallestOneTwoFiveThatFitsTheLabels()
    {
        QFETCH(double, pixelsPerTick);
        QFETCH(qint64, step);
        QCOMPARE(TimeAxis::majorStep(pixelsPerTick, 60), step);
    }

    void minorTicksStayOnWholeTicks()
    {
        QCOMPARE(TimeAxis::minorDivisions(1), 1);
        QCOMPARE(TimeAxis::minorDivisions(2), 2);
        QCOMPARE(TimeAxis::minorDivisions(5), 5);
        QCOMPARE(TimeAxis::minorDivisions(20), 4);
        QCOMPARE(TimeAxis::minorDivisions(100), 5);
    }

    void fitShowsTheRangeBetweenThePads()
    {
        const TimeAxis axis = TimeAxis::fit(0, 10, 520, 10, 10);
        QCOMPARE(axis.x(0), 10.0);
        QCOMPARE(axis.x(10), 510.0);
        // An empty range still gets a usable scale (one tick).
        const TimeAxis empty = TimeAxis::fit(3, 3, 120, 10, 10);
        QCOMPARE(empty.pixelsPerTick(), 100.0);
    }
};

QTEST_GUILESS_MAIN(TestTimeAxis)
#include "tst_timeaxis.moc"
