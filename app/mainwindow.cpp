#include "mainwindow.h"

#include "apptheme.h"
#include "exportcommand.h"
#include "insightdocks.h"
#include "narrativeexport.h"
#include "presentationmode.h"
#include "recentfilesmenu.h"
#include "runcontroller.h"
#include "shortcutsdialog.h"

#include "scenarios/scenariodata.h"
#include "scenarios/scenariorun.h"
#include "widgets/clockcontrols.h"
#include "widgets/runscrubber.h"
#include "widgets/schedulerpanel.h"
#include "widgets/scenariobrowser.h"
#include "widgets/scenariodrophandler.h"
#include "widgets/scenarioeditor.h"
#include "widgets/scenariotextedit.h"
#include "widgets/timelinefilterbar.h"
#include "widgets/timelinepanel.h"
#include "widgets/timelineview.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
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
    , m_presentation(new PresentationMode(this))
{
    setWindowTitle(tr("Taskscope"));
    // Most of the screen on first start (a saved geometry replaces it): the timeline needs width.
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        resize(screen->availableSize() * 0.92);
    else
        resize(1400, 860);
    AppTheme::apply(m_settings.theme());

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

    m_clock->setObjectName(QStringLiteral("clockToolBar"));
    addToolBar(Qt::TopToolBarArea, m_clock);
    m_presentation->keepVisible(m_clock);
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
    createTimeTravel();
    createEditorAndBrowser();
    m_insight = new InsightDocks(this, m_controller, m_panel);
    m_presentation->keepVisible(m_insight->narrativeDock());
    m_narrativeExport = new NarrativeExport(this, m_controller, &m_settings);
    arrangeDocks();
    runReplaced();
    runChanged();
    restoreLayout();
}

MainWindow::~MainWindow()
{
    // The controller (and its run) is destroyed before the panel: let go of the run first, and
    // hear nothing from the controller while this window is half gone.
    disconnect(m_controller, nullptr, this, nullptr);
    m_panel->setRuntime(nullptr);
    m_scheduler->setRuntime(nullptr);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    QAction *open = file->addAction(tr("&Open…"), this, &MainWindow::showOpenDialog);
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("Open a scenario file (.yaml) or a recorded run (.json)"));
    auto *recent = new RecentFilesMenu(&m_settings, file);
    connect(recent, &RecentFilesMenu::fileChosen, this, &MainWindow::openFile);
    file->addMenu(recent);
    fillBuiltinMenu(file->addMenu(tr("&Built-in scenarios")));
    file->addSeparator();
    file->addAction((new ExportCommand(m_controller, m_panel, &m_settings, this))->action());
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    widgets::TimelineView *timeline = m_panel->timeline();
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(tr("Zoom &in"), QKeySequence::ZoomIn, timeline, &widgets::TimelineView::zoomIn);
    view->addAction(tr("Zoom &out"), QKeySequence::ZoomOut, timeline, &widgets::TimelineView::zoomOut);
    view->addAction(tr("&Fit to run"), QKeySequence(Qt::CTRL | Qt::Key_0), timeline, &widgets::TimelineView::fitToRun);
    view->addSeparator();
    QMenu *panels = view->addMenu(tr("&Panels"));
    // Filled when shown: every dock of the window, whoever created it.
    connect(panels, &QMenu::aboutToShow, this, [this, panels] { fillPanelsMenu(panels); });
    view->addMenu(createThemeMenu());
    QAction *present = view->addAction(tr("&Presentation mode"));
    present->setObjectName(QStringLiteral("presentationAction"));
    present->setCheckable(true);
    present->setShortcuts({QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)});
    present->setToolTip(tr("Large type, high contrast, only the timeline, the controls and the narrative (F5; Esc leaves)"));
    connect(present, &QAction::toggled, this, &MainWindow::setPresenting);
    connect(m_presentation, &PresentationMode::activeChanged, present, &QAction::setChecked);
    auto *leave = new QAction(this);
    leave->setShortcut(QKeySequence(Qt::Key_Escape));
    leave->setShortcutContext(Qt::WindowShortcut);
    connect(leave, &QAction::triggered, this, [this] { setPresenting(false); });
    addAction(leave);
    addTimelineOverlayActions(view);

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->setObjectName(QStringLiteral("runMenu"));
    run->addAction(m_clock->stepAction());
    run->addAction(m_clock->stepInstantAction());
    run->addAction(m_clock->runToEndAction());
    run->addAction(m_clock->playAction());
    run->addSeparator();
    run->addAction(m_clock->resetAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), QKeySequence(Qt::Key_F1), this, &MainWindow::showShortcuts);
    help->addAction(tr("&About Taskscope"), this, &MainWindow::showAbout);
}

void MainWindow::fillPanelsMenu(QMenu *menu)
{
    menu->clear();
    const auto docks = findChildren<QDockWidget *>(QString(), Qt::FindDirectChildrenOnly);
    for (QDockWidget *dock : docks)
        menu->addAction(dock->toggleViewAction());
    const auto bars = findChildren<QToolBar *>(QString(), Qt::FindDirectChildrenOnly);
    for (QToolBar *bar : bars)
        menu->addAction(bar->toggleViewAction());
}

QMenu *MainWindow::createThemeMenu()
{
    auto *menu = new QMenu(tr("&Theme"), this);
    auto *group = new QActionGroup(menu);
    const struct { AppSettings::Theme theme; QString text; QString tip; } choices[] = {
        {AppSettings::Theme::System, tr("Follow the &system"), tr("Light or dark, as the desktop is set")},
        {AppSettings::Theme::Light, tr("&Light"), tr("Always light")},
        {AppSettings::Theme::Dark, tr("&Dark"), tr("Always dark")},
    };
    for (const auto &choice : choices) {
        QAction *action = menu->addAction(choice.text);
        action->setToolTip(choice.tip);
        action->setCheckable(true);
        action->setChecked(m_settings.theme() == choice.theme);
        group->addAction(action);
        const AppSettings::Theme theme = choice.theme;
        connect(action, &QAction::triggered, this, [this, theme] { setTheme(theme); });
    }
    return menu;
}

void MainWindow::setTheme(AppSettings::Theme theme)
{
    m_settings.setTheme(theme);
    if (!m_presentation->isActive())
        AppTheme::apply(theme);
}

void MainWindow::setPresenting(bool on)
{
    if (on == m_presentation->isActive())
        return;
    m_presentation->setActive(on);
    if (on)
        QApplication::setPalette(AppTheme::highContrast());
    else
        AppTheme::apply(m_settings.theme());
}

void MainWindow::arrangeDocks()
{
    // The first-run layout (a saved one replaces it): scenarios on the left; inspector, scheduler
    // and the scenario text as tabs on the right; the narrative under the timeline.
    auto *inspector = m_insight->inspectorDock();
    auto *scheduler = findChild<QDockWidget *>(QStringLiteral("schedulerDock"));
    auto *browser = findChild<QDockWidget *>(QStringLiteral("browserDock"));
    if (scheduler)
        tabifyDockWidget(inspector, scheduler);
    if (m_editorDock)
        tabifyDockWidget(inspector, m_editorDock);
    inspector->raise();
    if (browser)
        resizeDocks({browser, inspector}, {230, 380}, Qt::Horizontal);
    resizeDocks({m_insight->narrativeDock()}, {150}, Qt::Vertical);
}

void MainWindow::restoreLayout()
{
    // Docks must exist (with object names) before their layout can be restored.
    if (!m_settings.geometry().isEmpty())
        restoreGeometry(m_settings.geometry());
    if (!m_settings.windowState().isEmpty())
        restoreState(m_settings.windowState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Unsaved edits first: Cancel keeps the window open, layout and all.
    if (!m_editor->maybeSave(this)) {
        event->ignore();
        return;
    }
    // The layout to keep is the working one, not the presentation's.
    setPresenting(false);
    m_settings.setWindowLayout(saveGeometry(), saveState());
    event->accept();
}

void MainWindow::showShortcuts()
{
    ShortcutsDialog::show(this, menuBar());
}

// Going back and forth in a run: the back/advance/run-to verbs and the play speed, the scrubber
// under the clock tool bar and the scheduler panel (a dock). Kept apart from the rest of the
// wiring on purpose; it only adds to it.
void MainWindow::createTimeTravel()
{
    m_scrubber = new widgets::RunScrubber(this);
    auto *scrubberBar = new QToolBar(tr("Run position"), this);
    scrubberBar->setObjectName(QStringLiteral("scrubberBar"));
    scrubberBar->setMovable(false);
    scrubberBar->addWidget(m_scrubber);
    addToolBarBreak(Qt::TopToolBarArea);
    addToolBar(Qt::TopToolBarArea, scrubberBar);

    m_scheduler = new widgets::SchedulerPanel(this);
    auto *dock = new QDockWidget(tr("Scheduler"), this);
    dock->setObjectName(QStringLiteral("schedulerDock"));
    dock->setWidget(m_scheduler);
    addDockWidget(Qt::RightDockWidgetArea, dock);

    RunController *c = m_controller;
    connect(m_clock, &widgets::ClockControls::stepBackRequested, c, &RunController::stepBackEvent);
    connect(m_clock, &widgets::ClockControls::stepBackInstantRequested, c, &RunController::stepBackInstant);
    connect(m_clock, &widgets::ClockControls::advanceByRequested, c, &RunController::advanceBy);
    connect(m_clock, &widgets::ClockControls::runToTimeRequested, c, &RunController::seekToTime);
    connect(m_clock, &widgets::ClockControls::speedRequested, c, &RunController::setSpeed);
    connect(c, &RunController::speedChanged, m_clock, &widgets::ClockControls::setSpeed);
    connect(m_scrubber, &widgets::RunScrubber::seekRequested, c, &RunController::seekToStep);
    connect(c, &RunController::stepTableChanged, this, [this] { m_scrubber->setStepTable(m_controller->stepTable()); });
    connect(c, &RunController::runReplaced, this, [this] {
        if (m_controller->isRecorded())
            showRecordedState();
        else
            m_scheduler->setRuntime(m_controller->runtime());
    });
    connect(c, &RunController::runChanged, this, [this] {
        m_scheduler->refresh();
        m_scrubber->setPosition(m_controller->steps());
        m_clock->setCanStepBack(m_controller->canStepBack());
    });
    m_clock->setSpeed(c->driver().speed());

    if (auto *run = menuBar()->findChild<QMenu *>(QStringLiteral("runMenu"))) {
        QAction *before = run->actions().value(0);
        run->insertAction(before, m_clock->stepBackInstantAction());
        run->insertAction(before, m_clock->stepBackAction());
        QAction *after = m_clock->stepInstantAction();
        const QList<QAction *> all = run->actions();
        QAction *next = all.value(all.indexOf(after) + 1);
        run->insertActions(next, {m_clock->advanceByAction(), m_clock->runToTimeAction()});
        run->insertActions(m_clock->resetAction(), {m_clock->fasterAction(), m_clock->slowerAction()});
        run->insertSeparator(m_clock->resetAction());
    }
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
    if (!opened && wanted.isEmpty())
        opened = openLast();
    // A file that does not parse stays in the editor to be fixed: no other scenario replaces it.
    if (!opened && !(m_editor && !wanted.isEmpty() && m_editor->path() == wanted)) {
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
    if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return openRecording(path);
    // Opening replaces the editor's text: unsaved edits are saved or dropped knowingly.
    if (!m_editor->maybeSave(this))
        return false;
    const scenarios::LoadResult result = scenarios::loadScenarioFile(path);
    const bool edited = editSource(path);
    if (!result.ok()) {
        // A file that does not parse is shown in the editor with its problems marked.
        if (!edited)
            showLoadErrors(path, result.errors);
        return false;
    }
    if (!path.startsWith(QLatin1Char(':'))) {
        m_settings.setLastDirectory(QFileInfo(path).absolutePath());
        m_settings.addRecentFile(QFileInfo(path).absoluteFilePath());
        m_settings.setLastScenario(QFileInfo(path).absoluteFilePath());
        m_browser->setRecentFiles(m_settings.recentFiles());
    }
    m_browser->showCurrent(path);
    showScenario(*result.scenario);
    return true;
}

bool MainWindow::openBuiltin(const QString &id)
{
    const auto builtin = scenarios::findBuiltin(id);
    if (!builtin || !openFile(builtin->path))
        return false;
    m_settings.setLastScenario(AppSettings::builtinKey(id));
    return true;
}

bool MainWindow::openLast()
{
    const QString last = m_settings.lastScenario();
    const QString id = AppSettings::builtinIdOf(last);
    if (!id.isEmpty())
        return scenarios::findBuiltin(id) && openBuiltin(id);
    // A last file that is gone is no error worth a dialog at start-up: fall back quietly.
    return !last.isEmpty() && QFileInfo::exists(last) && openFile(last);
}

// ---- Editor and browser -------------------------------------------------------------------------

void MainWindow::createEditorAndBrowser()
{
    m_browser = new widgets::ScenarioBrowser(this);
    m_editor = new widgets::ScenarioEditor(this);
    auto *browserDock = new QDockWidget(tr("Scenarios"), this);
    browserDock->setObjectName(QStringLiteral("browserDock"));
    browserDock->setWidget(m_browser);
    m_editorDock = new QDockWidget(tr("Scenario text"), this);
    m_editorDock->setObjectName(QStringLiteral("editorDock"));
    m_editorDock->setWidget(m_editor);
    addDockWidget(Qt::LeftDockWidgetArea, browserDock);
    addDockWidget(Qt::RightDockWidgetArea, m_editorDock);

    connect(m_browser, &widgets::ScenarioBrowser::builtinActivated, this, &MainWindow::openBuiltin);
    connect(m_browser, &widgets::ScenarioBrowser::fileActivated, this, &MainWindow::openFile);
    connect(m_browser, &widgets::ScenarioBrowser::openFileRequested, this, &MainWindow::showOpenDialog);
    connect(m_editor, &widgets::ScenarioEditor::rerunRequested, this, &MainWindow::showScenario);
    // One list of recent files, kept by the settings (File ▸ Open recent reads them). The browser
    // shows it, adds the files dropped on it, and empties when the menu clears the list.
    m_browser->setRecentFiles(m_settings.recentFiles());
    connect(m_browser, &widgets::ScenarioBrowser::recentFilesChanged, this, [this](const QStringList &paths) {
        for (auto it = paths.crbegin(); it != paths.crend(); ++it)
            m_settings.addRecentFile(*it);
    });
    if (auto *recent = findChild<RecentFilesMenu *>())
        connect(recent, &RecentFilesMenu::cleared, m_browser, [this] { m_browser->setRecentFiles({}); });

    // The editor's own actions in the menus: their keys act in the text (Ctrl+R elsewhere resets
    // the run), and the menus make them findable.
    if (auto *file = menuBar()->findChild<QMenu *>(QStringLiteral("fileMenu"))) {
        QAction *beforeQuit = file->actions().value(file->actions().size() - 2);   // the separator
        file->insertActions(beforeQuit, {m_editor->saveAction(), m_editor->saveAsAction()});
    }
    if (auto *run = menuBar()->findChild<QMenu *>(QStringLiteral("runMenu")))
        run->insertAction(run->actions().value(0), m_editor->rerunAction());
    QAction *find = new QAction(tr("&Find task…"), this);
    find->setShortcut(QKeySequence::Find);
    find->setToolTip(tr("Filter the tasks by name (F3 / Shift+F3: next / previous match)"));
    connect(find, &QAction::triggered, this, [this] {
        m_panel->filterBar()->textField()->setFocus(Qt::ShortcutFocusReason);
        m_panel->filterBar()->textField()->selectAll();
    });
    auto *edit = new QMenu(tr("&Edit"), menuBar());
    edit->addAction(find);
    menuBar()->insertMenu(menuBar()->actions().value(1), edit);

    auto *drops = new widgets::ScenarioDropHandler(this);
    drops->watch(this);
    drops->watch(m_editor->textEdit()->viewport());
    connect(drops, &widgets::ScenarioDropHandler::filesDropped, this,
            [this](const QStringList &paths) { openFile(paths.front()); });
}

bool MainWindow::editSource(const QString &path)
{
    QFile file(path);
    // Too large for the parser is too large to edit: the caller reports it.
    constexpr qint64 MaxBytes = 4 * 1024 * 1024;
    if (!file.open(QIODevice::ReadOnly) || file.size() > MaxBytes)
        return false;
    m_editor->setSource(path, QString::fromUtf8(file.readAll()));
    if (!m_editor->diagnostics().empty())
        m_editorDock->raise();   // where the problems are listed (it may be tabbed away)
    return true;
}

// -------------------------------------------------------------------------------------------------

void MainWindow::showOpenDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open scenario"), m_settings.lastDirectory(),
                                                      tr("Scenarios and recorded runs (*.yaml *.yml *.json);;Scenarios (*.yaml *.yml);;"
                                                         "Recorded runs (*.json);;All files (*)"));
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
    // Live or recorded, the views read the trace as far as shown (a recording has no runtime).
    m_panel->setTrace(m_controller->trace());
    m_clock->setRunLoaded(m_controller->hasRun());
}

void MainWindow::runChanged()
{
    m_panel->refresh(m_controller->now());
    const scenarios::ScenarioRun *run = m_controller->run();
    m_clock->setNow(m_controller->now());
    m_clock->setPlaying(m_controller->playing());
    m_clock->setFinished(m_controller->idle());
    m_clock->setNextStep(run ? widgets::ClockControls::describeNextStep(run->runtime()) : recordedNextStep());
    updateStatus();
}

void MainWindow::updateStatus()
{
    const scenarios::ScenarioRun *run = m_controller->run();
    if (m_controller->isRecorded()) {
        m_outcome->setText(tr("Recorded run: %1 · event %2 of %3")
                               .arg(m_controller->outcomeText())
                               .arg(m_controller->steps())
                               .arg(m_controller->stepTable().lastStep()));
        m_expectations->setText(tr("expectations are checked on live runs"));
        m_expectations->setStyleSheet(QStringLiteral("color: gray"));
        m_expectations->setToolTip(tr("A recording is replayed, not run. Ctrl+R in the scenario text runs it live."));
        return;
    }
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
