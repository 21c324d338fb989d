#pragma once

#include <QAbstractItemModel>
#include <QStringList>

#include <vector>

namespace widgets {

/// The scenario catalogue as a two-level tree: a "Recent files" group (when there are any), then
/// one group per concept holding the built-in scenarios (their titles; id, library and teaching
/// notes as tooltips). A filter text keeps the scenarios whose title, id, concept or library
/// contains it (case-insensitive), and the groups of those.
class CatalogModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role {
        KindRole = Qt::UserRole + 1,   ///< an ItemKind
        IdRole,                         ///< built-in id
        PathRole,                       ///< ":/scenarios/….yaml" or a file path
        ConceptRole,                    ///< the concept (groups and built-ins)
        LibraryRole,                    ///< the library whose rules the scenario follows
        MissingRole,                    ///< a recent file that no longer exists
    };
    enum class ItemKind { Group, Builtin, RecentFile };
    static constexpr int MaxRecentFiles = 10;

    /// Loads the built-in catalogue (scenarios::builtinScenarios()).
    explicit CatalogModel(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_filter; }
    /// Most recent first; duplicates and empty entries dropped, cut to MaxRecentFiles.
    void setRecentFiles(const QStringList &paths);
    QStringList recentFiles() const { return m_recent; }
    /// Puts `path` first (moving it if listed already).
    void addRecentFile(const QString &path);
    /// Checks again which recent files exist.
    void refreshRecentFiles();

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

signals:
    void recentFilesChanged(const QStringList &paths);

private:
    struct Entry
    {
        ItemKind kind = ItemKind::Builtin;
        QString title, id, path, conceptName, library, description;
        bool missing = false;
    };
    struct Group
    {
        QString name;
        bool recent = false;
        std::vector<const Entry *> entries;
    };

    void rebuild();
    bool matches(const Entry &entry) const;
    const Entry *entryAt(const QModelIndex &index) const;
    QVariant entryData(const Entry &entry, int role) const;

    std::vector<Entry> m_builtins;
    std::vector<Entry> m_recentEntries;
    QStringList m_recent;
    QString m_filter;
    std::vector<Group> m_groups;   // what is shown: filtered, in display order
};

} // namespace widgets
