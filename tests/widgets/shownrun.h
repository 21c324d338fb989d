#pragma once

// A finished engine run shown in a timeline view (not on screen): what most timeline tests start from.

#include "widgets/timelinemodel.h"
#include "widgets/timelineview.h"

#include "engine/runtime.h"

#include <QSize>

#include <memory>

namespace testruns {

/// Runs `runtime` to the end and shows it in a view of `size`. Tests unpack it with
/// `auto &[rt, model, view] = shown;`.
struct ShownRun
{
    std::unique_ptr<engine::Runtime> rt;
    widgets::TimelineModel model;
    widgets::TimelineView view;

    ShownRun(std::unique_ptr<engine::Runtime> runtime, QSize size)
        : rt(std::move(runtime))
    {
        rt->scheduler().runUntilIdle();
        model.setTrace(&rt->trace());
        view.setModel(&model);
        view.resize(size);
    }
};

} // namespace testruns
