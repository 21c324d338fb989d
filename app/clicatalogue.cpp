// The built-in catalogue on the command line: `taskscope list` and `taskscope new NAME --from ID`.

#include "clicommon.h"
#include "cliverbs.h"

#include "scenarios/atomicfile.h"

#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <algorithm>
#include <map>
#include <vector>

namespace commandline {

namespace {

// Orders concept headings case-insensitively, with scenarios that name no concept last.
struct ConceptOrder
{
    bool operator()(const QString &a, const QString &b) const
    {
        if (a.isEmpty() != b.isEmpty())
            return b.isEmpty();
        const int c = a.compare(b, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a < b;
    }
};

struct NewOptions
{
    QString name;
    QString from;
};

std::optional<int> parseNewArguments(const QStringList &args, NewOptions &options, QTextStream &err)
{
    const QString from = QStringLiteral("--from");
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == from) {
            if (i + 1 >= args.size() || args.at(i + 1).isEmpty())
                return usageError(err, QStringLiteral("--from needs a built-in scenario id (see 'taskscope list')"));
            options.from = args.at(++i);
        } else if (arg.startsWith(from + QLatin1Char('='))) {
            options.from = arg.mid(from.size() + 1);
        } else if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            return usageError(err, QStringLiteral("unknown option '%1' for new").arg(arg));
        } else if (!options.name.isEmpty()) {
            return usageError(err, QStringLiteral("new takes one file name, got '%1' and '%2'").arg(options.name, arg));
        } else {
            options.name = arg;
        }
    }
    if (options.name.isEmpty())
        return usageError(err, QStringLiteral("new needs a file name: taskscope new NAME --from BUILTIN"));
    if (options.from.isEmpty())
        return usageError(err, QStringLiteral("new needs --from BUILTIN (see 'taskscope list')"));
    return std::nullopt;
}

// Copies the built-in's bytes as they are (comments, layout and all): the copy is a starting point to edit.
int writeCopy(const QString &sourcePath, const QString &target, QTextStream &err)
{
    QFile source(sourcePath);
    if (!source.open(QIODevice::ReadOnly)) {
        printProblem(err, QStringLiteral("cannot read '%1': %2").arg(sourcePath, source.errorString()));
        return ExitUsage;
    }
    QString problem;
    if (!scenarios::writeFileAtomically(target, source.readAll(), &problem)) {
        printProblem(err, problem);
        return ExitUsage;
    }
    return ExitOk;
}

} // namespace

int listVerb(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (!args.isEmpty())
        return usageError(err, QStringLiteral("list takes no arguments"));
    std::map<QString, std::vector<scenarios::BuiltinScenario>, ConceptOrder> groups;
    qsizetype idWidth = 0;
    for (scenarios::BuiltinScenario &b : scenarios::builtinScenarios()) {
        idWidth = std::max(idWidth, b.id.size());
        groups[b.conceptName].push_back(std::move(b));
    }
    // One id column for every group, so that the titles line up down the whole list.
    bool first = true;
    for (const auto &[conceptName, members] : groups) {
        out << (first ? "" : "\n") << (conceptName.isEmpty() ? QStringLiteral("(no concept)") : conceptName) << '\n';
        first = false;
        for (const scenarios::BuiltinScenario &b : members)
            out << "  " << QStringLiteral("%1  %2").arg(b.id, -int(idWidth)).arg(b.title) << '\n';
    }
    out.flush();
    return ExitOk;
}

int newVerb(const QStringList &args, QTextStream &out, QTextStream &err)
{
    NewOptions options;
    if (const std::optional<int> failed = parseNewArguments(args, options, err))
        return *failed;
    const std::optional<scenarios::BuiltinScenario> builtin = scenarios::findBuiltin(options.from);
    if (!builtin) {
        printProblem(err, QStringLiteral("no built-in scenario '%1'%2 (see 'taskscope list')")
                              .arg(options.from, didYouMean(options.from, builtinIds())));
        return ExitUsage;
    }
    if (QFileInfo(options.name).isDir() || options.name.endsWith(QLatin1Char('/'))) {
        printProblem(err, QStringLiteral("'%1' is a directory; give the new file's name").arg(options.name));
        return ExitUsage;
    }
    QString target = options.name;
    if (QFileInfo(target).suffix().isEmpty())
        target += QStringLiteral(".yaml");
    // QSaveFile replaces whatever is there, so look first. (A file created between this check and
    // the commit would still be replaced; for a hand-run command that window is acceptable.)
    const QFileInfo existing(target);
    if (existing.exists() || existing.isSymLink()) {
        printProblem(err, QStringLiteral("'%1' already exists; not overwriting it (choose another name or remove it first)").arg(target));
        return ExitUsage;
    }
    if (const int code = writeCopy(builtin->path, target, err); code != ExitOk)
        return code;
    out << "wrote " << target << " (a copy of the built-in '" << builtin->id << "')\n"
        << "run it with: taskscope run " << shellQuoted(target) << '\n';
    out.flush();
    return ExitOk;
}

} // namespace commandline
