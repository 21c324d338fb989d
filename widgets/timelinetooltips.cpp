#include "timelinetooltips.h"

#include "timelinemodel.h"

namespace widgets {

using engine::Tick;

namespace {

// Virtual ticks are milliseconds.
QString ms(Tick t)
{
    return QObject::tr("%1 ms").arg(t);
}

} // namespace

QString TimelineToolTips::spanLine(const TimelineModel &model, const TaskTimeline &task, int index)
{
    const TimelineSpan &s = task.spans[size_t(index)];
    const Tick end = s.endAt(model.now());
    const QString range = s.isOpen() ? QObject::tr("%1 → now (%2)").arg(s.begin).arg(ms(model.now()))
        : s.begin == s.end           ? QObject::tr("at %1").arg(ms(s.begin))
                                     : QObject::tr("%1 → %2").arg(s.begin).arg(ms(s.end));
    QString line = QStringLiteral("<i>%1</i>, %2").arg(model.spanText(s).toHtmlEscaped(), range);
    if (end > s.begin)
        line += QObject::tr(" (%1)").arg(ms(end - s.begin));
    return line;
}

QString TimelineToolTips::markLine(const TimelineModel &model, const TaskTimeline &task, int index)
{
    const TimelineMark &m = task.marks[size_t(index)];
    const engine::Trace *trace = model.trace();
    const engine::TraceEvent *e = trace && m.event >= 0 && m.event < trace->size() ? &trace->at(m.event) : nullptr;
    const QString text = e ? trace->string(e->text).toHtmlEscaped() : QString();
    switch (m.kind) {
    case MarkKind::CancelRequested: {
        QString line = QObject::tr("<b>cancel requested</b> at %1").arg(ms(m.time));
        if (e && e->other >= 0)
            line += QObject::tr(" by %1").arg(model.taskName(e->other).toHtmlEscaped());
        if (!text.isEmpty())
            line += QStringLiteral(": ") + text;
        return line;
    }
    case MarkKind::CancelDelivered:
        return QObject::tr("<b>Cancelled thrown in</b> at %1, at its %2 await")
            .arg(ms(m.time), e ? QString::fromLatin1(engine::toString(engine::WaitReason(e->detail))) : QString());
    case MarkKind::Completed:
        return QObject::tr("<b>completed</b> at %1%2").arg(ms(m.time), text.isEmpty() ? QString() : QStringLiteral(" → ") + text);
    case MarkKind::Failed:
        return QObject::tr("<b>failed</b> at %1: %2").arg(ms(m.time), text);
    case MarkKind::Cancelled:
        return QObject::tr("<b>cancelled</b> at %1").arg(ms(m.time));
    }
    return {};
}

QString TimelineToolTips::marbleLine(const TimelineModel &model, const TaskTimeline &task, int index)
{
    const TimelineMarble &m = task.marbles[size_t(index)];
    const engine::Trace *trace = model.trace();
    const QString value = trace && m.event >= 0 && m.event < trace->size() ? trace->string(trace->at(m.event).text) : QString();
    return m.pulled ? QObject::tr("<b>pulled</b> input %1 at %2").arg(value.toHtmlEscaped(), ms(m.time))
                    : QObject::tr("<b>emitted</b> %1 at %2").arg(value.toHtmlEscaped(), ms(m.time));
}

QString TimelineToolTips::text(const TimelineModel &model, const TimelineView::Hit &hit)
{
    if (hit.task < 0 || hit.task >= model.taskCount())
        return {};
    const TaskTimeline &task = model.task(hit.task);
    QString head;
    if (hit.onShape && hit.shape == ShapeKind::Marble && hit.index >= 0 && size_t(hit.index) < task.marbles.size()) {
        head = marbleLine(model, task, hit.index);
    } else if (hit.onShape && hit.shape == ShapeKind::Mark && hit.index >= 0 && size_t(hit.index) < task.marks.size()) {
        head = markLine(model, task, hit.index);
    } else if (hit.onShape && hit.shape == ShapeKind::Folded && hit.index >= 0) {
        const size_t last = std::min(task.spans.size(), size_t(hit.index + hit.count)) - 1;
        head = QObject::tr("<b>%1 spans</b> folded, %2 → %3: zoom in to see them one by one")
                   .arg(hit.count)
                   .arg(task.spans[size_t(hit.index)].begin)
                   .arg(ms(task.spans[last].endAt(model.now())));
    } else if (hit.span >= 0 && size_t(hit.span) < task.spans.size()) {
        head = spanLine(model, task, hit.span);
    }
    const QString summary = model.summary(hit.task);
    return head.isEmpty() ? summary : head + QStringLiteral("<hr>") + summary;
}

} // namespace widgets
