// referphone: the GUI entry point. For now the Transfer Lab window (bundled mini-restcomm,
// its numbers and the live ladder); the phone widgets join when the engine lands.
#include "ui/lab_window.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ReferPhone"));
    QApplication::setApplicationVersion(QStringLiteral(REFERPHONE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "SIP softphone with blind transfer: Transfer Lab"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption noStart(
        QStringLiteral("no-start"),
        QApplication::translate("main", "Do not start mini-restcomm when the window opens."));
    parser.addOption(noStart);
    parser.process(app);

    ui::LabWindow window;
    window.show();
    if (!parser.isSet(noStart)) {
        window.startServer();
    }
    return QApplication::exec();
}
