#pragma once

#include "engine/trace.h"

#include <QString>

namespace widgets {

/// Read-only lookups over a trace that the explanations (CauseChain), the narrative
/// (EventNarrator) and the inspector share. Every function tolerates out-of-range ids.
class TraceQuery
{
public:
    /// `id` names an event of `trace`.
    static bool isValid(const engine::Trace &trace, engine::EventId id);
    /// The task whose scope `task` was spawned in (its parent in the tree), or NoId.
    static engine::TaskId parentOf(const engine::Trace &trace, engine::TaskId task);
    /// The task that opened `scope`, or NoId.
    static engine::TaskId ownerOf(const engine::Trace &trace, engine::ScopeId scope);
    /// What kind of region `scope` is (Cancel for an unknown scope).
    static engine::ScopeKind kindOf(const engine::Trace &trace, engine::ScopeId scope);
    /// `inner` is `outer` or nested inside it.
    static bool scopeContains(const engine::Trace &trace, engine::ScopeId outer, engine::ScopeId inner);
    /// "nursery 'open_nursery()'", "wait_any()" (a helper's name says what it is), "timeout 'move_on_after(2)'".
    static QString scopeLabel(const engine::Trace &trace, engine::ScopeId scope);
    /// The event that ended `task` (Completed, Failed or Cancelled), or NoId while it runs.
    static engine::EventId endEvent(const engine::Trace &trace, engine::TaskId task);
    /// The cancel request that reached `task`: the one delivered to it, else the first aimed at it
    /// or at a scope around it while it lived; NoId when none.
    static engine::EventId cancelRequest(const engine::Trace &trace, engine::TaskId task);
    /// The Failed event an error path starts from: `id` itself or what its cause links lead to.
    static engine::EventId failureOf(const engine::Trace &trace, engine::EventId id);
};

} // namespace widgets
