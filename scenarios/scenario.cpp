#include "scenario.h"

#include "scenariodata.h"
#include "scenarioparser.h"
#include "yamlvalue.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace scenarios {

namespace {

// A hand-written scenario is a few kilobytes; anything this big is the wrong file.
constexpr qint64 maxScenarioBytes = 4 * 1024 * 1024;

const QString builtinDir = QStringLiteral(":/scenarios");

} // namespace

QString Diagnostic::format() const
{
    if (where.line <= 0)
        return QStringLiteral("%1: %2").arg(where.file, message);
    return QStringLiteral("%1:%2:%3: %4").arg(where.file).arg(where.line).arg(where.column).arg(message);
}

QString Scenario::title() const { return m_data->title; }
QString Scenario::description() const { return m_data->description; }
QString Scenario::conceptName() const { return m_data->conceptName; }
QString Scenario::profile() const { return m_data->profile; }
QString Scenario::sourcePath() const { return m_data->path; }
QString Scenario::sourceText() const { return m_data->text; }

LoadResult parseScenario(const QString &text, const QString &fileName)
{
    return ScenarioParser(fileName).parse(text);
}

std::optional<engine::Tick> parseDurationText(const QString &text, QString *error)
{
    // The file format's own reader, so that `--until` and `sleep:` accept exactly the same text.
    const engine::Tick ticks = parseDuration(text, error);
    if (ticks < 0)
        return std::nullopt;
    return ticks;
}

LoadResult loadScenarioFile(const QString &path)
{
    auto failure = [&path](const QString &message) {
        LoadResult r;
        r.errors.push_back(Diagnostic{SourceLocation{path, 0, 0}, message});
        return r;
    };
    if (QFileInfo(path).isDir())
        return failure(QStringLiteral("cannot read scenario: it is a directory"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("cannot read scenario: %1").arg(file.errorString()));
    if (file.size() > maxScenarioBytes)
        return failure(QStringLiteral("cannot read scenario: the file is too large (%1 bytes)").arg(file.size()));
    return parseScenario(QString::fromUtf8(file.readAll()), path);
}

// Fills in what the built-in's file says of itself. A broken built-in still shows up (by id) so
// that the tests and the browser reveal it.
static BuiltinScenario describeBuiltin(BuiltinScenario b)
{
    const LoadResult loaded = loadScenarioFile(b.path);
    b.title = loaded.ok() ? loaded.scenario->title() : b.id;
    if (loaded.ok()) {
        b.conceptName = loaded.scenario->conceptName();
        b.profile = loaded.scenario->profile();
        b.description = loaded.scenario->description();
    }
    return b;
}

static std::vector<BuiltinScenario> readBuiltins()
{
    std::vector<BuiltinScenario> out;
    const QStringList files = QDir(builtinDir).entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        BuiltinScenario b;
        b.id = QFileInfo(file).completeBaseName();
        b.path = builtinDir + QLatin1Char('/') + file;
        out.push_back(describeBuiltin(std::move(b)));
    }
    return out;
}

std::vector<BuiltinScenario> builtinScenarios()
{
    static const std::vector<BuiltinScenario> builtins = readBuiltins();
    return builtins;
}

std::optional<BuiltinScenario> findBuiltin(const QString &id)
{
    // Only the one file is read (the catalogue may grow); ids are plain file names.
    if (id.isEmpty() || id.contains(QLatin1Char('/')))
        return std::nullopt;
    BuiltinScenario b;
    b.id = id;
    b.path = builtinDir + QLatin1Char('/') + id + QStringLiteral(".yaml");
    if (!QFileInfo(b.path).isFile())
        return std::nullopt;
    return describeBuiltin(std::move(b));
}

} // namespace scenarios
