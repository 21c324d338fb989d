#include "chrometrace.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <vector>

namespace scenarios {

namespace {

using engine::EventKind;
using engine::TaskId;
using engine::Tick;
using engine::TraceEvent;

constexpr qint64 MicrosPerTick = 1000;
constexpr int Pid = 1;

struct Lifetime
{
    Tick spawned = 0;
    Tick ended = -1;
    QString outcome = QStringLiteral("running");
    QString value;           // result or error text
    bool waiting = false;
    Tick waitBegin = 0;
    QString waitName;
};

int tidOf(TaskId task) { return int(task) + 1; }

// A task's life slice lasts 1 µs longer than its ticks say: a flow may start at the very tick a
// task ends and must still bind to it. Waits inside keep their exact length, so that two waits
// back to back never overlap on the track.
QJsonObject slice(const QString &name, const QString &cat, int tid, Tick begin, Tick end, bool pad,
                  QJsonObject args = {})
{
    QJsonObject o{{QStringLiteral("ph"), QStringLiteral("X")}, {QStringLiteral("name"), name},
                  {QStringLiteral("cat"), cat}, {QStringLiteral("pid"), Pid}, {QStringLiteral("tid"), tid},
                  {QStringLiteral("ts"), begin * MicrosPerTick},
                  {QStringLiteral("dur"), (end - begin) * MicrosPerTick + (pad ? 1 : 0)}};
    if (!args.isEmpty())
        o.insert(QStringLiteral("args"), args);
    return o;
}

QJsonObject instant(const QString &name, const QString &cat, int tid, Tick at, QJsonObject args = {})
{
    QJsonObject o{{QStringLiteral("ph"), QStringLiteral("i")}, {QStringLiteral("s"), QStringLiteral("t")},
                  {QStringLiteral("name"), name}, {QStringLiteral("cat"), cat}, {QStringLiteral("pid"), Pid},
                  {QStringLiteral("tid"), tid}, {QStringLiteral("ts"), at * MicrosPerTick}};
    if (!args.isEmpty())
        o.insert(QStringLiteral("args"), args);
    return o;
}

QJsonObject metadata(const QString &name, int tid, const QJsonObject &args)
{
    return {{QStringLiteral("ph"), QStringLiteral("M")}, {QStringLiteral("name"), name},
            {QStringLiteral("pid"), Pid}, {QStringLiteral("tid"), tid}, {QStringLiteral("args"), args}};
}

// Both ends of one flow arrow ("s" then "f" bound to the enclosing slice).
void flow(QJsonArray &out, int id, const QString &name, int fromTid, Tick from, int toTid, Tick to)
{
    const QString cat = QStringLiteral("flow");
    out.append(QJsonObject{{QStringLiteral("ph"), QStringLiteral("s")}, {QStringLiteral("id"), id},
                           {QStringLiteral("name"), name}, {QStringLiteral("cat"), cat}, {QStringLiteral("pid"), Pid},
                           {QStringLiteral("tid"), fromTid}, {QStringLiteral("ts"), from * MicrosPerTick}});
    out.append(QJsonObject{{QStringLiteral("ph"), QStringLiteral("f")}, {QStringLiteral("bp"), QStringLiteral("e")},
                           {QStringLiteral("id"), id}, {QStringLiteral("name"), name}, {QStringLiteral("cat"), cat},
                           {QStringLiteral("pid"), Pid}, {QStringLiteral("tid"), toTid},
                           {QStringLiteral("ts"), to * MicrosPerTick}});
}

QString waitName(const engine::Trace &trace, const TraceEvent &e)
{
    const QString reason = QString::fromLatin1(engine::toString(engine::WaitReason(e.detail)));
    if (e.value >= 0 && engine::WaitReason(e.detail) == engine::WaitReason::Sleep)
        return QStringLiteral("sleep until %1").arg(e.value);
    if (e.other >= 0)
        return QStringLiteral("%1 %2").arg(reason, trace.taskName(e.other));
    return reason;
}

// "main › wait_any › A": the track name shows where a task sits in the tree.
QString pathOf(const engine::Trace &trace, TaskId task)
{
    QStringList parts;
    for (TaskId t = task; t >= 0 && size_t(t) < trace.tasks().size(); t = trace.tasks()[size_t(t)].parent)
        parts.prepend(trace.taskName(t));
    return parts.join(QStringLiteral(" › "));
}

// Tasks in tree order (parents first, children in spawn order) for the tracks' sort index.
std::vector<int> treeRanks(const engine::Trace &trace)
{
    const size_t n = trace.tasks().size();
    std::vector<std::vector<TaskId>> children(n);
    std::vector<TaskId> roots;
    for (size_t i = 0; i < n; ++i) {
        const TaskId parent = trace.tasks()[i].parent;
        (parent >= 0 && size_t(parent) < n ? children[size_t(parent)] : roots).push_back(TaskId(i));
    }
    std::vector<int> rank(n, 0);
    int next = 0;
    std::vector<TaskId> stack(roots.rbegin(), roots.rend());
    while (!stack.empty()) {
        const TaskId t = stack.back();
        stack.pop_back();
        rank[size_t(t)] = next++;
        stack.insert(stack.end(), children[size_t(t)].rbegin(), children[size_t(t)].rend());
    }
    return rank;
}

} // namespace

QJsonDocument chromeTraceJson(const engine::Trace &trace, Tick now, const QString &title)
{
    QJsonArray out;
    out.append(metadata(QStringLiteral("process_name"), 0, {{QStringLiteral("name"), title}}));
    const std::vector<int> ranks = treeRanks(trace);
    for (size_t i = 0; i < trace.tasks().size(); ++i) {
        const int tid = tidOf(TaskId(i));
        out.append(metadata(QStringLiteral("thread_name"), tid, {{QStringLiteral("name"), pathOf(trace, TaskId(i))}}));
        out.append(metadata(QStringLiteral("thread_sort_index"), tid, {{QStringLiteral("sort_index"), ranks[i]}}));
    }

    std::vector<Lifetime> life(trace.tasks().size());
    int flowId = 0;
    auto closeWait = [&](TaskId task, Tick at) {
        Lifetime &l = life[size_t(task)];
        if (!l.waiting)
            return;
        out.append(slice(l.waitName, QStringLiteral("wait"), tidOf(task), l.waitBegin, at, false));
        l.waiting = false;
    };
    // An arrow leaves a task no later than its end: an error may reach its scope long after the
    // failing task ended (zip_par awaits its arguments in order), and the arrow must still start
    // on that task's slice.
    auto within = [&](TaskId task, Tick at) {
        const Lifetime &l = life[size_t(task)];
        return l.ended >= 0 ? std::min(at, l.ended) : at;
    };
    auto end = [&](const TraceEvent &e, const QString &outcome) {
        closeWait(e.task, e.time);
        Lifetime &l = life[size_t(e.task)];
        l.ended = e.time;
        l.outcome = outcome;
        l.value = trace.string(e.text);
    };

    for (int seq = 0; seq < trace.size(); ++seq) {
        const TraceEvent &e = trace.at(seq);
        const bool hasTask = e.task >= 0 && size_t(e.task) < life.size();
        switch (e.kind) {
        case EventKind::Spawned:
            if (hasTask)
                life[size_t(e.task)].spawned = e.time;
            break;
        case EventKind::Suspended:
            if (hasTask) {
                Lifetime &l = life[size_t(e.task)];
                closeWait(e.task, e.time);
                l.waiting = true;
                l.waitBegin = e.time;
                l.waitName = waitName(trace, e);
            }
            break;
        case EventKind::Resumed:
            if (hasTask)
                closeWait(e.task, e.time);
            break;
        case EventKind::Completed: if (hasTask) end(e, QStringLiteral("completed")); break;
        case EventKind::Failed: if (hasTask) end(e, QStringLiteral("failed")); break;
        case EventKind::Cancelled: if (hasTask) end(e, QStringLiteral("cancelled")); break;
        case EventKind::CancelRequested: {
            const int target = hasTask ? tidOf(e.task) : (e.other >= 0 ? tidOf(e.other) : 0);
            QJsonObject args{{QStringLiteral("why"), trace.string(e.text)}};
            if (e.other >= 0)
                args.insert(QStringLiteral("by"), trace.taskName(e.other));
            if (e.scope >= 0)
                args.insert(QStringLiteral("scope"), trace.scopeName(e.scope));
            if (target > 0)
                out.append(instant(QStringLiteral("cancel requested"), QStringLiteral("cancel"), target, e.time, args));
            // A request aimed straight at a task: one arrow now. A scope-wide one: arrows at delivery.
            if (hasTask && e.other >= 0)
                flow(out, ++flowId, QStringLiteral("cancel"), tidOf(e.other), within(e.other, e.time), tidOf(e.task), e.time);
            break;
        }
        case EventKind::CancelDelivered:
            if (hasTask) {
                out.append(instant(QStringLiteral("cancel delivered"), QStringLiteral("cancel"), tidOf(e.task), e.time));
                if (e.cause >= 0 && e.cause < trace.size()) {
                    const TraceEvent &request = trace.at(e.cause);
                    if (request.kind == EventKind::CancelRequested && request.task < 0 && request.other >= 0)
                        flow(out, ++flowId, QStringLiteral("cancel"), tidOf(request.other), within(request.other, request.time),
                             tidOf(e.task), e.time);
                }
            }
            break;
        case EventKind::ErrorPropagated:
            if (hasTask && e.other >= 0)
                flow(out, ++flowId, QStringLiteral("error"), tidOf(e.task), within(e.task, e.time), tidOf(e.other), e.time);
            break;
        case EventKind::ErrorsGrouped:
            if (hasTask)
                out.append(instant(QStringLiteral("errors grouped"), QStringLiteral("error"), tidOf(e.task), e.time,
                                   {{QStringLiteral("error"), trace.string(e.text)}}));
            break;
        case EventKind::ValueEmitted:
            if (hasTask)
                out.append(instant(QStringLiteral("emit"), QStringLiteral("stream"), tidOf(e.task), e.time,
                                   {{QStringLiteral("value"), trace.string(e.text)}}));
            break;
        default:
            break;
        }
    }

    for (size_t i = 0; i < life.size(); ++i) {
        const Lifetime &l = life[i];
        const Tick endAt = l.ended >= 0 ? l.ended : std::max(now, l.spawned);
        if (l.waiting)
            out.append(slice(l.waitName, QStringLiteral("wait"), tidOf(TaskId(i)), l.waitBegin, endAt, false));
        QJsonObject args{{QStringLiteral("outcome"), l.outcome}};
        if (!l.value.isEmpty())
            args.insert(l.outcome == QLatin1String("completed") ? QStringLiteral("result") : QStringLiteral("error"), l.value);
        const TaskId parent = trace.tasks()[i].parent;
        if (parent >= 0)
            args.insert(QStringLiteral("parent"), trace.taskName(parent));
        if (trace.tasks()[i].scope >= 0)
            args.insert(QStringLiteral("scope"), trace.scopeName(trace.tasks()[i].scope));
        out.append(slice(trace.taskName(TaskId(i)), QStringLiteral("task"), tidOf(TaskId(i)), l.spawned, endAt, true, args));
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("traceEvents"), out},
                                     {QStringLiteral("displayTimeUnit"), QStringLiteral("ms")}});
}

} // namespace scenarios
