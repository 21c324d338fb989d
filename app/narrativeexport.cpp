#include "narrativeexport.h"

#include "appsettings.h"
#include "runcontroller.h"

#include "scenarios/recordedrun.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>

NarrativeExport::NarrativeExport(QMainWindow *window, RunController *controller, AppSettings *settings)
    : QObject(window)
    , m_window(window)
    , m_controller(controller)
    , m_settings(settings)
    , m_action(new QAction(tr("Export narrative as &Markdown…"), window))
{
    m_action->setObjectName(QStringLiteral("exportNarrativeAction"));
    m_action->setToolTip(tr("Write the run's narrative, one line per event up to the playhead, as a Markdown file"));
    connect(m_action, &QAction::triggered, this, &NarrativeExport::exportInteractively);
    const auto enable = [this] { m_action->setEnabled(m_controller->hasRun()); };
    connect(controller, &RunController::runReplaced, this, enable);
    enable();
    // Before the separator above Quit, with the other ways of writing files.
    if (auto *file = window->menuBar()->findChild<QMenu *>(QStringLiteral("fileMenu"))) {
        const QList<QAction *> actions = file->actions();
        file->insertAction(actions.size() >= 2 ? actions.at(actions.size() - 2) : nullptr, m_action);
    }
}

widgets::NarrativeMarkdown::About NarrativeExport::describe(const RunController &controller)
{
    widgets::NarrativeMarkdown::About about;
    const scenarios::RecordedRun *recording = controller.recording();
    const std::optional<scenarios::Scenario> &scenario = recording ? recording->scenario : controller.scenario();
    if (scenario) {
        about.title = scenario->title();
        about.conceptName = scenario->conceptName();
        about.profile = scenario->profile();
        about.description = scenario->description();
    }
    if (recording) {
        // A recording whose scenario no longer parses still knows its title and profile.
        about.title = about.title.isEmpty() ? recording->title : about.title;
        about.profile = about.profile.isEmpty() ? recording->profile : about.profile;
    }
    about.source = controller.sourcePath();
    about.outcome = controller.outcomeText();
    return about;
}

bool NarrativeExport::exportTo(const QString &path, QString *error) const
{
    const engine::Trace *trace = m_controller->trace();
    if (!trace) {
        *error = tr("There is no run to export: open a scenario or a recorded run first.");
        return false;
    }
    return widgets::NarrativeMarkdown::save(path, *trace, m_controller->now(), describe(*m_controller), error);
}

void NarrativeExport::exportInteractively()
{
    if (!m_controller->hasRun())
        return;
    const QString base = QFileInfo(m_controller->sourcePath()).completeBaseName();
    const QString suggested = QDir(m_settings->lastDirectory()).filePath((base.isEmpty() ? QStringLiteral("run") : base)
                                                                         + QStringLiteral("-narrative.md"));
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export narrative as Markdown"), suggested,
                                                      tr("Markdown (*.md);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error)) {
        QMessageBox::warning(m_window, tr("Cannot export the narrative"), error);
        return;
    }
    m_settings->setLastDirectory(QFileInfo(path).absolutePath());
}
