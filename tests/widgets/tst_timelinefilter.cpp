// Filtering and searching tasks in the timeline panel: rows and lanes hidden together (ancestors
// kept as context), matches highlighted, F3 / Shift+F3 walk the matches. Offscreen.

#include "testruns.h"

#include "widgets/taskfilter.h"
#include "widgets/tasktreemodel.h"
#include "widgets/timelinefilterbar.h"
#include "widgets/timelinemodel.h"
#include "widgets/timelinepanel.h"
#include "widgets/timelineview.h"

#include <QComboBox>
#include <QLineEdit>
#include <QScrollBar>
#include <QTest>
#include <QTreeView>

using namespace engine;
using widgets::TaskFilter;
using widgets::TimelinePanel;

namespace {

void verifyAligned(const TimelinePanel &panel)
{
    QTreeView *tree = panel.tree();
    const auto &lanes = panel.timeline()->lanes();
    int row = 0;
    for (QModelIndex i = panel.treeModel()->index(0, 0); i.isValid(); i = tree->indexBelow(i), ++row) {
        QVERIFY(row < int(lanes.size()));
        QCOMPARE(lanes[size_t(row)], panel.treeModel()->taskId(i));
        const int treeY = tree->viewport()->mapToGlobal(tree->visualRect(i).topLeft()).y();
        const int laneY = panel.timeline()->viewport()->mapToGlobal(QPoint(0, panel.timeline()->laneTop(row))).y();
        QCOMPARE(laneY, treeY);
    }
    QCOMPARE(row, int(lanes.size()));
}

QStringList laneNames(const TimelinePanel &panel)
{
    QStringList out;
    for (TaskId id : panel.timeline()->lanes())
        out << panel.model()->taskName(id);
    return out;
}

} // namespace

class TestTimelineFilter : public QObject
{
    Q_OBJECT

private slots:
    void filterMatchesNameAndState()
    {
        auto rt = testruns::waitAnyAB();
        rt->scheduler().runUntilIdle();
        widgets::TimelineModel model;
        model.setTrace(&rt->trace());
        QCOMPARE(TaskFilter(QStringLiteral("b"), TaskFilter::State::Any).matchesInTreeOrder(model), std::vector<TaskId>{2});
        QCOMPARE(TaskFilter({}, TaskFilter::State::Cancelled).matchesInTreeOrder(model), std::vector<TaskId>{2});
        QCOMPARE(TaskFilter({}, TaskFilter::State::Completed).matchesInTreeOrder(model), (std::vector<TaskId>{0, 1}));
        QVERIFY(TaskFilter(QStringLiteral("a"), TaskFilter::State::Cancelled).matchesInTreeOrder(model).empty());
        QVERIFY(TaskFilter().matchesInTreeOrder(model).empty());
        // B is shown with its parent main as context; A is not.
        const auto shown = TaskFilter(QStringLiteral("B"), TaskFilter::State::Any).shownTasks(model);
        QCOMPARE(shown, (std::vector<char>{1, 0, 1}));
    }

    void cancellingIsAStateOfItsOwn()
    {
        auto rt = testruns::waitAny(testruns::sleeper(1, QStringLiteral("A")), testruns::shielded(3));
        rt->scheduler().advanceTo(2);
        widgets::TimelineModel model;
        model.setTrace(&rt->trace());
        model.update(rt->now());
        // B sits in its shield, asked to stop at 1: cancelling, not "suspended".
        const auto cancelling = TaskFilter({}, TaskFilter::State::Cancelling).matchesInTreeOrder(model);
        QVERIFY(std::find(cancelling.begin(), cancelling.end(), TaskId(2)) != cancelling.end());
        const auto suspended = TaskFilter({}, TaskFilter::State::Suspended).matchesInTreeOrder(model);
        QVERIFY(std::find(suspended.begin(), suspended.end(), TaskId(2)) == suspended.end());
    }

    void filteringHidesRowsAndLanesTogetherAndHighlightsMatches()
    {
        auto rt = testruns::manyChildren(12);
        rt->scheduler().runUntilIdle();
        TimelinePanel panel;
        panel.resize(900, 400);
        panel.setRuntime(rt.get());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(panel.timeline()->lanes().size(), size_t(13));
        // Typing in the field filters.
        panel.filterBar()->textField()->setText(QStringLiteral("child 1"));
        QCOMPARE(laneNames(panel), (QStringList{"main", "child 1", "child 10", "child 11"}));
        verifyAligned(panel);
        QCOMPARE(panel.matches().size(), size_t(3));
        QVERIFY(!panel.timeline()->isHighlighted(0));   // context only: dimmed
        QVERIFY(panel.timeline()->isHighlighted(2));
        QVERIFY(panel.treeModel()->isHighlighted(2));
        QCOMPARE(panel.treeModel()->data(panel.treeModel()->indexOf(2), Qt::FontRole).value<QFont>().bold(), true);

        // A state on top: nothing failed.
        panel.filterBar()->stateBox()->setCurrentIndex(int(TaskFilter::State::Failed));
        QVERIFY(panel.matches().empty());
        QCOMPARE(panel.timeline()->lanes().size(), size_t(0));
        panel.filterBar()->stateBox()->setCurrentIndex(int(TaskFilter::State::Completed));
        QCOMPARE(panel.matches().size(), size_t(3));

        // Clearing shows everything again, still aligned.
        panel.setFilter(TaskFilter());
        QCOMPARE(panel.filterBar()->textField()->text(), QString());
        QCOMPARE(panel.timeline()->lanes().size(), size_t(13));
        verifyAligned(panel);
    }

    void f3SelectsTheNextMatchAndScrollsToIt()
    {
        auto rt = testruns::manyChildren(40);
        rt->scheduler().runUntilIdle();
        TimelinePanel panel;
        panel.resize(900, 260);
        panel.setRuntime(rt.get());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.setFilter(TaskFilter(QStringLiteral("child 3"), TaskFilter::State::Any));
        // child 3, child 30 … child 39: 11 matches; collapse main so a search must expand it.
        QCOMPARE(panel.matches().size(), size_t(11));
        panel.tree()->collapse(panel.treeModel()->index(0, 0));
        QCOMPARE(panel.timeline()->lanes().size(), size_t(1));
        verifyAligned(panel);

        QTest::keyClick(&panel, Qt::Key_F3);
        QCOMPARE(panel.model()->taskName(panel.selectedTask()), QStringLiteral("child 3"));
        QVERIFY(panel.tree()->isExpanded(panel.treeModel()->index(0, 0)));
        verifyAligned(panel);
        QTest::keyClick(&panel, Qt::Key_F3);
        QCOMPARE(panel.model()->taskName(panel.selectedTask()), QStringLiteral("child 30"));
        QTest::keyClick(&panel, Qt::Key_F3, Qt::ShiftModifier);
        QCOMPARE(panel.model()->taskName(panel.selectedTask()), QStringLiteral("child 3"));
        QTest::keyClick(&panel, Qt::Key_F3, Qt::ShiftModifier);   // wraps to the last
        QCOMPARE(panel.model()->taskName(panel.selectedTask()), QStringLiteral("child 39"));
        // The last match is scrolled into view, and the lanes followed the tree.
        const int lane = panel.timeline()->laneOf(panel.selectedTask());
        QVERIFY(lane > 0);
        QVERIFY(panel.timeline()->laneTop(lane) >= 0);
        QVERIFY(panel.timeline()->laneTop(lane) < panel.timeline()->viewport()->height());
        verifyAligned(panel);
    }
};

QTEST_MAIN(TestTimelineFilter)
#include "tst_timelinefilter.moc"
