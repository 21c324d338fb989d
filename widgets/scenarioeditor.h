#pragma once

#include "scenarios/scenario.h"

#include <QWidget>

#include <optional>
#include <vector>

class QAction;
class QLabel;
class QTimer;

namespace widgets {

class DiagnosticList;
class ScenarioHighlighter;
class ScenarioTextEdit;

/// Edits a scenario's YAML: highlighted text with a line-number gutter, problems underlined as
/// you type (re-parsed ~300 ms after the last key), a list of them below, Ctrl+R to re-run the
/// edited text, save / save as. Built-in scenarios (":/…") are read-only sources: saving one asks
/// for a new file. Edits are never dropped silently: callers ask maybeSave() first.
class ScenarioEditor : public QWidget
{
    Q_OBJECT

public:
    /// How long typing must pause before the text is parsed again.
    static constexpr int RevalidateDelayMs = 300;

    explicit ScenarioEditor(QWidget *parent = nullptr);

    /// Shows `text` as the content of `path` (a file, a ":/…" built-in, or empty for a new
    /// scenario): unmodified, undo history cleared, problems shown at once.
    void setSource(const QString &path, const QString &text);
    QString path() const { return m_path; }
    QString text() const;
    bool isModified() const;
    /// The source cannot be written back (a built-in, or no file yet): save() goes to saveAs().
    bool needsNewFile() const;
    /// The problems of the text as last parsed (revalidateNow() parses at once).
    const std::vector<scenarios::Diagnostic> &diagnostics() const { return m_diagnostics; }
    /// The scenario as last parsed, if the text is valid.
    const std::optional<scenarios::Scenario> &scenario() const { return m_scenario; }

    /// Writes the text to `path` atomically (QSaveFile), without dialogs. On success the editor
    /// shows that file, unmodified; on failure lastError() says why and the text stays modified.
    bool saveTo(const QString &path);
    QString lastError() const { return m_lastError; }
    /// If there are unsaved edits, asks Save / Discard / Cancel. True when the caller may go on.
    bool maybeSave(QWidget *parent);

    ScenarioTextEdit *textEdit() const { return m_edit; }
    ScenarioHighlighter *highlighter() const { return m_highlighter; }
    DiagnosticList *diagnosticList() const { return m_list; }
    QAction *rerunAction() const { return m_rerunAction; }
    QAction *saveAction() const { return m_saveAction; }
    QAction *saveAsAction() const { return m_saveAsAction; }

public slots:
    /// Parses the text now (what the debounce timer does when typing pauses).
    void revalidateNow();
    /// Emits rerunRequested() with the text's scenario, or shows why it cannot run.
    void rerun();
    /// Saves to path(); a built-in or new text asks for a file name. Reports failures in a box.
    bool save();
    /// Asks for a file name and saves there.
    bool saveAs();

signals:
    void rerunRequested(const scenarios::Scenario &scenario);
    void diagnosticsChanged();
    void modificationChanged(bool modified);
    void pathChanged(const QString &path);

private:
    void createActions();
    void setPath(const QString &path);
    void updateTitle();
    void showStatus(const QString &text, bool problem);
    void saveFailed();

    ScenarioTextEdit *m_edit = nullptr;
    ScenarioHighlighter *m_highlighter = nullptr;
    DiagnosticList *m_list = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_revalidate = nullptr;
    QAction *m_rerunAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QString m_path;
    QString m_lastError;
    std::vector<scenarios::Diagnostic> m_diagnostics;
    std::optional<scenarios::Scenario> m_scenario;
};

} // namespace widgets
