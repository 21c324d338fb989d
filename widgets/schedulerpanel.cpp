#include "schedulerpanel.h"

#include "clockcontrols.h"
#include "schedulermodel.h"

#include "engine/runtime.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace widgets {

SchedulerPanel::SchedulerPanel(QWidget *parent)
    : QWidget(parent)
    , m_readyModel(new SchedulerModel(SchedulerModel::Queue::Ready, this))
    , m_timersModel(new SchedulerModel(SchedulerModel::Queue::Timers, this))
    , m_next(new QLabel(this))
    , m_readyHeading(new QLabel(this))
    , m_timersHeading(new QLabel(this))
{
    setObjectName(QStringLiteral("schedulerPanel"));
    m_next->setWordWrap(true);
    m_next->setAlignment(Qt::AlignTop | Qt::AlignLeft);   // alone at the top when the lists are hidden
    m_next->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_next->font();
    bold.setBold(true);
    m_next->setFont(bold);
    m_next->setToolTip(tr("What the next Step (F10) will run: the first ready job, else the earliest timers."));
    m_readyHeading->setToolTip(tr("Jobs queued for the current instant; Step runs them one by one, first in first out."));
    m_timersHeading->setToolTip(tr("Timers in firing order. When nothing is ready, the next Step jumps the clock to "
                                   "the earliest deadline and fires every timer due then."));
    m_readyView = makeView(m_readyModel);
    m_timersView = makeView(m_timersModel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_next);
    layout->addWidget(m_readyHeading);
    layout->addWidget(m_readyView, 1);
    layout->addWidget(m_timersHeading);
    layout->addWidget(m_timersView, 2);
    refresh();
}

QTreeView *SchedulerPanel::makeView(SchedulerModel *model)
{
    auto *view = new QTreeView(this);
    view->setModel(model);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);   // the timer list can be long
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->header()->setStretchLastSection(true);
    view->header()->setSectionResizeMode(SchedulerModel::When, QHeaderView::ResizeToContents);
    view->header()->setSectionResizeMode(SchedulerModel::Job, QHeaderView::ResizeToContents);
    return view;
}

void SchedulerPanel::setRuntime(const engine::Runtime *runtime)
{
    if (runtime)
        m_unavailable.clear();
    if (runtime == m_runtime)
        return;
    m_runtime = runtime;
    m_readyModel->setRuntime(runtime);
    m_timersModel->setRuntime(runtime);
    refresh();
}

void SchedulerPanel::refresh()
{
    m_readyModel->refresh();
    m_timersModel->refresh();
    m_next->setText(nextStepText());
    updateHeadings();
}

void SchedulerPanel::setUnavailable(const QString &reason)
{
    m_unavailable = reason;
    setRuntime(nullptr);
    refresh();
}

QString SchedulerPanel::nextStepText() const
{
    if (m_runtime)
        return ClockControls::describeNextStep(*m_runtime);
    return m_unavailable.isEmpty() ? tr("No run") : m_unavailable;
}

void SchedulerPanel::updateHeadings()
{
    const auto heading = [](const QString &title, const SchedulerModel *m) {
        // Long queues are cut in the list; the heading keeps the true count.
        const QString shown = m->totalCount() > m->rowCount() ? tr(", first %1 shown").arg(m->rowCount()) : QString();
        return QStringLiteral("%1 (%2%3)").arg(title).arg(m->totalCount()).arg(shown);
    };
    // Without a scheduler to show (a recorded run), empty queues would claim that nothing waits.
    const bool shown = m_unavailable.isEmpty();
    for (QWidget *w : {static_cast<QWidget *>(m_readyHeading), static_cast<QWidget *>(m_readyView),
                       static_cast<QWidget *>(m_timersHeading), static_cast<QWidget *>(m_timersView)})
        w->setHidden(!shown);
    const QString now = m_runtime ? tr(" at t=%1").arg(m_runtime->now()) : QString();
    m_readyHeading->setText(heading(tr("Ready now%1").arg(now), m_readyModel));
    m_timersHeading->setText(heading(tr("Pending timers"), m_timersModel));
}

} // namespace widgets
