// NarrativeModel: one sentence per trace event, rows appended as the run advances, reset on a new
// trace, with roles for the event, its time and its task. Checked by QAbstractItemModelTester.

#include "scenarioruns.h"
#include "testruns.h"

#include "widgets/eventnarrator.h"
#include "widgets/narrativemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace engine;
using widgets::NarrativeModel;

class TestNarrativeModel : public QObject
{
    Q_OBJECT

private slots:
    void appendsRowsAsTheTraceGrows()
    {
        auto rt = testruns::manyChildren(3);   // children end at 1, 2 and 3
        NarrativeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTrace(&rt->trace());
        const int before = model.rowCount();
        QCOMPARE(before, rt->trace().size());

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        rt->scheduler().advanceTo(1);
        model.update();
        const int atOne = model.rowCount();
        QVERIFY(atOne > before);
        QCOMPARE(atOne, rt->trace().size());
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), before);
        QCOMPARE(inserted.at(0).at(2).toInt(), atOne - 1);

        model.update();   // nothing new: no signal
        QCOMPARE(inserted.count(), 1);

        rt->scheduler().runUntilIdle();
        model.update();
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted.at(1).at(1).toInt(), atOne);
        QCOMPARE(model.rowCount(), rt->trace().size());
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.index(model.rowCount() - 1).data().toString(),
                 widgets::EventNarrator::sentence(rt->trace(), rt->trace().size() - 1));
    }

    void aNewOrClearedTraceResetsTheModel()
    {
        auto first = testruns::waitAnyAB();
        first->scheduler().runUntilIdle();
        auto second = testruns::nurseryFailure();
        second->scheduler().runUntilIdle();
        NarrativeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTrace(&first->trace());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setTrace(&second->trace());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), second->trace().size());
        QVERIFY(second->trace().size() != first->trace().size());

        second->trace().clear();
        model.update();
        QCOMPARE(reset.count(), 2);
        QCOMPARE(model.rowCount(), 0);

        model.setTrace(nullptr);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.lastRowAt(5), -1);
    }

    void rolesGiveTheEventItsTimeAndItsTask()
    {
        const auto run = scenarioruns::finished(QStringLiteral("race-first-finisher"));
        NarrativeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTrace(&run->trace());
        QCOMPARE(model.rowCount(), 19);
        const QModelIndex request = model.index(12);
        QCOMPARE(request.data().toString(), QStringLiteral("t=1 · wait_any() asked B to stop because A finished first."));
        QCOMPARE(request.data(NarrativeModel::EventIdRole).toInt(), 12);
        QCOMPARE(request.data(NarrativeModel::TimeRole).toLongLong(), 1);
        QCOMPARE(request.data(NarrativeModel::TaskRole).toInt(), 0);   // the scope's owner, main
        QCOMPARE(request.data(NarrativeModel::KindRole).toInt(), int(EventKind::CancelRequested));
        QCOMPARE(model.index(5).data(NarrativeModel::TaskRole).toInt(), 1);   // A sleeps
        QVERIFY(request.data(Qt::ToolTipRole).toString().contains(QLatin1String("t=1")));
        QCOMPARE(model.roleNames().value(NarrativeModel::EventIdRole), QByteArray("eventId"));
        QCOMPARE(model.roleNames().value(NarrativeModel::TaskRole), QByteArray("task"));
        QCOMPARE(model.eventAt(3), EventId(3));
        QCOMPARE(model.eventAt(19), NoId);
    }

    void lastRowAtFindsTheLastEventAtOrBeforeATime()
    {
        const auto run = scenarioruns::finished(QStringLiteral("asyncgui-protected-loser"));
        NarrativeModel model;
        model.setTrace(&run->trace());
        QCOMPARE(model.lastRowAt(-1), -1);
        QCOMPARE(model.lastRowAt(0), 10);   // the last event at t=0: main waits for its children
        QCOMPARE(model.lastRowAt(2), 13);   // nothing happens at 2: still A's request at 1
        QCOMPARE(model.lastRowAt(3), 20);
        QCOMPARE(model.lastRowAt(100), 20);
    }
};

QTEST_GUILESS_MAIN(TestNarrativeModel)
#include "tst_narrativemodel.moc"
