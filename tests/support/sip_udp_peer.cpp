#include "sip_udp_peer.h"

#include "form_params.h"

#include <QDeadlineTimer>
#include <QNetworkDatagram>
#include <QRandomGenerator>

namespace rptest {

SipUdpPeer::SipUdpPeer() = default;

bool SipUdpPeer::bind() {
    return socket_.bind(QHostAddress::LocalHost, 0);
}

void SipUdpPeer::send(const QByteArray &message, quint16 toPort) {
    socket_.writeDatagram(message, QHostAddress::LocalHost, toPort);
}

void SipUdpPeer::pump() {
    while (socket_.hasPendingDatagrams()) {
        received_ << socket_.receiveDatagram().data();
    }
}

QByteArray SipUdpPeer::waitFor(const std::function<bool(const QByteArray &)> &match,
                               int timeoutMs) {
    QByteArray found;
    waitUntil(
        [&] {
            pump();
            for (; consumed_ < received_.size(); ++consumed_) {
                if (match(received_[consumed_])) {
                    found = received_[consumed_++];
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return found;
}

QByteArray SipUdpPeer::branch() {
    return "z9hG4bK-rptest-" + QByteArray::number(QRandomGenerator::global()->generate(), 16) +
           '-' + QByteArray::number(++sequence_);
}

int SipUdpPeer::statusCode(const QByteArray &message) {
    if (!message.startsWith("SIP/2.0 ")) {
        return 0;
    }
    return message.mid(8, 3).toInt();
}

QByteArray SipUdpPeer::method(const QByteArray &message) {
    if (message.startsWith("SIP/2.0 ")) {
        return {};
    }
    return message.left(message.indexOf(' '));
}

QByteArray SipUdpPeer::header(const QByteArray &message, const QByteArray &name) {
    for (const QByteArray &rawLine : message.split('\n')) {
        const QByteArray line = rawLine.trimmed();
        if (line.isEmpty()) {
            break;  // end of headers
        }
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0) {
            return line.mid(colon + 1).trimmed();
        }
    }
    return {};
}

int SipUdpPeer::options(quint16 serverPort, int timeoutMs) {
    const QByteArray callId = "opt-" + branch();
    const QByteArray local = "127.0.0.1:" + QByteArray::number(port());
    const QByteArray message = "OPTIONS sip:127.0.0.1:" + QByteArray::number(serverPort) +
                               " SIP/2.0\r\nVia: SIP/2.0/UDP " + local + ";branch=" + branch() +
                               ";rport\r\nMax-Forwards: 70\r\nFrom: <sip:probe@" + local +
                               ">;tag=p1\r\nTo: <sip:127.0.0.1:" + QByteArray::number(serverPort) +
                               ">\r\nCall-ID: " + callId +
                               "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
    send(message, serverPort);
    const QByteArray reply = waitFor(
        [&](const QByteArray &m) { return statusCode(m) >= 200 && header(m, "Call-ID") == callId; },
        timeoutMs);
    return statusCode(reply);
}

InviteOutcome SipUdpPeer::invite(const QString &user, quint16 serverPort, int timeoutMs,
                                 int hangupAfterMs) {
    InviteOutcome outcome;
    const QByteArray local = "127.0.0.1:" + QByteArray::number(port());
    const QByteArray server = "127.0.0.1:" + QByteArray::number(serverPort);
    const QByteArray requestUri = "sip:" + user.toUtf8() + '@' + server;
    const QByteArray callId = "call-" + branch();
    const QByteArray fromTag = "ft" + QByteArray::number(sequence_);
    const QByteArray inviteBranch = branch();
    const QByteArray sdp =
        "v=0\r\no=rptest 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        "m=audio " +
        QByteArray::number(port() + 2) +
        " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n"
        "a=sendrecv\r\n";
    const QByteArray from = "<sip:rptest@" + local + ">;tag=" + fromTag;
    const QByteArray invite =
        "INVITE " + requestUri + " SIP/2.0\r\nVia: SIP/2.0/UDP " + local +
        ";branch=" + inviteBranch + ";rport\r\nMax-Forwards: 70\r\nFrom: " + from + "\r\nTo: <" +
        requestUri + ">\r\nCall-ID: " + callId + "\r\nCSeq: 1 INVITE\r\nContact: <sip:rptest@" +
        local +
        ">\r\nContent-Type: application/sdp\r\nContent-Length: " + QByteArray::number(sdp.size()) +
        "\r\n\r\n" + sdp;
    outcome.transcript += ">>> " + invite + '\n';
    send(invite, serverPort);

    QDeadlineTimer deadline(timeoutMs);
    const auto sameCall = [&](const QByteArray &m) { return header(m, "Call-ID") == callId; };
    const QByteArray finalResponse = waitFor(
        [&](const QByteArray &m) {
            if (sameCall(m)) {
                outcome.transcript += "<<< " + m + '\n';
            }
            return sameCall(m) && statusCode(m) >= 200 && header(m, "CSeq").endsWith("INVITE");
        },
        int(deadline.remainingTime()));
    outcome.finalStatus = statusCode(finalResponse);
    if (outcome.finalStatus == 0) {
        return outcome;
    }
    const QByteArray to = header(finalResponse, "To");
    if (outcome.finalStatus >= 300) {
        // ACK for a non-2xx is part of the INVITE transaction: same branch (RFC 3261 17.1.1.3).
        const QByteArray ack = "ACK " + requestUri + " SIP/2.0\r\nVia: SIP/2.0/UDP " + local +
                               ";branch=" + inviteBranch +
                               ";rport\r\nMax-Forwards: 70\r\nFrom: " + from + "\r\nTo: " + to +
                               "\r\nCall-ID: " + callId +
                               "\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n";
        send(ack, serverPort);
        return outcome;
    }
    QByteArray remoteTarget = header(finalResponse, "Contact");
    remoteTarget = remoteTarget.mid(remoteTarget.indexOf('<') + 1);
    remoteTarget = remoteTarget.left(remoteTarget.indexOf('>'));
    if (remoteTarget.isEmpty()) {
        remoteTarget = requestUri;
    }
    const QByteArray ack = "ACK " + remoteTarget + " SIP/2.0\r\nVia: SIP/2.0/UDP " + local +
                           ";branch=" + branch() + ";rport\r\nMax-Forwards: 70\r\nFrom: " + from +
                           "\r\nTo: " + to + "\r\nCall-ID: " + callId +
                           "\r\nCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n";
    send(ack, serverPort);

    const int byeWait = hangupAfterMs >= 0 ? hangupAfterMs : int(deadline.remainingTime());
    const QByteArray bye = waitFor(
        [&](const QByteArray &m) {
            if (sameCall(m) && statusCode(m) == 200 && header(m, "CSeq").endsWith("INVITE")) {
                send(ack, serverPort);  // our ACK was lost or 200 retransmitted: ACK again
                return false;
            }
            return sameCall(m) && method(m) == "BYE";
        },
        byeWait);
    if (!bye.isEmpty()) {
        outcome.transcript += "<<< " + bye + '\n';
        outcome.gotBye = true;
        const QByteArray ok = "SIP/2.0 200 OK\r\nVia: " + header(bye, "Via") +
                              "\r\nFrom: " + header(bye, "From") + "\r\nTo: " + header(bye, "To") +
                              "\r\nCall-ID: " + callId + "\r\nCSeq: " + header(bye, "CSeq") +
                              "\r\nContent-Length: 0\r\n\r\n";
        send(ok, serverPort);
        return outcome;
    }
    if (hangupAfterMs >= 0) {
        const QByteArray ourBye = "BYE " + remoteTarget + " SIP/2.0\r\nVia: SIP/2.0/UDP " + local +
                                  ";branch=" + branch() +
                                  ";rport\r\nMax-Forwards: 70\r\nFrom: " + from + "\r\nTo: " + to +
                                  "\r\nCall-ID: " + callId +
                                  "\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n";
        send(ourBye, serverPort);
        outcome.sentBye = true;
        const QByteArray reply = waitFor(
            [&](const QByteArray &m) {
                return sameCall(m) && statusCode(m) >= 200 && header(m, "CSeq").endsWith("BYE");
            },
            3000);
        outcome.byeStatus = statusCode(reply);
    }
    return outcome;
}

}  // namespace rptest
