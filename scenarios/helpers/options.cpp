#include "options.h"

namespace scenarios::options {

namespace {

OptionSpec make(const QString &key, OptionType type, QVariant fallback, const QString &brief)
{
    OptionSpec o;
    o.key = key;
    o.type = type;
    o.fallback = std::move(fallback);
    o.brief = brief;
    return o;
}

} // namespace

OptionSpec integer(const QString &key, QVariant fallback, const QString &brief, double min, double max, bool zeroAllowed)
{
    OptionSpec o = make(key, OptionType::Int, std::move(fallback), brief);
    o.min = min;
    o.max = max;
    o.zeroAllowed = zeroAllowed;
    return o;
}

OptionSpec number(const QString &key, QVariant fallback, const QString &brief, double min, double max)
{
    OptionSpec o = make(key, OptionType::Number, std::move(fallback), brief);
    o.min = min;
    o.max = max;
    return o;
}

OptionSpec flag(const QString &key, bool fallback, const QString &brief)
{
    return make(key, OptionType::Bool, fallback, brief);
}

OptionSpec duration(const QString &key, QVariant fallback, const QString &brief)
{
    return make(key, OptionType::Duration, std::move(fallback), brief);
}

OptionSpec durations(const QString &key, const QString &brief)
{
    return make(key, OptionType::Durations, QVariant(), brief);
}

OptionSpec choice(const QString &key, const QString &fallback, const QStringList &choices, const QString &brief)
{
    OptionSpec o = make(key, OptionType::Choice, fallback, brief);
    o.choices = choices;
    return o;
}

OptionSpec text(const QString &key, QVariant fallback, const QString &brief)
{
    return make(key, OptionType::Text, std::move(fallback), brief);
}

OptionSpec words(const QString &key, const QString &brief)
{
    return make(key, OptionType::TextList, QVariant(), brief);
}

OptionSpec value(const QString &key, const QString &brief)
{
    return make(key, OptionType::Value, QVariant(), brief);
}

OptionSpec perKey(const QString &key, const QString &keyWord, std::vector<OptionSpec> fields,
                  QStringList (*keys)(const Node &node), const QString &brief)
{
    OptionSpec o = make(key, OptionType::Map, QVariantMap(), brief);
    o.fields = std::move(fields);
    o.keyWord = keyWord;
    o.keys = keys;
    return o;
}

OptionSpec required(OptionSpec spec)
{
    spec.required = true;
    return spec;
}

std::vector<OptionSpec> source()
{
    return {
        integer(QStringLiteral("source_raises_after"), QVariant(),
                QStringLiteral("the input iterable raises ValueError('source') when pulled after this many items")),
        duration(QStringLiteral("source_delay"), QVariant(),
                 QStringLiteral("an async input: every pull waits this long first")),
        flag(QStringLiteral("source_generator"), false,
             QStringLiteral("the input is a generator (cannot be listed or closed in advance)")),
    };
}

std::vector<OptionSpec> withSource(std::vector<OptionSpec> own)
{
    for (OptionSpec &o : source())
        own.push_back(std::move(o));
    return own;
}

} // namespace scenarios::options
