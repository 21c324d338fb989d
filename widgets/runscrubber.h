#pragma once

#include "engine/steptable.h"

#include <QWidget>

namespace widgets {

/// A slider over a whole run, from step 0 to the run's last step (as far as the controller's
/// look-ahead knows it), with a tick at the end of every instant and the current position.
/// Clicking or dragging asks to seek to the step under the mouse; Left/Right move one event,
/// Page Up/Down one instant, Home/End to either end. Positions are steps (each instant may hold
/// many); the text on the right and the tooltip give the virtual time.
class RunScrubber : public QWidget
{
    Q_OBJECT

public:
    explicit RunScrubber(QWidget *parent = nullptr);

    void setStepTable(const engine::StepTable &table);
    const engine::StepTable &stepTable() const { return m_table; }
    /// The run's current step (the controller's position; clamped to the table).
    void setPosition(quint64 step);
    quint64 position() const { return m_position; }
    quint64 maximum() const { return m_table.lastStep(); }

    /// The groove: step 0 at its left edge, the last step at its right edge.
    QRectF groove() const;
    /// Where `step` sits along the groove (widget x).
    qreal xForStep(quint64 step) const;
    /// The step nearest to widget x (clamped to the run).
    quint64 stepAt(qreal x) const;
    /// "step 3 of 7 · t=1 (run ends at t=2)".
    QString describeStep(quint64 step) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    /// The user moved the position (it is already shown); the controller should seek there.
    void seekRequested(quint64 step);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void seek(quint64 step);
    QString positionText() const;
    int textWidth() const;

    engine::StepTable m_table;
    QList<quint64> m_instantEnds;   // cached: the table can hold a million steps
    quint64 m_position = 0;
    bool m_dragging = false;
};

} // namespace widgets
