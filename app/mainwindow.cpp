#include "mainwindow.h"

#include "runcontroller.h"

#include "scenarios/scenariodata.h"
#include "scenarios/scenariorun.h"
#include "widgets/clockcontrols.h"
#include "widgets/timelinepanel.h"
#include "widgets/timelineview.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_controller(new RunController(this))
    , m_panel(new widgets::TimelinePanel(this))
    , m_clock(new widgets::ClockControls(this))
    , m_header(new QLabel(this))
    , m_outcome(new QLabel(this))
    , m_expectations(new QLabel(this))
{
    setWindowTitle(tr("Taskscope"));
    resize(1280, 760);

    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_header->setContentsMargins(8, 6, 8, 6);
    m_header->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 0, 4, 2);
    layout->setSpacing(2);
    layout->addWidget(m_header);
    layout->addWidget(m_panel, 1);
    setCentralWidget(central);

    addToolBar(Qt::TopToolBarArea, m_clock);
    statusBar()->addWidget(m_outcome, 1);
    statusBar()->addPermanentWidget(m_expectations);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);

    connect(m_clock, &widgets::ClockControls::stepRequested, m_controller, &RunController::stepEvent);
    connect(m_clock, &widgets::ClockControls::stepInstantRequested, m_controller, &RunController::stepInstant);
    connect(m_clock, &widgets::ClockControls::runToEndRequested, m_controller, &RunController::runToEnd);
    connect(m_clock, &widgets::ClockControls::playRequested, m_controller, &RunController::play);
    connect(m_clock, &widgets::ClockControls::pauseRequested, m_controller, &RunController::pause);
    connect(m_clock, &widgets::ClockControls::resetRequested, m_controller, &RunController::reset);
    connect(m_controller, &RunController::runReplaced, this, &MainWindow::runReplaced);
    connect(m_controller, &RunController::runChanged, this, &MainWindow::runChanged);
    connect(m_controller, &RunController::runFailed, this,
            [this](const QString &message) { QMessageBox::warning(this, tr("Taskscope"), message); });

    createMenus();
    runReplaced();
    runChanged();
}

MainWindow::~MainWindow()
{
    // The controller (and its run) is destroyed before the panel: let go of the run first, and
    // hear nothing from the controller while this window is half gone.
    disconnect(m_controller, nullptr, this, nullptr);
    m_panel->setRuntime(nullptr);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open…"), this, &MainWindow::showOpenDialog);
    open->setShortcut(QKeySequence::Open);
    fillBuiltinMenu(file->addMenu(tr("&Built-in scenarios")));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    widgets::TimelineView *timeline = m_panel->timeline();
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("Zoom &in"), QKeySequence::ZoomIn, timeline, &widgets::TimelineView::zoomIn);
    view->addAction(tr("Zoom &out"), QKeySequence::ZoomOut, timeline, &widgets::TimelineView::zoomOut);
    view->addAction(tr("&Fit to run"), QKeySequence(Qt::CTRL | Qt::Key_0), timeline, &widgets::TimelineView::fitToRun);
    addTimelineOverlayActions(view);

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->addAction(m_clock->stepAction());
    run->addAction(m_clock->stepInstantAction());
    run->addAction(m_clock->runToEndAction());
    run->addAction(m_clock->playAction());
    run->addSeparator();
    run->addAction(m_clock->resetAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Taskscope"), this, &MainWindow::showAbout);
}

// The timeline's overlays (View menu). Kept in one function so that it merges cleanly.
void MainWindow::addTimelineOverlayActions(QMenu *view)
{
    widgets::TimelineView *timeline = m_panel->timeline();
    view->addSeparator();
    QAction *paths = view->addAction(tr("&Exception paths for every failure"));
    paths->setCheckable(true);
    paths->setChecked(timeline->showErrorPaths());
    paths->setToolTip(tr("Draw every error's path up through its scopes; off: only the selected task's"));
    connect(paths, &QAction::toggled, timeline, &widgets::TimelineView::setShowErrorPaths);
    connect(timeline, &widgets::TimelineView::showErrorPathsChanged, paths, &QAction::setChecked);
    QAction *causality = view->addAction(tr("&Causality arrows"));
    causality->setCheckable(true);
    causality->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    causality->setToolTip(tr("Arrows from each event to what it caused: for the selected task, or for all lanes"));
    connect(causality, &QAction::toggled, timeline, &widgets::TimelineView::setShowCausality);
    connect(timeline, &widgets::TimelineView::showCausalityChanged, causality, &QAction::setChecked);
    // For documentation screenshots, like TASKSCOPE_SCREENSHOT.
    causality->setChecked(qEnvironmentVariableIntValue("TASKSCOPE_SHOW_CAUSALITY") != 0);
}

void MainWindow::fillBuiltinMenu(QMenu *menu)
{
    std::vector<scenarios::BuiltinScenario> builtins = scenarios::builtinScenarios();
    // One section per concept, in catalogue order within it.
    std::stable_sort(builtins.begin(), builtins.end(),
                     [](const auto &a, const auto &b) { return a.conceptName < b.conceptName; });
    if (builtins.empty()) {
        menu->addAction(tr("(none)"))->setEnabled(false);
        return;
    }
    QString group;
    for (const scenarios::BuiltinScenario &b : builtins) {
        if (b.conceptName != group) {
            group = b.conceptName;
            menu->addSection(group);
        }
        QAction *action = menu->addAction(b.title);
        action->setToolTip(b.id);
        const QString id = b.id;
        connect(action, &QAction::triggered, this, [this, id] { openBuiltin(id); });
    }
}

void MainWindow::openInitial(const QStringList &arguments)
{
    QString wanted;
    for (const QString &a : arguments)
        if (!a.startsWith(QLatin1Char('-'))) {
            wanted = a;
            break;
        }
    bool opened = false;
    if (!wanted.isEmpty()) {
        if (QFileInfo::exists(wanted))
            opened = openFile(wanted);
        else if (scenarios::findBuiltin(wanted))
            opened = openBuiltin(wanted);
        else
            QMessageBox::warning(this, tr("Taskscope"),
                                 tr("“%1” is neither a scenario file nor a built-in scenario.").arg(wanted));
    }
    if (!opened) {
        // The introductory race, the one the README starts with; any built-in if it is gone.
        const QString intro = QStringLiteral("race-first-finisher");
        const auto builtins = scenarios::builtinScenarios();
        if (scenarios::findBuiltin(intro))
            openBuiltin(intro);
        else if (!builtins.empty())
            openBuiltin(builtins.front().id);
    }
    screenshotIfAsked();
}

bool MainWindow::openFile(const QString &path)
{
    const scenarios::LoadResult result = scenarios::loadScenarioFile(path);
    if (!result.ok()) {
        showLoadErrors(path, result.errors);
        return false;
    }
    if (!path.startsWith(QLatin1Char(':')))
        m_lastDir = QFileInfo(path).absolutePath();
    showScenario(*result.scenario);
    return true;
}

bool MainWindow::openBuiltin(const QString &id)
{
    const auto builtin = scenarios::findBuiltin(id);
    return builtin && openFile(builtin->path);
}

void MainWindow::showOpenDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open scenario"), m_lastDir,
                                                      tr("Scenarios (*.yaml *.yml);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::showLoadErrors(const QString &path, const std::vector<scenarios::Diagnostic> &errors)
{
    QStringList lines;
    for (const scenarios::Diagnostic &d : errors)
        lines << d.format();
    if (lines.isEmpty())
        lines << tr("%1: could not be read").arg(path);
    constexpr int Shown = 15;
    const int total = int(lines.size());
    if (total > Shown) {
        lines = lines.mid(0, Shown);
        lines << tr("… and %1 more").arg(total - Shown);
    }
    QMessageBox box(QMessageBox::Warning, tr("Cannot open scenario"),
                    tr("<b>%1</b> has %n problem(s):", nullptr, total).arg(QFileInfo(path).fileName().toHtmlEscaped()),
                    QMessageBox::Ok, this);
    box.setInformativeText(QStringLiteral("<pre>%1</pre>").arg(lines.join(QLatin1Char('\n')).toHtmlEscaped()));
    box.exec();
}

void MainWindow::showScenario(const scenarios::Scenario &scenario)
{
    setWindowTitle(tr("%1 — Taskscope").arg(scenario.title()));
    const QString description = scenario.description().trimmed();
    const QString firstParagraph = description.section(QStringLiteral("\n\n"), 0, 0).simplified();
    m_header->setText(QStringLiteral("<span style='font-size:large; font-weight:600'>%1</span>"
                                     "&nbsp;&nbsp;<span style='color:gray'>%2 · %3</span><br>%4")
                          .arg(scenario.title().toHtmlEscaped(), scenario.conceptName().toHtmlEscaped(),
                               scenario.profile().toHtmlEscaped(), firstParagraph.toHtmlEscaped()));
    m_header->setToolTip(description);
    m_controller->load(scenario);
}

void MainWindow::runReplaced()
{
    const scenarios::ScenarioRun *run = m_controller->run();
    m_panel->setRuntime(run ? &run->runtime() : nullptr);
    m_clock->setRunLoaded(run != nullptr);
}

void MainWindow::runChanged()
{
    m_panel->refresh();
    const scenarios::ScenarioRun *run = m_controller->run();
    m_clock->setNow(m_controller->now());
    m_clock->setPlaying(m_controller->playing());
    m_clock->setFinished(m_controller->idle());
    m_clock->setNextStep(run ? widgets::ClockControls::describeNextStep(run->runtime()) : QString());
    updateStatus();
}

void MainWindow::updateStatus()
{
    const scenarios::ScenarioRun *run = m_controller->run();
    if (!run) {
        m_outcome->setText(tr("No scenario loaded: File ▸ Open… or File ▸ Built-in scenarios"));
        m_expectations->clear();
        return;
    }
    m_outcome->setText(tr("Outcome: %1 · %n step(s)", nullptr, int(m_controller->steps())).arg(run->outcomeText()));
    if (!run->finished()) {
        m_expectations->setText(tr("expectations are checked when the run ends"));
        m_expectations->setStyleSheet(QStringLiteral("color: gray"));
        m_expectations->setToolTip({});
        return;
    }
    if (run->scenario().data().expect.isEmpty()) {
        m_expectations->setText(tr("no expectations to check"));
        m_expectations->setStyleSheet(QStringLiteral("color: gray"));
        m_expectations->setToolTip(tr("The scenario has no expect block."));
        return;
    }
    const std::vector<scenarios::Mismatch> mismatches = run->checkExpectations();
    if (mismatches.empty()) {
        m_expectations->setText(tr("✓ expectations hold"));
        m_expectations->setStyleSheet(QStringLiteral("color: #007a58; font-weight: 600"));
        m_expectations->setToolTip(tr("Every expectation of the scenario's expect block holds."));
        return;
    }
    QStringList lines;
    for (const scenarios::Mismatch &m : mismatches)
        lines << QStringLiteral("%1:%2: %3").arg(QFileInfo(m.where.file).fileName()).arg(m.where.line).arg(m.message);
    m_expectations->setText(tr("✗ %n expectation(s) do not hold", nullptr, int(mismatches.size())));
    m_expectations->setStyleSheet(QStringLiteral("color: #c0392b; font-weight: 600"));
    m_expectations->setToolTip(lines.join(QLatin1Char('\n')));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Taskscope"),
                       tr("<b>Taskscope</b> %1<br>Structured concurrency, made visible: run a scenario on a "
                          "coroutine engine under a virtual clock and watch every task's lifecycle.")
                           .arg(QApplication::applicationVersion()));
}

void MainWindow::screenshotIfAsked()
{
    // A hidden hook for documentation and visual checks: TASKSCOPE_SCREENSHOT=out.png grabs the
    // window after TASKSCOPE_SCREENSHOT_STEPS steps (-1: run to the end), then quits.
    const QString out = qEnvironmentVariable("TASKSCOPE_SCREENSHOT");
    if (out.isEmpty())
        return;
    bool ok = false;
    const int steps = qEnvironmentVariableIntValue("TASKSCOPE_SCREENSHOT_STEPS", &ok);
    QTimer::singleShot(300, this, [this, out, steps, ok] {
        if (ok && steps < 0)
            m_controller->runToEnd();
        for (int i = 0; ok && i < steps; ++i)
            m_controller->stepEvent();
        QTimer::singleShot(300, this, [this, out] {
            if (!grab().save(out))
                qWarning("taskscope: could not write %s", qPrintable(out));
            QApplication::quit();
        });
    });
}
