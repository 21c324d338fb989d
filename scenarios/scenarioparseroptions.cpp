#include "scenarioparser.h"

// The scenario parser, part four: helper options, read against their OptionSpec (numbers, durations,
// choices, lists, and maps of names to typed settings such as concurry's per-method retries).

#include "nearestword.h"
#include "yamlvalue.h"

namespace scenarios {

std::optional<QVariant> ScenarioParser::readOption(const OptionSpec &spec, const Entry &entry)
{
    const bool plain = entry.value.IsScalar() && isPlainScalar(entry.value);
    const QVariant v = plain ? toVariant(entry.value) : QVariant();
    switch (spec.type) {
    case OptionType::Int: {
        if (v.typeId() != QMetaType::LongLong && v.typeId() != QMetaType::Int) {
            error(valueWhere(entry), QStringLiteral("'%1' must be a whole number, not %2").arg(entry.key, describeKind(entry.value)));
            return std::nullopt;
        }
        const qint64 n = v.toLongLong();
        if (n == 0 && !spec.zeroAllowed) {
            error(entry.value, QStringLiteral("'%1' must not be 0%2").arg(entry.key, spec.min < 0 ? QStringLiteral(" (use -1 for no limit)") : QString()));
            return std::nullopt;
        }
        if (double(n) < spec.min || double(n) > spec.max) {
            error(entry.value, QStringLiteral("'%1' must be between %2 and %3, not %4").arg(entry.key).arg(qint64(spec.min)).arg(qint64(spec.max)).arg(n));
            return std::nullopt;
        }
        return QVariant(n);
    }
    case OptionType::Number: {
        bool ok = false;
        const double d = v.toDouble(&ok);
        if (!ok || v.typeId() == QMetaType::Bool || v.typeId() == QMetaType::QString) {
            error(valueWhere(entry), QStringLiteral("'%1' must be a number, not %2").arg(entry.key, describeKind(entry.value)));
            return std::nullopt;
        }
        if (d < spec.min || d > spec.max) {
            error(entry.value, QStringLiteral("'%1' must be between %2 and %3, not %4").arg(entry.key).arg(spec.min).arg(spec.max).arg(d));
            return std::nullopt;
        }
        return QVariant(d);
    }
    case OptionType::Duration:
        if (const std::optional<engine::Tick> d = readDuration(entry))
            return QVariant(qint64(*d));
        return std::nullopt;
    case OptionType::Bool:
        if (const std::optional<bool> b = readBool(entry))
            return QVariant(*b);
        return std::nullopt;
    case OptionType::Text:
        if (const std::optional<QString> t = readText(entry))
            return QVariant(*t);
        return std::nullopt;
    case OptionType::Choice: {
        const std::optional<QString> t = readText(entry);
        if (!t)
            return std::nullopt;
        if (!spec.choices.contains(*t)) {
            error(entry.value, QStringLiteral("unknown %1 '%2'").arg(entry.key, *t) + suggestionSuffix(*t, spec.choices));
            return std::nullopt;
        }
        return QVariant(*t);
    }
    case OptionType::Value:
        return toVariant(entry.value);
    case OptionType::Map:
        return readMapOption(spec, entry);
    case OptionType::Durations:
    case OptionType::TextList: {
        if (!entry.value.IsSequence() && !entry.value.IsScalar()) {
            error(valueWhere(entry), QStringLiteral("'%1' must be a list, not %2").arg(entry.key, describeKind(entry.value)));
            return std::nullopt;
        }
        std::vector<YAML::Node> items;
        if (entry.value.IsScalar())
            items.push_back(entry.value);
        else
            for (const YAML::Node &item : entry.value)
                items.push_back(item);
        QVariantList list;
        for (const YAML::Node &item : items) {
            const Entry one{entry.key, entry.keyNode, item};
            if (spec.type == OptionType::Durations) {
                const std::optional<engine::Tick> d = readDuration(one);
                if (!d)
                    return std::nullopt;
                list << QVariant(qint64(*d));
            } else {
                const std::optional<QString> t = readText(one);
                if (!t)
                    return std::nullopt;
                list << QVariant(*t);
            }
        }
        return QVariant(list);
    }
    }
    return std::nullopt;
}

std::optional<QVariant> ScenarioParser::readMapOption(const OptionSpec &spec, const Entry &entry)
{
    if (!entry.value.IsMap()) {
        error(valueWhere(entry), QStringLiteral("'%1' must be a map of %2 names to their settings, not %3")
                                     .arg(entry.key, spec.keyWord, describeKind(entry.value)));
        return std::nullopt;
    }
    QStringList fieldKeys;
    for (const OptionSpec &field : spec.fields)
        fieldKeys << field.key;
    QVariantMap map;
    bool ok = true;
    for (const auto &kv : entry.value) {
        const Entry named{scalarText(kv.first), kv.first, kv.second};
        if (!kv.first.IsScalar() || named.key.trimmed().isEmpty()) {
            error(kv.first, QStringLiteral("'%1' needs %2 names as keys, not %3").arg(entry.key, spec.keyWord, describeKind(kv.first)));
            ok = false;
            continue;
        }
        if (map.contains(named.key)) {
            error(kv.first, QStringLiteral("%1 '%2' is given twice in '%3'").arg(spec.keyWord, named.key, entry.key));
            ok = false;
            continue;
        }
        QVariantMap settings;
        if (!kv.second.IsNull()) {
            if (!kv.second.IsMap()) {
                error(valueWhere(named), QStringLiteral("the settings of %1 '%2' must be a map (e.g. {%3: 1}), not %4")
                                             .arg(spec.keyWord, named.key, fieldKeys.value(0), describeKind(kv.second)));
                ok = false;
                continue;
            }
            const size_t before = m_errors.size();
            for (const Entry &e : readMap(kv.second, fieldKeys, QStringLiteral("setting")))
                for (const OptionSpec &field : spec.fields)
                    if (field.key == e.key)
                        if (std::optional<QVariant> v = readOption(field, e))
                            settings.insert(e.key, *v);
            ok = ok && m_errors.size() == before;
        }
        map.insert(named.key, settings);
        // Which names exist is known only once the node's children are read: checked then.
        if (spec.keys && named.key != QLatin1String("*"))
            m_pendingKeys.push_back(PendingKey{&spec, named.key, where(kv.first)});
    }
    if (!ok)
        return std::nullopt;
    return QVariant(map);
}

void ScenarioParser::checkPendingKeys(const Node &node, std::vector<PendingKey> pending)
{
    for (const PendingKey &p : pending) {
        const QStringList allowed = p.spec->keys(node);
        if (allowed.contains(p.key))
            continue;
        error(p.where, QStringLiteral("unknown %1 '%2' in '%3'").arg(p.spec->keyWord, p.key, p.spec->key)
                           + suggestionSuffix(p.key, QStringList{QStringLiteral("*")} + allowed,
                                              QStringLiteral("the %1s are").arg(p.spec->keyWord)));
    }
}

} // namespace scenarios
