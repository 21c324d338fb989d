#include "narrativeview.h"

#include "narrativemodel.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace widgets {

namespace {

// Paints each sentence as a link, the "now" row bold on the highlight colour and the selected
// task's rows tinted, from the view's state (the model knows nothing about the playhead).
class NarrativeDelegate : public QStyledItemDelegate
{
public:
    explicit NarrativeDelegate(const NarrativeView *view) : QStyledItemDelegate(const_cast<NarrativeView *>(view)), m_view(view) {}

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const bool now = index.data(NarrativeModel::EventIdRole).toInt() == m_view->nowEvent();
        const bool mine = m_view->selectedTask() >= 0 && index.data(NarrativeModel::TaskRole).toInt() == m_view->selectedTask();
        QColor link = option->palette.color(QPalette::Link);
        if (now) {
            option->font.setBold(true);
            option->backgroundBrush = option->palette.color(QPalette::AlternateBase).darker(115);
        } else if (mine) {
            QColor tint = link;
            tint.setAlpha(40);
            option->backgroundBrush = tint;
        }
        option->palette.setColor(QPalette::Text, link);
    }

private:
    const NarrativeView *m_view;
};

} // namespace

NarrativeView::NarrativeView(QWidget *parent)
    : QWidget(parent)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_list(new QListView(this))
{
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setPlaceholderText(tr("Filter the story…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Show only the sentences that contain this text (a task name, 'cancel', 't=3' …)"));
    m_list->setModel(m_proxy);
    m_list->setItemDelegate(new NarrativeDelegate(this));
    m_list->setUniformItemSizes(true);   // one line per row: keeps a long trace cheap to lay out
    m_list->setWordWrap(false);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setToolTip(tr("What happened, one sentence per event. Click a sentence or press Enter to move the playhead there."));
    m_list->viewport()->setCursor(Qt::PointingHandCursor);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    // Enter is handled in eventFilter, not through activated(): some styles also activate on a
    // single click, which would report a click twice.
    m_list->installEventFilter(this);
    connect(m_list, &QAbstractItemView::clicked, this, &NarrativeView::activate);
    connect(m_list->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        m_follow = value >= m_list->verticalScrollBar()->maximum();
    });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &NarrativeView::rowsArrived);
}

NarrativeView::~NarrativeView() = default;

void NarrativeView::setModel(NarrativeModel *model)
{
    if (model == m_model)
        return;
    m_model = model;
    m_proxy->setSourceModel(model);
    m_follow = true;
    m_list->scrollToBottom();
}

void NarrativeView::setNow(engine::Tick now)
{
    const engine::EventId event = m_model ? m_model->eventAt(m_model->lastRowAt(now)) : engine::NoId;
    if (event == m_nowEvent)
        return;
    m_nowEvent = event;
    repaintRows();
}

void NarrativeView::setSelectedTask(engine::TaskId task)
{
    if (task == m_selectedTask)
        return;
    m_selectedTask = task;
    repaintRows();
}

void NarrativeView::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

QString NarrativeView::filterText() const
{
    return m_filter->text();
}

bool NarrativeView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            activate(m_list->currentIndex());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void NarrativeView::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    emit eventActivated(index.data(NarrativeModel::EventIdRole).toInt(), index.data(NarrativeModel::TimeRole).toLongLong());
}

void NarrativeView::rowsArrived()
{
    if (m_follow)
        m_list->scrollToBottom();
}

void NarrativeView::repaintRows()
{
    m_list->viewport()->update();
}

} // namespace widgets
