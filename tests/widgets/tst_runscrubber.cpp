// The scrubber maps steps to x and back, draws the run's instants, and asks to seek on clicks,
// drags and keys.

#include "widgets/runscrubber.h"

#include <QSignalSpy>
#include <QTest>

using widgets::RunScrubber;

namespace {

// Steps 0..6 at times 0 0 1 1 1 3 3: instants end at steps 1, 4 and 6.
engine::StepTable sample()
{
    engine::StepTable t;
    const engine::Tick times[] = {0, 0, 1, 1, 1, 3, 3};
    t.start(times[0], 0);
    for (int k = 1; k < 7; ++k)
        t.append(times[k], k);
    t.setComplete(true);
    return t;
}

} // namespace

class TestRunScrubber : public QObject
{
    Q_OBJECT

private slots:
    void emptyUntilARunIsKnown()
    {
        RunScrubber s;
        QVERIFY(!s.isEnabled());
        QCOMPARE(s.maximum(), quint64(0));
        s.setStepTable(sample());
        QVERIFY(s.isEnabled());
        QCOMPARE(s.maximum(), quint64(6));
    }

    void stepsAndPositionsMapBothWays()
    {
        RunScrubber s;
        s.setStepTable(sample());
        s.resize(600, s.sizeHint().height());
        const QRectF g = s.groove();
        QVERIFY(g.width() > 100);
        QCOMPARE(s.xForStep(0), g.left());
        QCOMPARE(s.xForStep(6), g.right());
        QCOMPARE(s.xForStep(3), g.left() + g.width() / 2);
        QCOMPARE(s.xForStep(99), g.right());   // clamped
        for (quint64 k = 0; k <= 6; ++k)
            QCOMPARE(s.stepAt(s.xForStep(k)), k);
        QCOMPARE(s.stepAt(s.xForStep(2) + g.width() / 6 * 0.4), quint64(2));   // nearest
        QCOMPARE(s.stepAt(-50), quint64(0));
        QCOMPARE(s.stepAt(5000), quint64(6));
    }

    void clickingAndDraggingAskToSeek()
    {
        RunScrubber s;
        s.setStepTable(sample());
        s.resize(600, s.sizeHint().height());
        QSignalSpy seek(&s, &RunScrubber::seekRequested);
        const int y = int(s.groove().center().y());
        QTest::mousePress(&s, Qt::LeftButton, {}, QPoint(int(s.xForStep(4)), y));
        QCOMPARE(seek.count(), 1);
        QCOMPARE(seek.at(0).at(0).value<quint64>(), quint64(4));
        QCOMPARE(s.position(), quint64(4));
        QMouseEvent move(QEvent::MouseMove, QPointF(s.xForStep(5), y), s.mapToGlobal(QPointF(s.xForStep(5), y)),
                         Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&s, &move);
        QCOMPARE(seek.count(), 2);
        QCOMPARE(seek.at(1).at(0).value<quint64>(), quint64(5));
        QTest::mouseRelease(&s, Qt::LeftButton, {}, QPoint(int(s.xForStep(5)), y));
        QMouseEvent after(QEvent::MouseMove, QPointF(s.xForStep(1), y), s.mapToGlobal(QPointF(s.xForStep(1), y)),
                          Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(&s, &after);
        QCOMPARE(seek.count(), 2);   // released: hovering does not seek
    }

    void keysMoveByEventAndByInstant_data()
    {
        QTest::addColumn<quint64>("from");
        QTest::addColumn<int>("key");
        QTest::addColumn<quint64>("to");
        QTest::newRow("right: one event") << quint64(2) << int(Qt::Key_Right) << quint64(3);
        QTest::newRow("left: one event") << quint64(2) << int(Qt::Key_Left) << quint64(1);
        QTest::newRow("page down mid-instant: rest of it") << quint64(2) << int(Qt::Key_PageDown) << quint64(4);
        QTest::newRow("page down at an instant's end: the next") << quint64(1) << int(Qt::Key_PageDown) << quint64(4);
        QTest::newRow("page up mid-instant: the previous one's end") << quint64(3) << int(Qt::Key_PageUp) << quint64(1);
        QTest::newRow("page up at an instant's end") << quint64(6) << int(Qt::Key_PageUp) << quint64(4);
        QTest::newRow("page up within the first instant") << quint64(1) << int(Qt::Key_PageUp) << quint64(0);
        QTest::newRow("home") << quint64(5) << int(Qt::Key_Home) << quint64(0);
        QTest::newRow("end") << quint64(1) << int(Qt::Key_End) << quint64(6);
    }
    void keysMoveByEventAndByInstant()
    {
        QFETCH(quint64, from);
        QFETCH(int, key);
        QFETCH(quint64, to);
        RunScrubber s;
        s.setStepTable(sample());
        s.setPosition(from);
        QSignalSpy seek(&s, &RunScrubber::seekRequested);
        QTest::keyClick(&s, Qt::Key(key));
        QCOMPARE(s.position(), to);
        QCOMPARE(seek.count(), 1);
        QCOMPARE(seek.at(0).at(0).value<quint64>(), to);
    }

    void keysStopAtTheEnds()
    {
        RunScrubber s;
        s.setStepTable(sample());
        QSignalSpy seek(&s, &RunScrubber::seekRequested);
        QTest::keyClick(&s, Qt::Key_Left);
        s.setPosition(6);
        QTest::keyClick(&s, Qt::Key_Right);
        QTest::keyClick(&s, Qt::Key_PageDown);
        QCOMPARE(seek.count(), 0);
        QCOMPARE(s.position(), quint64(6));
    }

    void describesStepsWithTheirTime()
    {
        RunScrubber s;
        s.setStepTable(sample());
        QCOMPARE(s.describeStep(3), QStringLiteral("step 3 · t=1 (run ends at t=3 after 6 steps)"));
        engine::StepTable open = sample();
        open.setComplete(false);
        s.setStepTable(open);
        QVERIFY(s.describeStep(6).contains(QStringLiteral("not ended")));
    }

    void paintsWithoutARunAndWithOne()
    {
        RunScrubber s;
        s.resize(500, s.sizeHint().height());
        QVERIFY(!s.grab().isNull());
        s.setStepTable(sample());
        s.setPosition(4);
        const QImage image = s.grab().toImage();
        QVERIFY(!image.isNull());
        // The played part of the groove is drawn in the highlight colour.
        const QPoint inPlayed(int(s.xForStep(2)), int(s.groove().center().y()));
        QCOMPARE(image.pixelColor(inPlayed * image.devicePixelRatio()), s.palette().color(QPalette::Highlight));
    }

    void aLongRunPaintsOneTickPerFewPixels()
    {
        // 200 000 steps, a new instant every other step: far more instants than pixels.
        engine::StepTable t;
        t.start(0, 0);
        for (int k = 1; k <= 200'000; ++k)
            t.append(k / 2, k);
        t.setComplete(true);
        RunScrubber s;
        s.resize(800, s.sizeHint().height());
        s.setStepTable(t);
        QCOMPARE(s.maximum(), quint64(200'000));
        QCOMPARE(s.stepAt(s.groove().right()), quint64(200'000));
        QVERIFY(!s.grab().isNull());
    }
};

QTEST_MAIN(TestRunScrubber)
#include "tst_runscrubber.moc"
