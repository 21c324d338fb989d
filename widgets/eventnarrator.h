#pragma once

#include "engine/trace.h"

#include <QString>

namespace widgets {

/// Turns one trace event into one plain-language sentence ("t=1 · A completed with 'A'."). Every
/// event kind has a wording. A sentence reads only the event and the events before it, so it never
/// changes as the trace grows. Not a widget: the narrative model and the tests share it.
class EventNarrator
{
public:
    /// The sentence for event `id` of `trace`, starting with its time ("t=1 · ").
    static QString sentence(const engine::Trace &trace, engine::EventId id);
    /// The same sentence without the time prefix.
    static QString text(const engine::Trace &trace, engine::EventId id);
    /// The task a row of the narrative belongs to: the event's task, else its scope's owner.
    static engine::TaskId taskOf(const engine::Trace &trace, engine::EventId id);
};

} // namespace widgets
