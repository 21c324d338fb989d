#pragma once

#include <QString>
#include <QVariant>

namespace engine {

/// A task's result as people read it, Python style: None, 3, 'text', [1, 'a'], {'k': 1}.
QString describeValue(const QVariant &value);

} // namespace engine
