#include "narrativemarkdown.h"

#include "eventnarrator.h"
#include "tracequery.h"

#include "scenarios/atomicfile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStringList>

namespace widgets {

using namespace engine;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("widgets::NarrativeMarkdown", text);
}

// The description as quoted paragraphs: its blank lines separate paragraphs, its other line
// breaks are the author's wrapping and join up.
QString quoted(const QString &description)
{
    QStringList paragraphs;
    for (const QString &p : description.trimmed().split(QStringLiteral("\n\n"), Qt::SkipEmptyParts))
        if (const QString line = NarrativeMarkdown::escape(p); !line.isEmpty())
            paragraphs << QStringLiteral("> ") + line;
    return paragraphs.join(QStringLiteral("\n>\n"));
}

// "completed at t = 1 ms", "cancelled at t = 1 ms", "still running".
QString endOf(const Trace &trace, TaskId task)
{
    const EventId end = TraceQuery::endEvent(trace, task);
    if (end == NoId)
        return tr("still running");
    const TraceEvent &e = trace.at(end);
    const QString how = e.kind == EventKind::Completed ? tr("completed") : e.kind == EventKind::Failed ? tr("failed") : tr("cancelled");
    return tr("%1 at %2").arg(how, NarrativeMarkdown::instantHeading(e.time));
}

// One table row per task spawned in the shown events, in spawn order.
QString taskTable(const Trace &trace)
{
    QStringList rows{tr("| Task | Spawned by | End |"), QStringLiteral("|---|---|---|")};
    for (const TraceEvent &e : trace.events()) {
        if (e.kind != EventKind::Spawned || e.task < 0)
            continue;
        const QString parent = e.other >= 0 ? NarrativeMarkdown::escape(trace.taskName(e.other)) : tr("(root)");
        rows << QStringLiteral("| %1 | %2 | %3 |").arg(NarrativeMarkdown::escape(trace.taskName(e.task)), parent, endOf(trace, e.task));
    }
    return rows.size() > 2 ? rows.join(QLatin1Char('\n')) : QString();
}

} // namespace

QString NarrativeMarkdown::escape(const QString &text)
{
    static const QString special = QStringLiteral("\\`*_[]<>|~#&!{}");
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text.simplified()) {
        if (special.contains(c))
            out += QLatin1Char('\\');
        out += c;
    }
    // A line that starts like a list item or a quote would become one.
    if (!out.isEmpty() && (out.front() == QLatin1Char('-') || out.front() == QLatin1Char('+')))
        out.prepend(QLatin1Char('\\'));
    return out;
}

QString NarrativeMarkdown::instantHeading(Tick t)
{
    return tr("t = %1 ms").arg(t);
}

QString NarrativeMarkdown::document(const Trace &trace, Tick now, const About &about)
{
    QStringList blocks;
    const QString title = about.title.isEmpty() ? tr("Untitled run") : escape(about.title);
    blocks << tr("# %1 — narrative").arg(title);

    QStringList facts;
    if (!about.conceptName.isEmpty())
        facts << tr("**Concept:** %1").arg(escape(about.conceptName));
    if (!about.profile.isEmpty())
        facts << tr("**Library profile:** %1").arg(escape(about.profile));
    if (!about.source.isEmpty())
        facts << tr("**Source:** %1").arg(escape(QFileInfo(about.source).fileName()));
    if (!facts.isEmpty())
        blocks << facts.join(QStringLiteral(" · "));
    if (const QString description = quoted(about.description); !description.isEmpty())
        blocks << description;
    if (!about.outcome.isEmpty())
        blocks << tr("**Outcome:** %1 (the narrative ends at %2).").arg(escape(about.outcome), instantHeading(now));
    if (const QString tasks = taskTable(trace); !tasks.isEmpty())
        blocks << tr("## Tasks") << tasks;

    blocks << tr("## Events");
    if (trace.size() == 0)
        blocks << tr("Nothing has happened yet.");
    // One heading per instant, one list item per event: the narrative dock's sentences without
    // their "t=…" prefix, which the heading carries.
    QStringList items;
    const auto flush = [&blocks, &items] {
        if (!items.isEmpty())
            blocks << items.join(QLatin1Char('\n'));
        items.clear();
    };
    for (EventId id = 0; id < trace.size(); ++id) {
        const Tick t = trace.at(id).time;
        if (id == 0 || t != trace.at(id - 1).time) {
            flush();
            blocks << QStringLiteral("### ") + instantHeading(t);
        }
        items << QStringLiteral("- ") + escape(EventNarrator::text(trace, id));
    }
    flush();

    const QString count = trace.size() == 1 ? tr("1 event") : tr("%1 events").arg(trace.size());
    blocks << QStringLiteral("---")
           << tr("%1 up to %2. 1 tick = 1 ms of virtual time. Written by Taskscope.").arg(count, instantHeading(now));
    return blocks.join(QStringLiteral("\n\n")) + QLatin1Char('\n');
}

bool NarrativeMarkdown::save(const QString &path, const Trace &trace, Tick now, const About &about, QString *error)
{
    return scenarios::writeFileAtomically(path, document(trace, now, about).toUtf8(), error, tr("the narrative"));
}

} // namespace widgets
