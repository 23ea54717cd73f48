#include "lab/mini_restcomm_launcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTimer>
#include <QUdpSocket>
#include <algorithm>

#ifdef Q_OS_LINUX
#include <sys/prctl.h>

#include <csignal>
#endif

namespace lab {

namespace {

// A port free for both UDP and TCP right now (SIP listens on both with one number).
quint16 freeSipPort() {
    for (int attempt = 0; attempt < 50; ++attempt) {
        QUdpSocket udp;
        if (!udp.bind(QHostAddress::LocalHost, 0)) {
            continue;
        }
        QTcpServer tcp;
        if (tcp.listen(QHostAddress::LocalHost, udp.localPort())) {
            return udp.localPort();
        }
    }
    return 0;
}

}  // namespace

std::optional<MiniRestcommEndpoints> parseReadyLine(const QString &line) {
    const QString prefix = QStringLiteral("mini-restcomm ready ");
    if (!line.startsWith(prefix)) {
        return std::nullopt;
    }
    QHash<QString, QString> fields;
    for (const QString &word : line.mid(prefix.size()).split(u' ', Qt::SkipEmptyParts)) {
        const qsizetype eq = word.indexOf(u'=');
        if (eq > 0) {
            fields.insert(word.left(eq), word.mid(eq + 1).trimmed());
        }
    }
    MiniRestcommEndpoints endpoints{fields.value("sip"), fields.value("http"),
                                    fields.value("account_sid"), fields.value("auth_token"),
                                    fields.value("data_dir")};
    if (endpoints.sipHostPort.isEmpty() || endpoints.httpHostPort.isEmpty() ||
        endpoints.accountSid.isEmpty() || endpoints.authToken.isEmpty()) {
        return std::nullopt;
    }
    return endpoints;
}

MiniRestcommLauncher::MiniRestcommLauncher(QObject *parent) : QObject(parent) {
    process_.setProcessChannelMode(QProcess::MergedChannels);
#ifdef Q_OS_LINUX
    // If referphone dies without stopping it (killed, crashed), the server goes too instead
    // of holding the Lab's ports.
    process_.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    connect(&process_, &QProcess::readyReadStandardOutput, this, &MiniRestcommLauncher::readOutput);
    connect(&process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            emit failed(tr("mini-restcomm could not be started (%1): %2")
                            .arg(process_.program(), process_.errorString()));
        }
    });
    connect(&process_, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        readOutput();
        const bool wasReady = endpoints_.has_value();
        endpoints_.reset();
        if (stopping_) {
            stopping_ = false;
            emit stopped();
            return;
        }
        const bool portTaken =
            std::any_of(recent_.cbegin(), recent_.cend(), [](const QString &line) {
                return line.contains(QStringLiteral("Address already in use"));
            });
        if (!wasReady && status == QProcess::NormalExit && portTaken && attempts_ < kPortAttempts) {
            launch();  // someone took the free port first: new ports
            return;
        }
        QString message = status == QProcess::CrashExit
                              ? tr("mini-restcomm crashed")
                              : tr("mini-restcomm exited with code %1").arg(code);
        message += wasReady ? tr(" while running") : tr(" before it was ready");
        // The last line that says something (not the "Try --help" hint after an error).
        for (auto line = recent_.crbegin(); line != recent_.crend(); ++line) {
            if (!line->isEmpty() && !line->startsWith(QStringLiteral("Try "))) {
                message += QStringLiteral(": ") + *line;
                break;
            }
        }
        if (portTaken) {
            message += tr(" (tried %n port(s); close the program that holds them or try again)",
                          nullptr, attempts_);
        }
        emit failed(message);
    });
}

MiniRestcommLauncher::~MiniRestcommLauncher() {
    if (process_.state() != QProcess::NotRunning) {
        process_.terminate();
        if (!process_.waitForFinished(3000)) {
            process_.kill();
            process_.waitForFinished(1000);
        }
    }
}

QString MiniRestcommLauncher::findBinary() {
    const QString fromEnv = qEnvironmentVariable("MINI_RESTCOMM");
    if (!fromEnv.isEmpty() && QFileInfo(fromEnv).isExecutable()) {
        return fromEnv;
    }
    const QString beside = QDir(QCoreApplication::applicationDirPath()).filePath("mini-restcomm");
    if (QFileInfo(beside).isExecutable()) {
        return beside;
    }
    return QStandardPaths::findExecutable(QStringLiteral("mini-restcomm"));
}

void MiniRestcommLauncher::start() {
    if (process_.state() != QProcess::NotRunning) {
        return;
    }
    attempts_ = 0;
    recent_.clear();  // kept across retries: the lines say why a port was given up
    launch();
}

void MiniRestcommLauncher::launch() {
    ++attempts_;
    const QString binary = findBinary();
    if (binary.isEmpty()) {
        emit failed(
            tr("mini-restcomm not found: install ReferPhone's mini-restcomm next to "
               "referphone, or set MINI_RESTCOMM to its path"));
        return;
    }
    const quint16 sipPort = nextSipPort_ != 0 ? nextSipPort_ : freeSipPort();
    nextSipPort_ = 0;
    if (sipPort == 0) {
        emit failed(tr("no free port on 127.0.0.1 for mini-restcomm's SIP listener"));
        return;
    }
    QStringList arguments{QStringLiteral("--sip-listen"),
                          QStringLiteral("127.0.0.1:%1").arg(sipPort),
                          QStringLiteral("--http-listen"), QStringLiteral("127.0.0.1:0")};
    if (!dataDir_.isEmpty()) {
        arguments << QStringLiteral("--data-dir") << dataDir_;
    }
    partialLine_.clear();
    endpoints_.reset();
    stopping_ = false;
    process_.start(binary, arguments);
}

void MiniRestcommLauncher::stop() {
    if (process_.state() == QProcess::NotRunning) {
        return;
    }
    stopping_ = true;
    process_.terminate();
    QTimer::singleShot(5000, this, [this] {
        if (process_.state() != QProcess::NotRunning) {
            process_.kill();
        }
    });
}

void MiniRestcommLauncher::readOutput() {
    partialLine_ += process_.readAllStandardOutput();
    qsizetype newline;
    while ((newline = partialLine_.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(partialLine_.left(newline)).trimmed();
        partialLine_.remove(0, newline + 1);
        recent_.append(line);
        if (recent_.size() > 50) {
            recent_.removeFirst();
        }
        if (!endpoints_) {
            if (auto endpoints = parseReadyLine(line)) {
                endpoints_ = endpoints;
                emit ready(*endpoints);
            }
        }
    }
}

}  // namespace lab
