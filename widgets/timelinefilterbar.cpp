#include "timelinefilterbar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace widgets {

TimelineFilterBar::TimelineFilterBar(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLineEdit(this))
    , m_state(new QComboBox(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_info(new QLabel(this))
{
    m_text->setPlaceholderText(tr("Filter tasks by name…"));
    m_text->setClearButtonEnabled(true);
    m_text->setToolTip(tr("Show only the tasks whose name contains this text (and their parents, dimmed, "
                          "for context). Matches are highlighted; F3 / Shift+F3 go to the next / previous one."));
    for (int s = 0; s <= int(TaskFilter::State::Cancelling); ++s)
        m_state->addItem(TaskFilter::stateName(TaskFilter::State(s)));
    m_state->setToolTip(tr("Show only the tasks in this state now: running, suspended, completed, failed, "
                           "cancelled, or cancelling (asked to stop, not stopped yet)"));
    m_previous->setArrowType(Qt::UpArrow);
    m_previous->setAutoRaise(true);
    m_previous->setToolTip(tr("Previous match (Shift+F3)"));
    m_next->setArrowType(Qt::DownArrow);
    m_next->setAutoRaise(true);
    m_next->setToolTip(tr("Next match (F3)"));
    m_info->setToolTip(tr("Which match is selected, of how many"));
    m_info->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("9999 of 9999")));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(4);
    layout->addWidget(m_text, 2);
    layout->addWidget(m_state);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(m_info);
    layout->addStretch(3);

    auto changed = [this] { emit filterChanged(filter()); };
    connect(m_text, &QLineEdit::textChanged, this, changed);
    connect(m_state, &QComboBox::currentIndexChanged, this, changed);
    connect(m_text, &QLineEdit::returnPressed, this, &TimelineFilterBar::nextRequested);
    connect(m_next, &QToolButton::clicked, this, &TimelineFilterBar::nextRequested);
    connect(m_previous, &QToolButton::clicked, this, &TimelineFilterBar::previousRequested);
}

TaskFilter TimelineFilterBar::filter() const
{
    return TaskFilter(m_text->text(), TaskFilter::State(m_state->currentIndex()));
}

void TimelineFilterBar::setFilter(const TaskFilter &filter)
{
    m_text->setText(filter.text());
    m_state->setCurrentIndex(int(filter.state()));
}

void TimelineFilterBar::setMatchInfo(int current, int total)
{
    if (total < 0)
        m_info->clear();
    else if (total == 0)
        m_info->setText(tr("no match"));
    else if (current < 0)
        m_info->setText(tr("%n match(es)", nullptr, total));
    else
        m_info->setText(tr("%1 of %2").arg(current + 1).arg(total));
}

} // namespace widgets
