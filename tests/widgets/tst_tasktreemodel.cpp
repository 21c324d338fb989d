// The task tree model: rows in task-tree order with name, state and end, checked by
// QAbstractItemModelTester while a run grows step by step.

#include "testruns.h"

#include "widgets/tasktreemodel.h"
#include "widgets/timelinemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace engine;
using widgets::TaskTreeModel;
using widgets::TimelineModel;

class TestTaskTreeModel : public QObject
{
    Q_OBJECT

private slots:
    void passesTheModelTesterWhileTheRunGrows()
    {
        Runtime rt(Profile::trio());   // deferred starts: tasks appear over several steps
        TimelineModel timeline;
        TaskTreeModel tree;
        tree.setTimelineModel(&timeline);
        QAbstractItemModelTester tester(&tree, QAbstractItemModelTester::FailureReportingMode::Fatal);
        timeline.setTrace(&rt.trace());
        testruns::spawnNurseryFailure(rt);
        timeline.update(rt.now());
        while (rt.scheduler().step())
            timeline.update(rt.now());
        QCOMPARE(tree.rowCount(), 1);
        QCOMPARE(tree.rowCount(tree.index(0, 0)), 2);
        // A second run replaces the first through a reset.
        auto other = testruns::waitAnyAB();
        other->scheduler().runUntilIdle();
        timeline.setTrace(&other->trace());
        timeline.update(other->now());
        QCOMPARE(tree.rowCount(tree.index(0, 0)), 2);
    }

    void passesTheModelTesterWhenATaskMoves()
    {
        auto rt = testruns::startedIntoAnotherTasksNursery();
        TimelineModel timeline;
        TaskTreeModel tree;
        tree.setTimelineModel(&timeline);
        QAbstractItemModelTester tester(&tree, QAbstractItemModelTester::FailureReportingMode::Fatal);
        timeline.setTrace(&rt->trace());
        timeline.update(rt->now());
        while (rt->scheduler().step())
            timeline.update(rt->now());
        // main holds helper and, since started(), the server; helper holds nothing.
        const QModelIndex main = tree.index(0, 0);
        QCOMPARE(tree.rowCount(main), 2);
        QCOMPARE(tree.index(1, TaskTreeModel::NameColumn, main).data().toString(), QStringLiteral("server"));
        QCOMPARE(tree.rowCount(tree.index(0, 0, main)), 0);
    }

    void rowsShowNameStateAndEndInTreeOrder()
    {
        auto rt = testruns::waitAnyAB();
        rt->scheduler().runUntilIdle();
        TimelineModel timeline;
        TaskTreeModel tree;
        tree.setTimelineModel(&timeline);
        timeline.setTrace(&rt->trace());
        timeline.update(rt->now());

        const QModelIndex main = tree.index(0, TaskTreeModel::NameColumn);
        QCOMPARE(main.data().toString(), QStringLiteral("main"));
        QCOMPARE(tree.taskId(main), TaskId(0));
        const QModelIndex a = tree.index(0, TaskTreeModel::NameColumn, main);
        const QModelIndex b = tree.index(1, TaskTreeModel::NameColumn, main);
        QCOMPARE(a.data().toString(), QStringLiteral("A"));
        QCOMPARE(b.data().toString(), QStringLiteral("B"));
        QCOMPARE(a.siblingAtColumn(TaskTreeModel::StateColumn).data().toString(), QStringLiteral("completed"));
        QCOMPARE(b.siblingAtColumn(TaskTreeModel::StateColumn).data().toString(), QStringLiteral("cancelled"));
        QCOMPARE(b.siblingAtColumn(TaskTreeModel::EndColumn).data().toLongLong(), 1);
        QCOMPARE(tree.parent(b), main);
        QCOMPARE(tree.indexOf(2), b);
        QVERIFY(!a.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(b.data(Qt::ToolTipRole).toString().contains(QStringLiteral("cancel requested at 1")));
    }

    void stateChangesAreSignalledPerRow()
    {
        auto rt = testruns::waitAnyAB();
        TimelineModel timeline;
        TaskTreeModel tree;
        tree.setTimelineModel(&timeline);
        timeline.setTrace(&rt->trace());
        timeline.update(rt->now());
        const QModelIndex b = tree.indexOf(2, TaskTreeModel::StateColumn);
        QCOMPARE(b.data().toString(), QStringLiteral("suspended · sleep until 2"));
        QCOMPARE(b.siblingAtColumn(TaskTreeModel::EndColumn).data().toString(), QStringLiteral("…"));
        int changedRows = 0;
        connect(&tree, &QAbstractItemModel::dataChanged, this, [&] { ++changedRows; });
        rt->scheduler().runUntilIdle();
        timeline.update(rt->now());
        QCOMPARE(changedRows, 3);   // main, A and B all ended
        QCOMPARE(b.data().toString(), QStringLiteral("cancelled"));
    }
};

QTEST_MAIN(TestTaskTreeModel)
#include "tst_tasktreemodel.moc"
