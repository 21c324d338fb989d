#include "timelinepanel.h"

#include "taskrowdelegate.h"
#include "tasktreemodel.h"
#include "timelinefilterbar.h"
#include "timelinelegend.h"
#include "timelinemodel.h"
#include "timelineview.h"

#include "engine/runtime.h"

#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace widgets {

using engine::NoId;
using engine::TaskId;

TimelinePanel::TimelinePanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new TimelineModel(this))
    , m_treeModel(new TaskTreeModel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_tree(new QTreeView(m_splitter))
    , m_timeline(new TimelineView(m_splitter))
    , m_legend(new TimelineLegend(this))
    , m_filterBar(new TimelineFilterBar(this))
{
    m_treeModel->setTimelineModel(m_model);
    m_tree->setModel(m_treeModel);
    m_tree->setItemDelegate(new TaskRowDelegate(m_tree));
    m_tree->setUniformRowHeights(true);   // one lane height fits every row
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setAnimated(false);           // an animated expand would drift from the lanes
    m_tree->setIndentation(14);
    m_tree->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_tree->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Both views always show a horizontal bar, so their viewports end at the same height.
    m_tree->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_timeline->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(TaskTreeModel::NameColumn, QHeaderView::Interactive);
    m_tree->header()->resizeSection(TaskTreeModel::NameColumn, 140);
    m_tree->header()->resizeSection(TaskTreeModel::StateColumn, 150);
    m_tree->header()->resizeSection(TaskTreeModel::EndColumn, 44);
    m_timeline->setModel(m_model);

    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(m_timeline);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    // The timeline is what people came for: the tree gets just its three columns.
    m_splitter->setSizes({340, 1000});
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    // Above the tree and the timeline both: a bar above the tree alone would push its rows below
    // the lanes.
    layout->addWidget(m_filterBar);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_legend);

    connect(m_treeModel, &QAbstractItemModel::modelReset, this, [this] {
        m_expanding = true;   // expandAll() says expanded() once per row
        m_tree->expandAll();
        m_expanding = false;
        m_rowHidden.clear();
        if (!m_filter.isEmpty())
            applyFilter();
        syncLanes();
    });
    connect(m_treeModel, &QAbstractItemModel::rowsInserted, this, &TimelinePanel::expandInserted);
    // A task moved to another parent (trio's nursery.start): its lane moves with its row.
    connect(m_treeModel, &QAbstractItemModel::rowsMoved, this, [this] { m_lanesDirty = true; });
    connect(m_tree, &QTreeView::expanded, this, [this] {
        if (!m_expanding)
            syncLanes();
    });
    connect(m_tree, &QTreeView::collapsed, this, &TimelinePanel::syncLanes);

    QScrollBar *treeBar = m_tree->verticalScrollBar();
    QScrollBar *laneBar = m_timeline->verticalScrollBar();
    connect(treeBar, &QScrollBar::valueChanged, laneBar, &QScrollBar::setValue);
    connect(laneBar, &QScrollBar::valueChanged, treeBar, &QScrollBar::setValue);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { currentRowChanged(current); });
    connect(m_timeline, &TimelineView::taskClicked, this, &TimelinePanel::selectTask);

    connect(m_filterBar, &TimelineFilterBar::filterChanged, this, &TimelinePanel::setFilter);
    connect(m_filterBar, &TimelineFilterBar::nextRequested, this, &TimelinePanel::selectNextMatch);
    connect(m_filterBar, &TimelineFilterBar::previousRequested, this, &TimelinePanel::selectPreviousMatch);
    // States change as the run advances: a state filter follows them.
    connect(m_model, &TimelineModel::changed, this, [this] {
        if (!m_filter.isEmpty())
            applyFilter();
        if (m_lanesDirty)
            syncLanes();
    });
    auto *next = new QShortcut(QKeySequence(Qt::Key_F3), this, this, &TimelinePanel::selectNextMatch);
    auto *previous = new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3), this, this, &TimelinePanel::selectPreviousMatch);
    next->setContext(Qt::WindowShortcut);
    previous->setContext(Qt::WindowShortcut);

    syncMetrics();
}

TimelinePanel::~TimelinePanel()
{
    // Children die after this destructor, the models first: nothing may call back into this
    // half-destroyed panel, and the views must stop listening before their models go away.
    disconnect(m_treeModel, nullptr, this, nullptr);
    m_treeModel->setTimelineModel(nullptr);
    m_tree->setModel(nullptr);
    m_timeline->setModel(nullptr);
}

void TimelinePanel::setRuntime(const engine::Runtime *runtime)
{
    m_runtime = runtime;
    m_model->setTrace(runtime ? &runtime->trace() : nullptr);
    refresh();
}

void TimelinePanel::setTrace(const engine::Trace *trace)
{
    m_runtime = nullptr;
    m_model->setTrace(trace);
}

void TimelinePanel::refresh()
{
    if (m_runtime)
        m_model->update(m_runtime->now());
}

void TimelinePanel::refresh(engine::Tick now)
{
    if (m_model->trace())
        m_model->update(now);
}

TaskId TimelinePanel::selectedTask() const
{
    return m_treeModel->taskId(m_tree->currentIndex());
}

void TimelinePanel::selectTask(TaskId task)
{
    const QModelIndex index = m_treeModel->indexOf(task);
    if (!index.isValid())
        return;
    if (index != m_tree->currentIndex())
        m_tree->setCurrentIndex(index);
    // scrollTo() also expands collapsed ancestors, so a search can reach any task.
    m_tree->scrollTo(index);
}

void TimelinePanel::currentRowChanged(const QModelIndex &current)
{
    const TaskId task = m_treeModel->taskId(current);
    m_timeline->setSelectedTask(task);
    updateMatchInfo();
    emit selectedTaskChanged(task);
}

void TimelinePanel::expandInserted(const QModelIndex &parent, int first, int last)
{
    // New tasks arrive expanded so that their children get lanes too; a row the user collapsed
    // stays collapsed.
    m_expanding = true;
    for (int row = first; row <= last; ++row)
        m_tree->expand(m_treeModel->index(row, 0, parent));
    m_expanding = false;
    // The filter and the lanes catch up when the model's update ends (TimelineModel::changed).
    m_lanesDirty = true;
}

void TimelinePanel::setFilter(const TaskFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    if (!(m_filterBar->filter() == filter)) {
        const QSignalBlocker block(m_filterBar);
        m_filterBar->setFilter(filter);
    }
    applyFilter();
}

void TimelinePanel::applyFilter()
{
    const std::vector<char> shown = m_filter.shownTasks(*m_model);
    m_rowHidden.resize(shown.size(), 0);
    bool changed = false;
    for (TaskId id = 0; id < TaskId(shown.size()); ++id) {
        const char hide = shown[size_t(id)] ? 0 : 1;
        if (hide == m_rowHidden[size_t(id)])
            continue;
        const QModelIndex index = m_treeModel->indexOf(id);
        m_tree->setRowHidden(index.row(), index.parent(), hide);
        m_rowHidden[size_t(id)] = hide;
        changed = true;
    }
    m_matches = m_filter.matchesInTreeOrder(*m_model);
    m_treeModel->setHighlighted(m_matches);
    m_timeline->setFilterMatches(m_matches, !m_filter.isEmpty());
    if (changed)
        syncLanes();
    updateMatchInfo();
}

void TimelinePanel::updateMatchInfo()
{
    if (m_filter.isEmpty()) {
        m_filterBar->setMatchInfo(-1, -1);
        return;
    }
    const auto it = std::find(m_matches.begin(), m_matches.end(), selectedTask());
    m_filterBar->setMatchInfo(it == m_matches.end() ? -1 : int(it - m_matches.begin()), int(m_matches.size()));
}

void TimelinePanel::selectNextMatch()
{
    stepMatch(+1);
}

void TimelinePanel::selectPreviousMatch()
{
    stepMatch(-1);
}

void TimelinePanel::stepMatch(int direction)
{
    if (m_matches.empty())
        return;
    // Position of every task in tree order, to find the match after (before) the selection even
    // when the selection itself is no match.
    const auto &order = m_model->treeOrder();
    std::vector<int> position(order.size(), -1);
    for (size_t i = 0; i < order.size(); ++i)
        position[size_t(order[i])] = int(i);
    const TaskId current = selectedTask();
    const int at = current >= 0 && size_t(current) < position.size() ? position[size_t(current)] : -1;
    TaskId target = engine::NoId;
    if (direction > 0) {
        for (TaskId m : m_matches)
            if (position[size_t(m)] > at) {
                target = m;
                break;
            }
        if (target < 0)
            target = m_matches.front();
    } else {
        for (auto it = m_matches.rbegin(); it != m_matches.rend(); ++it)
            if (at < 0 || position[size_t(*it)] < at) {
                target = *it;
                break;
            }
        if (target < 0)
            target = m_matches.back();
    }
    selectTask(target);
    m_timeline->ensureTaskVisible(target);
    updateMatchInfo();
}

void TimelinePanel::setShowErrorPaths(bool show)
{
    m_timeline->setShowErrorPaths(show);
}

void TimelinePanel::setShowCausality(bool show)
{
    m_timeline->setShowCausality(show);
}

void TimelinePanel::syncLanes()
{
    m_lanesDirty = false;
    std::vector<TaskId> lanes;
    lanes.reserve(size_t(m_model->taskCount()));
    collectLanes(QModelIndex(), lanes);
    m_timeline->setLanes(std::move(lanes));
    syncMetrics();
}

void TimelinePanel::collectLanes(const QModelIndex &parent, std::vector<TaskId> &lanes) const
{
    // The tree's own row order, walked on the model: QTreeView::indexBelow() searches the view's
    // item list on every call, which made this walk the slowest part of opening a large run.
    const int rows = m_treeModel->rowCount(parent);
    for (int row = 0; row < rows; ++row) {
        if (m_tree->isRowHidden(row, parent))
            continue;
        const QModelIndex index = m_treeModel->index(row, 0, parent);
        lanes.push_back(m_treeModel->taskId(index));
        if (m_tree->isExpanded(index))
            collectLanes(index, lanes);
    }
}

void TimelinePanel::syncMetrics()
{
    QHeaderView *header = m_tree->header();
    // The tree places its header with max(minimumHeight, sizeHint); the ruler gets the same.
    header->setMinimumHeight(fontMetrics().height() + 10);
    m_timeline->setRulerHeight(std::max(header->minimumHeight(), header->sizeHint().height()));
    const QModelIndex first = m_treeModel->index(0, 0);
    int rowHeight = first.isValid() ? m_tree->visualRect(first).height() : 0;
    if (rowHeight <= 0)
        rowHeight = m_tree->sizeHintForRow(0);
    if (rowHeight > 0)
        m_timeline->setLaneHeight(rowHeight);
    m_timeline->verticalScrollBar()->setValue(m_tree->verticalScrollBar()->value());
}

bool TimelinePanel::event(QEvent *event)
{
    const bool result = QWidget::event(event);
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::StyleChange:
    case QEvent::Show:
    case QEvent::LayoutRequest:
        syncMetrics();
        break;
    default:
        break;
    }
    return result;
}

} // namespace widgets
