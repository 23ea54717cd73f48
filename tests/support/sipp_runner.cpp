#include "sipp_runner.h"

#include "form_params.h"
#include "free_ports.h"

#include <QFile>
#include <QFileInfo>

namespace rptest {

Sipp::Sipp(QString scenario) : scenario_(std::move(scenario)) {}

Sipp::~Sipp() {
    kill();
}

QString Sipp::scenarioDir() {
#ifdef REFERPHONE_SOURCE_DIR
    return QStringLiteral(REFERPHONE_SOURCE_DIR "/tests/integration/sipp");
#else
    return QStringLiteral("tests/integration/sipp");
#endif
}

Sipp &Sipp::key(const QString &name, const QString &value) {
    keys_ << QStringLiteral("-key") << name << value;
    return *this;
}

Sipp &Sipp::localPort(quint16 port) {
    port_ = port;
    return *this;
}

Sipp &Sipp::remote(const QString &hostPort) {
    remote_ = hostPort;
    return *this;
}

Sipp &Sipp::service(const QString &user) {
    service_ = user;
    return *this;
}

Sipp &Sipp::calls(int count) {
    calls_ = count;
    return *this;
}

Sipp &Sipp::rate(double callsPerSecond) {
    rate_ = callsPerSecond;
    return *this;
}

Sipp &Sipp::arg(const QStringList &extra) {
    extra_ += extra;
    return *this;
}

Sipp &Sipp::timeoutSeconds(int seconds) {
    timeoutSeconds_ = seconds;
    return *this;
}

Sipp &Sipp::traceMessages(bool on) {
    traceMessages_ = on;
    return *this;
}

bool Sipp::start() {
    dir_ = std::make_unique<QTemporaryDir>();
    if (port_ == 0) {
        port_ = freeUdpTcpPort();
    }
    QStringList args;
    if (scenario_.endsWith(QLatin1String(".xml"))) {
        const QString path = QFileInfo(scenario_).isAbsolute()
                                 ? scenario_
                                 : scenarioDir() + QLatin1Char('/') + scenario_;
        args << QStringLiteral("-sf") << path;
    } else {
        args << QStringLiteral("-sn") << scenario_;
    }
    args << QStringLiteral("-i") << QStringLiteral("127.0.0.1") << QStringLiteral("-p")
         << QString::number(port_) << QStringLiteral("-m") << QString::number(calls_)
         << QStringLiteral("-nostdin") << QStringLiteral("-trace_err")
         << QStringLiteral("-error_file") << dir_->filePath(QStringLiteral("errors.log"))
         << QStringLiteral("-trace_logs") << QStringLiteral("-log_file")
         << dir_->filePath(QStringLiteral("logs.log")) << QStringLiteral("-trace_stat")
         << QStringLiteral("-stf") << statsFile();
    if (traceMessages_) {
        args << QStringLiteral("-trace_msg") << QStringLiteral("-message_file")
             << dir_->filePath(QStringLiteral("messages.log"));
    }
    if (rate_ > 0) {
        args << QStringLiteral("-r") << QString::number(rate_);
    }
    if (timeoutSeconds_ > 0) {
        args << QStringLiteral("-timeout") << QStringLiteral("%1s").arg(timeoutSeconds_)
             << QStringLiteral("-timeout_error");
    }
    if (!service_.isEmpty()) {
        args << QStringLiteral("-s") << service_;
    }
    args += keys_;
    args += extra_;
    if (!remote_.isEmpty()) {
        args << remote_;
    }
    lastArgs_ = args;
    process_ = std::make_unique<QProcess>();
    process_->setWorkingDirectory(dir_->path());
    process_->setStandardInputFile(QProcess::nullDevice());
    // sipp draws its screen on stdout; keep it in a file so a full pipe never stalls it.
    process_->setStandardOutputFile(dir_->filePath(QStringLiteral("stdout.log")));
    process_->setStandardErrorFile(dir_->filePath(QStringLiteral("stderr.log")));
    process_->start(QStringLiteral("sipp"), args);
    return process_->waitForStarted(5000);
}

bool Sipp::waitForFinished(int timeoutMs) {
    return waitUntil([this] { return !isRunning(); }, timeoutMs);
}

bool Sipp::run(int timeoutMs) {
    return start() && waitForFinished(timeoutMs) && exitCode() == 0;
}

void Sipp::kill() {
    if (isRunning()) {
        process_->kill();
        process_->waitForFinished(3000);
    }
}

bool Sipp::isRunning() const {
    return process_ && process_->state() != QProcess::NotRunning;
}

int Sipp::exitCode() const {
    if (!process_ || isRunning() || process_->exitStatus() != QProcess::NormalExit) {
        return -1;
    }
    return process_->exitCode();
}

QString Sipp::hostPort() const {
    return QStringLiteral("127.0.0.1:%1").arg(port_);
}

qint64 Sipp::pid() const {
    return process_ ? process_->processId() : 0;
}

namespace {
QByteArray readAll(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
}  // namespace

QByteArray Sipp::standardOutput() const {
    return dir_ ? readAll(dir_->filePath(QStringLiteral("stdout.log"))) : QByteArray();
}
QByteArray Sipp::standardError() const {
    return dir_ ? readAll(dir_->filePath(QStringLiteral("stderr.log"))) : QByteArray();
}
QByteArray Sipp::errorTrace() const {
    return dir_ ? readAll(dir_->filePath(QStringLiteral("errors.log"))) : QByteArray();
}
QByteArray Sipp::messageTrace() const {
    return dir_ ? readAll(dir_->filePath(QStringLiteral("messages.log"))) : QByteArray();
}
QByteArray Sipp::logTrace() const {
    return dir_ ? readAll(dir_->filePath(QStringLiteral("logs.log"))) : QByteArray();
}
QString Sipp::statsFile() const {
    return dir_ ? dir_->filePath(QStringLiteral("stats.csv")) : QString();
}

QString Sipp::describe() const {
    return QStringLiteral("sipp %1\nexit=%2\nstderr:\n%3\nerrors:\n%4\nmessages (tail):\n%5")
        .arg(lastArgs_.join(QLatin1Char(' ')))
        .arg(exitCode())
        .arg(QString::fromUtf8(standardError().right(1500)),
             QString::fromUtf8(errorTrace().right(3000)),
             QString::fromUtf8(messageTrace().right(4000)));
}

}  // namespace rptest
