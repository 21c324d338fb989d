#pragma once

#include "engine/types.h"

#include <QToolBar>

class QAction;
class QLabel;

namespace engine {
class Runtime;
}

namespace widgets {

/// The stepping verbs of the virtual clock as a tool bar: Step (one event), Step instant, Run to
/// end, Play/Pause and Reset, with the current virtual time and what the next step will run. It
/// only emits requests; the application's controller performs them.
class ClockControls : public QToolBar
{
    Q_OBJECT

public:
    explicit ClockControls(QWidget *parent = nullptr);

    QAction *stepAction() const { return m_step; }
    QAction *stepInstantAction() const { return m_stepInstant; }
    QAction *runToEndAction() const { return m_runToEnd; }
    QAction *playAction() const { return m_play; }
    QAction *resetAction() const { return m_reset; }

    void setNow(engine::Tick now);
    void setPlaying(bool playing);
    /// Nothing left to run: the forward verbs are disabled.
    void setFinished(bool finished);
    /// No run at all: every verb is disabled.
    void setRunLoaded(bool loaded);
    /// "next: wake B (t=2)": what the next Step will do.
    void setNextStep(const QString &text);

    /// Describes the next job of `runtime`'s scheduler for setNextStep() (read-only).
    static QString describeNextStep(const engine::Runtime &runtime);

signals:
    void stepRequested();
    void stepInstantRequested();
    void runToEndRequested();
    void playRequested();
    void pauseRequested();
    void resetRequested();

private:
    void updateEnabled();

    QAction *m_step = nullptr;
    QAction *m_stepInstant = nullptr;
    QAction *m_runToEnd = nullptr;
    QAction *m_play = nullptr;
    QAction *m_reset = nullptr;
    QLabel *m_time = nullptr;
    QLabel *m_next = nullptr;
    engine::Tick m_now = -1;
    bool m_playing = false;
    bool m_finished = false;
    bool m_loaded = false;
};

} // namespace widgets
