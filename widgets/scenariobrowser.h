#pragma once

#include <QSet>
#include <QWidget>

class QLineEdit;
class QModelIndex;
class QPushButton;
class QTreeView;

namespace widgets {

class CatalogModel;
class ScenarioDropHandler;

/// The scenario catalogue beside the timeline: built-ins grouped by concept, recent files, a
/// search field, an "Open file…" button, and .yaml/.yml files dropped onto it. It only emits what
/// was chosen; the window opens it (and may first ask to save the edited text).
class ScenarioBrowser : public QWidget
{
    Q_OBJECT

public:
    explicit ScenarioBrowser(QWidget *parent = nullptr);

    void setRecentFiles(const QStringList &paths);
    QStringList recentFiles() const;
    void addRecentFile(const QString &path);
    /// Selects the entry of `path` (a built-in's ":/…" path or a file) and opens its group.
    void showCurrent(const QString &path);

    CatalogModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    QLineEdit *searchField() const { return m_search; }
    QPushButton *openButton() const { return m_open; }
    ScenarioDropHandler *dropHandler() const { return m_drops; }

signals:
    void builtinActivated(const QString &id);
    void fileActivated(const QString &path);
    void openFileRequested();
    void recentFilesChanged(const QStringList &paths);

private:
    void activate(const QModelIndex &index);
    void filesDropped(const QStringList &paths);
    /// After the model was rebuilt: groups open as the user left them, all open while searching.
    void restoreExpansion();
    static QString groupKey(const QModelIndex &group);

    CatalogModel *m_model = nullptr;
    QLineEdit *m_search = nullptr;
    QTreeView *m_tree = nullptr;
    QPushButton *m_open = nullptr;
    ScenarioDropHandler *m_drops = nullptr;
    QSet<QString> m_expanded;   // group keys the user opened
    bool m_restoring = false;
};

} // namespace widgets
