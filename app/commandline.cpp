// The headless command line: `taskscope run|verify|list|new …`, `--help`, `--version`. Engine +
// scenarios + QtCore only, so it runs on a machine with no display. Each verb lives in its own
// file (cliverbs.h); this one dispatches and holds the help text.

#include "commandline.h"

#include "clicommon.h"
#include "cliverbs.h"
#include "exportrequest.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>

#ifndef TASKSCOPE_VERSION
#define TASKSCOPE_VERSION "unknown"
#endif

namespace commandline {

namespace {

const QString helpText = QStringLiteral(
    "Usage: taskscope [SCENARIO|TRACE.json]       open the window (needs a display); a trace\n"
    "                                             saved by 'run --trace' is replayed, not run\n"
    "       taskscope run SCENARIO... [options]   run headless: outcome, task timeline, expectations\n"
    "       taskscope verify [SCENARIO|DIR...]    check expectations (default: every built-in)\n"
    "       taskscope list                        list the built-in scenarios by concept\n"
    "       taskscope new NAME --from BUILTIN     start a scenario file from a built-in\n"
    "       taskscope export INPUT --format F -o OUT   a figure or a trace file of a run\n"
    "       taskscope --help | -h                 this text (also after any verb)\n"
    "       taskscope --version | -v              the version\n"
    "\n"
    "SCENARIO is a scenario file (.yaml, format v1) or the id of a built-in scenario. After '--'\n"
    "every argument is a scenario, even one starting with '-'.\n"
    "\n"
    "run SCENARIO... [--until T] [--trace OUT.json] [--quiet]\n"
    "  Runs each scenario on the virtual clock until nothing is left to run, prints its outcome\n"
    "  and one line per task (name, outcome, start..end time, result or error), and checks its\n"
    "  expect block. Several scenarios run in turn, each after a '==> SCENARIO <==' line.\n"
    "  --until T          stop once everything due at virtual time T has run (T: 250, 250ms or\n"
    "                     2s; 1 tick = 1 ms) and show the state then: tasks that have not ended\n"
    "                     show as running. A run that has not ended by T is not checked (exit 1).\n"
    "  --trace OUT.json   also write the run's trace as JSON (one scenario only)\n"
    "  --quiet, -q        print nothing on standard output; problems still go to standard error\n"
    "\n"
    "verify [SCENARIO|DIR...]\n"
    "  Runs each scenario and checks its expect block; a DIR is searched recursively for *.yaml\n"
    "  files, in sorted order. Prints 'PASS NAME', or 'FAIL NAME' followed by the reasons, then\n"
    "  'N passed, N failed'. A scenario with no expect block fails: it has nothing to check.\n"
    "  An invalid scenario fails too, and its problems go to standard error.\n"
    "\n"
    "list\n"
    "  The built-in scenarios grouped by concept: id and title.\n"
    "\n"
    "new NAME --from BUILTIN\n"
    "  Writes a copy of the built-in scenario BUILTIN to NAME ('.yaml' is added when NAME has no\n"
    "  suffix) and says how to run it. Never overwrites an existing file.\n"
    "\n"
    "export SCENARIO|TRACE.json --format F [--at T] [--range A..B] [--size WxH] [--dpi N] -o OUT\n"
    "  Runs the scenario to its end (or reads a trace saved with 'run --trace') and writes it as F:\n"
    "%FORMATS%"
    "  --at T             the state at virtual time T instead of the end (the playhead)\n"
    "  --range A..B       figures: show only times A to B (e.g. 0..2s)\n"
    "  --size WxH         figures: the picture's size in pixels (e.g. 1600x900); a width alone\n"
    "                     (e.g. 1600, the default) takes the height that fits every lane\n"
    "  --dpi N            figures: dots per inch (default 96): the printed size (PNG metadata,\n"
    "                     SVG and PDF page: size / N inches); the drawing scales with it, so\n"
    "                     --size 3200 --dpi 192 is the default figure at twice the detail\n"
    "  -o OUT             the file to write; it is written whole or not at all\n"
    "\n"
    "Exit codes (with several scenarios, the worst one):\n"
    "  0  every run ended and every expectation holds\n"
    "  1  an expectation does not hold, a run did not end (also when stopped by --until), or\n"
    "     verify found a scenario with nothing to check\n"
    "  2  bad usage, an unreadable or invalid scenario, or a file could not be written\n"
    "\n"
    "Problems go to standard error; those in a scenario read FILE:LINE:COLUMN: MESSAGE.\n");

// The export formats are registered at start-up (some by the executable), so list them late.
QString withFormats(QString text)
{
    QString lines;
    for (const QString &f : exportFormats())
        lines += QStringLiteral("    %1%2\n").arg(f.leftJustified(10), exportFormatSummary(f));
    return text.replace(QStringLiteral("%FORMATS%"), lines);
}

const QStringList verbs{QStringLiteral("run"), QStringLiteral("verify"), QStringLiteral("list"), QStringLiteral("export"),
                        QStringLiteral("new")};
const QStringList helpFlags{QStringLiteral("--help"), QStringLiteral("-h")};
const QStringList versionFlags{QStringLiteral("--version"), QStringLiteral("-v")};

QString version()
{
    const QString fromApp = QCoreApplication::applicationVersion();
    return fromApp.isEmpty() ? QStringLiteral(TASKSCOPE_VERSION) : fromApp;
}

// `taskscope run --help` prints the help, unless the flag comes after '--' (a file name then).
bool asksForHelp(const QStringList &args)
{
    for (const QString &arg : args) {
        if (arg == QLatin1String("--"))
            return false;
        if (helpFlags.contains(arg))
            return true;
    }
    return false;
}

int unknownCommand(const QString &word, QTextStream &err)
{
    const bool option = word.startsWith(QLatin1Char('-'));
    const QString hint = didYouMean(word, option ? helpFlags + versionFlags : verbs);
    return usageError(err, (option ? QStringLiteral("unknown option '%1'%2") : QStringLiteral("unknown command '%1'%2")).arg(word, hint));
}

} // namespace

bool isCommand(const QString &argument)
{
    // Any other option is the command line's to reject: the window takes no options, and an
    // unknown flag must say so rather than fall through to "no display". So must a misspelt verb
    // ("veryfy"), unless it really names a scenario to open.
    if (verbs.contains(argument) || argument.startsWith(QLatin1Char('-')))
        return true;
    return !didYouMean(argument, verbs).isEmpty() && !QFileInfo::exists(argument) && !scenarios::findBuiltin(argument);
}

int run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (arguments.isEmpty())
        return usageError(err, QStringLiteral("no command given"));
    const QString &verb = arguments.first();
    const QStringList rest = arguments.mid(1);
    if (helpFlags.contains(verb) || (verbs.contains(verb) && asksForHelp(rest))) {
        out << withFormats(helpText);
        out.flush();
        return ExitOk;
    }
    if (versionFlags.contains(verb)) {
        out << "taskscope " << version() << '\n';
        out.flush();
        return ExitOk;
    }
    if (verb == QLatin1String("run"))
        return runVerb(rest, out, err);
    if (verb == QLatin1String("verify"))
        return verifyVerb(rest, out, err);
    if (verb == QLatin1String("list"))
        return listVerb(rest, out, err);
    if (verb == QLatin1String("new"))
        return newVerb(rest, out, err);
    if (verb == QLatin1String("export"))
        return exportVerb(rest, out, err);
    return unknownCommand(verb, err);
}

} // namespace commandline
