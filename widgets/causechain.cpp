#include "causechain.h"

#include "tracequery.h"

#include <QCoreApplication>
#include <QStringList>

namespace widgets {

using namespace engine;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("widgets::CauseChain", text);
}

// The lookups are shared with the narrative (tracequery.h); short names keep the reasoning readable.
bool valid(const Trace &trace, EventId id) { return TraceQuery::isValid(trace, id); }
TaskId parentOf(const Trace &trace, TaskId task) { return TraceQuery::parentOf(trace, task); }
ScopeKind kindOf(const Trace &trace, ScopeId scope) { return TraceQuery::kindOf(trace, scope); }
TaskId ownerOf(const Trace &trace, ScopeId scope) { return TraceQuery::ownerOf(trace, scope); }
EventId failureOf(const Trace &trace, EventId id) { return TraceQuery::failureOf(trace, id); }

// "sibling A" when `other` shares `subject`'s parent: the reader then knows it raced beside it.
QString who(const Trace &trace, TaskId other, TaskId subject)
{
    const bool sibling = other != subject && parentOf(trace, other) == parentOf(trace, subject) && parentOf(trace, other) >= 0;
    return (sibling ? tr("sibling ") : QString()) + trace.taskName(other);
}

// Names of the tasks (other than `except`) that the cancel requests caused by `cause` reached.
QStringList cancelledBy(const Trace &trace, EventId cause, TaskId except)
{
    QStringList names;
    const auto add = [&](TaskId t) {
        const QString n = trace.taskName(t);
        if (t != except && t >= 0 && !names.contains(n))
            names << n;
    };
    for (EventId i = cause + 1; i < trace.size(); ++i) {
        const TraceEvent &e = trace.at(i);
        if (e.kind == EventKind::CancelRequested && e.cause == cause && e.task >= 0)
            add(e.task);
        else if (e.kind == EventKind::CancelDelivered && valid(trace, e.cause) && trace.at(e.cause).cause == cause)
            add(e.task);
    }
    return names;
}

QString requestTarget(const Trace &trace, const TraceEvent &r)
{
    return r.scope >= 0 ? TraceQuery::scopeLabel(trace, r.scope) : trace.taskName(r.task);
}

void addRequestReason(std::vector<CauseStep> &steps, const Trace &trace, EventId request, TaskId subject,
                      const QString &connective, int depth);

// The cause of a request when the trace links one: a deadline, a sibling's end, an error.
bool addLinkedReason(std::vector<CauseStep> &steps, const Trace &trace, const TraceEvent &r, TaskId subject,
                     const QString &connective, int depth)
{
    if (!valid(trace, r.cause))
        return false;
    const TraceEvent &c = trace.at(r.cause);
    const QString target = requestTarget(trace, r);
    switch (c.kind) {
    case EventKind::TimerFired:
        steps.push_back({connective, tr("the deadline of %1 passed at t=%2").arg(TraceQuery::scopeLabel(trace, c.scope)).arg(c.time), r.cause, NoId});
        return true;
    case EventKind::Completed: {
        const bool helper = r.scope >= 0 && kindOf(trace, r.scope) == ScopeKind::Helper;
        const QString text = helper ? tr("%1 completed first and %2 cancels the losers")
                                    : tr("%1 completed, so %2 was cancelled");
        steps.push_back({connective, text.arg(who(trace, c.task, subject), target), r.cause, c.task});
        return true;
    }
    case EventKind::Failed:
    case EventKind::ErrorPropagated: {
        const EventId failed = failureOf(trace, r.cause);
        const QString error = valid(trace, failed) ? trace.string(trace.at(failed).text) : QString();
        const ScopeId where = c.kind == EventKind::ErrorPropagated ? c.scope : r.scope;
        const QString place = where >= 0 ? TraceQuery::scopeLabel(trace, where) : target;
        steps.push_back({connective, tr("%1 failed with %2 and %3 cancels the rest on an error").arg(who(trace, c.task, subject), error, place),
                         valid(trace, failed) ? failed : r.cause, c.task});
        return true;
    }
    case EventKind::CancelRequested:
        addRequestReason(steps, trace, r.cause, subject, connective, depth + 1);
        return true;
    default:
        steps.push_back({connective, tr("%1 (t=%2)").arg(trace.format(c).section(QLatin1Char(' '), 1)).arg(c.time), r.cause, c.task});
        return true;
    }
}

// The last time `task` resumed before `before`: a requester woken by a deadline cancels on its behalf.
EventId lastResume(const Trace &trace, TaskId task, EventId before)
{
    for (EventId i = before - 1; i >= 0; --i)
        if (trace.at(i).task == task && trace.at(i).kind == EventKind::Resumed)
            return i;
    return NoId;
}

void addRequestReason(std::vector<CauseStep> &steps, const Trace &trace, EventId request, TaskId subject,
                      const QString &connective, int depth)
{
    if (!valid(trace, request) || depth > 5)
        return;
    const TraceEvent &r = trace.at(request);
    if (addLinkedReason(steps, trace, r, subject, connective, depth))
        return;
    const QString target = requestTarget(trace, r);
    const QString why = trace.string(r.text);
    const TaskId by = r.other;
    if (by < 0) {
        steps.push_back({connective, why.isEmpty() ? tr("%1 was cancelled").arg(target) : tr("%1 was cancelled: %2").arg(target, why), request, NoId});
        return;
    }
    // Explicit cancel: name the requester; its reason only when it adds something.
    QString text = tr("%1 cancelled %2").arg(trace.taskName(by), target);
    if (!why.isEmpty() && !why.startsWith(trace.taskName(by)))
        text += QStringLiteral(" (%1)").arg(why);
    // A requester woken by a deadline cancels on the deadline's behalf (asyncio's wait_for).
    const EventId wake = lastResume(trace, by, request);
    if (valid(trace, wake) && valid(trace, trace.at(wake).cause) && trace.at(trace.at(wake).cause).kind == EventKind::TimerFired) {
        const TraceEvent &timer = trace.at(trace.at(wake).cause);
        steps.push_back({connective, tr("the deadline of %1 passed at t=%2, so %3").arg(TraceQuery::scopeLabel(trace, timer.scope)).arg(timer.time).arg(text),
                         trace.at(wake).cause, by});
        return;
    }
    steps.push_back({connective, text, request, by});
    // A requester that was itself being cancelled passes the cancellation on.
    const EventId upstream = TraceQuery::cancelRequest(trace, by);
    if (valid(trace, upstream) && upstream < request) {
        steps.push_back({tr(", because "), tr("%1 was itself asked to stop at t=%2").arg(trace.taskName(by)).arg(trace.at(upstream).time), upstream, by});
        addRequestReason(steps, trace, upstream, by, tr(": "), depth + 1);
    }
}

// Why a request took effect late: a protecting scope, a late delivery, a slow unwind.
void addLatency(std::vector<CauseStep> &steps, const Trace &trace, TaskId task, EventId request, EventId end)
{
    const TraceEvent &r = trace.at(request);
    const TraceEvent &e = trace.at(end);
    if (e.time <= r.time)
        return;
    Tick delivered = -1;
    ScopeId protector = NoId;
    Tick protectedUntil = -1;
    for (EventId i = 0; i < end; ++i) {
        const TraceEvent &x = trace.at(i);
        if (x.task != task)
            continue;
        if (x.kind == EventKind::ScopeEntered && i < request && kindOf(trace, x.scope) == ScopeKind::Cancel)
            protector = x.scope;
        else if (x.kind == EventKind::ScopeExited && x.scope == protector && i < request)
            protector = NoId;
        else if (x.kind == EventKind::ScopeExited && x.scope == protector && protectedUntil < 0)
            protectedUntil = x.time;
        else if (x.kind == EventKind::CancelDelivered && i > request && delivered < 0)
            delivered = x.time;
    }
    QString text = tr("%1 ticks after it was asked to stop at t=%2").arg(e.time - r.time).arg(r.time);
    if (protector >= 0 && protectedUntil >= 0)
        text += tr(": it was inside %1 until t=%2").arg(TraceQuery::scopeLabel(trace, protector)).arg(protectedUntil);
    else if (delivered > r.time)
        text += tr(": the cancellation reached it only at t=%1").arg(delivered);
    else if (delivered >= 0 && e.time > delivered)
        text += tr(": it unwound for %1 ticks after the cancellation reached it").arg(e.time - delivered);
    steps.push_back({tr(", "), text, request, NoId});
}

// Why a task failed: its own scope raised (a deadline, its children's errors).
void addFailureReason(std::vector<CauseStep> &steps, const Trace &trace, TaskId task, EventId end)
{
    const TraceEvent &f = trace.at(end);
    EventId grouped = NoId;
    for (EventId i = end - 1; i >= 0 && trace.at(i).time == f.time; --i)
        if (trace.at(i).kind == EventKind::ErrorsGrouped && trace.at(i).task == task) {
            grouped = i;
            break;
        }
    if (grouped == NoId)
        return;
    const TraceEvent &g = trace.at(grouped);
    const QString scope = TraceQuery::scopeLabel(trace, g.scope);
    QStringList children;
    EventId first = NoId;
    TaskId firstTask = NoId;
    EventId timer = NoId;
    for (EventId i = 0; i < grouped; ++i) {
        const TraceEvent &x = trace.at(i);
        const bool intoScope = x.kind == EventKind::ErrorPropagated && x.scope == g.scope;
        const bool groupCause = i == g.cause && x.kind == EventKind::Failed;
        if ((intoScope || groupCause) && x.task != task) {
            const EventId failed = failureOf(trace, i);
            children << tr("%1 failed with %2").arg(trace.taskName(x.task), valid(trace, failed) ? trace.string(trace.at(failed).text) : QString());
            if (first == NoId) {
                first = i;
                firstTask = x.task;
            }
        } else if (x.kind == EventKind::CancelRequested && x.scope == g.scope && valid(trace, x.cause)
                   && trace.at(x.cause).kind == EventKind::TimerFired) {
            timer = x.cause;
        }
    }
    if (!children.isEmpty())
        steps.push_back({tr(" because "), tr("%1 raised it after child %2").arg(scope, children.join(tr(", "))), first, firstTask});
    else if (timer != NoId)
        steps.push_back({tr(" because "), tr("the deadline of %1 passed at t=%2 and it raised %3").arg(scope).arg(trace.at(timer).time).arg(trace.string(g.text)), timer, NoId});
}

// Where an error went after `failed`: the scope it reached, whom that cancelled, who raised it on.
void addErrorPath(std::vector<CauseStep> &steps, const Trace &trace, EventId failed, int depth)
{
    const TraceEvent &f = trace.at(failed);
    const TaskId task = f.task;
    ScopeId scope = NoId;
    EventId reached = NoId;
    for (EventId i = failed + 1; i < trace.size() && scope == NoId; ++i) {
        const TraceEvent &x = trace.at(i);
        if ((x.kind == EventKind::ErrorPropagated && x.task == task) || (x.kind == EventKind::ErrorsGrouped && x.cause == failed)) {
            scope = x.scope;
            reached = i;
        }
    }
    if (scope == NoId) {
        const TaskId parent = parentOf(trace, task);
        if (parent < 0) {
            steps.push_back({tr("; "), tr("it escaped from %1, the root task").arg(trace.taskName(task)), failed, NoId});
        } else if (const EventId pe = TraceQuery::endEvent(trace, parent); valid(trace, pe) && trace.at(pe).kind == EventKind::Completed) {
            steps.push_back({tr("; "), tr("the error did not propagate: %1 completed with %2").arg(trace.taskName(parent), trace.string(trace.at(pe).text)), pe, parent});
        }
        return;
    }
    QString text = tr("the error reached %1").arg(TraceQuery::scopeLabel(trace, scope));
    // The scope's owner is interrupted too (its body), but the reader wants the siblings.
    const TaskId owner = ownerOf(trace, scope);
    QStringList cancelled = cancelledBy(trace, reached, task) + cancelledBy(trace, failed, task);
    cancelled.removeDuplicates();
    cancelled.removeAll(trace.taskName(owner));
    if (!cancelled.isEmpty())
        text += tr(" and cancelled %1").arg(cancelled.join(tr(", ")));
    steps.push_back({tr("; "), text, reached, NoId});

    const EventId ownerEnd = TraceQuery::endEvent(trace, owner);
    if (!valid(trace, ownerEnd) || depth > 8)
        return;
    const TraceEvent &oe = trace.at(ownerEnd);
    const QString ownerName = trace.taskName(owner);
    if (oe.kind == EventKind::Failed) {
        if (parentOf(trace, owner) < 0) {
            steps.push_back({tr("; "), tr("it escaped from %1 as %2").arg(ownerName, trace.string(oe.text)), ownerEnd, owner});
            return;
        }
        steps.push_back({tr("; "), tr("%1 failed with %2").arg(ownerName, trace.string(oe.text)), ownerEnd, owner});
        addErrorPath(steps, trace, ownerEnd, depth + 1);
    } else if (oe.kind == EventKind::Completed) {
        steps.push_back({tr("; "), tr("%1 did not raise it and completed").arg(ownerName), ownerEnd, owner});
    } else {
        steps.push_back({tr("; "), tr("%1 ended cancelled").arg(ownerName), ownerEnd, owner});
    }
}

} // namespace

std::vector<CauseStep> CauseChain::explain(const Trace &trace, TaskId task)
{
    std::vector<CauseStep> steps;
    if (task < 0 || size_t(task) >= trace.tasks().size())
        return steps;
    const EventId end = TraceQuery::endEvent(trace, task);
    const EventId request = TraceQuery::cancelRequest(trace, task);
    if (end == NoId) {
        steps.push_back({{}, tr("has not ended yet"), NoId, NoId});
        if (request != NoId) {
            steps.push_back({tr("; "), tr("it was asked to stop at t=%1").arg(trace.at(request).time), request, NoId});
            addRequestReason(steps, trace, request, task, tr(" because "), 0);
        }
        return steps;
    }
    const TraceEvent &e = trace.at(end);
    const QString value = trace.string(e.text);
    switch (e.kind) {
    case EventKind::Cancelled:
        steps.push_back({{}, tr("cancelled at t=%1").arg(e.time), end, NoId});
        if (request == NoId)
            return steps;
        addLatency(steps, trace, task, request, end);
        addRequestReason(steps, trace, request, task, tr(" because "), 0);
        return steps;
    case EventKind::Completed: {
        steps.push_back({{}, value.isEmpty() ? tr("completed at t=%1").arg(e.time) : tr("completed at t=%1 with %2").arg(e.time).arg(value), end, NoId});
        if (request != NoId && request < end) {
            steps.push_back({tr(" although "), tr("it was asked to stop at t=%1").arg(trace.at(request).time), request, NoId});
            addRequestReason(steps, trace, request, task, tr(" because "), 0);
            for (EventId i = request + 1; i < end; ++i)
                if (trace.at(i).task == task && trace.at(i).kind == EventKind::ScopeExited && trace.string(trace.at(i).text).startsWith(QLatin1String("caught")))
                    steps.push_back({tr("; "), tr("%1 caught the cancellation").arg(TraceQuery::scopeLabel(trace, trace.at(i).scope)), i, NoId});
        }
        const QStringList losers = cancelledBy(trace, end, task);
        if (!losers.isEmpty())
            steps.push_back({tr("; "), tr("its finish cancelled %1").arg(losers.join(tr(", "))), end, NoId});
        return steps;
    }
    default:
        steps.push_back({{}, tr("failed at t=%1: %2").arg(e.time).arg(value), end, NoId});
        addFailureReason(steps, trace, task, end);
        if (request != NoId && request < end && steps.size() == 1) {
            steps.push_back({tr(", "), tr("while it was being cancelled since t=%1").arg(trace.at(request).time), request, NoId});
            addRequestReason(steps, trace, request, task, tr(" because "), 0);
        }
        addErrorPath(steps, trace, end, 0);
        return steps;
    }
}

QString CauseChain::join(const std::vector<CauseStep> &steps)
{
    QString out;
    for (const CauseStep &s : steps)
        out += s.connective + s.text;
    return out;
}

QString CauseChain::sentence(const Trace &trace, TaskId task)
{
    return join(explain(trace, task));
}

} // namespace widgets
