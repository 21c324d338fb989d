// EventNarrator says every trace event in one plain sentence: one row per event kind, taken from
// built-in scenarios whose traces are known event by event.

#include "scenarioruns.h"

#include "widgets/eventnarrator.h"

#include <QSet>
#include <QTest>

using namespace engine;
using widgets::EventNarrator;

class TestEventNarrator : public QObject
{
    Q_OBJECT

private:
    static QStringList scenarioIds()
    {
        return {"race-first-finisher", "nursery-child-failure", "trio-nursery-start-waits-for-started",
                "aiotasks-concurrent-limit-two", "trio-move-on-after-deadline-tie"};
    }

private slots:
    void saysEachEventKindInOneSentence_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("event");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("sentence");
        const auto row = [](const char *name, const char *scenario, int event, EventKind kind, const char *sentence) {
            QTest::newRow(name) << QString::fromLatin1(scenario) << event << int(kind) << QString::fromUtf8(sentence);
        };
        row("spawned root", "race-first-finisher", 0, EventKind::Spawned, "t=0 · main is spawned as a root task.");
        row("started", "race-first-finisher", 1, EventKind::Started, "t=0 · main starts running.");
        row("scope entered", "race-first-finisher", 2, EventKind::ScopeEntered, "t=0 · main enters wait_any().");
        row("spawned child", "race-first-finisher", 3, EventKind::Spawned, "t=0 · main spawns A in wait_any().");
        row("suspended sleep", "race-first-finisher", 5, EventKind::Suspended, "t=0 · A sleeps until t=1.");
        row("suspended children", "race-first-finisher", 9, EventKind::Suspended, "t=0 · main waits for its children.");
        row("resumed by its timer", "race-first-finisher", 10, EventKind::Resumed, "t=1 · A wakes up on time.");
        row("completed", "race-first-finisher", 11, EventKind::Completed, "t=1 · A completed with 'A'.");
        row("cancel requested", "race-first-finisher", 12, EventKind::CancelRequested, "t=1 · wait_any() asked B to stop because A finished first.");
        row("resumed by a cancel", "race-first-finisher", 13, EventKind::Resumed, "t=1 · B resumes to receive a cancellation.");
        row("cancel delivered", "race-first-finisher", 14, EventKind::CancelDelivered, "t=1 · B receives the cancellation while sleeping.");
        row("cancelled", "race-first-finisher", 15, EventKind::Cancelled, "t=1 · B was cancelled while sleeping (cancel latency 0).");
        row("resumed by a child", "race-first-finisher", 16, EventKind::Resumed, "t=1 · main resumes because B ended.");
        row("scope exited", "race-first-finisher", 17, EventKind::ScopeExited, "t=1 · main leaves wait_any().");
        row("failed", "nursery-child-failure", 11, EventKind::Failed, "t=1 · A failed with ValueError('A broke').");
        row("error propagated", "nursery-child-failure", 12, EventKind::ErrorPropagated, "t=1 · A's error reaches nursery 'open_nursery()' of main.");
        row("nursery cancel reaches the body too", "nursery-child-failure", 13, EventKind::CancelRequested,
            "t=1 · nursery 'open_nursery()' asked main and B to stop because A failed.");
        row("errors grouped", "nursery-child-failure", 21, EventKind::ErrorsGrouped,
            "t=1 · nursery 'open_nursery()' raises ExceptionGroup('Nursery', [ValueError('A broke')]).");
        row("scope exited raising", "nursery-child-failure", 22, EventKind::ScopeExited, "t=1 · main leaves nursery 'open_nursery()' (raised).");
        row("value emitted", "trio-nursery-start-waits-for-started", 9, EventKind::ValueEmitted, "t=2 · S emits task_status.started(8080).");
        row("moved", "trio-nursery-start-waits-for-started", 10, EventKind::Moved,
            "t=2 · S moves from nursery 'nursery.start(S)' to nursery 'nursery'.");
        row("item pulled", "aiotasks-concurrent-limit-two", 6, EventKind::ItemPulled, "t=0 · submit pulls the input A.");
        row("slot acquired", "aiotasks-concurrent-limit-two", 7, EventKind::SlotAcquired, "t=0 · submit takes a slot of concurrent() limit (1 in use).");
        row("slot released", "aiotasks-concurrent-limit-two", 19, EventKind::SlotReleased, "t=1 · B frees a slot of concurrent() limit (1 in use).");
        row("timer set", "trio-move-on-after-deadline-tie", 8, EventKind::TimerSet, "t=0 · timeout 'move_on_after(2)' sets its deadline to t=2.");
        row("timer fired", "trio-move-on-after-deadline-tie", 14, EventKind::TimerFired, "t=2 · timeout 'move_on_after(2)' reaches its deadline.");
        row("deadline cancels the body", "trio-move-on-after-deadline-tie", 15, EventKind::CancelRequested,
            "t=2 · timeout 'move_on_after(2)' asked limited to stop because its deadline passed.");
        row("scope caught the cancellation", "trio-move-on-after-deadline-tie", 20, EventKind::ScopeExited,
            "t=2 · limited leaves timeout 'move_on_after(2)' (caught cancellation).");
    }

    void saysEachEventKindInOneSentence()
    {
        QFETCH(QString, scenario);
        QFETCH(int, event);
        QFETCH(int, kind);
        QFETCH(QString, sentence);
        const auto run = scenarioruns::finished(scenario);
        QVERIFY(event < run->trace().size());
        QCOMPARE(int(run->trace().at(event).kind), kind);   // the row names the event it means
        QCOMPARE(EventNarrator::sentence(run->trace(), event), sentence);
    }

    void everyKindHasARowAboveAndEveryEventASentence()
    {
        QSet<int> seen;
        for (const QString &id : scenarioIds()) {
            const auto run = scenarioruns::finished(id);
            const Trace &trace = run->trace();
            for (EventId i = 0; i < trace.size(); ++i) {
                seen.insert(int(trace.at(i).kind));
                const QString s = EventNarrator::sentence(trace, i);
                QVERIFY2(s.startsWith(QStringLiteral("t=%1 · ").arg(trace.at(i).time)) && s.endsWith(QLatin1Char('.')), qPrintable(s));
                QVERIFY2(!s.contains(QLatin1String("task#")) && !s.contains(QLatin1String("scope#")), qPrintable(s));
            }
        }
        for (int k = 0; k <= int(EventKind::Moved); ++k)
            QVERIFY2(seen.contains(k), toString(EventKind(k)));
    }

    void aSentenceDoesNotChangeAsTheTraceGrows()
    {
        const auto run = scenarioruns::finished(QStringLiteral("race-first-finisher"));
        const auto partial = scenarios::loadScenarioFile(QStringLiteral(":/scenarios/race-first-finisher.yaml"));
        scenarios::ScenarioRun early(*partial.scenario);
        early.scheduler().advanceTo(0);
        QVERIFY(early.trace().size() < run->trace().size());
        for (EventId i = 0; i < early.trace().size(); ++i)
            QCOMPARE(EventNarrator::sentence(early.trace(), i), EventNarrator::sentence(run->trace(), i));
    }

    void rowsBelongToTheEventsTaskOrToTheScopesOwner()
    {
        const auto run = scenarioruns::finished(QStringLiteral("race-first-finisher"));
        QCOMPARE(EventNarrator::taskOf(run->trace(), 11), TaskId(1));   // A completed
        QCOMPARE(EventNarrator::taskOf(run->trace(), 12), TaskId(0));   // wait_any()'s request: main's scope
        QCOMPARE(EventNarrator::taskOf(run->trace(), 999), NoId);
        QCOMPARE(EventNarrator::sentence(run->trace(), 999), QString());
    }
};

QTEST_GUILESS_MAIN(TestEventNarrator)
#include "tst_eventnarrator.moc"
