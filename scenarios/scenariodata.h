#pragma once

// The parsed scenario tree. Everything here is immutable once the parser has built it; the
// interpreter's task bodies hold shared pointers to nodes so that a run outlives its Scenario.

#include "scenario.h"

#include "engine/types.h"

#include <QVariant>

#include <memory>
#include <optional>
#include <vector>

namespace scenarios {

/// One instruction of a leaf task's script or of a nursery body.
struct Step
{
    enum class Kind : quint8 { Sleep, Return, Fail, Checkpoint };

    Kind kind = Kind::Checkpoint;
    engine::Tick duration = 0;   ///< Sleep
    QVariant value;              ///< Return (an invalid QVariant is None)
    QString errorType;           ///< Fail
    QString errorMessage;        ///< Fail
    SourceLocation where;
};
using Steps = std::vector<Step>;

/// A node of the task tree: a leaf task or a helper (wait_any, wait_all, nursery).
struct Node
{
    enum class Kind : quint8 { Task, WaitAny, WaitAll, Nursery };

    Kind kind = Kind::Task;
    /// The task's name; for a helper, the name of the task it runs in (the root's, or the task
    /// that wraps it when it is a child of another helper).
    QString name;
    bool daemon = false;                               ///< started as a nursery daemon
    Steps steps;                                       ///< Task: its script; Nursery: the body
    std::vector<std::shared_ptr<const Node>> children; ///< helpers only, in start order
    SourceLocation where;
};

/// What one task is expected to end as (an entry of `expect.tasks`).
struct TaskExpectation
{
    QString task;
    SourceLocation where;
    std::optional<engine::TaskState> outcome;
    std::optional<engine::Tick> at;
    std::optional<QString> result;   ///< engine::describeValue text
    std::optional<QString> error;    ///< engine::Error::describe text
};

/// The `expect` block.
struct Expectations
{
    std::optional<QString> result;
    SourceLocation resultWhere;
    std::optional<QString> error;
    SourceLocation errorWhere;
    std::vector<TaskExpectation> tasks;

    bool isEmpty() const { return count() == 0; }
    /// How many separate checks the block asks for.
    int count() const { return (result ? 1 : 0) + (error ? 1 : 0) + int(tasks.size()); }
};

struct ScenarioData
{
    QString path;
    QString text;
    QString title;
    QString conceptName;   // YAML `concept` (a C++20 keyword)
    QString profile = QStringLiteral("asyncgui");
    QString description;
    std::shared_ptr<const Node> root;
    Expectations expect;
};

const char *toString(Node::Kind kind);
const char *toString(Step::Kind kind);
/// "sleep 2", "return 'A'", "fail ValueError('x')", "checkpoint".
QString describeStep(const Step &step);
/// An indented outline of the tree, one node per line, e.g. "wait_any main" / "  task A: sleep 1, return 'A'".
QString describeTree(const Node &root);

} // namespace scenarios
