#include "yamlvalue.h"

#include <QRegularExpression>

namespace scenarios {

QString scalarText(const YAML::Node &node)
{
    return QString::fromStdString(node.Scalar());
}

bool isPlainScalar(const YAML::Node &node)
{
    // yaml-cpp tags plain scalars "?" and quoted ones "!" unless an explicit tag was written.
    return node.IsScalar() && node.Tag() == "?";
}

QString describeKind(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Sequence: return QStringLiteral("a list");
    case YAML::NodeType::Map: return QStringLiteral("a map");
    case YAML::NodeType::Scalar: return QStringLiteral("'%1'").arg(scalarText(node));
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined: break;
    }
    return QStringLiteral("nothing");
}

namespace {

QVariant plainScalar(const QString &s)
{
    static const QRegularExpression nullRe(QStringLiteral("^(~|null|Null|NULL|)$"));
    static const QRegularExpression trueRe(QStringLiteral("^(true|True|TRUE)$"));
    static const QRegularExpression falseRe(QStringLiteral("^(false|False|FALSE)$"));
    static const QRegularExpression intRe(QStringLiteral("^[-+]?[0-9]+$"));
    static const QRegularExpression floatRe(QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    if (nullRe.match(s).hasMatch())
        return {};
    if (trueRe.match(s).hasMatch())
        return true;
    if (falseRe.match(s).hasMatch())
        return false;
    bool ok = false;
    if (intRe.match(s).hasMatch()) {
        const qlonglong n = s.toLongLong(&ok);
        if (ok)
            return n;
    }
    if (floatRe.match(s).hasMatch()) {
        const double d = s.toDouble(&ok);
        if (ok)
            return d;
    }
    return s;
}

} // namespace

QVariant toVariant(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Scalar:
        return isPlainScalar(node) ? plainScalar(scalarText(node)) : QVariant(scalarText(node));
    case YAML::NodeType::Sequence: {
        QVariantList list;
        for (const YAML::Node &item : node)
            list << toVariant(item);
        return list;
    }
    case YAML::NodeType::Map: {
        QVariantMap map;
        for (const auto &entry : node)
            map.insert(scalarText(entry.first), toVariant(entry.second));
        return map;
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return {};
}

engine::Tick parseDuration(const QString &text, QString *error)
{
    // Far beyond any lesson, far below the clock's Never: sums of durations cannot overflow.
    constexpr engine::Tick limit = 1'000'000'000'000;
    static const QRegularExpression re(QStringLiteral("^([-+]?)([0-9]+)(?:\\.([0-9]+))?\\s*(ms|s)?$"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    const QString unit = m.captured(4);
    const QString fraction = m.captured(3);
    if (!m.hasMatch() || (unit.isEmpty() && !fraction.isEmpty())) {
        *error = QStringLiteral("invalid duration '%1'; expected whole ticks (e.g. 3), '250ms' or '2s'").arg(text);
        return -1;
    }
    if (m.captured(1) == QLatin1String("-")) {
        *error = QStringLiteral("duration must not be negative, got '%1'").arg(text);
        return -1;
    }
    // 1 tick = 1 ms: seconds may carry up to three decimals, milliseconds none.
    const int scaleDigits = unit == QLatin1String("s") ? 3 : 0;
    if (fraction.size() > scaleDigits && fraction.mid(scaleDigits).contains(QRegularExpression(QStringLiteral("[1-9]")))) {
        *error = QStringLiteral("invalid duration '%1'; it is not a whole number of ticks (1 tick = 1 ms)").arg(text);
        return -1;
    }
    const QString digits = m.captured(2) + (fraction + QString(scaleDigits, QLatin1Char('0'))).left(scaleDigits);
    bool ok = false;
    const engine::Tick ticks = digits.size() <= 18 ? digits.toLongLong(&ok) : 0;
    if (!ok || ticks > limit) {
        *error = QStringLiteral("duration '%1' is too large").arg(text);
        return -1;
    }
    error->clear();
    return ticks;
}

} // namespace scenarios
