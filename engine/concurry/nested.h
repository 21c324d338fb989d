#pragma once

#include "../child.h"

#include <QStringList>

#include <vector>

namespace engine::concurry {

/// One argument of a concurry call as Python passes it: a future (a Child: already submitted, it
/// starts when the call is made), a plain value, a list (list/tuple/set), or a dict, the last two
/// holding further arguments. wrap_future() turns anything that is not a future into a future that
/// is already done: a plain value with itself, a structure with the structure (its futures inside
/// are not waited for; they run on unobserved).
class Nested
{
public:
    enum class Kind : quint8 { Future, Value, List, Dict };

    /// A future.
    static Nested future(Child child);
    /// A future named `name` that is already done with `value` (a completed SyncFuture).
    static Nested future(const QString &name, Value value);
    /// A plain value (not a future); its name in the trace defaults to its description.
    static Nested value(Value value, QString name = {});
    /// A list of arguments.
    static Nested list(std::vector<Nested> items);
    /// A dict of arguments (keys in insertion order; `keys` and `items` have the same size).
    static Nested dict(QStringList keys, std::vector<Nested> items);

    Kind kind() const { return m_kind; }
    bool isStructure() const { return m_kind == Kind::List || m_kind == Kind::Dict; }
    const Child &child() const { return m_child; }
    const Value &plain() const { return m_value; }
    const std::vector<Nested> &items() const { return m_items; }
    const QStringList &keys() const { return m_keys; }

    /// The name of the future wrap_future() makes of this argument.
    QString name() const;
    /// What a done future made by wrap_future() holds: the value itself; for a structure the same
    /// structure (a list, or a Dict) with each future shown as '<future NAME>'.
    Value wrappedValue() const;

private:
    Kind m_kind = Kind::Value;
    Child m_child;
    Value m_value;
    QString m_name;
    std::vector<Nested> m_items;
    QStringList m_keys;
};

} // namespace engine::concurry
