#pragma once

#include "scenarios/scenario.h"

#include <QPlainTextEdit>
#include <QTextBlock>

#include <vector>

namespace widgets {

class LineNumberGutter;

/// The text area of the scenario editor: a plain-text edit with a line-number gutter, the
/// current line tinted, each diagnostic underlined with a red wave from its column to the end of
/// the word there (its message as the tooltip), and a few shortcuts that win over the window's
/// while it has the focus (see addOwnedAction()).
class ScenarioTextEdit : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit ScenarioTextEdit(QWidget *parent = nullptr);

    void setDiagnostics(const std::vector<scenarios::Diagnostic> &diagnostics);
    const std::vector<scenarios::Diagnostic> &diagnostics() const { return m_diagnostics; }
    /// The text a diagnostic points at: from its (1-based) line and column to the end of the
    /// word there; at least one character when the line has any, clamped into the document.
    QTextCursor rangeOf(const scenarios::Diagnostic &diagnostic) const;
    /// Puts the cursor at a 1-based line and column (clamped), shows it and takes the focus.
    void jumpTo(int line, int column);

    /// `action`'s shortcut is handled here first while this edit has the focus, even where the
    /// window binds the same keys (Ctrl+R re-runs the edited text here and resets the run elsewhere).
    void addOwnedAction(QAction *action);

    LineNumberGutter *gutter() const { return m_gutter; }
    // For the gutter, which paints in step with the text (both are protected in QPlainTextEdit).
    QTextBlock firstShownBlock() const { return firstVisibleBlock(); }
    QRectF blockRect(const QTextBlock &block) const;

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    QAction *ownedActionFor(const QKeyEvent *event) const;
    void updateGutterWidth();
    void updateGutterArea(const QRect &rect, int dy);
    void updateSelections();
    /// The messages of the diagnostics whose range covers document position `position`.
    QStringList messagesAt(int position) const;

    LineNumberGutter *m_gutter = nullptr;
    std::vector<scenarios::Diagnostic> m_diagnostics;
    QList<QAction *> m_ownedActions;
};

} // namespace widgets
