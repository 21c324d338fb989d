#include "traceplayer.h"

#include <algorithm>

namespace scenarios {

TracePlayer::TracePlayer(std::shared_ptr<const engine::Trace> recording, engine::Tick end)
    : m_recording(std::move(recording))
    , m_end(end)
{
    rebuild();
}

engine::Tick TracePlayer::now() const
{
    if (atEnd())
        return std::max(m_end, m_position ? m_recording->at(engine::EventId(m_position - 1)).time : 0);
    return m_position ? m_recording->at(engine::EventId(m_position - 1)).time : 0;
}

void TracePlayer::rebuild()
{
    // A fresh trace object, so views keyed on the old one rebuild instead of reading on.
    m_shown = std::make_shared<engine::Trace>();
    // Task and scope tables come whole from the start (the views learn tasks from Spawned
    // events); their names are interned again in the new trace.
    const auto text = [this](qint32 id) { return engine::Trace::hasText(id) ? m_shown->intern(m_recording->string(id)) : engine::Trace::NoText; };
    for (size_t i = 0; i < m_recording->tasks().size(); ++i) {
        engine::TraceTask t = m_recording->tasks()[i];
        t.name = text(t.name);
        m_shown->addTask(engine::TaskId(i), t);
    }
    for (size_t i = 0; i < m_recording->scopes().size(); ++i) {
        engine::TraceScope s = m_recording->scopes()[i];
        s.name = text(s.name);
        m_shown->addScope(engine::ScopeId(i), s);
    }
    const size_t wanted = m_position;
    m_position = 0;
    appendUpTo(wanted);
}

void TracePlayer::appendUpTo(size_t position)
{
    position = std::min(position, length());
    for (; m_position < position; ++m_position) {
        engine::TraceEvent e = m_recording->at(engine::EventId(m_position));
        e.text = engine::Trace::hasText(e.text) ? m_shown->intern(m_recording->string(e.text)) : engine::Trace::NoText;
        m_shown->append(e);
    }
}

void TracePlayer::seek(size_t position)
{
    position = std::min(position, length());
    if (position < m_position) {
        m_position = position;
        rebuild();
    } else {
        appendUpTo(position);
    }
}

bool TracePlayer::stepEvent()
{
    if (atEnd())
        return false;
    appendUpTo(m_position + 1);
    return true;
}

bool TracePlayer::stepInstant()
{
    if (atEnd())
        return false;
    const engine::Tick next = m_recording->at(engine::EventId(m_position)).time;
    size_t end = m_position;
    while (end < length() && m_recording->at(engine::EventId(end)).time == next)
        ++end;
    appendUpTo(end);
    return true;
}

bool TracePlayer::stepBackEvent()
{
    if (m_position == 0)
        return false;
    seek(m_position - 1);
    return true;
}

bool TracePlayer::stepBackInstant()
{
    if (m_position == 0)
        return false;
    // Drop every shown event of the last shown instant.
    const engine::Tick last = m_recording->at(engine::EventId(m_position - 1)).time;
    size_t begin = m_position;
    while (begin > 0 && m_recording->at(engine::EventId(begin - 1)).time == last)
        --begin;
    seek(begin);
    return true;
}

void TracePlayer::seekToTime(engine::Tick t)
{
    // The recording is ordered by time: binary-search the first event after `t`.
    size_t lo = 0;
    size_t hi = length();
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (m_recording->at(engine::EventId(mid)).time <= t)
            lo = mid + 1;
        else
            hi = mid;
    }
    seek(lo);
}

} // namespace scenarios
