#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

/// The application's persistent choices (QSettings): window layout, recent files, the last
/// scenario shown and the theme. One place names every key, so that a renamed key cannot leave
/// half the settings behind.
class AppSettings
{
public:
    static constexpr int MaxRecentFiles = 10;
    /// How the window picks its palette: the system's, or a fixed light or dark one.
    enum class Theme { System, Light, Dark };

    QStringList recentFiles() const;
    /// Puts `path` first (once), dropping the oldest beyond MaxRecentFiles.
    void addRecentFile(const QString &path);
    void removeRecentFile(const QString &path);
    void clearRecentFiles();

    /// What was shown last: a file path or a built-in's id ("builtin:race-first-finisher").
    QString lastScenario() const;
    void setLastScenario(const QString &scenario);
    static QString builtinKey(const QString &id);
    /// The built-in id of a lastScenario() value, or empty when it names a file.
    static QString builtinIdOf(const QString &key);

    QByteArray geometry() const;
    QByteArray windowState() const;
    void setWindowLayout(const QByteArray &geometry, const QByteArray &state);

    QString lastDirectory() const;
    void setLastDirectory(const QString &dir);

    /// Where File ▸ Export wrote last, and in which format.
    QString exportDirectory() const;
    QString exportFormat() const;
    void setLastExport(const QString &dir, const QString &format);

    Theme theme() const;
    void setTheme(Theme theme);

private:
    QSettings m_settings;
};
