#include "recordedrun.h"

#include "traceplayer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace scenarios {

namespace {

// A sentence for the user, thrown out of the nested readers and caught once below.
struct Refusal
{
    QString message;
};

template<typename Enum>
Enum enumNamed(const QString &name, int count, const QString &where)
{
    for (int i = 0; i < count; ++i)
        if (name == QLatin1String(engine::toString(Enum(i))))
            return Enum(i);
    throw Refusal{QStringLiteral("%1: unknown value '%2'").arg(where, name)};
}

qint32 idOf(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    return v.isNull() || v.isUndefined() ? engine::NoId : qint32(v.toInteger(engine::NoId));
}

QJsonArray arrayOf(const QJsonObject &o, const QString &key)
{
    if (!o.value(key).isArray())
        throw Refusal{QStringLiteral("the '%1' list is missing").arg(key)};
    return o.value(key).toArray();
}

void readTasks(const QJsonArray &tasks, engine::Trace &trace)
{
    for (const QJsonValue &v : tasks) {
        const QJsonObject o = v.toObject();
        const qint32 id = idOf(o, QStringLiteral("id"));
        if (id < 0 || id > 10'000'000)
            throw Refusal{QStringLiteral("a task has no valid id")};
        trace.addTask(id, {trace.intern(o.value(QStringLiteral("name")).toString()), idOf(o, QStringLiteral("parent")),
                           idOf(o, QStringLiteral("scope"))});
    }
}

void readScopes(const QJsonArray &scopes, engine::Trace &trace)
{
    constexpr int ScopeKinds = int(engine::ScopeKind::Timeout) + 1;
    for (const QJsonValue &v : scopes) {
        const QJsonObject o = v.toObject();
        const qint32 id = idOf(o, QStringLiteral("id"));
        if (id < 0 || id > 10'000'000)
            throw Refusal{QStringLiteral("a scope has no valid id")};
        const QString where = QStringLiteral("scope %1").arg(id);
        trace.addScope(id, {trace.intern(o.value(QStringLiteral("name")).toString()), idOf(o, QStringLiteral("owner")),
                            idOf(o, QStringLiteral("parent")),
                            enumNamed<engine::ScopeKind>(o.value(QStringLiteral("kind")).toString(), ScopeKinds, where)});
    }
}

void readEvents(const QJsonArray &events, engine::Trace &trace)
{
    constexpr int Kinds = int(engine::EventKind::Moved) + 1;
    constexpr int Reasons = int(engine::WaitReason::StartGate) + 1;
    constexpr int ScopeKinds = int(engine::ScopeKind::Timeout) + 1;
    engine::Tick last = 0;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QJsonObject o = events.at(i).toObject();
        const QString where = QStringLiteral("event %1").arg(i);
        engine::TraceEvent e;
        e.kind = enumNamed<engine::EventKind>(o.value(QStringLiteral("kind")).toString(), Kinds, where);
        e.time = o.value(QStringLiteral("t")).toInteger(-1);
        // The trace is ordered by time; a file that is not would draw nonsense, so refuse it.
        if (e.time < last)
            throw Refusal{QStringLiteral("%1: time %2 goes backwards (after %3)").arg(where).arg(e.time).arg(last)};
        last = e.time;
        e.task = idOf(o, QStringLiteral("task"));
        e.scope = idOf(o, QStringLiteral("scope"));
        e.cause = idOf(o, QStringLiteral("cause"));
        e.other = idOf(o, QStringLiteral("other"));
        if (e.task >= qint32(trace.tasks().size()) || e.scope >= qint32(trace.scopes().size()) || e.cause >= i)
            throw Refusal{QStringLiteral("%1: refers to a task, scope or event that does not exist").arg(where)};
        const QJsonValue value = o.value(QStringLiteral("value"));
        e.value = value.isNull() || value.isUndefined() ? -1 : value.toInteger(-1);
        const QJsonValue text = o.value(QStringLiteral("text"));
        e.text = text.isString() ? trace.intern(text.toString()) : -1;
        const QString detail = o.value(QStringLiteral("detail")).toString();
        if (!detail.isEmpty()) {
            if (e.kind == engine::EventKind::ScopeEntered)
                e.detail = quint8(enumNamed<engine::ScopeKind>(detail, ScopeKinds, where));
            else
                e.detail = quint8(enumNamed<engine::WaitReason>(detail, Reasons, where));
        }
        trace.append(e);
    }
}

} // namespace

std::optional<RecordedRun> parseRecordedRun(const QByteArray &json, const QString &path, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("%1: not a Taskscope trace (JSON error at byte %2: %3)")
                     .arg(path).arg(parseError.offset).arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String("taskscope-trace")) {
        *error = QStringLiteral("%1: not a Taskscope trace (no \"format\": \"taskscope-trace\")").arg(path);
        return std::nullopt;
    }
    const int version = root.value(QStringLiteral("version")).toInt(0);
    if (version > RecordedRun::FormatVersion) {
        *error = QStringLiteral("%1 was written by a newer Taskscope (trace format version %2); this one reads "
                                "versions up to %3. Open it with a newer Taskscope, or re-run its scenario here.")
                     .arg(path).arg(version).arg(RecordedRun::FormatVersion);
        return std::nullopt;
    }
    if (version < 1) {
        *error = QStringLiteral("%1: the trace has no valid format version").arg(path);
        return std::nullopt;
    }
    RecordedRun run;
    run.path = path;
    const QJsonObject scenario = root.value(QStringLiteral("scenario")).toObject();
    run.scenarioPath = scenario.value(QStringLiteral("path")).toString();
    run.title = scenario.value(QStringLiteral("title")).toString();
    run.profile = scenario.value(QStringLiteral("profile")).toString();
    run.scenarioText = scenario.value(QStringLiteral("text")).toString();
    run.outcome = root.value(QStringLiteral("outcome")).toString();
    run.now = root.value(QStringLiteral("now")).toInteger(0);
    run.trace = std::make_shared<engine::Trace>();
    try {
        readTasks(arrayOf(root, QStringLiteral("tasks")), *run.trace);
        readScopes(arrayOf(root, QStringLiteral("scopes")), *run.trace);
        readEvents(arrayOf(root, QStringLiteral("events")), *run.trace);
    } catch (const Refusal &r) {
        *error = QStringLiteral("%1: damaged trace: %2").arg(path, r.message);
        return std::nullopt;
    }
    if (!run.scenarioText.isEmpty()) {
        LoadResult parsed = parseScenario(run.scenarioText, run.scenarioPath.isEmpty() ? path : run.scenarioPath);
        if (parsed.ok())
            run.scenario = std::move(parsed.scenario);
    }
    return run;
}

std::shared_ptr<const engine::Trace> tracePrefix(const engine::Trace &trace, engine::Tick at)
{
    // The player only reads the recording while it is built here: borrow it without owning it.
    TracePlayer player(std::shared_ptr<const engine::Trace>(&trace, [](const engine::Trace *) {}), at);
    player.seekToTime(at);
    return player.sharedTrace();
}

std::optional<RecordedRun> loadRecordedRun(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read '%1': %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return parseRecordedRun(file.readAll(), path, error);
}

} // namespace scenarios
