#include "recentfilesmenu.h"

#include "appsettings.h"

#include <QFileInfo>

RecentFilesMenu::RecentFilesMenu(AppSettings *settings, QWidget *parent)
    : QMenu(tr("Open &recent"), parent)
    , m_settings(settings)
{
    setToolTipsVisible(true);
    connect(this, &QMenu::aboutToShow, this, &RecentFilesMenu::rebuild);
    rebuild();
}

void RecentFilesMenu::rebuild()
{
    clear();
    const QStringList files = m_settings->recentFiles();
    for (const QString &path : files) {
        QAction *action = addAction(QFileInfo(path).fileName(), this, [this, path] { emit fileChosen(path); });
        action->setToolTip(path);
        action->setStatusTip(path);
        action->setEnabled(QFileInfo::exists(path));
    }
    if (files.isEmpty())
        addAction(tr("(no recent files)"))->setEnabled(false);
    addSeparator();
    QAction *clearList = addAction(tr("&Clear list"), this, [this] {
        m_settings->clearRecentFiles();
        emit cleared();
    });
    clearList->setEnabled(!files.isEmpty());
}
