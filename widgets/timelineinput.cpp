#include "timelineinput.h"

#include "timelinemodel.h"
#include "timelinetooltips.h"
#include "timelineview.h"

#include <QApplication>
#include <QGestureEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QNativeGestureEvent>
#include <QPinchGesture>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace widgets {

TimelineInput::TimelineInput(TimelineView *view)
    : QObject(view)
    , m_view(view)
{
    view->installEventFilter(this);
    view->viewport()->installEventFilter(this);
}

bool TimelineInput::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view) {
        return event->type() == QEvent::KeyPress && key(static_cast<QKeyEvent *>(event));
    }
    if (watched != m_view->viewport())
        return false;
    switch (event->type()) {
    case QEvent::Wheel:
        return wheel(static_cast<QWheelEvent *>(event));
    case QEvent::MouseButtonPress:
        return mousePress(static_cast<QMouseEvent *>(event));
    case QEvent::MouseMove:
        return mouseMove(static_cast<QMouseEvent *>(event));
    case QEvent::MouseButtonRelease:
        if (m_dragging)
            m_view->viewport()->unsetCursor();
        m_pressed = false;
        m_dragging = false;
        return false;
    case QEvent::MouseButtonDblClick:
        m_view->fitToRun();
        return true;
    case QEvent::ToolTip:
        return toolTip(event);
    case QEvent::Leave:
        m_view->setHoverLane(-1);
        return false;
    case QEvent::NativeGesture:
    case QEvent::Gesture:
        return gesture(event);
    default:
        return false;
    }
}

bool TimelineInput::wheel(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        m_view->zoomBy(std::pow(1.2, delta.y() / 120.0), event->position().x());
        event->accept();
        return true;
    }
    if (event->modifiers() & Qt::ShiftModifier) {
        // Some platforms turn Shift+wheel into a horizontal delta already.
        const int d = delta.y() != 0 ? delta.y() : delta.x();
        QScrollBar *h = m_view->horizontalScrollBar();
        h->setValue(h->value() - d * h->singleStep() * 3 / 120);
        event->accept();
        return true;
    }
    return false;
}

bool TimelineInput::mousePress(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton && event->button() != Qt::MiddleButton)
        return false;
    m_pressed = true;
    m_dragging = false;
    m_pressPos = event->position().toPoint();
    m_pressScroll = QPoint(m_view->horizontalScrollBar()->value(), m_view->verticalScrollBar()->value());
    if (event->button() == Qt::LeftButton) {
        const TimelineView::Hit hit = m_view->hitTest(m_pressPos);
        if (hit.task >= 0) {
            m_view->setSelectedTask(hit.task);
            emit m_view->taskClicked(hit.task);
        }
    }
    m_view->setFocus(Qt::MouseFocusReason);
    event->accept();
    return true;
}

bool TimelineInput::mouseMove(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (!m_pressed) {
        m_view->setHoverLane(m_view->laneAt(pos.y()));
        return false;
    }
    const QPoint d = pos - m_pressPos;
    if (!m_dragging && d.manhattanLength() >= QApplication::startDragDistance()) {
        m_dragging = true;
        m_view->viewport()->setCursor(Qt::ClosedHandCursor);
    }
    if (m_dragging) {
        m_view->horizontalScrollBar()->setValue(m_pressScroll.x() - d.x());
        m_view->verticalScrollBar()->setValue(m_pressScroll.y() - d.y());
    }
    return true;
}

bool TimelineInput::key(QKeyEvent *event)
{
    const double centre = m_view->viewport()->width() / 2.0;
    const bool half = event->modifiers() & Qt::ShiftModifier;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:   // the unshifted "+" key on many layouts
        m_view->zoomBy(1.5, centre);
        break;
    case Qt::Key_Minus:
    case Qt::Key_Underscore:
        m_view->zoomBy(1 / 1.5, centre);
        break;
    case Qt::Key_0:
        m_view->fitToRun();
        break;
    case Qt::Key_Left:
        m_view->panBy(half ? -0.5 : -0.1);
        break;
    case Qt::Key_Right:
        m_view->panBy(half ? 0.5 : 0.1);
        break;
    case Qt::Key_Home:
        m_view->panToStart();
        break;
    case Qt::Key_End:
        m_view->panToEnd();
        break;
    default:
        return false;
    }
    event->accept();
    return true;
}

bool TimelineInput::gesture(QEvent *event)
{
    if (event->type() == QEvent::NativeGesture) {
        auto *native = static_cast<QNativeGestureEvent *>(event);
        switch (native->gestureType()) {
        case Qt::ZoomNativeGesture:
            // value() is the change of magnification since the previous event (0: none).
            m_view->zoomBy(1.0 + native->value(), m_view->viewport()->mapFromGlobal(native->globalPosition()).x());
            return true;
        case Qt::SmartZoomNativeGesture:
            m_view->fitToRun();
            return true;
        default:
            return false;
        }
    }
    auto *gestures = static_cast<QGestureEvent *>(event);
    auto *pinch = static_cast<QPinchGesture *>(gestures->gesture(Qt::PinchGesture));
    if (!pinch)
        return false;
    if (pinch->changeFlags() & QPinchGesture::ScaleFactorChanged) {
        // scaleFactor() is relative to the previous event, like the wheel's steps.
        const QPointF centre = m_view->viewport()->mapFromGlobal(pinch->centerPoint());
        m_view->zoomBy(pinch->scaleFactor(), centre.x());
    }
    gestures->accept(pinch);
    return true;
}

bool TimelineInput::toolTip(QEvent *event)
{
    auto *help = static_cast<QHelpEvent *>(event);
    const TimelineModel *model = m_view->model();
    const QString text = model ? TimelineToolTips::text(*model, m_view->hitTest(help->pos())) : QString();
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(help->globalPos(), text, m_view->viewport());
    return true;
}

} // namespace widgets
