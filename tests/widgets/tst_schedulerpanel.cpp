// The scheduler panel lists the ready queue and the pending timers of a run, and what the next
// step will run; it follows the run as it moves.

#include "testruns.h"

#include "widgets/schedulermodel.h"
#include "widgets/schedulerpanel.h"

#include <QAbstractItemModelTester>
#include <QTest>
#include <QTreeView>

using widgets::SchedulerModel;
using widgets::SchedulerPanel;

namespace {

QStringList rowTexts(const SchedulerModel *m)
{
    QStringList out;
    for (int r = 0; r < m->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < m->columnCount(); ++c)
            cells << m->index(r, c).data().toString();
        out << cells.join(QLatin1Char('|'));
    }
    return out;
}

} // namespace

class TestSchedulerPanel : public QObject
{
    Q_OBJECT

private slots:
    void showsTheTimersOfTheRaceAtZero()
    {
        // asyncgui wait_any(A: sleep 1, B: sleep 2): eager starts, so at t=0 both sleep.
        auto rt = testruns::waitAnyAB();
        SchedulerPanel panel;
        QAbstractItemModelTester readyTester(panel.readyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester timersTester(panel.timersModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.setRuntime(rt.get());
        QCOMPARE(rowTexts(panel.timersModel()), (QStringList{QStringLiteral("t=1|wake|A"), QStringLiteral("t=2|wake|B")}));
        QCOMPARE(panel.readyModel()->rowCount(), 0);
        QCOMPARE(panel.timersModel()->totalCount(), 2);
        QCOMPARE(panel.nextStepText(), QStringLiteral("next: wake A at t=1"));
        QCOMPARE(rt->trace().taskName(panel.timersModel()->taskAt(0)), QStringLiteral("A"));
        QCOMPARE(rt->trace().taskName(panel.timersModel()->taskAt(1)), QStringLiteral("B"));
        QCOMPARE(panel.timersModel()->headerData(SchedulerModel::When, Qt::Horizontal).toString(), QStringLiteral("Deadline"));
        QVERIFY(panel.timersModel()->index(0, SchedulerModel::When).data(Qt::ToolTipRole).toString().contains(QStringLiteral("wake A at t=1")));
    }

    void followsTheRunStepByStep()
    {
        auto rt = testruns::waitAnyAB();
        SchedulerPanel panel;
        QAbstractItemModelTester readyTester(panel.readyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester timersTester(panel.timersModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.setRuntime(rt.get());

        // A's timer fires: time jumps to 1 and A's wake-up is queued; B's timer is still pending.
        rt->scheduler().step();
        panel.refresh();
        QCOMPARE(rt->now(), engine::Tick(1));
        QCOMPARE(rowTexts(panel.readyModel()), QStringList{QStringLiteral("now|resume|A")});
        QCOMPARE(rowTexts(panel.timersModel()), QStringList{QStringLiteral("t=2|wake|B")});
        QCOMPARE(panel.nextStepText(), QStringLiteral("next: resume A (now)"));

        // Running to the end empties both queues.
        rt->scheduler().runUntilIdle();
        panel.refresh();
        QCOMPARE(panel.readyModel()->rowCount(), 0);
        QCOMPARE(panel.timersModel()->rowCount(), 0);
        QCOMPARE(panel.nextStepText(), QStringLiteral("nothing left to run"));
    }

    void aReplacedRunIsReadAfresh()
    {
        auto first = testruns::waitAnyAB();
        first->scheduler().runUntilIdle();
        auto second = testruns::manyChildren(3);
        SchedulerPanel panel;
        QAbstractItemModelTester tester(panel.timersModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.setRuntime(first.get());
        QCOMPARE(panel.timersModel()->rowCount(), 0);
        panel.setRuntime(second.get());
        QCOMPARE(panel.timersModel()->rowCount(), 3);
        QCOMPARE(panel.timersModel()->index(2, SchedulerModel::When).data().toString(), QStringLiteral("t=3"));
        panel.setRuntime(nullptr);
        QCOMPARE(panel.timersModel()->rowCount(), 0);
        QCOMPARE(panel.nextStepText(), QStringLiteral("No run"));
    }

    void longQueuesAreCutButCounted()
    {
        auto rt = testruns::manyChildren(SchedulerModel::MaxRows + 20);
        SchedulerModel model(SchedulerModel::Queue::Timers);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRuntime(rt.get());
        QCOMPARE(model.rowCount(), SchedulerModel::MaxRows);
        QCOMPARE(model.totalCount(), SchedulerModel::MaxRows + 20);
    }
};

QTEST_MAIN(TestSchedulerPanel)
#include "tst_schedulerpanel.moc"
