#pragma once

#include <QObject>
#include <QPoint>

class QKeyEvent;
class QMouseEvent;
class QWheelEvent;

namespace widgets {

class TimelineView;

/// The timeline's pointer, keyboard and gesture handling, as an event filter on the view and its
/// viewport, so the view itself stays about painting. Everything it does goes through the view's
/// public slots (zoomBy, panBy, fitToRun …), which the menus and tests use too.
///
/// Ctrl+wheel, pinch (QPinchGesture or a touchpad's ZoomNativeGesture), + and − zoom; Shift+wheel,
/// dragging, ←/→ (Shift: half a page) and Home/End pan; 0 and double-click fit the run.
class TimelineInput : public QObject
{
    Q_OBJECT

public:
    explicit TimelineInput(TimelineView *view);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool wheel(QWheelEvent *event);
    bool mousePress(QMouseEvent *event);
    bool mouseMove(QMouseEvent *event);
    bool key(QKeyEvent *event);
    bool gesture(QEvent *event);
    bool toolTip(QEvent *event);

    TimelineView *m_view;
    QPoint m_pressPos;
    QPoint m_pressScroll;
    bool m_pressed = false;
    bool m_dragging = false;
};

} // namespace widgets
