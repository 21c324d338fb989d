#pragma once

// Small pieces the library node files share: table entries, the builder that runs a coroutine
// function for a parsed node, children as engine children, options as ticks.

#include "../interpreter.h"
#include "../helperspec.h"

namespace scenarios::libraries {

/// The builder for a node run by `Run(ctx, node)` in the calling task.
template<QCoro::Task<engine::Value> (*Run)(engine::Ctx, std::shared_ptr<const Node>)>
engine::Body buildNode(std::shared_ptr<const Node> node)
{
    return [node](engine::Ctx ctx) { return Run(ctx, node); };
}

/// A table entry `<library>.<name>` with at least one child and no body.
HelperSpec nodeSpec(const char *library, const char *name, const char *category, const QString &brief, HelperBuilder build);

/// Task names of `ids`, in order (the members of concurry's done / not_done sets).
QVariantList taskNames(const engine::Runtime &rt, const std::vector<engine::TaskId> &ids);

void addHaiwayScopes(std::vector<HelperSpec> &table);   // haiwayscope.cpp
void addConcurryRetry(std::vector<HelperSpec> &table);  // concurryretry.cpp
void addTrioStart(std::vector<HelperSpec> &table);      // triostart.cpp
void addConcurryNested(std::vector<HelperSpec> &table); // concurrynested.cpp

} // namespace scenarios::libraries

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
