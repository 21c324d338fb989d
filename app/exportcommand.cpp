#include "exportcommand.h"

#include "appsettings.h"
#include "exportrequest.h"
#include "figureexport.h"
#include "lessonexport.h"
#include "markdownexport.h"
#include "runcontroller.h"

#include "scenarios/recordedrun.h"
#include "scenarios/scenariorun.h"
#include "widgets/timelinepanel.h"
#include "widgets/timelineview.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>

#include <cmath>
#include <memory>

namespace {

// The times the timeline shows, in whole ticks (never before 0, never empty).
std::pair<engine::Tick, engine::Tick> visibleRange(const widgets::TimelineView *view)
{
    const widgets::TimeAxis axis = view->axis();
    const engine::Tick from = std::max<engine::Tick>(0, engine::Tick(std::floor(axis.time(0))));
    const engine::Tick to = engine::Tick(std::ceil(axis.time(view->viewport()->width())));
    return {from, std::max(to, from + 1)};
}

} // namespace

ExportCommand::ExportCommand(RunController *controller, widgets::TimelinePanel *panel, AppSettings *settings, QWidget *window)
    : QObject(window)
    , m_controller(controller)
    , m_panel(panel)
    , m_settings(settings)
    , m_window(window)
    , m_action(new QAction(tr("&Export…"), this))
{
    FigureExport::registerFormats();
    LessonExport::registerFormats();
    commandline::registerMarkdownExport();
    m_action->setObjectName(QStringLiteral("exportAction"));
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_action->setToolTip(tr("Write the timeline as a figure (PNG, SVG, PDF) or the run as a trace file"));
    m_action->setStatusTip(m_action->toolTip());
    connect(m_action, &QAction::triggered, this, &ExportCommand::showDialog);
    connect(m_controller, &RunController::runReplaced, this, &ExportCommand::updateEnabled);
    if (auto *main = qobject_cast<QMainWindow *>(window))
        connect(this, &ExportCommand::exported, main,
                [main](const QString &path) { main->statusBar()->showMessage(tr("Exported to %1").arg(path), 8000); });
    updateEnabled();
}

void ExportCommand::updateEnabled()
{
    m_action->setEnabled(m_controller->hasRun());
}

ExportDialog::Context ExportCommand::context() const
{
    ExportDialog::Context c;
    // Every format but the short alias of another (md for markdown).
    c.formats = commandline::exportFormats();
    c.formats.removeAll(QStringLiteral("md"));
    // A recording is a Taskscope trace already: copying its file is the way to save it again.
    if (m_controller->isRecorded())
        c.formats.removeAll(QStringLiteral("trace"));
    c.playhead = m_controller->now();
    // The end: a recording's last instant, or a live run's once the look-ahead reached it (a run
    // cut off by the step limit has none).
    if (const scenarios::RecordedRun *recording = m_controller->recording())
        c.runEnd = recording->now;
    else if (m_controller->scenario() && m_controller->stepTable().isComplete())
        c.runEnd = m_controller->stepTable().endTime();
    std::tie(c.visibleFrom, c.visibleTo) = visibleRange(m_panel->timeline());
    c.directory = m_settings->exportDirectory().isEmpty() ? QDir::homePath() : m_settings->exportDirectory();
    c.format = m_settings->exportFormat();
    const QString source = m_controller->sourcePath();
    c.baseName = source.isEmpty() ? QStringLiteral("timeline") : QFileInfo(source).completeBaseName();
    return c;
}

bool ExportCommand::exportTo(const ExportDialog::Choice &choice, QString *error)
{
    if (!m_controller->trace()) {
        *error = tr("there is no run to export");
        return false;
    }
    // At the playhead: the run as the window shows it, live or recorded.
    commandline::ExportRequest r;
    r.trace = m_controller->trace();
    r.run = m_controller->run();
    r.now = m_controller->now();
    r.outcome = m_controller->outcomeText();
    r.sourcePath = m_controller->sourcePath();
    const scenarios::RecordedRun *recording = m_controller->recording();
    const std::optional<scenarios::Scenario> &scenario = recording ? recording->scenario : m_controller->scenario();
    r.scenario = scenario ? &*scenario : nullptr;
    r.title = scenario ? scenario->title() : recording ? recording->title : QString();

    std::unique_ptr<scenarios::ScenarioRun> ended;
    if (choice.atEnd && recording) {
        r.trace = recording->trace.get();
        r.now = recording->now;
        r.outcome = recording->outcome;
    } else if (choice.atEnd) {
        // A run of its own, so that the one on screen stays at the playhead.
        if (!m_controller->scenario()) {
            *error = tr("there is no scenario to run to its end");
            return false;
        }
        try {
            ended = std::make_unique<scenarios::ScenarioRun>(*m_controller->scenario());
        } catch (const std::exception &e) {
            *error = tr("could not start the scenario: %1").arg(QString::fromLocal8Bit(e.what()));
            return false;
        }
        ended->scheduler().runUntilIdle(m_controller->stepLimit());
        r.run = ended.get();
        r.trace = &ended->trace();
        r.now = ended->runtime().now();
        r.outcome = ended->outcomeText();
    }
    if (choice.visibleRange) {
        const auto [from, to] = visibleRange(m_panel->timeline());
        r.rangeBegin = from;
        r.rangeEnd = to;
    }
    r.size = choice.size;
    r.dpi = choice.dpi;
    r.output = choice.path;
    if (!commandline::writeExport(choice.format, r, error))
        return false;
    m_settings->setLastExport(QFileInfo(choice.path).absolutePath(), choice.format);
    emit exported(choice.path);
    return true;
}

void ExportCommand::showDialog()
{
    if (!m_controller->hasRun())
        return;
    ExportDialog dialog(context(), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (QString error; !exportTo(dialog.choice(), &error))
        QMessageBox::warning(m_window, tr("Export"), tr("Nothing was exported: %1").arg(error));
}
