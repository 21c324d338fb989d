#include "markdownexport.h"

#include "exportrequest.h"

#include "scenarios/scenario.h"
#include "widgets/narrativemarkdown.h"

namespace commandline {

namespace {

bool writeMarkdown(const ExportRequest &r, QString *error)
{
    widgets::NarrativeMarkdown::About about;
    about.title = r.title;
    if (r.scenario) {
        about.conceptName = r.scenario->conceptName();
        about.profile = r.scenario->profile();
        about.description = r.scenario->description();
    }
    about.source = r.sourcePath;
    about.outcome = r.outcome;
    return widgets::NarrativeMarkdown::save(r.output, *r.trace, r.now, about, error);
}

} // namespace

void registerMarkdownExport()
{
    registerExportFormat(QStringLiteral("markdown"),
                         QStringLiteral("the narrative as Markdown: one line per event, grouped by instant"), writeMarkdown);
    registerExportFormat(QStringLiteral("md"), QStringLiteral("the same as markdown"), writeMarkdown);
}

} // namespace commandline
