#pragma once

#include "engine/types.h"

#include <QToolBar>

class QAction;
class QComboBox;
class QLabel;

namespace engine {
class Runtime;
}

namespace widgets {

class DurationEdit;

/// The stepping verbs of the virtual clock as a tool bar: step back and forward by one event or
/// one instant, advance by a duration, run to a time, run to the end, play/pause at a chosen
/// speed, reset; with the current virtual time and what the next step will run. It only emits
/// requests; the application's controller performs them.
class ClockControls : public QToolBar
{
    Q_OBJECT

public:
    explicit ClockControls(QWidget *parent = nullptr);

    QAction *stepAction() const { return m_step; }
    QAction *stepInstantAction() const { return m_stepInstant; }
    QAction *stepBackAction() const { return m_stepBack; }
    QAction *stepBackInstantAction() const { return m_stepBackInstant; }
    /// Advances by the duration in advanceByEdit().
    QAction *advanceByAction() const { return m_advanceBy; }
    /// Runs (or rewinds) to the time in runToEdit(); focuses the entry when it holds no time.
    QAction *runToTimeAction() const { return m_runToTime; }
    QAction *runToEndAction() const { return m_runToEnd; }
    QAction *playAction() const { return m_play; }
    QAction *fasterAction() const { return m_faster; }
    QAction *slowerAction() const { return m_slower; }
    QAction *resetAction() const { return m_reset; }
    DurationEdit *advanceByEdit() const { return m_advanceEdit; }
    DurationEdit *runToEdit() const { return m_runToEdit; }
    QComboBox *speedBox() const { return m_speedBox; }

    void setNow(engine::Tick now);
    void setPlaying(bool playing);
    /// Nothing left to run: the forward verbs are disabled.
    void setFinished(bool finished);
    /// No run at all: every verb is disabled.
    void setRunLoaded(bool loaded);
    /// There is an earlier position: the back verbs are enabled.
    void setCanStepBack(bool canStepBack);
    /// Shows the play speed in virtual ticks per real second (the nearest offered one).
    void setSpeed(double ticksPerSecond);
    /// "next: wake B (t=2)": what the next Step will do.
    void setNextStep(const QString &text);

    /// The play speeds offered, in ticks per second, slowest first.
    static QList<double> speeds();
    /// Describes the next job of `runtime`'s scheduler for setNextStep() (read-only).
    static QString describeNextStep(const engine::Runtime &runtime);

signals:
    void stepRequested();
    void stepInstantRequested();
    void stepBackRequested();
    void stepBackInstantRequested();
    void advanceByRequested(engine::Tick duration);
    void runToTimeRequested(engine::Tick time);
    void runToEndRequested();
    void playRequested();
    void pauseRequested();
    void speedRequested(double ticksPerSecond);
    void resetRequested();

private:
    QAction *addVerb(int icon, const QString &text, const QKeySequence &key, const QString &tip);
    void createEntries();
    void requestAdvance();
    void requestRunTo();
    void changeSpeed(int delta);
    void updateEnabled();

    QAction *m_stepBack = nullptr;
    QAction *m_stepBackInstant = nullptr;
    QAction *m_step = nullptr;
    QAction *m_stepInstant = nullptr;
    QAction *m_advanceBy = nullptr;
    QAction *m_runToTime = nullptr;
    QAction *m_runToEnd = nullptr;
    QAction *m_play = nullptr;
    QAction *m_faster = nullptr;
    QAction *m_slower = nullptr;
    QAction *m_reset = nullptr;
    DurationEdit *m_advanceEdit = nullptr;
    DurationEdit *m_runToEdit = nullptr;
    QComboBox *m_speedBox = nullptr;
    QLabel *m_time = nullptr;
    QLabel *m_next = nullptr;
    engine::Tick m_now = -1;
    bool m_playing = false;
    bool m_finished = false;
    bool m_loaded = false;
    bool m_canStepBack = false;
};

} // namespace widgets
