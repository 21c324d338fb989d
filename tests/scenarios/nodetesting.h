#pragma once

// Shared by the per-library node tests (tst_<library>nodes.cpp): build a small scenario, read its
// diagnostics and a node's options, run it and read the outcome, the end time and task endings.

#include "scenarios/helperspec.h"
#include "scenarios/scenariodata.h"
#include "scenarios/scenariorun.h"

#include "engine/trace.h"

#include <QStringList>
#include <QTest>

namespace nodetesting {

/// A scenario text: `run:` followed by `node` (indented by the caller, two spaces); the node's
/// first line is line 3.
inline QString scenario(const QString &node)
{
    return QStringLiteral("title: t\nrun:\n") + node;
}

/// As scenario(node) under `profile`; the node's first line is line 4.
inline QString scenario(const QString &profile, const QString &node)
{
    return QStringLiteral("title: T\nprofile: %1\nrun:\n").arg(profile) + node;
}

/// Four children in flow form for a map-form node's `children:` (indented six): A ends at 3, B
/// and C at 1, D at 2, each returning its name.
inline const QString fourTasks = QStringLiteral(
    "      - {task: A, steps: [{sleep: 3}, {return: A}]}\n"
    "      - {task: B, steps: [{sleep: 1}, {return: B}]}\n"
    "      - {task: C, steps: [{sleep: 1}, {return: C}]}\n"
    "      - {task: D, steps: [{sleep: 2}, {return: D}]}\n");

/// Every diagnostic of parsing `text` as bad.yaml, formatted `bad.yaml:L:C: message`.
inline QStringList diagnostics(const QString &text)
{
    const scenarios::LoadResult r = scenarios::parseScenario(text, QStringLiteral("bad.yaml"));
    QStringList out;
    for (const scenarios::Diagnostic &d : r.errors)
        out << d.format();
    return out;
}

/// The first diagnostic of `text` (the one a user sees first), or "(no error)".
inline QString firstError(const QString &text)
{
    const QStringList all = diagnostics(text);
    return all.isEmpty() ? QStringLiteral("(no error)") : all.front();
}

/// The parsed scenario, or nullopt with the diagnostics printed.
inline std::optional<scenarios::Scenario> parsed(const QString &text)
{
    scenarios::LoadResult r = scenarios::parseScenario(text, QStringLiteral("test.yaml"));
    if (!r.ok()) {
        for (const scenarios::Diagnostic &d : r.errors)
            qWarning().noquote() << d.format();
        return std::nullopt;
    }
    return std::move(r.scenario);
}

/// The parsed root node, or null (with the diagnostics printed).
inline std::shared_ptr<const scenarios::Node> rootOf(const QString &text)
{
    const std::optional<scenarios::Scenario> s = parsed(text);
    return s ? s->data().root : nullptr;
}

/// An option as text for comparing defaults: "(not given)" when the node has no value for it.
inline QString optionText(const QString &text, const QString &key)
{
    const std::shared_ptr<const scenarios::Node> root = rootOf(text);
    if (!root)
        return QStringLiteral("(does not parse)");
    const QVariant v = root->option(key);
    return v.isValid() ? v.toString() : QStringLiteral("(not given)");
}

/// What running `text` to the end gives: the outcome ("returned …", "raised …"), when the root
/// task ended, and each task's ending as the trace formats it ("t=1 B cancelled").
struct Ran
{
    QString outcome;
    engine::Tick end = -1;
    QStringList endings;

    /// "<outcome> at t=<end>", e.g. "returned ['A'] at t=4".
    QString outcomeAt() const { return QStringLiteral("%1 at t=%2").arg(outcome).arg(end); }
};

inline Ran run(const QString &text)
{
    const std::optional<scenarios::Scenario> s = parsed(text);
    if (!s)
        return Ran{QStringLiteral("does not parse"), -1, {}};
    scenarios::ScenarioRun running(*s);
    running.scheduler().runUntilIdle();
    Ran ran;
    ran.outcome = running.outcomeText();
    ran.end = running.runtime().endTime(running.rootTask());
    for (const engine::TraceEvent &e : running.trace().events())
        if (e.kind == engine::EventKind::Completed || e.kind == engine::EventKind::Failed || e.kind == engine::EventKind::Cancelled)
            ran.endings << running.trace().format(e);
    return ran;
}

/// The node keys registered for `library`, in table order.
inline QStringList keysOf(const QString &library)
{
    QStringList keys;
    for (const scenarios::HelperSpec &spec : scenarios::helperSpecs())
        if (spec.library == library)
            keys << spec.name;
    return keys;
}

/// The library registers exactly `expected` nodes, in that order, each with a builder and a brief
/// that says what its value is.
inline void checkRegistered(const QString &library, const QStringList &expected)
{
    QCOMPARE(keysOf(library), expected);
    for (const QString &key : expected) {
        const scenarios::HelperSpec *spec = scenarios::findHelper(key);
        QVERIFY2(spec && spec->build, qPrintable(key));
        QVERIFY2(spec->brief.contains(QLatin1String("value")), qPrintable(key));
    }
}

// Data-driven checks. A test's _data() function adds the columns with add…Columns() and then its
// rows; the test function calls the matching check…Row(), which fetches the current row's columns
// (QFETCH works in any function the test calls) and fails the row as QCOMPARE / QVERIFY do.

/// Columns `text`, `option`, `value`: the node's option, as optionText() gives it, is `value`.
inline void addOptionColumns()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("value");
}

inline void checkOptionRow()
{
    QFETCH(QString, text);
    QFETCH(QString, option);
    QFETCH(QString, value);
    QCOMPARE(optionText(text, option), value);
}

/// Columns `text`, `message`: `message` is among the diagnostics of `text`.
inline void addDiagnosticColumns()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
}

inline void checkDiagnosticRow()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    const QStringList errors = diagnostics(text);
    QVERIFY2(errors.contains(message), qPrintable(errors.join(QLatin1Char('\n'))));
}

/// Columns `text`, `message`: `message` is the first diagnostic of `text`.
inline void checkFirstErrorRow()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    QCOMPARE(firstError(text), message);
}

/// Columns `text`, `outcome`, `endings`: running `text` gives `outcome`, and every one of
/// `endings` is among the task endings of the run.
inline void addRunColumns()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QStringList>("endings");
}

inline void checkRunRow()
{
    QFETCH(QString, text);
    QFETCH(QString, outcome);
    QFETCH(QStringList, endings);
    const Ran ran = run(text);
    QCOMPARE(ran.outcome, outcome);
    for (const QString &ending : endings)
        QVERIFY2(ran.endings.contains(ending), qPrintable(ran.endings.join(QLatin1Char('\n'))));
}

/// Columns `node`, `outcome`: scenario(node) runs to `outcome` ("<outcome> at t=<end>").
inline void addOutcomeColumns()
{
    QTest::addColumn<QString>("node");
    QTest::addColumn<QString>("outcome");
}

inline void checkOutcomeRow()
{
    QFETCH(QString, node);
    QFETCH(QString, outcome);
    QCOMPARE(run(scenario(node)).outcomeAt(), outcome);
}

} // namespace nodetesting
