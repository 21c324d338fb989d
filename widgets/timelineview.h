#pragma once

#include "timeaxis.h"
#include "timelinegeometry.h"
#include "timelinelaneindex.h"
#include "timelinelinkpainter.h"

#include "engine/types.h"

#include <QAbstractScrollArea>

#include <vector>

namespace widgets {

class TimelineInput;
class TimelineModel;
class TimeRuler;

/// Every task's lifecycle as one lane, all painted by this one widget (no widget or item per
/// span). Lanes come from outside (the task tree's visible rows) or default to the model's tree
/// order. Ctrl+wheel, +/− and pinch zoom around the cursor (or the centre), Shift+wheel, dragging,
/// ←/→ and Home/End pan, the wheel scrolls lanes, double-click or 0 fits the run. Exception paths
/// and causality arrows are overlays that can be switched on and off. It only reads the model; it
/// never drives the run.
class TimelineView : public QAbstractScrollArea
{
    Q_OBJECT
    Q_PROPERTY(bool showErrorPaths READ showErrorPaths WRITE setShowErrorPaths NOTIFY showErrorPathsChanged)
    Q_PROPERTY(bool showCausality READ showCausality WRITE setShowCausality NOTIFY showCausalityChanged)

public:
    /// What is under a point of the viewport.
    struct Hit
    {
        engine::TaskId task = engine::NoId;
        int lane = -1;
        double time = 0;
        int span = -1;   ///< index into the task's spans, -1 if none at that time
        /// The drawn shape under the point, if any (a marble, a mark, a folded run or a span).
        bool onShape = false;
        ShapeKind shape = ShapeKind::Span;
        int index = -1;   ///< into the task's spans, marks or marbles, by `shape`
        int count = 0;    ///< spans in a folded run
    };

    /// At most this many causality arrows when no task is selected (the rest would be noise).
    static constexpr int CausalityCap = 400;

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
    /// The lane showing `task`, or its nearest shown ancestor's for a collapsed one; -1 if none.
    int laneOf(engine::TaskId task) const;

    /// Exception paths for every failure (true, the default) or only the selected task's (false).
    bool showErrorPaths() const { return m_showErrorPaths; }
    /// Causality arrows (cause → effect) for the selected task, or for all lanes (capped) when
    /// nothing is selected. Off by default.
    bool showCausality() const { return m_showCausality; }
    /// The links drawn by the last paint (tests).
    const TimelineLinkPainter &links() const { return m_links; }

    /// Filter feedback: `matches` are highlighted; while `active`, other lanes are dimmed (they
    /// are shown only as the context of a match).
    void setFilterMatches(std::vector<engine::TaskId> matches, bool active);
    bool isHighlighted(engine::TaskId task) const;
    /// Scrolls horizontally so that the task's lifetime (or its start) is in view.
    void ensureTaskVisible(engine::TaskId task);
    /// The lane drawn with a hover frame (-1: none); the input handler follows the pointer.
    void setHoverLane(int lane);
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
    void setShowErrorPaths(bool show);
    void setShowCausality(bool show);
    /// Pans by a fraction of the viewport width (negative: to the left).
    void panBy(double viewportFraction);
    void panToStart();
    void panToEnd();

signals:
    void showErrorPathsChanged(bool show);
    void showCausalityChanged(bool show);
    /// The user clicked a lane (the panel selects the task's row).
    void taskClicked(engine::TaskId task);
    void selectedTaskChanged(engine::TaskId task);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void modelChanged();
    void updateScrollBars();
    void placeRuler();
    void syncRuler();
    double fitPixelsPerTick() const;
    double maxPixelsPerTick() const;
    void paintLaneBackgrounds(QPainter &p, int first, int last);
    void paintOverlays(QPainter &p, int first, int last);
    void paintLinks(QPainter &p);
    void rebuildLaneIndex() const;
    TimelineLayout currentLayout() const;

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
    TimelineInput *m_input = nullptr;
    qint64 m_lastPaintNs = 0;
    // Hit-testing may have to build the geometry before the first paint.
    mutable TimelineGeometry m_geometry;
    TimelineLinkPainter m_links;
    bool m_showErrorPaths = true;
    bool m_showCausality = false;
    mutable TimelineLaneIndex m_laneIndex;
    std::vector<char> m_highlight;         // task id → matches the filter
    bool m_filterActive = false;

};

} // namespace widgets
