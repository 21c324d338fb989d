#include "dict.h"

#include "../value.h"

#include <QStringList>

namespace engine::concurry {

namespace {

// describeValue() prints unknown types through QVariant::toString(), which uses the converters
// registered with QMetaType: registering one for Dict is how it prints in insertion order.
void registerConverter()
{
    static const bool registered = QMetaType::registerConverter<Dict, QString>(&Dict::describe);
    Q_UNUSED(registered);
}

} // namespace

void Dict::insert(const QString &key, const QVariant &value)
{
    for (auto &item : m_items)
        if (item.first == key) {
            item.second = value;
            return;
        }
    m_items.append({key, value});
}

QVariant Dict::value(const QString &key) const
{
    for (const auto &item : m_items)
        if (item.first == key)
            return item.second;
    return {};
}

bool Dict::contains(const QString &key) const
{
    for (const auto &item : m_items)
        if (item.first == key)
            return true;
    return false;
}

QStringList Dict::keys() const
{
    QStringList out;
    for (const auto &item : m_items)
        out << item.first;
    return out;
}

QString Dict::describe() const
{
    QStringList parts;
    for (const auto &item : m_items)
        parts << QLatin1Char('\'') + item.first + QStringLiteral("': ") + describeValue(item.second);
    return QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
}

QVariant Dict::toVariant() const
{
    registerConverter();
    return QVariant::fromValue(*this);
}

bool Dict::operator==(const Dict &other) const
{
    return m_items == other.m_items;
}

} // namespace engine::concurry
