#pragma once

// Built-in scenarios run to their end, for the widget tests that explain real runs.

#include "scenarios/scenario.h"
#include "scenarios/scenariorun.h"

#include <QtGlobal>

#include <memory>

namespace scenarioruns {

/// The built-in scenario `id` (":/scenarios/<id>.yaml"), run until nothing is left to do.
inline std::unique_ptr<scenarios::ScenarioRun> finished(const QString &id)
{
    const scenarios::LoadResult loaded = scenarios::loadScenarioFile(QStringLiteral(":/scenarios/%1.yaml").arg(id));
    if (!loaded.ok())
        qFatal("built-in %s does not load", qPrintable(id));
    auto run = std::make_unique<scenarios::ScenarioRun>(*loaded.scenario);
    run->scheduler().runUntilIdle();
    return run;
}

/// The task called `name` in `trace` (NoId when there is none).
inline engine::TaskId taskNamed(const engine::Trace &trace, const QString &name)
{
    for (engine::TaskId id = 0; size_t(id) < trace.tasks().size(); ++id)
        if (trace.taskName(id) == name)
            return id;
    return engine::NoId;
}

} // namespace scenarioruns
