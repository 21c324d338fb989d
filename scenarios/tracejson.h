#pragma once

#include "scenariorun.h"

#include <QJsonDocument>

namespace scenarios {

/// A run as JSON, format "taskscope-trace" version 1:
/// {"format", "version", "scenario": {path, title, profile, text}, "outcome", "now",
///  "tasks": [{id, name, parent, scope}], "scopes": [{id, name, owner, parent, kind}],
///  "events": [{seq, t, kind, task, scope, cause, other, text, value, detail}]}.
/// Absent ids, texts and values are null; `detail` is the wait reason or scope kind by name.
QJsonDocument traceToJson(const ScenarioRun &run);

/// Writes traceToJson(run) to `path` atomically (QSaveFile: a failed write leaves no file, and
/// never half a file). On failure returns false with a sentence in `error`.
bool writeTraceJson(const ScenarioRun &run, const QString &path, QString *error);

} // namespace scenarios
