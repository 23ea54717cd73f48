#include "mini_restcomm_process.h"

#include "free_ports.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QTimer>

#include <csignal>

namespace rptest {

MiniRestcomm::MiniRestcomm() = default;

MiniRestcomm::~MiniRestcomm() {
    if (isRunning()) {
        process_->kill();
        process_->waitForFinished(3000);
    }
}

QString MiniRestcomm::binaryPath() {
    const QString fromEnv = qEnvironmentVariable("MINI_RESTCOMM");
    if (!fromEnv.isEmpty()) {
        return fromEnv;
    }
#ifdef REFERPHONE_BINARY_DIR
    return QStringLiteral(REFERPHONE_BINARY_DIR "/bin/mini-restcomm");
#else
    return QStringLiteral("mini-restcomm");
#endif
}

bool MiniRestcomm::start(const MiniRestcommOptions &options, int timeoutMs) {
    options_ = options;
    error_.clear();
    stdout_.clear();
    stderr_.clear();
    tempDir_ = std::make_unique<QTemporaryDir>();
    dataDir_ =
        options.dataDir.isEmpty() ? tempDir_->filePath(QStringLiteral("data")) : options.dataDir;
    sipPort_ = freeUdpTcpPort();
    httpPort_ = freeTcpPort();
    while (httpPort_ == sipPort_) {
        httpPort_ = freeTcpPort();
    }
    const PortRange rtp = freeUdpPortRange(options.rtpPortCount);
    rtpLow_ = rtp.low;
    rtpHigh_ = rtp.high;

    QStringList args{QStringLiteral("--sip-listen"),  sipHostPort(),
                     QStringLiteral("--http-listen"), QStringLiteral("127.0.0.1:%1").arg(httpPort_),
                     QStringLiteral("--rtp-ports"),   rtpRange(),
                     QStringLiteral("--data-dir"),    dataDir_,
                     QStringLiteral("--account-sid"), options.accountSid,
                     QStringLiteral("--auth-token"),  options.authToken,
                     QStringLiteral("--log-format"),  options.logFormat};
    QString configPath = options.configPath;
    if (configPath.isEmpty() && !options.configJson.isEmpty()) {
        configPath = tempDir_->filePath(QStringLiteral("config.json"));
        QFile file(configPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(options.configJson) < 0) {
            error_ = QStringLiteral("cannot write %1").arg(configPath);
            return false;
        }
    }
    if (!configPath.isEmpty()) {
        args << QStringLiteral("--config") << configPath;
    }
    if (!options.domain.isEmpty()) {
        args << QStringLiteral("--domain") << options.domain;
    }
    if (!options.outboundProxy.isEmpty()) {
        args << QStringLiteral("--outbound-proxy") << options.outboundProxy;
    }
    if (!options.lab) {
        args << QStringLiteral("--no-lab");
    }
    args += options.extraArgs;

    process_ = std::make_unique<QProcess>();
    process_->setProgram(binaryPath());
    process_->setArguments(args);
    process_->setStandardInputFile(QProcess::nullDevice());
    // The event log goes to files, never to a pipe that could fill up and stall the server
    // while a test (or the bench) is not reading.
    process_->setStandardOutputFile(outputPath("stdout.log"));
    process_->setStandardErrorFile(outputPath("stderr.log"));
    process_->start();
    if (!process_->waitForStarted(5000)) {
        error_ = QStringLiteral("cannot start %1: %2").arg(binaryPath(), process_->errorString());
        return false;
    }
    const QByteArray readyLine = QStringLiteral("mini-restcomm ready sip=%1 http=127.0.0.1:%2")
                                     .arg(sipHostPort())
                                     .arg(httpPort_)
                                     .toUtf8();
    const bool ready = waitUntil(
        [&] {
            drain();
            return stdout_.contains(readyLine) || !isRunning();
        },
        timeoutMs);
    if (!ready || !isRunning()) {
        error_ = QStringLiteral("mini-restcomm not ready (%1): stdout=%2 stderr=%3")
                     .arg(isRunning() ? QStringLiteral("timeout")
                                      : QStringLiteral("exited %1").arg(exitCode()),
                          QString::fromUtf8(stdout_.right(2000)),
                          QString::fromUtf8(stderr_.right(2000)));
        return false;
    }
    const HttpReply health = http(QStringLiteral("GET"), QStringLiteral("/health"), {}, {}, false);
    if (health.status != 200) {
        error_ = QStringLiteral("GET /health answered %1 %2").arg(health.status).arg(health.error);
        return false;
    }
    return true;
}

bool MiniRestcomm::stop(int timeoutMs) {
    if (!process_) {
        return false;
    }
    if (isRunning()) {
        ::kill(static_cast<pid_t>(process_->processId()), SIGTERM);
        waitUntil([&] { return !isRunning(); }, timeoutMs);
    }
    drain();
    if (isRunning()) {
        process_->kill();
        process_->waitForFinished(3000);
        error_ = QStringLiteral("mini-restcomm ignored SIGTERM for %1 ms").arg(timeoutMs);
        return false;
    }
    return process_->exitStatus() == QProcess::NormalExit && process_->exitCode() == 0;
}

bool MiniRestcomm::isRunning() const {
    return process_ && process_->state() != QProcess::NotRunning;
}

int MiniRestcomm::exitCode() const {
    return process_ ? process_->exitCode() : -1;
}

qint64 MiniRestcomm::pid() const {
    return process_ ? process_->processId() : 0;
}

QString MiniRestcomm::sipHostPort() const {
    return QStringLiteral("127.0.0.1:%1").arg(sipPort_);
}

QString MiniRestcomm::sipUri(const QString &user) const {
    return QStringLiteral("sip:%1@%2").arg(user, sipHostPort());
}

QString MiniRestcomm::httpUrl(const QString &path) const {
    return QStringLiteral("http://127.0.0.1:%1%2").arg(httpPort_).arg(path);
}

QString MiniRestcomm::rtpRange() const {
    return QStringLiteral("%1-%2").arg(rtpLow_).arg(rtpHigh_);
}

HttpReply MiniRestcomm::http(const QString &method, const QString &path, const QByteArray &body,
                             const QByteArray &contentType, bool auth, int timeoutMs) {
    QNetworkAccessManager manager;
    manager.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(QUrl(httpUrl(path)));
    if (!contentType.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    }
    if (auth) {
        const QByteArray credentials = (options_.accountSid + ':' + options_.authToken).toUtf8();
        request.setRawHeader("Authorization", "Basic " + credentials.toBase64());
    }
    QNetworkReply *reply = manager.sendCustomRequest(request, method.toLatin1(), body);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    loop.exec();
    HttpReply out;
    if (!reply->isFinished()) {
        reply->abort();
        out.error = QStringLiteral("timeout after %1 ms").arg(timeoutMs);
    } else {
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.body = reply->readAll();
        if (out.status == 0) {
            out.error = reply->errorString();
        }
    }
    reply->deleteLater();
    return out;
}

QString MiniRestcomm::restPath(const QString &relativePath) const {
    return QStringLiteral("/restcomm/2012-04-24/Accounts/%1/%2")
        .arg(options_.accountSid, relativePath);
}

HttpReply MiniRestcomm::rest(const QString &method, const QString &relativePath,
                             const Params &form) {
    const bool hasBody = method != QLatin1String("GET") && method != QLatin1String("DELETE");
    return http(method, restPath(relativePath), hasBody ? encodeForm(form) : QByteArray(),
                hasBody ? QByteArray("application/x-www-form-urlencoded") : QByteArray());
}

QJsonArray MiniRestcomm::events(qint64 since) {
    const HttpReply reply =
        http(QStringLiteral("GET"), QStringLiteral("/events.json?since=%1").arg(since));
    return reply.json().array();
}

QJsonObject MiniRestcomm::waitForEvent(const std::function<bool(const QJsonObject &)> &match,
                                       int timeoutMs) {
    QJsonObject found;
    waitUntil(
        [&] {
            for (const QJsonValue &event : events()) {
                if (match(event.toObject())) {
                    found = event.toObject();
                    return true;
                }
            }
            QCoreApplication::processEvents(QEventLoop::AllEvents, 100);
            return false;
        },
        timeoutMs);
    return found;
}

QString MiniRestcomm::outputPath(const char *name) const {
    return tempDir_->filePath(QString::fromLatin1(name));
}

void MiniRestcomm::drain() {
    if (!tempDir_) {
        return;
    }
    QFile out(outputPath("stdout.log"));
    stdout_ = out.open(QIODevice::ReadOnly) ? out.readAll() : QByteArray();
    QFile err(outputPath("stderr.log"));
    stderr_ = err.open(QIODevice::ReadOnly) ? err.readAll() : QByteArray();
}

QByteArray MiniRestcomm::standardOutput() {
    drain();
    return stdout_;
}

QByteArray MiniRestcomm::standardError() {
    drain();
    return stderr_;
}

MiniRestcomm::RunResult MiniRestcomm::runToExit(const QStringList &arguments, int timeoutMs) {
    QProcess process;
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(binaryPath(), arguments);
    RunResult result;
    if (!process.waitForStarted(5000)) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    waitUntil([&] { return process.state() == QProcess::NotRunning; }, timeoutMs);
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(3000);
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }
    result.finished = true;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

}  // namespace rptest
