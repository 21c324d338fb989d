#pragma once

// The table of helper node kinds a scenario may use (`asyncgui.wait_any`, `haiway.execute_concurrently`
// …): for each, its options with their types and defaults, how many children it takes, whether it
// has a body, and the function that turns a parsed node into an engine task body. The parser
// validates against this table and the interpreter builds from it, so adding a helper to the
// format is one entry in its library's file under scenarios/helpers/.

#include "engine/runtime.h"

#include <QString>
#include <QStringList>
#include <QVariant>

#include <limits>
#include <memory>
#include <vector>

namespace scenarios {

struct Node;

/// The type of a helper option's value.
enum class OptionType : quint8 {
    Int,        ///< a whole number within [min, max]
    Duration,   ///< ticks: 3, 250ms, 2s (never negative)
    Bool,       ///< true / false
    Text,       ///< free text
    Choice,     ///< one of `choices`
    Number,     ///< a real number within [min, max]
    Value,      ///< any YAML value (a task result, e.g. a fallback)
    Durations,  ///< a list of durations (explicit retry delays)
    TextList,   ///< a list of words (error type names to catch)
    Map,        ///< a map of names (`keys`) to maps of typed `fields` (concurry's per-method settings)
};

/// One option of a helper node (a key of its map form).
struct OptionSpec
{
    QString key;
    OptionType type = OptionType::Int;
    QVariant fallback;   ///< the value when the key is absent (invalid: "not given")
    QString brief;       ///< one line, shown by `taskscope help` and in the format reference
    QStringList choices;                                   ///< Choice
    double min = std::numeric_limits<qint32>::min();       ///< Int, Number
    double max = std::numeric_limits<qint32>::max();       ///< Int, Number
    bool zeroAllowed = true;                               ///< Int: `limit: 0` is an error when false
    bool required = false;                                 ///< the node must give it
    /// Map: the settings each entry holds, with their types and defaults (a key left out of an
    /// entry takes the field's default).
    std::vector<OptionSpec> fields;
    /// Map: what a key names ("method"), for messages.
    QString keyWord;
    /// Map: the keys the node allows besides `*` (the entry for every other key), read from the
    /// parsed node once its children are known (a worker's methods); null: any key.
    QStringList (*keys)(const Node &node) = nullptr;
};

/// What a helper's children are.
enum class ChildRole : quint8 {
    Tasks,       ///< any nodes, run as tasks (or as items of a fan-out)
    Producers,   ///< stream producers: leaf tasks whose steps are only sleep, emit and fail
    Started,     ///< children started with trio's nursery.start: their scripts may use `started:`
};

/// Builds the task body that runs a parsed helper node in the calling task.
using HelperBuilder = engine::Body (*)(std::shared_ptr<const Node> node);

/// One helper node kind of the format.
struct HelperSpec
{
    QString name;       ///< the node key, e.g. "haiway.execute_concurrently"
    QString library;    ///< "haiway", "aiotasks", "asyncgui", "concurry", "effectpy", "trio", "asyncio"
    QString category;   ///< scope, fan-out, race, gather, stream, time, resilience, resources
    QString brief;      ///< one line: what it does, in the library's words
    int minChildren = 1;
    int maxChildren = -1;   ///< -1: no upper bound
    ChildRole role = ChildRole::Tasks;
    /// The node may have a `body:` (steps run by the calling task inside the helper: the with-block
    /// of a context manager, a nursery's body).
    bool body = false;
    /// The body may `spawn:` nodes into the helper (nurseries, task groups, scopes).
    bool spawns = false;
    /// Its `task` children's scripts may `spawn:` (asyncio.runner: create_task on the runner's loop).
    bool childrenSpawn = false;
    /// The node owns the event loop (asyncio.runner): it is no task's body, so only the root may be
    /// one; ScenarioRun runs it with a RunnerProgram instead of spawning a root task, and `build`
    /// is never called. Its name names no task.
    bool drivesLoop = false;
    /// Flags its children may set to true (`daemon`, `close_on_finish` for asyncgui's nursery).
    QStringList childFlags;
    std::vector<OptionSpec> options;
    HelperBuilder build = nullptr;
    QStringList aliases;   ///< other accepted keys (v1's `wait_any`, `wait_all`, `nursery`)

    const OptionSpec *option(const QString &key) const;
    QStringList optionKeys() const;
};

/// Every helper of the format, grouped by library in a stable order.
const std::vector<HelperSpec> &helperSpecs();
/// The helper with this node key or alias, or nullptr.
const HelperSpec *findHelper(const QString &key);
/// Every node key a scenario may use (for suggestions), aliases included.
const QStringList &helperKeys();

} // namespace scenarios
