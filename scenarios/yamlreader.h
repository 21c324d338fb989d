#pragma once

#include "scenario.h"

#include "engine/types.h"

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <vector>

namespace scenarios {

/// The checked-reading half of the scenario parser: reads maps, text, durations and flags from
/// yaml-cpp nodes and records a located Diagnostic for everything that is not what was expected.
class YamlReader
{
public:
    explicit YamlReader(QString fileName);

    /// The text being read; marks are turned into 1-based lines and character columns against it.
    void setSource(std::string utf8) { m_source = std::move(utf8); }

protected:
    /// One key of a map, with the key node kept for its place in the file.
    struct Entry
    {
        QString key;
        YAML::Node keyNode;
        YAML::Node value;
    };
    using Entries = std::vector<Entry>;

    void error(const SourceLocation &where, const QString &message);
    void error(const YAML::Node &at, const QString &message);
    /// The node's place. yaml-cpp marks an empty (null) node where the *next* token starts, so for
    /// those the place is the last character written before it (the '-' or ':' that began it).
    SourceLocation where(const YAML::Node &node) const;
    /// A yaml-cpp mark (0-based line, byte column) as a 1-based line and character column.
    SourceLocation where(const YAML::Mark &mark) const;
    /// Where a diagnostic about `entry`'s value points: the value, or the key when the value is
    /// empty (yaml-cpp places an empty value at the start of the next line).
    SourceLocation valueWhere(const Entry &entry) const;

    /// The entries of `map` in document order; unknown keys (with the nearest allowed one) and
    /// repeated keys are reported and dropped. `what` names a key in messages ("key", "task").
    /// `unlisted` keys are accepted but never suggested (the caller rejects them more precisely).
    Entries readMap(const YAML::Node &map, const QStringList &allowed, const QString &what = QStringLiteral("key"),
                    const QString &listIntro = QStringLiteral("expected one of"), const QStringList &unlisted = {});
    const Entry *find(const Entries &entries, const QString &key) const;
    std::optional<QString> readText(const Entry &entry);
    std::optional<engine::Tick> readDuration(const Entry &entry);
    std::optional<bool> readBool(const Entry &entry);

    /// The diagnostics so far, in document order.
    std::vector<Diagnostic> takeErrors();

    QString m_file;
    std::string m_source;
    std::vector<Diagnostic> m_errors;
};

} // namespace scenarios
