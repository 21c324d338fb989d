#include "nodekit.h"

namespace scenarios::libraries {

namespace {

QVariantList taskNames(const engine::Runtime &rt, const std::vector<engine::TaskId> &ids)
{
    QVariantList names;
    for (const engine::TaskId id : ids)
        names << rt.task(id).name;
    return names;
}

} // namespace

HelperSpec entry(const char *library, const char *name, const char *category, const QString &brief,
                 HelperBuilder build, int minChildren, int maxChildren, NodeBody body)
{
    HelperSpec s;
    s.library = QLatin1String(library);
    s.name = s.library + QLatin1Char('.') + QLatin1String(name);
    s.category = QLatin1String(category);
    s.brief = brief;
    s.build = build;
    s.minChildren = minChildren;
    s.maxChildren = maxChildren;
    s.body = body != NodeBody::None;
    s.spawns = body == NodeBody::Spawning;
    return s;
}

HelperSpec blockEntry(const char *library, const char *name, const char *category, const QString &brief,
                      HelperBuilder build, int children)
{
    return entry(library, name, category, brief, build, children, children, NodeBody::Steps);
}

HelperSpec scopeEntry(const char *library, const char *name, const char *category, const QString &brief,
                      HelperBuilder build)
{
    return entry(library, name, category, brief, build, 0, -1, NodeBody::Spawning);
}

engine::Child childAt(const Node &node, size_t index)
{
    const std::shared_ptr<const Node> &child = node.children.at(index);
    return engine::Child{child->name, bodyFor(child)};
}

engine::Tick ticksOr(const Node &node, const QString &key, engine::Tick fallback)
{
    const QVariant v = node.option(key);
    return v.isValid() ? engine::Tick(v.toLongLong()) : fallback;
}

int intOr(const Node &node, const QString &key, int fallback)
{
    const QVariant v = node.option(key);
    return v.isValid() ? v.toInt() : fallback;
}

engine::Value doneAndPending(const engine::Runtime &rt, const std::vector<engine::TaskId> &done,
                             const std::vector<engine::TaskId> &pending)
{
    return QVariantList{QVariant(taskNames(rt, done)), QVariant(taskNames(rt, pending))};
}

} // namespace scenarios::libraries
