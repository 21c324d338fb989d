#pragma once

#include "scenario.h"

#include "engine/trace.h"

#include <memory>
#include <optional>

namespace scenarios {

/// A run read back from a Taskscope trace file ("taskscope-trace", written by writeTraceJson):
/// its scenario and its complete trace, to view and step through without running anything.
struct RecordedRun
{
    static constexpr int FormatVersion = 1;   ///< the newest trace format this build reads

    QString path;               ///< the trace file
    QString scenarioPath;       ///< where the scenario came from when it was recorded
    QString title;
    QString profile;
    QString scenarioText;
    std::optional<Scenario> scenario;   ///< the embedded scenario, when it still parses
    QString outcome;            ///< "returned …" / "raised …", as recorded
    engine::Tick now = 0;       ///< the virtual time the recording ended at
    std::shared_ptr<engine::Trace> trace;
};

/// Reads a Taskscope trace file. A file that is not one, is damaged, or comes from a newer
/// Taskscope is refused with a sentence in `error` that says which and where.
std::optional<RecordedRun> loadRecordedRun(const QString &path, QString *error);
/// The part of `trace` up to and including virtual time `at`: the run as it stood then.
std::shared_ptr<const engine::Trace> tracePrefix(const engine::Trace &trace, engine::Tick at);
/// The same from bytes already in memory (`path` names them in messages).
std::optional<RecordedRun> parseRecordedRun(const QByteArray &json, const QString &path, QString *error);

} // namespace scenarios
