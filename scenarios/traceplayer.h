#pragma once

#include "engine/trace.h"

#include <memory>

namespace scenarios {

/// Plays back a recorded trace: the views read trace(), which holds the recording's events up to
/// the current position, so stepping a saved run looks exactly like stepping a live one — with
/// nothing executed. Going back rebuilds the shown prefix; going forward appends to it, which is
/// what the views' incremental readers expect.
class TracePlayer
{
public:
    /// `recording` is the whole run; `end` the virtual time it ended at.
    TracePlayer(std::shared_ptr<const engine::Trace> recording, engine::Tick end);

    /// The events shown so far (the recording's first position() events).
    const engine::Trace &trace() const { return *m_shown; }
    /// The shown trace as an owner (it stays valid after the player moves on or goes away).
    std::shared_ptr<const engine::Trace> sharedTrace() const { return m_shown; }
    const engine::Trace &recording() const { return *m_recording; }
    size_t position() const { return m_position; }
    size_t length() const { return m_recording->events().size(); }
    bool atEnd() const { return m_position == length(); }
    /// The virtual time shown: the last shown event's, or the recording's end once all is shown.
    engine::Tick now() const;

    /// Shows the recording's first `position` events (clamped to its length).
    void seek(size_t position);
    /// One event further (false at the end).
    bool stepEvent();
    /// Every event of the next instant with events still unshown (false at the end).
    bool stepInstant();
    /// One event back (false at the start).
    bool stepBackEvent();
    /// Back to the end of the previous instant (false at the start).
    bool stepBackInstant();
    /// Everything up to and including virtual time `t`.
    void seekToTime(engine::Tick t);

private:
    void rebuild();
    void appendUpTo(size_t position);

    std::shared_ptr<const engine::Trace> m_recording;
    std::shared_ptr<engine::Trace> m_shown;
    engine::Tick m_end = 0;
    size_t m_position = 0;
};

} // namespace scenarios
