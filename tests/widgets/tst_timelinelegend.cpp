// The legend names every mark the timeline draws and wraps instead of clipping when narrow.

#include "widgets/timelinelegend.h"

#include <QImage>
#include <QPainter>
#include <QTest>

using widgets::TimelineLegend;

class TestTimelineLegend : public QObject
{
    Q_OBJECT

    // Rows of `image` holding any pixel other than the background.
    static int inkedRows(const QImage &image)
    {
        int rows = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                if (image.pixel(x, y) != qRgb(255, 255, 255)) {
                    ++rows;
                    break;
                }
        return rows;
    }

private slots:
    void namesEveryMark()
    {
        QStringList names;
        for (int i = 0; i < TimelineLegend::entryCount(); ++i)
            names << TimelineLegend::entryText(i);
        for (const char *mark : {"running", "suspended", "not started", "cancel requested", "cancel latency",
                                 "completed", "failed", "cancelled", "error path", "cause", "stream item",
                                 "many short spans", "scope", "now"})
            QVERIFY2(names.contains(QLatin1String(mark)), mark);
        QCOMPARE(TimelineLegend::entryText(TimelineLegend::entryCount()), QString());
    }

    void wrapsWhenNarrow()
    {
        QFont font;
        font.setPixelSize(13);
        const int wide = TimelineLegend::heightFor(4000, font);
        const int narrow = TimelineLegend::heightFor(420, font);
        QVERIFY(narrow >= 3 * wide);
        // The widget asks its layout for that height.
        TimelineLegend legend;
        legend.setFont(font);
        QVERIFY(legend.hasHeightForWidth());
        QCOMPARE(legend.heightForWidth(420), narrow);
        QVERIFY(legend.sizeHint().width() > 420);

        // Painting narrow uses every row it asked for: the last row carries ink too.
        QImage image(420, narrow, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter p(&image);
        QCOMPARE(TimelineLegend::paint(p, image.rect(), font, Qt::black), narrow);
        p.end();
        QImage lastRow = image.copy(0, narrow - wide, 420, wide);
        QVERIFY(inkedRows(lastRow) > 0);
        QImage firstRow = image.copy(0, 0, 420, wide);
        QVERIFY(inkedRows(firstRow) > 0);
    }
};

QTEST_MAIN(TestTimelineLegend)
#include "tst_timelinelegend.moc"
