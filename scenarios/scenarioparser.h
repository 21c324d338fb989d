#pragma once

#include "helperspec.h"
#include "scenariodata.h"
#include "yamlreader.h"

#include <QHash>

namespace scenarios {

/// Reads the scenario format from YAML text into a ScenarioData and validates it. It collects every
/// problem it can find (not just the first), each located at its line and column, and never
/// throws: bad input gives diagnostics, not crashes. Private to the library; use parseScenario().
class ScenarioParser : private YamlReader
{
public:
    explicit ScenarioParser(QString fileName);
    LoadResult parse(const QString &text);

    /// Size limits, named in the messages that enforce them.
    static constexpr int maxNodeDepth = 50;
    static constexpr int maxTasks = 20'000;
    static constexpr int maxRepeat = 100'000;
    static constexpr qsizetype maxFileBytes = 4 * 1024 * 1024;

private:
    /// Where a list of steps is, which decides the steps it may hold.
    struct StepPlace
    {
        bool producer = false;   ///< a stream producer: sleep, emit, fail (and checkpoint) only
        bool started = false;    ///< a child started with nursery.start: `started:` allowed
        bool spawns = false;     ///< the body of a helper that takes `spawn:`
        const HelperSpec *spawnInto = nullptr;
        int nesting = 0;         ///< inside repeat/protect: no return there
    };
    /// A name a step refers to, checked once the whole file has been read.
    struct Reference
    {
        QString name;
        SourceLocation where;
    };

    void readScenario(const YAML::Node &doc);
    void readResources(const Entry &entry);
    void readProfile(const Entry &entry);
    std::shared_ptr<const Node> readNode(const YAML::Node &node, bool isRoot, const HelperSpec *parent);
    std::shared_ptr<Node> readTask(const YAML::Node &yaml, const Entries &entries, const HelperSpec *parent);
    std::shared_ptr<Node> readHelperNode(const YAML::Node &yaml, const Entry &kindEntry, const HelperSpec &spec, bool isRoot);
    /// Reads a helper's name, options and body; returns its list of children (nullopt after an error).
    std::optional<YAML::Node> readHelper(Node &node, const Entry &kindEntry, const HelperSpec &spec);
    std::optional<QVariant> readOption(const OptionSpec &spec, const Entry &entry);
    /// A name of a map option, checked against the node's names once its children are read.
    struct PendingKey
    {
        const OptionSpec *spec = nullptr;
        QString key;
        SourceLocation where;
    };
    std::optional<QVariant> readMapOption(const OptionSpec &spec, const Entry &entry);
    void checkPendingKeys(const Node &node, std::vector<PendingKey> pending);
    void readChildFlags(Node &node, const Entries &entries, const HelperSpec *parent);
    void checkProducer(const Node &child, const HelperSpec &spec);
    Steps readSteps(const Entry &entry, const StepPlace &place);
    std::optional<Step> readStep(const YAML::Node &node, const StepPlace &place);
    bool readStepValue(Step &step, const Entry &entry, const StepPlace &place);
    bool readFail(Step &step, const Entry &entry);
    bool readResourceStep(Step &step, const Entry &entry);
    bool readNested(Step &step, const Entry &entry, const StepPlace &place);
    void registerName(const QString &name, const SourceLocation &at);
    void checkReferences();

    void readExpect(const Entry &entry);
    std::optional<TaskExpectation> readTaskExpectation(const Entry &entry);

    std::shared_ptr<ScenarioData> m_data;
    QStringList m_taskNames;                     // in document order
    QHash<QString, SourceLocation> m_nameSeen;   // first use of each task name
    QHash<QString, int> m_autoNames;             // per helper kind: unnamed helpers numbered so far
    QHash<QString, Resource::Kind> m_resources;
    std::vector<Reference> m_cancelTargets;
    std::vector<PendingKey> m_pendingKeys;       // map-option names of the helper being read
    int m_depth = 0;                             // helper nodes around the one being read
    bool m_depthReported = false;
    bool m_sizeReported = false;
};

} // namespace scenarios
