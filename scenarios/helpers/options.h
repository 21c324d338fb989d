#pragma once

// Short constructors for the option tables of scenarios/helpers/*.cpp.

#include "../helperspec.h"

namespace scenarios::options {

/// A whole number in [min, max]; `zeroAllowed` false rejects 0 (a limit of 0 would never run).
OptionSpec integer(const QString &key, QVariant fallback, const QString &brief, double min = 0,
                   double max = 1'000'000, bool zeroAllowed = true);
/// A real number in [min, max].
OptionSpec number(const QString &key, QVariant fallback, const QString &brief, double min = 0, double max = 1e9);
OptionSpec flag(const QString &key, bool fallback, const QString &brief);
/// A duration in ticks; an invalid fallback means "not given" (no timeout, no delay …).
OptionSpec duration(const QString &key, QVariant fallback, const QString &brief);
OptionSpec durations(const QString &key, const QString &brief);
OptionSpec choice(const QString &key, const QString &fallback, const QStringList &choices, const QString &brief);
OptionSpec text(const QString &key, QVariant fallback, const QString &brief);
OptionSpec words(const QString &key, const QString &brief);
OptionSpec value(const QString &key, const QString &brief);
/// A map of names to settings: `key: {NAME: {field: v, …}, "*": {…}}`; each entry's fields are
/// typed and defaulted by `fields`, the names are checked against `keys(node)` (null: any).
OptionSpec perKey(const QString &key, const QString &keyWord, std::vector<OptionSpec> fields,
                  QStringList (*keys)(const Node &node), const QString &brief);

/// `spec`, marked as a key the node must give.
OptionSpec required(OptionSpec spec);

/// The options that shape a fan-out's input (see sourceOf()): `source_raises_after: N` (the
/// iterable raises ValueError('source') on the pull after N items), `source_delay` (an async
/// iterable that waits before each item), `source_generator` (a generator, not a list).
std::vector<OptionSpec> source();
/// A fan-out's own options followed by the source options.
std::vector<OptionSpec> withSource(std::vector<OptionSpec> own);

} // namespace scenarios::options
