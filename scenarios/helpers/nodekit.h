#pragma once

// The kit every library file uses to map a helper onto a scenario node: the builder that runs a
// node coroutine, the table entry with its child counts and body, and readers for options and
// results that several libraries share. One kit, so that every helper is built and described the
// same way.

#include "../interpreter.h"
#include "../helperspec.h"

namespace scenarios::libraries {

/// A node coroutine: runs the parsed helper node in the calling task.
using NodeRun = QCoro::Task<engine::Value> (*)(engine::Ctx, std::shared_ptr<const Node>);

/// The table's builder for a node run by `Run`. A plain closure: the coroutine owns the node.
template<NodeRun Run>
engine::Body build(std::shared_ptr<const Node> node)
{
    return [node](engine::Ctx ctx) { return Run(ctx, node); };
}

/// What a node has beside its children.
enum class NodeBody : quint8 {
    None,       ///< children only
    Steps,      ///< a `body:` the calling task runs inside the helper (a with-block)
    Spawning,   ///< a `body:` whose `spawn:` steps start tasks in the helper (nurseries, groups)
};

/// The table entry `<library>.<name>` with `minChildren`…`maxChildren` children (-1: unbounded).
HelperSpec entry(const char *library, const char *name, const char *category, const QString &brief,
                 HelperBuilder build, int minChildren = 1, int maxChildren = -1, NodeBody body = NodeBody::None);

/// A with-block: a body beside exactly `children` children.
HelperSpec blockEntry(const char *library, const char *name, const char *category, const QString &brief,
                      HelperBuilder build, int children = 0);

/// A scope that owns tasks: any number of children plus a body that may spawn more.
HelperSpec scopeEntry(const char *library, const char *name, const char *category, const QString &brief,
                      HelperBuilder build);

/// The child `index` of `node` as a named engine child.
engine::Child childAt(const Node &node, size_t index);

/// A duration option that may be absent (no timeout, no deadline …), as ticks; `fallback` when absent.
engine::Tick ticksOr(const Node &node, const QString &key, engine::Tick fallback);

/// A whole-number option that may be absent (None), or `fallback` when absent.
int intOr(const Node &node, const QString &key, int fallback);

/// `[done, pending]` as two lists of task names in input order (asyncio's and concurry's wait()).
engine::Value doneAndPending(const engine::Runtime &rt, const std::vector<engine::TaskId> &done,
                             const std::vector<engine::TaskId> &pending);

} // namespace scenarios::libraries
