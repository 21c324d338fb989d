// Exception paths and causality links: the data derived from the trace, then the arrows the view
// draws for them, with their endpoints on the lanes. Offscreen.

#include "shownrun.h"
#include "testruns.h"

#include "widgets/timelinelinks.h"
#include "widgets/timelinemodel.h"
#include "widgets/timelineview.h"

#include <QSignalSpy>
#include <QTest>

using namespace engine;
using widgets::CausalLink;
using widgets::ErrorPath;
using widgets::ErrorPathNode;
using widgets::TimelineLinkPainter;
using widgets::TimelineLinks;
using widgets::TimelineModel;
using widgets::TimelineView;

namespace {

QString kinds(const ErrorPath &path)
{
    static const char *names[] = {"raised", "propagated", "grouped", "caught", "escaped", "dropped"};
    QStringList out;
    for (const ErrorPathNode &n : path.nodes)
        out << QStringLiteral("%1@%2:%3").arg(QLatin1String(names[n.kind])).arg(n.task).arg(n.time);
    return out.join(QLatin1Char(' '));
}

// The centre line of `lane` at `time`, as the view draws links.
QPointF lanePoint(const TimelineView &view, int lane, double time)
{
    const QRect bar = widgets::TimelineGeometry::runningBar(view.laneTop(lane), view.laneHeight());
    return QPointF(view.axis().x(time), bar.center().y() + 0.5);
}

bool near(const QPointF &a, const QPointF &b)
{
    return QLineF(a, b).length() < 0.51;
}

} // namespace

class TestTimelineLinks : public QObject
{
    Q_OBJECT

private slots:
    void nurseryFailureRisesFromTheChildThroughTheScopeAndEscapesFromMain()
    {
        auto rt = testruns::nurseryFailure();
        rt->scheduler().runUntilIdle();
        TimelineModel model;
        model.setTrace(&rt->trace());
        const auto paths = TimelineLinks::errorPaths(model);
        QCOMPARE(paths.size(), size_t(1));   // main's failure continues A's path, it starts none
        const ErrorPath &p = paths.front();
        QCOMPARE(p.origin, TaskId(1));
        QCOMPARE(kinds(p), QStringLiteral("raised@1:1 propagated@0:1 grouped@0:1 raised@0:1 escaped@0:1"));
        QCOMPARE(p.nodes[1].scope, ScopeId(0));
        // The error cancelled B (main, the scope's owner, is on the path itself).
        QCOMPARE(p.cancelled, std::vector<TaskId>{2});
        QCOMPARE(TimelineLinks::errorPathsThrough(model, 2).size(), size_t(1));
    }

    void aFailingRaceEntrantStartsAPathThatEndsCaughtOrEscaping()
    {
        // wait_any(A fails at 1, B sleeps 2): the failure is the first to finish. Whatever the
        // helper does with it, the path starts at A and its last node says how it ended.
        auto rt = testruns::waitAny(testruns::failer(1, QStringLiteral("A")), testruns::sleeper(2, QStringLiteral("B")));
        rt->scheduler().runUntilIdle();
        TimelineModel model;
        model.setTrace(&rt->trace());
        const auto paths = TimelineLinks::errorPaths(model);
        QVERIFY(!paths.empty());
        QCOMPARE(paths.front().origin, TaskId(1));
        QCOMPARE(paths.front().nodes.front().kind, ErrorPathNode::Raised);
        const auto last = paths.front().nodes.back().kind;
        QVERIFY2(last == ErrorPathNode::Escaped || last == ErrorPathNode::Caught, qPrintable(kinds(paths.front())));
    }

    void theViewDrawsTheErrorPathOnTheLanesAndRingsTheCancelledSibling()
    {
        testruns::ShownRun shown(testruns::nurseryFailure(), QSize(700, 200));
        auto &[rt, model, view] = shown;
        QVERIFY(view.showErrorPaths());
        view.grab();
        const TimelineLinkPainter &links = view.links();
        // Lanes: main 0, A 1, B 2. One arrow: A's failure up to main, where everything else
        // happens at the same instant (one node).
        QCOMPARE(links.arrows().size(), size_t(1));
        const auto &arrow = links.arrows().front();
        QCOMPARE(arrow.kind, TimelineLinkPainter::ArrowKind::ErrorPath);
        QVERIFY(near(arrow.from, lanePoint(view, 1, 1)));
        QVERIFY(near(arrow.to, lanePoint(view, 0, 1)));
        QCOMPARE(links.nodes().size(), size_t(1));
        QCOMPARE(links.nodes().front().kind, ErrorPathNode::Escaped);
        QVERIFY(near(links.nodes().front().at, lanePoint(view, 0, 1)));
        QVERIFY2(links.nodes().front().label.contains(QStringLiteral("escapes")), qPrintable(links.nodes().front().label));
        QVERIFY2(links.nodes().front().label.contains(QStringLiteral("open_nursery()")), qPrintable(links.nodes().front().label));
        QCOMPARE(links.cancelRings().size(), size_t(1));
        QVERIFY(near(links.cancelRings().front(), lanePoint(view, 2, 1)));

        // Off: only the selected task's paths. B is off the path itself, A is on it.
        view.setShowErrorPaths(false);
        view.grab();
        QVERIFY(view.links().arrows().empty());
        view.setSelectedTask(1);
        view.grab();
        QCOMPARE(view.links().arrows().size(), size_t(1));
    }

    void causalLinksOfTheLoserGoFromTheWinnersRequestAndOnToTheParent()
    {
        auto rt = testruns::waitAnyAB();
        rt->scheduler().runUntilIdle();
        TimelineModel model;
        model.setTrace(&rt->trace());
        // B (task 2): A's cancel request (on A's lane, t=1) reached B; B's end woke main.
        const auto links = TimelineLinks::causalLinks(model, 2, 0, 10, 100);
        QCOMPARE(links.size(), size_t(2));
        QCOMPARE(links[0].fromTask, TaskId(1));
        QCOMPARE(links[0].toTask, TaskId(2));
        QCOMPARE(links[0].fromTime, Tick(1));
        QCOMPARE(links[0].toTime, Tick(1));
        QCOMPARE(rt->trace().at(links[0].from).kind, EventKind::CancelRequested);
        QCOMPARE(links[1].fromTask, TaskId(2));
        QCOMPARE(links[1].toTask, TaskId(0));
        QCOMPARE(rt->trace().at(links[1].from).kind, EventKind::Cancelled);
        // A (task 1): its timer woke it (same lane, 0 → 1), and its completion asked B to stop.
        const auto ofA = TimelineLinks::causalLinks(model, 1, 0, 10, 100);
        const bool timerWake = std::any_of(ofA.begin(), ofA.end(), [](const CausalLink &l) {
            return l.fromTask == 1 && l.toTask == 1 && l.fromTime == 0 && l.toTime == 1;
        });
        QVERIFY(timerWake);
        // Nothing selected: cross-lane links only, capped.
        const auto all = TimelineLinks::causalLinks(model, NoId, 0, 10, 100);
        QVERIFY(std::none_of(all.begin(), all.end(), [](const CausalLink &l) { return l.fromTask == l.toTask; }));
        QVERIFY(all.size() >= 2);
        QCOMPARE(TimelineLinks::causalLinks(model, NoId, 0, 10, 1).size(), size_t(1));
    }

    void causalityArrowsAreDrawnBetweenTheLanesOnDemand()
    {
        testruns::ShownRun shown(testruns::waitAnyAB(), QSize(700, 200));
        auto &[rt, model, view] = shown;
        view.setSelectedTask(2);
        view.grab();
        QVERIFY(view.links().arrows().empty());   // off by default
        QSignalSpy spy(&view, &TimelineView::showCausalityChanged);
        view.setShowCausality(true);
        QCOMPARE(spy.count(), 1);
        view.grab();
        const auto &arrows = view.links().arrows();
        QCOMPARE(arrows.size(), size_t(2));
        QCOMPARE(arrows[0].kind, TimelineLinkPainter::ArrowKind::Causality);
        QVERIFY(near(arrows[0].from, lanePoint(view, 1, 1)));
        QVERIFY(near(arrows[0].to, lanePoint(view, 2, 1)));
        QVERIFY(near(arrows[1].from, lanePoint(view, 2, 1)));
        QVERIFY(near(arrows[1].to, lanePoint(view, 0, 1)));
    }
};

QTEST_MAIN(TestTimelineLinks)
#include "tst_timelinelinks.moc"
