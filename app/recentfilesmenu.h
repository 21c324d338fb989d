#pragma once

#include <QMenu>

class AppSettings;

/// File ▸ Open recent: the recent scenario files from the settings, rebuilt each time it opens so
/// that it always matches them. A file deleted since stays listed but disabled, so entries do not
/// jump around under the mouse.
class RecentFilesMenu : public QMenu
{
    Q_OBJECT

public:
    RecentFilesMenu(AppSettings *settings, QWidget *parent = nullptr);

signals:
    void fileChosen(const QString &path);
    /// "Clear list" emptied the settings' list.
    void cleared();

private:
    void rebuild();

    AppSettings *m_settings;
};
