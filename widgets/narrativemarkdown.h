#pragma once

#include "engine/trace.h"

#include <QString>

namespace widgets {

/// The narrative of a run as a Markdown document, for notes, slides and bug reports: a title, the
/// scenario's facts and description, the outcome, the tasks, then one list item per event in
/// trace order under a "### t = 3 ms" heading per instant, worded by EventNarrator (so the file
/// reads as the narrative dock does). Not a widget: the app's File menu and the command line's
/// `export --format markdown` share it. Reads QtCore and the trace only.
class NarrativeMarkdown
{
public:
    /// What the document says about the run besides its events (empty fields are left out).
    struct About
    {
        QString title;          ///< the scenario's title
        QString conceptName;
        QString profile;        ///< the library profile, e.g. "asyncgui"
        QString description;    ///< the scenario's teaching notes (Markdown-escaped, kept in paragraphs)
        QString source;         ///< where the run came from (scenario file, built-in or recording)
        QString outcome;        ///< "returned 'A'", "still running at t=2" …
    };

    /// The document for the events of `trace` (the run as shown, with the playhead at `now`).
    static QString document(const engine::Trace &trace, engine::Tick now, const About &about);
    /// Writes document() to `path` atomically (QSaveFile): false with a sentence in `error`.
    static bool save(const QString &path, const engine::Trace &trace, engine::Tick now, const About &about, QString *error);

    /// `text` on one line with Markdown's punctuation escaped, so that names and values such as
    /// "fetch_user" or "[1, 2]" print as written instead of turning into emphasis or links.
    static QString escape(const QString &text);
    /// A heading's time: "t = 3 ms" (1 tick is 1 ms of virtual time).
    static QString instantHeading(engine::Tick t);
};

} // namespace widgets
