// ScenarioParser, second part: leaf scripts (steps) and the shared resources they use.

#include "scenarioparser.h"

#include "nearestword.h"
#include "yamlvalue.h"

#include <QRegularExpression>

namespace scenarios {

namespace {

const QStringList stepKeys{QStringLiteral("sleep"), QStringLiteral("return"), QStringLiteral("fail"),
                           QStringLiteral("checkpoint"), QStringLiteral("emit"), QStringLiteral("spawn"),
                           QStringLiteral("cancel"), QStringLiteral("acquire"), QStringLiteral("release"),
                           QStringLiteral("put"), QStringLiteral("get"), QStringLiteral("close"),
                           QStringLiteral("set"), QStringLiteral("wait"), QStringLiteral("repeat"),
                           QStringLiteral("protect"), QStringLiteral("started"), QStringLiteral("uncancel"),
                           QStringLiteral("cancelling"), QStringLiteral("catch_cancel")};
// Steps that take no value and may be written as a bare word (`- checkpoint`).
const QStringList bareSteps{QStringLiteral("checkpoint"), QStringLiteral("uncancel"), QStringLiteral("cancelling")};
const QStringList failKeys{QStringLiteral("type"), QStringLiteral("message")};
const QStringList putKeys{QStringLiteral("queue"), QStringLiteral("value")};
const QStringList repeatKeys{QStringLiteral("times"), QStringLiteral("steps")};
// In Resource::Kind order.
const QStringList resourceKinds{QStringLiteral("semaphore"), QStringLiteral("queue"), QStringLiteral("event"),
                                QStringLiteral("channel")};

Step::Kind stepKind(const QString &key)
{
    for (int k = 0; k <= int(Step::Kind::CatchCancel); ++k)
        if (key == QLatin1String(toString(Step::Kind(k))))
            return Step::Kind(k);
    return Step::Kind::Checkpoint;
}

// Which kind of resource a step works on.
std::optional<Resource::Kind> resourceFor(Step::Kind kind)
{
    switch (kind) {
    case Step::Kind::Acquire:
    case Step::Kind::Release:
        return Resource::Kind::Semaphore;
    case Step::Kind::Put:
    case Step::Kind::Get:
    case Step::Kind::Close:
        return Resource::Kind::Queue;
    case Step::Kind::Set:
    case Step::Kind::Wait:
        return Resource::Kind::Event;
    default:
        return std::nullopt;
    }
}

QString resourceWord(Resource::Kind kind)
{
    return resourceKinds.at(int(kind));
}

} // namespace

// Resources --------------------------------------------------------------------------------------

void ScenarioParser::readResources(const Entry &entry)
{
    if (entry.value.IsNull())
        return;
    if (!entry.value.IsMap()) {
        error(valueWhere(entry), QStringLiteral("'resources' must be a map of name to resource (semaphore: N, queue: N, channel: N, event), not %1").arg(describeKind(entry.value)));
        return;
    }
    for (const auto &kv : entry.value) {
        Resource r;
        r.name = scalarText(kv.first).trimmed();
        r.where = where(kv.first);
        if (r.name.isEmpty() || !kv.first.IsScalar()) {
            error(kv.first, QStringLiteral("a resource needs a name"));
            continue;
        }
        if (m_resources.contains(r.name)) {
            error(kv.first, QStringLiteral("duplicate resource '%1'").arg(r.name));
            continue;
        }
        const YAML::Node &v = kv.second;
        if (v.IsScalar() && scalarText(v) == QLatin1String("event")) {
            r.kind = Resource::Kind::Event;
        } else if (v.IsMap() && v.size() == 1) {
            const Entries one = readMap(v, resourceKinds, QStringLiteral("resource kind"));
            if (one.empty())
                continue;
            const Entry &e = one.front();
            r.kind = Resource::Kind(resourceKinds.indexOf(e.key));
            if (r.kind != Resource::Kind::Event) {
                const QVariant n = e.value.IsScalar() && isPlainScalar(e.value) ? toVariant(e.value) : QVariant();
                const bool whole = n.typeId() == QMetaType::LongLong || n.typeId() == QMetaType::Int;
                const bool isQueue = r.kind == Resource::Kind::Queue || r.kind == Resource::Kind::Channel;
                if (!whole || n.toLongLong() < (isQueue ? 0 : 1) || n.toLongLong() > 1'000'000) {
                    error(valueWhere(e), isQueue ? QStringLiteral("a %1's size must be a whole number, 0 (unbounded) or more").arg(e.key)
                                                 : QStringLiteral("a semaphore needs at least 1 slot: 'semaphore: 2'"));
                    continue;
                }
                r.capacity = int(n.toLongLong());
            }
        } else {
            error(v, QStringLiteral("resource '%1' must be 'event', '{semaphore: N}', '{queue: N}' or '{channel: N}', not %2").arg(r.name, describeKind(v)));
            continue;
        }
        m_resources.insert(r.name, r.kind);
        m_data->resources.push_back(r);
    }
}

// Steps ------------------------------------------------------------------------------------------

Steps ScenarioParser::readSteps(const Entry &entry, const StepPlace &place)
{
    Steps steps;
    if (entry.value.IsNull())
        return steps;
    if (!entry.value.IsSequence()) {
        error(valueWhere(entry), QStringLiteral("'%1' must be a list of steps, not %2").arg(entry.key, describeKind(entry.value)));
        return steps;
    }
    std::optional<SourceLocation> ending;   // where the first return/fail is
    QString endingWord;
    bool reported = false;
    for (const YAML::Node &item : entry.value) {
        std::optional<Step> step = readStep(item, place);
        if (!step)
            continue;
        if (ending && !reported) {
            // A teacher who writes steps after `return` expects them to run; say they never do.
            error(step->where, QStringLiteral("this step is never reached: the script already ended with '%1' at line %2")
                                   .arg(endingWord).arg(ending->line));
            reported = true;
        }
        if (!ending && (step->kind == Step::Kind::Return || step->kind == Step::Kind::Fail)) {
            ending = step->where;
            endingWord = QLatin1String(toString(step->kind));
        }
        steps.push_back(std::move(*step));
    }
    return steps;
}

std::optional<Step> ScenarioParser::readStep(const YAML::Node &yaml, const StepPlace &place)
{
    Step step;
    step.where = where(yaml);
    if (yaml.IsScalar()) {
        // Bare words for the steps that need no value: `- checkpoint`, `- return` (None).
        const QString word = scalarText(yaml);
        if (bareSteps.contains(word) || word == QLatin1String("return")) {
            step.kind = stepKind(word);
            if (step.kind == Step::Kind::Return && place.nesting > 0) {
                error(yaml, QStringLiteral("'return' is not allowed inside repeat, protect, catch_cancel or on_cancel; put it after them"));
                return std::nullopt;
            }
            return step;
        }
        if (stepKeys.contains(word))
            error(yaml, QStringLiteral("'%1' needs a value, e.g. '%1: %2'").arg(word, word == QLatin1String("sleep") ? QStringLiteral("2") : QStringLiteral("…")));
        else
            error(yaml, QStringLiteral("unknown step '%1'").arg(word) + suggestionSuffix(word, stepKeys));
        return std::nullopt;
    }
    if (!yaml.IsMap()) {
        error(yaml, QStringLiteral("expected a step (sleep, return, fail, checkpoint …), not %1").arg(describeKind(yaml)));
        return std::nullopt;
    }
    const Entries entries = readMap(yaml, stepKeys, QStringLiteral("step"));
    if (entries.size() > 1) {
        error(entries[1].keyNode, QStringLiteral("a step has exactly one key; found '%1' and '%2' (start each step with '-')")
                                      .arg(entries[0].key, entries[1].key));
        return std::nullopt;
    }
    if (entries.empty())
        return std::nullopt;   // its only key was unknown: already reported
    const Entry &e = entries.front();
    step.kind = stepKind(e.key);
    if (!readStepValue(step, e, place))
        return std::nullopt;
    return step;
}

bool ScenarioParser::readStepValue(Step &step, const Entry &e, const StepPlace &place)
{
    const size_t before = m_errors.size();
    switch (step.kind) {
    case Step::Kind::Sleep:
        if (const std::optional<engine::Tick> d = readDuration(e))
            step.duration = *d;
        break;
    case Step::Kind::Return:
        if (place.nesting > 0)
            error(e.keyNode, QStringLiteral("'return' is not allowed inside repeat, protect, catch_cancel or on_cancel; put it after them"));
        step.value = toVariant(e.value);
        break;
    case Step::Kind::Emit:
        if (!place.producer)
            error(e.keyNode, QStringLiteral("'emit' is only allowed in a producer of a stream helper (haiway.stream_concurrently, effectpy.merge_streams …)"));
        step.value = toVariant(e.value);
        break;
    case Step::Kind::Started:
        if (!place.started)
            error(e.keyNode, QStringLiteral("'started' is only allowed in a child of trio.nursery_start (task_status.started needs nursery.start)"));
        step.value = toVariant(e.value);
        break;
    case Step::Kind::Fail:
        return readFail(step, e);
    case Step::Kind::Checkpoint:
    case Step::Kind::Uncancel:
    case Step::Kind::Cancelling:
        if (!e.value.IsNull())
            error(e.value, QStringLiteral("'%1' takes no value").arg(e.key));
        break;
    case Step::Kind::Spawn: {
        if (!place.spawns) {
            error(e.keyNode, QStringLiteral("'spawn' is only allowed in the body of a nursery, task group or scope, or in a run() call of asyncio.runner"));
            return false;
        }
        ++m_depth;
        step.node = readNode(e.value, false, place.spawnInto);
        --m_depth;
        return step.node != nullptr;
    }
    case Step::Kind::Cancel:
        if (std::optional<QString> name = readText(e)) {
            step.target = name->trimmed();
            m_cancelTargets.push_back(Reference{step.target, where(e.value)});
        }
        break;
    case Step::Kind::Repeat:
    case Step::Kind::Protect:
    case Step::Kind::CatchCancel:
        return readNested(step, e, place);
    case Step::Kind::Acquire:
    case Step::Kind::Release:
    case Step::Kind::Put:
    case Step::Kind::Get:
    case Step::Kind::Close:
    case Step::Kind::Set:
    case Step::Kind::Wait:
        return readResourceStep(step, e);
    }
    return m_errors.size() == before;
}

bool ScenarioParser::readResourceStep(Step &step, const Entry &entry)
{
    const Resource::Kind wanted = *resourceFor(step.kind);
    YAML::Node nameNode = entry.value;
    if (step.kind == Step::Kind::Put && entry.value.IsMap()) {
        const Entries entries = readMap(entry.value, putKeys);
        const Entry *queue = find(entries, QStringLiteral("queue"));
        if (!queue) {
            error(entry.value, QStringLiteral("'put' needs 'queue' (and a 'value'), e.g. 'put: {queue: jobs, value: 1}'"));
            return false;
        }
        nameNode = queue->value;
        if (const Entry *value = find(entries, QStringLiteral("value")))
            step.value = toVariant(value->value);
    }
    if (!nameNode.IsScalar() || scalarText(nameNode).trimmed().isEmpty()) {
        error(nameNode.IsDefined() && !nameNode.IsNull() ? where(nameNode) : valueWhere(entry),
              QStringLiteral("'%1' needs the name of a %2 declared under 'resources'").arg(entry.key, resourceWord(wanted)));
        return false;
    }
    step.target = scalarText(nameNode).trimmed();
    const auto declared = m_resources.constFind(step.target);
    if (declared == m_resources.constEnd()) {
        QStringList sameKind;
        for (auto it = m_resources.cbegin(); it != m_resources.cend(); ++it)
            if (it.value() == wanted)
                sameKind << it.key();
        sameKind.sort();
        error(nameNode, QStringLiteral("unknown %1 '%2'").arg(resourceWord(wanted), step.target)
                            + (sameKind.isEmpty() ? QStringLiteral("; declare it under 'resources' (e.g. '%1: {%2: 1}')").arg(step.target, resourceWord(wanted))
                                                  : suggestionSuffix(step.target, sameKind, QStringLiteral("declared %1s are").arg(resourceWord(wanted)))));
        return false;
    }
    // put/get/close work on a queue or a channel alike (only close differs, at run time).
    const bool channelForQueue = wanted == Resource::Kind::Queue && *declared == Resource::Kind::Channel;
    if (*declared != wanted && !channelForQueue) {
        error(nameNode, QStringLiteral("'%1' works on a %2, but '%3' is a %4").arg(entry.key, resourceWord(wanted), step.target, resourceWord(*declared)));
        return false;
    }
    return true;
}

bool ScenarioParser::readNested(Step &step, const Entry &entry, const StepPlace &place)
{
    StepPlace inner = place;
    ++inner.nesting;
    if (step.kind == Step::Kind::Protect || step.kind == Step::Kind::CatchCancel) {
        step.nested = readSteps(entry, inner);
        return true;
    }
    if (!entry.value.IsMap()) {
        error(valueWhere(entry), QStringLiteral("'repeat' takes {times: N, steps: [...]}, not %1").arg(describeKind(entry.value)));
        return false;
    }
    const size_t before = m_errors.size();
    const Entries entries = readMap(entry.value, repeatKeys);
    const Entry *times = find(entries, QStringLiteral("times"));
    const Entry *steps = find(entries, QStringLiteral("steps"));
    if (!times || !steps) {
        error(entry.value, QStringLiteral("'repeat' needs 'times' and 'steps'"));
        return false;
    }
    const QVariant n = times->value.IsScalar() && isPlainScalar(times->value) ? toVariant(times->value) : QVariant();
    if ((n.typeId() != QMetaType::LongLong && n.typeId() != QMetaType::Int) || n.toLongLong() < 1 || n.toLongLong() > maxRepeat)
        error(valueWhere(*times), QStringLiteral("'times' must be a whole number from 1 to %1 (the repeat limit)").arg(maxRepeat));
    else
        step.count = int(n.toLongLong());
    step.nested = readSteps(*steps, inner);
    return m_errors.size() == before;
}

bool ScenarioParser::readFail(Step &step, const Entry &entry)
{
    step.errorType = QStringLiteral("ValueError");
    if (entry.value.IsScalar()) {
        step.errorMessage = scalarText(entry.value);
        return true;
    }
    if (!entry.value.IsMap()) {
        error(valueWhere(entry), QStringLiteral("'fail' takes a message or {type, message}, not %1").arg(describeKind(entry.value)));
        return false;
    }
    const size_t before = m_errors.size();
    const Entries entries = readMap(entry.value, failKeys);
    if (const Entry *type = find(entries, QStringLiteral("type"))) {
        static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.]*$"));
        step.errorType = readText(*type).value_or(step.errorType);
        if (type->value.IsScalar() && !identifier.match(step.errorType).hasMatch())
            error(type->value, QStringLiteral("error type '%1' must be a name like ValueError").arg(step.errorType));
    }
    if (const Entry *message = find(entries, QStringLiteral("message")))
        step.errorMessage = readText(*message).value_or(QString());
    return m_errors.size() == before;
}

} // namespace scenarios
