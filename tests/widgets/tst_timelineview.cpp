// The timeline view beside the task tree: lanes aligned with rows, hit-testing, selection both
// ways, zoom and fit. Offscreen.

#include "shownrun.h"
#include "testruns.h"

#include "widgets/tasktreemodel.h"
#include "widgets/timelinemodel.h"
#include "widgets/timelinepanel.h"
#include "widgets/timelineview.h"

#include <QScrollBar>
#include <QHelpEvent>
#include <QNativeGestureEvent>
#include <QPointingDevice>
#include <QTest>
#include <QToolTip>
#include <QTreeView>
#include <QWheelEvent>

using namespace engine;
using widgets::TaskTreeModel;
using widgets::TimelineModel;
using widgets::TimelinePanel;
using widgets::TimelineView;

namespace {

// Checks that every visible tree row and its lane share top edge and height on screen.
void verifyAligned(const TimelinePanel &panel)
{
    QTreeView *tree = panel.tree();
    TimelineView *view = panel.timeline();
    const auto &lanes = view->lanes();
    int row = 0;
    for (QModelIndex i = panel.treeModel()->index(0, 0); i.isValid(); i = tree->indexBelow(i), ++row) {
        QVERIFY(row < int(lanes.size()));
        QCOMPARE(lanes[size_t(row)], panel.treeModel()->taskId(i));
        const QRect rect = tree->visualRect(i);
        const int treeY = tree->viewport()->mapToGlobal(rect.topLeft()).y();
        const int laneY = view->viewport()->mapToGlobal(QPoint(0, view->laneTop(row))).y();
        QCOMPARE(laneY, treeY);
        QCOMPARE(view->laneHeight(), rect.height());
    }
    QCOMPARE(row, int(lanes.size()));
}

} // namespace

class TestTimelineView : public QObject
{
    Q_OBJECT

private slots:
    void lanesLineUpWithTheTreeRows()
    {
        auto rt = testruns::waitAnyAB();
        rt->scheduler().runUntilIdle();
        TimelinePanel panel;
        panel.resize(900, 300);
        panel.setRuntime(rt.get());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(panel.timeline()->lanes().size(), size_t(3));
        verifyAligned(panel);
    }

    void lanesStayAlignedWhenScrolledAndCollapsed()
    {
        auto rt = testruns::manyChildren(40);
        rt->scheduler().step();
        TimelinePanel panel;
        panel.resize(900, 300);
        panel.setRuntime(rt.get());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QScrollBar *bar = panel.tree()->verticalScrollBar();
        QVERIFY(bar->maximum() > 0);
        bar->setValue(bar->maximum() / 2 + 3);
        QCOMPARE(panel.timeline()->verticalScrollBar()->value(), bar->value());
        verifyAligned(panel);
        // Scrolling the lanes scrolls the tree too.
        panel.timeline()->verticalScrollBar()->setValue(bar->maximum());
        QCOMPARE(bar->value(), bar->maximum());
        verifyAligned(panel);
        // A collapsed task hides its children's lanes.
        panel.tree()->collapse(panel.treeModel()->index(0, 0));
        QCOMPARE(panel.timeline()->lanes().size(), size_t(1));
        verifyAligned(panel);
    }

    void tasksSpawnedWhileShownGetLanesInTreeOrder()
    {
        // The panel shows the run before main has spawned anything; the step at t=5 then adds
        // main's forty children as one block of rows, synced to the lanes once.
        auto rt = testruns::manyChildren(40, 5);
        TimelinePanel panel;
        panel.resize(900, 300);
        panel.setRuntime(rt.get());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(panel.timeline()->lanes().size(), size_t(1));
        int inserts = 0;
        connect(panel.treeModel(), &QAbstractItemModel::rowsInserted, this, [&inserts] { ++inserts; });
        rt->scheduler().advanceTo(5);
        panel.refresh();
        QCOMPARE(inserts, 1);
        QCOMPARE(panel.timeline()->lanes().size(), size_t(41));
        QCOMPARE(panel.model()->taskName(panel.timeline()->lanes()[1]), QStringLiteral("child 0"));
        QCOMPARE(panel.model()->taskName(panel.timeline()->lanes()[40]), QStringLiteral("child 39"));
        verifyAligned(panel);
        // Collapsing main keeps one lane, and expanding it again brings the forty back.
        panel.tree()->collapse(panel.treeModel()->index(0, 0));
        QCOMPARE(panel.timeline()->lanes().size(), size_t(1));
        panel.tree()->expand(panel.treeModel()->index(0, 0));
        QCOMPARE(panel.timeline()->lanes().size(), size_t(41));
        verifyAligned(panel);
    }

    void aMovedTaskTakesItsLaneAlongWithItsRow()
    {
        auto rt = testruns::startedIntoAnotherTasksNursery();
        TimelinePanel panel;
        panel.resize(900, 300);
        panel.setRuntime(rt.get());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        rt->scheduler().advanceTo(0);
        panel.refresh();
        auto names = [&panel] {
            QStringList out;
            for (const TaskId id : panel.timeline()->lanes())
                out << QString(panel.model()->task(id).depth * 2, QLatin1Char(' ')) + panel.model()->taskName(id);
            return out;
        };
        QCOMPARE(names(), QStringList({"main", "  helper", "    server"}));
        // The user selects the server; the move keeps the selection on it.
        const TaskId server = panel.timeline()->lanes()[2];
        panel.selectTask(server);
        rt->scheduler().advanceTo(1);
        panel.refresh();
        QCOMPARE(names(), QStringList({"main", "  helper", "  server"}));
        QCOMPARE(panel.selectedTask(), server);
        QCOMPARE(panel.treeModel()->taskId(panel.tree()->currentIndex()), server);
        QCOMPARE(panel.tree()->currentIndex().parent(), panel.treeModel()->index(0, 0));
        verifyAligned(panel);
    }

    void hitTestFindsTheTaskAndSpanUnderThePoint()
    {
        auto rt = testruns::waitAnyAB();
        rt->scheduler().runUntilIdle();
        TimelineModel model;
        model.setTrace(&rt->trace());
        model.update(rt->now());
        TimelineView view;
        view.setModel(&model);
        view.resize(600, 200);
        const int laneB = 2;   // main, A, B
        const QPoint point(int(view.axis().x(0.5)), view.laneTop(laneB) + view.laneHeight() / 2);
        const TimelineView::Hit hit = view.hitTest(point);
        QCOMPARE(hit.task, TaskId(2));
        QCOMPARE(hit.lane, laneB);
        QVERIFY(qAbs(hit.time - 0.5) < 0.05);
        QCOMPARE(hit.span, 1);
        QCOMPARE(model.task(2).spans[1].kind, widgets::SpanKind::Suspended);
        QCOMPARE(view.hitTest(QPoint(point.x(), view.laneTop(3) + 1)).task, NoId);
    }

    void clickingALaneSelectsTheTreeRowAndBack()
    {
        auto rt = testruns::waitAnyAB();
        rt->scheduler().runUntilIdle();
        TimelinePanel panel;
        panel.resize(900, 300);
        panel.setRuntime(rt.get());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        TimelineView *view = panel.timeline();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          QPoint(int(view->axis().x(0.5)), view->laneTop(2) + 3));
        QCOMPARE(panel.selectedTask(), TaskId(2));
        QCOMPARE(panel.treeModel()->taskId(panel.tree()->currentIndex()), TaskId(2));
        QVERIFY(panel.tree()->selectionModel()->isRowSelected(1, panel.treeModel()->index(0, 0)));

        panel.tree()->setCurrentIndex(panel.treeModel()->indexOf(1));
        QCOMPARE(view->selectedTask(), TaskId(1));
    }

    void hoverTooltipNamesTaskStateAndTimeSpan()
    {
        auto rt = testruns::waitAnyAB();
        rt->scheduler().runUntilIdle();
        TimelineModel model;
        model.setTrace(&rt->trace());
        model.update(rt->now());
        TimelineView view;
        view.setModel(&model);
        view.resize(600, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QPoint at(int(view.axis().x(0.5)), view.laneTop(2) + view.laneHeight() / 2);
        QHelpEvent help(QEvent::ToolTip, at, view.viewport()->mapToGlobal(at));
        QCoreApplication::sendEvent(view.viewport(), &help);
        QTRY_VERIFY(QToolTip::isVisible());
        const QString text = QToolTip::text();
        QVERIFY2(text.contains(QStringLiteral("<b>B</b>")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("sleep until 2")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("0 → 1 ms")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("cancelled at 1")), qPrintable(text));
        QToolTip::hideText();
    }

    void fitShowsTheWholeRunAndFollowsIt()
    {
        auto rt = testruns::waitAny(testruns::sleeper(10, "A"), testruns::sleeper(40, "B"));
        TimelineModel model;
        model.setTrace(&rt->trace());
        model.update(rt->now());
        TimelineView view;
        view.setModel(&model);
        view.resize(600, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const int width = view.viewport()->width();
        QVERIFY(view.followsRun());
        QCOMPARE(model.extent(), Tick(40));   // B's planned wake-up
        QVERIFY(view.axis().x(0) >= 0);
        QVERIFY(view.axis().x(40) <= width);
        QVERIFY(view.axis().x(40) > width * 0.8);
    }

    void ctrlWheelZoomsAroundTheCursor()
    {
        auto rt = testruns::waitAny(testruns::sleeper(10, "A"), testruns::sleeper(40, "B"));
        rt->scheduler().runUntilIdle();
        TimelineModel model;
        model.setTrace(&rt->trace());
        model.update(rt->now());
        TimelineView view;
        view.setModel(&model);
        view.resize(600, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QPointF at(view.axis().x(7.5), 30);
        const double before = view.axis().time(at.x());
        const double scale = view.axis().pixelsPerTick();
        QWheelEvent wheel(at, view.viewport()->mapToGlobal(at), QPoint(), QPoint(0, 240), Qt::NoButton,
                          Qt::ControlModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(view.viewport(), &wheel);
        QVERIFY(view.axis().pixelsPerTick() > scale * 1.3);
        QVERIFY(qAbs(view.axis().time(at.x()) - before) * view.axis().pixelsPerTick() < 1.0);
        QVERIFY(!view.followsRun());
        view.fitToRun();
        QVERIFY(view.followsRun());
        QCOMPARE(view.axis().pixelsPerTick(), scale);
    }

    void keysZoomPanAndFit()
    {
        testruns::ShownRun shown(testruns::waitAny(testruns::sleeper(10, "A"), testruns::sleeper(40, "B")), QSize(600, 200));
        auto &[rt, model, view] = shown;
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const double fit = view.axis().pixelsPerTick();
        QTest::keyClick(&view, Qt::Key_Plus);
        QVERIFY(qAbs(view.axis().pixelsPerTick() - fit * 1.5) < 1e-9);
        QTest::keyClick(&view, Qt::Key_Plus);
        QScrollBar *h = view.horizontalScrollBar();
        const int before = h->value();
        QTest::keyClick(&view, Qt::Key_Right);
        QCOMPARE(h->value(), before + int(std::lround(view.viewport()->width() * 0.1)));
        QTest::keyClick(&view, Qt::Key_End);
        QCOMPARE(h->value(), h->maximum());
        QTest::keyClick(&view, Qt::Key_Home);
        QCOMPARE(h->value(), 0);
        QTest::keyClick(&view, Qt::Key_Minus);
        QVERIFY(qAbs(view.axis().pixelsPerTick() - fit * 1.5) < 1e-9);
        QTest::keyClick(&view, Qt::Key_0);
        QVERIFY(view.followsRun());
        QCOMPARE(view.axis().pixelsPerTick(), fit);
    }

    void pinchZoomsAroundTheFingers()
    {
        testruns::ShownRun shown(testruns::waitAny(testruns::sleeper(10, "A"), testruns::sleeper(40, "B")), QSize(600, 200));
        auto &[rt, model, view] = shown;
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const double scale = view.axis().pixelsPerTick();
        const QPointF at(view.axis().x(6), 40);   // the run ends at 10, when A wins
        const double before = view.axis().time(at.x());
        QNativeGestureEvent pinch(Qt::ZoomNativeGesture, QPointingDevice::primaryPointingDevice(), 2, at, at,
                                  view.viewport()->mapToGlobal(at), 0.5, QPointF(), 1);
        QCoreApplication::sendEvent(view.viewport(), &pinch);
        QVERIFY(qAbs(view.axis().pixelsPerTick() - scale * 1.5) < 1e-9);
        QVERIFY(qAbs(view.axis().time(at.x()) - before) * view.axis().pixelsPerTick() < 1.0);
    }

    void paintingCullsToTheVisibleLanes()
    {
        auto rt = testruns::manyChildren(200);
        rt->scheduler().runUntilIdle();
        TimelineModel model;
        model.setTrace(&rt->trace());
        model.update(rt->now());
        TimelineView view;
        view.setModel(&model);
        view.resize(600, 240);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.grab();
        const int visibleLanes = view.viewport()->height() / view.laneHeight() + 1;
        // A handful of shapes per visible lane, never the whole run's.
        QVERIFY(view.geometry().shapeCount() > visibleLanes);
        QVERIFY(view.geometry().shapeCount() < visibleLanes * 8 + 4);
        QVERIFY(view.lastPaintNanoseconds() > 0);
    }
};

QTEST_MAIN(TestTimelineView)
#include "tst_timelineview.moc"
