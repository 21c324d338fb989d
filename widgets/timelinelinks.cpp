#include "timelinelinks.h"

#include "timelinemodel.h"

#include <algorithm>

namespace widgets {

using engine::EventId;
using engine::EventKind;
using engine::NoId;
using engine::ScopeId;
using engine::TaskId;
using engine::Tick;
using engine::TraceEvent;

namespace {

// The first of `ids` (sorted) after `after`, or NoId.
EventId firstAfter(const std::vector<EventId> &ids, EventId after)
{
    const auto it = std::upper_bound(ids.begin(), ids.end(), after);
    return it == ids.end() ? NoId : *it;
}

bool raisedOutOfScope(const engine::Trace &trace, const TraceEvent &exit)
{
    // closeScope() words an exit that lets the error out "raised …"; "cancelled" lets only a
    // cancellation out, and anything else means the scope ended normally: the error stopped there.
    return trace.string(exit.text).startsWith(QLatin1String("raised"));
}

} // namespace

TaskId TimelineLinks::laneTaskOf(const TimelineModel &model, EventId event)
{
    const engine::Trace *trace = model.trace();
    if (!trace || event < 0 || event >= trace->size())
        return NoId;
    const TraceEvent &e = trace->at(event);
    TaskId task = e.task;
    if (task < 0 && e.kind == EventKind::CancelRequested)
        task = e.other;
    if (task < 0 && e.scope >= 0 && size_t(e.scope) < trace->scopes().size())
        task = trace->scopes()[size_t(e.scope)].owner;
    return task >= 0 && task < model.taskCount() ? task : NoId;
}

std::vector<ErrorPath> TimelineLinks::errorPaths(const TimelineModel &model)
{
    std::vector<ErrorPath> paths;
    const engine::Trace *trace = model.trace();
    if (!trace)
        return paths;
    const int n = trace->size();
    // cause → the ErrorPropagated and CancelRequested events it caused, built in one pass.
    std::vector<EventId> propagatedBy(size_t(n), NoId);
    std::vector<EventId> cancelBy(size_t(n), NoId);
    std::vector<EventId> failures;
    // Per scope, its ErrorsGrouped and ScopeExited events in order: many errors can reach one
    // scope, and each must find "the next group / exit" without rescanning the trace.
    const size_t scopeCount = trace->scopes().size();
    std::vector<std::vector<EventId>> groups(scopeCount);
    std::vector<std::vector<EventId>> exits(scopeCount);
    for (EventId i = 0; i < n; ++i) {
        const TraceEvent &e = trace->at(i);
        const bool inScope = e.scope >= 0 && size_t(e.scope) < scopeCount;
        if (e.kind == EventKind::Failed)
            failures.push_back(i);
        else if (e.kind == EventKind::ErrorsGrouped && inScope)
            groups[size_t(e.scope)].push_back(i);
        else if (e.kind == EventKind::ScopeExited && inScope)
            exits[size_t(e.scope)].push_back(i);
        else if (e.cause >= 0 && e.cause < n && e.kind == EventKind::ErrorPropagated && propagatedBy[size_t(e.cause)] < 0)
            propagatedBy[size_t(e.cause)] = i;
        else if (e.cause >= 0 && e.cause < n && e.kind == EventKind::CancelRequested && cancelBy[size_t(e.cause)] < 0)
            cancelBy[size_t(e.cause)] = i;
    }
    // Who received each cancel request (the model resolved scope-wide requests to tasks),
    // sorted by request so that the receivers of one request are a contiguous run.
    std::vector<std::pair<EventId, TaskId>> received;
    for (TaskId t = 0; t < model.taskCount(); ++t)
        if (const EventId r = model.task(t).cancelRequest; r >= 0)
            received.emplace_back(r, t);
    std::sort(received.begin(), received.end());

    std::vector<bool> continued(size_t(n), false);   // failures that re-raise a child's error
    for (const EventId origin : failures) {
        if (continued[size_t(origin)])
            continue;
        ErrorPath path;
        path.origin = trace->at(origin).task;
        EventId failure = origin;
        for (int guard = 0; guard < 64 && failure >= 0; ++guard) {
            const TraceEvent &f = trace->at(failure);
            path.nodes.push_back({f.time, f.task, NoId, failure, ErrorPathNode::Raised});
            const EventId propagated = propagatedBy[size_t(failure)];
            if (propagated < 0) {
                const bool root = f.task >= 0 && f.task < model.taskCount() && model.task(f.task).parent < 0;
                path.nodes.push_back({f.time, f.task, NoId, failure, root ? ErrorPathNode::Escaped : ErrorPathNode::Dropped});
                break;
            }
            const TraceEvent &p = trace->at(propagated);
            const ScopeId scope = p.scope;
            TaskId owner = p.other;
            if (owner < 0 && scope >= 0 && size_t(scope) < trace->scopes().size())
                owner = trace->scopes()[size_t(scope)].owner;
            path.nodes.push_back({p.time, owner, scope, propagated, ErrorPathNode::Propagated});
            if (const EventId request = cancelBy[size_t(propagated)]; request >= 0) {
                auto it = std::lower_bound(received.begin(), received.end(), std::pair<EventId, TaskId>(request, NoId));
                for (; it != received.end() && it->first == request; ++it)
                    if (it->second != path.origin && it->second != owner
                        && std::find(path.cancelled.begin(), path.cancelled.end(), it->second) == path.cancelled.end())
                        path.cancelled.push_back(it->second);
            }
            const bool known = scope >= 0 && size_t(scope) < scopeCount;
            const EventId grouped = known ? firstAfter(groups[size_t(scope)], propagated) : NoId;
            const EventId exit = known ? firstAfter(exits[size_t(scope)], propagated) : NoId;
            if (grouped >= 0 && (exit < 0 || grouped < exit)) {
                const TraceEvent &g = trace->at(grouped);
                path.nodes.push_back({g.time, g.task >= 0 ? g.task : owner, scope, grouped, ErrorPathNode::Grouped});
            }
            if (exit < 0)
                break;   // the scope is still open: the path goes on later
            const TraceEvent &x = trace->at(exit);
            if (!raisedOutOfScope(*trace, x)) {
                path.nodes.push_back({x.time, owner, scope, exit, ErrorPathNode::Caught});
                break;
            }
            // The owner re-raises what its scope raised, unless its own code catches it.
            const EventId end = owner >= 0 && owner < model.taskCount() ? model.task(owner).endEvent : NoId;
            if (end < 0) {
                break;   // the owner still runs: the error is in flight
            }
            if (trace->at(end).kind != EventKind::Failed) {
                path.nodes.push_back({x.time, owner, scope, exit, ErrorPathNode::Caught});
                break;
            }
            continued[size_t(end)] = true;
            failure = end;
        }
        paths.push_back(std::move(path));
    }
    return paths;
}

std::vector<ErrorPath> TimelineLinks::errorPathsThrough(const TimelineModel &model, TaskId task)
{
    std::vector<ErrorPath> all = errorPaths(model);
    std::vector<ErrorPath> out;
    for (ErrorPath &p : all) {
        const bool through = std::any_of(p.nodes.begin(), p.nodes.end(), [task](const ErrorPathNode &n) { return n.task == task; })
            || std::find(p.cancelled.begin(), p.cancelled.end(), task) != p.cancelled.end();
        if (through)
            out.push_back(std::move(p));
    }
    return out;
}

std::vector<CausalLink> TimelineLinks::causalLinks(const TimelineModel &model, TaskId task, Tick from, Tick to, int cap)
{
    std::vector<CausalLink> links;
    const engine::Trace *trace = model.trace();
    if (!trace || cap <= 0)
        return links;
    const auto &events = trace->events();
    // Events are in time order: start at the first one at or after `from` (an effect is never
    // earlier than its cause, so a link that meets [from, to] ends at or after `from`).
    const auto first = std::partition_point(events.begin(), events.end(), [from](const TraceEvent &e) { return e.time < from; });
    EventId i = EventId(std::distance(events.begin(), first));
    for (; i < trace->size() && int(links.size()) < cap; ++i) {
        const TraceEvent &e = trace->at(i);
        if (e.cause < 0 || e.cause >= i)
            continue;
        const TraceEvent &c = trace->at(e.cause);
        if (c.time > to)
            continue;
        const CausalLink link{e.cause, i, c.time, e.time, laneTaskOf(model, e.cause), laneTaskOf(model, i)};
        if (link.fromTask < 0 || link.toTask < 0)
            continue;
        if (task >= 0) {
            if (link.fromTask != task && link.toTask != task)
                continue;
            if (link.fromTask == link.toTask && link.fromTime == link.toTime)
                continue;   // an arrow onto itself says nothing
        } else if (link.fromTask == link.toTask) {
            continue;
        }
        // A request and its delivery often share both ends: one arrow is enough.
        const bool duplicate = std::any_of(links.begin(), links.end(), [&](const CausalLink &l) {
            return l.fromTask == link.fromTask && l.toTask == link.toTask && l.fromTime == link.fromTime && l.toTime == link.toTime;
        });
        if (!duplicate)
            links.push_back(link);
    }
    return links;
}

} // namespace widgets
