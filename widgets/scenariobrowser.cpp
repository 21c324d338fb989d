#include "scenariobrowser.h"

#include "catalogmodel.h"
#include "scenariodrophandler.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace widgets {

ScenarioBrowser::ScenarioBrowser(QWidget *parent)
    : QWidget(parent)
    , m_model(new CatalogModel(this))
    , m_search(new QLineEdit(this))
    , m_tree(new QTreeView(this))
    , m_open(new QPushButton(style()->standardIcon(QStyle::SP_DialogOpenButton), tr("Open file…"), this))
    , m_drops(new ScenarioDropHandler(this))
{
    setObjectName(QStringLiteral("scenarioBrowser"));
    m_search->setPlaceholderText(tr("Search scenarios"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Show only scenarios whose title, id, concept or library contains this text"));
    m_tree->setModel(m_model);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setExpandsOnDoubleClick(true);
    m_tree->setToolTip(tr("Double-click a scenario (or press Enter) to open it. Drop .yaml files or recorded runs (.json) here to open them."));
    m_open->setToolTip(tr("Open a scenario file (.yaml, .yml) or a recorded run (.json) from disk"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    layout->addWidget(m_search);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_open);

    m_drops->watch(this);
    connect(m_drops, &ScenarioDropHandler::filesDropped, this, &ScenarioBrowser::filesDropped);
    connect(m_search, &QLineEdit::textChanged, m_model, &CatalogModel::setFilterText);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ScenarioBrowser::restoreExpansion);
    connect(m_model, &CatalogModel::recentFilesChanged, this, &ScenarioBrowser::recentFilesChanged);
    connect(m_tree, &QTreeView::activated, this, &ScenarioBrowser::activate);
    connect(m_open, &QPushButton::clicked, this, &ScenarioBrowser::openFileRequested);
    // Remember what the user opens and closes; a search opens everything and must not count.
    connect(m_tree, &QTreeView::expanded, this, [this](const QModelIndex &i) {
        if (!m_restoring && m_model->filterText().isEmpty())
            m_expanded.insert(groupKey(i));
    });
    connect(m_tree, &QTreeView::collapsed, this, [this](const QModelIndex &i) {
        if (!m_restoring && m_model->filterText().isEmpty())
            m_expanded.remove(groupKey(i));
    });
    m_expanded.insert(QStringLiteral("recent"));
    restoreExpansion();
}

QString ScenarioBrowser::groupKey(const QModelIndex &group)
{
    const QVariant conceptName = group.data(CatalogModel::ConceptRole);
    return conceptName.isValid() ? QStringLiteral("concept:") + conceptName.toString() : QStringLiteral("recent");
}

void ScenarioBrowser::restoreExpansion()
{
    m_restoring = true;
    const bool searching = !m_model->filterText().isEmpty();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex group = m_model->index(row, 0);
        m_tree->setExpanded(group, searching || m_expanded.contains(groupKey(group)));
    }
    m_restoring = false;
}

void ScenarioBrowser::setRecentFiles(const QStringList &paths)
{
    m_model->setRecentFiles(paths);
}

QStringList ScenarioBrowser::recentFiles() const
{
    return m_model->recentFiles();
}

void ScenarioBrowser::addRecentFile(const QString &path)
{
    m_model->addRecentFile(path);
}

void ScenarioBrowser::showCurrent(const QString &path)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex group = m_model->index(row, 0);
        for (int i = 0; i < m_model->rowCount(group); ++i) {
            const QModelIndex item = m_model->index(i, 0, group);
            if (item.data(CatalogModel::PathRole).toString() != path)
                continue;
            m_tree->expand(group);
            m_tree->setCurrentIndex(item);
            m_tree->scrollTo(item);
            return;
        }
    }
}

void ScenarioBrowser::activate(const QModelIndex &index)
{
    switch (CatalogModel::ItemKind(index.data(CatalogModel::KindRole).toInt())) {
    case CatalogModel::ItemKind::Builtin:
        emit builtinActivated(index.data(CatalogModel::IdRole).toString());
        break;
    case CatalogModel::ItemKind::RecentFile:
        if (!index.data(CatalogModel::MissingRole).toBool())
            emit fileActivated(index.data(CatalogModel::PathRole).toString());
        break;
    case CatalogModel::ItemKind::Group:
        break;   // double-click opens and closes the group (the view does that)
    }
}

void ScenarioBrowser::filesDropped(const QStringList &paths)
{
    // One scenario is shown at a time: the first is opened, the others wait in Recent files.
    for (auto it = paths.crbegin(); it != paths.crend(); ++it)
        m_model->addRecentFile(*it);
    emit fileActivated(paths.front());
}

} // namespace widgets
