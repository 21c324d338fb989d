#pragma once

#include <QColor>
#include <QIcon>

namespace widgets {

/// Simple drawn icons for the clock verbs: crisp at any scale and the same on every platform
/// style (the style's media icons differ per platform and lack "step instant").
class ClockIcons
{
public:
    enum class Kind { Step, StepInstant, RunToEnd, Play, Pause, Reset, StepBack, StepBackInstant, AdvanceBy, RunToTime };
    static QIcon icon(Kind kind, const QColor &colour);
};

} // namespace widgets
