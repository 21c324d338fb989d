// ScenarioParser, third part: the `expect` block.

#include "scenarioparser.h"

#include "nearestword.h"
#include "yamlvalue.h"

namespace scenarios {

namespace {

const QStringList expectKeys{QStringLiteral("result"), QStringLiteral("error"), QStringLiteral("tasks")};
const QStringList taskExpectKeys{QStringLiteral("outcome"), QStringLiteral("at"), QStringLiteral("result"),
                                 QStringLiteral("error"), QStringLiteral("cancelling")};
const QStringList outcomeNames{QStringLiteral("completed"), QStringLiteral("failed"), QStringLiteral("cancelled")};

} // namespace

// Expectations -----------------------------------------------------------------------------------

void ScenarioParser::readExpect(const Entry &entry)
{
    Expectations &expect = m_data->expect;
    if (entry.value.IsNull())
        return;
    if (!entry.value.IsMap()) {
        error(valueWhere(entry), QStringLiteral("'expect' must be a map (result, error, tasks), not %1").arg(describeKind(entry.value)));
        return;
    }
    const Entries entries = readMap(entry.value, expectKeys);
    const Entry *result = find(entries, QStringLiteral("result"));
    const Entry *raised = find(entries, QStringLiteral("error"));
    if (result && raised)
        error(raised->keyNode, QStringLiteral("expect has both 'result' and 'error'; a run either returns or raises"));
    if (result) {
        expect.result = readText(*result);
        expect.resultWhere = where(result->keyNode);
    }
    if (raised) {
        expect.error = readText(*raised);
        expect.errorWhere = where(raised->keyNode);
    }
    const Entry *tasks = find(entries, QStringLiteral("tasks"));
    if (!tasks || tasks->value.IsNull())
        return;
    if (!tasks->value.IsMap()) {
        error(valueWhere(*tasks), QStringLiteral("'tasks' must be a map of task name to outcome, not %1").arg(describeKind(tasks->value)));
        return;
    }
    for (const Entry &t : readMap(tasks->value, m_taskNames, QStringLiteral("task"), QStringLiteral("the scenario's tasks are"))) {
        if (std::optional<TaskExpectation> te = readTaskExpectation(t))
            expect.tasks.push_back(std::move(*te));
    }
}

std::optional<TaskExpectation> ScenarioParser::readTaskExpectation(const Entry &entry)
{
    TaskExpectation te;
    te.task = entry.key;
    te.where = where(entry.keyNode);
    Entries fields;
    if (entry.value.IsScalar()) {
        fields.push_back(Entry{QStringLiteral("outcome"), entry.keyNode, entry.value});   // `A: cancelled`
    } else if (entry.value.IsMap()) {
        fields = readMap(entry.value, taskExpectKeys);
    } else {
        error(valueWhere(entry), QStringLiteral("expected an outcome or a map (outcome, at, result, error) for task '%1', not %2").arg(entry.key, describeKind(entry.value)));
        return std::nullopt;
    }
    for (const Entry &f : fields) {
        if (f.key == QLatin1String("outcome")) {
            const std::optional<QString> name = readText(f);
            if (!name)
                continue;
            if (!outcomeNames.contains(*name))
                error(f.value, QStringLiteral("unknown outcome '%1'").arg(*name) + suggestionSuffix(*name, outcomeNames));
            else
                te.outcome = *name == QLatin1String("completed") ? engine::TaskState::Completed
                    : *name == QLatin1String("failed")           ? engine::TaskState::Failed
                                                                 : engine::TaskState::Cancelled;
        } else if (f.key == QLatin1String("at")) {
            te.at = readDuration(f);
        } else if (f.key == QLatin1String("cancelling")) {
            const QVariant n = f.value.IsScalar() && isPlainScalar(f.value) ? toVariant(f.value) : QVariant();
            if ((n.typeId() != QMetaType::LongLong && n.typeId() != QMetaType::Int) || n.toLongLong() < 0 || n.toLongLong() > 65535)
                error(valueWhere(f), QStringLiteral("'cancelling' must be a whole number of cancel requests (0 or more), not %1").arg(describeKind(f.value)));
            else
                te.cancelling = int(n.toLongLong());
        } else if (f.key == QLatin1String("result")) {
            te.result = readText(f);
        } else {
            te.error = readText(f);
        }
    }
    if (!te.outcome && !te.at && !te.result && !te.error && !te.cancelling) {
        if (fields.empty())
            error(valueWhere(entry), QStringLiteral("task '%1' expects nothing; give outcome, at, result, error or cancelling").arg(entry.key));
        return std::nullopt;
    }
    return te;
}

} // namespace scenarios
