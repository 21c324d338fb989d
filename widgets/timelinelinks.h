#pragma once

#include "tasktimeline.h"

#include <vector>

namespace widgets {

class TimelineModel;

/// The links between events of different moments and lanes, derived from a model's trace: the
/// paths exceptions take up the task tree, and cause → effect arrows. Pure data in (time, task)
/// coordinates, so tests can check them without a view; TimelineLinkPainter draws them.
class TimelineLinks
{
public:
    /// Every error path of the run, one per origin (a Failed event that no child error caused),
    /// in trace order.
    static std::vector<ErrorPath> errorPaths(const TimelineModel &model);
    /// The paths whose origin is `task` or that pass through it.
    static std::vector<ErrorPath> errorPathsThrough(const TimelineModel &model, engine::TaskId task);

    /// Cause → effect links. With `task` set: every link that starts or ends on its lane (a timer
    /// → its own wake included). Without: links between different lanes only, the first `cap`
    /// of them whose time range meets [from, to]. Identical endpoints are reported once.
    static std::vector<CausalLink> causalLinks(const TimelineModel &model, engine::TaskId task, engine::Tick from,
                                               engine::Tick to, int cap);

    /// The lane an event belongs to: its task, or for a scope-wide cancel request the task that
    /// asked (else the scope's owner).
    static engine::TaskId laneTaskOf(const TimelineModel &model, engine::EventId event);
};

} // namespace widgets
