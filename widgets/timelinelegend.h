#pragma once

#include <QWidget>

namespace widgets {

/// Names every mark the timeline draws, with the same glyphs, in as many rows as the width needs
/// (a narrow window wraps the legend instead of clipping it).
class TimelineLegend : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineLegend(QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

    /// The number of entries, and the name of entry `index` (for tests and exports).
    static int entryCount();
    static QString entryText(int index);
    /// Paints the legend into `area` (wrapping at its width) with `text` as the ink; returns the
    /// height used. The widget paints with this, and so can a figure.
    static int paint(QPainter &p, const QRect &area, const QFont &font, const QColor &text);
    /// The height paint() needs for `width`.
    static int heightFor(int width, const QFont &font);

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
};

} // namespace widgets
