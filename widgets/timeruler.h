#pragma once

#include "timeaxis.h"

#include "engine/types.h"

#include <QWidget>

class QPainter;

namespace widgets {

/// The time scale above the lanes: major ticks with labels on a 1-2-5 grid that follows the zoom,
/// minor ticks between them, and the playhead's flag at now. Same x coordinates as the lanes.
class TimeRuler : public QWidget
{
    Q_OBJECT

public:
    explicit TimeRuler(QWidget *parent = nullptr);

    void setAxis(const TimeAxis &axis);
    const TimeAxis &axis() const { return m_axis; }
    void setNow(engine::Tick now);
    engine::Tick now() const { return m_now; }

    QSize sizeHint() const override;

    /// The major step of the scale (and of the lanes' grid) for `axis` with labels in `font`.
    static qint64 majorStep(const TimeAxis &axis, const QFont &font);
    /// Paints the scale into `rect`, which starts at x = 0 (the axis's x = 0): ticks, labels and the "now" flag,
    /// in `palette`'s Window, Mid and WindowText. The widget and exported figures share it.
    static void paintScale(QPainter &p, const QRect &rect, const TimeAxis &axis, engine::Tick now, const QFont &font,
                           const QPalette &palette);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    TimeAxis m_axis;
    engine::Tick m_now = 0;
};

} // namespace widgets
