#pragma once

#include "engine/types.h"

#include <QDialog>
#include <QSize>
#include <QStringList>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLineEdit;
class QRadioButton;
class QSpinBox;

/// File ▸ Export…: the format (the figures PNG, SVG and PDF, and the trace formats), the file,
/// the whole run or the visible range, the state at the playhead or at the end, and a figure's
/// size and resolution. Only the form: ExportCommand builds the export from the choice.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    /// What the form offers: times for its labels, and which choices there are.
    struct Context
    {
        QStringList formats;                      ///< the registered export formats
        engine::Tick playhead = 0;
        std::optional<engine::Tick> runEnd;       ///< unknown (or unreachable): no "at the end"
        engine::Tick visibleFrom = 0;
        engine::Tick visibleTo = 0;
        QString directory;                        ///< where the file goes first
        QString baseName;                         ///< the file's name without suffix
        QString format;                           ///< preselected format
    };

    struct Choice
    {
        QString format;
        QString path;
        bool visibleRange = false;   ///< else the whole run
        bool atEnd = false;          ///< else at the playhead
        QSize size;                  ///< pixels; height 0: fit the lanes
        int dpi = 96;
    };

    explicit ExportDialog(const Context &context, QWidget *parent = nullptr);

    Choice choice() const;
    /// Fills the form (tests, and a later "export again").
    void setChoice(const Choice &choice);

    /// Formats that are figures (size, range and resolution apply).
    static bool isFigure(const QString &format);

private:
    void formatChanged();
    void browse();
    void updateButtons();

    QComboBox *m_format = nullptr;
    QLineEdit *m_path = nullptr;
    QRadioButton *m_wholeRun = nullptr;
    QRadioButton *m_visible = nullptr;
    QRadioButton *m_atPlayhead = nullptr;
    QRadioButton *m_atEnd = nullptr;
    QGroupBox *m_figureBox = nullptr;
    QGroupBox *m_rangeBox = nullptr;
    QSpinBox *m_width = nullptr;
    QSpinBox *m_height = nullptr;
    QSpinBox *m_dpi = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QString m_lastSuffix;
};
