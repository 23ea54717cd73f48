#include "baresip_runner.h"

#include "form_params.h"
#include "free_ports.h"

#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

namespace rptest {

Baresip::Baresip(QString name, int toneHz) : name_(std::move(name)), toneHz_(toneHz) {}

Baresip::~Baresip() {
    if (process_ && process_->state() != QProcess::NotRunning) {
        quit();
    }
}

void Baresip::addAccount(const QString &accountLine) {
    QString line = accountLine;
    if (!line.contains(QLatin1String("answermode="))) {
        line += QStringLiteral(";answermode=auto");
    }
    if (!line.contains(QLatin1String("audio_codecs="))) {
        line += QStringLiteral(";audio_codecs=pcmu");
    }
    accounts_ << line;
}

QString Baresip::sipHostPort() const {
    return QStringLiteral("127.0.0.1:%1").arg(sipPort_);
}

QString Baresip::rtpRange() const {
    return QStringLiteral("%1-%2").arg(rtpLow_).arg(rtpHigh_);
}

bool Baresip::start(int timeoutMs) {
    dir_ = std::make_unique<QTemporaryDir>();
    sipPort_ = freeBaresipSipPort();
    ctrlPort_ = freeTcpPort();
    const PortRange rtp = freeUdpPortRange(40);
    rtpLow_ = rtp.low;
    rtpHigh_ = rtp.high;

    QFile config(dir_->filePath(QStringLiteral("config")));
    if (!config.open(QIODevice::WriteOnly | QIODevice::Text)) {
        error_ = QStringLiteral("cannot write baresip config");
        return false;
    }
    QTextStream out(&config);
    // Keys and values as measured in baresip-engine.md §2; ausine needs 48 kHz / 2 channels,
    // and an aubridge player nobody reads is a null sink.
    out << "poll_method\tepoll\n"
        << "sip_listen\t" << sipHostPort() << "\n"
        << "call_local_timeout\t120\ncall_max_calls\t8\naudio_buffer\t20-160\n"
        << "audio_player\taubridge," << name_ << "_nullplay\n"
        << "audio_source\tausine," << toneHz_ << "\n"
        << "audio_alert\taubridge," << name_ << "_nullalert\n"
        << "ausrc_srate\t48000\nausrc_channels\t2\nauplay_srate\t48000\nauplay_channels\t2\n"
        << "audio_level\tno\nausrc_format\ts16\nauplay_format\ts16\nauenc_format\ts16\n"
        << "audec_format\ts16\nrtp_tos\t184\n"
        << "rtp_ports\t" << rtpLow_ << "-" << rtpHigh_ << "\n"
        << "rtcp_mux\tno\njitter_buffer_delay\t5-10\nrtp_stats\tyes\n"
        << "net_interface\t127.0.0.1\n"
        << "module_path\t/usr/lib/baresip/modules\n"
        << "module\tg711.so\nmodule\tausine.so\nmodule\taubridge.so\n"
        << "module_tmp\tuuid.so\nmodule_tmp\taccount.so\n"
        << "module_app\tcontact.so\nmodule_app\tmenu.so\nmodule_app\tctrl_tcp.so\n"
        << "module_app\tdebug_cmd.so\n"
        << "ctrl_tcp_listen\t127.0.0.1:" << ctrlPort_ << "\n"
        << "menu_bell\tno\nringback_disabled\tyes\nstatmode_default\toff\nredial_attempts\t0\n";
    config.close();

    QFile accounts(dir_->filePath(QStringLiteral("accounts")));
    if (!accounts.open(QIODevice::WriteOnly | QIODevice::Text)) {
        error_ = QStringLiteral("cannot write baresip accounts");
        return false;
    }
    // Accounts are added over ctrl_tcp once connected (uanew): baresip sends no events while
    // no client is connected, so REGISTER_OK of a file account would be lost.
    accounts.close();
    QFile contacts(dir_->filePath(QStringLiteral("contacts")));
    contacts.open(QIODevice::WriteOnly);
    contacts.close();

    process_ = std::make_unique<QProcess>();
    process_->setStandardInputFile(QProcess::nullDevice());
    // An undrained stdout pipe freezes baresip (baresip-engine.md §3): write it to a file.
    process_->setStandardOutputFile(dir_->filePath(QStringLiteral("stdout.log")));
    process_->setStandardErrorFile(dir_->filePath(QStringLiteral("stdout.log")), QIODevice::Append);
    process_->start(QStringLiteral("baresip"), {QStringLiteral("-f"), dir_->path()});
    if (!process_->waitForStarted(5000)) {
        error_ = QStringLiteral("cannot start baresip: %1").arg(process_->errorString());
        return false;
    }
    // "Ready" = the ctrl port accepts (baresip-engine.md §13).
    ctrl_ = std::make_unique<QTcpSocket>();
    QObject::connect(ctrl_.get(), &QTcpSocket::readyRead, ctrl_.get(), [this] { onReadyRead(); });
    const bool connected = waitUntil(
        [&] {
            if (process_->state() == QProcess::NotRunning) {
                return true;
            }
            if (ctrl_->state() == QAbstractSocket::ConnectedState) {
                return true;
            }
            if (ctrl_->state() == QAbstractSocket::UnconnectedState) {
                ctrl_->connectToHost(QHostAddress::LocalHost, ctrlPort_);
            }
            return false;
        },
        timeoutMs);
    if (!connected || ctrl_->state() != QAbstractSocket::ConnectedState) {
        error_ = QStringLiteral("baresip %1 not ready (exit %2): %3")
                     .arg(name_)
                     .arg(process_->exitCode())
                     .arg(QString::fromUtf8(log().right(2000)));
        return false;
    }
    for (const QString &line : std::as_const(accounts_)) {
        const CtrlResponse created = command(QStringLiteral("uanew"), line);
        if (!created.ok) {
            error_ = QStringLiteral("uanew %1 failed: %2").arg(line, created.data);
            return false;
        }
    }
    return true;
}

void Baresip::quit() {
    if (!process_ || process_->state() == QProcess::NotRunning) {
        return;
    }
    if (ctrl_ && ctrl_->state() == QAbstractSocket::ConnectedState) {
        command(QStringLiteral("quit"), {}, 1000);
    }
    if (!waitUntil([&] { return process_->state() == QProcess::NotRunning; }, 3000)) {
        process_->kill();
        process_->waitForFinished(3000);
    }
}

void Baresip::sendPayloads(const QList<QByteArray> &payloads) {
    QByteArray wire;
    for (const QByteArray &payload : payloads) {
        wire += netstringEncode(payload);
    }
    ctrl_->write(wire);
    ctrl_->flush();
}

CtrlResponse Baresip::command(const QString &name, const QString &params, int timeoutMs) {
    return batch({{name, params}}, timeoutMs).value(0);
}

QList<CtrlResponse> Baresip::batch(const QList<QPair<QString, QString>> &commands, int timeoutMs) {
    QStringList tokens;
    QList<QByteArray> payloads;
    for (const auto &[name, params] : commands) {
        const QString token = QStringLiteral("%1-%2").arg(name_).arg(nextToken_++);
        tokens << token;
        QJsonObject request{{QStringLiteral("command"), name},
                            {QStringLiteral("params"), params},
                            {QStringLiteral("token"), token}};
        payloads << QJsonDocument(request).toJson(QJsonDocument::Compact);
    }
    sendPayloads(payloads);
    waitUntil(
        [&] {
            for (const QString &token : tokens) {
                if (!responses_.contains(token)) {
                    return false;
                }
            }
            return true;
        },
        timeoutMs);
    QList<CtrlResponse> out;
    for (const QString &token : tokens) {
        out << responses_.take(token);
    }
    return out;
}

void Baresip::onReadyRead() {
    decoder_.feed(ctrl_->readAll());
    for (const QByteArray &payload : decoder_.takePayloads()) {
        const QJsonObject message = QJsonDocument::fromJson(payload).object();
        if (message.value(QStringLiteral("event")).toBool()) {
            events_ << message;
        } else if (message.value(QStringLiteral("response")).toBool()) {
            CtrlResponse response;
            response.received = true;
            response.ok = message.value(QStringLiteral("ok")).toBool();
            response.data = message.value(QStringLiteral("data")).toString();
            responses_.insert(message.value(QStringLiteral("token")).toString(), response);
        }
    }
}

QJsonObject Baresip::waitForEvent(const QString &type, int timeoutMs,
                                  const std::function<bool(const QJsonObject &)> &match) {
    QJsonObject found;
    waitUntil(
        [&] {
            for (const QJsonObject &event : std::as_const(events_)) {
                if (event.value(QStringLiteral("type")).toString() == type &&
                    (!match || match(event))) {
                    found = event;
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return found;
}

bool Baresip::hasEvent(const QString &type) const {
    for (const QJsonObject &event : events_) {
        if (event.value(QStringLiteral("type")).toString() == type) {
            return true;
        }
    }
    return false;
}

QByteArray Baresip::log() const {
    if (!dir_) {
        return {};
    }
    QFile file(dir_->filePath(QStringLiteral("stdout.log")));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace rptest
