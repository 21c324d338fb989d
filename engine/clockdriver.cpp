#include "clockdriver.h"

namespace engine {

ClockDriver::ClockDriver(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(FrameMs);
    connect(&m_timer, &QTimer::timeout, this, &ClockDriver::advanceOneFrame);
}

void ClockDriver::setScheduler(Scheduler *scheduler)
{
    pause();
    m_scheduler = scheduler;
}

void ClockDriver::setSpeed(double ticksPerSecond)
{
    if (ticksPerSecond <= 0 || qFuzzyCompare(ticksPerSecond, m_speed))
        return;
    m_speed = ticksPerSecond;
    Q_EMIT speedChanged(m_speed);
}

void ClockDriver::play()
{
    if (!m_scheduler || isPlaying())
        return;
    m_carry = 0;
    m_timer.start();
    Q_EMIT playingChanged(true);
}

void ClockDriver::pause()
{
    if (!isPlaying())
        return;
    m_timer.stop();
    Q_EMIT playingChanged(false);
}

void ClockDriver::advanceOneFrame()
{
    if (!m_scheduler || m_scheduler->idle()) {
        pause();
        Q_EMIT finished();
        return;
    }
    // Virtual time per frame is fractional at slow speeds; carry the remainder so that the
    // average rate is exact. The ticks come from the frame count, never from wall time reads.
    m_carry += m_speed * FrameMs / 1000.0;
    const Tick whole = Tick(m_carry);
    m_carry -= double(whole);
    if (whole > 0)
        m_scheduler->advanceBy(whole);
    else
        m_scheduler->runInstant();
    Q_EMIT advanced();
}

} // namespace engine
