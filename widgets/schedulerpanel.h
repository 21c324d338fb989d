#pragma once

#include <QWidget>

class QLabel;
class QTreeView;

namespace engine {
class Runtime;
}

namespace widgets {

class SchedulerModel;

/// What the scheduler holds right now: what the next step will run, the ready queue (this
/// instant's jobs, in order) and the pending timers (in firing order). It answers "what will
/// Step do?" before it is pressed. Reads the runtime read-only; the owner calls refresh() when
/// the run moved.
class SchedulerPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SchedulerPanel(QWidget *parent = nullptr);

    /// The runtime to show, or nullptr (a run was replaced or unloaded).
    void setRuntime(const engine::Runtime *runtime);
    /// Shows no runtime and says why in its place (e.g. a recorded run has no live scheduler);
    /// an empty `reason` is the plain "No run". setRuntime() with a runtime clears it.
    void setUnavailable(const QString &reason);
    QString unavailableReason() const { return m_unavailable; }
    void refresh();

    SchedulerModel *readyModel() const { return m_readyModel; }
    SchedulerModel *timersModel() const { return m_timersModel; }
    QTreeView *readyView() const { return m_readyView; }
    QTreeView *timersView() const { return m_timersView; }
    /// The "next: …" line (ClockControls::describeNextStep).
    QString nextStepText() const;

private:
    QTreeView *makeView(SchedulerModel *model);
    void updateHeadings();

    const engine::Runtime *m_runtime = nullptr;
    QString m_unavailable;
    SchedulerModel *m_readyModel = nullptr;
    SchedulerModel *m_timersModel = nullptr;
    QLabel *m_next = nullptr;
    QLabel *m_readyHeading = nullptr;
    QLabel *m_timersHeading = nullptr;
    QTreeView *m_readyView = nullptr;
    QTreeView *m_timersView = nullptr;
};

} // namespace widgets
