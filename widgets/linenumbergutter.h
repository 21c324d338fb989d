#pragma once

#include <QMap>
#include <QWidget>

namespace widgets {

class ScenarioTextEdit;

/// The strip left of a ScenarioTextEdit: line numbers and a marker on each line with a
/// problem (its messages as the marker's tooltip; a click puts the cursor on the problem).
class LineNumberGutter : public QWidget
{
    Q_OBJECT

public:
    explicit LineNumberGutter(ScenarioTextEdit *edit);

    /// Messages by 1-based line; a line with several problems joins them with newlines.
    void setMarkers(const QMap<int, QString> &markers);
    const QMap<int, QString> &markers() const { return m_markers; }
    /// The width the edit reserves for the gutter (digits of the last line number + marker).
    int preferredWidth() const;
    QSize sizeHint() const override { return {preferredWidth(), 0}; }

signals:
    /// The marker of `line` (1-based) was clicked.
    void markerClicked(int line);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    /// The 1-based line at `y`, or 0.
    int lineAt(int y) const;
    int markerWidth() const;

    ScenarioTextEdit *m_edit = nullptr;
    QMap<int, QString> m_markers;
};

} // namespace widgets
