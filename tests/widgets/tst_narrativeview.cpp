// NarrativeView: a row is a link to its event (click or Enter), the "now" row and the selected
// task's rows are highlighted, the filter hides rows, and the view follows the end unless the user
// scrolled up.

#include "scenarioruns.h"
#include "testruns.h"

#include "widgets/narrativemodel.h"
#include "widgets/narrativeview.h"

#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using namespace engine;
using widgets::NarrativeModel;
using widgets::NarrativeView;

class TestNarrativeView : public QObject
{
    Q_OBJECT

private slots:
    void clickingOrEnteringARowActivatesItsEvent()
    {
        const auto run = scenarioruns::finished(QStringLiteral("race-first-finisher"));
        NarrativeModel model;
        model.setTrace(&run->trace());
        NarrativeView view;
        view.setModel(&model);
        view.resize(500, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy activated(&view, &NarrativeView::eventActivated);

        const QModelIndex row12 = view.list()->model()->index(12, 0);
        view.list()->scrollTo(row12);
        QTest::mouseClick(view.list()->viewport(), Qt::LeftButton, {}, view.list()->visualRect(row12).center());
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).value<EventId>(), EventId(12));
        QCOMPARE(activated.at(0).at(1).value<Tick>(), Tick(1));

        view.list()->setCurrentIndex(view.list()->model()->index(3, 0));
        QTest::keyClick(view.list(), Qt::Key_Return);
        QCOMPARE(activated.count(), 2);
        QCOMPARE(activated.at(1).at(0).value<EventId>(), EventId(3));
        QCOMPARE(activated.at(1).at(1).value<Tick>(), Tick(0));
    }

    void theFilterKeepsOnlyMatchingSentences()
    {
        const auto run = scenarioruns::finished(QStringLiteral("race-first-finisher"));
        NarrativeModel model;
        model.setTrace(&run->trace());
        NarrativeView view;
        view.setModel(&model);
        QVERIFY(!view.filterEdit()->toolTip().isEmpty());
        view.setFilterText(QStringLiteral("CANCEL"));
        QAbstractItemModel *shown = view.list()->model();
        QCOMPARE(shown->rowCount(), 3);   // B resumes to receive …, receives …, was cancelled
        QCOMPARE(shown->index(0, 0).data(NarrativeModel::EventIdRole).toInt(), 13);
        QCOMPARE(shown->index(2, 0).data().toString(), QStringLiteral("t=1 · B was cancelled while sleeping (cancel latency 0)."));
        view.setFilterText({});
        QCOMPARE(shown->rowCount(), 19);
    }

    void nowAndTheSelectedTaskAreTracked()
    {
        const auto run = scenarioruns::finished(QStringLiteral("asyncgui-protected-loser"));
        NarrativeModel model;
        model.setTrace(&run->trace());
        NarrativeView view;
        view.setModel(&model);
        view.setNow(2);
        QCOMPARE(view.nowEvent(), EventId(13));
        view.setNow(-5);
        QCOMPARE(view.nowEvent(), NoId);
        view.setSelectedTask(2);
        QCOMPARE(view.selectedTask(), TaskId(2));
    }

    void followsTheEndUnlessTheUserScrolledUp()
    {
        auto rt = testruns::manyChildren(40);
        NarrativeModel model;
        model.setTrace(&rt->trace());
        NarrativeView view;
        view.setModel(&model);
        view.resize(400, 150);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QScrollBar *bar = view.list()->verticalScrollBar();

        rt->scheduler().advanceTo(0);
        model.update();
        QVERIFY(bar->maximum() > 0);
        QCOMPARE(bar->value(), bar->maximum());
        QVERIFY(view.isFollowingEnd());

        bar->setValue(0);   // the user scrolls up to read
        QVERIFY(!view.isFollowingEnd());
        rt->scheduler().advanceTo(5);
        model.update();
        QCOMPARE(bar->value(), 0);

        bar->setValue(bar->maximum());   // back at the end: following again
        rt->scheduler().runUntilIdle();
        model.update();
        QVERIFY(view.isFollowingEnd());
        QCOMPARE(bar->value(), bar->maximum());
    }
};

QTEST_MAIN(TestNarrativeView)
#include "tst_narrativeview.moc"
