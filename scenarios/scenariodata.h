#pragma once

// The parsed scenario tree. Everything here is immutable once the parser has built it; the
// interpreter's task bodies hold shared pointers to nodes so that a run outlives its Scenario.

#include "scenario.h"

#include "engine/types.h"

#include <QVariant>
#include <QVariantMap>

#include <memory>
#include <optional>
#include <vector>

namespace scenarios {

struct Node;

/// One instruction of a leaf task's script or of a helper's body.
struct Step
{
    enum class Kind : quint8 {
        Sleep, Return, Fail, Checkpoint,
        Emit,      ///< a stream producer sends `value`
        Spawn,     ///< starts `node` in the helper whose body this is (nursery, task group)
        Cancel,    ///< requests cancellation of the task or scope called `target`
        Acquire,   ///< takes a slot of semaphore `target`
        Release,   ///< gives it back
        Put,       ///< puts `value` into queue `target`
        Get,       ///< takes an item from queue `target`
        Close,     ///< closes queue `target`
        Set,       ///< sets event `target`
        Wait,      ///< waits for event `target`
        Repeat,    ///< runs `nested` `count` times
        Protect,   ///< runs `nested` shielded from cancellation (trio shield, asyncgui disable_cancellation)
        Started,   ///< task_status.started(`value`) in a child started with nursery.start
        Uncancel,     ///< asyncio task.uncancel() on the running task (the count left is noted)
        Cancelling,   ///< notes asyncio task.cancelling() of the running task on its lane
        CatchCancel,  ///< runs `nested`; a cancellation raised there is caught (try/except CancelledError)
    };

    Kind kind = Kind::Checkpoint;
    engine::Tick duration = 0;   ///< Sleep
    QVariant value;              ///< Return / Emit / Put / Started (an invalid QVariant is None)
    QString errorType;           ///< Fail
    QString errorMessage;        ///< Fail
    QString target;              ///< Cancel, Acquire … Wait: a task, scope or resource name
    int count = 0;               ///< Repeat
    std::vector<Step> nested;    ///< Repeat, Protect
    std::shared_ptr<const Node> node;   ///< Spawn
    SourceLocation where;
};
using Steps = std::vector<Step>;

struct HelperSpec;

/// A shared object the steps of several tasks use by name (the top-level `resources` map).
struct Resource
{
    enum class Kind : quint8 {
        Semaphore,
        Queue,     ///< effectpy Queue: close wakes waiters; put raises after it, get once drained
        Event,
        Channel,   ///< effectpy Channel: close only refuses later sends; receive never raises
    };
    QString name;
    Kind kind = Kind::Event;
    int capacity = 0;   ///< Semaphore: slots; Queue, Channel: maxsize (0 unbounded)
    SourceLocation where;
};

/// A node of the task tree: a leaf task or a helper (any entry of helperSpecs()).
struct Node
{
    enum class Kind : quint8 { Task, Helper };

    Kind kind = Kind::Task;
    const HelperSpec *helper = nullptr;   ///< Helper: its entry in the table
    /// The task's name; for a helper, the name of the task it runs in (the root's, or the task
    /// that wraps it when it is a child of another helper).
    QString name;
    QStringList flags;                                 ///< child flags set true (daemon, close_on_finish …)
    bool ignoreCancel = false;                         ///< Task: swallows Cancelled at each step and goes on
    Steps steps;                                       ///< Task: its script; Helper: the body
    Steps onCancel;                                    ///< Task: cleanup run (shielded) when cancelled
    QVariantMap options;                               ///< Helper: given options only (see option())
    std::vector<std::shared_ptr<const Node>> children; ///< helpers only, in start order
    SourceLocation where;

    /// The option's value, or its default from the helper's table entry.
    QVariant option(const QString &key) const;
    bool flag(const QString &key) const { return flags.contains(key); }
    /// The helper's node key ("task" for a leaf).
    QString kindName() const;
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
    std::optional<int> cancelling;   ///< asyncio task.cancelling() once the run is over
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
    QString profile = QStringLiteral("asyncgui");   ///< given, or the library of the first helper
    bool profileGiven = false;
    std::optional<engine::TieOrder> ties;            ///< profile overrides (`profile:` as a map)
    quint64 seed = 0;
    std::optional<engine::Propagation> propagation;
    std::optional<engine::StartPolicy> start;
    QString description;
    std::shared_ptr<const Node> root;
    std::vector<Resource> resources;
    Expectations expect;
};

const char *toString(Step::Kind kind);
/// "sleep 2", "return 'A'", "fail ValueError('x')", "checkpoint".
QString describeStep(const Step &step);
/// An indented outline of the tree, one node per line, e.g. "wait_any main" / "  task A: sleep 1, return 'A'".
QString describeTree(const Node &root);

} // namespace scenarios
