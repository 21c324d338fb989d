#pragma once

#include "engine/types.h"

#include <QObject>
#include <QString>

class QDockWidget;
class QMainWindow;
class RunController;

namespace widgets {
class InspectorPanel;
class NarrativeModel;
class NarrativeView;
class TimelinePanel;
} // namespace widgets

/// The two docks that explain a run: the inspector (the selected task's history and why it ended)
/// and the narrative (a sentence per event). Both follow the timeline's selection, and both move
/// the playhead when an event is clicked (the controller replays to it).
class InsightDocks : public QObject
{
    Q_OBJECT

public:
    InsightDocks(QMainWindow *window, RunController *controller, widgets::TimelinePanel *panel);

    QDockWidget *inspectorDock() const { return m_inspectorDock; }
    QDockWidget *narrativeDock() const { return m_narrativeDock; }
    widgets::InspectorPanel *inspector() const { return m_inspector; }
    widgets::NarrativeView *narrative() const { return m_narrative; }

private:
    void runReplaced();
    void runChanged();

    RunController *m_controller;
    widgets::TimelinePanel *m_panel;
    widgets::InspectorPanel *m_inspector;
    widgets::NarrativeModel *m_narrativeModel;
    widgets::NarrativeView *m_narrative;
    QDockWidget *m_inspectorDock;
    QDockWidget *m_narrativeDock;
    engine::TaskId m_wanted = engine::NoId;   // the task the user picked last
    bool m_selecting = false;                 // selecting on the user's behalf, not by the user
    QString m_scenarioPath;
};
