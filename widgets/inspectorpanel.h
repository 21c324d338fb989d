#pragma once

#include "engine/types.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QTreeWidget;

namespace widgets {

class TimelineModel;

/// Everything about one task: its state history with virtual times, its result or error, its
/// children, and why it ended as it did (CauseChain's explanation). Times, children and the tasks
/// the explanation names are clickable.
class InspectorPanel : public QWidget
{
    Q_OBJECT

public:
    explicit InspectorPanel(QWidget *parent = nullptr);
    ~InspectorPanel() override;

    /// Reads runs from `model` (not owned; nullptr: none) and follows its updates.
    void setModel(const TimelineModel *model);
    const TimelineModel *model() const { return m_model; }
    /// Shows `task` (NoId: nothing).
    void setTask(engine::TaskId task);
    engine::TaskId task() const { return m_task; }

    /// The shown texts, for tests and for copying: title, outcome, the explanation (plain).
    QString titleText() const;
    QString outcomeText() const;
    QString whyText() const { return m_whyPlain; }
    QTreeWidget *history() const { return m_history; }
    QListWidget *children() const { return m_children; }
    QLabel *whyLabel() const { return m_why; }

signals:
    /// The user clicked a child or a task named in the explanation.
    void taskActivated(engine::TaskId task);
    /// The user clicked a time in the history or in the explanation.
    void eventActivated(engine::EventId event);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();
    void fillHistory();
    void fillChildren();
    void fillWhy();
    void openLink(const QString &link);

    const TimelineModel *m_model = nullptr;
    engine::TaskId m_task = -1;
    QLabel *m_title = nullptr;
    QLabel *m_outcome = nullptr;
    QLabel *m_why = nullptr;
    QTreeWidget *m_history = nullptr;
    QLabel *m_childrenHeading = nullptr;
    QListWidget *m_children = nullptr;
    QString m_whyPlain;
};

} // namespace widgets
