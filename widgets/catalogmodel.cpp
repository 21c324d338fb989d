#include "catalogmodel.h"

#include "scenarios/scenario.h"

#include <QBrush>
#include <QDir>
#include <QFileInfo>
#include <QPalette>

#include <algorithm>
#include <map>

namespace widgets {

namespace {

// Concept headings case-insensitively, the scenarios that name none last (as `taskscope list`).
bool conceptBefore(const QString &a, const QString &b)
{
    if (a.isEmpty() != b.isEmpty())
        return b.isEmpty();
    const int c = a.compare(b, Qt::CaseInsensitive);
    return c != 0 ? c < 0 : a < b;
}

QString firstParagraph(const QString &text)
{
    return text.trimmed().section(QStringLiteral("\n\n"), 0, 0).simplified();
}

} // namespace

CatalogModel::CatalogModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    for (const scenarios::BuiltinScenario &b : scenarios::builtinScenarios()) {
        Entry e;
        e.kind = ItemKind::Builtin;
        e.id = b.id;
        e.title = b.title;
        e.path = b.path;
        e.conceptName = b.conceptName;
        e.library = b.profile;
        e.description = firstParagraph(b.description);
        m_builtins.push_back(std::move(e));
    }
    rebuild();
}

void CatalogModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filter)
        return;
    beginResetModel();
    m_filter = trimmed;
    rebuild();
    endResetModel();
}

void CatalogModel::setRecentFiles(const QStringList &paths)
{
    QStringList cleaned;
    for (const QString &p : paths) {
        if (p.isEmpty())
            continue;
        const QString path = p.startsWith(QLatin1Char(':')) ? p : QDir::cleanPath(QFileInfo(p).absoluteFilePath());
        if (!cleaned.contains(path))
            cleaned << path;
    }
    cleaned = cleaned.mid(0, MaxRecentFiles);
    if (cleaned == m_recent)
        return;
    beginResetModel();
    m_recent = cleaned;
    rebuild();
    endResetModel();
    emit recentFilesChanged(m_recent);
}

void CatalogModel::addRecentFile(const QString &path)
{
    if (path.isEmpty())
        return;
    QStringList paths = m_recent;
    paths.prepend(path);   // setRecentFiles drops the older duplicate
    setRecentFiles(paths);
}

void CatalogModel::refreshRecentFiles()
{
    beginResetModel();
    rebuild();
    endResetModel();
}

bool CatalogModel::matches(const Entry &entry) const
{
    if (m_filter.isEmpty())
        return true;
    for (const QString *field : {&entry.title, &entry.id, &entry.conceptName, &entry.library, &entry.path})
        if (field->contains(m_filter, Qt::CaseInsensitive))
            return true;
    return false;
}

void CatalogModel::rebuild()
{
    m_groups.clear();
    m_recentEntries.clear();
    for (const QString &path : m_recent) {
        Entry e;
        e.kind = ItemKind::RecentFile;
        e.path = path;
        e.title = QFileInfo(path).fileName();
        e.missing = !QFileInfo(path).isFile();
        m_recentEntries.push_back(std::move(e));
    }
    Group recent{tr("Recent files"), true, {}};
    for (const Entry &e : m_recentEntries)
        if (matches(e))
            recent.entries.push_back(&e);
    if (!recent.entries.empty())
        m_groups.push_back(std::move(recent));

    std::map<QString, Group, bool (*)(const QString &, const QString &)> byConcept(conceptBefore);
    for (const Entry &e : m_builtins) {
        if (!matches(e))
            continue;
        Group &g = byConcept[e.conceptName];
        g.name = e.conceptName;
        g.entries.push_back(&e);
    }
    for (auto &[name, group] : byConcept) {
        // Titles are what is shown, so they are what the eye scans: alphabetical.
        std::stable_sort(group.entries.begin(), group.entries.end(), [](const Entry *a, const Entry *b) {
            return a->title.compare(b->title, Qt::CaseInsensitive) < 0;
        });
        m_groups.push_back(std::move(group));
    }
}

const CatalogModel::Entry *CatalogModel::entryAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == 0)
        return nullptr;
    const Group &g = m_groups[index.internalId() - 1];
    return g.entries[std::size_t(index.row())];
}

QModelIndex CatalogModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < int(m_groups.size()) ? createIndex(row, 0, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.row() >= int(m_groups.size()))
        return {};
    // A child's id is its group's row + 1 (0 marks a group).
    return row < int(m_groups[std::size_t(parent.row())].entries.size()) ? createIndex(row, 0, quintptr(parent.row() + 1))
                                                                        : QModelIndex();
}

QModelIndex CatalogModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int CatalogModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.column() != 0 || parent.internalId() != 0)
        return 0;
    return int(m_groups[std::size_t(parent.row())].entries.size());
}

int CatalogModel::columnCount(const QModelIndex &) const
{
    return 1;
}

Qt::ItemFlags CatalogModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const Entry *e = entryAt(index);
    // A recent file that is gone stays listed (greyed) so that a moved file is recognisable.
    if (e && e->missing)
        return Qt::NoItemFlags;
    return e ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren : Qt::ItemIsEnabled;
}

QVariant CatalogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (const Entry *e = entryAt(index))
        return entryData(*e, role);
    const Group &g = m_groups[std::size_t(index.row())];
    const QString name = g.name.isEmpty() ? tr("other") : g.name;
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1 (%2)").arg(name).arg(g.entries.size());
    case Qt::ToolTipRole:
        return g.recent ? tr("Scenario files opened lately, most recent first")
                        : tr("Built-in scenarios about %1").arg(name);
    case KindRole:
        return QVariant::fromValue(int(ItemKind::Group));
    case ConceptRole:
        return g.recent ? QVariant() : QVariant(g.name);
    default:
        return {};
    }
}

QVariant CatalogModel::entryData(const Entry &e, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return e.title;
    case Qt::ToolTipRole:
        if (e.kind == ItemKind::RecentFile)
            return QDir::toNativeSeparators(e.path) + (e.missing ? tr("\n(file not found)") : QString());
        return QStringLiteral("<b>%1</b> · %2<br>%3")
            .arg(e.id.toHtmlEscaped(), e.library.toHtmlEscaped(), e.description.toHtmlEscaped());
    case Qt::ForegroundRole:
        return e.missing ? QVariant(QBrush(QPalette().color(QPalette::Disabled, QPalette::Text))) : QVariant();
    case KindRole:
        return QVariant::fromValue(int(e.kind));
    case IdRole:
        return e.id;
    case PathRole:
        return e.path;
    case ConceptRole:
        return e.conceptName;
    case LibraryRole:
        return e.library;
    case MissingRole:
        return e.missing;
    default:
        return {};
    }
}

} // namespace widgets
