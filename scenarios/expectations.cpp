#include "expectations.h"

#include "engine/value.h"

namespace scenarios {

namespace {

QString errorText(const engine::Runtime &rt, engine::TaskId id)
{
    return engine::Error::fromException(rt.error(id)).describe();
}

// What the task did, in the words of the expectation: "completed at t=2", "still suspended at t=5".
QString actualText(const engine::Runtime &rt, engine::TaskId id, const TaskExpectation &te)
{
    const engine::TaskState state = rt.state(id);
    if (!engine::isFinal(state))
        return QStringLiteral("still %1 at t=%2").arg(QLatin1String(engine::toString(state))).arg(rt.now())
            + (te.cancelling ? QStringLiteral(" with cancelling() = %1").arg(rt.cancelling(id)) : QString());
    QString text = QStringLiteral("%1 at t=%2").arg(QLatin1String(engine::toString(state))).arg(rt.endTime(id));
    if (te.result && state == engine::TaskState::Completed)
        text += QStringLiteral(" with result ") + engine::describeValue(rt.result(id));
    if (te.error && state == engine::TaskState::Failed)
        text += QStringLiteral(" with error ") + errorText(rt, id);
    if (te.cancelling)
        text += QStringLiteral(" with cancelling() = %1").arg(rt.cancelling(id));
    return text;
}

QString expectedText(const TaskExpectation &te)
{
    QStringList parts;
    if (te.outcome)
        parts << QLatin1String(engine::toString(*te.outcome));
    if (te.at)
        parts << QStringLiteral("at t=%1").arg(*te.at);
    if (te.result)
        parts << QStringLiteral("with result ") + *te.result;
    if (te.error)
        parts << QStringLiteral("with error ") + *te.error;
    if (te.cancelling)
        parts << QStringLiteral("with cancelling() = %1").arg(*te.cancelling);
    return parts.join(QLatin1Char(' '));
}

bool holds(const engine::Runtime &rt, engine::TaskId id, const TaskExpectation &te)
{
    const engine::TaskState state = rt.state(id);
    if (te.outcome && state != *te.outcome)
        return false;
    if (te.at && (!engine::isFinal(state) || rt.endTime(id) != *te.at))
        return false;
    if (te.result && (state != engine::TaskState::Completed || engine::describeValue(rt.result(id)) != *te.result))
        return false;
    if (te.error && (state != engine::TaskState::Failed || errorText(rt, id) != *te.error))
        return false;
    if (te.cancelling && rt.cancelling(id) != *te.cancelling)
        return false;
    return true;
}

engine::TaskId findTask(const engine::Runtime &rt, const QString &name)
{
    for (engine::TaskId id = 0; id < rt.taskCount(); ++id)
        if (rt.trace().taskName(id) == name)
            return id;
    return engine::NoId;
}

// "but main raised X" / "but main was cancelled" … for a root that did not end as expected.
QString rootEnding(const engine::Runtime &rt, const RootOutcome &root)
{
    const QString name = rt.trace().taskName(root.task);
    switch (root.state) {
    case engine::TaskState::Completed:
        return QStringLiteral("%1 returned %2").arg(name, engine::describeValue(root.value));
    case engine::TaskState::Failed:
        return QStringLiteral("%1 raised %2").arg(name, engine::Error::fromException(root.error).describe());
    case engine::TaskState::Cancelled:
        return QStringLiteral("%1 was cancelled").arg(name);
    default:
        return QStringLiteral("%1 is still running at t=%2").arg(name).arg(rt.now());
    }
}

// YAML eats one level of quotes: `result: 'A'` means the text A, not the Python repr 'A'.
QString quoteHint(const QString &expected, const QString &got)
{
    if (got == QLatin1Char('\'') + expected + QLatin1Char('\''))
        return QStringLiteral(" (YAML removed your quotes: write \"%1\")").arg(got);
    return {};
}

} // namespace

std::vector<Mismatch> checkExpectations(const Expectations &expect, const engine::Runtime &rt, const RootOutcome &root)
{
    std::vector<Mismatch> out;
    if (root.task == engine::NoId)
        return out;
    const engine::TaskState rootState = root.state;
    const QString rootError = rootState == engine::TaskState::Failed ? engine::Error::fromException(root.error).describe() : QString();
    if (expect.result) {
        const QString got = rootState == engine::TaskState::Completed ? engine::describeValue(root.value) : QString();
        if (rootState != engine::TaskState::Completed)
            out.push_back({expect.resultWhere, QStringLiteral("result: expected %1, but %2").arg(*expect.result, rootEnding(rt, root))});
        else if (got != *expect.result)
            out.push_back({expect.resultWhere, QStringLiteral("result: expected %1, got %2").arg(*expect.result, got) + quoteHint(*expect.result, got)});
    }
    if (expect.error) {
        if (rootState != engine::TaskState::Failed)
            out.push_back({expect.errorWhere, QStringLiteral("error: expected %1, but %2").arg(*expect.error, rootEnding(rt, root))});
        else if (rootError != *expect.error)
            out.push_back({expect.errorWhere, QStringLiteral("error: expected %1, got %2").arg(*expect.error, rootError)});
    }
    for (const TaskExpectation &te : expect.tasks) {
        const engine::TaskId id = findTask(rt, te.task);
        if (id == engine::NoId)
            out.push_back({te.where, QStringLiteral("task %1: expected %2, but it never started").arg(te.task, expectedText(te))});
        else if (!holds(rt, id, te))
            out.push_back({te.where, QStringLiteral("task %1: expected %2, got %3").arg(te.task, expectedText(te), actualText(rt, id, te))});
    }
    return out;
}

} // namespace scenarios
