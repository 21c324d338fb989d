// `taskscope export --format markdown` (alias md): the executable registers the format from the
// widgets layer; here it is registered the same way and driven through the command line.

#include "clitesting.h"
#include "markdownexport.h"

#include "exportrequest.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using clitesting::runCommand;

namespace {

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class TestMarkdownExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        commandline::registerMarkdownExport();
    }

    void theFormatIsListedWithItsAlias()
    {
        QVERIFY(commandline::exportFormats().contains(QStringLiteral("markdown")));
        QVERIFY(commandline::exportFormats().contains(QStringLiteral("md")));
        const auto help = runCommand({QStringLiteral("--help")});
        QVERIFY2(help.out.contains(QRegularExpression(QStringLiteral("\\n\\s+markdown\\s+the narrative as Markdown"))), qPrintable(help.out));
    }

    void aScenarioExportsItsWholeNarrative()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("race.md"));
        const auto r = runCommand({QStringLiteral("export"), QStringLiteral("race-first-finisher"), QStringLiteral("--format"),
                                   QStringLiteral("markdown"), QStringLiteral("-o"), out});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QStringLiteral("markdown: 19 events at t=1 written to %1\n").arg(out));
        const QString text = readText(out);
        QVERIFY2(text.startsWith(QStringLiteral("# First finisher wins — narrative\n")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("**Library profile:** asyncgui")));
        QVERIFY(text.contains(QStringLiteral("**Source:** race-first-finisher.yaml")));
        QVERIFY(text.contains(QStringLiteral("**Outcome:** returned \\['A', None\\] (the narrative ends at t = 1 ms).")));
        QVERIFY(text.contains(QStringLiteral("\n### t = 0 ms\n")));
        QVERIFY(text.contains(QStringLiteral("\n### t = 1 ms\n")));
        QVERIFY(text.indexOf(QStringLiteral("### t = 0 ms")) < text.indexOf(QStringLiteral("### t = 1 ms")));
        QCOMPARE(text.count(QRegularExpression(QStringLiteral("(?m)^- "))), 19);
        for (const QString &task : {QStringLiteral("| A |"), QStringLiteral("| B |")})
            QVERIFY2(text.contains(task), qPrintable(task));
        QVERIFY(text.contains(QStringLiteral("| B | main | cancelled at t = 1 ms |")));
    }

    void aSavedTraceExportsUpToAnEarlierTimeWithTheAlias()
    {
        QTemporaryDir dir;
        const QString saved = dir.filePath(QStringLiteral("run.json"));
        QCOMPARE(runCommand({QStringLiteral("run"), QStringLiteral("race-first-finisher"), QStringLiteral("--trace"), saved}).code, 0);
        const QString out = dir.filePath(QStringLiteral("early.md"));
        const auto r = runCommand({QStringLiteral("export"), saved, QStringLiteral("--at=0"), QStringLiteral("--format=md"),
                                   QStringLiteral("-o"), out});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("md: 10 events at t=0")), qPrintable(r.out));
        const QString text = readText(out);
        QVERIFY(text.startsWith(QStringLiteral("# First finisher wins — narrative\n")));
        QVERIFY(text.contains(QStringLiteral("**Source:** run.json")));
        QVERIFY(text.contains(QStringLiteral("**Outcome:** still running at t=0")));
        QVERIFY(!text.contains(QStringLiteral("### t = 1 ms")));
        QCOMPARE(text.count(QRegularExpression(QStringLiteral("(?m)^- "))), 10);

        // The whole recording: the recorded outcome.
        const auto whole = runCommand({QStringLiteral("export"), saved, QStringLiteral("--format"), QStringLiteral("markdown"),
                                       QStringLiteral("-o"), out});
        QCOMPARE(whole.code, 0);
        QVERIFY(readText(out).contains(QStringLiteral("**Outcome:** returned \\['A', None\\]")));
    }

    void anUnwritablePlaceSaysWhyAndLeavesNoFile()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("no/such/folder/race.md"));
        const auto r = runCommand({QStringLiteral("export"), QStringLiteral("race-first-finisher"), QStringLiteral("--format"),
                                   QStringLiteral("markdown"), QStringLiteral("-o"), out});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.startsWith(QStringLiteral("taskscope: cannot write the narrative to '%1': ").arg(out)), qPrintable(r.err));
        QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestMarkdownExport)
#include "tst_markdownexport.moc"
