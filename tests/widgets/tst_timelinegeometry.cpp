// The drawn geometry: level of detail (folded runs of tiny spans), stream marbles, and hit-testing
// that answers with the shape drawn under the pointer. Offscreen.

#include "shownrun.h"
#include "testruns.h"

#include "widgets/timelinemodel.h"
#include "widgets/timelinetooltips.h"
#include "widgets/timelineview.h"

#include <QTest>

using namespace engine;
using widgets::HitShape;
using widgets::ShapeKind;
using widgets::TimelineModel;
using widgets::TimelineView;

namespace {

constexpr int LaneP = 1;   // main, P, T
constexpr int LaneT = 2;

struct Fixture
{
    std::unique_ptr<Runtime> rt;
    TimelineModel model;
    TimelineView view;

    explicit Fixture(int ticks, int width = 600)
        : rt(testruns::streamAndTicker(ticks))
    {
        rt->scheduler().runUntilIdle();
        model.setTrace(&rt->trace());
        view.setModel(&model);
        view.resize(width, 200);
        view.grab();
    }

    std::vector<HitShape> shapesOn(int lane, ShapeKind kind) const
    {
        std::vector<HitShape> out;
        for (const HitShape &h : view.geometry().hitShapes())
            if (h.lane == lane && h.kind == kind)
                out.push_back(h);
        return out;
    }
};

} // namespace

class TestTimelineGeometry : public QObject
{
    Q_OBJECT

private slots:
    void manyTinySpansFoldIntoOneBlockWithTheirCount()
    {
        Fixture f(500);
        const auto &ticker = f.model.task(2);
        QCOMPARE(ticker.spans.size(), size_t(1001));   // running, then sleep + running 500 times
        QVERIFY(f.view.axis().pixelsPerTick() < widgets::TimelineGeometry::FoldPixels);
        const auto folded = f.shapesOn(LaneT, ShapeKind::Folded);
        QCOMPARE(folded.size(), size_t(1));
        QCOMPARE(folded.front().count, 1001);
        QCOMPARE(folded.front().index, 0);
        QVERIFY(f.shapesOn(LaneT, ShapeKind::Span).empty());
        // The block covers the task's whole life, 0 → 500.
        QVERIFY(qAbs(folded.front().rect.left() - f.view.axis().x(0)) <= 1);
        QVERIFY(qAbs(folded.front().rect.right() + 1 - f.view.axis().x(500)) <= 1.5);
        // The count is written on it when there is room.
        const auto &labels = f.view.geometry().shapes().foldLabels;
        QVERIFY(std::any_of(labels.begin(), labels.end(), [](const auto &l) { return l.text == QStringLiteral("×1001"); }));

        // Hit-testing the block names the run.
        const QPoint inside = folded.front().rect.center();
        const TimelineView::Hit hit = f.view.hitTest(inside);
        QCOMPARE(hit.task, TaskId(2));
        QVERIFY(hit.onShape);
        QCOMPARE(hit.shape, ShapeKind::Folded);
        QCOMPARE(hit.count, 1001);
        QVERIFY(widgets::TimelineToolTips::text(f.model, hit).contains(QStringLiteral("1001 spans")));
    }

    void zoomedInSpansAreDrawnOneByOneAndAtLeastOnePixelWide()
    {
        Fixture f(500);
        // 8 px per tick: the sleeps are wide, the zero-length running spans between them are
        // narrow but never two in a row, so nothing folds.
        f.view.zoomBy(8 / f.view.axis().pixelsPerTick(), 0);
        f.view.grab();
        QVERIFY(f.shapesOn(LaneT, ShapeKind::Folded).empty());
        const auto spans = f.shapesOn(LaneT, ShapeKind::Span);
        QVERIFY(spans.size() > 100);
        for (const HitShape &h : spans)
            QVERIFY(h.rect.width() >= 1);
        // Only the visible part is built: about width / 8 sleeps, not 500.
        QVERIFY(spans.size() < size_t(2 * f.view.viewport()->width() / 8 + 8));
    }

    void streamItemsAreMarblesOnTheProducersLaneWithTheirValue()
    {
        Fixture f(20);
        const auto &producer = f.model.task(1);
        QCOMPARE(f.model.taskName(1), QStringLiteral("P"));
        QCOMPARE(producer.marbles.size(), size_t(3));
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(producer.marbles[size_t(i)].time, Tick(i + 1));
            QVERIFY(!producer.marbles[size_t(i)].pulled);
        }
        const auto marbles = f.shapesOn(LaneP, ShapeKind::Marble);
        QCOMPARE(marbles.size(), size_t(3));
        QCOMPARE(f.view.geometry().shapes().marbles.size(), size_t(3));
        for (int i = 0; i < 3; ++i)
            QVERIFY(qAbs(f.view.geometry().shapes().marbles[size_t(i)].center().x() - f.view.axis().x(i + 1)) < 0.01);
        // Pointing at the second marble: its value.
        const QPoint at = f.view.geometry().shapes().marbles[1].center().toPoint();
        const TimelineView::Hit hit = f.view.hitTest(at);
        QCOMPARE(hit.task, TaskId(1));
        QCOMPARE(hit.shape, ShapeKind::Marble);
        QCOMPARE(hit.index, 1);
        const QString tip = widgets::TimelineToolTips::text(f.model, hit);
        QVERIFY2(tip.contains(QStringLiteral("'v1'")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("2 ms")), qPrintable(tip));
    }

    void hitTestingFindsTheMarkUnderThePoint()
    {
        testruns::ShownRun shown(testruns::waitAnyAB(), QSize(600, 200));
        auto &[rt, model, view] = shown;
        view.grab();
        // B's lane (2): the cancel request and the cancelled cap, both at t=1.
        const auto &b = model.task(2);
        const QRect bar = widgets::TimelineGeometry::runningBar(view.laneTop(2), view.laneHeight());
        const TimelineView::Hit cap = view.hitTest(QPoint(int(view.axis().x(1)), bar.center().y() + 2));
        QCOMPARE(cap.task, TaskId(2));
        QCOMPARE(cap.shape, ShapeKind::Mark);
        QCOMPARE(b.marks[size_t(cap.index)].kind, widgets::MarkKind::Cancelled);
        QVERIFY(widgets::TimelineToolTips::text(model, cap).contains(QStringLiteral("<b>cancelled</b> at 1 ms")));
        // The suspended span in the middle of the lane.
        const TimelineView::Hit span = view.hitTest(QPoint(int(view.axis().x(0.5)), bar.center().y()));
        QCOMPARE(span.shape, ShapeKind::Span);
        QCOMPARE(span.span, 1);
        const QString tip = widgets::TimelineToolTips::text(model, span);
        QVERIFY2(tip.contains(QStringLiteral("sleep until 2")) && tip.contains(QStringLiteral("0 → 1 ms")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("state: cancelled")), qPrintable(tip));
    }

    void scopesAreBracketsAroundTheirChildrensLanes()
    {
        testruns::ShownRun shown(testruns::nurseryFailure(), QSize(600, 200));
        auto &[rt, model, view] = shown;
        view.grab();
        const auto &fills = view.geometry().shapes().scopeFills;
        QCOMPARE(fills.size(), size_t(1));
        // A and B (lanes 1 and 2) live in the nursery; main owns it and stays outside.
        QVERIFY(fills.front().top() > view.laneTop(1) - 2 && fills.front().top() < view.laneTop(1) + 3);
        QVERIFY(fills.front().bottom() < view.laneTop(3) && fills.front().bottom() > view.laneTop(3) - 4);
        // [ and ] : three strokes each.
        QCOMPARE(view.geometry().shapes().scopeBrackets.size(), size_t(6));
    }
};

QTEST_MAIN(TestTimelineGeometry)
#include "tst_timelinegeometry.moc"
