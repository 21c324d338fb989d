#include "clockcontrols.h"

#include "clockicons.h"

#include "engine/runtime.h"

#include <QAction>
#include <QLabel>

namespace widgets {

namespace {

QAction *makeAction(QToolBar *bar, ClockIcons::Kind icon, const QString &text, const QKeySequence &key,
                    const QString &tip)
{
    auto *action = new QAction(ClockIcons::icon(icon, bar->palette().color(QPalette::ButtonText)), text, bar);
    action->setShortcut(key);
    // The tooltip names the shortcut: that is how people learn them.
    action->setToolTip(QStringLiteral("%1 <span style='color:gray'>%2</span><br>%3")
                           .arg(text, key.toString(QKeySequence::NativeText), tip));
    bar->addAction(action);
    return action;
}

} // namespace

ClockControls::ClockControls(QWidget *parent)
    : QToolBar(tr("Clock"), parent)
{
    setObjectName(QStringLiteral("clockControls"));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setIconSize(QSize(20, 20));

    m_step = makeAction(this, ClockIcons::Kind::Step, tr("Step"), QKeySequence(Qt::Key_Right),
                        tr("Run the next event: one ready job, or the next timers (time jumps to them)."));
    m_stepInstant = makeAction(this, ClockIcons::Kind::StepInstant, tr("Step instant"),
                               QKeySequence(Qt::SHIFT | Qt::Key_Right),
                               tr("Run everything left at the current instant (if nothing is ready: all of the next one)."));
    m_runToEnd = makeAction(this, ClockIcons::Kind::RunToEnd, tr("Run to end"), QKeySequence(Qt::Key_End),
                            tr("Run until nothing is left, jumping from deadline to deadline."));
    m_play = makeAction(this, ClockIcons::Kind::Play, tr("Play"), QKeySequence(Qt::Key_Space),
                        tr("Advance virtual time continuously; press again to pause."));
    m_play->setCheckable(true);
    addSeparator();
    m_reset = makeAction(this, ClockIcons::Kind::Reset, tr("Reset"), QKeySequence(Qt::CTRL | Qt::Key_R),
                         tr("Start the scenario again from t=0 (runs are deterministic)."));
    addSeparator();

    m_time = new QLabel(this);
    QFont bold = m_time->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_time->setFont(bold);
    m_time->setMinimumWidth(m_time->fontMetrics().horizontalAdvance(QStringLiteral("t = 00000")));
    m_time->setContentsMargins(8, 0, 8, 0);
    m_time->setToolTip(tr("Current virtual time in ticks"));
    addWidget(m_time);
    m_next = new QLabel(this);
    m_next->setForegroundRole(QPalette::PlaceholderText);
    m_next->setToolTip(tr("What the next Step will run"));
    addWidget(m_next);

    connect(m_step, &QAction::triggered, this, &ClockControls::stepRequested);
    connect(m_stepInstant, &QAction::triggered, this, &ClockControls::stepInstantRequested);
    connect(m_runToEnd, &QAction::triggered, this, &ClockControls::runToEndRequested);
    connect(m_reset, &QAction::triggered, this, &ClockControls::resetRequested);
    connect(m_play, &QAction::triggered, this, [this](bool checked) {
        // The action's check state follows the controller (setPlaying), not the click.
        m_play->setChecked(m_playing);
        emit(checked ? playRequested() : pauseRequested());
    });
    setNow(0);
    updateEnabled();
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

void ClockControls::setNextStep(const QString &text)
{
    m_next->setText(text);
}

void ClockControls::updateEnabled()
{
    const bool forward = m_loaded && !m_finished;
    m_step->setEnabled(forward);
    m_stepInstant->setEnabled(forward);
    m_runToEnd->setEnabled(forward);
    m_play->setEnabled(forward || m_playing);
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
