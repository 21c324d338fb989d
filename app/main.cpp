// Entry point: the headless command line when argv[1] is a verb, the desktop window otherwise.

#include "commandline.h"
#include "mainwindow.h"
#include "markdownexport.h"

#include "scenarios/scenario.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>

#include <cstdio>

namespace {

bool haveDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

} // namespace

int main(int argc, char *argv[])
{
    commandline::registerMarkdownExport();
    if (argc > 1 && commandline::isCommand(QString::fromLocal8Bit(argv[1]))) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("taskscope"));
        QCoreApplication::setApplicationVersion(QStringLiteral(TASKSCOPE_VERSION));
        QTextStream out(stdout);
        QTextStream err(stderr);
        return commandline::run(app.arguments().mid(1), out, err);
    }
    // A word that is no file, no built-in and no verb is a typo: say so here, on the terminal,
    // rather than open a window (or complain about the display) for it.
    if (argc > 1 && argv[1][0] != '-') {
        const QString wanted = QString::fromLocal8Bit(argv[1]);
        if (!QFileInfo::exists(wanted) && !scenarios::findBuiltin(wanted)) {
            std::fprintf(stderr, "taskscope: '%s' is neither a scenario file, a built-in scenario nor a command\n"
                                 "Try 'taskscope --help' or 'taskscope list'.\n", argv[1]);
            return 2;
        }
    }
    if (!haveDisplay()) {
        std::fputs("taskscope: no display found.\n"
                   "  Run the window under a virtual display:  xvfb-run -a taskscope [SCENARIO]\n"
                   "  or offscreen:                            QT_QPA_PLATFORM=offscreen taskscope [SCENARIO]\n"
                   "  or headless, with no window:             taskscope run SCENARIO.yaml\n",
                   stderr);
        return 2;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Taskscope"));
    QApplication::setOrganizationName(QStringLiteral("Taskscope"));
    QApplication::setApplicationVersion(QStringLiteral(TASKSCOPE_VERSION));
    MainWindow window;
    window.openInitial(app.arguments().mid(1));
    window.show();
    return app.exec();
}
