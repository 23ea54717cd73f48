// referphone: the softphone window (or with --lab the Transfer Lab window), or a command to
// the running phone (see ui/phone/instance_protocol.h): `referphone sip:carol@example.org`,
// `--answer`, `--hangup`, `--transfer TARGET`, `--status`.
#include "quit_on_signal.h"

#include "engine/audio_probe.h"
#include "engine/baresip_engine.h"
#include "ui/lab_window.h"
#include "ui/phone/instance_protocol.h"
#include "ui/phone/phone_session.h"
#include "ui/phone/phone_window.h"

#include <QApplication>
#include <QDir>
#include <QIcon>
#include <QJsonDocument>
#include <QLabel>
#include <QLibraryInfo>
#include <QLocale>
#include <QMainWindow>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>
#include <cstdio>
#include <memory>

namespace {

QStringList argumentsOf(int argc, char **argv) {
    QStringList arguments;
    for (int i = 1; i < argc; ++i) {
        arguments << QString::fromLocal8Bit(argv[i]);
    }
    return arguments;
}

// Prints the running instance's answer; the exit code says whether it did what was asked.
int printResponse(const QJsonObject &response) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (!response.value(QStringLiteral("ok")).toBool()) {
        err << "referphone: " << response.value(QStringLiteral("error")).toString() << '\n';
        return 1;
    }
    if (response.contains(QStringLiteral("phones"))) {
        out << QJsonDocument(response).toJson(QJsonDocument::Indented);
    } else {
        out << response.value(QStringLiteral("message")).toString() << '\n';
    }
    return 0;
}

// Sends the request to a running instance. Returns the exit code, or -1 when none runs.
int forwardToRunningInstance(int argc, char **argv, const phone::InstanceRequest &request,
                             QString *error) {
    QCoreApplication client(argc, argv);
    const auto response =
        phone::sendInstanceRequest(phone::defaultInstanceName(), request, 5000, error);
    return response ? printResponse(*response) : -1;
}

QString profileDirectory() {
    const QString configured = qEnvironmentVariable("REFERPHONE_PROFILE_DIR");
    return configured.isEmpty()
               ? QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
               : configured;
}

// What both windows (softphone and Lab) need around them: the application, a clean quit on
// SIGTERM/SIGINT, the icon, and the GUI's (and Qt's own) strings in the user's language when
// a translation is built in (:/i18n).
struct GuiApplication {
    GuiApplication(int &argc, char **argv) : app(argc, argv) {
        app.setWindowIcon(QIcon(QStringLiteral(":/icons/referphone-256.png")));
        if (translator.load(QLocale(), QStringLiteral("referphone"), QStringLiteral("_"),
                            QStringLiteral(":/i18n"))) {
            app.installTranslator(&translator);
            if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                                  QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
                app.installTranslator(&qtTranslator);
            }
        }
    }

    QApplication app;
    QuitOnSignal quitOnSignal;
    QTranslator translator;
    QTranslator qtTranslator;
};

// System audio unless REFERPHONE_AUDIO says otherwise or no sound device exists (then every
// call would end at once); the window says which.
engine::AudioModeChoice chooseAudio() {
    engine::AudioModeChoice choice = engine::chooseAudioMode(
        qEnvironmentVariable("REFERPHONE_AUDIO"), engine::probeSystemAudio());
    if (!choice.notice.isEmpty()) {
        std::fprintf(stderr, "referphone: %s\n", qPrintable(choice.notice));
    }
    return choice;
}

void showAudioNotice(QMainWindow &window, const engine::AudioModeChoice &choice) {
    if (choice.notice.isEmpty()) {
        return;
    }
    auto *label = new QLabel(choice.mode == engine::AudioMode::Headless
                                 ? QObject::tr("No sound: headless audio")
                                 : QObject::tr("Audio setting ignored"));
    label->setToolTip(choice.notice);
    label->setObjectName(QStringLiteral("audioNotice"));
    window.statusBar()->addPermanentWidget(label);  // owned by the status bar
}

// The Transfer Lab: bundled mini-restcomm, its numbers, the live ladder and three phones,
// reachable with `referphone --phone NAME …`.
int runLab(int argc, char **argv, bool noStart) {
    GuiApplication app(argc, argv);
    const engine::AudioModeChoice audio = chooseAudio();
    ui::LabWindow window(
        [mode = audio.mode](const QString &) { return ui::baresipLabPhone(mode); });
    showAudioNotice(window, audio);
    // Single instance: a second Lab (or phone) would fight over the command-line socket.
    phone::InstanceServer server(
        phone::defaultInstanceName(),
        [&window](const phone::InstanceRequest &request) { return window.handleRequest(request); });
    QString listenError;
    if (!server.listen(&listenError)) {
        std::fprintf(stderr,
                     "referphone: %s; talk to it with `referphone --phone alice|bob|carol …` or "
                     "`referphone --status` instead of starting another Lab.\n",
                     qPrintable(listenError));
        return 1;
    }
    window.show();
    if (!noStart) {
        window.startServer();
    }
    return QApplication::exec();
}

}  // namespace

int main(int argc, char **argv) {
    QCoreApplication::setOrganizationName(QStringLiteral("ReferPhone"));
    QCoreApplication::setApplicationName(QStringLiteral("referphone"));
    QCoreApplication::setApplicationVersion(QStringLiteral(REFERPHONE_VERSION));
    // Ties the windows to referphone.desktop (its icon and name in docks and task bars).
    QGuiApplication::setDesktopFileName(QStringLiteral("referphone"));

    const phone::CommandLine command = phone::parseCommandLine(argumentsOf(argc, argv));
    if (!command.error.isEmpty()) {
        std::fprintf(stderr, "referphone: %s\n\n%s", qPrintable(command.error),
                     qPrintable(phone::commandLineHelp()));
        return 2;
    }
    if (command.help) {
        std::printf("%s", qPrintable(phone::commandLineHelp()));
        return 0;
    }
    if (command.version) {
        std::printf("referphone %s\n", REFERPHONE_VERSION);
        return 0;
    }
    if (command.lab) {
        // A running ReferPhone (softphone or Lab) opens or raises its Lab: one process owns the
        // command-line socket.
        QString error;
        const int code = forwardToRunningInstance(
            argc, argv, phone::InstanceRequest{phone::InstanceRequest::Command::Lab, {}, {}},
            &error);
        if (code >= 0) {
            return code;
        }
        return runLab(argc, argv, command.noStart);
    }
    // Plain `referphone` while one runs: raise that window instead of starting a second phone.
    const phone::InstanceRequest request = command.request.value_or(
        phone::InstanceRequest{phone::InstanceRequest::Command::Show, {}, {}});
    {
        QString error;
        const int code = forwardToRunningInstance(argc, argv, request, &error);
        if (code >= 0) {
            return code;
        }
        if (request.command != phone::InstanceRequest::Command::Dial &&
            request.command != phone::InstanceRequest::Command::Show) {
            std::fprintf(stderr, "referphone: %s\n", qPrintable(error));
            return 1;
        }
        // `referphone` or `referphone sip:…` with no phone running: start one (and dial).
    }

    GuiApplication app(argc, argv);
    const QString profile = profileDirectory();
    QDir().mkpath(profile);

    const engine::AudioModeChoice audio = chooseAudio();
    engine::BaresipSettings settings;
    settings.configDir = QDir(profile).filePath(QStringLiteral("baresip"));
    settings.audio = audio.mode;
    engine::BaresipEngine engine(settings);
    const auto passwords = qEnvironmentVariable("REFERPHONE_PASSWORDS") == QLatin1String("file")
                               ? phone::PasswordStore::Backend::File
                               : phone::PasswordStore::Backend::Keychain;
    phone::PhoneSession session(&engine, phone::PhonePaths::inDirectory(profile), passwords);
    phone::PhoneWindow window(&session);
    showAudioNotice(window, audio);

    // The Transfer Lab opened from the Phone menu or by `referphone --lab`: in this process,
    // torn down (server and phones) when its window is closed.
    std::unique_ptr<ui::LabWindow> lab;
    const auto openLab = [&lab, &audio] {
        if (!lab) {
            lab = std::make_unique<ui::LabWindow>(
                [mode = audio.mode](const QString &) { return ui::baresipLabPhone(mode); });
            showAudioNotice(*lab, audio);
            QObject::connect(lab.get(), &ui::LabWindow::closed, lab.get(), [&lab] {
                QTimer::singleShot(0, [&lab] { lab.reset(); });  // after closeEvent returns
            });
            lab->show();
            lab->startServer();
        }
        lab->showNormal();
        lab->raise();
        lab->activateWindow();
    };
    window.offerTransferLab();
    QObject::connect(&window, &phone::PhoneWindow::transferLabRequested, &window, openLab);

    phone::InstanceServer server(
        phone::defaultInstanceName(),
        [&session, &window, &lab, &openLab](const phone::InstanceRequest &request) {
            if (request.command == phone::InstanceRequest::Command::Lab) {
                openLab();
                return QJsonObject{{QStringLiteral("ok"), true},
                                   {QStringLiteral("message"),
                                    QStringLiteral("The Transfer Lab is open in the running "
                                                   "ReferPhone.")}};
            }
            if (!request.phone.isEmpty()) {
                // --phone NAME: one of the Lab's phones, when the Lab is open.
                return lab ? lab->handleRequest(request)
                           : QJsonObject{{QStringLiteral("ok"), false},
                                         {QStringLiteral("error"),
                                          QStringLiteral("No Transfer Lab is open; open it "
                                                         "with `referphone --lab`.")}};
            }
            if (request.command == phone::InstanceRequest::Command::Show) {
                window.showNormal();
                window.raise();
                window.activateWindow();
                return QJsonObject{{QStringLiteral("ok"), true},
                                   {QStringLiteral("message"),
                                    QStringLiteral("ReferPhone is already running; its window "
                                                   "was raised.")}};
            }
            return session.handleRequest(request);
        });
    QString listenError;
    if (!server.listen(&listenError)) {
        std::fprintf(stderr, "referphone: %s\n", qPrintable(listenError));
    }

    session.start();
    window.show();
    if (command.request) {
        // Dial once the accounts are in the engine (they are added as their passwords are
        // read); without any account the attempt says so at once.
        const phone::InstanceRequest request = *command.request;
        const auto dial = [&session, request] {
            const QJsonObject response = session.handleRequest(request);
            if (!response.value(QStringLiteral("ok")).toBool()) {
                emit session.problem(response.value(QStringLiteral("error")).toString());
            }
        };
        if (session.config().accounts.isEmpty()) {
            QTimer::singleShot(0, &session, dial);
        } else {
            auto pending = std::make_shared<QMetaObject::Connection>();
            *pending = QObject::connect(&session, &phone::PhoneSession::accountsChanged, &session,
                                        [dial, pending] {
                                            QObject::disconnect(*pending);
                                            dial();
                                        });
        }
    }
    return QApplication::exec();
}
