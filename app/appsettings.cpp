#include "appsettings.h"

namespace {
const QString RecentKey = QStringLiteral("recentFiles");
const QString LastKey = QStringLiteral("lastScenario");
const QString GeometryKey = QStringLiteral("window/geometry");
const QString StateKey = QStringLiteral("window/state");
const QString DirKey = QStringLiteral("lastDirectory");
const QString ThemeKey = QStringLiteral("theme");
const QString ExportDirKey = QStringLiteral("export/directory");
const QString ExportFormatKey = QStringLiteral("export/format");
const QString BuiltinPrefix = QStringLiteral("builtin:");
} // namespace

QStringList AppSettings::recentFiles() const
{
    return m_settings.value(RecentKey).toStringList();
}

void AppSettings::addRecentFile(const QString &path)
{
    if (path.isEmpty() || path.startsWith(QLatin1Char(':')))
        return;   // resources are built-ins, listed in the catalogue already
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > MaxRecentFiles)
        files.removeLast();
    m_settings.setValue(RecentKey, files);
}

void AppSettings::removeRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    if (files.removeAll(path) > 0)
        m_settings.setValue(RecentKey, files);
}

void AppSettings::clearRecentFiles()
{
    m_settings.remove(RecentKey);
}

QString AppSettings::lastScenario() const
{
    return m_settings.value(LastKey).toString();
}

void AppSettings::setLastScenario(const QString &scenario)
{
    m_settings.setValue(LastKey, scenario);
}

QString AppSettings::builtinKey(const QString &id)
{
    return BuiltinPrefix + id;
}

QString AppSettings::builtinIdOf(const QString &key)
{
    return key.startsWith(BuiltinPrefix) ? key.mid(BuiltinPrefix.size()) : QString();
}

QByteArray AppSettings::geometry() const
{
    return m_settings.value(GeometryKey).toByteArray();
}

QByteArray AppSettings::windowState() const
{
    return m_settings.value(StateKey).toByteArray();
}

void AppSettings::setWindowLayout(const QByteArray &geometry, const QByteArray &state)
{
    m_settings.setValue(GeometryKey, geometry);
    m_settings.setValue(StateKey, state);
}

QString AppSettings::lastDirectory() const
{
    return m_settings.value(DirKey).toString();
}

void AppSettings::setLastDirectory(const QString &dir)
{
    m_settings.setValue(DirKey, dir);
}

QString AppSettings::exportDirectory() const
{
    return m_settings.value(ExportDirKey).toString();
}

QString AppSettings::exportFormat() const
{
    return m_settings.value(ExportFormatKey).toString();
}

void AppSettings::setLastExport(const QString &dir, const QString &format)
{
    m_settings.setValue(ExportDirKey, dir);
    m_settings.setValue(ExportFormatKey, format);
}

AppSettings::Theme AppSettings::theme() const
{
    const QString name = m_settings.value(ThemeKey).toString();
    if (name == QLatin1String("light"))
        return Theme::Light;
    if (name == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

void AppSettings::setTheme(Theme theme)
{
    switch (theme) {
    case Theme::System: m_settings.remove(ThemeKey); break;
    case Theme::Light: m_settings.setValue(ThemeKey, QStringLiteral("light")); break;
    case Theme::Dark: m_settings.setValue(ThemeKey, QStringLiteral("dark")); break;
    }
}
