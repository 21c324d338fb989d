#pragma once

#include <QByteArray>
#include <QString>

namespace scenarios {

/// Writes `data` to `path` all or nothing (QSaveFile): a failure (no permission, a full disk, a
/// missing folder) leaves whatever was there before untouched and no partial file. On failure
/// returns false with "cannot write 'path': reason" in `error`.
bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error);

} // namespace scenarios
