#include "helperspec.h"

#include "helpers/libraries.h"

#include <QHash>

namespace scenarios {

const OptionSpec *HelperSpec::option(const QString &key) const
{
    for (const OptionSpec &o : options)
        if (o.key == key)
            return &o;
    return nullptr;
}

QStringList HelperSpec::optionKeys() const
{
    QStringList keys;
    for (const OptionSpec &o : options)
        keys << o.key;
    return keys;
}

const std::vector<HelperSpec> &helperSpecs()
{
    static const std::vector<HelperSpec> table = [] {
        std::vector<HelperSpec> t;
        libraries::addAsyncgui(t);
        libraries::addHaiway(t);
        libraries::addAiotasks(t);
        libraries::addConcurry(t);
        libraries::addEffectpy(t);
        libraries::addTrio(t);
        libraries::addAsyncio(t);
        return t;
    }();
    return table;
}

namespace {

const QHash<QString, const HelperSpec *> &byKey()
{
    static const QHash<QString, const HelperSpec *> index = [] {
        QHash<QString, const HelperSpec *> h;
        for (const HelperSpec &spec : helperSpecs()) {
            h.insert(spec.name, &spec);
            for (const QString &alias : spec.aliases)
                h.insert(alias, &spec);
        }
        return h;
    }();
    return index;
}

} // namespace

const HelperSpec *findHelper(const QString &key)
{
    return byKey().value(key, nullptr);
}

const QStringList &helperKeys()
{
    static const QStringList keys = [] {
        QStringList k;
        for (const HelperSpec &spec : helperSpecs())
            k << spec.name << spec.aliases;
        return k;
    }();
    return keys;
}

} // namespace scenarios
