// The compact per-task timeline printed by `taskscope run`.

#include "clitimeline.h"

#include "clicommon.h"

#include "engine/value.h"

#include <QTextStream>

#include <algorithm>
#include <functional>
#include <vector>

namespace commandline {

namespace {

// Tasks in task-tree order (each after its parent, siblings in spawn order) with their depth,
// the order of the window's timeline lanes.
std::vector<std::pair<engine::TaskId, int>> treeOrder(const engine::Runtime &rt)
{
    std::vector<std::vector<engine::TaskId>> children(size_t(rt.taskCount()));
    std::vector<engine::TaskId> roots;
    for (engine::TaskId id = 0; id < rt.taskCount(); ++id) {
        const engine::TaskId parent = rt.task(id).parent;
        (parent == engine::NoId ? roots : children[size_t(parent)]).push_back(id);
    }
    std::vector<std::pair<engine::TaskId, int>> order;
    const std::function<void(engine::TaskId, int)> visit = [&](engine::TaskId id, int depth) {
        order.emplace_back(id, depth);
        for (engine::TaskId child : children[size_t(id)])
            visit(child, depth + 1);
    };
    for (engine::TaskId root : roots)
        visit(root, 0);
    return order;
}

struct TimelineRow
{
    QString name;
    QString outcome;
    QString times;
    QString detail;
};

TimelineRow timelineRow(const engine::Runtime &rt, engine::TaskId id, int depth)
{
    const engine::TaskView task = rt.task(id);
    TimelineRow row;
    row.name = QString(2 * depth, QLatin1Char(' ')) + task.name;
    const QString start = task.start < 0 ? QStringLiteral("-") : QString::number(task.start);
    switch (task.state) {
    case engine::TaskState::Created:
        row.outcome = QStringLiteral("created");
        row.times = QStringLiteral("t=-");
        row.detail = QStringLiteral("not started yet");
        break;
    case engine::TaskState::Running:
    case engine::TaskState::Suspended:
        // Between two scheduler steps nothing executes: a suspended task is still running.
        row.outcome = QStringLiteral("running");
        row.times = QStringLiteral("t=%1..").arg(start);
        if (task.wait != engine::WaitReason::None)
            row.detail = QStringLiteral("waiting: ") + QLatin1String(engine::toString(task.wait));
        break;
    case engine::TaskState::Completed:
    case engine::TaskState::Failed:
    case engine::TaskState::Cancelled:
        row.outcome = QLatin1String(engine::toString(task.state));
        row.times = QStringLiteral("t=%1..%2").arg(start).arg(task.end);
        if (task.state == engine::TaskState::Completed)
            row.detail = elided(engine::describeValue(task.result));
        else if (task.error)
            row.detail = elided(task.error->describe());
        break;
    }
    return row;
}

} // namespace

void printTimeline(const engine::Runtime &rt, QTextStream &out)
{
    std::vector<TimelineRow> rows;
    for (const auto &[id, depth] : treeOrder(rt))
        rows.push_back(timelineRow(rt, id, depth));
    qsizetype nameWidth = 0;
    qsizetype timesWidth = 0;
    for (const TimelineRow &r : rows) {
        nameWidth = std::max(nameWidth, r.name.size());
        timesWidth = std::max(timesWidth, r.times.size());
    }
    constexpr int outcomeWidth = 9;   // "completed", "cancelled"
    for (const TimelineRow &r : rows) {
        QString line = QStringLiteral("  %1  %2  %3  %4")
                           .arg(r.name, -int(nameWidth))
                           .arg(r.outcome, -outcomeWidth)
                           .arg(r.times, -int(timesWidth))
                           .arg(r.detail);
        // The padding of the last columns would leave trailing blanks on rows without a detail.
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        out << line << '\n';
    }
}

} // namespace commandline
