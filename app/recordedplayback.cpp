#include "recordedplayback.h"

#include <algorithm>

RecordedPlayback::RecordedPlayback(scenarios::RecordedRun recording)
    : m_recording(std::move(recording))
    , m_player(m_recording.trace ? m_recording.trace : std::make_shared<engine::Trace>(), m_recording.now)
{
    // One "step" per recorded event: the scrubber, seekToStep() and the back verbs then work on
    // a recording exactly as on a live run's look-ahead.
    const engine::Trace &all = m_player.recording();
    m_table.start(0, 0);
    for (int i = 0; i < all.size(); ++i)
        m_table.append(all.at(i).time, i + 1);
    m_table.setComplete(true);
}

engine::TaskId RecordedPlayback::rootTask() const
{
    const auto &tasks = m_player.recording().tasks();
    const auto root = std::find_if(tasks.begin(), tasks.end(), [](const engine::TraceTask &t) { return t.parent == engine::NoId; });
    return root == tasks.end() ? engine::NoId : engine::TaskId(root - tasks.begin());
}

QString RecordedPlayback::outcomeText() const
{
    if (!atEnd())
        return QStringLiteral("still running at t=%1").arg(m_clock);
    return m_recording.outcome.isEmpty() ? QStringLiteral("not recorded") : m_recording.outcome;
}

void RecordedPlayback::followPlayer()
{
    m_clock = m_player.now();
}

void RecordedPlayback::stepEvent()
{
    if (m_player.stepEvent())
        followPlayer();
}

void RecordedPlayback::stepInstant()
{
    // seekToTime() shows every event up to the clock, so the next unshown instant is later.
    if (m_player.stepInstant())
        followPlayer();
}

void RecordedPlayback::advanceBy(engine::Tick d)
{
    if (d > 0)
        seekToTime(m_clock + d);
}

void RecordedPlayback::runToEnd()
{
    m_player.seek(m_player.length());
    followPlayer();
}

void RecordedPlayback::reset()
{
    m_player.seek(0);
    m_clock = 0;
}

void RecordedPlayback::stepBackEvent()
{
    const engine::Tick shown = m_table.timeAt(position());
    if (m_clock > shown) {
        m_clock = shown;   // the clock was moved past the last shown event: back to its moment
        return;
    }
    if (m_player.stepBackEvent())
        followPlayer();
}

void RecordedPlayback::stepBackInstant()
{
    if (canStepBack())
        seekToStep(m_table.lastStepBefore(m_clock));
}

void RecordedPlayback::seekToStep(quint64 step)
{
    m_player.seek(size_t(std::min<quint64>(step, m_player.length())));
    followPlayer();
}

void RecordedPlayback::seekToEvent(engine::EventId event)
{
    if (event >= 0)
        seekToStep(quint64(event) + 1);
}

void RecordedPlayback::seekToTime(engine::Tick t)
{
    t = std::max<engine::Tick>(t, 0);
    m_player.seekToTime(t);
    m_clock = t;
}
