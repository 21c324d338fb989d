#pragma once

#include "engine/trace.h"

#include <QJsonDocument>

namespace scenarios {

/// A run in the Chrome trace event format (JSON), which Perfetto's UI and chrome://tracing open.
/// - Every task is a track of its own (a "thread": tid = task id + 1), named by its path in the
///   task tree ("main › race › A") and sorted in tree order, so overlapping siblings never have
///   to nest on one track.
/// - On its track, one slice spans the task's life (args: outcome, result or error, parent,
///   scope) and child slices its waits ("sleep until 2", "children").
/// - Instants mark cancel requests and deliveries, emitted values and grouped errors.
/// - Flow arrows run from whoever asked for a cancellation to each task it reached, and from a
///   failing task to the scope owner its error propagated to.
/// Virtual ticks are milliseconds; Chrome timestamps are microseconds (1 tick = 1000 µs). A task's
/// slice lasts 1 µs more than its ticks, so that a task ending where it starts still holds flows.
QJsonDocument chromeTraceJson(const engine::Trace &trace, engine::Tick now, const QString &title);

} // namespace scenarios
