#include "yamlreader.h"

#include "nearestword.h"
#include "yamlvalue.h"

#include <algorithm>
#include <cctype>
#include <string_view>
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
    YAML::Mark mark = node.Mark();
    if (!node.IsNull() || mark.line < 0 || mark.pos < 0 || size_t(mark.pos) > m_source.size())
        return where(mark);
    // Walk back line by line, skipping blanks and comments, to the last character written.
    size_t end = size_t(mark.pos);   // exclusive end of the part of the line still to look at
    for (int line = mark.line; line >= 0; --line) {
        const size_t newline = end == 0 ? std::string::npos : m_source.rfind('\n', end - 1);
        const size_t start = newline == std::string::npos ? 0 : newline + 1;
        std::string_view text(m_source.data() + start, end - start);
        for (size_t i = 0; i < text.size(); ++i)
            if (text[i] == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t')) {
                text = text.substr(0, i);
                break;
            }
        while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
            text.remove_suffix(1);
        if (!text.empty()) {
            mark.line = line;
            mark.column = int(text.size()) - 1;
            mark.pos = int(start + text.size()) - 1;
            return where(mark);
        }
        if (start == 0)
            break;
        end = start - 1;   // the previous line, without its newline
    }
    return where(node.Mark());
}

SourceLocation YamlReader::where(const YAML::Mark &mark) const
{
    // A null mark (-1) means yaml-cpp did not know; line 0 then prints as "file: message".
    if (mark.line < 0)
        return SourceLocation{m_file, 0, 0};
    int column = mark.column + 1;
    // yaml-cpp counts columns in bytes; people (and editors) count characters.
    const qsizetype lineStart = mark.pos - mark.column;
    if (mark.pos >= 0 && lineStart >= 0 && size_t(mark.pos) <= m_source.size())
        column = int(QString::fromUtf8(m_source.data() + lineStart, mark.column).size()) + 1;
    return SourceLocation{m_file, mark.line + 1, column};
}

SourceLocation YamlReader::valueWhere(const Entry &entry) const
{
    return entry.value.IsNull() ? where(entry.keyNode) : where(entry.value);
}

YamlReader::Entries YamlReader::readMap(const YAML::Node &map, const QStringList &allowed, const QString &what,
                                        const QString &listIntro, const QStringList &unlisted)
{
    Entries entries;
    for (const auto &kv : map) {
        if (!kv.first.IsScalar()) {
            error(kv.first, QStringLiteral("a key must be a plain word, not %1").arg(describeKind(kv.first)));
            continue;
        }
        const QString key = scalarText(kv.first);
        if (!allowed.contains(key) && !unlisted.contains(key)) {
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
