#pragma once

// Small readers shared by the scenario parser: YAML node → location, type name, value, duration.
// Private to the scenarios library (it is the only user of yaml-cpp).

#include "scenario.h"

#include "engine/types.h"

#include <QVariant>

#include <yaml-cpp/yaml.h>

namespace scenarios {

/// "a list", "a map", "nothing", "the text 'x'" … for "must be X, not Y" messages.
QString describeKind(const YAML::Node &node);

/// The node's scalar text as QString (UTF-8).
QString scalarText(const YAML::Node &node);

/// True if the scalar was written without quotes (so `3` is a number but `"3"` is text).
bool isPlainScalar(const YAML::Node &node);

/// A YAML value as a task result: plain scalars follow the YAML core schema (null, true/false,
/// integers, floats), quoted scalars stay text, lists become QVariantList, maps QVariantMap.
QVariant toVariant(const YAML::Node &node);

/// A duration: whole ticks ("3"), or a number with a unit ("250ms", "1.5s"). On failure `error`
/// says what was wrong and the result is -1.
engine::Tick parseDuration(const QString &text, QString *error);

} // namespace scenarios
