#include "inspectorpanel.h"

#include "causechain.h"
#include "eventnarrator.h"
#include "timelinemodel.h"
#include "tracequery.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace widgets {

using engine::EventId;
using engine::NoId;
using engine::TaskId;

namespace {

constexpr int IdRole = Qt::UserRole + 1;

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(QStringLiteral("<b>%1</b>").arg(text), parent);
    label->setContentsMargins(0, 6, 0, 0);
    return label;
}

// Links the first standalone occurrence of `word` in already escaped HTML.
QString linkFirst(const QString &html, const QString &word, const QString &href)
{
    if (word.isEmpty())
        return html;
    const QRegularExpression re(QStringLiteral("(?<![\\w'])%1(?![\\w'])").arg(QRegularExpression::escape(word.toHtmlEscaped())));
    const QRegularExpressionMatch m = re.match(html);
    if (!m.hasMatch())
        return html;
    QString out = html;
    out.replace(m.capturedStart(), m.capturedLength(), QStringLiteral("<a href=\"%1\">%2</a>").arg(href, m.captured()));
    return out;
}

} // namespace

InspectorPanel::InspectorPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_outcome(new QLabel(this))
    , m_why(new QLabel(this))
    , m_history(new QTreeWidget(this))
    , m_children(new QListWidget(this))
{
    m_title->setTextFormat(Qt::RichText);
    m_title->setToolTip(tr("The selected task, where it lives and its state now"));
    m_outcome->setWordWrap(true);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_outcome->setToolTip(tr("The task's result or error"));
    m_why->setWordWrap(true);
    m_why->setTextFormat(Qt::RichText);
    m_why->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_why->setToolTip(tr("Why the task ended as it did, following the trace's causes. Click a time to move the playhead, a task to select it."));
    m_history->setColumnCount(2);
    m_history->setHeaderLabels({tr("Time"), tr("What happened")});
    m_history->setRootIsDecorated(false);
    m_history->setUniformRowHeights(true);
    m_history->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_history->setToolTip(tr("The task's state changes with their virtual times. Click one to move the playhead there."));
    m_children->setToolTip(tr("The task's children. Click one to select it."));
    m_history->installEventFilter(this);
    m_children->installEventFilter(this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_outcome);
    layout->addWidget(heading(tr("Why it ended so"), this));
    layout->addWidget(m_why);
    layout->addWidget(heading(tr("History"), this));
    layout->addWidget(m_history, 3);
    m_childrenHeading = heading(tr("Children"), this);
    layout->addWidget(m_childrenHeading);
    layout->addWidget(m_children, 1);

    connect(m_why, &QLabel::linkActivated, this, &InspectorPanel::openLink);
    connect(m_history, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) { emit eventActivated(item->data(0, IdRole).toInt()); });
    connect(m_children, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) { emit taskActivated(item->data(IdRole).toInt()); });
    refresh();
}

InspectorPanel::~InspectorPanel() = default;

void InspectorPanel::setModel(const TimelineModel *model)
{
    if (model == m_model)
        return;
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_task = NoId;
    if (m_model) {
        // A new run has different tasks: show none until one is selected.
        connect(m_model, &TimelineModel::reset, this, [this] { setTask(NoId); });
        connect(m_model, &TimelineModel::changed, this, &InspectorPanel::refresh);
        connect(m_model, &QObject::destroyed, this, [this] {
            m_model = nullptr;
            m_task = NoId;
            refresh();
        });
    }
    refresh();
}

void InspectorPanel::setTask(TaskId task)
{
    if (task == m_task)
        return;
    m_task = task;
    refresh();
}

QString InspectorPanel::titleText() const
{
    return m_title->text();
}

QString InspectorPanel::outcomeText() const
{
    return m_outcome->text();
}

void InspectorPanel::refresh()
{
    const bool shown = m_model && m_model->trace() && m_task >= 0 && m_task < m_model->taskCount();
    if (!shown) {
        m_title->setText(tr("<i>No task selected</i>"));
        m_outcome->clear();
        m_why->clear();
        m_whyPlain.clear();
        m_history->clear();
        m_children->clear();
        m_childrenHeading->hide();
        m_children->hide();
        return;
    }
    const TaskTimeline &t = m_model->task(m_task);
    QString title = QStringLiteral("<b>%1</b>").arg(m_model->taskName(m_task).toHtmlEscaped());
    if (t.scope >= 0)
        title += tr(" in %1").arg(TraceQuery::scopeLabel(*m_model->trace(), t.scope).toHtmlEscaped());
    title += QStringLiteral(" · ") + m_model->stateText(m_task).toHtmlEscaped();
    m_title->setText(title);
    const QString text = t.endEvent >= 0 ? m_model->trace()->string(m_model->trace()->at(t.endEvent).text) : QString();
    switch (t.state) {
    case engine::TaskState::Completed:
        m_outcome->setText(text.isEmpty() ? tr("Result: none") : tr("Result: %1").arg(text));
        break;
    case engine::TaskState::Failed:
        m_outcome->setText(tr("Error: %1").arg(text));
        break;
    case engine::TaskState::Cancelled:
        m_outcome->setText(tr("No result: cancelled"));
        break;
    default:
        m_outcome->setText(tr("No result yet"));
        break;
    }
    fillWhy();
    fillHistory();
    fillChildren();
}

void InspectorPanel::fillWhy()
{
    const engine::Trace &trace = *m_model->trace();
    const std::vector<CauseStep> steps = CauseChain::explain(trace, m_task);
    m_whyPlain = m_model->taskName(m_task) + QLatin1Char(' ') + CauseChain::join(steps) + QLatin1Char('.');
    QString html = m_model->taskName(m_task).toHtmlEscaped() + QLatin1Char(' ');
    static const QRegularExpression time(QStringLiteral("t=\\d+"));
    for (const CauseStep &s : steps) {
        QString part = s.text.toHtmlEscaped();
        if (s.task >= 0)
            part = linkFirst(part, trace.taskName(s.task), QStringLiteral("task:%1").arg(s.task));
        if (s.event >= 0) {
            const QRegularExpressionMatch m = time.match(part);
            if (m.hasMatch())
                part.replace(m.capturedStart(), m.capturedLength(), QStringLiteral("<a href=\"event:%1\">%2</a>").arg(s.event).arg(m.captured()));
        }
        html += s.connective.toHtmlEscaped() + part;
    }
    m_why->setText(html + QLatin1Char('.'));
}

void InspectorPanel::fillHistory()
{
    const engine::Trace &trace = *m_model->trace();
    const TaskTimeline &t = m_model->task(m_task);
    std::vector<EventId> events;
    for (EventId i = 0; i < trace.size(); ++i)
        if (trace.at(i).task == m_task)
            events.push_back(i);
    // A scope-wide cancel request does not name the task; the timeline model knows it reached it.
    if (t.cancelRequest >= 0 && trace.at(t.cancelRequest).task != m_task)
        events.insert(std::lower_bound(events.begin(), events.end(), t.cancelRequest), t.cancelRequest);
    m_history->clear();
    QList<QTreeWidgetItem *> items;
    for (EventId id : events) {
        auto *item = new QTreeWidgetItem(QStringList{QStringLiteral("t=%1").arg(trace.at(id).time), EventNarrator::text(trace, id)});
        item->setData(0, IdRole, id);
        // The column elides long sentences: the tooltip has all of it.
        item->setToolTip(0, tr("Click to move the playhead to t=%1").arg(trace.at(id).time));
        item->setToolTip(1, item->text(1));
        items << item;
    }
    m_history->addTopLevelItems(items);
}

void InspectorPanel::fillChildren()
{
    m_children->clear();
    for (TaskId child : m_model->task(m_task).children) {
        auto *item = new QListWidgetItem(QStringLiteral("%1 · %2").arg(m_model->taskName(child), m_model->stateText(child)), m_children);
        item->setData(IdRole, child);
        item->setToolTip(tr("Select %1").arg(m_model->taskName(child)));
    }
    // A leaf has no children: give its history the room.
    m_childrenHeading->setVisible(m_children->count() > 0);
    m_children->setVisible(m_children->count() > 0);
}

void InspectorPanel::openLink(const QString &link)
{
    const QString kind = link.section(QLatin1Char(':'), 0, 0);
    const int id = link.section(QLatin1Char(':'), 1).toInt();
    if (kind == QLatin1String("task"))
        emit taskActivated(id);
    else if (kind == QLatin1String("event"))
        emit eventActivated(id);
}

bool InspectorPanel::eventFilter(QObject *watched, QEvent *event)
{
    // Enter on a row does what a click does (activated() would double up on single-click styles).
    if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            if (watched == m_history && m_history->currentItem()) {
                emit eventActivated(m_history->currentItem()->data(0, IdRole).toInt());
                return true;
            }
            if (watched == m_children && m_children->currentItem()) {
                emit taskActivated(m_children->currentItem()->data(IdRole).toInt());
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace widgets
