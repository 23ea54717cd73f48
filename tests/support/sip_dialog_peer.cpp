#include "sip_dialog_peer.h"

#include "form_params.h"

#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QTimer>

namespace rptest {

SipDialogPeer::SipDialogPeer(QByteArray user, QObject *parent)
    : QObject(parent), user_(std::move(user)) {
    connect(&socket_, &QUdpSocket::readyRead, this, &SipDialogPeer::onReadyRead);
}

bool SipDialogPeer::bind() {
    return socket_.bind(QHostAddress::LocalHost, 0);
}

QString SipDialogPeer::uri() const {
    return QStringLiteral("sip:%1@127.0.0.1:%2").arg(QString::fromUtf8(user_)).arg(port());
}

int SipDialogPeer::statusCode(const QByteArray &message) {
    return message.startsWith("SIP/2.0 ") ? message.mid(8, 3).toInt() : 0;
}

QByteArray SipDialogPeer::header(const QByteArray &message, const QByteArray &name) {
    for (const QByteArray &rawLine : message.split('\n')) {
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty()) {
            break;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0) {
            return line.mid(colon + 1).trimmed();
        }
    }
    return {};
}

QByteArray SipDialogPeer::branch() {
    return "z9hG4bK-dp-" + QByteArray::number(QRandomGenerator::global()->generate(), 16) + '-' +
           QByteArray::number(++sequence_);
}

QByteArray SipDialogPeer::sdp() const {
    return "v=0\r\no=rptest 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
           "m=audio " +
           QByteArray::number(port() + 2) + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
}

void SipDialogPeer::send(const QByteArray &message) {
    transcript_ += ">>> " + message.left(message.indexOf("\r\n")) + '\n';
    socket_.writeDatagram(message, QHostAddress::LocalHost, serverPort_);
}

void SipDialogPeer::onReadyRead() {
    while (socket_.hasPendingDatagrams()) {
        const QNetworkDatagram datagram = socket_.receiveDatagram();
        onMessage(datagram.data(), quint16(datagram.senderPort()));
    }
}

void SipDialogPeer::reply(const QByteArray &request, int code, const QByteArray &phrase,
                          const QByteArray &extra, const QByteArray &body) {
    QByteArray to = header(request, "To");
    if (!to.contains(";tag=") && !localTag_.isEmpty()) {
        to += ";tag=" + localTag_;
    }
    QByteArray message = "SIP/2.0 " + QByteArray::number(code) + ' ' + phrase +
                         "\r\nVia: " + header(request, "Via") +
                         "\r\nFrom: " + header(request, "From") + "\r\nTo: " + to +
                         "\r\nCall-ID: " + header(request, "Call-ID") +
                         "\r\nCSeq: " + header(request, "CSeq") + "\r\n" + extra;
    if (!body.isEmpty()) {
        message += "Content-Type: application/sdp\r\n";
    }
    message += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    send(message);
}

void SipDialogPeer::onMessage(const QByteArray &message, quint16 fromPort) {
    transcript_ += "<<< " + message.left(message.indexOf("\r\n")) + '\n';
    if (statusCode(message) > 0) {
        responses_ << message;
        return;
    }
    serverPort_ = fromPort;
    const QByteArray method = message.left(message.indexOf(' '));
    const QByteArray callId = header(message, "Call-ID");
    if (method == "INVITE" && callId != callId_) {
        pendingInvite_ = message;  // answer() takes it
        return;
    }
    if (method == "ACK") {
        requests_ << message;
        return;
    }
    if (callId != callId_) {
        reply(message, 481, "Call/Transaction Does Not Exist");
        return;
    }
    requests_ << message;
    if (ended_) {
        reply(message, 481, "Call/Transaction Does Not Exist");
        return;
    }
    const QByteArray contact = "Contact: <" + uri().toUtf8() + ">\r\n";
    if (method == "BYE") {
        byeReceived_ = true;
        ended_ = true;
        reply(message, 200, "OK");
    } else if (method == "INVITE") {
        reply(message, 200, "OK", contact, sdp());
    } else if (method == "CANCEL") {
        reply(message, 200, "OK");
    } else if (method == "NOTIFY" && notifyAnswerDelayMs_ > 0) {
        QTimer::singleShot(notifyAnswerDelayMs_, this,
                           [this, message, contact] { reply(message, 200, "OK", contact); });
    } else {
        reply(message, 200, "OK", method == "NOTIFY" ? contact : QByteArray());
    }
}

bool SipDialogPeer::answer(int timeoutMs, int finalCode) {
    if (!waitUntil([&] { return !pendingInvite_.isEmpty(); }, timeoutMs)) {
        return false;
    }
    const QByteArray invite = pendingInvite_;
    pendingInvite_.clear();
    callId_ = header(invite, "Call-ID");
    localTag_ = "dp" + QByteArray::number(QRandomGenerator::global()->generate(), 16);
    remote_ = header(invite, "From");
    localFrom_ = header(invite, "To") + ";tag=" + localTag_;
    remoteTarget_ = header(invite, "Contact");
    remoteTarget_ = remoteTarget_.mid(remoteTarget_.indexOf('<') + 1);
    remoteTarget_ = remoteTarget_.left(remoteTarget_.indexOf('>'));
    established_ = false;
    ended_ = false;
    byeReceived_ = false;
    requests_.clear();
    const QByteArray contact = "Contact: <" + uri().toUtf8() + ">\r\n";
    reply(invite, 180, "Ringing", contact);
    if (finalCode != 200) {
        reply(invite, finalCode, finalCode == 486 ? "Busy Here" : "Error");
        ended_ = true;
        return true;
    }
    reply(invite, 200, "OK", contact, sdp());
    established_ = waitUntil(
        [&] {
            for (const QByteArray &r : requests_) {
                if (r.startsWith("ACK ") && header(r, "Call-ID") == callId_) {
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return established_;
}

int SipDialogPeer::call(const QByteArray &requestUri, quint16 serverPort, int timeoutMs) {
    serverPort_ = serverPort;
    callId_ = "dp-call-" + branch();
    localTag_ = "dp" + QByteArray::number(++sequence_);
    localFrom_ = "<" + uri().toUtf8() + ">;tag=" + localTag_;
    established_ = false;
    ended_ = false;
    byeReceived_ = false;
    requests_.clear();
    const QByteArray body = sdp();
    const QByteArray via = "SIP/2.0/UDP 127.0.0.1:" + QByteArray::number(port());
    const QByteArray inviteBranch = branch();
    const QByteArray invite =
        "INVITE " + requestUri + " SIP/2.0\r\nVia: " + via + ";branch=" + inviteBranch +
        ";rport\r\nMax-Forwards: 70\r\nFrom: " + localFrom_ + "\r\nTo: <" + requestUri +
        ">\r\nCall-ID: " + callId_ + "\r\nCSeq: 1 INVITE\r\nContact: <" + uri().toUtf8() +
        ">\r\nContent-Type: application/sdp\r\nContent-Length: " + QByteArray::number(body.size()) +
        "\r\n\r\n" + body;
    send(invite);
    QByteArray final;
    waitUntil(
        [&] {
            for (const QByteArray &r : responses_) {
                if (header(r, "Call-ID") == callId_ && statusCode(r) >= 200 &&
                    header(r, "CSeq").endsWith("INVITE")) {
                    final = r;
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    const int code = statusCode(final);
    if (code == 0) {
        return 0;
    }
    remote_ = header(final, "To");
    remoteTarget_ = header(final, "Contact");
    remoteTarget_ = remoteTarget_.mid(remoteTarget_.indexOf('<') + 1);
    remoteTarget_ = remoteTarget_.left(remoteTarget_.indexOf('>'));
    if (remoteTarget_.isEmpty()) {
        remoteTarget_ = requestUri;
    }
    const QByteArray ack =
        "ACK " + (code < 300 ? remoteTarget_ : requestUri) + " SIP/2.0\r\nVia: " + via +
        ";branch=" + (code < 300 ? branch() : inviteBranch) +
        ";rport\r\nMax-Forwards: 70\r\nFrom: " + localFrom_ + "\r\nTo: " + remote_ +
        "\r\nCall-ID: " + callId_ + "\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n";
    send(ack);
    established_ = code < 300;
    ended_ = code >= 300;
    return code;
}

QByteArray SipDialogPeer::request(const QByteArray &method, const QByteArray &extraHeaders,
                                  int timeoutMs, const QByteArray &body,
                                  const QByteArray &contentType) {
    const QByteArray cseq = QByteArray::number(++cseq_) + ' ' + method;
    QByteArray message = method + ' ' + remoteTarget_ +
                         " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + QByteArray::number(port()) +
                         ";branch=" + branch() +
                         ";rport\r\nMax-Forwards: 70\r\nFrom: " + localFrom_ +
                         "\r\nTo: " + remote_ + "\r\nCall-ID: " + callId_ + "\r\nCSeq: " + cseq +
                         "\r\nContact: <" + uri().toUtf8() + ">\r\n" + extraHeaders;
    if (!body.isEmpty()) {
        message += "Content-Type: " + contentType + "\r\n";
    }
    message += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    send(message);
    QByteArray final;
    waitUntil(
        [&] {
            for (const QByteArray &r : responses_) {
                if (header(r, "Call-ID") == callId_ && header(r, "CSeq") == cseq &&
                    statusCode(r) >= 200) {
                    final = r;
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    if (method == "INVITE" && statusCode(final) == 200) {
        send("ACK " + remoteTarget_ +
             " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + QByteArray::number(port()) +
             ";branch=" + branch() + ";rport\r\nMax-Forwards: 70\r\nFrom: " + localFrom_ +
             "\r\nTo: " + remote_ + "\r\nCall-ID: " + callId_ +
             "\r\nCSeq: " + QByteArray::number(cseq_) + " ACK\r\nContent-Length: 0\r\n\r\n");
    }
    return final;
}

int SipDialogPeer::hangup(int timeoutMs) {
    const QByteArray response = request("BYE", {}, timeoutMs);
    ended_ = true;
    return statusCode(response);
}

QList<QByteArray> SipDialogPeer::received(const QByteArray &method) const {
    QList<QByteArray> out;
    for (const QByteArray &r : requests_) {
        if (r.startsWith(method + ' ')) {
            out << r;
        }
    }
    return out;
}

bool SipDialogPeer::waitForRequest(const QByteArray &method, int count, int timeoutMs) {
    return waitUntil([&] { return received(method).size() >= count; }, timeoutMs);
}

}  // namespace rptest
