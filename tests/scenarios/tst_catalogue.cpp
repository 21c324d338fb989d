// The built-in catalogue checks itself: every scenario loads, runs to its end and meets its own
// expect block; together they use every helper node of the format and stay within the concepts
// the catalogue is grouped by.

#include "scenarios/helperspec.h"
#include "scenarios/scenariodata.h"
#include "scenarios/scenariorun.h"

#include <QSet>
#include <QtTest>

using namespace scenarios;

namespace {

const QStringList concepts{QStringLiteral("fan-out and limits"), QStringLiteral("streams"), QStringLiteral("races"),
                           QStringLiteral("gather and wait"), QStringLiteral("timeouts"), QStringLiteral("scopes and nurseries"),
                           QStringLiteral("cancellation and shielding"), QStringLiteral("resilience"), QStringLiteral("resources")};

void collectHelpers(const Node &node, QSet<QString> &used);

void collectFromSteps(const Steps &steps, QSet<QString> &used)
{
    for (const Step &step : steps) {
        if (step.node)
            collectHelpers(*step.node, used);
        collectFromSteps(step.nested, used);
    }
}

void collectHelpers(const Node &node, QSet<QString> &used)
{
    if (node.helper)
        used.insert(node.helper->name);
    collectFromSteps(node.steps, used);
    collectFromSteps(node.onCancel, used);
    for (const auto &child : node.children)
        collectHelpers(*child, used);
}

} // namespace

class TestCatalogue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theCatalogueHoldsAtLeastFiftyScenarios()
    {
        QVERIFY2(builtinScenarios().size() >= 50, qPrintable(QStringLiteral("%1 built-in scenarios").arg(builtinScenarios().size())));
    }

    void everyScenarioMeetsItsOwnExpectations_data()
    {
        QTest::addColumn<QString>("path");
        for (const BuiltinScenario &b : builtinScenarios())
            QTest::newRow(qPrintable(b.id)) << b.path;
    }

    void everyScenarioMeetsItsOwnExpectations()
    {
        QFETCH(QString, path);
        const LoadResult loaded = loadScenarioFile(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.errors.empty() ? QString() : loaded.errors.front().format()));
        const Scenario &scenario = *loaded.scenario;
        QVERIFY2(concepts.contains(scenario.conceptName()), qPrintable(QStringLiteral("concept '%1'").arg(scenario.conceptName())));
        QVERIFY2(scenario.description().trimmed().size() >= 40, "teaching notes are missing or too short");
        const Expectations &expect = scenario.data().expect;
        // The root's value or error; a root that ends cancelled has neither, so its outcome is asked.
        const QString root = scenario.data().root->name;
        const bool rootOutcome = std::any_of(expect.tasks.begin(), expect.tasks.end(),
                                             [&](const TaskExpectation &t) { return t.task == root && t.outcome; });
        QVERIFY2(expect.result || expect.error || rootOutcome, "expect gives neither the result, the error nor the root's outcome");
        const bool timed = std::any_of(expect.tasks.begin(), expect.tasks.end(), [](const TaskExpectation &t) { return t.at.has_value(); });
        QVERIFY2(timed, "expect gives no task's virtual time");

        ScenarioRun run(scenario);
        run.scheduler().runUntilIdle(10'000'000);
        QVERIFY2(run.finished(), qPrintable(run.outcomeText()));
        QStringList problems;
        for (const Mismatch &m : run.checkExpectations())
            problems << QStringLiteral("line %1: %2").arg(m.where.line).arg(m.message);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    }

    void theCatalogueUsesEveryHelperNode()
    {
        QSet<QString> used;
        for (const BuiltinScenario &b : builtinScenarios()) {
            const LoadResult loaded = loadScenarioFile(b.path);
            if (loaded.ok())
                collectHelpers(*loaded.scenario->data().root, used);
        }
        QStringList missing;
        for (const HelperSpec &spec : helperSpecs())
            if (!used.contains(spec.name))
                missing << spec.name;
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("not used by any built-in: ") + missing.join(QStringLiteral(", "))));
    }

    void idsAreUniqueAndListedUnderTheirConcept()
    {
        QSet<QString> ids;
        for (const BuiltinScenario &b : builtinScenarios()) {
            QVERIFY2(!ids.contains(b.id), qPrintable(b.id));
            ids.insert(b.id);
            QVERIFY2(concepts.contains(b.conceptName), qPrintable(b.id + QStringLiteral(": ") + b.conceptName));
        }
    }
};

QTEST_GUILESS_MAIN(TestCatalogue)
#include "tst_catalogue.moc"
