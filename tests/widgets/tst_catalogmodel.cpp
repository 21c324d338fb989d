// The catalogue model: every built-in once under its concept, a search that keeps the groups of
// what matches, and a short most-recent-first list of files.

#include "widgets/catalogmodel.h"

#include "scenarios/scenario.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

using widgets::CatalogModel;
using Kind = CatalogModel::ItemKind;

namespace {

Kind kindOf(const QModelIndex &index)
{
    return Kind(index.data(CatalogModel::KindRole).toInt());
}

// id → the concepts of the groups it is listed under (one entry per listing).
QMap<QString, QStringList> builtinListings(const CatalogModel &model)
{
    QMap<QString, QStringList> out;
    for (int g = 0; g < model.rowCount(); ++g) {
        const QModelIndex group = model.index(g, 0);
        for (int r = 0; r < model.rowCount(group); ++r) {
            const QModelIndex item = model.index(r, 0, group);
            if (kindOf(item) == Kind::Builtin)
                out[item.data(CatalogModel::IdRole).toString()] << group.data(CatalogModel::ConceptRole).toString();
        }
    }
    return out;
}

QString touch(const QTemporaryDir &dir, const QString &name)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(f.fileName()));
    return f.fileName();
}

} // namespace

class TestCatalogModel : public QObject
{
    Q_OBJECT

private slots:
    void everyBuiltinAppearsOnceUnderItsConcept()
    {
        CatalogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto builtins = scenarios::builtinScenarios();
        QVERIFY(builtins.size() > 20);
        const QMap<QString, QStringList> listed = builtinListings(model);
        QCOMPARE(listed.size(), qsizetype(builtins.size()));
        for (const scenarios::BuiltinScenario &b : builtins) {
            QCOMPARE(listed.value(b.id), QStringList{b.conceptName});
        }
        // Groups are distinct concepts, titles are shown, the tooltip names the id.
        QSet<QString> concepts;
        for (int g = 0; g < model.rowCount(); ++g) {
            const QModelIndex group = model.index(g, 0);
            QCOMPARE(kindOf(group), Kind::Group);
            QVERIFY(!concepts.contains(group.data(CatalogModel::ConceptRole).toString()));
            concepts.insert(group.data(CatalogModel::ConceptRole).toString());
            const QModelIndex first = model.index(0, 0, group);
            const auto b = scenarios::findBuiltin(first.data(CatalogModel::IdRole).toString());
            QVERIFY(b);
            QCOMPARE(first.data().toString(), b->title);
            QVERIFY(first.data(Qt::ToolTipRole).toString().contains(b->id));
            QVERIFY(!first.data(CatalogModel::LibraryRole).toString().isEmpty());
        }
    }

    void searchKeepsMatchesAndTheirGroups_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::newRow("title word, any case") << QStringLiteral("FIRST FINISHER");
        QTest::newRow("id") << QStringLiteral("race-first-finisher");
        QTest::newRow("concept") << QStringLiteral("timeouts");
        QTest::newRow("library") << QStringLiteral("trio");
    }

    void searchKeepsMatchesAndTheirGroups()
    {
        QFETCH(QString, filter);
        CatalogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int all = int(builtinListings(model).size());
        model.setFilterText(filter);
        const QMap<QString, QStringList> shown = builtinListings(model);
        QVERIFY(!shown.isEmpty());
        QVERIFY(shown.size() < all);
        int expected = 0;
        for (const scenarios::BuiltinScenario &b : scenarios::builtinScenarios()) {
            const auto loaded = scenarios::loadScenarioFile(b.path);
            const QString library = loaded.ok() ? loaded.scenario->profile() : QString();
            const bool match = b.title.contains(filter, Qt::CaseInsensitive) || b.id.contains(filter, Qt::CaseInsensitive)
                || b.conceptName.contains(filter, Qt::CaseInsensitive) || library.contains(filter, Qt::CaseInsensitive);
            QCOMPARE(shown.contains(b.id), match);
            expected += match ? 1 : 0;
        }
        QCOMPARE(shown.size(), expected);
        for (int g = 0; g < model.rowCount(); ++g)
            QVERIFY(model.rowCount(model.index(g, 0)) > 0);   // no empty groups
        model.setFilterText(QString());
        QCOMPARE(int(builtinListings(model).size()), all);
    }

    void aSearchWithNoMatchShowsNothing()
    {
        CatalogModel model;
        model.setFilterText(QStringLiteral("no scenario is called this"));
        QCOMPARE(model.rowCount(), 0);
    }

    void recentFilesAreMostRecentFirstAndCapped()
    {
        QTemporaryDir dir;
        CatalogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QStringList added;
        for (int i = 0; i < CatalogModel::MaxRecentFiles + 2; ++i) {
            added << touch(dir, QStringLiteral("s%1.yaml").arg(i));
            model.addRecentFile(added.back());
        }
        QStringList expected;
        for (int i = int(added.size()) - 1; expected.size() < CatalogModel::MaxRecentFiles; --i)
            expected << added.at(i);
        QCOMPARE(model.recentFiles(), expected);

        // Opening a listed file again moves it to the front, once.
        model.addRecentFile(added.at(5));
        QCOMPARE(model.recentFiles().front(), added.at(5));
        QCOMPARE(model.recentFiles().count(added.at(5)), 1);
        QCOMPARE(model.recentFiles().size(), CatalogModel::MaxRecentFiles);

        // The group comes first and lists them in that order.
        const QModelIndex group = model.index(0, 0);
        QCOMPARE(kindOf(group), Kind::Group);
        QCOMPARE(model.rowCount(group), CatalogModel::MaxRecentFiles);
        for (int r = 0; r < model.rowCount(group); ++r) {
            const QModelIndex item = model.index(r, 0, group);
            QCOMPARE(kindOf(item), Kind::RecentFile);
            QCOMPARE(item.data(CatalogModel::PathRole).toString(), model.recentFiles().at(r));
        }
    }

    void aMissingRecentFileIsGreyedOut()
    {
        QTemporaryDir dir;
        const QString present = touch(dir, QStringLiteral("here.yaml"));
        const QString gone = dir.filePath(QStringLiteral("gone.yaml"));
        CatalogModel model;
        model.setRecentFiles({gone, present, gone, QString()});
        QCOMPARE(model.recentFiles(), (QStringList{gone, present}));
        const QModelIndex group = model.index(0, 0);
        const QModelIndex missing = model.index(0, 0, group);
        QVERIFY(missing.data(CatalogModel::MissingRole).toBool());
        QVERIFY(!(model.flags(missing) & Qt::ItemIsEnabled));
        QVERIFY(missing.data(Qt::ToolTipRole).toString().contains(QStringLiteral("not found")));
        QVERIFY(model.flags(model.index(1, 0, group)) & Qt::ItemIsEnabled);
    }

    void searchAlsoFindsRecentFilesByName()
    {
        QTemporaryDir dir;
        CatalogModel model;
        model.setRecentFiles({touch(dir, QStringLiteral("my-lesson.yaml"))});
        model.setFilterText(QStringLiteral("LESSON"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowCount(model.index(0, 0)), 1);
    }
};

QTEST_MAIN(TestCatalogModel)
#include "tst_catalogmodel.moc"
