#pragma once

#include <QStringList>

class QTextStream;

/// The headless command line (`taskscope run|verify|list|new …`). It needs no display and
/// creates no widgets.
namespace commandline {

/// True if `argument` (argv[1]) names a command-line verb or flag (run, verify, --help …)
/// rather than a scenario to open in the window.
bool isCommand(const QString &argument);

/// Runs the command in `arguments` (argv without the program name). Output goes to `out`,
/// diagnostics (`file:line:col: message`) to `err`. Returns the process exit code.
int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace commandline
