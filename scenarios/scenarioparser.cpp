#include "scenarioparser.h"

#include "nearestword.h"
#include "scenariorun.h"
#include "yamlvalue.h"

#include <QRegularExpression>

#include <utility>

#include <yaml-cpp/depthguard.h>

namespace scenarios {

namespace {

const QStringList topKeys{QStringLiteral("version"), QStringLiteral("title"), QStringLiteral("concept"),
                          QStringLiteral("profile"), QStringLiteral("description"), QStringLiteral("run"),
                          QStringLiteral("expect")};
const QStringList kindKeys{QStringLiteral("task"), QStringLiteral("wait_any"), QStringLiteral("wait_all"),
                           QStringLiteral("nursery")};
const QStringList taskKeys{QStringLiteral("task"), QStringLiteral("steps"), QStringLiteral("daemon")};
const QStringList stepKeys{QStringLiteral("sleep"), QStringLiteral("return"), QStringLiteral("fail"),
                           QStringLiteral("checkpoint")};
const QStringList failKeys{QStringLiteral("type"), QStringLiteral("message")};
const QStringList expectKeys{QStringLiteral("result"), QStringLiteral("error"), QStringLiteral("tasks")};
const QStringList taskExpectKeys{QStringLiteral("outcome"), QStringLiteral("at"), QStringLiteral("result"),
                                 QStringLiteral("error")};
const QStringList outcomeNames{QStringLiteral("completed"), QStringLiteral("failed"), QStringLiteral("cancelled")};
constexpr int maxNodeDepth = 50;

Node::Kind kindNamed(const QString &key)
{
    if (key == QLatin1String("wait_any"))
        return Node::Kind::WaitAny;
    if (key == QLatin1String("wait_all"))
        return Node::Kind::WaitAll;
    if (key == QLatin1String("nursery"))
        return Node::Kind::Nursery;
    return Node::Kind::Task;
}

} // namespace

ScenarioParser::ScenarioParser(QString fileName)
    : YamlReader(std::move(fileName))
{
}

LoadResult ScenarioParser::parse(const QString &text)
{
    m_data = std::make_shared<ScenarioData>();
    m_data->path = m_file;
    m_data->text = text;
    try {
        setSource(text.toStdString());
        const std::vector<YAML::Node> docs = YAML::LoadAll(m_source);
        if (docs.size() > 1)
            error(docs[1], QStringLiteral("a scenario file holds one YAML document; a second one starts here"));
        readScenario(docs.empty() ? YAML::Node() : docs.front());
    } catch (const YAML::DeepRecursion &e) {
        error(where(e.mark), QStringLiteral("YAML syntax error: nested too deeply"));
    } catch (const YAML::Exception &e) {
        // ParserException (syntax) carries the place; anything else yaml-cpp throws is a bug in
        // reading, but still reported as a diagnostic rather than a crash.
        error(where(e.mark), QStringLiteral("YAML syntax error: %1").arg(QString::fromStdString(e.msg)));
    } catch (const std::exception &e) {
        error(SourceLocation{m_file, 0, 0}, QStringLiteral("cannot read the scenario: %1").arg(QString::fromUtf8(e.what())));
    }
    LoadResult result;
    result.errors = takeErrors();
    if (result.errors.empty())
        result.scenario.emplace(std::move(m_data));
    return result;
}

// The scenario -----------------------------------------------------------------------------------

void ScenarioParser::readScenario(const YAML::Node &doc)
{
    if (!doc.IsDefined() || doc.IsNull()) {
        error(SourceLocation{m_file, 1, 1}, QStringLiteral("empty scenario: expected a map with 'title' and 'run'"));
        return;
    }
    if (!doc.IsMap()) {
        error(doc, QStringLiteral("a scenario is a map of keys (title, run, …), not %1").arg(describeKind(doc)));
        return;
    }
    const Entries entries = readMap(doc, topKeys);
    for (const QString &required : {QStringLiteral("title"), QStringLiteral("run")})
        if (!find(entries, required))
            error(doc, QStringLiteral("missing required key '%1'").arg(required));
    const Entry *expect = nullptr;
    for (const Entry &e : entries) {
        if (e.key == QLatin1String("version")) {
            if (!e.value.IsScalar() || scalarText(e.value) != QLatin1String("1"))
                error(valueWhere(e), QStringLiteral("'version' must be 1 (this Taskscope reads format v1), not %1").arg(describeKind(e.value)));
        } else if (e.key == QLatin1String("title")) {
            m_data->title = readText(e).value_or(QString()).trimmed();
            if (m_data->title.isEmpty() && e.value.IsScalar())
                error(valueWhere(e), QStringLiteral("'title' must not be empty"));
        } else if (e.key == QLatin1String("concept")) {
            m_data->conceptName = readText(e).value_or(QString()).trimmed();
        } else if (e.key == QLatin1String("description")) {
            m_data->description = readText(e).value_or(QString());
        } else if (e.key == QLatin1String("profile")) {
            const QString name = readText(e).value_or(m_data->profile);
            if (profileNames().contains(name))
                m_data->profile = name;
            else
                error(valueWhere(e), QStringLiteral("unknown profile '%1'").arg(name) + suggestionSuffix(name, profileNames()));
        } else if (e.key == QLatin1String("run")) {
            m_data->root = readNode(e.value, true, false);
        } else if (e.key == QLatin1String("expect")) {
            expect = &e;   // read last: it names tasks of the tree
        }
    }
    if (expect && m_data->root)
        readExpect(*expect);
}

// Nodes ------------------------------------------------------------------------------------------

std::shared_ptr<const Node> ScenarioParser::readNode(const YAML::Node &yaml, bool isRoot, bool inNursery)
{
    const QString shape = QStringLiteral("a node (a map with one of: task, wait_any, wait_all, nursery)");
    // Eager children start inside their parent's start: each level of helpers is a few native
    // stack frames, so a bound keeps a pathological file from exhausting the stack.
    if (m_depth >= maxNodeDepth) {
        if (!std::exchange(m_depthReported, true))
            error(yaml, QStringLiteral("nodes are nested more than %1 levels deep").arg(maxNodeDepth));
        return nullptr;
    }
    if (!yaml.IsMap()) {
        error(yaml, QStringLiteral("expected %1, not %2").arg(shape, describeKind(yaml)));
        return nullptr;
    }
    // The kind decides which other keys are allowed, so find it before checking the keys.
    std::vector<YAML::Node> kinds;
    for (const auto &kv : yaml)
        if (kv.first.IsScalar() && kindKeys.contains(scalarText(kv.first)))
            kinds.push_back(kv.first);
    if (kinds.empty()) {
        const size_t before = m_errors.size();
        readMap(yaml, kindKeys + QStringList{QStringLiteral("steps"), QStringLiteral("daemon")});
        if (m_errors.size() == before)
            error(yaml, QStringLiteral("expected %1").arg(shape));
        return nullptr;
    }
    if (kinds.size() > 1) {
        error(kinds[1], QStringLiteral("a node has exactly one kind; found '%1' and '%2'").arg(scalarText(kinds[0]), scalarText(kinds[1])));
        return nullptr;
    }
    auto node = std::make_shared<Node>();
    node->kind = kindNamed(scalarText(kinds[0]));
    node->where = where(yaml);
    const bool isTask = node->kind == Node::Kind::Task;
    const Entries entries = readMap(yaml, isTask ? taskKeys : QStringList{scalarText(kinds[0]), QStringLiteral("daemon")});
    const Entry *kindEntry = find(entries, scalarText(kinds[0]));
    if (!kindEntry)
        return nullptr;   // a repeated kind key, already reported
    if (const Entry *daemon = find(entries, QStringLiteral("daemon"))) {
        node->daemon = readBool(*daemon).value_or(false);
        if (node->daemon && !inNursery)
            error(daemon->keyNode, QStringLiteral("'daemon' is only allowed for children of a nursery"));
    }
    if (isTask) {
        const std::optional<QString> name = readText(*kindEntry);
        node->name = name.value_or(QString()).trimmed();
        if (name && node->name.isEmpty())
            error(valueWhere(*kindEntry), QStringLiteral("a task needs a name, e.g. 'task: A'"));
        registerName(node->name, valueWhere(*kindEntry));
        if (const Entry *steps = find(entries, QStringLiteral("steps")))
            node->steps = readSteps(*steps);
        return node;
    }
    const std::optional<YAML::Node> children = readHelper(*node, *kindEntry);
    if (!children)
        return nullptr;
    if (node->name.isEmpty()) {
        // The root task is "main"; a nested unnamed helper is named after its kind, numbered in
        // document order (wait_any#1, wait_any#2 …), so that every lane has a stable name.
        node->name = isRoot ? QStringLiteral("main")
                            : QStringLiteral("%1#%2").arg(QLatin1String(toString(node->kind))).arg(++m_autoNames[int(node->kind)]);
    }
    // Named before its children so that a duplicate points at the later of the two.
    registerName(node->name, node->where);
    bool ok = true;
    ++m_depth;
    for (const YAML::Node &child : *children) {
        auto parsed = readNode(child, false, node->kind == Node::Kind::Nursery);
        ok = ok && parsed;
        if (parsed)
            node->children.push_back(std::move(parsed));
    }
    --m_depth;
    return ok ? node : nullptr;
}

std::optional<YAML::Node> ScenarioParser::readHelper(Node &node, const Entry &kindEntry)
{
    const QString kind = kindEntry.key;
    YAML::Node children = kindEntry.value;
    if (kindEntry.value.IsMap()) {
        QStringList allowed{QStringLiteral("name"), QStringLiteral("children")};
        if (node.kind == Node::Kind::Nursery)
            allowed << QStringLiteral("body");
        const Entries entries = readMap(kindEntry.value, allowed);
        if (const Entry *name = find(entries, QStringLiteral("name")))
            node.name = readText(*name).value_or(QString()).trimmed();
        if (const Entry *body = find(entries, QStringLiteral("body")))
            node.steps = readSteps(*body);
        const Entry *list = find(entries, QStringLiteral("children"));
        if (!list) {
            error(kindEntry.value, QStringLiteral("missing required key 'children'"));
            return std::nullopt;
        }
        children = list->value;
    } else if (!kindEntry.value.IsSequence() && !kindEntry.value.IsNull()) {
        error(valueWhere(kindEntry), QStringLiteral("'%1' takes a list of child nodes or a map with 'children', not %2").arg(kind, describeKind(kindEntry.value)));
        return std::nullopt;
    }
    if (!children.IsSequence() && !children.IsNull()) {
        error(children, QStringLiteral("'children' must be a list of nodes, not %1").arg(describeKind(children)));
        return std::nullopt;
    }
    if (children.IsNull() || children.size() == 0) {
        error(kindEntry.keyNode, QStringLiteral("'%1' needs at least one child").arg(kind));
        return std::nullopt;
    }
    return children;
}

void ScenarioParser::registerName(const QString &name, const SourceLocation &at)
{
    if (name.isEmpty())
        return;
    const auto seen = m_nameSeen.constFind(name);
    if (seen != m_nameSeen.constEnd()) {
        error(at, QStringLiteral("duplicate task name '%1'; first used at line %2").arg(name).arg(seen->line));
        return;
    }
    m_nameSeen.insert(name, at);
    m_taskNames << name;
}

// Steps ------------------------------------------------------------------------------------------

Steps ScenarioParser::readSteps(const Entry &entry)
{
    Steps steps;
    if (entry.value.IsNull())
        return steps;
    if (!entry.value.IsSequence()) {
        error(valueWhere(entry), QStringLiteral("'%1' must be a list of steps, not %2").arg(entry.key, describeKind(entry.value)));
        return steps;
    }
    std::optional<Step> ending;   // the first return/fail (a copy: `steps` may reallocate)
    bool reported = false;
    for (const YAML::Node &item : entry.value) {
        std::optional<Step> step = readStep(item);
        if (!step)
            continue;
        if (ending && !reported) {
            // A teacher who writes steps after `return` expects them to run; say they never do.
            error(step->where, QStringLiteral("this step is never reached: the script already ended with '%1' at line %2")
                                   .arg(QLatin1String(toString(ending->kind))).arg(ending->where.line));
            reported = true;
        }
        if (!ending && (step->kind == Step::Kind::Return || step->kind == Step::Kind::Fail))
            ending = step;
        steps.push_back(std::move(*step));
    }
    return steps;
}

std::optional<Step> ScenarioParser::readStep(const YAML::Node &yaml)
{
    Step step;
    step.where = where(yaml);
    if (yaml.IsScalar()) {
        // Bare words for the steps that need no value: `- checkpoint`, `- return` (None).
        const QString word = scalarText(yaml);
        if (word == QLatin1String("checkpoint") || word == QLatin1String("return")) {
            step.kind = word == QLatin1String("checkpoint") ? Step::Kind::Checkpoint : Step::Kind::Return;
            return step;
        }
        if (stepKeys.contains(word))
            error(yaml, QStringLiteral("'%1' needs a value, e.g. '%1: %2'").arg(word, word == QLatin1String("sleep") ? QStringLiteral("2") : QStringLiteral("boom")));
        else
            error(yaml, QStringLiteral("unknown step '%1'").arg(word) + suggestionSuffix(word, stepKeys));
        return std::nullopt;
    }
    if (!yaml.IsMap()) {
        error(yaml, QStringLiteral("expected a step (sleep, return, fail or checkpoint), not %1").arg(describeKind(yaml)));
        return std::nullopt;
    }
    const Entries entries = readMap(yaml, stepKeys);
    if (entries.size() > 1) {
        error(entries[1].keyNode, QStringLiteral("a step has exactly one key; found '%1' and '%2' (start each step with '-')")
                                      .arg(entries[0].key, entries[1].key));
        return std::nullopt;
    }
    if (entries.empty())
        return std::nullopt;   // its only key was unknown: already reported
    const Entry &e = entries.front();
    if (e.key == QLatin1String("sleep")) {
        step.kind = Step::Kind::Sleep;
        const std::optional<engine::Tick> d = readDuration(e);
        if (!d)
            return std::nullopt;
        step.duration = *d;
    } else if (e.key == QLatin1String("return")) {
        step.kind = Step::Kind::Return;
        step.value = toVariant(e.value);
    } else if (e.key == QLatin1String("fail")) {
        step.kind = Step::Kind::Fail;
        if (!readFail(step, e))
            return std::nullopt;
    } else {
        step.kind = Step::Kind::Checkpoint;
        if (!e.value.IsNull()) {
            error(e.value, QStringLiteral("'checkpoint' takes no value"));
            return std::nullopt;
        }
    }
    return step;
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

// Expectations -----------------------------------------------------------------------------------

void ScenarioParser::readExpect(const Entry &entry)
{
    Expectations &expect = m_data->expect;
    if (entry.value.IsNull())
        return;
    if (!entry.value.IsMap()) {
        error(valueWhere(entry), QStringLiteral("'expect' must be a map (result, error, tasks), not %1").arg(describeKind(entry.value)));
        return;
    }
    const Entries entries = readMap(entry.value, expectKeys);
    const Entry *result = find(entries, QStringLiteral("result"));
    const Entry *raised = find(entries, QStringLiteral("error"));
    if (result && raised)
        error(raised->keyNode, QStringLiteral("expect has both 'result' and 'error'; a run either returns or raises"));
    if (result) {
        expect.result = readText(*result);
        expect.resultWhere = where(result->keyNode);
    }
    if (raised) {
        expect.error = readText(*raised);
        expect.errorWhere = where(raised->keyNode);
    }
    const Entry *tasks = find(entries, QStringLiteral("tasks"));
    if (!tasks || tasks->value.IsNull())
        return;
    if (!tasks->value.IsMap()) {
        error(valueWhere(*tasks), QStringLiteral("'tasks' must be a map of task name to outcome, not %1").arg(describeKind(tasks->value)));
        return;
    }
    for (const Entry &t : readMap(tasks->value, m_taskNames, QStringLiteral("task"), QStringLiteral("the scenario's tasks are"))) {
        if (std::optional<TaskExpectation> te = readTaskExpectation(t))
            expect.tasks.push_back(std::move(*te));
    }
}

std::optional<TaskExpectation> ScenarioParser::readTaskExpectation(const Entry &entry)
{
    TaskExpectation te;
    te.task = entry.key;
    te.where = where(entry.keyNode);
    Entries fields;
    if (entry.value.IsScalar()) {
        fields.push_back(Entry{QStringLiteral("outcome"), entry.keyNode, entry.value});   // `A: cancelled`
    } else if (entry.value.IsMap()) {
        fields = readMap(entry.value, taskExpectKeys);
    } else {
        error(valueWhere(entry), QStringLiteral("expected an outcome or a map (outcome, at, result, error) for task '%1', not %2").arg(entry.key, describeKind(entry.value)));
        return std::nullopt;
    }
    for (const Entry &f : fields) {
        if (f.key == QLatin1String("outcome")) {
            const std::optional<QString> name = readText(f);
            if (!name)
                continue;
            if (!outcomeNames.contains(*name))
                error(f.value, QStringLiteral("unknown outcome '%1'").arg(*name) + suggestionSuffix(*name, outcomeNames));
            else
                te.outcome = *name == QLatin1String("completed") ? engine::TaskState::Completed
                    : *name == QLatin1String("failed")           ? engine::TaskState::Failed
                                                                 : engine::TaskState::Cancelled;
        } else if (f.key == QLatin1String("at")) {
            te.at = readDuration(f);
        } else if (f.key == QLatin1String("result")) {
            te.result = readText(f);
        } else {
            te.error = readText(f);
        }
    }
    if (!te.outcome && !te.at && !te.result && !te.error) {
        if (fields.empty())
            error(valueWhere(entry), QStringLiteral("task '%1' expects nothing; give outcome, at, result or error").arg(entry.key));
        return std::nullopt;
    }
    return te;
}

} // namespace scenarios
