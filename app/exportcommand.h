#pragma once

#include "exportdialog.h"

#include <QObject>

class AppSettings;
class QAction;
class RunController;

namespace widgets {
class TimelinePanel;
}

/// File ▸ Export…: asks ExportDialog what to write, builds the export from the run on screen and
/// writes it with the same writers as `taskscope export` (FigureExport for the figures), through
/// QSaveFile. A failure says why in a message box and leaves no file. Remembers the folder and
/// the format in the settings.
class ExportCommand : public QObject
{
    Q_OBJECT

public:
    ExportCommand(RunController *controller, widgets::TimelinePanel *panel, AppSettings *settings, QWidget *window);

    /// The menu entry (Ctrl+Shift+E), enabled while there is a run.
    QAction *action() const { return m_action; }

    /// What the dialog offers for the run on screen.
    ExportDialog::Context context() const;
    /// Writes `choice`; false with a sentence in `error` (no dialog, no message box: tests).
    bool exportTo(const ExportDialog::Choice &choice, QString *error);

public slots:
    /// Shows the dialog, exports, reports a failure in a message box.
    void showDialog();

signals:
    void exported(const QString &path);

private:
    void updateEnabled();

    RunController *m_controller;
    widgets::TimelinePanel *m_panel;
    AppSettings *m_settings;
    QWidget *m_window;
    QAction *m_action;
};
