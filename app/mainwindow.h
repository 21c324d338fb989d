#pragma once

#include "appsettings.h"

#include "scenarios/scenario.h"

#include <QMainWindow>

#include <vector>

class QActionGroup;
class QLabel;
class QMenu;
class PresentationMode;
class RunController;

namespace widgets {
class ClockControls;
class RunScrubber;
class SchedulerPanel;
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
    /// Loads a scenario file; on failure shows its diagnostics and keeps the current run.
    bool openFile(const QString &path);
    bool openBuiltin(const QString &id);

    RunController *controller() const { return m_controller; }
    widgets::TimelinePanel *panel() const { return m_panel; }
    widgets::ClockControls *clockControls() const { return m_clock; }
    PresentationMode *presentation() const { return m_presentation; }
    widgets::RunScrubber *scrubber() const { return m_scrubber; }
    widgets::SchedulerPanel *schedulerPanel() const { return m_scheduler; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createMenus();
    void createTimeTravel();
    void fillBuiltinMenu(QMenu *menu);
    void fillPanelsMenu(QMenu *menu);
    QMenu *createThemeMenu();
    void setTheme(AppSettings::Theme theme);
    void setPresenting(bool on);
    void restoreLayout();
    void showShortcuts();
    bool openLast();
    void showOpenDialog();
    void showLoadErrors(const QString &path, const std::vector<scenarios::Diagnostic> &errors);
    void showScenario(const scenarios::Scenario &scenario);
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
    AppSettings m_settings;
};
