#pragma once

// Shared by tst_<library>nodes.cpp: parse a scenario text, read its first diagnostic, run it to
// the end and describe how a task ended.

#include "scenarios/scenariodata.h"
#include "scenarios/scenariorun.h"

#include "engine/runtime.h"

#include <QTest>

namespace nodetest {

inline scenarios::LoadResult parse(const QString &text)
{
    return scenarios::parseScenario(text, QStringLiteral("bad.yaml"));
}

/// The first problem reported for `text`, formatted as `bad.yaml:line:col: message`.
inline QString firstError(const QString &text)
{
    const scenarios::LoadResult r = parse(text);
    return r.errors.empty() ? QStringLiteral("(no error)") : r.errors.front().format();
}

/// The root node of a text that must parse.
inline std::shared_ptr<const scenarios::Node> root(const QString &text)
{
    const scenarios::LoadResult r = parse(text);
    if (!r.ok()) {
        for (const scenarios::Diagnostic &d : r.errors)
            qWarning().noquote() << d.format();
        qFatal("test scenario does not parse");
    }
    return r.scenario->data().root;
}

/// Runs `text` to the end; returns "<outcome> at t=<end>", e.g. "returned ['A'] at t=4".
inline QString run(const QString &text)
{
    const std::shared_ptr<const scenarios::Node> keep = root(text);
    scenarios::ScenarioRun r(*parse(text).scenario);
    r.scheduler().runUntilIdle();
    return QStringLiteral("%1 at t=%2").arg(r.outcomeText()).arg(r.runtime().endTime(r.rootTask()));
}

/// The scenario with `run:` set to `node` (indented YAML of the node).
inline QString scenario(const QString &node)
{
    return QStringLiteral("title: t\nrun:\n") + node;
}

} // namespace nodetest
