#pragma once

// Shared by the per-library node tests (tst_effectpynodes, tst_trionodes, tst_asyncionodes):
// parse a small scenario, read a node's options, run it and read the outcome and task endings.

#include "scenarios/helperspec.h"
#include "scenarios/scenariodata.h"
#include "scenarios/scenariorun.h"

#include "engine/trace.h"

#include <QStringList>

namespace nodetesting {

/// A scenario text: `run:` followed by `node` (indented by the caller, two spaces).
inline QString scenario(const QString &profile, const QString &node)
{
    return QStringLiteral("title: T\nprofile: %1\nrun:\n").arg(profile) + node;
}

/// Every diagnostic of parsing `text` as bad.yaml, formatted `bad.yaml:L:C: message`.
inline QStringList diagnostics(const QString &text)
{
    const scenarios::LoadResult r = scenarios::parseScenario(text, QStringLiteral("bad.yaml"));
    QStringList out;
    for (const scenarios::Diagnostic &d : r.errors)
        out << d.format();
    return out;
}

/// The parsed root node, or null (with the diagnostics printed).
inline std::shared_ptr<const scenarios::Node> rootOf(const QString &text)
{
    const scenarios::LoadResult r = scenarios::parseScenario(text, QStringLiteral("test.yaml"));
    if (!r.ok()) {
        for (const scenarios::Diagnostic &d : r.errors)
            qWarning().noquote() << d.format();
        return nullptr;
    }
    return r.scenario->data().root;
}

/// What running `text` to the end gives: the outcome ("returned …", "raised …") and each task's
/// ending as the trace formats it ("t=1 B cancelled").
struct Ran
{
    QString outcome;
    QStringList endings;
};

inline Ran run(const QString &text)
{
    const scenarios::LoadResult r = scenarios::parseScenario(text, QStringLiteral("test.yaml"));
    if (!r.ok()) {
        for (const scenarios::Diagnostic &d : r.errors)
            qWarning().noquote() << d.format();
        return Ran{QStringLiteral("does not parse"), {}};
    }
    scenarios::ScenarioRun running(*r.scenario);
    running.scheduler().runUntilIdle();
    Ran ran;
    ran.outcome = running.outcomeText();
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

} // namespace nodetesting
