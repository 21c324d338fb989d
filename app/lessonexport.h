#pragma once

#include "exportrequest.h"

/// A lesson: one timeline figure per step of the run with the narrative's sentence for that step
/// under it, for a class to walk through. `lesson-pdf` writes a multi-page PDF (one page a step);
/// `lesson-png` a series of PNG pictures, OUT-001.png, OUT-002.png … next to OUT.
///
/// A step is one trace event up to the playhead (--at), within --range when given. Each page has
/// the figure of the run as it stood after that event, at its own natural height (lanes keep
/// their size from page to page and appear as tasks are spawned), then the caption: "Step k of n
/// · t = …" and the sentence. Every page is as large as the largest. Written atomically: the PDF
/// through a QSaveFile, the pictures each through one, and a failure removes the pictures already
/// written, so no partial lesson is left.
class LessonExport
{
public:
    enum class Format { Pdf, PngSeries };

    /// A lesson of more steps is refused: it would not be read (use --range or --at).
    static constexpr int MaxSteps = 400;

    /// Adds lesson-pdf and lesson-png to the formats of `taskscope export` (once).
    static void registerFormats();
    static bool write(Format format, const commandline::ExportRequest &request, QString *error);
    /// The picture of step `index` (from 1) of a series written to `output`: "OUT-007.png".
    static QString seriesPath(const QString &output, int index, int count);
};
