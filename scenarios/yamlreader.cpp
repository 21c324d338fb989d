#include "yamlreader.h"

#include "nearestword.h"
#include "yamlvalue.h"

#include <algorithm>
#include <utility>

namespace scenarios {

YamlReader::YamlReader(QString fileName)
    : m_file(std::move(fileName))
{
}

void YamlReader::error(const SourceLocation &at, const QString &message)
{
    m_errors.push_back(Diagnostic{at, message});
}

void YamlReader::error(const YAML::Node &at, const QString &message)
{
    error(where(at), message);
}

SourceLocation YamlReader::where(const YAML::Node &node) const
{
    return locate(node, m_file);
}

SourceLocation YamlReader::valueWhere(const Entry &entry) const
{
    return entry.value.IsNull() ? where(entry.keyNode) : where(entry.value);
}

YamlReader::Entries YamlReader::readMap(const YAML::Node &map, const QStringList &allowed, const QString &what,
                                        const QString &listIntro)
{
    Entries entries;
    for (const auto &kv : map) {
        if (!kv.first.IsScalar()) {
            error(kv.first, QStringLiteral("a key must be a plain word, not %1").arg(describeKind(kv.first)));
            continue;
        }
        const QString key = scalarText(kv.first);
        if (!allowed.contains(key)) {
            error(kv.first, QStringLiteral("unknown %1 '%2'").arg(what, key) + suggestionSuffix(key, allowed, listIntro));
            continue;
        }
        if (const Entry *first = find(entries, key)) {
            error(kv.first, QStringLiteral("duplicate %1 '%2'; first given at line %3").arg(what, key).arg(where(first->keyNode).line));
            continue;
        }
        entries.push_back(Entry{key, kv.first, kv.second});
    }
    return entries;
}

const YamlReader::Entry *YamlReader::find(const Entries &entries, const QString &key) const
{
    for (const Entry &e : entries)
        if (e.key == key)
            return &e;
    return nullptr;
}

std::optional<QString> YamlReader::readText(const Entry &entry)
{
    if (!entry.value.IsScalar()) {
        error(valueWhere(entry), QStringLiteral("'%1' must be text, not %2").arg(entry.key, describeKind(entry.value)));
        return std::nullopt;
    }
    return scalarText(entry.value);
}

std::optional<engine::Tick> YamlReader::readDuration(const Entry &entry)
{
    if (!entry.value.IsScalar()) {
        error(valueWhere(entry), QStringLiteral("'%1' must be a duration (3, '250ms', '2s'), not %2").arg(entry.key, describeKind(entry.value)));
        return std::nullopt;
    }
    QString problem;
    const engine::Tick ticks = parseDuration(scalarText(entry.value), &problem);
    if (!problem.isEmpty()) {
        error(entry.value, problem);
        return std::nullopt;
    }
    return ticks;
}

std::optional<bool> YamlReader::readBool(const Entry &entry)
{
    const QVariant v = entry.value.IsScalar() && isPlainScalar(entry.value) ? toVariant(entry.value) : QVariant();
    if (v.typeId() != QMetaType::Bool) {
        error(valueWhere(entry), QStringLiteral("'%1' must be true or false, not %2").arg(entry.key, describeKind(entry.value)));
        return std::nullopt;
    }
    return v.toBool();
}

std::vector<Diagnostic> YamlReader::takeErrors()
{
    // Document order reads best, whatever order the checks ran in.
    std::stable_sort(m_errors.begin(), m_errors.end(), [](const Diagnostic &a, const Diagnostic &b) {
        return a.where.line != b.where.line ? a.where.line < b.where.line : a.where.column < b.where.column;
    });
    return std::exchange(m_errors, {});
}

} // namespace scenarios
