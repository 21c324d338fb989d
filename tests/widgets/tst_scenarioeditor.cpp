// The scenario editor: problems marked where the parser puts them, as you type; Ctrl+R re-runs
// valid text only; edits are tracked, saved atomically and never dropped silently.

#include "widgets/diagnosticlist.h"
#include "widgets/linenumbergutter.h"
#include "widgets/scenarioeditor.h"
#include "widgets/scenariotextedit.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTimer>

using widgets::ScenarioEditor;

namespace {

const QString validText = QStringLiteral(
    "title: Two sleepers\n"
    "run:\n"
    "  wait_any:\n"
    "    - task: A\n"
    "      steps: [{sleep: 1}, {return: A}]\n"
    "    - task: B\n"
    "      steps:\n"
    "        - sleep: 2\n");

// The one wave-underlined extra selection starting at (1-based) line and column, if any.
std::optional<QTextEdit::ExtraSelection> underlineAt(const ScenarioEditor &editor, int line, int column)
{
    const QTextBlock block = editor.textEdit()->document()->findBlockByNumber(line - 1);
    for (const QTextEdit::ExtraSelection &s : editor.textEdit()->extraSelections())
        if (s.format.underlineStyle() == QTextCharFormat::WaveUnderline
            && s.cursor.selectionStart() == block.position() + column - 1)
            return s;
    return std::nullopt;
}

int underlineCount(const ScenarioEditor &editor)
{
    const auto all = editor.textEdit()->extraSelections();
    return int(std::count_if(all.begin(), all.end(), [](const QTextEdit::ExtraSelection &s) {
        return s.format.underlineStyle() == QTextCharFormat::WaveUnderline;
    }));
}

// Answers the next message box with `button` (the editor asks with modal boxes).
void answerNextBox(QMessageBox::StandardButton button, QString *text = nullptr)
{
    QTimer::singleShot(0, [button, text] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            if (text)
                *text = box->text();
            box->button(button)->click();
        }
    });
}

} // namespace

class TestScenarioEditor : public QObject
{
    Q_OBJECT

private slots:
    void problemIsUnderlinedAtItsLineAndColumn_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QString typo = validText;
        typo.replace(QStringLiteral("- sleep: 2"), QStringLiteral("- sleeep: 2"));
        QTest::newRow("unknown step") << typo << 8 << 11 << QStringLiteral("unknown step 'sleeep'");
        QString negative = validText;
        negative.replace(QStringLiteral("{sleep: 1}"), QStringLiteral("{sleep: -1}"));
        QTest::newRow("negative duration") << negative << 5 << 23 << QStringLiteral("must not be negative");
        QString key = validText;
        key.replace(QStringLiteral("run:"), QStringLiteral("rnu:"));
        QTest::newRow("unknown key") << key << 2 << 1 << QStringLiteral("unknown key 'rnu'");
    }

    void problemIsUnderlinedAtItsLineAndColumn()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        ScenarioEditor editor;
        editor.setSource(QStringLiteral("/tmp/x.yaml"), text);
        const auto &found = editor.diagnostics();
        const auto it = std::find_if(found.begin(), found.end(), [&](const scenarios::Diagnostic &d) {
            return d.message.contains(message);
        });
        QVERIFY2(it != found.end(), qPrintable(found.empty() ? QStringLiteral("no diagnostics") : found.front().format()));
        QCOMPARE(it->where.line, line);
        QCOMPARE(it->where.column, column);
        const auto underline = underlineAt(editor, line, column);
        QVERIFY(underline);
        QVERIFY(underline->cursor.hasSelection());
        QCOMPARE(underline->format.toolTip(), it->message);
        QVERIFY(editor.textEdit()->gutter()->markers().value(line).contains(message));
        QVERIFY(editor.diagnosticList()->count() >= 1);
        QVERIFY(!editor.diagnosticList()->isHidden());
    }

    void underlineCoversTheWordAtTheColumn()
    {
        QString typo = validText;
        typo.replace(QStringLiteral("- sleep: 2"), QStringLiteral("- sleeep: 2"));
        ScenarioEditor editor;
        editor.setSource({}, typo);
        const auto underline = underlineAt(editor, 8, 11);
        QVERIFY(underline);
        QCOMPARE(underline->cursor.selectedText(), QStringLiteral("sleeep"));
    }

    void fixingTheTextClearsTheProblemAfterTheDebounce()
    {
        QString typo = validText;
        typo.replace(QStringLiteral("- sleep: 2"), QStringLiteral("- sleeep: 2"));
        ScenarioEditor editor;
        editor.setSource({}, typo);
        QCOMPARE(underlineCount(editor), 1);
        QSignalSpy changed(&editor, &ScenarioEditor::diagnosticsChanged);

        QTextCursor cursor(editor.textEdit()->document()->findBlockByNumber(7));
        cursor.setPosition(cursor.block().position() + 14);   // after "sleee"
        cursor.deletePreviousChar();
        editor.textEdit()->setTextCursor(cursor);
        // Typing does not parse at once: the timer waits for a pause.
        QCOMPARE(editor.diagnostics().size(), std::size_t(1));
        QCOMPARE(changed.count(), 0);

        editor.revalidateNow();
        QVERIFY(editor.diagnostics().empty());
        QCOMPARE(underlineCount(editor), 0);
        QVERIFY(editor.textEdit()->gutter()->markers().isEmpty());
        QVERIFY(editor.diagnosticList()->isHidden());
        QCOMPARE(changed.count(), 1);
        QVERIFY(editor.scenario());
    }

    void ctrlRRerunsOnlyTextThatParses()
    {
        ScenarioEditor editor;
        QSignalSpy rerun(&editor, &ScenarioEditor::rerunRequested);
        editor.setSource({}, validText);
        QTest::keyClick(editor.textEdit(), Qt::Key_R, Qt::ControlModifier);
        QCOMPARE(rerun.count(), 1);
        // Scenario has no default constructor, so QVariant::value<>() is out: read it in place.
        const auto *scenario = static_cast<const scenarios::Scenario *>(rerun.at(0).at(0).constData());
        QCOMPARE(scenario->title(), QStringLiteral("Two sleepers"));
        QCOMPARE(editor.text(), validText);   // the key did not type an 'r'

        QString broken = validText;
        broken.replace(QStringLiteral("- sleep: 2"), QStringLiteral("- sleeep: 2"));
        editor.setSource({}, broken);
        editor.textEdit()->moveCursor(QTextCursor::Start);
        QTest::keyClick(editor.textEdit(), Qt::Key_R, Qt::ControlModifier);
        QCOMPARE(rerun.count(), 1);
        // Instead it shows the first problem.
        QCOMPARE(editor.textEdit()->textCursor().blockNumber(), 7);
        QCOMPARE(editor.textEdit()->textCursor().positionInBlock(), 10);
    }

    void editsSetTheModifiedFlagAndUndoRestoresTheText()
    {
        ScenarioEditor editor;
        editor.setSource({}, validText);
        QVERIFY(!editor.isModified());
        QSignalSpy modified(&editor, &ScenarioEditor::modificationChanged);
        editor.textEdit()->moveCursor(QTextCursor::End);
        QTest::keyClicks(editor.textEdit(), QStringLiteral("# note"));
        QVERIFY(editor.isModified());
        QCOMPARE(modified.count(), 1);
        QCOMPARE(modified.at(0).at(0).toBool(), true);
        QCOMPARE(editor.text(), validText + QStringLiteral("# note"));

        QTest::keyClick(editor.textEdit(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(editor.text(), validText);
        QVERIFY(!editor.isModified());
        editor.textEdit()->redo();
        QCOMPARE(editor.text(), validText + QStringLiteral("# note"));
    }

    void settingASourceClearsTheUndoHistory()
    {
        ScenarioEditor editor;
        editor.setSource({}, QStringLiteral("title: one\n"));
        editor.setSource({}, validText);
        QVERIFY(!editor.textEdit()->document()->isUndoAvailable());
    }

    void saveWritesTheTextThroughASaveFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("saved.yaml"));
        ScenarioEditor editor;
        editor.setSource({}, validText);
        editor.textEdit()->moveCursor(QTextCursor::End);
        editor.textEdit()->insertPlainText(QStringLiteral("# edited\n"));
        QSignalSpy pathChanged(&editor, &ScenarioEditor::pathChanged);
        QVERIFY(editor.saveTo(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), validText + QStringLiteral("# edited\n"));
        QVERIFY(!editor.isModified());
        QCOMPARE(editor.path(), path);
        QCOMPARE(pathChanged.count(), 1);
        QVERIFY(editor.lastError().isEmpty());
        QVERIFY(!editor.needsNewFile());
    }

    void saveToAnUnwritablePlaceFailsAndKeepsTheEdits()
    {
        QTemporaryDir dir;
        // A file's "sub-directory" cannot be created, even by root.
        const QString blocker = dir.filePath(QStringLiteral("plain-file"));
        QFile f(blocker);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        const QString path = blocker + QStringLiteral("/x.yaml");
        ScenarioEditor editor;
        editor.setSource(dir.filePath(QStringLiteral("orig.yaml")), validText);
        editor.textEdit()->insertPlainText(QStringLiteral("# edited\n"));
        QVERIFY(!editor.saveTo(path));
        QVERIFY(editor.lastError().contains(path));
        QVERIFY(editor.isModified());
        QCOMPARE(editor.text(), QStringLiteral("# edited\n") + validText);
        QCOMPARE(editor.path(), dir.filePath(QStringLiteral("orig.yaml")));
    }

    void builtinSourcesAreSavedAsNewFiles()
    {
        ScenarioEditor editor;
        editor.setSource(QStringLiteral(":/scenarios/race-first-finisher.yaml"), validText);
        QVERIFY(editor.needsNewFile());
        editor.setSource(QStringLiteral("/tmp/mine.yaml"), validText);
        QVERIFY(!editor.needsNewFile());
    }

    void maybeSaveAsksOnlyWhenModified()
    {
        ScenarioEditor editor;
        editor.setSource({}, validText);
        QVERIFY(editor.maybeSave(nullptr));   // nothing to lose: no question
        editor.textEdit()->insertPlainText(QStringLiteral("# x\n"));
        QString asked;
        answerNextBox(QMessageBox::Cancel, &asked);
        QVERIFY(!editor.maybeSave(nullptr));
        QVERIFY(asked.contains(QStringLiteral("untitled.yaml")));
        QVERIFY(editor.isModified());
        answerNextBox(QMessageBox::Discard);
        QVERIFY(editor.maybeSave(nullptr));
    }

    void garbageOpensWithItsProblemsShown_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("unclosed flow") << QStringLiteral("title: [\nrun: {");
        QTest::newRow("binary") << QString::fromLatin1("\x01\x02\xff\xfe\tkey:\n\t- :");
        QTest::newRow("a list") << QStringLiteral("- a\n- b\n");
    }

    void garbageOpensWithItsProblemsShown()
    {
        QFETCH(QString, text);
        ScenarioEditor editor;
        editor.setSource(QStringLiteral("/tmp/bad.yaml"), text);
        QVERIFY(!editor.diagnostics().empty());
        QVERIFY(!editor.scenario());
        QCOMPARE(underlineCount(editor), int(editor.diagnostics().size()));
        QCOMPARE(editor.text(), text);
    }
};

QTEST_MAIN(TestScenarioEditor)
#include "tst_scenarioeditor.moc"
