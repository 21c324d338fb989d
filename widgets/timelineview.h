#pragma once

#include "timeaxis.h"
#include "timelinegeometry.h"

#include "engine/types.h"

#include <QAbstractScrollArea>

#include <vector>

namespace widgets {

class TimelineModel;
class TimeRuler;

/// Every task's lifecycle as one lane, all painted by this one widget (no widget or item per
/// span). Lanes come from outside (the task tree's visible rows) or default to the model's tree
/// order. Ctrl+wheel zooms around the cursor, Shift+wheel and dragging pan, the wheel scrolls
/// lanes, double-click fits the run. It only reads the model; it never drives the run.
class TimelineView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    /// What is under a point of the viewport.
    struct Hit
    {
        engine::TaskId task = engine::NoId;
        int lane = -1;
        double time = 0;
        int span = -1;   ///< index into the task's spans, -1 if none at that time
    };

    explicit TimelineView(QWidget *parent = nullptr);
    ~TimelineView() override;

    void setModel(const TimelineModel *model);
    const TimelineModel *model() const { return m_model; }

    /// The tasks shown, one lane each, top to bottom.
    void setLanes(std::vector<engine::TaskId> lanes);
    const std::vector<engine::TaskId> &lanes() const;
    void setLaneHeight(int height);
    int laneHeight() const { return m_laneHeight; }
    /// Height of the ruler above the lanes (the panel matches it to the tree's header).
    void setRulerHeight(int height);
    int rulerHeight() const { return m_rulerHeight; }

    engine::TaskId selectedTask() const { return m_selected; }
    void setSelectedTask(engine::TaskId task);

    /// The current time↔pixel mapping of the viewport.
    TimeAxis axis() const;
    /// True while the view re-fits itself to the run as it grows (until the user zooms).
    bool followsRun() const { return m_follow; }
    /// Viewport y of the top edge of `lane`.
    int laneTop(int lane) const;
    /// The lane at viewport y, or -1.
    int laneAt(int y) const;
    Hit hitTest(const QPoint &viewportPos) const;
    /// The shapes of the last paint (tests, benchmarks) and its duration.
    const TimelineGeometry &geometry() const { return m_geometry; }
    qint64 lastPaintNanoseconds() const { return m_lastPaintNs; }

public slots:
    void zoomIn();
    void zoomOut();
    /// Scales by `factor` keeping the time under viewport x `anchor` in place.
    void zoomBy(double factor, double anchor);
    /// Shows the whole run and follows it as it grows.
    void fitToRun();

signals:
    /// The user clicked a lane (the panel selects the task's row).
    void taskClicked(engine::TaskId task);
    void selectedTaskChanged(engine::TaskId task);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    void modelChanged();
    void updateScrollBars();
    void placeRuler();
    void syncRuler();
    double fitPixelsPerTick() const;
    double maxPixelsPerTick() const;
    void setHoverLane(int lane);
    void paintLaneBackgrounds(QPainter &p, int first, int last);
    void paintOverlays(QPainter &p, int first, int last);
    QString toolTipAt(const QPoint &pos) const;

    static constexpr int LeftPad = 16;
    static constexpr int RightPad = 56;

    const TimelineModel *m_model = nullptr;
    TimeRuler *m_ruler = nullptr;
    std::vector<engine::TaskId> m_lanes;
    bool m_lanesFromModel = true;
    quint64 m_lanesRevision = 0;
    int m_laneHeight = 24;
    int m_rulerHeight = 24;
    double m_pixelsPerTick = 1;
    bool m_follow = true;
    engine::TaskId m_selected = engine::NoId;
    int m_hoverLane = -1;
    QPoint m_pressPos;
    QPoint m_pressScroll;
    bool m_pressed = false;
    bool m_dragging = false;
    qint64 m_lastPaintNs = 0;
    TimelineGeometry m_geometry;
};

} // namespace widgets
