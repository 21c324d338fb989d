#include "runscrubber.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace widgets {

namespace {
constexpr int Margin = 8;        // room for the handle at either end
constexpr qreal GrooveY = 10;    // the groove's centre line
constexpr qreal GrooveHeight = 6;
constexpr qreal HandleRadius = 6;
} // namespace

RunScrubber::RunScrubber(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("runScrubber"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);   // tooltips follow the step under the mouse
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Run position"));
    setEnabled(false);
}

void RunScrubber::setStepTable(const engine::StepTable &table)
{
    m_table = table;
    m_instantEnds = m_table.instantEnds();
    m_position = std::min(m_position, maximum());
    setEnabled(!m_table.isEmpty());
    updateGeometry();
    update();
}

void RunScrubber::setPosition(quint64 step)
{
    step = std::min(step, maximum());
    if (step == m_position)
        return;
    m_position = step;
    update();
}

int RunScrubber::textWidth() const
{
    // Sized for the widest position text of this run, so that the groove does not jitter.
    const QString widest = tr("step %1 / %2 · t = %3").arg(maximum()).arg(maximum()).arg(m_table.endTime());
    return fontMetrics().horizontalAdvance(widest + QStringLiteral("+ ")) + Margin;
}

QRectF RunScrubber::groove() const
{
    const qreal right = std::max<qreal>(width() - textWidth() - Margin, Margin + 1);
    return QRectF(QPointF(Margin, GrooveY - GrooveHeight / 2), QPointF(right, GrooveY + GrooveHeight / 2));
}

qreal RunScrubber::xForStep(quint64 step) const
{
    const QRectF g = groove();
    if (maximum() == 0)
        return g.left();
    return g.left() + g.width() * qreal(std::min(step, maximum())) / qreal(maximum());
}

quint64 RunScrubber::stepAt(qreal x) const
{
    const QRectF g = groove();
    const qreal fraction = std::clamp((x - g.left()) / g.width(), 0.0, 1.0);
    return quint64(std::llround(fraction * qreal(maximum())));
}

QString RunScrubber::describeStep(quint64 step) const
{
    if (m_table.isEmpty())
        return tr("No run");
    const QString end = m_table.isComplete()
        ? tr("run ends at t=%1 after %2 steps").arg(m_table.endTime()).arg(maximum())
        : tr("run not ended after %1 steps (t=%2)").arg(maximum()).arg(m_table.endTime());
    return tr("step %1 · t=%2 (%3)").arg(step).arg(m_table.timeAt(step)).arg(end);
}

QString RunScrubber::positionText() const
{
    // A "+" marks a run that the look-ahead stopped before its end.
    return tr("step %1 / %2%3 · t = %4")
        .arg(m_position)
        .arg(maximum())
        .arg(m_table.isComplete() ? QString() : QStringLiteral("+"))
        .arg(m_table.timeAt(m_position));
}

QSize RunScrubber::sizeHint() const
{
    return QSize(400 + textWidth(), 22 + fontMetrics().height());
}

QSize RunScrubber::minimumSizeHint() const
{
    return QSize(120 + textWidth(), 22 + fontMetrics().height());
}

bool RunScrubber::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = groove().adjusted(-Margin, -Margin, Margin, height()).contains(help->pos())
            ? describeStep(stepAt(help->pos().x())) + tr("<br>Click or drag to go there; ←/→ one event, "
                                                         "Page Up/Down one instant.")
            : describeStep(m_position);
        QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void RunScrubber::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette &pal = palette();
    const QRectF g = groove();
    p.setPen(Qt::NoPen);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setBrush(pal.color(QPalette::Mid));
    p.drawRoundedRect(g, 3, 3);
    const qreal here = xForStep(m_position);
    p.setBrush(pal.color(isEnabled() ? QPalette::Highlight : QPalette::Mid));
    p.drawRoundedRect(QRectF(g.topLeft(), QPointF(here, g.bottom())), 3, 3);

    // One tick per instant end; labels only where they do not collide with the previous one.
    p.setRenderHint(QPainter::Antialiasing, false);
    const QFontMetrics fm = fontMetrics();
    qreal lastLabelEnd = -1e9;
    const qreal tickTop = g.bottom() + 2;
    // A run can hold a million instants: jump to the first one at least 2 px further instead
    // of visiting each (O(pixels · log n) per paint).
    const qreal stepsPerPixel = maximum() > 0 ? qreal(maximum()) / std::max<qreal>(g.width(), 1) : 1;
    for (auto it = m_instantEnds.cbegin(); it != m_instantEnds.cend();) {
        const quint64 k = *it;
        const qreal x = xForStep(k);
        const auto nextStep = quint64(std::ceil(qreal(k) + 2 * stepsPerPixel));
        it = std::lower_bound(it + 1, m_instantEnds.cend(), nextStep);
        if (it == m_instantEnds.cend() && k != maximum())
            it = m_instantEnds.cend() - 1;   // always mark the end of the run
        p.setPen(pal.color(QPalette::Dark));
        p.drawLine(QPointF(x, tickTop), QPointF(x, tickTop + 4));
        const QString label = QString::number(m_table.timeAt(k));
        const qreal w = fm.horizontalAdvance(label);
        const qreal left = std::clamp(x - w / 2, 0.0, g.right() + Margin - w);
        if (left > lastLabelEnd + 6) {
            p.setPen(pal.color(QPalette::PlaceholderText));
            p.drawText(QPointF(left, tickTop + 5 + fm.ascent()), label);
            lastLabelEnd = left + w;
        }
    }

    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(QPen(pal.color(QPalette::Shadow), 1));
    p.setBrush(pal.color(isEnabled() ? QPalette::Button : QPalette::Window));
    p.drawEllipse(QPointF(here, GrooveY), HandleRadius, HandleRadius);
    if (hasFocus()) {
        p.setPen(QPen(pal.color(QPalette::Highlight), 2));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QPointF(here, GrooveY), HandleRadius + 2, HandleRadius + 2);
    }

    p.setPen(pal.color(isEnabled() ? QPalette::WindowText : QPalette::PlaceholderText));
    const QRectF text(g.right() + Margin, 0, width() - g.right() - Margin, GrooveY * 2);
    p.drawText(text, Qt::AlignLeft | Qt::AlignVCenter, m_table.isEmpty() ? tr("no run") : positionText());
}

void RunScrubber::seek(quint64 step)
{
    step = std::min(step, maximum());
    if (step == m_position)
        return;
    m_position = step;
    update();
    emit seekRequested(step);
}

void RunScrubber::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_table.isEmpty())
        return QWidget::mousePressEvent(event);
    m_dragging = true;
    seek(stepAt(event->position().x()));
}

void RunScrubber::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging)
        seek(stepAt(event->position().x()));
}

void RunScrubber::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        m_dragging = false;
}

void RunScrubber::keyPressEvent(QKeyEvent *event)
{
    if (m_table.isEmpty())
        return QWidget::keyPressEvent(event);
    switch (event->key()) {
    case Qt::Key_Left:
        seek(m_position > 0 ? m_position - 1 : 0);
        break;
    case Qt::Key_Right:
        seek(m_position + 1);
        break;
    case Qt::Key_PageUp:   // the end of the previous instant, as "Back instant" goes
        seek(m_table.lastStepBefore(m_table.timeAt(m_position)));
        break;
    case Qt::Key_PageDown:   // the end of the next instant, as "Step instant" goes
        seek(m_table.endOfNextInstant(m_position));
        break;
    case Qt::Key_Home:
        seek(0);
        break;
    case Qt::Key_End:
        seek(maximum());
        break;
    default:
        return QWidget::keyPressEvent(event);
    }
    event->accept();
}

} // namespace widgets
