#include "scenariotextedit.h"

#include "linenumbergutter.h"

#include <QAction>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QTextBlock>
#include <QToolTip>

#include <algorithm>

namespace widgets {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('.') || c == QLatin1Char('-');
}

} // namespace

ScenarioTextEdit::ScenarioTextEdit(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new LineNumberGutter(this))
{
    setObjectName(QStringLiteral("scenarioText"));
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabChangesFocus(false);
    // YAML forbids tabs for indentation; a two-space tab stop at least shows them for what they are.
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 2);

    connect(this, &QPlainTextEdit::blockCountChanged, this, &ScenarioTextEdit::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &ScenarioTextEdit::updateGutterArea);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &ScenarioTextEdit::updateSelections);
    connect(m_gutter, &LineNumberGutter::markerClicked, this, [this](int line) {
        for (const scenarios::Diagnostic &d : m_diagnostics)
            if (std::max(1, d.where.line) == line)
                return jumpTo(line, d.where.column);
    });
    updateGutterWidth();
    updateSelections();
}

QRectF ScenarioTextEdit::blockRect(const QTextBlock &block) const
{
    return blockBoundingGeometry(block).translated(contentOffset());
}

void ScenarioTextEdit::setDiagnostics(const std::vector<scenarios::Diagnostic> &diagnostics)
{
    m_diagnostics = diagnostics;
    QMap<int, QString> markers;
    for (const scenarios::Diagnostic &d : m_diagnostics) {
        const int line = rangeOf(d).block().blockNumber() + 1;
        QString &text = markers[line];
        text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + d.message;
    }
    m_gutter->setMarkers(markers);
    updateSelections();
}

QTextCursor ScenarioTextEdit::rangeOf(const scenarios::Diagnostic &diagnostic) const
{
    const QTextDocument *doc = document();
    const QTextBlock block = doc->findBlockByNumber(std::clamp(diagnostic.where.line, 1, doc->blockCount()) - 1);
    const QString text = block.text();
    const int size = int(text.size());
    // Column 0 (no column known) marks the line from its first character.
    int start = std::clamp(diagnostic.where.column - 1, 0, size);
    if (diagnostic.where.column < 1)
        while (start < size && text.at(start).isSpace())
            ++start;
    int end = start;
    if (end < size && isWordChar(text.at(end))) {
        while (end < size && isWordChar(text.at(end)))
            ++end;
    } else if (end < size) {
        ++end;   // a quote, a bracket, a tab: one character is enough to see where
    } else if (start > 0) {
        --start;   // past the end of the line (a missing value): mark the last character
    }
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + start);
    cursor.setPosition(block.position() + end, QTextCursor::KeepAnchor);
    return cursor;
}

void ScenarioTextEdit::jumpTo(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(std::clamp(line, 1, document()->blockCount()) - 1);
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + std::clamp(column - 1, 0, int(block.text().size())));
    setTextCursor(cursor);
    centerCursor();
    setFocus(Qt::OtherFocusReason);
}

void ScenarioTextEdit::addOwnedAction(QAction *action)
{
    if (!m_ownedActions.contains(action))
        m_ownedActions.append(action);
}

QAction *ScenarioTextEdit::ownedActionFor(const QKeyEvent *event) const
{
    const QKeySequence pressed(event->keyCombination());
    for (QAction *action : m_ownedActions)
        if (action->isEnabled() && !action->shortcut().isEmpty()
            && action->shortcut().matches(pressed) == QKeySequence::ExactMatch)
            return action;
    return nullptr;
}

bool ScenarioTextEdit::event(QEvent *event)
{
    // Accepting the override makes the key arrive here as a key press instead of triggering the
    // window's shortcut with the same keys.
    if (event->type() == QEvent::ShortcutOverride && ownedActionFor(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    return QPlainTextEdit::event(event);
}

void ScenarioTextEdit::keyPressEvent(QKeyEvent *event)
{
    if (QAction *action = ownedActionFor(event)) {
        action->trigger();
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void ScenarioTextEdit::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect area = contentsRect();
    m_gutter->setGeometry(area.left(), area.top(), m_gutter->preferredWidth(), area.height());
}

void ScenarioTextEdit::updateGutterWidth()
{
    setViewportMargins(m_gutter->preferredWidth(), 0, 0, 0);
    const QRect area = contentsRect();
    m_gutter->setGeometry(area.left(), area.top(), m_gutter->preferredWidth(), area.height());
}

void ScenarioTextEdit::updateGutterArea(const QRect &rect, int dy)
{
    if (dy != 0)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
}

void ScenarioTextEdit::updateSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    QTextEdit::ExtraSelection line;
    QColor tint = palette().color(QPalette::Highlight);
    tint.setAlpha(28);
    line.format.setBackground(tint);
    line.format.setProperty(QTextFormat::FullWidthSelection, true);
    line.cursor = textCursor();
    line.cursor.clearSelection();
    selections << line;
    for (const scenarios::Diagnostic &d : m_diagnostics) {
        QTextEdit::ExtraSelection error;
        error.cursor = rangeOf(d);
        error.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        error.format.setUnderlineColor(QColor(0xd0, 0x20, 0x20));
        error.format.setToolTip(d.message);
        selections << error;
    }
    setExtraSelections(selections);
    m_gutter->update();
}

QStringList ScenarioTextEdit::messagesAt(int position) const
{
    QStringList messages;
    for (const scenarios::Diagnostic &d : m_diagnostics) {
        const QTextCursor range = rangeOf(d);
        if (position >= range.selectionStart() && position <= range.selectionEnd())
            messages << d.message;
    }
    return messages;
}

bool ScenarioTextEdit::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QStringList messages = messagesAt(cursorForPosition(help->pos()).position());
        if (!messages.isEmpty())
            QToolTip::showText(help->globalPos(), messages.join(QLatin1Char('\n')), viewport());
        else
            QToolTip::hideText();
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

} // namespace widgets
