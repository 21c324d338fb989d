// The narrative as Markdown: a golden document for a small hand-made trace, and for every
// built-in the structure: one list item per event, worded as the narrative dock words it, under
// "### t = … ms" headings in time order, every task in the table, the outcome stated.

#include "scenarioruns.h"

#include "widgets/eventnarrator.h"
#include "widgets/narrativemarkdown.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using widgets::NarrativeMarkdown;

namespace {

// main spawns fetch_user at 0; both complete at 2.
engine::Trace smallTrace()
{
    engine::Trace t;
    t.addTask(0, {t.intern(QStringLiteral("main")), engine::NoId, engine::NoId});
    t.addTask(1, {t.intern(QStringLiteral("fetch_user")), 0, engine::NoId});
    const auto event = [&t](engine::Tick time, engine::EventKind kind, engine::TaskId task, qint32 other, const QString &text = {}) {
        engine::TraceEvent e;
        e.time = time;
        e.kind = kind;
        e.task = task;
        e.other = other;
        e.text = text.isEmpty() ? -1 : t.intern(text);
        t.append(e);
    };
    event(0, engine::EventKind::Spawned, 0, engine::NoId);
    event(0, engine::EventKind::Started, 0, engine::NoId);
    event(0, engine::EventKind::Spawned, 1, 0);
    event(2, engine::EventKind::Completed, 1, engine::NoId, QStringLiteral("[1, 2]"));
    event(2, engine::EventKind::Completed, 0, engine::NoId, QStringLiteral("'done'"));
    return t;
}

NarrativeMarkdown::About smallAbout()
{
    NarrativeMarkdown::About about;
    about.title = QStringLiteral("Fetch *all*");
    about.conceptName = QStringLiteral("gather");
    about.profile = QStringLiteral("asyncio");
    about.description = QStringLiteral("First line\nwraps here.\n\nSecond paragraph.");
    about.source = QStringLiteral("/lessons/fetch.yaml");
    about.outcome = QStringLiteral("returned 'done'");
    return about;
}

const char *SmallGolden = R"(# Fetch \*all\* — narrative

**Concept:** gather · **Library profile:** asyncio · **Source:** fetch.yaml

> First line wraps here.
>
> Second paragraph.

**Outcome:** returned 'done' (the narrative ends at t = 2 ms).

## Tasks

| Task | Spawned by | End |
|---|---|---|
| main | (root) | completed at t = 2 ms |
| fetch\_user | main | completed at t = 2 ms |

## Events

### t = 0 ms

- main is spawned as a root task.
- main starts running.
- main spawns fetch\_user.

### t = 2 ms

- fetch\_user completed with \[1, 2\].
- main completed with 'done'.

---

5 events up to t = 2 ms. 1 tick = 1 ms of virtual time. Written by Taskscope.
)";

} // namespace

class TestNarrativeMarkdown : public QObject
{
    Q_OBJECT

private slots:
    void aSmallRunReadsAsTheGoldenDocument()
    {
        const engine::Trace trace = smallTrace();
        QCOMPARE(NarrativeMarkdown::document(trace, 2, smallAbout()), QString::fromUtf8(SmallGolden));
    }

    void anEmptyRunSaysSoAndLeavesOutWhatItDoesNotKnow()
    {
        const QString doc = NarrativeMarkdown::document(engine::Trace(), 0, {});
        QCOMPARE(doc, QStringLiteral("# Untitled run — narrative\n\n## Events\n\nNothing has happened yet.\n\n---\n\n"
                                     "0 events up to t = 0 ms. 1 tick = 1 ms of virtual time. Written by Taskscope.\n"));
    }

    void escapingKeepsNamesAndValuesLiteral_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("escaped");
        QTest::newRow("plain") << QStringLiteral("A completed with 'A'.") << QStringLiteral("A completed with 'A'.");
        QTest::newRow("emphasis") << QStringLiteral("fetch_user *x*") << QStringLiteral("fetch\\_user \\*x\\*");
        QTest::newRow("link and html") << QStringLiteral("[1, 2] <b>") << QStringLiteral("\\[1, 2\\] \\<b\\>");
        QTest::newRow("table and code") << QStringLiteral("a|b `c`") << QStringLiteral("a\\|b \\`c\\`");
        QTest::newRow("list start") << QStringLiteral("-1 left") << QStringLiteral("\\-1 left");
        QTest::newRow("heading start") << QStringLiteral("# x") << QStringLiteral("\\# x");
        QTest::newRow("line breaks") << QStringLiteral("two\nlines") << QStringLiteral("two lines");
        QTest::newRow("backslash") << QStringLiteral("C:\\x") << QStringLiteral("C:\\\\x");
    }

    void escapingKeepsNamesAndValuesLiteral()
    {
        QFETCH(QString, text);
        QFETCH(QString, escaped);
        QCOMPARE(NarrativeMarkdown::escape(text), escaped);
    }

    void everyEventIsOneLineUnderItsInstantInTimeOrder_data()
    {
        QTest::addColumn<QString>("id");
        for (const scenarios::BuiltinScenario &b : scenarios::builtinScenarios())
            QTest::newRow(qPrintable(b.id)) << b.id;
    }

    void everyEventIsOneLineUnderItsInstantInTimeOrder()
    {
        QFETCH(QString, id);
        const auto run = scenarioruns::finished(id);
        const engine::Trace &trace = run->trace();
        NarrativeMarkdown::About about;
        about.title = run->scenario().title();
        about.outcome = run->outcomeText();
        const QStringList lines = NarrativeMarkdown::document(trace, run->runtime().now(), about).split(QLatin1Char('\n'));

        QVERIFY(lines.front().startsWith(QStringLiteral("# ")));
        QVERIFY(lines.contains(QStringLiteral("**Outcome:** %1 (the narrative ends at t = %2 ms).")
                                   .arg(NarrativeMarkdown::escape(run->outcomeText()))
                                   .arg(run->runtime().now())));
        static const QRegularExpression heading(QStringLiteral("^### t = (\\d+) ms$"));
        engine::Tick instant = -1;
        engine::EventId next = 0;
        QStringList tableRows;
        for (const QString &line : lines) {
            if (const QRegularExpressionMatch m = heading.match(line); m.hasMatch()) {
                const engine::Tick t = m.captured(1).toLongLong();
                QVERIFY2(t > instant, qPrintable(line));   // one heading per instant, in order
                instant = t;
            } else if (line.startsWith(QStringLiteral("- "))) {
                QVERIFY2(next < trace.size(), "more event lines than events");
                QCOMPARE(trace.at(next).time, instant);
                QCOMPARE(line, QStringLiteral("- ") + NarrativeMarkdown::escape(widgets::EventNarrator::text(trace, next)));
                ++next;
            } else if (line.startsWith(QStringLiteral("| "))) {
                tableRows << line;
            }
        }
        QCOMPARE(next, trace.size());
        for (const engine::TraceEvent &e : trace.events()) {
            if (e.kind != engine::EventKind::Spawned)
                continue;
            const QString row = QStringLiteral("| %1 |").arg(NarrativeMarkdown::escape(trace.taskName(e.task)));
            QVERIFY2(std::any_of(tableRows.begin(), tableRows.end(), [&row](const QString &r) { return r.startsWith(row); }),
                     qPrintable(row));
        }
    }

    void savingIsAtomicAndSaysWhyItFailed()
    {
        QTemporaryDir dir;
        const engine::Trace trace = smallTrace();
        const QString path = dir.filePath(QStringLiteral("fetch.md"));
        QString error;
        QVERIFY2(NarrativeMarkdown::save(path, trace, 2, smallAbout(), &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), QString::fromUtf8(SmallGolden));

        const QString nowhere = dir.filePath(QStringLiteral("no/such/folder/fetch.md"));
        QVERIFY(!NarrativeMarkdown::save(nowhere, trace, 2, smallAbout(), &error));
        QVERIFY2(error.startsWith(QStringLiteral("cannot write the narrative to '%1': ").arg(nowhere)), qPrintable(error));
        QVERIFY(!QFileInfo::exists(nowhere));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("fetch.md")});
    }
};

QTEST_GUILESS_MAIN(TestNarrativeMarkdown)
#include "tst_narrativemarkdown.moc"
