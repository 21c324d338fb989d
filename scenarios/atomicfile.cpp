#include "atomicfile.h"

#include <QSaveFile>

namespace scenarios {

bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error)
{
    QSaveFile file(path);
    const bool ok = file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit();
    if (!ok) {
        if (error)
            *error = QStringLiteral("cannot write '%1': %2").arg(path, file.errorString());
        // Without commit() the temporary file is removed when `file` goes away.
        file.cancelWriting();
    }
    return ok;
}

} // namespace scenarios
