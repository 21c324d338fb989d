#include "scenarioparser.h"

#include "nearestword.h"
#include "scenariorun.h"
#include "yamlvalue.h"

#include <utility>

#include <yaml-cpp/depthguard.h>

namespace scenarios {

namespace {

const QStringList topKeys{QStringLiteral("version"), QStringLiteral("title"), QStringLiteral("concept"),
                          QStringLiteral("profile"), QStringLiteral("description"), QStringLiteral("resources"),
                          QStringLiteral("run"), QStringLiteral("expect")};
const QStringList taskKeys{QStringLiteral("task"), QStringLiteral("steps"), QStringLiteral("on_cancel"),
                           QStringLiteral("ignore_cancel")};
const QStringList profileKeys{QStringLiteral("library"), QStringLiteral("ties"), QStringLiteral("seed"),
                              QStringLiteral("propagation"), QStringLiteral("start")};

QStringList nodeKinds()
{
    return QStringList{QStringLiteral("task")} + helperKeys();
}

// Every flag some helper lets its children set (daemon, close_on_finish …).
const QStringList &childFlagKeys()
{
    static const QStringList keys = [] {
        QStringList k;
        for (const HelperSpec &spec : helperSpecs())
            for (const QString &flag : spec.childFlags)
                if (!k.contains(flag))
                    k << flag;
        return k;
    }();
    return keys;
}

QString helpersWithFlag(const QString &flag)
{
    QStringList names;
    for (const HelperSpec &spec : helperSpecs())
        if (spec.childFlags.contains(flag))
            names << spec.name + (spec.aliases.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(spec.aliases.join(QStringLiteral(", "))));
    return names.join(QStringLiteral(" or "));
}

// The library whose rules a scenario follows when it names none: that of its first helper.
QString firstLibrary(const Node &node)
{
    if (node.helper)
        return node.helper->library == QLatin1String("aiotasks") ? QStringLiteral("aio.tasks") : node.helper->library;
    for (const auto &child : node.children)
        if (QString lib = firstLibrary(*child); !lib.isEmpty())
            return lib;
    return {};
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
    if (text.size() > maxFileBytes) {
        error(SourceLocation{m_file, 1, 1}, QStringLiteral("the file is too large: %1 characters (the limit is %2)").arg(text.size()).arg(maxFileBytes));
        LoadResult tooLarge;
        tooLarge.errors = takeErrors();
        return tooLarge;
    }
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
    // Resources first (steps refer to them), the tree next, expectations last (they name tasks).
    if (const Entry *resources = find(entries, QStringLiteral("resources")))
        readResources(*resources);
    const Entry *profile = nullptr;
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
            profile = &e;
        } else if (e.key == QLatin1String("run")) {
            m_data->root = readNode(e.value, true, nullptr);
        }
    }
    if (profile)
        readProfile(*profile);
    else if (m_data->root && !firstLibrary(*m_data->root).isEmpty())
        m_data->profile = firstLibrary(*m_data->root);
    checkReferences();
    if (const Entry *expect = find(entries, QStringLiteral("expect")); expect && m_data->root)
        readExpect(*expect);
}

void ScenarioParser::readProfile(const Entry &entry)
{
    m_data->profileGiven = true;
    auto library = [&](const Entry &e) {
        const QString name = readText(e).value_or(m_data->profile);
        if (profileNames().contains(name))
            m_data->profile = name;
        else
            error(valueWhere(e), QStringLiteral("unknown profile '%1'").arg(name) + suggestionSuffix(name, profileNames()));
    };
    if (!entry.value.IsMap()) {
        library(entry);
        return;
    }
    // The long form overrides the library's scheduling rules, for what-if comparisons.
    const Entries entries = readMap(entry.value, profileKeys);
    if (const Entry *name = find(entries, QStringLiteral("library")))
        library(*name);
    else
        error(entry.value, QStringLiteral("missing required key 'library' (e.g. 'library: asyncio')"));
    auto pick = [&](const QString &key, const QStringList &words) -> int {
        const Entry *e = find(entries, key);
        if (!e)
            return -1;
        const QString word = readText(*e).value_or(QString());
        const int index = int(words.indexOf(word));
        if (index < 0 && e->value.IsScalar())
            error(e->value, QStringLiteral("unknown %1 '%2'").arg(key, word) + suggestionSuffix(word, words));
        return index;
    };
    if (const int ties = pick(QStringLiteral("ties"), {QStringLiteral("fifo"), QStringLiteral("shuffle")}); ties >= 0)
        m_data->ties = ties == 0 ? engine::TieOrder::Fifo : engine::TieOrder::SeededShuffle;
    if (const int p = pick(QStringLiteral("propagation"), {QStringLiteral("immediate"), QStringLiteral("batch")}); p >= 0)
        m_data->propagation = p == 0 ? engine::Propagation::Immediate : engine::Propagation::Batch;
    if (const int s = pick(QStringLiteral("start"), {QStringLiteral("eager"), QStringLiteral("deferred")}); s >= 0)
        m_data->start = s == 0 ? engine::StartPolicy::Eager : engine::StartPolicy::Deferred;
    if (const Entry *seed = find(entries, QStringLiteral("seed"))) {
        const QVariant v = seed->value.IsScalar() && isPlainScalar(seed->value) ? toVariant(seed->value) : QVariant();
        if (v.typeId() != QMetaType::LongLong && v.typeId() != QMetaType::Int)
            error(valueWhere(*seed), QStringLiteral("'seed' must be a whole number, not %1").arg(describeKind(seed->value)));
        else
            m_data->seed = quint64(v.toLongLong());
        if (!m_data->ties || *m_data->ties != engine::TieOrder::SeededShuffle)
            error(seed->keyNode, QStringLiteral("'seed' only matters with 'ties: shuffle'"));
    }
}

// Nodes ------------------------------------------------------------------------------------------

std::shared_ptr<const Node> ScenarioParser::readNode(const YAML::Node &yaml, bool isRoot, const HelperSpec *parent)
{
    const QString shape = QStringLiteral("a node (a map with 'task' or a helper such as 'asyncgui.wait_any')");
    // Eager children start inside their parent's start: each level of helpers is a few native
    // stack frames, so a bound keeps a pathological file from exhausting the stack.
    if (m_depth >= maxNodeDepth) {
        if (!std::exchange(m_depthReported, true))
            error(yaml, QStringLiteral("nodes are nested more than %1 levels deep (the depth limit is %1)").arg(maxNodeDepth));
        return nullptr;
    }
    if (m_taskNames.size() >= maxTasks) {
        if (!std::exchange(m_sizeReported, true))
            error(yaml, QStringLiteral("too many tasks: a scenario holds at most %1 (the task limit)").arg(maxTasks));
        return nullptr;
    }
    if (!yaml.IsMap()) {
        error(yaml, QStringLiteral("expected %1, not %2").arg(shape, describeKind(yaml)));
        return nullptr;
    }
    // The kind decides which other keys are allowed, so find it before checking the keys.
    const QStringList kinds = nodeKinds();
    std::vector<YAML::Node> found;
    for (const auto &kv : yaml)
        if (kv.first.IsScalar() && kinds.contains(scalarText(kv.first)))
            found.push_back(kv.first);
    const QStringList flags = parent ? parent->childFlags : QStringList();
    if (found.empty()) {
        const size_t before = m_errors.size();
        readMap(yaml, kinds + QStringList{QStringLiteral("steps")} + flags, QStringLiteral("helper or key"));
        if (m_errors.size() == before)
            error(yaml, QStringLiteral("expected %1").arg(shape));
        return nullptr;
    }
    if (found.size() > 1) {
        error(found[1], QStringLiteral("a node has exactly one kind; found '%1' and '%2'").arg(scalarText(found[0]), scalarText(found[1])));
        return nullptr;
    }
    const QString kind = scalarText(found[0]);
    const HelperSpec *spec = findHelper(kind);
    const Entries entries = readMap(yaml, (spec ? QStringList{kind} : taskKeys) + childFlagKeys());
    for (const Entry &e : entries)
        if (!flags.contains(e.key) && childFlagKeys().contains(e.key))
            error(e.keyNode, QStringLiteral("'%1' is only allowed for children of %2").arg(e.key, helpersWithFlag(e.key)));
    const Entry *kindEntry = find(entries, kind);
    if (!kindEntry)
        return nullptr;   // a repeated kind key, already reported
    std::shared_ptr<Node> node = spec ? readHelperNode(yaml, *kindEntry, *spec, isRoot) : readTask(yaml, entries, parent);
    if (node)
        readChildFlags(*node, entries, parent);
    return node;
}

std::shared_ptr<Node> ScenarioParser::readTask(const YAML::Node &yaml, const Entries &entries, const HelperSpec *parent)
{
    auto node = std::make_shared<Node>();
    node->where = where(yaml);
    const Entry &kindEntry = *find(entries, QStringLiteral("task"));
    const std::optional<QString> name = readText(kindEntry);
    node->name = name.value_or(QString()).trimmed();
    if (name && node->name.isEmpty())
        error(valueWhere(kindEntry), QStringLiteral("a task needs a name, e.g. 'task: A'"));
    registerName(node->name, valueWhere(kindEntry));
    StepPlace place;
    place.producer = parent && parent->role == ChildRole::Producers;
    place.started = parent && parent->role == ChildRole::Started;
    place.spawns = parent && parent->childrenSpawn;
    place.spawnInto = parent;
    if (const Entry *steps = find(entries, QStringLiteral("steps")))
        node->steps = readSteps(*steps, place);
    if (const Entry *ignore = find(entries, QStringLiteral("ignore_cancel")))
        node->ignoreCancel = readBool(*ignore).value_or(false);
    if (const Entry *cleanup = find(entries, QStringLiteral("on_cancel"))) {
        StepPlace inCleanup;
        inCleanup.nesting = 1;   // the cleanup cannot return: the task still ends cancelled
        node->onCancel = readSteps(*cleanup, inCleanup);
    }
    return node;
}

void ScenarioParser::readChildFlags(Node &node, const Entries &entries, const HelperSpec *parent)
{
    if (!parent)
        return;
    for (const QString &flag : parent->childFlags)
        if (const Entry *e = find(entries, flag); e && readBool(*e).value_or(false))
            node.flags << flag;
}

std::shared_ptr<Node> ScenarioParser::readHelperNode(const YAML::Node &yaml, const Entry &kindEntry, const HelperSpec &spec, bool isRoot)
{
    if (spec.drivesLoop && !isRoot) {
        error(kindEntry.keyNode, QStringLiteral("'%1' must be the scenario's root (the 'run' node): it owns the event loop, "
                                                "and Runner.run() cannot be called from a running event loop").arg(kindEntry.key));
        return nullptr;
    }
    auto node = std::make_shared<Node>();
    node->kind = Node::Kind::Helper;
    node->helper = &spec;
    node->where = where(yaml);
    const std::optional<YAML::Node> children = readHelper(*node, kindEntry, spec);
    std::vector<PendingKey> pendingKeys = std::exchange(m_pendingKeys, {});   // children may hold map options too
    if (!children)
        return nullptr;
    if (spec.drivesLoop) {
        // No task runs the runner itself: its calls are the root tasks, and its close() is one
        // more that `expect` may name.
        node->name = QStringLiteral("asyncio.Runner()");
        if (node->option(QStringLiteral("close")).toBool())
            registerName(QStringLiteral("Runner.close()"), node->where);
    } else if (node->name.isEmpty()) {
        // The root task is "main"; a nested unnamed helper is named after its kind, numbered in
        // document order (wait_any#1, wait_any#2 …), so that every lane has a stable name.
        const QString shortName = spec.name.section(QLatin1Char('.'), -1);
        node->name = isRoot ? QStringLiteral("main") : QStringLiteral("%1#%2").arg(shortName).arg(++m_autoNames[shortName]);
    }
    // Named before its children so that a duplicate points at the later of the two.
    if (!spec.drivesLoop)
        registerName(node->name, node->where);
    bool ok = true;
    ++m_depth;
    for (const YAML::Node &child : *children) {
        std::shared_ptr<const Node> parsed = readNode(child, false, &spec);
        ok = ok && parsed;
        if (parsed) {
            checkProducer(*parsed, spec);
            node->children.push_back(std::move(parsed));
        }
    }
    --m_depth;
    if (ok)
        checkPendingKeys(*node, std::move(pendingKeys));
    return ok ? node : nullptr;
}

std::optional<YAML::Node> ScenarioParser::readHelper(Node &node, const Entry &kindEntry, const HelperSpec &spec)
{
    const QString kind = kindEntry.key;
    YAML::Node children = kindEntry.value;
    bool childrenGiven = !kindEntry.value.IsNull();
    if (kindEntry.value.IsMap()) {
        // `children` is always read, so that giving it to a body-only helper gets a clear message.
        QStringList allowed{QStringLiteral("children")};
        if (spec.body)
            allowed << QStringLiteral("body");
        allowed << spec.optionKeys();
        // A loop-driving helper is no task: 'name' gets its own message below, and is not offered
        // among the valid keys when another key is misspelt.
        const QStringList name{QStringLiteral("name")};
        const Entries entries = spec.drivesLoop ? readMap(kindEntry.value, allowed, QStringLiteral("key"), QStringLiteral("expected one of"), name)
                                                : readMap(kindEntry.value, name + allowed);
        if (const Entry *name = find(entries, QStringLiteral("name"))) {
            node.name = readText(*name).value_or(QString()).trimmed();
            if (spec.drivesLoop)
                error(name->keyNode, QStringLiteral("'%1' is not a task and takes no 'name': each run() call is named by its own node").arg(kind));
        }
        if (const Entry *body = find(entries, QStringLiteral("body"))) {
            StepPlace place;
            place.spawns = spec.spawns;
            place.spawnInto = &spec;
            node.steps = readSteps(*body, place);
        }
        for (const Entry &e : entries)
            if (const OptionSpec *option = spec.option(e.key))
                if (std::optional<QVariant> v = readOption(*option, e))
                    node.options.insert(e.key, *v);
        for (const OptionSpec &option : spec.options)
            if (option.required && !find(entries, option.key))
                error(kindEntry.value, QStringLiteral("'%1' needs '%2' (%3)").arg(kind, option.key, option.brief));
        const Entry *list = find(entries, QStringLiteral("children"));
        if (!list && spec.minChildren > 0) {
            error(kindEntry.value, QStringLiteral("missing required key 'children'"));
            return std::nullopt;
        }
        childrenGiven = list != nullptr;
        children = list ? list->value : YAML::Node();
    } else if (!kindEntry.value.IsSequence() && !kindEntry.value.IsNull()) {
        error(valueWhere(kindEntry), QStringLiteral("'%1' takes a list of child nodes or a map with 'children', not %2").arg(kind, describeKind(kindEntry.value)));
        return std::nullopt;
    } else {
        for (const OptionSpec &option : spec.options)
            if (option.required)
                error(kindEntry.keyNode, QStringLiteral("'%1' needs '%2' (%3); use the map form").arg(kind, option.key, option.brief));
    }
    if (childrenGiven && !children.IsSequence() && !children.IsNull()) {
        error(children, QStringLiteral("'children' must be a list of nodes, not %1").arg(describeKind(children)));
        return std::nullopt;
    }
    const int count = children.IsSequence() ? int(children.size()) : 0;
    if (count < spec.minChildren) {
        error(kindEntry.keyNode, spec.minChildren == 1 ? QStringLiteral("'%1' needs at least one child").arg(kind)
                                                       : QStringLiteral("'%1' needs at least %2 children, got %3").arg(kind).arg(spec.minChildren).arg(count));
        return std::nullopt;
    }
    if (spec.maxChildren >= 0 && count > spec.maxChildren) {
        const QString limit = spec.maxChildren == 0                   ? QStringLiteral("takes no children, only a body")
                              : spec.minChildren == spec.maxChildren ? QStringLiteral("takes exactly %1 %2").arg(spec.maxChildren).arg(spec.maxChildren == 1 ? QStringLiteral("child") : QStringLiteral("children"))
                                                                     : QStringLiteral("takes at most %1 children").arg(spec.maxChildren);
        error(kindEntry.keyNode, QStringLiteral("'%1' %2, got %3").arg(kind, limit).arg(count));
        return std::nullopt;
    }
    return count ? children : YAML::Node(YAML::NodeType::Sequence);
}

void ScenarioParser::checkProducer(const Node &child, const HelperSpec &spec)
{
    if (spec.role != ChildRole::Producers || child.kind == Node::Kind::Task)
        return;
    error(child.where, QStringLiteral("the children of '%1' are stream producers: 'task' nodes whose steps sleep, emit and fail, not '%2'")
                           .arg(spec.name, child.kindName()));
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

void ScenarioParser::checkReferences()
{
    for (const Reference &ref : m_cancelTargets)
        if (!m_nameSeen.contains(ref.name))
            error(ref.where, QStringLiteral("'cancel' refers to an unknown task or scope '%1'").arg(ref.name)
                                 + suggestionSuffix(ref.name, m_taskNames, QStringLiteral("the scenario's tasks are")));
}

} // namespace scenarios
