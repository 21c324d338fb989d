#pragma once

#include "scheduler.h"

#include <QObject>
#include <QTimer>

namespace engine {

/// Plays a scheduler from the Qt event loop: every frame it advances virtual time by
/// speed × elapsed frames, so a run can be watched at a chosen speed. It owns no state of the run.
class ClockDriver : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool playing READ isPlaying NOTIFY playingChanged)
    Q_PROPERTY(double speed READ speed WRITE setSpeed NOTIFY speedChanged)

public:
    explicit ClockDriver(QObject *parent = nullptr);

    void setScheduler(Scheduler *scheduler);
    bool isPlaying() const { return m_timer.isActive(); }
    /// Virtual ticks per second of real time.
    double speed() const { return m_speed; }
    void setSpeed(double ticksPerSecond);

public Q_SLOTS:
    void play();
    void pause();
    /// What one frame of play does: advance by speed × frame length (tests call it directly
    /// instead of waiting on wall time).
    void advanceOneFrame();

Q_SIGNALS:
    void playingChanged(bool playing);
    void speedChanged(double speed);
    /// Emitted after each frame advanced the clock.
    void advanced();
    /// Emitted when nothing is left to run (playing stops).
    void finished();

private:
    Scheduler *m_scheduler = nullptr;
    QTimer m_timer;
    double m_speed = 2.0;
    double m_carry = 0;
public:
    static constexpr int FrameMs = 33;
};

} // namespace engine
