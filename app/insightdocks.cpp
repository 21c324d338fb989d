#include "insightdocks.h"

#include "runcontroller.h"

#include "widgets/inspectorpanel.h"
#include "widgets/narrativemodel.h"
#include "widgets/narrativeview.h"
#include "widgets/timelinepanel.h"

#include <QDockWidget>
#include <QMainWindow>

InsightDocks::InsightDocks(QMainWindow *window, RunController *controller, widgets::TimelinePanel *panel)
    : QObject(window)
    , m_controller(controller)
    , m_panel(panel)
    , m_inspector(new widgets::InspectorPanel(window))
    , m_narrativeModel(new widgets::NarrativeModel(this))
    , m_narrative(new widgets::NarrativeView(window))
    , m_inspectorDock(new QDockWidget(tr("Inspector"), window))
    , m_narrativeDock(new QDockWidget(tr("Narrative"), window))
{
    m_inspector->setModel(panel->model());
    m_narrative->setModel(m_narrativeModel);
    m_inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
    m_inspectorDock->setWidget(m_inspector);
    m_inspectorDock->setToolTip(tr("The selected task: its history, its outcome and why it ended so"));
    m_narrativeDock->setObjectName(QStringLiteral("narrativeDock"));
    m_narrativeDock->setWidget(m_narrative);
    m_narrativeDock->setToolTip(tr("The run in words, one sentence per event; click one to go there"));
    window->addDockWidget(Qt::RightDockWidgetArea, m_inspectorDock);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_narrativeDock);

    connect(controller, &RunController::runReplaced, this, &InsightDocks::runReplaced);
    connect(controller, &RunController::runChanged, this, &InsightDocks::runChanged);
    connect(panel, &widgets::TimelinePanel::selectedTaskChanged, this, [this](engine::TaskId task) {
        if (!m_selecting && task != engine::NoId)
            m_wanted = task;
        m_inspector->setTask(task);
        m_narrative->setSelectedTask(task);
    });
    connect(m_inspector, &widgets::InspectorPanel::taskActivated, panel, &widgets::TimelinePanel::selectTask);
    // Clicking an event moves the playhead there: the controller replays the run to it.
    connect(m_inspector, &widgets::InspectorPanel::eventActivated, controller, &RunController::seekToEvent);
    connect(m_narrative, &widgets::NarrativeView::eventActivated, controller,
            [controller](engine::EventId event, engine::Tick) { controller->seekToEvent(event); });
    runReplaced();
    runChanged();
}

void InsightDocks::runReplaced()
{
    m_narrativeModel->setTrace(m_controller->trace());
    // Task ids are stable across replays of one scenario (or one recording), not across them.
    if (m_controller->hasRun() && m_scenarioPath != m_controller->sourcePath()) {
        m_scenarioPath = m_controller->sourcePath();
        m_wanted = engine::NoId;
    }
    m_inspector->setTask(m_panel->selectedTask());
}

void InsightDocks::runChanged()
{
    m_narrativeModel->update();
    m_narrative->setNow(m_controller->now());
    // A replay (going back) rebuilds the views and drops the selection: pick the user's task again
    // once it exists. Until the user picks one, show the root's story: an empty inspector teaches
    // nothing.
    const engine::Trace *trace = m_controller->trace();
    if (!trace)
        return;
    const auto exists = [trace](engine::TaskId t) { return t >= 0 && size_t(t) < trace->tasks().size(); };
    engine::TaskId pick = engine::NoId;
    if (exists(m_wanted) && m_panel->selectedTask() != m_wanted)
        pick = m_wanted;
    else if (m_panel->selectedTask() == engine::NoId && exists(m_controller->rootTask()))
        pick = m_controller->rootTask();
    if (pick != engine::NoId) {
        m_selecting = true;
        m_panel->selectTask(pick);
        m_selecting = false;
    }
}
