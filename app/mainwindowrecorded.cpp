// The main window's recorded runs: a saved Taskscope trace (taskscope run --trace, or
// export --format trace) shown without running anything. The controller steps it with a
// TracePlayer; here it is opened, titled, and the live-only views are told there is no scheduler.
//
// The recording's scenario text goes into the editor as a new, untitled scenario: it can be read,
// edited and saved like any other, and Ctrl+R runs it live (which replaces the recording).

#include "mainwindow.h"

#include "runcontroller.h"

#include "scenarios/recordedrun.h"
#include "widgets/eventnarrator.h"
#include "widgets/scenariobrowser.h"
#include "widgets/scenarioeditor.h"
#include "widgets/schedulerpanel.h"

#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>

bool MainWindow::openRecording(const QString &path)
{
    QString error;
    std::optional<scenarios::RecordedRun> recording = scenarios::loadRecordedRun(path, &error);
    if (!recording) {
        QMessageBox::warning(this, tr("Cannot open recorded run"), error);
        return false;
    }
    // The scenario text replaces the editor's: unsaved edits are saved or dropped knowingly.
    if (!m_editor->maybeSave(this))
        return false;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_settings.setLastDirectory(QFileInfo(path).absolutePath());
    m_settings.addRecentFile(absolute);
    m_settings.setLastScenario(absolute);
    m_browser->setRecentFiles(m_settings.recentFiles());
    m_browser->showCurrent(path);
    m_editor->setSource(QString(), recording->scenarioText);
    showRecording(*recording);
    return true;
}

void MainWindow::showRecording(const scenarios::RecordedRun &recording)
{
    const QString file = QFileInfo(recording.path).fileName();
    const QString title = recording.title.isEmpty() ? file : recording.title;
    setWindowTitle(tr("%1 (recorded run) — Taskscope").arg(title));
    QString description;
    QString conceptName;
    if (recording.scenario) {
        description = recording.scenario->description().trimmed();
        conceptName = recording.scenario->conceptName();
    }
    const QString firstParagraph = description.section(QStringLiteral("\n\n"), 0, 0).simplified();
    const QString origin = recording.scenarioPath.isEmpty() ? QString() : tr(", recorded from %1").arg(recording.scenarioPath);
    QStringList facts{tr("recorded run")};
    for (const QString &fact : {conceptName, recording.profile})
        if (!fact.isEmpty())
            facts << fact;
    m_header->setText(QStringLiteral("<span style='font-size:large; font-weight:600'>%1</span>"
                                     "&nbsp;&nbsp;<span style='color:gray'>%2</span><br>"
                                     "<i>%3</i> %4")
                          .arg(title.toHtmlEscaped(), facts.join(QStringLiteral(" · ")).toHtmlEscaped(),
                               tr("Replaying %1%2 without running it.").arg(file, origin).toHtmlEscaped(),
                               firstParagraph.toHtmlEscaped()));
    m_header->setToolTip(description);
    m_controller->loadRecorded(recording);
}

void MainWindow::showRecordedState()
{
    m_scheduler->setUnavailable(tr("Recorded run: no live scheduler. The ready queue and the pending timers exist "
                                   "only while a scenario runs; Ctrl+R in the scenario text runs this one live."));
}

QString MainWindow::recordedNextStep() const
{
    const scenarios::RecordedRun *recording = m_controller->recording();
    if (!recording || !recording->trace)
        return {};
    const engine::EventId next = engine::EventId(m_controller->steps());
    if (next >= recording->trace->size())
        return tr("end of the recording");
    // A sentence reads only its event and earlier ones: the whole recording words it as the
    // narrative will once it is shown.
    return tr("next: %1 (t=%2)")
        .arg(widgets::EventNarrator::text(*recording->trace, next))
        .arg(recording->trace->at(next).time);
}
