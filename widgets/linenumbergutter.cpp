#include "linenumbergutter.h"

#include "scenariotextedit.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTextBlock>
#include <QToolTip>

namespace widgets {

LineNumberGutter::LineNumberGutter(ScenarioTextEdit *edit)
    : QWidget(edit)
    , m_edit(edit)
{
    setObjectName(QStringLiteral("lineNumberGutter"));
    setToolTip(tr("Line numbers; a red mark shows a line with a problem (hover for the message)."));
    setCursor(Qt::PointingHandCursor);
}

void LineNumberGutter::setMarkers(const QMap<int, QString> &markers)
{
    if (markers == m_markers)
        return;
    m_markers = markers;
    update();
}

int LineNumberGutter::markerWidth() const
{
    return fontMetrics().height() * 3 / 4 + 4;
}

int LineNumberGutter::preferredWidth() const
{
    const int digits = int(QString::number(std::max(1, m_edit->blockCount())).size());
    return markerWidth() + 6 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(2, digits);
}

int LineNumberGutter::lineAt(int y) const
{
    for (QTextBlock block = m_edit->firstShownBlock(); block.isValid(); block = block.next()) {
        const QRectF rect = m_edit->blockRect(block);
        if (rect.top() > height())
            break;
        if (block.isVisible() && y >= rect.top() && y < rect.bottom())
            return block.blockNumber() + 1;
    }
    return 0;
}

void LineNumberGutter::paintEvent(QPaintEvent *event)
{
    QPainter p(this);
    p.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    const int current = m_edit->textCursor().blockNumber();
    const int marker = markerWidth();
    for (QTextBlock block = m_edit->firstShownBlock(); block.isValid(); block = block.next()) {
        const QRectF rect = m_edit->blockRect(block);
        if (rect.top() > event->rect().bottom())
            break;
        if (!block.isVisible() || rect.bottom() < event->rect().top())
            continue;
        const int line = block.blockNumber() + 1;
        const int lineHeight = fontMetrics().height();
        const QRect numberRect(marker, int(rect.top()), width() - marker - 4, lineHeight);
        p.setPen(palette().color(block.blockNumber() == current ? QPalette::Text : QPalette::PlaceholderText));
        p.drawText(numberRect, Qt::AlignRight | Qt::AlignVCenter, QString::number(line));
        if (m_markers.contains(line)) {
            // A round red mark with a white bar: an error sign readable without colour.
            const int d = marker - 4;
            const QRectF dot(2, rect.top() + (lineHeight - d) / 2.0, d, d);
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(0xc0, 0x39, 0x2b));
            p.drawEllipse(dot);
            p.setPen(QPen(Qt::white, std::max(1.5, d / 6.0)));
            p.drawLine(QPointF(dot.center().x(), dot.top() + d * 0.25), QPointF(dot.center().x(), dot.bottom() - d * 0.25));
            p.setRenderHint(QPainter::Antialiasing, false);
        }
    }
}

bool LineNumberGutter::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int line = lineAt(help->pos().y());
        if (m_markers.contains(line))
            QToolTip::showText(help->globalPos(), tr("Line %1: %2").arg(line).arg(m_markers.value(line)), this);
        else
            QToolTip::showText(help->globalPos(), line > 0 ? tr("Line %1").arg(line) : toolTip(), this);
        return true;
    }
    return QWidget::event(event);
}

void LineNumberGutter::mousePressEvent(QMouseEvent *event)
{
    const int line = lineAt(event->position().toPoint().y());
    if (line > 0 && m_markers.contains(line))
        emit markerClicked(line);
    QWidget::mousePressEvent(event);
}

} // namespace widgets
