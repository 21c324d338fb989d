// Entry point: the headless command line when argv[1] is a verb, the desktop window otherwise.

#include "commandline.h"
#include "figureexport.h"
#include "lessonexport.h"
#include "mainwindow.h"
#include "markdownexport.h"

#include "scenarios/scenario.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

bool haveDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

// The application of a command-line verb. `export` may draw a figure, and drawing text takes a
// QGuiApplication; it must still run without a display, so it gets the offscreen platform unless
// one is asked for.
std::unique_ptr<QCoreApplication> commandLineApplication(int &argc, char **argv)
{
    if (std::strcmp(argv[1], "export") != 0)
        return std::make_unique<QCoreApplication>(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Qt looks for a Wayland socket in XDG_RUNTIME_DIR even then, and warns on a machine with no
    // login session: not a problem of the export, so not on its standard error.
    static QtMessageHandler previous = nullptr;
    previous = qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &context, const QString &message) {
        if (!message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")))
            previous(type, context, message);
    });
    auto app = std::make_unique<QGuiApplication>(argc, argv);
    qInstallMessageHandler(previous);
    return app;
}

} // namespace

int main(int argc, char *argv[])
{
    commandline::registerMarkdownExport();
    FigureExport::registerFormats();
    LessonExport::registerFormats();
    if (argc > 1 && commandline::isCommand(QString::fromLocal8Bit(argv[1]))) {
        const std::unique_ptr<QCoreApplication> app = commandLineApplication(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("taskscope"));
        QCoreApplication::setApplicationVersion(QStringLiteral(TASKSCOPE_VERSION));
        QTextStream out(stdout);
        QTextStream err(stderr);
        return commandline::run(QCoreApplication::arguments().mid(1), out, err);
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
