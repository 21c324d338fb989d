#include "atomicfile.h"

#include <QSaveFile>

namespace scenarios {

bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error, const QString &what)
{
    QSaveFile file(path);
    const bool ok = file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit();
    if (!ok) {
        if (error)
            *error = what.isEmpty() ? QStringLiteral("cannot write '%1': %2").arg(path, file.errorString())
                                    : QStringLiteral("cannot write %1 to '%2': %3").arg(what, path, file.errorString());
        // Without commit() the temporary file is removed when `file` goes away.
        file.cancelWriting();
    }
    return ok;
}

} // namespace scenarios
