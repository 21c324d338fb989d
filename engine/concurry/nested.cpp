#include "nested.h"

#include "dict.h"

#include "../value.h"

#include <QVariantList>

namespace engine::concurry {

Nested Nested::future(Child child)
{
    Nested n;
    n.m_kind = Kind::Future;
    n.m_child = std::move(child);
    return n;
}

Nested Nested::future(const QString &name, Value value)
{
    Body done = [value](Ctx) -> QCoro::Task<Value> { co_return value; };
    return future(Child{name, std::move(done)});
}

Nested Nested::value(Value value, QString name)
{
    Nested n;
    n.m_kind = Kind::Value;
    n.m_value = std::move(value);
    n.m_name = std::move(name);
    return n;
}

Nested Nested::list(std::vector<Nested> items)
{
    Nested n;
    n.m_kind = Kind::List;
    n.m_items = std::move(items);
    return n;
}

Nested Nested::dict(QStringList keys, std::vector<Nested> items)
{
    Q_ASSERT(keys.size() == int(items.size()));
    Nested n;
    n.m_kind = Kind::Dict;
    n.m_keys = std::move(keys);
    n.m_items = std::move(items);
    return n;
}

QString Nested::name() const
{
    switch (m_kind) {
    case Kind::Future: return m_child.name;
    case Kind::Value: return m_name.isEmpty() ? describeValue(m_value) : m_name;
    case Kind::List:
    case Kind::Dict: break;
    }
    return describeValue(wrappedValue());
}

Value Nested::wrappedValue() const
{
    switch (m_kind) {
    case Kind::Future:
        return QStringLiteral("<future %1>").arg(m_child.name);
    case Kind::Value:
        return m_value;
    case Kind::List: {
        QVariantList out;
        for (const Nested &item : m_items)
            out << item.wrappedValue();
        return out;
    }
    case Kind::Dict: {
        Dict out;
        for (int i = 0; i < m_keys.size(); ++i)
            out.insert(m_keys.at(i), m_items[size_t(i)].wrappedValue());
        return out.toVariant();
    }
    }
    return {};
}

} // namespace engine::concurry
