#pragma once

#include "scenarios/scenario.h"

#include <QMainWindow>

#include <vector>

class QLabel;
class QMenu;
class RunController;

namespace widgets {
class ClockControls;
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

private:
    void createMenus();
    void addTimelineOverlayActions(QMenu *view);
    void fillBuiltinMenu(QMenu *menu);
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
    QLabel *m_header = nullptr;
    QLabel *m_outcome = nullptr;
    QLabel *m_expectations = nullptr;
    QString m_lastDir;
};
