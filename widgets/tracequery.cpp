#include "tracequery.h"

namespace widgets {

using namespace engine;

namespace {

bool isEnd(EventKind k)
{
    return k == EventKind::Completed || k == EventKind::Failed || k == EventKind::Cancelled;
}

} // namespace

bool TraceQuery::isValid(const Trace &trace, EventId id)
{
    return id >= 0 && id < trace.size();
}

TaskId TraceQuery::parentOf(const Trace &trace, TaskId task)
{
    return task >= 0 && size_t(task) < trace.tasks().size() ? trace.tasks()[size_t(task)].parent : NoId;
}

TaskId TraceQuery::ownerOf(const Trace &trace, ScopeId scope)
{
    return scope >= 0 && size_t(scope) < trace.scopes().size() ? trace.scopes()[size_t(scope)].owner : NoId;
}

ScopeKind TraceQuery::kindOf(const Trace &trace, ScopeId scope)
{
    return scope >= 0 && size_t(scope) < trace.scopes().size() ? trace.scopes()[size_t(scope)].kind : ScopeKind::Cancel;
}

bool TraceQuery::scopeContains(const Trace &trace, ScopeId outer, ScopeId inner)
{
    const auto &scopes = trace.scopes();
    for (size_t guard = 0; inner >= 0 && guard <= scopes.size(); ++guard) {
        if (inner == outer)
            return true;
        if (size_t(inner) >= scopes.size())
            return false;
        inner = scopes[size_t(inner)].parent;
    }
    return false;
}

QString TraceQuery::scopeLabel(const Trace &trace, ScopeId scope)
{
    const QString name = trace.scopeName(scope);
    if (kindOf(trace, scope) == ScopeKind::Helper)
        return name;
    return QStringLiteral("%1 '%2'").arg(QLatin1String(toString(kindOf(trace, scope))), name);
}

EventId TraceQuery::endEvent(const Trace &trace, TaskId task)
{
    if (task < 0)
        return NoId;
    for (EventId i = trace.size() - 1; i >= 0; --i)
        if (trace.at(i).task == task && isEnd(trace.at(i).kind))
            return i;
    return NoId;
}

EventId TraceQuery::cancelRequest(const Trace &trace, TaskId task)
{
    if (task < 0)
        return NoId;
    EventId aimed = NoId;
    bool spawned = false;
    ScopeId scope = NoId;
    for (EventId i = 0; i < trace.size(); ++i) {
        const TraceEvent &e = trace.at(i);
        if (e.task == task && (e.kind == EventKind::Spawned || e.kind == EventKind::Moved)) {
            spawned = true;
            scope = e.scope;
        } else if (e.task == task && isEnd(e.kind)) {
            break;
        } else if (e.kind == EventKind::CancelDelivered && e.task == task && isValid(trace, e.cause)
                   && trace.at(e.cause).kind == EventKind::CancelRequested) {
            // What actually reached it wins over what merely aimed at it (a shield filters those).
            return e.cause;
        } else if (aimed == NoId && spawned && e.kind == EventKind::CancelRequested
                   && (e.task == task || (e.task == NoId && scope >= 0 && scopeContains(trace, e.scope, scope)))) {
            aimed = i;
        }
    }
    return aimed;
}

EventId TraceQuery::failureOf(const Trace &trace, EventId id)
{
    // A cancel request names the propagation, which names the failure: a short walk suffices.
    for (int guard = 0; isValid(trace, id) && guard < 4; ++guard) {
        if (trace.at(id).kind == EventKind::Failed)
            return id;
        id = trace.at(id).cause;
    }
    return NoId;
}

} // namespace widgets
