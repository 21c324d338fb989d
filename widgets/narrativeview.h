#pragma once

#include "engine/types.h"

#include <QWidget>

class QLineEdit;
class QListView;
class QModelIndex;
class QSortFilterProxyModel;

namespace widgets {

class NarrativeModel;

/// The run told as sentences, one per event, each a link: clicking a row (or pressing Enter on it)
/// emits eventActivated so the app can move the playhead there. Highlights the last event at
/// "now" and the rows of the selected task, follows the end as rows arrive unless the user
/// scrolled up, and filters the rows by a search text.
class NarrativeView : public QWidget
{
    Q_OBJECT

public:
    explicit NarrativeView(QWidget *parent = nullptr);
    ~NarrativeView() override;

    /// Shows `model`'s rows (not owned; nullptr: none).
    void setModel(NarrativeModel *model);
    NarrativeModel *model() const { return m_model; }

    /// Highlights the row of the last event at or before `now`.
    void setNow(engine::Tick now);
    /// The event highlighted as "now" (NoId when none).
    engine::EventId nowEvent() const { return m_nowEvent; }
    /// Highlights the rows of `task` (NoId: none).
    void setSelectedTask(engine::TaskId task);
    engine::TaskId selectedTask() const { return m_selectedTask; }
    /// Shows only the rows whose sentence contains `text` (case-insensitive; empty: all).
    void setFilterText(const QString &text);
    QString filterText() const;
    /// The view keeps the newest row visible (true until the user scrolls up).
    bool isFollowingEnd() const { return m_follow; }

    QListView *list() const { return m_list; }
    QLineEdit *filterEdit() const { return m_filter; }

signals:
    /// The user chose the row of `event`, which happened at `time`.
    void eventActivated(engine::EventId event, engine::Tick time);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void activate(const QModelIndex &index);
    void rowsArrived();
    void repaintRows();

    NarrativeModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QListView *m_list = nullptr;
    engine::EventId m_nowEvent = -1;
    engine::TaskId m_selectedTask = -1;
    bool m_follow = true;
};

} // namespace widgets
