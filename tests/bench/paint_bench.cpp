// Paint benchmark of the timeline (a program that prints numbers, not a timed test).
//
//   taskscope_paintbench [N ...]        default: 1000 10000 100000
//
// For each N it runs a scenario of about N tasks on the engine (a wait_all of groups: most groups
// wait for all their leaves, some race them so the losers are cancelled, some contain a failing
// leaf whose error the group catches), shows a TimelineView of it at 1600x1000 on the current
// platform (use QT_QPA_PLATFORM=offscreen), paints frames fitted, zoomed in and panned (every frame
// changes the layout, so the cached geometry is rebuilt each time), and prints the median paint
// time per mode and overall, and its ratio to the 8 ms budget of a smooth frame.

#include "engine/error.h"
#include "engine/helpers/asyncgui.h"
#include "engine/runtime.h"
#include "widgets/timelinemodel.h"
#include "widgets/timelineview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QTextStream>

#include <algorithm>
#include <ctime>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <vector>

using namespace engine;

namespace {

constexpr double BudgetMs = 8.0;
constexpr int LeavesPerGroup = 49;

// Deterministic durations: the shared LCG of the engine benchmarks.
struct Lcg
{
    std::uint32_t x = 12345;
    Tick next(Tick lo, Tick span)
    {
        x = 1664525u * x + 1013904223u;
        return lo + Tick((x >> 8) % std::uint32_t(span));
    }
};

Body leaf(Tick first, int sleeps, bool fails)
{
    return [first, sleeps, fails](Ctx ctx) -> QCoro::Task<Value> {
        for (int i = 0; i < sleeps; ++i)
            co_await ctx.sleep(i == 0 ? first : 1 + first / 7);
        if (fails)
            throw Error::plain(QStringLiteral("ValueError"), QStringLiteral("leaf failed"), ctx.task);
        co_return first;
    };
}

// kind 0: wait_all; 1: wait_any (losers cancelled); 2: wait_all with a failing leaf, caught here.
Body group(int kind, std::vector<asyncgui::Child> leaves)
{
    return [kind, leaves](Ctx ctx) -> QCoro::Task<Value> {
        std::vector<asyncgui::Child> children = leaves;
        if (kind == 1) {
            co_await asyncgui::waitAny(ctx, std::move(children));
            co_return 1;
        }
        bool failed = false;
        try {
            co_await asyncgui::waitAll(ctx, std::move(children));
        } catch (const Error &) {
            failed = true;   // no co_await in a handler (design.md §2)
        }
        co_return failed ? 2 : 0;
    };
}

std::unique_ptr<Runtime> buildRun(int n)
{
    auto rt = std::make_unique<Runtime>(Profile::asyncgui());
    const int groups = std::max(1, (n - 1 + LeavesPerGroup) / (LeavesPerGroup + 1));
    Lcg lcg;
    std::vector<asyncgui::Child> all;
    all.reserve(size_t(groups));
    for (int g = 0; g < groups; ++g) {
        const int kind = g % 10 == 3 ? 1 : g % 10 == 7 ? 2 : 0;
        std::vector<asyncgui::Child> leaves;
        for (int i = 0; i < LeavesPerGroup; ++i) {
            const Tick d = lcg.next(1, 2000);
            const int sleeps = i % 7 == 0 ? 6 : 1;
            leaves.push_back({QStringLiteral("leaf %1.%2").arg(g).arg(i), leaf(d, sleeps, kind == 2 && i == 5)});
        }
        all.push_back({QStringLiteral("group %1").arg(g), group(kind, std::move(leaves))});
    }
    rt->spawn(NoId, QStringLiteral("main"), [all](Ctx ctx) -> QCoro::Task<Value> {
        std::vector<asyncgui::Child> children = all;
        co_await asyncgui::waitAll(ctx, std::move(children));
        co_return {};
    });
    rt->scheduler().runUntilIdle();
    return rt;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// CPU time of each frame's grab, next to the view's own (wall-clock) paint time: on a machine
// shared with compilers the wall clock counts the time the thread waited for a core.
std::vector<double> g_cpu;

double paintOnce(widgets::TimelineView &view)
{
    // Rendered into a pixmap: works on every platform plugin, exposed window or not, and still
    // runs the view's own paintEvent (which times itself).
    const double before = threadCpuMs();
    view.viewport()->grab();
    g_cpu.push_back(threadCpuMs() - before);
    return double(view.lastPaintNanoseconds()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QTextStream out(stdout);
    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i)
        if (const int n = QString::fromLocal8Bit(argv[i]).toInt(); n > 0)
            sizes.push_back(n);
    if (sizes.empty())
        sizes = {1000, 10000, 100000};

    out << "timeline paint benchmark, 1600x1000, platform " << QApplication::platformName() << "\n";
    out << "paint ms = the view's paintEvent (wall clock); cpu ms = thread CPU time of the whole grab\n";
    out << "      tasks    events  run ms  model ms |  fit ms  zoom ms   pan ms | median ms  ratio to 8 ms | cpu ms\n";
    bool ok = true;
    for (const int n : sizes) {
        QElapsedTimer clock;
        clock.start();
        auto rt = buildRun(n);
        const double runMs = double(clock.nsecsElapsed()) / 1e6;
        clock.restart();
        widgets::TimelineModel model;
        model.setTrace(&rt->trace());
        model.update(rt->now());
        const double modelMs = double(clock.nsecsElapsed()) / 1e6;

        widgets::TimelineView view;
        view.setModel(&model);
        view.resize(1600, 1000);
        view.show();
        paintOnce(view);   // warm-up: fonts, error-path cache
        g_cpu.clear();
        QScrollBar *v = view.verticalScrollBar();
        QScrollBar *h = view.horizontalScrollBar();

        // Fitted: scroll down through the lanes, a new layout every frame.
        std::vector<double> fit, zoom, pan;
        for (int f = 0; f < 60; ++f) {
            v->setValue(int((qint64(v->maximum()) * f) / 59));
            fit.push_back(paintOnce(view));
        }
        // Zoomed in step by step around the middle (×1.25 per frame, up to ×~800).
        v->setValue(v->maximum() / 2);
        for (int f = 0; f < 30; ++f) {
            view.zoomBy(1.25, view.viewport()->width() / 2.0);
            zoom.push_back(paintOnce(view));
        }
        // Panned at that zoom: sideways and down, a few lanes per frame.
        for (int f = 0; f < 60; ++f) {
            h->setValue(h->value() + (f % 20 < 10 ? 97 : -97));
            v->setValue(v->value() + 3 * view.laneHeight());
            pan.push_back(paintOnce(view));
        }
        std::vector<double> all = fit;
        all.insert(all.end(), zoom.begin(), zoom.end());
        all.insert(all.end(), pan.begin(), pan.end());
        const double m = median(all);
        ok = ok && view.geometry().shapeCount() > 0;
        out << QString::asprintf("%11d %9d %7.0f %9.0f | %7.3f %8.3f %8.3f | %9.3f  %5.3f %-11s | %6.3f\n",
                                 model.taskCount(), rt->trace().size(), runMs, modelMs, median(fit), median(zoom),
                                 median(pan), m, m / BudgetMs, m < BudgetMs ? "ok" : "OVER BUDGET", median(g_cpu));
        out.flush();
    }
    return ok ? 0 : 1;
}
