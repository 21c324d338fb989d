#pragma once

// The verbs of the command line. Each takes the arguments after its name, writes its report to
// `out` and its problems to `err`, and returns the exit code (clicommon.h).

#include <QStringList>

class QTextStream;

namespace commandline {

/// `run FILE... [--until T] [--trace OUT.json] [--quiet]` (clirun.cpp).
int runVerb(const QStringList &args, QTextStream &out, QTextStream &err);
/// `verify [FILE|DIR...]` (cliverify.cpp).
int verifyVerb(const QStringList &args, QTextStream &out, QTextStream &err);
/// `list` (clicatalogue.cpp).
int listVerb(const QStringList &args, QTextStream &out, QTextStream &err);
/// `new NAME --from BUILTIN` (clicatalogue.cpp).
int newVerb(const QStringList &args, QTextStream &out, QTextStream &err);
/// `export SCENARIO|TRACE.json --format F [--at T] [--range A..B] [--size WxH] [--dpi N] -o OUT` (cliexport.cpp).
int exportVerb(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace commandline
