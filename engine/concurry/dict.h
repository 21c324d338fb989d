#pragma once

#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QVariant>

namespace engine::concurry {

/// A Python dict result: keys keep their insertion order (QVariantMap would sort them). Stored in
/// a QVariant it prints, through engine::describeValue, as {'a': 1, 'b': 2} in that order.
class Dict
{
public:
    /// Appends `key` (or replaces its value in place, as assigning to a Python dict does).
    void insert(const QString &key, const QVariant &value);
    QVariant value(const QString &key) const;
    bool contains(const QString &key) const;
    QStringList keys() const;
    int size() const { return int(m_items.size()); }
    bool isEmpty() const { return m_items.isEmpty(); }
    const QList<QPair<QString, QVariant>> &items() const { return m_items; }

    /// {'a': 1, 'b': 2}.
    QString describe() const;
    /// This dict as a QVariant that describeValue() prints in insertion order.
    QVariant toVariant() const;

    bool operator==(const Dict &other) const;

private:
    QList<QPair<QString, QVariant>> m_items;
};

} // namespace engine::concurry

Q_DECLARE_METATYPE(engine::concurry::Dict)
