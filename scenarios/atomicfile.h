#pragma once

#include <QByteArray>
#include <QString>

namespace scenarios {

/// Writes `data` to `path` all or nothing (QSaveFile): a failure (no permission, a full disk, a
/// missing folder) leaves whatever was there before untouched and no partial file. On failure
/// returns false with "cannot write 'path': reason" in `error` ("cannot write <what> to 'path':
/// reason" when `what` is given, e.g. "trace").
bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error, const QString &what = {});

} // namespace scenarios
