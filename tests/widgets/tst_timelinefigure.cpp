// The timeline as a figure: every lane, sizes that fit, the light palette whatever the app's, the
// state colours in the lanes and the legend, and the time range. Offscreen, painted into images.

#include "testruns.h"

#include "widgets/timelinefigure.h"
#include "widgets/timelinemodel.h"
#include "widgets/timelinestyle.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QTest>

using namespace engine;
using widgets::TimelineFigure;
using widgets::TimelineModel;
using widgets::TimelineStyle;

namespace {

// A finished run and its model: what a figure is drawn from.
struct Shown
{
    std::unique_ptr<Runtime> rt;
    TimelineModel model;

    explicit Shown(std::unique_ptr<Runtime> runtime)
        : rt(std::move(runtime))
    {
        rt->scheduler().runUntilIdle();
        model.setTrace(&rt->trace());
        model.update(rt->now());
    }
};

QImage render(const TimelineFigure &figure, QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::magenta);   // anything the figure leaves unpainted shows
    QPainter p(&image);
    figure.paint(p, size);
    return image;
}

// Pixels of exactly `colour` inside `rect`.
int count(const QImage &image, const QRect &rect, const QColor &colour)
{
    int n = 0;
    const QRgb want = colour.rgb();
    const QRect r = rect & image.rect();
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            n += image.pixel(x, y) == want;
    return n;
}

int nonWhite(const QImage &image, const QRect &rect)
{
    return rect.width() * rect.height() - count(image, rect, Qt::white) - count(image, rect, TimelineFigure::lightPalette().alternateBase().color());
}

} // namespace

class TestTimelineFigure : public QObject
{
    Q_OBJECT

private slots:
    void theNaturalHeightFitsEveryLane()
    {
        Shown ten(testruns::manyChildren(9));
        Shown twenty(testruns::manyChildren(19));
        const TimelineFigure small(ten.model);
        const TimelineFigure large(twenty.model);
        QCOMPARE(int(small.lanes().size()), 10);
        const int width = TimelineFigure::DefaultWidth;
        const TimelineFigure::Layout l = small.layout(QSize(width, small.naturalHeight(width)));
        QCOMPARE(l.lanesShown, 10);
        QVERIFY(l.note.isEmpty());
        // Ten more lanes, ten more lane heights; nothing else moves.
        QCOMPARE(large.naturalHeight(width) - small.naturalHeight(width), 10 * l.laneHeight);
        QCOMPARE(l.legend.bottom() < small.naturalHeight(width), true);
        QCOMPARE(l.names.top(), l.lanes.top());
        QCOMPARE(l.names.height(), l.lanes.height());
        QCOMPARE(l.ruler.left(), l.lanes.left());
        QCOMPARE(l.ruler.width(), l.lanes.width());
        QCOMPARE(l.ruler.bottom() + 1, l.lanes.top());
    }

    void lanesShrinkToAGivenHeightAndSayWhatDoesNotFit()
    {
        Shown shown(testruns::manyChildren(59));
        const TimelineFigure figure(shown.model);
        const int natural = figure.naturalHeight(1200);
        const TimelineFigure::Layout full = figure.layout(QSize(1200, natural));

        // A little shorter: every lane still, only thinner.
        const TimelineFigure::Layout thinner = figure.layout(QSize(1200, natural - 60));
        QCOMPARE(thinner.lanesShown, 60);
        QVERIFY(thinner.laneHeight < full.laneHeight);
        QVERIFY(thinner.note.isEmpty());
        QVERIFY(thinner.legend.bottom() < natural - 60);

        // Much shorter: the first lanes that fit, and a line that says how many are missing.
        const TimelineFigure::Layout cut = figure.layout(QSize(1200, 500));
        QVERIFY(cut.lanesShown > 0 && cut.lanesShown < 60);
        QVERIFY(!cut.note.isEmpty());
        QVERIFY(cut.note.top() > cut.lanes.bottom());
        QVERIFY(cut.legend.bottom() < 500);
        QCOMPARE(figure.minimumHeight(1200) <= 500, true);
        const QImage image = render(figure, QSize(1200, 500));
        QCOMPARE(count(image, image.rect(), Qt::magenta), 0);
        QVERIFY(nonWhite(image, cut.note) > 0);
    }

    void aHugeRunStopsAtTheHeightLimitAndSaysSo()
    {
        Shown shown(testruns::manyChildren(1999));
        const TimelineFigure figure(shown.model);
        const int height = figure.naturalHeight(1600);
        QCOMPARE(height, TimelineFigure::MaxNaturalHeight);
        const TimelineFigure::Layout l = figure.layout(QSize(1600, height));
        QVERIFY(l.lanesShown > 500 && l.lanesShown < 2000);
        QVERIFY(!l.note.isEmpty());
        QVERIFY(l.legend.bottom() < height);
    }

    void everyLaneAndTheLegendShowTheirStates()
    {
        Shown shown(testruns::nurseryFailure());
        const TimelineFigure figure(shown.model, {QStringLiteral("Nursery failure"), {}, {}});
        const QSize size(1000, figure.naturalHeight(1000));
        const TimelineFigure::Layout l = figure.layout(size);
        const QImage image = render(figure, size);
        QCOMPARE(count(image, image.rect(), Qt::magenta), 0);
        QCOMPARE(l.lanesShown, int(shown.model.taskCount()));
        for (int lane = 0; lane < l.lanesShown; ++lane) {
            const QRect laneRect(l.lanes.left(), l.lanes.top() + lane * l.laneHeight, l.lanes.width(), l.laneHeight);
            const QRect nameRect(l.names.left(), laneRect.top(), l.names.width(), l.laneHeight);
            QVERIFY2(nonWhite(image, laneRect) > 20, qPrintable(QStringLiteral("lane %1 is blank").arg(lane)));
            QVERIFY2(nonWhite(image, nameRect) > 20, qPrintable(QStringLiteral("name %1 is blank").arg(lane)));
        }
        // The failure's diamond is on A's lane; the legend has every state's sample.
        QVERIFY(count(image, l.lanes, TimelineStyle::failed()) > 10);
        for (const QColor &c : {TimelineStyle::running(), TimelineStyle::completed(), TimelineStyle::failed(),
                                TimelineStyle::cancelled(), TimelineStyle::cancelRequest()})
            QVERIFY2(count(image, l.legend, c) > 3, qPrintable(c.name()));
        QVERIFY(nonWhite(image, l.title) > 100);
        QVERIFY(nonWhite(image, l.ruler) > 100);
    }

    void theFigureIsLightWhateverTheAppTheme()
    {
        Shown shown(testruns::waitAnyAB());
        const QPalette before = QApplication::palette();
        QPalette dark = before;
        dark.setColor(QPalette::Base, Qt::black);
        dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
        dark.setColor(QPalette::WindowText, Qt::white);
        QApplication::setPalette(dark);
        const TimelineFigure figure(shown.model);
        const QSize size(800, figure.naturalHeight(800));
        const QImage image = render(figure, size);
        QApplication::setPalette(before);
        QCOMPARE(QColor(image.pixel(2, 2)), QColor(Qt::white));
        QCOMPARE(QColor(image.pixel(size.width() - 3, size.height() - 3)), QColor(Qt::white));
        const TimelineFigure::Layout l = figure.layout(size);
        QCOMPARE(count(image, l.ruler, QColor(0x20, 0x20, 0x20)), 0);
    }

    void aRangeShowsOnlyThoseTimes()
    {
        Shown shown(testruns::manyChildren(9));   // child i ends at i + 1: the run ends at 10
        const TimelineFigure whole(shown.model);
        const TimelineFigure part(shown.model, {QString(), Tick(2), Tick(4)});
        QCOMPARE(whole.from(), Tick(0));
        QCOMPARE(whole.to(), shown.model.extent());
        QVERIFY(whole.subtitle().contains(QStringLiteral("(whole run)")));
        QCOMPARE(part.from(), Tick(2));
        QCOMPARE(part.to(), Tick(4));
        QVERIFY2(part.subtitle().contains(QStringLiteral("2 ms – 4 ms")), qPrintable(part.subtitle()));
        const TimelineFigure::Layout l = part.layout(QSize(1200, 0));
        // 2 and 4 map inside the lanes, with the view's margins; 0 and 10 fall outside them.
        QVERIFY(l.axis.x(2) > 0 && l.axis.x(2) < 40);
        QVERIFY(l.axis.x(4) < l.lanes.width() && l.axis.x(4) > l.lanes.width() - 60);
        QVERIFY(l.axis.x(0) < 0);
        QVERIFY(l.axis.x(10) > l.lanes.width());
    }

    void anEarlierTimeShowsFewerEndedTasks()
    {
        auto rt = testruns::manyChildren(9);
        rt->scheduler().advanceTo(3);   // children 0..2 have ended (at 1, 2, 3), the rest sleep on
        TimelineModel model;
        model.setTrace(&rt->trace());
        model.update(rt->now());
        const TimelineFigure figure(model);
        QVERIFY2(figure.subtitle().endsWith(QStringLiteral("state at t = 3 ms")), qPrintable(figure.subtitle()));
        const QSize size(1000, figure.naturalHeight(1000));
        const TimelineFigure::Layout l = figure.layout(size);
        const QImage early = render(figure, size);

        rt->scheduler().runUntilIdle();
        model.update(rt->now());
        const QImage late = render(figure, size);
        // The completed discs: in the names' glyphs and on the lanes, more at the end.
        const QColor done = TimelineStyle::completed();
        QVERIFY(count(early, l.names, done) > 0);
        QVERIFY(count(late, l.names, done) > 2 * count(early, l.names, done));
        QVERIFY(count(late, l.lanes, done) > 2 * count(early, l.lanes, done));
    }

    void timesReadAsPeopleWriteThem()
    {
        QCOMPARE(TimelineFigure::timeText(0), QStringLiteral("0"));
        QCOMPARE(TimelineFigure::timeText(250), QStringLiteral("250 ms"));
        QCOMPARE(TimelineFigure::timeText(1500), QStringLiteral("1.5 s"));
        QCOMPARE(TimelineFigure::timeText(12000), QStringLiteral("12 s"));
        QCOMPARE(TimelineFigure::timeText(1001), QStringLiteral("1.001 s"));
    }
};

QTEST_MAIN(TestTimelineFigure)
#include "tst_timelinefigure.moc"
