// referphone: the GUI entry point. For now the Transfer Lab window (bundled mini-restcomm,
// its numbers and the live ladder); the phone widgets join when the engine lands.
#include "ui/lab_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ReferPhone"));
    QApplication::setApplicationVersion(QStringLiteral(REFERPHONE_VERSION));

    // The GUI strings in the user's language when a translation is built in (:/i18n).
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("referphone"), QStringLiteral("_"),
                        QStringLiteral(":/i18n"))) {
        QApplication::installTranslator(&translator);
    }

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
