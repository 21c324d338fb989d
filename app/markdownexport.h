#pragma once

namespace commandline {

/// Makes `taskscope export --format markdown` (alias `md`) available: the run's narrative as
/// Markdown (widgets::NarrativeMarkdown). The command line library is QtCore only; the
/// executable, which links the widgets layer, calls this at start-up (and so do the tests).
void registerMarkdownExport();

} // namespace commandline
