// The timeline model derives each task's spans and marks from an engine trace: checked against
// known asyncgui runs, span by span.

#include "testruns.h"

#include "widgets/timelinemodel.h"

#include <QSignalSpy>
#include <QTest>

using namespace engine;
using widgets::MarkKind;
using widgets::SpanKind;
using widgets::TimelineModel;

namespace {

// "running 0-0, sleep until 1 0-1, …": one readable line per task.
QString spans(const TimelineModel &m, TaskId id)
{
    QStringList out;
    for (const widgets::TimelineSpan &s : m.task(id).spans)
        out << QStringLiteral("%1 %2-%3").arg(m.spanText(s)).arg(s.begin).arg(s.isOpen() ? QStringLiteral("now") : QString::number(s.end));
    return out.join(QStringLiteral(", "));
}

QString marks(const TimelineModel &m, TaskId id)
{
    QStringList out;
    for (const widgets::TimelineMark &k : m.task(id).marks) {
        const char *names[] = {"cancel requested", "cancel delivered", "completed", "failed", "cancelled"};
        out << QStringLiteral("%1@%2").arg(QLatin1String(names[int(k.kind)])).arg(k.time);
    }
    return out.join(QStringLiteral(", "));
}

TaskId byName(const TimelineModel &m, const QString &name)
{
    for (TaskId id = 0; id < m.taskCount(); ++id)
        if (m.taskName(id) == name)
            return id;
    return NoId;
}

} // namespace

class TestTimelineModel : public QObject
{
    Q_OBJECT

private slots:
    void waitAnyWinnerCompletesAndLoserIsCancelledAtOne()
    {
        auto rt = testruns::waitAnyAB();
        rt->scheduler().runUntilIdle();
        TimelineModel m;
        m.setTrace(&rt->trace());
        m.update(rt->now());

        const TaskId a = byName(m, "A"), b = byName(m, "B");
        QCOMPARE(spans(m, a), QStringLiteral("running 0-0, sleep until 1 0-1, running 1-1"));
        QCOMPARE(marks(m, a), QStringLiteral("completed@1"));
        QCOMPARE(m.task(a).state, TaskState::Completed);
        QVERIFY(!m.task(a).cancelRequested());

        QCOMPARE(spans(m, b), QStringLiteral("running 0-0, sleep until 2 0-1, running 1-1"));
        QCOMPARE(marks(m, b), QStringLiteral("cancel requested@1, cancel delivered@1, cancelled@1"));
        QCOMPARE(m.task(b).cancelRequestTime, Tick(1));
        QCOMPARE(m.task(b).ended, Tick(1));
        QCOMPARE(m.stateText(b), QStringLiteral("cancelled"));

        QCOMPARE(spans(m, 0), QStringLiteral("running 0-0, waiting for children 0-1, running 1-1"));
        QVERIFY(!m.task(0).cancelRequested());   // the helper's owner had left its scope
        QCOMPARE(m.extent(), Tick(1));
    }

    void lanesFollowTheTaskTreeParentsFirst()
    {
        auto rt = testruns::waitAnyAB();
        rt->scheduler().runUntilIdle();
        TimelineModel m;
        m.setTrace(&rt->trace());
        QCOMPARE(m.treeOrder(), std::vector<TaskId>({0, 1, 2}));
        QCOMPARE(m.roots(), std::vector<TaskId>({0}));
        QCOMPARE(m.task(1).parent, TaskId(0));
        QCOMPARE(m.task(2).depth, 1);
        QCOMPARE(m.task(0).children, std::vector<TaskId>({1, 2}));
    }

    void openTasksLastUntilNowAndShowTheirPlannedWake()
    {
        auto rt = testruns::waitAnyAB();   // nothing stepped: everyone sleeps at t=0
        TimelineModel m;
        m.setTrace(&rt->trace());
        m.update(rt->now());
        const TaskId b = byName(m, "B");
        QVERIFY(m.task(b).isOpen());
        QCOMPARE(spans(m, b), QStringLiteral("running 0-0, sleep until 2 0-now"));
        QCOMPARE(m.stateText(b), QStringLiteral("suspended · sleep until 2"));
        QCOMPARE(m.extent(), Tick(2));   // B's wake-up is worth showing already
    }

    void cancelRequestAndExitAreSeparateMarksWithTheLatencyBetween()
    {
        // B sleeps 3 in a shield: the request at 1 (A won) is delivered at its checkpoint at 3.
        auto rt = testruns::waitAny(testruns::sleeper(1, "A"), testruns::shielded(3));
        rt->scheduler().advanceTo(2);
        TimelineModel m;
        m.setTrace(&rt->trace());
        m.update(rt->now());
        const TaskId b = byName(m, "B");
        QVERIFY(m.task(b).isCancelling());
        QCOMPARE(m.stateText(b), QStringLiteral("cancelling · sleep until 3"));

        rt->scheduler().runUntilIdle();
        m.update(rt->now());
        QCOMPARE(marks(m, b), QStringLiteral("cancel requested@1, cancel delivered@3, cancelled@3"));
        QCOMPARE(m.task(b).ended - m.task(b).cancelRequestTime, Tick(2));
    }

    void nurseryBodyInsideItsScopeIsAskedToStopToo()
    {
        auto rt = testruns::nurseryFailure();
        TimelineModel m;
        m.setTrace(&rt->trace());
        // Stop right after A failed: the request is out, nothing has been delivered yet.
        while (rt->state(1) != TaskState::Failed && rt->scheduler().step()) {
        }
        m.update(rt->now());
        QVERIFY(m.task(0).isCancelling());
        QVERIFY(m.task(2).isCancelling());
        QCOMPARE(m.stateText(2), QStringLiteral("cancelling · sleep until 2"));

        rt->scheduler().runUntilIdle();
        m.update(rt->now());
        QCOMPARE(marks(m, byName(m, "A")), QStringLiteral("failed@1"));
        QCOMPARE(marks(m, byName(m, "B")), QStringLiteral("cancel requested@1, cancel delivered@1, cancelled@1"));
        QCOMPARE(marks(m, 0), QStringLiteral("cancel requested@1, cancel delivered@1, failed@1"));
        QCOMPARE(m.stateText(0), QStringLiteral("failed while cancelling"));
        QCOMPARE(int(m.scopes().size()), 1);
        QCOMPARE(m.scopes().front().exited, Tick(1));
    }

    void incrementalUpdatesMatchAFullRebuild()
    {
        auto rt = std::make_unique<Runtime>(Profile::asyncgui());
        TimelineModel live;
        live.setTrace(&rt->trace());   // empty: every task arrives through update()
        QSignalSpy added(&live, &TimelineModel::tasksAdded);
        QSignalSpy changed(&live, &TimelineModel::changed);
        testruns::spawnNurseryFailure(*rt);
        live.update(rt->now());
        while (rt->scheduler().step())
            live.update(rt->now());
        TimelineModel rebuilt;
        rebuilt.setTrace(&rt->trace());
        rebuilt.update(rt->now());
        QCOMPARE(live.taskCount(), rebuilt.taskCount());
        QCOMPARE(live.treeOrder(), rebuilt.treeOrder());
        for (TaskId id = 0; id < live.taskCount(); ++id) {
            QCOMPARE(spans(live, id), spans(rebuilt, id));
            QCOMPARE(marks(live, id), marks(rebuilt, id));
        }
        QVERIFY(changed.count() > 1);
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.front(), QVariantList({0, 2}));
    }

    void aStartedTaskMovesIntoTheNurseryOwnersSubtree()
    {
        auto rt = testruns::startedIntoAnotherTasksNursery();
        TimelineModel live;
        live.setTrace(&rt->trace());
        QSignalSpy moved(&live, &TimelineModel::taskMoved);
        auto named = [&live](const QString &name) {
            for (TaskId id = 0; id < live.taskCount(); ++id)
                if (live.taskName(id) == name)
                    return id;
            return NoId;
        };
        rt->scheduler().advanceTo(0);
        live.update(rt->now());
        const TaskId main = named(QStringLiteral("main"));
        const TaskId helper = named(QStringLiteral("helper"));
        const TaskId server = named(QStringLiteral("server"));
        QVERIFY(main >= 0 && helper >= 0 && server >= 0);
        // Before started(): the server runs under helper, which called start().
        QCOMPARE(live.task(server).parent, helper);
        QCOMPARE(live.task(server).depth, 2);
        QCOMPARE(live.task(helper).children, std::vector<TaskId>{server});
        QCOMPARE(moved.count(), 0);

        rt->scheduler().advanceTo(1);
        live.update(rt->now());
        // started() at 1 moved it into main's nursery: main's last child, one level up.
        QCOMPARE(moved.count(), 1);
        QCOMPARE(moved.front().front().value<TaskId>(), server);
        QCOMPARE(live.task(server).parent, main);
        QCOMPARE(live.task(server).depth, 1);
        QVERIFY(live.task(helper).children.empty());
        QCOMPARE(live.task(main).children, (std::vector<TaskId>{helper, server}));
        QCOMPARE(live.treeOrder(), (std::vector<TaskId>{main, helper, server}));

        // A model built from the whole trace agrees with the one that followed it live.
        rt->scheduler().runUntilIdle();
        live.update(rt->now());
        TimelineModel rebuilt;
        rebuilt.setTrace(&rt->trace());
        QCOMPARE(rebuilt.treeOrder(), live.treeOrder());
        QCOMPARE(rebuilt.task(server).parent, main);
        QCOMPARE(live.task(server).ended, Tick(3));
    }

    void updateWithoutNewEventsChangesNothing()
    {
        auto rt = testruns::waitAnyAB();
        TimelineModel m;
        m.setTrace(&rt->trace());
        m.update(rt->now());
        const quint64 revision = m.revision();
        QSignalSpy changed(&m, &TimelineModel::changed);
        m.update(rt->now());
        QCOMPARE(changed.count(), 0);
        QCOMPARE(m.revision(), revision);
    }

    void clearingTheTraceShowsNothing()
    {
        auto rt = testruns::waitAnyAB();
        TimelineModel m;
        m.setTrace(&rt->trace());
        QSignalSpy reset(&m, &TimelineModel::reset);
        m.setTrace(nullptr);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(m.taskCount(), 0);
        QVERIFY(m.treeOrder().empty());
    }
};

QTEST_GUILESS_MAIN(TestTimelineModel)
#include "tst_timelinemodel.moc"
