#pragma once

// Small pieces the effectpy, trio and asyncio node files share: a table entry, the builder that
// wraps a node coroutine, and the children of a node as effects or named children.

#include "../helperspec.h"
#include "../interpreter.h"

namespace scenarios::nodekit {

/// A node coroutine: runs the parsed helper node in the calling task.
using NodeRun = QCoro::Task<engine::Value> (*)(engine::Ctx, std::shared_ptr<const Node>);

template<NodeRun Run>
engine::Body build(std::shared_ptr<const Node> node)
{
    return [node](engine::Ctx ctx) { return Run(ctx, node); };
}

/// A table entry `<library>.<name>` with `min`…`max` children (-1: unbounded).
inline HelperSpec entry(const char *library, const char *name, const char *category, const QString &brief,
                        HelperBuilder build, int minChildren = 1, int maxChildren = -1)
{
    HelperSpec s;
    s.library = QLatin1String(library);
    s.name = s.library + QLatin1Char('.') + QLatin1String(name);
    s.category = QLatin1String(category);
    s.brief = brief;
    s.build = build;
    s.minChildren = minChildren;
    s.maxChildren = maxChildren;
    return s;
}

/// The child `index` of `node` as a named engine child.
inline engine::Child childAt(const Node &node, size_t index)
{
    const std::shared_ptr<const Node> &child = node.children.at(index);
    return engine::Child{child->name, bodyFor(child)};
}

/// An option that may be absent, as ticks (`fallback` when not given).
inline engine::Tick ticks(const Node &node, const QString &key, engine::Tick fallback)
{
    const QVariant v = node.option(key);
    return v.isValid() ? engine::Tick(v.toLongLong()) : fallback;
}

} // namespace scenarios::nodekit
