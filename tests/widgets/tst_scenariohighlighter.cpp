// The highlighter colours what a scenario is made of, at the right characters.

#include "widgets/scenariohighlighter.h"

#include <QAbstractTextDocumentLayout>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using widgets::ScenarioHighlighter;
using Kind = ScenarioHighlighter::Kind;

Q_DECLARE_METATYPE(ScenarioHighlighter::Kind)

namespace {

const QString text = QStringLiteral(
    "# a comment line\n"                                    // 0
    "title: \"Quoted # not a comment\"\n"                   // 1
    "description: |\n"                                      // 2
    "  run: inside the notes is prose\n"                    // 3
    "profile: {library: asyncio, seed: 7}\n"                // 4
    "run:\n"                                                // 5
    "  asyncgui.wait_any:   # helper\n"                     // 6
    "    - task: A\n"                                       // 7
    "      steps: [{sleep: 250ms}, {return: true}]\n"       // 8
    "    - task: B\n"                                       // 9
    "      steps:\n"                                        // 10
    "        - sleep: 2\n"                                  // 11
    "        - checkpoint\n");                              // 12

// The foreground the highlighter gave the character at (0-based) line and column; invalid if none.
QColor colourAt(const QTextDocument &doc, int line, int column)
{
    const QTextBlock block = doc.findBlockByNumber(line);
    for (const QTextLayout::FormatRange &r : block.layout()->formats())
        if (column >= r.start && column < r.start + r.length)
            return r.format.foreground().color();
    return {};
}

// A QTextDocument without a layout emits no contentsChange, so a highlighter never hears of its
// text; an editor always has one. Give the bare test documents one.
void giveLayout(QTextDocument &doc)
{
    doc.documentLayout();
}

} // namespace

class TestScenarioHighlighter : public QObject
{
    Q_OBJECT

private slots:
    void formatsAtKnownPositions_data()
    {
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("length");
        QTest::addColumn<Kind>("kind");
        QTest::newRow("comment") << 0 << 0 << 16 << Kind::Comment;
        QTest::newRow("top-level key") << 1 << 0 << 5 << Kind::Key;
        QTest::newRow("string with a hash") << 1 << 7 << 24 << Kind::String;
        QTest::newRow("block scalar is prose") << 3 << 2 << 30 << Kind::Prose;
        QTest::newRow("flow key") << 4 << 10 << 7 << Kind::Key;
        QTest::newRow("number") << 4 << 34 << 1 << Kind::Number;
        QTest::newRow("helper name") << 6 << 2 << 17 << Kind::Helper;
        QTest::newRow("trailing comment") << 6 << 23 << 8 << Kind::Comment;
        QTest::newRow("step key in flow") << 8 << 15 << 5 << Kind::Step;
        QTest::newRow("duration with unit") << 8 << 22 << 5 << Kind::Duration;
        QTest::newRow("constant") << 8 << 39 << 4 << Kind::Constant;
        QTest::newRow("sleep's plain number is a duration") << 11 << 17 << 1 << Kind::Duration;
        QTest::newRow("bare step") << 12 << 10 << 10 << Kind::Step;
    }

    void formatsAtKnownPositions()
    {
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(int, length);
        QFETCH(Kind, kind);
        QTextDocument doc;
        giveLayout(doc);
        ScenarioHighlighter highlighter(&doc);
        doc.setPlainText(text);
        const QColor expected = highlighter.format(kind).foreground().color();
        for (int c = column; c < column + length; ++c)
            QCOMPARE(colourAt(doc, line, c), expected);
        // ...and not beyond: the neighbours are something else (or nothing).
        QVERIFY(colourAt(doc, line, column + length) != expected || kind == Kind::Prose);
    }

    void kindsLookDifferent()
    {
        QTextDocument doc;
        ScenarioHighlighter highlighter(&doc);
        QSet<QRgb> colours;
        for (int k = 0; k < int(Kind::Count); ++k)
            colours.insert(highlighter.format(Kind(k)).foreground().color().rgb());
        QCOMPARE(colours.size(), int(Kind::Count));
    }

    void helperNamesComeFromTheHelperTable()
    {
        QVERIFY(ScenarioHighlighter::isHelperName(u"asyncgui.wait_any"));
        QVERIFY(ScenarioHighlighter::isHelperName(u"wait_any"));   // an alias
        QVERIFY(ScenarioHighlighter::isHelperName(u"trio.open_nursery"));
        QVERIFY(!ScenarioHighlighter::isHelperName(u"sleep"));
        QVERIFY(ScenarioHighlighter::isStepName(u"sleep"));
        QVERIFY(!ScenarioHighlighter::isStepName(u"title"));
    }

    void proseEndsWhereTheIndentationReturns()
    {
        QTextDocument doc;
        giveLayout(doc);
        ScenarioHighlighter highlighter(&doc);
        doc.setPlainText(text);
        QCOMPARE(colourAt(doc, 4, 0), highlighter.format(Kind::Key).foreground().color());
        // Editing the block scalar's key line re-colours the lines below.
        QTextCursor cursor(doc.findBlockByNumber(2));
        cursor.movePosition(QTextCursor::EndOfBlock);
        cursor.deletePreviousChar();   // "description: " — no longer a block
        QCOMPARE(colourAt(doc, 3, 2), highlighter.format(Kind::Key).foreground().color());
    }
};

QTEST_MAIN(TestScenarioHighlighter)
#include "tst_scenariohighlighter.moc"
