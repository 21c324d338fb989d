#pragma once

#include "scenarios/scenario.h"

#include <QListWidget>

#include <vector>

namespace widgets {

/// The problems of the edited scenario under the editor, one row each ("line 7, column 11:
/// unknown step …"); clicking a row asks the editor to jump there. Hidden while there are none.
class DiagnosticList : public QListWidget
{
    Q_OBJECT

public:
    explicit DiagnosticList(QWidget *parent = nullptr);

    void setDiagnostics(const std::vector<scenarios::Diagnostic> &diagnostics);
    QSize sizeHint() const override;

signals:
    /// A row was clicked or activated: its 1-based line and column.
    void diagnosticActivated(int line, int column);
};

} // namespace widgets
