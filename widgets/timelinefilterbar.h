#pragma once

#include "taskfilter.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace widgets {

/// The search line above the task tree and the timeline: a name field, a state choice, previous /
/// next match buttons (Shift+F3 / F3, wired by the panel) and the match count.
class TimelineFilterBar : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineFilterBar(QWidget *parent = nullptr);

    TaskFilter filter() const;
    void setFilter(const TaskFilter &filter);
    /// "2 of 5", "no match" or nothing (empty filter).
    void setMatchInfo(int current, int total);

    QLineEdit *textField() const { return m_text; }
    QComboBox *stateBox() const { return m_state; }

signals:
    void filterChanged(const widgets::TaskFilter &filter);
    void nextRequested();
    void previousRequested();

private:
    QLineEdit *m_text;
    QComboBox *m_state;
    QToolButton *m_previous;
    QToolButton *m_next;
    QLabel *m_info;
};

} // namespace widgets
