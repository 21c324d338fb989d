#include "clockcontrols.h"

#include "clockicons.h"
#include "durationedit.h"

#include "engine/runtime.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QToolButton>

#include <cmath>

namespace widgets {

QAction *ClockControls::addVerb(int icon, const QString &text, const QKeySequence &key, const QString &tip)
{
    auto *action = new QAction(ClockIcons::icon(ClockIcons::Kind(icon), palette().color(QPalette::ButtonText)), text, this);
    action->setShortcut(key);
    // The tooltip names the shortcut: that is how people learn them.
    action->setToolTip(QStringLiteral("%1 <span style='color:gray'>%2</span><br>%3")
                           .arg(text, key.toString(QKeySequence::NativeText), tip));
    addAction(action);
    return action;
}

ClockControls::ClockControls(QWidget *parent)
    : QToolBar(tr("Clock"), parent)
{
    using Kind = ClockIcons::Kind;
    setObjectName(QStringLiteral("clockControls"));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setIconSize(QSize(20, 20));

    // F10/F11 as in debuggers (step over / step into); Shift goes the other way, as in reverse
    // debugging. Plain arrows stay with the views (tree, scrubber), Ctrl+R with the editor.
    m_stepBackInstant = addVerb(int(Kind::StepBackInstant), tr("Back instant"), QKeySequence(Qt::SHIFT | Qt::Key_F11),
                                tr("Go back to the end of the previous instant (replays the run up to there)."));
    m_stepBack = addVerb(int(Kind::StepBack), tr("Back"), QKeySequence(Qt::SHIFT | Qt::Key_F10),
                         tr("Undo the last event: the run as it was one step earlier (replayed)."));
    m_step = addVerb(int(Kind::Step), tr("Step"), QKeySequence(Qt::Key_F10),
                     tr("Run the next event: one ready job, or the next timers (time jumps to them)."));
    m_stepInstant = addVerb(int(Kind::StepInstant), tr("Step instant"), QKeySequence(Qt::Key_F11),
                            tr("Run everything left at the current instant (if nothing is ready: all of the next one)."));
    // The back verbs show only their (mirrored) icons: the bar must leave room for the time and
    // the next step at a laptop's width, and the icons read as the forward ones reversed.
    for (QAction *back : {m_stepBackInstant, m_stepBack})
        if (auto *button = qobject_cast<QToolButton *>(widgetForAction(back)))
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    addSeparator();
    createEntries();
    m_runToEnd = addVerb(int(Kind::RunToEnd), tr("Run to end"), QKeySequence(Qt::CTRL | Qt::Key_End),
                         tr("Run until nothing is left, jumping from deadline to deadline."));
    addSeparator();
    m_play = addVerb(int(Kind::Play), tr("Play"), QKeySequence(Qt::Key_Space),
                     tr("Advance virtual time continuously; press again to pause."));
    m_play->setCheckable(true);
    m_speedBox = new QComboBox(this);
    for (const double s : speeds())
        m_speedBox->addItem(tr("%1 ticks/s").arg(s), s);
    m_speedBox->setToolTip(tr("Play speed: virtual ticks (ms) per real second. Faster %1, slower %2.")
                               .arg(QKeySequence(Qt::CTRL | Qt::Key_BracketRight).toString(QKeySequence::NativeText),
                                    QKeySequence(Qt::CTRL | Qt::Key_BracketLeft).toString(QKeySequence::NativeText)));
    m_speedBox->setFocusPolicy(Qt::NoFocus);   // Space must keep meaning play/pause
    addWidget(m_speedBox);
    // No buttons (the box shows the speed), but keys and the Run menu reach them.
    m_faster = new QAction(tr("Play faster"), this);
    m_faster->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_BracketRight));
    m_slower = new QAction(tr("Play slower"), this);
    m_slower->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_BracketLeft));
    // On the box, not the bar: QToolBar would add a button for every action given to it.
    m_speedBox->addAction(m_faster);
    m_speedBox->addAction(m_slower);
    addSeparator();
    m_reset = addVerb(int(Kind::Reset), tr("Reset"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                      tr("Start the scenario again from t=0 (runs are deterministic)."));
    addSeparator();

    m_time = new QLabel(this);
    QFont bold = m_time->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_time->setFont(bold);
    m_time->setMinimumWidth(m_time->fontMetrics().horizontalAdvance(QStringLiteral("t = 00000")));
    m_time->setContentsMargins(8, 0, 8, 0);
    m_time->setToolTip(tr("Current virtual time in ticks (1 tick = 1 ms)"));
    addWidget(m_time);
    m_next = new QLabel(this);
    m_next->setForegroundRole(QPalette::PlaceholderText);
    m_next->setToolTip(tr("What the next Step will run"));
    addWidget(m_next);

    connect(m_step, &QAction::triggered, this, &ClockControls::stepRequested);
    connect(m_stepInstant, &QAction::triggered, this, &ClockControls::stepInstantRequested);
    connect(m_stepBack, &QAction::triggered, this, &ClockControls::stepBackRequested);
    connect(m_stepBackInstant, &QAction::triggered, this, &ClockControls::stepBackInstantRequested);
    connect(m_runToEnd, &QAction::triggered, this, &ClockControls::runToEndRequested);
    connect(m_reset, &QAction::triggered, this, &ClockControls::resetRequested);
    connect(m_play, &QAction::triggered, this, [this](bool checked) {
        // The action's check state follows the controller (setPlaying), not the click.
        m_play->setChecked(m_playing);
        emit(checked ? playRequested() : pauseRequested());
    });
    connect(m_faster, &QAction::triggered, this, [this] { changeSpeed(+1); });
    connect(m_slower, &QAction::triggered, this, [this] { changeSpeed(-1); });
    connect(m_speedBox, &QComboBox::activated, this,
            [this](int index) { emit speedRequested(m_speedBox->itemData(index).toDouble()); });
    setNow(0);
    setSpeed(2.0);
    updateEnabled();
}

void ClockControls::createEntries()
{
    m_advanceBy = addVerb(int(ClockIcons::Kind::AdvanceBy), tr("Advance by"), QKeySequence(Qt::CTRL | Qt::Key_F10),
                          tr("Run everything due within the duration on the right; the clock then stands that much later."));
    m_advanceEdit = new DurationEdit(tr("1"), this);
    m_advanceEdit->setValue(1);
    m_advanceEdit->setHelp(tr("How far “Advance by” moves the clock: 3 (ticks), 250ms, 2s. Enter advances."));
    addWidget(m_advanceEdit);
    m_runToTime = addVerb(int(ClockIcons::Kind::RunToTime), tr("Run to"), QKeySequence(Qt::CTRL | Qt::Key_G),
                          tr("Go to the end of the instant typed on the right, forwards or back (replayed)."));
    m_runToEdit = new DurationEdit(tr("time"), this);
    m_runToEdit->setHelp(tr("The virtual time “Run to” goes to: 5 (ticks), 250ms, 2s. Enter goes there."));
    addWidget(m_runToEdit);
    connect(m_advanceBy, &QAction::triggered, this, &ClockControls::requestAdvance);
    connect(m_runToTime, &QAction::triggered, this, &ClockControls::requestRunTo);
    connect(m_advanceEdit, &DurationEdit::durationEntered, this, &ClockControls::requestAdvance);
    connect(m_runToEdit, &DurationEdit::durationEntered, this, &ClockControls::requestRunTo);
}

void ClockControls::requestAdvance()
{
    const auto d = m_advanceEdit->value();
    if (!d || *d <= 0 || !m_advanceBy->isEnabled()) {
        m_advanceEdit->setFocus();
        m_advanceEdit->selectAll();
        return;
    }
    emit advanceByRequested(*d);
}

void ClockControls::requestRunTo()
{
    const auto t = m_runToEdit->value();
    // With no time typed yet, the shortcut means "let me type one".
    if (!t || !m_runToTime->isEnabled()) {
        m_runToEdit->setFocus();
        m_runToEdit->selectAll();
        return;
    }
    emit runToTimeRequested(*t);
}

QList<double> ClockControls::speeds()
{
    return {1, 2, 5, 10, 20, 50, 100, 1000};
}

void ClockControls::changeSpeed(int delta)
{
    const int index = std::clamp(m_speedBox->currentIndex() + delta, 0, m_speedBox->count() - 1);
    if (index != m_speedBox->currentIndex())
        emit speedRequested(m_speedBox->itemData(index).toDouble());
}

void ClockControls::setSpeed(double ticksPerSecond)
{
    int best = 0;
    for (int i = 1; i < m_speedBox->count(); ++i)
        if (std::abs(m_speedBox->itemData(i).toDouble() - ticksPerSecond)
            < std::abs(m_speedBox->itemData(best).toDouble() - ticksPerSecond))
            best = i;
    m_faster->setEnabled(best + 1 < m_speedBox->count());
    m_slower->setEnabled(best > 0);
    if (best == m_speedBox->currentIndex())
        return;
    m_speedBox->setCurrentIndex(best);
}

void ClockControls::setNow(engine::Tick now)
{
    if (now == m_now)
        return;
    m_now = now;
    m_time->setText(tr("t = %1").arg(now));
}

void ClockControls::setPlaying(bool playing)
{
    if (playing == m_playing)
        return;
    m_playing = playing;
    m_play->setChecked(playing);
    m_play->setText(playing ? tr("Pause") : tr("Play"));
    m_play->setIcon(ClockIcons::icon(playing ? ClockIcons::Kind::Pause : ClockIcons::Kind::Play,
                                     palette().color(QPalette::ButtonText)));
}

void ClockControls::setFinished(bool finished)
{
    if (finished == m_finished)
        return;
    m_finished = finished;
    updateEnabled();
}

void ClockControls::setRunLoaded(bool loaded)
{
    if (loaded == m_loaded)
        return;
    m_loaded = loaded;
    updateEnabled();
}

void ClockControls::setCanStepBack(bool canStepBack)
{
    if (canStepBack == m_canStepBack)
        return;
    m_canStepBack = canStepBack;
    updateEnabled();
}

void ClockControls::setNextStep(const QString &text)
{
    m_next->setText(text);
}

void ClockControls::updateEnabled()
{
    const bool forward = m_loaded && !m_finished;
    const bool back = m_loaded && m_canStepBack;
    m_step->setEnabled(forward);
    m_stepInstant->setEnabled(forward);
    m_advanceBy->setEnabled(forward);
    m_runToEnd->setEnabled(forward);
    m_play->setEnabled(forward || m_playing);
    m_stepBack->setEnabled(back);
    m_stepBackInstant->setEnabled(back);
    // "Run to" also goes back, so it only needs a run.
    m_runToTime->setEnabled(m_loaded);
    m_reset->setEnabled(m_loaded);
}

QString ClockControls::describeNextStep(const engine::Runtime &runtime)
{
    const engine::Scheduler &s = runtime.scheduler();
    const auto describe = [&](const engine::Job &job) {
        const QString verb = QString::fromLatin1(engine::toString(engine::JobLabel(job.label)));
        return job.task >= 0 ? verb + QLatin1Char(' ') + runtime.trace().taskName(job.task) : verb;
    };
    if (s.hasReady())
        return tr("next: %1 (now)").arg(describe(s.readyQueue().front()));
    const auto timers = s.pendingTimers();
    if (timers.empty())
        return tr("nothing left to run");
    return tr("next: %1 at t=%2").arg(describe(timers.front().job)).arg(timers.front().deadline);
}

} // namespace widgets
