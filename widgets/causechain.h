#pragma once

#include "engine/trace.h"

#include <QString>

#include <vector>

namespace widgets {

/// One clause of an explanation: words, the event they are about and the task they name.
struct CauseStep
{
    QString connective;                    ///< joins it to the previous step: " because ", "; " …
    QString text;                          ///< "sibling A completed first and wait_any() cancels the losers"
    engine::EventId event = engine::NoId;  ///< the event the clause is about (its time is clickable)
    engine::TaskId task = engine::NoId;    ///< the other task the clause names, if any (clickable)
};

/// Why a task ended as it did, in words, built by following the trace's `cause` links, the cancel
/// requests' requester and reason, the error propagation events and the scope kinds. Pure
/// functions over a trace: no widget, no runtime, so the reasoning is testable without painting.
class CauseChain
{
public:
    /// The explanation of `task`: the outcome first ("cancelled at t=1"), then its causes and,
    /// for an error, where the error went. Empty for an unknown task.
    static std::vector<CauseStep> explain(const engine::Trace &trace, engine::TaskId task);
    /// The explanation as one plain sentence (the steps joined by their connectives).
    static QString sentence(const engine::Trace &trace, engine::TaskId task);
    /// The steps joined by their connectives.
    static QString join(const std::vector<CauseStep> &steps);
};

} // namespace widgets
