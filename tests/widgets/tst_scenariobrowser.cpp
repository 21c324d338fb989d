// The browser emits what was chosen: a built-in's id, a file's path, or a wish to open a file.

#include "widgets/catalogmodel.h"
#include "widgets/scenariobrowser.h"
#include "widgets/scenariodrophandler.h"

#include <QFile>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUrl>

using widgets::CatalogModel;
using widgets::ScenarioBrowser;

namespace {

// The first row whose role `role` is `value`, searched in every group.
QModelIndex findRow(const QAbstractItemModel *model, int role, const QVariant &value)
{
    for (int g = 0; g < model->rowCount(); ++g) {
        const QModelIndex group = model->index(g, 0);
        for (int r = 0; r < model->rowCount(group); ++r)
            if (model->index(r, 0, group).data(role) == value)
                return model->index(r, 0, group);
    }
    return {};
}

void pressEnterOn(QTreeView *tree, const QModelIndex &index)
{
    tree->setCurrentIndex(index);
    QTest::keyClick(tree, Qt::Key_Return);
}

} // namespace

class TestScenarioBrowser : public QObject
{
    Q_OBJECT

private slots:
    void activatingABuiltinEmitsItsId()
    {
        ScenarioBrowser browser;
        QSignalSpy builtin(&browser, &ScenarioBrowser::builtinActivated);
        QSignalSpy file(&browser, &ScenarioBrowser::fileActivated);
        const QModelIndex race = findRow(browser.model(), CatalogModel::IdRole, QStringLiteral("race-first-finisher"));
        QVERIFY(race.isValid());
        pressEnterOn(browser.tree(), race);
        QCOMPARE(builtin.count(), 1);
        QCOMPARE(builtin.at(0).at(0).toString(), QStringLiteral("race-first-finisher"));
        QCOMPARE(file.count(), 0);
    }

    void activatingARecentFileEmitsItsPath()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mine.yaml"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        ScenarioBrowser browser;
        QSignalSpy recent(&browser, &ScenarioBrowser::recentFilesChanged);
        browser.addRecentFile(path);
        QCOMPARE(recent.count(), 1);
        QSignalSpy file(&browser, &ScenarioBrowser::fileActivated);
        QSignalSpy builtin(&browser, &ScenarioBrowser::builtinActivated);
        pressEnterOn(browser.tree(), findRow(browser.model(), CatalogModel::PathRole, path));
        QCOMPARE(file.count(), 1);
        QCOMPARE(file.at(0).at(0).toString(), path);
        QCOMPARE(builtin.count(), 0);
    }

    void activatingAGroupEmitsNothing()
    {
        ScenarioBrowser browser;
        QSignalSpy builtin(&browser, &ScenarioBrowser::builtinActivated);
        QSignalSpy file(&browser, &ScenarioBrowser::fileActivated);
        pressEnterOn(browser.tree(), browser.model()->index(0, 0));
        QCOMPARE(builtin.count() + file.count(), 0);
    }

    void theOpenButtonAsksForAFile()
    {
        ScenarioBrowser browser;
        QSignalSpy open(&browser, &ScenarioBrowser::openFileRequested);
        QTest::mouseClick(browser.openButton(), Qt::LeftButton);
        QCOMPARE(open.count(), 1);
        QVERIFY(!browser.openButton()->toolTip().isEmpty());
    }

    void typingInTheSearchFieldFiltersAndOpensTheGroups()
    {
        ScenarioBrowser browser;
        QTest::keyClicks(browser.searchField(), QStringLiteral("finisher"));
        QCOMPARE(browser.model()->filterText(), QStringLiteral("finisher"));
        QVERIFY(browser.model()->rowCount() >= 1);
        for (int g = 0; g < browser.model()->rowCount(); ++g)
            QVERIFY(browser.tree()->isExpanded(browser.model()->index(g, 0)));
    }

    void droppedScenarioFilesAreOpenedAndRemembered()
    {
        QTemporaryDir dir;
        // A recorded run (.json) is opened like a scenario: the window replays it.
        QStringList paths{dir.filePath(QStringLiteral("a.yaml")), dir.filePath(QStringLiteral("b.yml")),
                          dir.filePath(QStringLiteral("run.json"))};
        for (const QString &p : paths) {
            QFile f(p);
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(paths[0]), QUrl::fromLocalFile(dir.filePath(QStringLiteral("notes.txt"))),
                      QUrl::fromLocalFile(paths[1]), QUrl(QStringLiteral("https://example.org/x.yaml")),
                      QUrl::fromLocalFile(paths[2])});
        QCOMPARE(widgets::ScenarioDropHandler::scenarioFiles(&mime), paths);

        ScenarioBrowser browser;
        QSignalSpy file(&browser, &ScenarioBrowser::fileActivated);
        QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&browser, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&browser, &drop);
        QVERIFY(drop.isAccepted());
        QCOMPARE(file.count(), 1);
        QCOMPARE(file.at(0).at(0).toString(), paths[0]);
        QCOMPARE(browser.recentFiles(), paths);

        QMimeData text;
        text.setText(QStringLiteral("just words"));
        QDragEnterEvent other(QPoint(5, 5), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
        other.ignore();
        QApplication::sendEvent(&browser, &other);
        QVERIFY(!other.isAccepted());
    }
};

QTEST_MAIN(TestScenarioBrowser)
#include "tst_scenariobrowser.moc"
