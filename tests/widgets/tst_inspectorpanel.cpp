// InspectorPanel shows a task's history, outcome and why it ended; children, named tasks and
// times are clickable.

#include "scenarioruns.h"

#include "widgets/inspectorpanel.h"
#include "widgets/timelinemodel.h"

#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace engine;
using widgets::InspectorPanel;
using widgets::TimelineModel;

class TestInspectorPanel : public QObject
{
    Q_OBJECT

private slots:
    void showsHistoryOutcomeAndWhyOfTheSelectedTask()
    {
        const auto run = scenarioruns::finished(QStringLiteral("race-first-finisher"));
        TimelineModel model;
        model.setTrace(&run->trace());
        model.update(run->runtime().now());
        InspectorPanel panel;
        panel.setModel(&model);
        QVERIFY(panel.titleText().contains(QLatin1String("No task")));

        panel.setTask(2);   // B
        QVERIFY(panel.titleText().contains(QLatin1String("<b>B</b>")));
        QVERIFY(panel.titleText().contains(QLatin1String("wait_any()")));
        QVERIFY(panel.titleText().endsWith(QLatin1String("cancelled")));
        QCOMPARE(panel.outcomeText(), QStringLiteral("No result: cancelled"));
        QCOMPARE(panel.whyText(), QStringLiteral("B cancelled at t=1 because sibling A completed first and wait_any() cancels the losers."));

        QTreeWidget *history = panel.history();
        QStringList rows;
        for (int i = 0; i < history->topLevelItemCount(); ++i)
            rows << history->topLevelItem(i)->text(0) + QLatin1Char(' ') + history->topLevelItem(i)->text(1);
        QCOMPARE(rows, QStringList({
                           "t=0 main spawns B in wait_any().",
                           "t=0 B starts running.",
                           "t=0 B sleeps until t=2.",
                           "t=1 wait_any() asked B to stop because A finished first.",
                           "t=1 B resumes to receive a cancellation.",
                           "t=1 B receives the cancellation while sleeping.",
                           "t=1 B was cancelled while sleeping (cancel latency 0).",
                       }));
        QCOMPARE(panel.children()->count(), 0);

        panel.setTask(1);   // A
        QCOMPARE(panel.outcomeText(), QStringLiteral("Result: 'A'"));
        QCOMPARE(panel.whyText(), QStringLiteral("A completed at t=1 with 'A'; its finish cancelled B."));
    }

    void clickingAChildOrANamedTaskActivatesIt()
    {
        const auto run = scenarioruns::finished(QStringLiteral("race-first-finisher"));
        TimelineModel model;
        model.setTrace(&run->trace());
        InspectorPanel panel;
        panel.setModel(&model);
        panel.setTask(0);   // main
        panel.resize(400, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(panel.children()->count(), 2);
        QCOMPARE(panel.children()->item(1)->text(), QStringLiteral("B · cancelled"));

        QSignalSpy tasks(&panel, &InspectorPanel::taskActivated);
        QListWidget *children = panel.children();
        QTest::mouseClick(children->viewport(), Qt::LeftButton, {}, children->visualItemRect(children->item(1)).center());
        QCOMPARE(tasks.count(), 1);
        QCOMPARE(tasks.at(0).at(0).value<TaskId>(), TaskId(2));

        // B's explanation links A (the sibling that won) and the time of A's completion.
        panel.setTask(2);
        const QString html = panel.whyLabel()->text();
        QVERIFY2(html.contains(QLatin1String("<a href=\"task:1\">A</a>")), qPrintable(html));
        QVERIFY2(html.contains(QLatin1String("<a href=\"event:15\">t=1</a>")), qPrintable(html));
        emit panel.whyLabel()->linkActivated(QStringLiteral("task:1"));
        QCOMPARE(tasks.count(), 2);
        QCOMPARE(tasks.at(1).at(0).value<TaskId>(), TaskId(1));

        QSignalSpy events(&panel, &InspectorPanel::eventActivated);
        emit panel.whyLabel()->linkActivated(QStringLiteral("event:15"));
        QCOMPARE(events.count(), 1);
        QCOMPARE(events.at(0).at(0).value<EventId>(), EventId(15));
        QTreeWidget *history = panel.history();
        QTest::mouseClick(history->viewport(), Qt::LeftButton, {}, history->visualItemRect(history->topLevelItem(3)).center());
        QCOMPARE(events.count(), 2);
        QCOMPARE(events.at(1).at(0).value<EventId>(), EventId(12));
    }

    void aNewRunClearsThePanel()
    {
        const auto run = scenarioruns::finished(QStringLiteral("nursery-child-failure"));
        TimelineModel model;
        model.setTrace(&run->trace());
        InspectorPanel panel;
        panel.setModel(&model);
        panel.setTask(1);
        QCOMPARE(panel.outcomeText(), QStringLiteral("Error: ValueError('A broke')"));
        QVERIFY(panel.whyText().contains(QLatin1String("the error reached nursery 'open_nursery()' and cancelled B")));
        model.setTrace(nullptr);
        QCOMPARE(panel.task(), NoId);
        QVERIFY(panel.titleText().contains(QLatin1String("No task")));
        QCOMPARE(panel.history()->topLevelItemCount(), 0);
        QVERIFY(!panel.history()->toolTip().isEmpty());
        QVERIFY(!panel.children()->toolTip().isEmpty());
    }
};

QTEST_MAIN(TestInspectorPanel)
#include "tst_inspectorpanel.moc"
