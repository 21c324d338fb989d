// BandedPaint cuts tall fills into bands to keep them off Qt's raster thread pool; the pixels
// must be exactly those of the uncut QPainter calls.

#include "widgets/bandedpaint.h"

#include <QImage>
#include <QPainter>
#include <QTest>

#include <functional>
#include <vector>

using widgets::BandedPaint;

class TestBandedPaint : public QObject
{
    Q_OBJECT

    static QImage paint(const std::function<void(QPainter &)> &draw)
    {
        QImage image(160, 400, QImage::Format_ARGB32_Premultiplied);
        image.fill(QColor(20, 40, 60));
        QPainter p(&image);
        draw(p);
        return image;
    }

    static int differingPixels(const QImage &a, const QImage &b)
    {
        int n = 0;
        for (int y = 0; y < a.height(); ++y)
            for (int x = 0; x < a.width(); ++x)
                n += a.pixel(x, y) != b.pixel(x, y);
        return n;
    }

private slots:
    void fillRectMatchesOneFill_data()
    {
        QTest::addColumn<QRect>("rect");
        QTest::addColumn<QColor>("colour");
        QTest::newRow("opaque, tall") << QRect(3, 0, 150, 400) << QColor(250, 250, 250);
        QTest::newRow("translucent, tall, odd edges") << QRect(7, 5, 90, 333) << QColor(0, 0, 0, 12);
        QTest::newRow("one band exactly") << QRect(0, 10, 40, BandedPaint::MaxRows) << QColor(200, 0, 0, 70);
        QTest::newRow("one row over a band") << QRect(0, 10, 40, BandedPaint::MaxRows + 1) << QColor(200, 0, 0, 70);
        QTest::newRow("a grid line") << QRect(80, 0, 1, 400) << QColor(128, 128, 128, 70);
    }
    void fillRectMatchesOneFill()
    {
        QFETCH(QRect, rect);
        QFETCH(QColor, colour);
        const QImage banded = paint([&](QPainter &p) { BandedPaint::fillRect(p, rect, colour); });
        const QImage whole = paint([&](QPainter &p) { p.fillRect(rect, colour); });
        QCOMPARE(differingPixels(banded, whole), 0);
        // And it painted at all: the last row of the rect holds the colour, not the background.
        QVERIFY(banded.pixel(rect.left(), rect.bottom()) != QColor(20, 40, 60).rgb());
    }

    void drawRectsMatchesOneCall()
    {
        const std::vector<QRect> rects{{0, 0, 50, 399}, {60, 30, 20, 10}, {90, 100, 60, 129}};
        auto draw = [&](QPainter &p, bool banded) {
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(30, 200, 120, 16));
            if (banded)
                BandedPaint::drawRects(p, rects.data(), int(rects.size()));
            else
                p.drawRects(rects.data(), int(rects.size()));
        };
        const QImage banded = paint([&](QPainter &p) { draw(p, true); });
        QCOMPARE(differingPixels(banded, paint([&](QPainter &p) { draw(p, false); })), 0);
        QVERIFY(banded.pixel(10, 398) != QColor(20, 40, 60).rgb());
    }
};

QTEST_MAIN(TestBandedPaint)
#include "tst_bandedpaint.moc"
