#pragma once

#include <QWidget>

namespace widgets {

/// One line under the timeline that names every mark it draws, with the same glyphs.
class TimelineLegend : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineLegend(QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int itemWidth(int index) const;
};

} // namespace widgets
