#include "scenariodata.h"

#include "helperspec.h"

#include "engine/error.h"
#include "engine/value.h"

#include <QStringList>

namespace scenarios {

QVariant Node::option(const QString &key) const
{
    const auto given = options.constFind(key);
    if (given != options.constEnd())
        return *given;
    const OptionSpec *spec = helper ? helper->option(key) : nullptr;
    return spec ? spec->fallback : QVariant();
}

QString Node::kindName() const
{
    return helper ? helper->name : QStringLiteral("task");
}

const char *toString(Step::Kind kind)
{
    switch (kind) {
    case Step::Kind::Sleep: return "sleep";
    case Step::Kind::Return: return "return";
    case Step::Kind::Fail: return "fail";
    case Step::Kind::Checkpoint: return "checkpoint";
    case Step::Kind::Emit: return "emit";
    case Step::Kind::Spawn: return "spawn";
    case Step::Kind::Cancel: return "cancel";
    case Step::Kind::Acquire: return "acquire";
    case Step::Kind::Release: return "release";
    case Step::Kind::Put: return "put";
    case Step::Kind::Get: return "get";
    case Step::Kind::Close: return "close";
    case Step::Kind::Set: return "set";
    case Step::Kind::Wait: return "wait";
    case Step::Kind::Repeat: return "repeat";
    case Step::Kind::Protect: return "protect";
    case Step::Kind::Started: return "started";
    case Step::Kind::Uncancel: return "uncancel";
    case Step::Kind::Cancelling: return "cancelling";
    case Step::Kind::CatchCancel: return "catch_cancel";
    }
    return "?";
}

namespace {

QString describeSteps(const Steps &steps)
{
    QStringList parts;
    for (const Step &s : steps)
        parts << describeStep(s);
    return parts.join(QStringLiteral(", "));
}

} // namespace

QString describeStep(const Step &step)
{
    const QString word = QLatin1String(toString(step.kind));
    switch (step.kind) {
    case Step::Kind::Sleep:
        return QStringLiteral("sleep %1").arg(step.duration);
    case Step::Kind::Return:
    case Step::Kind::Emit:
    case Step::Kind::Started:
        return word + QLatin1Char(' ') + engine::describeValue(step.value);
    case Step::Kind::Put:
        return QStringLiteral("put %1 into %2").arg(engine::describeValue(step.value), step.target);
    case Step::Kind::Fail:
        return QStringLiteral("fail ") + engine::Error::plain(step.errorType, step.errorMessage).describe();
    case Step::Kind::Spawn:
        return QStringLiteral("spawn ") + (step.node ? step.node->name : QString());
    case Step::Kind::Repeat:
        return QStringLiteral("repeat %1 × (%2)").arg(step.count).arg(describeSteps(step.nested));
    case Step::Kind::Protect:
        return QStringLiteral("protect (%1)").arg(describeSteps(step.nested));
    case Step::Kind::CatchCancel:
        return QStringLiteral("catch_cancel (%1)").arg(describeSteps(step.nested));
    case Step::Kind::Cancel:
    case Step::Kind::Acquire:
    case Step::Kind::Release:
    case Step::Kind::Get:
    case Step::Kind::Close:
    case Step::Kind::Set:
    case Step::Kind::Wait:
        return word + QLatin1Char(' ') + step.target;
    case Step::Kind::Checkpoint:
    case Step::Kind::Uncancel:
    case Step::Kind::Cancelling:
        break;
    }
    return word;
}

namespace {

void outline(const Node &node, int depth, QStringList &lines)
{
    QString line = QString(depth * 2, QLatin1Char(' ')) + node.kindName() + QLatin1Char(' ') + node.name;
    for (const QString &flag : node.flags)
        line += QStringLiteral(" (%1)").arg(flag);
    for (auto it = node.options.cbegin(); it != node.options.cend(); ++it)
        line += QStringLiteral(" %1=%2").arg(it.key(), engine::describeValue(*it));
    if (!node.steps.empty())
        line += (node.kind == Node::Kind::Task ? QStringLiteral(": ") : QStringLiteral(": body ")) + describeSteps(node.steps);
    if (!node.onCancel.empty())
        line += QStringLiteral("; on cancel: ") + describeSteps(node.onCancel);
    lines << line;
    for (const auto &child : node.children)
        outline(*child, depth + 1, lines);
}

} // namespace

QString describeTree(const Node &root)
{
    QStringList lines;
    outline(root, 0, lines);
    return lines.join(QLatin1Char('\n'));
}

} // namespace scenarios
