#include "scenarioeditor.h"

#include "diagnosticlist.h"
#include "scenariohighlighter.h"
#include "scenariotextedit.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QSaveFile>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace widgets {

namespace {

bool isBuiltinPath(const QString &path) { return path.startsWith(QLatin1Char(':')); }

QString describeShortcut(const QString &text, const QKeySequence &keys, const QString &tip)
{
    return QStringLiteral("%1 <span style='color:gray'>%2</span><br>%3")
        .arg(text, keys.toString(QKeySequence::NativeText), tip);
}

// Spelled out: without a translation loaded, tr()'s %n plural shows as "problem(s)".
QString problemCount(std::size_t n)
{
    return n == 1 ? ScenarioEditor::tr("1 problem") : ScenarioEditor::tr("%1 problems").arg(n);
}

} // namespace

ScenarioEditor::ScenarioEditor(QWidget *parent)
    : QWidget(parent)
    , m_edit(new ScenarioTextEdit(this))
    , m_highlighter(new ScenarioHighlighter(m_edit->document()))
    , m_list(new DiagnosticList(this))
    , m_title(new QLabel(this))
    , m_status(new QLabel(this))
    , m_revalidate(new QTimer(this))
{
    setObjectName(QStringLiteral("scenarioEditor"));
    createActions();

    m_title->setTextFormat(Qt::PlainText);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    // The file name above the text; below it the problems, then the status and the verbs.
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(2, 0, 0, 0);
    bar->addWidget(m_status, 1);
    for (QAction *action : {m_rerunAction, m_saveAction, m_saveAsAction}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAutoRaise(true);
        bar->addWidget(button);
    }
    m_title->setContentsMargins(2, 0, 2, 0);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_list);
    layout->addLayout(bar);

    // Re-parse when typing pauses, not on every key: a half-typed word is always an error.
    m_revalidate->setSingleShot(true);
    m_revalidate->setInterval(RevalidateDelayMs);
    connect(m_revalidate, &QTimer::timeout, this, &ScenarioEditor::revalidateNow);
    connect(m_edit, &QPlainTextEdit::textChanged, m_revalidate, qOverload<>(&QTimer::start));
    connect(m_edit->document(), &QTextDocument::modificationChanged, this, [this](bool modified) {
        updateTitle();
        emit modificationChanged(modified);
    });
    connect(m_list, &DiagnosticList::diagnosticActivated, m_edit, &ScenarioTextEdit::jumpTo);
    updateTitle();
    revalidateNow();
}

void ScenarioEditor::createActions()
{
    auto make = [this](QStyle::StandardPixmap icon, const QString &text, const QKeySequence &keys, const QString &tip) {
        auto *action = new QAction(style()->standardIcon(icon), text, this);
        action->setShortcut(keys);
        // The edit handles these keys itself (ScenarioTextEdit::addOwnedAction): a window-wide
        // registration would clash with the window's Ctrl+R (reset the run).
        action->setShortcutContext(Qt::WidgetShortcut);
        action->setToolTip(describeShortcut(text, keys, tip));
        m_edit->addOwnedAction(action);
        return action;
    };
    m_rerunAction = make(QStyle::SP_BrowserReload, tr("Re-run"), QKeySequence(Qt::CTRL | Qt::Key_R),
                         tr("Run the edited text from t=0 (only when it has no problems)."));
    m_saveAction = make(QStyle::SP_DialogSaveButton, tr("Save"), QKeySequence::Save,
                        tr("Save the text to its file (a built-in scenario is saved as a new file)."));
    m_saveAsAction = make(QStyle::SP_DialogSaveButton, tr("Save as…"), QKeySequence::SaveAs,
                          tr("Save the text to a new file and edit that one."));
    connect(m_rerunAction, &QAction::triggered, this, &ScenarioEditor::rerun);
    connect(m_saveAction, &QAction::triggered, this, &ScenarioEditor::save);
    connect(m_saveAsAction, &QAction::triggered, this, &ScenarioEditor::saveAs);
}

void ScenarioEditor::setSource(const QString &path, const QString &text)
{
    // setPlainText also clears the undo history: undo must not bring back another file.
    m_edit->setPlainText(text);
    m_edit->document()->setModified(false);
    m_lastError.clear();
    setPath(path);
    updateTitle();
    revalidateNow();
}

QString ScenarioEditor::text() const
{
    return m_edit->toPlainText();
}

bool ScenarioEditor::isModified() const
{
    return m_edit->document()->isModified();
}

bool ScenarioEditor::needsNewFile() const
{
    return m_path.isEmpty() || isBuiltinPath(m_path);
}

void ScenarioEditor::setPath(const QString &path)
{
    if (path == m_path)
        return;
    m_path = path;
    updateTitle();
    emit pathChanged(m_path);
}

void ScenarioEditor::updateTitle()
{
    QString name = m_path.isEmpty() ? tr("untitled.yaml") : QFileInfo(m_path).fileName();
    if (isBuiltinPath(m_path))
        name += tr(" · built-in");
    m_title->setText(isModified() ? QStringLiteral("● ") + name : name);
    QString tip = m_path.isEmpty()         ? tr("Not saved to a file yet")
        : isBuiltinPath(m_path) ? tr("A built-in scenario: it cannot be changed in place, saving asks for a new file")
                                : QDir::toNativeSeparators(m_path);
    m_title->setToolTip(isModified() ? tip + tr("\nUnsaved changes") : tip);
}

void ScenarioEditor::showStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setToolTip(text);   // the label may be too narrow for a save error
    m_status->setStyleSheet(problem ? QStringLiteral("color: #c0392b") : QStringLiteral("color: #007a58"));
}

void ScenarioEditor::revalidateNow()
{
    m_revalidate->stop();
    const QString fileName = m_path.isEmpty() ? tr("untitled.yaml") : m_path;
    scenarios::LoadResult result = scenarios::parseScenario(text(), fileName);
    // An ok() result has no errors; a failed one without any still needs a reason on screen.
    if (!result.ok() && result.errors.empty())
        result.errors.push_back({{fileName, 1, 1}, tr("the scenario could not be read")});
    m_scenario = result.ok() ? result.scenario : std::nullopt;
    const bool changed = result.errors.size() != m_diagnostics.size()
        || !std::equal(result.errors.begin(), result.errors.end(), m_diagnostics.begin(),
                       [](const auto &a, const auto &b) { return a.format() == b.format(); });
    m_diagnostics = std::move(result.errors);
    m_edit->setDiagnostics(m_diagnostics);
    m_list->setDiagnostics(m_diagnostics);
    if (m_diagnostics.empty())
        showStatus(tr("✓ No problems"), false);
    else
        showStatus(QStringLiteral("✗ ") + problemCount(m_diagnostics.size()), true);
    if (changed)
        emit diagnosticsChanged();
}

void ScenarioEditor::rerun()
{
    revalidateNow();
    if (m_scenario) {
        emit rerunRequested(*m_scenario);
        return;
    }
    showStatus(tr("✗ Cannot re-run: %1 to fix").arg(problemCount(m_diagnostics.size())), true);
    if (!m_diagnostics.empty())
        m_edit->jumpTo(m_diagnostics.front().where.line, m_diagnostics.front().where.column);
}

bool ScenarioEditor::saveTo(const QString &path)
{
    QSaveFile file(path);
    bool ok = file.open(QIODevice::WriteOnly);
    if (ok) {
        const QByteArray bytes = text().toUtf8();
        ok = file.write(bytes) == bytes.size();
        // commit() is what replaces the old file; until then it is untouched.
        ok = ok && file.commit();
    }
    if (!ok) {
        m_lastError = tr("Could not save “%1”: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        showStatus(m_lastError, true);
        return false;
    }
    m_lastError.clear();
    m_edit->document()->setModified(false);
    setPath(path);
    // The diagnostics name the file: parse again under its new name.
    revalidateNow();
    showStatus(tr("Saved %1").arg(QDir::toNativeSeparators(path)), false);
    return true;
}

void ScenarioEditor::saveFailed()
{
    QMessageBox::warning(this, tr("Cannot save scenario"), tr("%1\n\nYour text is still in the editor.").arg(m_lastError));
}

bool ScenarioEditor::save()
{
    if (needsNewFile())
        return saveAs();
    if (saveTo(m_path))
        return true;
    saveFailed();
    return false;
}

bool ScenarioEditor::saveAs()
{
    // A built-in is offered under its own name in the home folder, a file next to itself.
    const QString suggestion = m_path.isEmpty() ? QDir::home().filePath(tr("untitled.yaml"))
        : isBuiltinPath(m_path)                 ? QDir::home().filePath(QFileInfo(m_path).fileName())
                                                : m_path;
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Save scenario as"), suggestion,
                                                        tr("Scenarios (*.yaml *.yml);;All files (*)"));
    if (chosen.isEmpty())
        return false;
    if (saveTo(chosen))
        return true;
    saveFailed();
    return false;
}

bool ScenarioEditor::maybeSave(QWidget *parent)
{
    if (!isModified())
        return true;
    const QString name = m_path.isEmpty() ? tr("untitled.yaml") : QFileInfo(m_path).fileName();
    const auto answer = QMessageBox::warning(parent ? parent : this, tr("Unsaved changes"),
                                             tr("“%1” has changes that are not saved. Save them?").arg(name),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                             QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

} // namespace widgets
