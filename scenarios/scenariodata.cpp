#include "scenariodata.h"

#include "engine/error.h"
#include "engine/value.h"

#include <QStringList>

namespace scenarios {

const char *toString(Node::Kind kind)
{
    switch (kind) {
    case Node::Kind::Task: return "task";
    case Node::Kind::WaitAny: return "wait_any";
    case Node::Kind::WaitAll: return "wait_all";
    case Node::Kind::Nursery: return "nursery";
    }
    return "?";
}

const char *toString(Step::Kind kind)
{
    switch (kind) {
    case Step::Kind::Sleep: return "sleep";
    case Step::Kind::Return: return "return";
    case Step::Kind::Fail: return "fail";
    case Step::Kind::Checkpoint: return "checkpoint";
    }
    return "?";
}

QString describeStep(const Step &step)
{
    switch (step.kind) {
    case Step::Kind::Sleep:
        return QStringLiteral("sleep %1").arg(step.duration);
    case Step::Kind::Return:
        return QStringLiteral("return ") + engine::describeValue(step.value);
    case Step::Kind::Fail:
        return QStringLiteral("fail ") + engine::Error::plain(step.errorType, step.errorMessage).describe();
    case Step::Kind::Checkpoint:
        break;
    }
    return QStringLiteral("checkpoint");
}

namespace {

QString describeSteps(const Steps &steps)
{
    QStringList parts;
    for (const Step &s : steps)
        parts << describeStep(s);
    return parts.join(QStringLiteral(", "));
}

void outline(const Node &node, int depth, QStringList &lines)
{
    QString line = QString(depth * 2, QLatin1Char(' ')) + QLatin1String(toString(node.kind)) + QLatin1Char(' ') + node.name;
    if (node.daemon)
        line += QStringLiteral(" (daemon)");
    if (!node.steps.empty())
        line += (node.kind == Node::Kind::Task ? QStringLiteral(": ") : QStringLiteral(": body ")) + describeSteps(node.steps);
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
