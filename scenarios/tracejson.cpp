#include "tracejson.h"

#include "atomicfile.h"

#include <QJsonArray>
#include <QJsonObject>

namespace scenarios {

namespace {

QJsonValue idOrNull(qint32 id)
{
    return id < 0 ? QJsonValue() : QJsonValue(id);
}

QJsonValue textOrNull(const engine::Trace &trace, qint32 text)
{
    return engine::Trace::hasText(text) ? QJsonValue(trace.string(text)) : QJsonValue();
}

// `detail` only means something for a few kinds; elsewhere it is always 0 and says nothing.
QJsonValue detailOf(const engine::TraceEvent &e)
{
    switch (e.kind) {
    case engine::EventKind::Suspended:
    case engine::EventKind::CancelDelivered:
        return QString::fromLatin1(engine::toString(engine::WaitReason(e.detail)));
    case engine::EventKind::ScopeEntered:
        return QString::fromLatin1(engine::toString(engine::ScopeKind(e.detail)));
    default:
        return {};
    }
}

QJsonArray tasksOf(const engine::Trace &trace)
{
    QJsonArray tasks;
    for (size_t i = 0; i < trace.tasks().size(); ++i) {
        const engine::TraceTask &t = trace.tasks()[i];
        tasks.append(QJsonObject{{QStringLiteral("id"), qint64(i)},
                                 {QStringLiteral("name"), trace.taskName(engine::TaskId(i))},
                                 {QStringLiteral("parent"), idOrNull(t.parent)},
                                 {QStringLiteral("scope"), idOrNull(t.scope)}});
    }
    return tasks;
}

QJsonArray scopesOf(const engine::Trace &trace)
{
    QJsonArray scopes;
    for (size_t i = 0; i < trace.scopes().size(); ++i) {
        const engine::TraceScope &s = trace.scopes()[i];
        scopes.append(QJsonObject{{QStringLiteral("id"), qint64(i)},
                                  {QStringLiteral("name"), trace.scopeName(engine::ScopeId(i))},
                                  {QStringLiteral("owner"), idOrNull(s.owner)},
                                  {QStringLiteral("parent"), idOrNull(s.parent)},
                                  {QStringLiteral("kind"), QString::fromLatin1(engine::toString(s.kind))}});
    }
    return scopes;
}

QJsonArray eventsOf(const engine::Trace &trace)
{
    QJsonArray events;
    for (int seq = 0; seq < trace.size(); ++seq) {
        const engine::TraceEvent &e = trace.at(seq);
        events.append(QJsonObject{{QStringLiteral("seq"), seq},
                                  {QStringLiteral("t"), e.time},
                                  {QStringLiteral("kind"), QString::fromLatin1(engine::toString(e.kind))},
                                  {QStringLiteral("task"), idOrNull(e.task)},
                                  {QStringLiteral("scope"), idOrNull(e.scope)},
                                  {QStringLiteral("cause"), idOrNull(e.cause)},
                                  {QStringLiteral("other"), idOrNull(e.other)},
                                  {QStringLiteral("text"), textOrNull(trace, e.text)},
                                  {QStringLiteral("value"), e.value < 0 ? QJsonValue() : QJsonValue(e.value)},
                                  {QStringLiteral("detail"), detailOf(e)}});
    }
    return events;
}

} // namespace

QJsonDocument traceToJson(const ScenarioRun &run)
{
    const Scenario &sc = run.scenario();
    const engine::Trace &trace = run.trace();
    QJsonObject root{
        {QStringLiteral("format"), QStringLiteral("taskscope-trace")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("scenario"), QJsonObject{{QStringLiteral("path"), sc.sourcePath()},
                                                 {QStringLiteral("title"), sc.title()},
                                                 {QStringLiteral("profile"), sc.profile()},
                                                 {QStringLiteral("text"), sc.sourceText()}}},
        {QStringLiteral("outcome"), run.outcomeText()},
        {QStringLiteral("now"), run.runtime().now()},
        {QStringLiteral("tasks"), tasksOf(trace)},
        {QStringLiteral("scopes"), scopesOf(trace)},
        {QStringLiteral("events"), eventsOf(trace)},
    };
    return QJsonDocument(root);
}

bool writeTraceJson(const ScenarioRun &run, const QString &path, QString *error)
{
    return writeFileAtomically(path, traceToJson(run).toJson(QJsonDocument::Compact), error, QStringLiteral("trace"));
}

} // namespace scenarios
