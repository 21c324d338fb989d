#pragma once

#include "appsettings.h"

#include "scenarios/scenario.h"

#include <QMainWindow>

#include <vector>

class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class InsightDocks;
class NarrativeExport;
class PresentationMode;
class RunController;

namespace scenarios {
struct RecordedRun;
}

namespace widgets {
class ClockControls;
class RunScrubber;
class SchedulerPanel;
class ScenarioBrowser;
class ScenarioEditor;
class TimelinePanel;
} // namespace widgets

/// The desktop window: a scenario's task tree and timeline in the centre, the clock controls
/// above, the outcome and the expectation check below. It wires the views to the run controller.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens the first argument (a scenario file or a built-in id), else the first built-in.
    void openInitial(const QStringList &arguments);
    /// Loads a scenario file, or a recorded run (a Taskscope trace, .json); on failure shows its
    /// diagnostics or its message and keeps the current run.
    bool openFile(const QString &path);
    /// Shows a saved Taskscope trace without running anything (mainwindowrecorded.cpp); a damaged
    /// file, or one from a newer Taskscope, is refused in a message box and the run stays.
    bool openRecording(const QString &path);
    bool openBuiltin(const QString &id);

    RunController *controller() const { return m_controller; }
    widgets::TimelinePanel *panel() const { return m_panel; }
    widgets::ClockControls *clockControls() const { return m_clock; }
    PresentationMode *presentation() const { return m_presentation; }
    widgets::RunScrubber *scrubber() const { return m_scrubber; }
    widgets::SchedulerPanel *schedulerPanel() const { return m_scheduler; }
    widgets::ScenarioEditor *editor() const { return m_editor; }
    widgets::ScenarioBrowser *browser() const { return m_browser; }
    InsightDocks *insight() const { return m_insight; }
    NarrativeExport *narrativeExport() const { return m_narrativeExport; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // The scenario browser and editor docks (mainwindow.cpp, "Editor and browser").
    void createEditorAndBrowser();
    /// Puts the file's text into the editor (even when it does not parse); false if unreadable.
    bool editSource(const QString &path);

    void createMenus();
    void createTimeTravel();
    void addTimelineOverlayActions(QMenu *view);
    void fillBuiltinMenu(QMenu *menu);
    void fillPanelsMenu(QMenu *menu);
    QMenu *createThemeMenu();
    void setTheme(AppSettings::Theme theme);
    void setPresenting(bool on);
    void arrangeDocks();
    void restoreLayout();
    void showShortcuts();
    bool openLast();
    void showOpenDialog();
    void showLoadErrors(const QString &path, const std::vector<scenarios::Diagnostic> &errors);
    void showScenario(const scenarios::Scenario &scenario);
    // Recorded runs (mainwindowrecorded.cpp).
    void showRecording(const scenarios::RecordedRun &recording);
    /// The scheduler dock's state and the clock's "next:" line while a recording is shown.
    void showRecordedState();
    QString recordedNextStep() const;
    void runReplaced();
    void runChanged();
    void updateStatus();
    void showAbout();
    void screenshotIfAsked();

    RunController *m_controller = nullptr;
    widgets::TimelinePanel *m_panel = nullptr;
    widgets::ClockControls *m_clock = nullptr;
    widgets::RunScrubber *m_scrubber = nullptr;
    widgets::SchedulerPanel *m_scheduler = nullptr;
    QLabel *m_header = nullptr;
    QLabel *m_outcome = nullptr;
    QLabel *m_expectations = nullptr;
    PresentationMode *m_presentation = nullptr;
    InsightDocks *m_insight = nullptr;
    NarrativeExport *m_narrativeExport = nullptr;
    AppSettings m_settings;
    widgets::ScenarioBrowser *m_browser = nullptr;
    widgets::ScenarioEditor *m_editor = nullptr;
    QDockWidget *m_editorDock = nullptr;
};
