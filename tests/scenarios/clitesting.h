#pragma once

// Calls the command line in-process and keeps what it printed (tst_commandline, tst_cliexport).

#include "commandline.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace clitesting {

struct Result
{
    int code = -1;
    QString out;
    QString err;
};

inline Result runCommand(const QStringList &args)
{
    Result r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    r.code = commandline::run(args, out, err);
    out.flush();
    err.flush();
    return r;
}

} // namespace clitesting
