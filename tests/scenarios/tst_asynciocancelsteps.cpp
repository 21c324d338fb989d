// asyncio's cancel counts reached from scripts (helper-semantics §6.3): `uncancel`, `cancelling`
// and `catch_cancel` steps, and the `cancelling:` expectation of a task.

#include "nodetesting.h"


using namespace nodetesting;

namespace {

QString aio(const QString &node)
{
    return scenario(QStringLiteral("asyncio"), node);
}

// The notes a run recorded on its lanes ("t=1 W value emitted uncancel() -> 0").
QStringList notes(const QString &text)
{
    const std::optional<scenarios::Scenario> s = parsed(text);
    if (!s)
        return {QStringLiteral("does not parse")};
    scenarios::ScenarioRun running(*s);
    running.scheduler().runUntilIdle();
    QStringList out;
    for (const engine::TraceEvent &e : running.trace().events())
        if (e.kind == engine::EventKind::ValueEmitted)
            out << running.trace().format(e);
    return out;
}

// An outside request at 1 (boss), caught by the worker's catch_cancel, then `after`; the worker
// sits in asyncio.timeout(3).
QString caughtInTimeout(const QString &after)
{
    return aio(QStringLiteral("  asyncio.gather:\n"
                              "    return_exceptions: true\n"
                              "    children:\n"
                              "      - asyncio.timeout:\n"
                              "          name: W\n"
                              "          delay: 3\n"
                              "          body:\n"
                              "            - catch_cancel: [{sleep: 2}]\n")
               + after
               + QStringLiteral("            - sleep: 5\n"
                                "      - task: boss\n"
                                "        steps: [{sleep: 1}, {cancel: W}]\n"));
}

} // namespace

class TestAsyncioCancelSteps : public QObject
{
    Q_OBJECT

private slots:
    void stepsNoteTheCountsOnTheLane()
    {
        // Two requests at 1 meet one CancelledError; the count stays 2 until withdrawn, and
        // uncancel() never goes below zero.
        const QString text = aio(QStringLiteral(
            "  asyncio.gather:\n"
            "    - task: W\n"
            "      steps:\n"
            "        - catch_cancel: [{sleep: 5}]\n"
            "        - cancelling\n"
            "        - uncancel\n"
            "        - uncancel\n"
            "        - uncancel\n"
            "        - {cancelling: }\n"
            "        - sleep: 1\n"
            "        - return: W\n"
            "    - task: boss\n"
            "      steps: [{sleep: 1}, {cancel: W}, {cancel: W}]\n"));
        QCOMPARE(notes(text), QStringList({"t=1 W value emitted caught CancelledError (cancelling() = 2)",
                                           "t=1 W value emitted cancelling() = 2",
                                           "t=1 W value emitted uncancel() -> 1",
                                           "t=1 W value emitted uncancel() -> 0",
                                           "t=1 W value emitted uncancel() -> 0",
                                           "t=1 W value emitted cancelling() = 0"}));
        QCOMPARE(run(text).outcomeAt(), QStringLiteral("returned ['W', None] at t=2"));
    }

    void aTimeoutTellsItsOwnCancellationByTheCount_data()
    {
        addRunColumns();
        // The outside request was withdrawn: at the deadline the count goes 0 -> 1 and back, so
        // the timeout owns the cancellation and raises TimeoutError.
        QTest::newRow("caught and uncancelled") << caughtInTimeout(QStringLiteral("            - uncancel\n"))
                                                << "returned [TimeoutError(), None]" << QStringList{"t=3 W failed TimeoutError()"};
        // Swallowed but still counted: after the timeout's uncancel() one request is left, more
        // than at entry, so the timeout lets the CancelledError through (Python 3.12+).
        QTest::newRow("caught, not uncancelled") << caughtInTimeout(QString())
                                                 << "returned [CancelledError(), None]" << QStringList{"t=3 W cancelled"};
    }

    void aTimeoutTellsItsOwnCancellationByTheCount() { checkRunRow(); }

    void uncancelAfterAProtectedRegionWithdrawsTheDeferredRequest()
    {
        // Both are cancelled at 1 inside `protect` (asyncio: the shield-and-re-raise idiom), so the
        // request waits until the region ends at 3. polite withdraws it first (uncancel back to
        // zero drops a request not met yet, Python 3.13) and carries on; sloppy meets it at its
        // next await.
        const QString text = aio(QStringLiteral(
            "  asyncio.gather:\n"
            "    return_exceptions: true\n"
            "    children:\n"
            "      - task: polite\n"
            "        steps: [{protect: [{sleep: 3}]}, uncancel, {sleep: 1}, {return: polite}]\n"
            "      - task: sloppy\n"
            "        steps: [{protect: [{sleep: 3}]}, cancelling, {sleep: 1}, {return: sloppy}]\n"
            "      - task: boss\n"
            "        steps: [{sleep: 1}, {cancel: polite}, {cancel: sloppy}]\n"
            "expect:\n"
            "  tasks:\n"
            "    polite: {outcome: completed, at: 4, cancelling: 0}\n"
            "    sloppy: {outcome: completed, at: 4, cancelling: 0}\n"));
        const std::optional<scenarios::Scenario> s = parsed(text);
        QVERIFY(s);
        scenarios::ScenarioRun running(*s);
        running.scheduler().runUntilIdle();
        QCOMPARE(running.outcomeText(), QStringLiteral("returned ['polite', CancelledError(), None]"));
        const std::vector<scenarios::Mismatch> mismatches = running.checkExpectations();
        QCOMPARE(mismatches.size(), size_t(1));
        QCOMPARE(mismatches.front().where.line, 16);
        QCOMPARE(mismatches.front().message,
                 QStringLiteral("task sloppy: expected completed at t=4 with cancelling() = 0, got cancelled at t=3 with cancelling() = 1"));
        QCOMPARE(notes(text), QStringList({"t=3 polite value emitted uncancel() -> 0", "t=3 sloppy value emitted cancelling() = 1"}));
    }

    void badCountStepsAreReportedWhereTheyAre_data()
    {
        addDiagnosticColumns();
        QTest::newRow("uncancel with a value") << aio(QStringLiteral("  asyncio.gather:\n    - task: W\n      steps: [{uncancel: 1}]\n"))
                                               << "bad.yaml:6:26: 'uncancel' takes no value";
        QTest::newRow("misspelt") << aio(QStringLiteral("  asyncio.gather:\n    - task: W\n      steps: [uncancl]\n"))
                                  << "bad.yaml:6:15: unknown step 'uncancl'; did you mean 'uncancel'?";
        QTest::newRow("return inside catch_cancel") << aio(QStringLiteral("  asyncio.gather:\n    - task: W\n      steps: [{catch_cancel: [return]}]\n"))
                                                    << "bad.yaml:6:31: 'return' is not allowed inside repeat, protect, catch_cancel or on_cancel; put it after them";
        QTest::newRow("negative count") << aio(QStringLiteral("  asyncio.gather: [{task: W}]\nexpect:\n  tasks:\n    W: {cancelling: -1}\n"))
                                        << "bad.yaml:7:21: 'cancelling' must be a whole number of cancel requests (0 or more), not '-1'";
    }

    void badCountStepsAreReportedWhereTheyAre() { checkDiagnosticRow(); }
};

QTEST_GUILESS_MAIN(TestAsyncioCancelSteps)
#include "tst_asynciocancelsteps.moc"
