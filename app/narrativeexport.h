#pragma once

#include "widgets/narrativemarkdown.h"

#include <QObject>

class AppSettings;
class QAction;
class QMainWindow;
class RunController;

/// File ▸ Export narrative as Markdown…: the run on screen (live or recorded, up to the playhead)
/// as a Markdown narrative (widgets::NarrativeMarkdown), written atomically; a failure is said in a
/// message box. It puts its action into the window's File menu itself, before Quit.
class NarrativeExport : public QObject
{
    Q_OBJECT

public:
    NarrativeExport(QMainWindow *window, RunController *controller, AppSettings *settings);

    QAction *action() const { return m_action; }
    /// What the document says about the run on screen: its scenario's facts and its outcome.
    static widgets::NarrativeMarkdown::About describe(const RunController &controller);
    /// Writes the narrative to `path` without dialogs (false with a sentence in `error`).
    bool exportTo(const QString &path, QString *error) const;
    /// Asks for a file, writes it, and reports a failure in a message box.
    void exportInteractively();

private:
    QMainWindow *m_window;
    RunController *m_controller;
    AppSettings *m_settings;
    QAction *m_action;
};
