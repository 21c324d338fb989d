#pragma once

#include "scenariodata.h"
#include "yamlreader.h"

#include <QHash>

namespace scenarios {

/// Reads scenario format v1 from YAML text into a ScenarioData and validates it. It collects every
/// problem it can find (not just the first), each located at its line and column, and never
/// throws: bad input gives diagnostics, not crashes. Private to the library; use parseScenario().
class ScenarioParser : private YamlReader
{
public:
    explicit ScenarioParser(QString fileName);
    LoadResult parse(const QString &text);

private:
    void readScenario(const YAML::Node &doc);
    std::shared_ptr<const Node> readNode(const YAML::Node &node, bool isRoot, bool inNursery);
    /// Reads a helper's name and body; returns its list of children (nullopt after an error).
    std::optional<YAML::Node> readHelper(Node &node, const Entry &kindEntry);
    Steps readSteps(const Entry &entry);
    std::optional<Step> readStep(const YAML::Node &node);
    bool readFail(Step &step, const Entry &entry);
    void registerName(const QString &name, const SourceLocation &at);

    void readExpect(const Entry &entry);
    std::optional<TaskExpectation> readTaskExpectation(const Entry &entry);

    std::shared_ptr<ScenarioData> m_data;
    QStringList m_taskNames;                     // in document order
    QHash<QString, SourceLocation> m_nameSeen;   // first use of each task name
    QHash<int, int> m_autoNames;                 // per helper kind: unnamed helpers numbered so far
    int m_depth = 0;                             // helper nodes around the one being read
    bool m_depthReported = false;
};

} // namespace scenarios
