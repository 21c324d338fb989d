#include "nodekit.h"

namespace scenarios::libraries {

HelperSpec nodeSpec(const char *library, const char *name, const char *category, const QString &brief, HelperBuilder build)
{
    HelperSpec s;
    s.library = QLatin1String(library);
    s.name = s.library + QLatin1Char('.') + QLatin1String(name);
    s.category = QLatin1String(category);
    s.brief = brief;
    s.build = build;
    return s;
}

QVariantList taskNames(const engine::Runtime &rt, const std::vector<engine::TaskId> &ids)
{
    QVariantList names;
    for (const engine::TaskId id : ids)
        names << rt.task(id).name;
    return names;
}

} // namespace scenarios::libraries
