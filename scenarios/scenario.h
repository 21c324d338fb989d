#pragma once

// Public contract of the scenarios library, used by the app, the command line and the tests.
// (Internals — the node tree, the YAML reader, the interpreter — live in their own files.)

#include "engine/types.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace scenarios {

/// A place in a scenario file (1-based line and column).
struct SourceLocation
{
    QString file;
    int line = 0;
    int column = 0;
};

/// A problem found in a scenario file, printed as `file:line:col: message`.
struct Diagnostic
{
    SourceLocation where;
    QString message;
    QString format() const;
};

struct ScenarioData;   // the parsed tree (scenarios/scenariodata.h)

/// A parsed, validated scenario. Cheap to copy (shared, immutable).
class Scenario
{
public:
    QString title() const;
    QString description() const;
    // `concept` is a C++20 keyword, hence the longer name (YAML key: concept).
    QString conceptName() const;
    QString profile() const;      ///< library profile name, e.g. "asyncgui"
    QString sourcePath() const;   ///< file path or ":/…" resource path
    QString sourceText() const;
    const ScenarioData &data() const { return *m_data; }

    explicit Scenario(std::shared_ptr<const ScenarioData> data) : m_data(std::move(data)) {}

private:
    std::shared_ptr<const ScenarioData> m_data;
};

/// Either a scenario or the reasons there is none.
struct LoadResult
{
    std::optional<Scenario> scenario;
    std::vector<Diagnostic> errors;
    bool ok() const { return scenario.has_value() && errors.empty(); }
};

/// Reads and validates a scenario file (a path or a ":/…" resource).
LoadResult loadScenarioFile(const QString &path);
/// Parses and validates scenario text; `fileName` is used in diagnostics.
LoadResult parseScenario(const QString &text, const QString &fileName);

/// A duration written as in a scenario file: whole ticks ("3"), "250ms", "2s", "1.5s"
/// (1 tick = 1 ms). Empty with a sentence in `error` when the text is not one.
std::optional<engine::Tick> parseDurationText(const QString &text, QString *error);

/// A scenario shipped inside the program.
struct BuiltinScenario
{
    QString id;      ///< file name without extension, e.g. "race-first-finisher"
    QString title;
    QString conceptName;   // the YAML `concept` (a C++20 keyword)
    QString path;    ///< ":/scenarios/…yaml"
    QString profile;       ///< the library profile, e.g. "asyncgui"
    QString description;   ///< the scenario's description (teaching notes)
};
/// Every built-in, sorted by id. They are compiled in, so they are read and parsed once per
/// process; later calls return the same list.
std::vector<BuiltinScenario> builtinScenarios();
/// The built-in scenario with `id`, if any.
std::optional<BuiltinScenario> findBuiltin(const QString &id);

} // namespace scenarios
