#pragma once

#include "engine/trace.h"

#include <QSize>
#include <QString>

#include <functional>
#include <optional>

namespace scenarios {
class Scenario;
class ScenarioRun;
}

namespace commandline {

/// One export asked for on the command line (`taskscope export`), handed to the writer of its
/// format. The run is already driven to `now`; `range` limits the time shown.
struct ExportRequest
{
    const engine::Trace *trace = nullptr;
    const scenarios::ScenarioRun *run = nullptr;   ///< the live run; null for a recorded trace
    engine::Tick now = 0;                  ///< the playhead: --at, else the run's end
    std::optional<engine::Tick> rangeBegin;   ///< --range A..B (else the whole run)
    std::optional<engine::Tick> rangeEnd;
    QSize size;                            ///< --size WxH in pixels (0: the format's default; a figure's height 0: from the lanes)
    int dpi = 0;                           ///< --dpi (0: the format's default)
    QString title;                         ///< the scenario's title
    const scenarios::Scenario *scenario = nullptr;   ///< the scenario, when known (a recording's may not parse)
    QString sourcePath;                    ///< the scenario file, or the recorded trace read
    QString outcome;                       ///< "returned …" / "raised …" / "still running at t=…" at `now`
    QString output;                        ///< -o OUT
    QString *written = nullptr;            ///< where a writer whose files are not just OUT (a series) says what it wrote
};

/// Writes one format (returns false with a sentence in `error`). Formats that need painting are
/// registered by the executable, which links the widgets; the command line itself stays QtCore.
using ExportWriter = std::function<bool(const ExportRequest &request, QString *error)>;

/// Makes `format` (e.g. "png") available to `taskscope export`, described by `summary`.
void registerExportFormat(const QString &format, const QString &summary, ExportWriter writer);
/// The registered formats, sorted.
QStringList exportFormats();
/// What `format` writes, for --help.
QString exportFormatSummary(const QString &format);
/// Writes `request` with the writer of `format` (the app's File ▸ Export uses the same writers).
/// False with a sentence in `error` when the format is unknown or the writer fails.
bool writeExport(const QString &format, const ExportRequest &request, QString *error);

} // namespace commandline
