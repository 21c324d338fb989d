#pragma once

// Small pieces shared by the haiway, aio.tasks and concurry node files: a helper's table entry and
// the builder that runs a coroutine function for a parsed node.

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

} // namespace scenarios::libraries
