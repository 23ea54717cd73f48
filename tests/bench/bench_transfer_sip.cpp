#include "bench_transfer_sip.h"

#include <QNetworkDatagram>
#include <QVariant>

namespace benchxfer {

// One SIP message, parsed once: start line, headers (names lower-cased, compact forms
// expanded), body.
struct SipMessage {
    QByteArray raw;
    QByteArray startLine;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    explicit SipMessage(const QByteArray &data) : raw(data) {
        const qsizetype end = data.indexOf("\r\n\r\n");
        const QByteArray head = end < 0 ? data : data.left(end);
        body = end < 0 ? QByteArray() : data.mid(end + 4);
        const QList<QByteArray> lines = head.split('\n');
        startLine = lines.value(0).trimmed();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            headers.append(
                {expand(line.left(colon).trimmed().toLower()), line.mid(colon + 1).trimmed()});
        }
    }
    static QByteArray expand(const QByteArray &name) {
        static const QHash<QByteArray, QByteArray> compact{
            {"v", "via"},          {"f", "from"},    {"t", "to"},
            {"i", "call-id"},      {"m", "contact"}, {"l", "content-length"},
            {"c", "content-type"}, {"o", "event"},   {"r", "refer-to"},
            {"k", "supported"},    {"u", "allow"},   {"x", "session-expires"}};
        return compact.value(name, name);
    }
    QByteArray value(const QByteArray &name) const {
        for (const auto &[key, val] : headers) {
            if (key == name) {
                return val;
            }
        }
        return {};
    }
    QList<QByteArray> values(const QByteArray &name) const {
        QList<QByteArray> out;
        for (const auto &[key, val] : headers) {
            if (key == name) {
                out << val;
            }
        }
        return out;
    }
    bool isResponse() const { return startLine.startsWith("SIP/2.0 "); }
    int status() const { return isResponse() ? startLine.mid(8, 3).toInt() : 0; }
    QByteArray method() const {
        return isResponse() ? QByteArray() : startLine.left(startLine.indexOf(' '));
    }
    QByteArray requestUri() const { return startLine.split(' ').value(1); }
    QByteArray cseqMethod() const { return value("cseq").split(' ').value(1).trimmed(); }
    QByteArray cseqNumber() const { return value("cseq").split(' ').value(0).trimmed(); }
};

namespace {

constexpr qint64 kMs = 1000 * 1000;
constexpr qint64 kT1Ns = 500 * kMs;   // RFC 3261 T1
constexpr qint64 kT2Ns = 4000 * kMs;  // RFC 3261 T2

// "<sip:u@h>;tag=x" or "sip:u@h;tag=x" -> "sip:u@h".
QByteArray uriOf(const QByteArray &nameAddr) {
    const qsizetype open = nameAddr.indexOf('<');
    if (open >= 0) {
        const qsizetype close = nameAddr.indexOf('>', open);
        return nameAddr.mid(open + 1, close < 0 ? -1 : close - open - 1);
    }
    const qsizetype semi = nameAddr.indexOf(';');
    return semi < 0 ? nameAddr : nameAddr.left(semi);
}

QByteArray userOf(const QByteArray &uri) {
    const qsizetype colon = uri.indexOf(':');
    const qsizetype at = uri.indexOf('@');
    return at < 0 ? QByteArray() : uri.mid(colon + 1, at - colon - 1);
}

QByteArray tagOf(const QByteArray &nameAddr) {
    const qsizetype close = nameAddr.indexOf('>');
    const qsizetype tag = nameAddr.indexOf(";tag=", close < 0 ? 0 : close);
    if (tag < 0) {
        return {};
    }
    const QByteArray rest = nameAddr.mid(tag + 5);
    const qsizetype semi = rest.indexOf(';');
    return semi < 0 ? rest : rest.left(semi);
}

QByteArray sdpFor(quint16 sipPort) {
    // Nobody listens on the media port: the bench measures signalling, and mini-restcomm's
    // relay and baresip only send to it.
    return "v=0\r\no=bench 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
           "m=audio " +
           QByteArray::number(sipPort + 2) +
           " RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
           "a=sendrecv\r\n";
}

// The id the bench put into every flow: the caller user "tr<id>" (From of every leg
// mini-restcomm places, and of Bob's INVITE to the UA) or the Refer-To user "carol-<id>".
int idOfUser(const QByteArray &user) {
    if (user.startsWith("tr")) {
        return user.mid(2).toInt();
    }
    if (user.startsWith("carol-")) {
        return user.mid(6).toInt();
    }
    return 0;
}

}  // namespace

struct Parties::Dialog {
    QByteArray callId;
    QByteArray localHeader;   // our From in requests we send (with our tag)
    QByteArray remoteHeader;  // our To in requests we send (with their tag once known)
    QByteArray remoteTarget;  // Request-URI for in-dialog requests (their Contact)
    QByteArray contact;       // our Contact
    QByteArray ok;            // our 2xx to their INVITE, resent on a retransmitted INVITE
    QByteArray inviteCseq;    // that INVITE's CSeq, to tell a retransmission from a re-INVITE
    quint16 port = 0;         // where their SIP messages come from / ours go
    int cseq = 0;
    bool up = false;      // 2xx sent+ACKed (UAS) or 2xx received+ACKed (UAC)
    bool closed = false;  // BYE done either way
};

struct Parties::Pending {
    QUdpSocket *socket = nullptr;
    QByteArray message;
    quint16 port = 0;
    QByteArray callId;
    QByteArray cseq;  // "<n> <METHOD>"; an ACK for a pending 2xx has "<n> ACK"
    bool invite = false;
    bool awaitingAck = false;  // a 2xx of ours, resent until the ACK
    qint64 intervalNs = kT1Ns;
    qint64 nextNs = 0;
};

struct Parties::Run {
    int id = 0;
    Target target;
    int holdMs = 0;
    qint64 deadlineNs = 0;
    QByteArray user;  // "tr<id>"
    Dialog a;         // Alice <-> mini-restcomm (Alice is UAC)
    Dialog b;         // Bob <-> mini-restcomm (Bob UAS) or Bob <-> the UA (Bob UAC)
    Dialog c;         // Carol <-> mini-restcomm or the UA (Carol UAS)
    bool referSent = false;
    bool referAccepted = false;
    bool finalNotify = false;
    bool hangupScheduled = false;
    QList<Pending> pending;
    QByteArray trace;  // last messages, for the failure text
};

Parties::Parties(QObject *parent) : QObject(parent) {
    clock_.start();
    ticker_.setInterval(20);
    connect(&ticker_, &QTimer::timeout, this, &Parties::tick);
}

Parties::~Parties() = default;

bool Parties::bind() {
    for (QUdpSocket *socket : {&alice_, &bob_, &carol_}) {
        if (!socket->bind(QHostAddress::LocalHost, 0)) {
            return false;
        }
        // Hundreds of flows in flight answer in bursts; the default buffer drops them.
        socket->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption, QVariant(4 << 20));
        socket->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, QVariant(4 << 20));
        connect(socket, &QUdpSocket::readyRead, this, [this, socket] { onDatagrams(socket); });
    }
    ticker_.start();
    return true;
}

QByteArray Parties::newToken() {
    return QByteArray::number(++token_, 16) + 'x' + QByteArray::number(clock_.nsecsElapsed(), 36);
}

void Parties::write(QUdpSocket *socket, const QByteArray &message, quint16 port) {
    if (socket->writeDatagram(message, QHostAddress::LocalHost, port) != message.size()) {
        // On loopback a datagram stays charged to the sender until the receiver reads it:
        // a server that falls behind fills our send buffer. Counted, and left to the
        // retransmissions like any loss.
        ++sendErrors_;
    }
}

int Parties::start(const Target &target, int holdMs, int timeoutMs) {
    auto run = std::make_shared<Run>();
    run->id = nextId_++;
    run->target = target;
    run->holdMs = holdMs;
    run->user = "tr" + QByteArray::number(run->id);
    run->deadlineNs = nowNs() + qint64(timeoutMs) * kMs;
    active_.insert(run->id, run);
    byUser_.insert(run->user, run->id);
    Outcome &outcome = outcomes_[run->id];
    outcome = Outcome{};
    outcome.startNs = nowNs();

    // The caller: Alice towards the number, or Bob towards the UA.
    const bool viaServer = target.flow != Flow::UaTransfer;
    QUdpSocket *socket = viaServer ? &alice_ : &bob_;
    Dialog &dialog = viaServer ? run->a : run->b;
    const QByteArray local = "127.0.0.1:" + QByteArray::number(socket->localPort());
    const QByteArray remoteUri =
        "sip:" + target.user + "@127.0.0.1:" + QByteArray::number(target.port);
    dialog.callId = "bench-" + newToken();
    dialog.localHeader = "<sip:" + run->user + '@' + local + ">;tag=" + newToken();
    dialog.remoteHeader = '<' + remoteUri + '>';
    dialog.remoteTarget = remoteUri;
    dialog.contact = "<sip:" + run->user + '@' + local + '>';
    dialog.port = target.port;
    byCallId_.insert(dialog.callId, run->id);
    const QByteArray sdp = sdpFor(socket->localPort());
    sendRequest(*run, socket, dialog, "INVITE", "Content-Type: application/sdp\r\n", sdp);
    return run->id;
}

const Outcome &Parties::outcome(int id) const {
    static const Outcome none;
    const auto it = outcomes_.constFind(id);
    return it == outcomes_.constEnd() ? none : *it;
}

void Parties::forget(int id) {
    outcomes_.remove(id);
}

void Parties::noteReferFetch(const QByteArray &fromUser) {
    const int id = byUser_.value(fromUser);
    if (id != 0 && outcomes_.contains(id) && outcomes_[id].fetchNs < 0) {
        outcomes_[id].fetchNs = nowNs();
    }
}

void Parties::sendRequest(Run &run, QUdpSocket *socket, Dialog &dialog, const QByteArray &method,
                          const QByteArray &extraHeaders, const QByteArray &body) {
    const QByteArray local = "127.0.0.1:" + QByteArray::number(socket->localPort());
    const QByteArray cseq = QByteArray::number(++dialog.cseq) + ' ' + method;
    const QByteArray message =
        method + ' ' + dialog.remoteTarget + " SIP/2.0\r\nVia: SIP/2.0/UDP " + local +
        ";branch=z9hG4bK" + newToken() +
        ";rport\r\nMax-Forwards: 70\r\nFrom: " + dialog.localHeader +
        "\r\nTo: " + dialog.remoteHeader + "\r\nCall-ID: " + dialog.callId + "\r\nCSeq: " + cseq +
        "\r\nContact: " + dialog.contact + "\r\n" + extraHeaders +
        "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    Pending pending;
    pending.socket = socket;
    pending.message = message;
    pending.port = dialog.port;
    pending.callId = dialog.callId;
    pending.cseq = cseq;
    pending.invite = method == "INVITE";
    pending.nextNs = nowNs() + kT1Ns;
    run.pending.append(pending);
    write(socket, message, dialog.port);
}

void Parties::sendAck(Run &, QUdpSocket *socket, Dialog &dialog, const QByteArray &cseqNumber) {
    const QByteArray local = "127.0.0.1:" + QByteArray::number(socket->localPort());
    const QByteArray ack = "ACK " + dialog.remoteTarget + " SIP/2.0\r\nVia: SIP/2.0/UDP " + local +
                           ";branch=z9hG4bK" + newToken() +
                           ";rport\r\nMax-Forwards: 70\r\nFrom: " + dialog.localHeader +
                           "\r\nTo: " + dialog.remoteHeader + "\r\nCall-ID: " + dialog.callId +
                           "\r\nCSeq: " + cseqNumber + " ACK\r\nContent-Length: 0\r\n\r\n";
    write(socket, ack, dialog.port);
}

void Parties::reply(QUdpSocket *socket, quint16 toPort, const SipMessage &message, int code,
                    const QByteArray &localTag, const QByteArray &extra, const QByteArray &body) {
    QByteArray response = "SIP/2.0 " + QByteArray::number(code) + (code < 300 ? " OK" : " Error");
    response += "\r\n";
    for (const QByteArray &via : message.values("via")) {
        response += "Via: " + via + "\r\n";
    }
    QByteArray to = message.value("to");
    if (tagOf(to).isEmpty() && !localTag.isEmpty()) {
        to += ";tag=" + localTag;
    }
    response += "From: " + message.value("from") + "\r\nTo: " + to +
                "\r\nCall-ID: " + message.value("call-id") + "\r\nCSeq: " + message.value("cseq") +
                "\r\n" + extra + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" +
                body;
    write(socket, response, toPort);
}

void Parties::onDatagrams(QUdpSocket *socket) {
    while (socket->hasPendingDatagrams()) {
        const QNetworkDatagram datagram = socket->receiveDatagram();
        handle(socket, quint16(datagram.senderPort()), SipMessage(datagram.data()));
    }
}

Parties::Run *Parties::runFor(const SipMessage &message) {
    const QByteArray callId = message.value("call-id");
    if (const auto it = byCallId_.constFind(callId); it != byCallId_.constEnd()) {
        const auto run = active_.constFind(*it);
        return run == active_.constEnd() ? nullptr : run->get();
    }
    if (message.method() != "INVITE") {
        return nullptr;
    }
    // A new leg towards Bob or Carol: which flow it belongs to is in its From or Request-URI.
    int id = idOfUser(userOf(uriOf(message.value("from"))));
    if (id == 0) {
        id = idOfUser(userOf(message.requestUri()));
    }
    const auto run = active_.constFind(id);
    if (run == active_.constEnd()) {
        return nullptr;
    }
    byCallId_.insert(callId, id);
    return run->get();
}

void Parties::handle(QUdpSocket *socket, quint16 fromPort, const SipMessage &message) {
    Run *run = runFor(message);
    if (!run) {
        // Retransmissions after a flow ended (our 200 to BYE/NOTIFY was lost, or crossed).
        if (message.method() == "BYE" || message.method() == "NOTIFY") {
            reply(socket, fromPort, message, 200, {});
        }
        return;
    }
    run->trace += "<<< " + message.startLine + " | " + message.value("cseq") + '\n';
    if (run->trace.size() > 4000) {
        run->trace = run->trace.right(3000);
    }
    if (message.isResponse()) {
        onResponse(*run, socket, message);
    } else {
        onRequest(*run, socket, fromPort, message);
    }
}

void Parties::onRequest(Run &run, QUdpSocket *socket, quint16 fromPort, const SipMessage &message) {
    const QByteArray method = message.method();
    const QByteArray callId = message.value("call-id");
    Dialog *dialog = nullptr;
    for (Dialog *d : {&run.a, &run.b, &run.c}) {
        if (d->callId == callId) {
            dialog = d;
        }
    }
    if (method == "INVITE" && !dialog) {
        // A new leg: mini-restcomm's INVITE to Bob, or the transfer INVITE to Carol.
        dialog = socket == &bob_ ? &run.b : &run.c;
        if (socket == &alice_ || !dialog->callId.isEmpty()) {
            fail(run, "unexpected INVITE");
            return;
        }
        if (socket == &carol_) {
            outcomes_[run.id].targetInviteNs = nowNs();
        }
        const QByteArray local = "127.0.0.1:" + QByteArray::number(socket->localPort());
        const QByteArray localTag = newToken();
        dialog->callId = callId;
        dialog->localHeader = message.value("to") + ";tag=" + localTag;
        dialog->remoteHeader = message.value("from");
        dialog->remoteTarget = uriOf(message.value("contact"));
        dialog->contact = "<sip:" + userOf(message.requestUri()) + '@' + local + '>';
        dialog->port = fromPort;
        const QByteArray sdp = sdpFor(socket->localPort());
        const SipMessage &invite = message;
        QByteArray ok = "SIP/2.0 200 OK\r\n";
        for (const QByteArray &via : invite.values("via")) {
            ok += "Via: " + via + "\r\n";
        }
        ok += "From: " + invite.value("from") + "\r\nTo: " + dialog->localHeader +
              "\r\nCall-ID: " + callId + "\r\nCSeq: " + invite.value("cseq") +
              "\r\nContact: " + dialog->contact +
              "\r\nContent-Type: application/sdp\r\nContent-Length: " +
              QByteArray::number(sdp.size()) + "\r\n\r\n" + sdp;
        dialog->ok = ok;
        dialog->inviteCseq = invite.value("cseq");
        Pending pending;
        pending.socket = socket;
        pending.message = ok;
        pending.port = fromPort;
        pending.callId = callId;
        pending.cseq = invite.cseqNumber() + " ACK";
        pending.awaitingAck = true;
        pending.nextNs = nowNs() + kT1Ns;
        run.pending.append(pending);
        write(socket, ok, fromPort);
        return;
    }
    if (!dialog) {
        reply(socket, fromPort, message, 481, {});
        return;
    }
    if (method == "INVITE") {
        if (!dialog->ok.isEmpty() && message.value("cseq") == dialog->inviteCseq) {
            write(socket, dialog->ok, fromPort);  // a retransmission: our 200 again
        } else {
            // A re-INVITE (session refresh, media change): accept with our SDP.
            reply(socket, fromPort, message, 200, {},
                  "Contact: " + dialog->contact + "\r\nContent-Type: application/sdp\r\n",
                  sdpFor(socket->localPort()));
        }
        return;
    }
    if (method == "ACK") {
        const QByteArray cseq = message.cseqNumber() + " ACK";
        run.pending.removeIf([&](const Pending &p) {
            return p.awaitingAck && p.callId == callId && p.cseq == cseq;
        });
        dialog->up = true;
        advance(run);
        return;
    }
    reply(socket, fromPort, message, 200, {});
    if (method == "NOTIFY" && dialog == &run.b) {
        const QByteArray state = message.value("subscription-state");
        if (state.startsWith("terminated")) {
            run.finalNotify = true;
            const QByteArray frag = message.body.trimmed();
            if (!frag.startsWith("SIP/2.0 2")) {
                fail(run, "final NOTIFY " + frag.left(60));
                return;
            }
            if (run.target.flow == Flow::UaTransfer && !run.b.closed) {
                // What baresip's own transferor does on the final NOTIFY: BYE.
                sendRequest(run, socket, run.b, "BYE");
            }
        }
    } else if (method == "BYE") {
        dialog->closed = true;
        if (dialog == &run.a || (dialog == &run.c && !run.hangupScheduled)) {
            fail(run, "the server hung up " + QByteArray(dialog == &run.a ? "Alice" : "Carol") +
                          " first");
            return;
        }
    }
    advance(run);
}

void Parties::onResponse(Run &run, QUdpSocket *socket, const SipMessage &message) {
    const int code = message.status();
    const QByteArray callId = message.value("call-id");
    const QByteArray cseq = message.value("cseq");
    const QByteArray method = message.cseqMethod();
    Dialog *dialog = nullptr;
    for (Dialog *d : {&run.a, &run.b, &run.c}) {
        if (d->callId == callId) {
            dialog = d;
        }
    }
    if (!dialog) {
        return;
    }
    const bool wasPending = run.pending.removeIf([&](const Pending &p) {
        return !p.awaitingAck && p.callId == callId && p.cseq == cseq && (code >= 200 || p.invite);
    }) > 0;
    if (method == "INVITE") {
        if (code < 200) {
            return;
        }
        if (code >= 300) {
            // ACK a non-2xx on the INVITE's own transaction (its Via) to stop retransmissions.
            const QByteArray ack =
                "ACK " + dialog->remoteTarget + " SIP/2.0\r\nVia: " + message.value("via") +
                "\r\nFrom: " + message.value("from") + "\r\nTo: " + message.value("to") +
                "\r\nCall-ID: " + callId + "\r\nCSeq: " + message.cseqNumber() +
                " ACK\r\nContent-Length: 0\r\n\r\n";
            write(socket, ack, dialog->port);
            fail(run, "INVITE answered " + message.startLine);
            return;
        }
        if (!dialog->up) {  // the first 2xx (the 1xx already ended the retransmissions)
            dialog->remoteHeader = message.value("to");
            const QByteArray contact = uriOf(message.value("contact"));
            if (!contact.isEmpty()) {
                dialog->remoteTarget = contact;
            }
            dialog->up = true;
        }
        sendAck(run, socket, *dialog, message.cseqNumber());  // also for a resent 2xx
        advance(run);
        return;
    }
    if (!wasPending || code < 200) {
        return;
    }
    if (method == "REFER") {
        if (code != 202 && code != 200) {
            fail(run, "REFER answered " + message.startLine);
            return;
        }
        run.referAccepted = true;
        outcomes_[run.id].acceptedNs = nowNs();
    } else if (method == "BYE") {
        if (code >= 300) {
            fail(run, "BYE answered " + message.startLine);
            return;
        }
        dialog->closed = true;
    }
    advance(run);
}

void Parties::advance(Run &run) {
    const Flow flow = run.target.flow;
    const bool callUp = flow == Flow::UaTransfer ? run.b.up : (run.a.up && run.b.up);
    if (flow != Flow::ServerCall && callUp && !run.referSent) {
        run.referSent = true;
        const QByteArray referTo = "Refer-To: <sip:carol-" + QByteArray::number(run.id) +
                                   "@127.0.0.1:" + QByteArray::number(carol_.localPort()) +
                                   ">\r\nReferred-By: <sip:bob@127.0.0.1>\r\n";
        outcomes_[run.id].referNs = nowNs();
        sendRequest(run, &bob_, run.b, "REFER", referTo);
    }
    // The hang-up after the hold: once the final call is up (Carol, or Bob for a plain call).
    const bool finalUp = flow == Flow::ServerCall ? callUp : run.c.up;
    if (finalUp && !run.hangupScheduled) {
        run.hangupScheduled = true;
        const int id = run.id;
        QTimer::singleShot(run.holdMs, this, [this, id] {
            const auto it = active_.constFind(id);
            if (it == active_.constEnd()) {
                return;
            }
            Run &held = **it;
            if (held.target.flow == Flow::UaTransfer) {
                if (!held.c.closed) {
                    sendRequest(held, &carol_, held.c, "BYE");
                }
            } else if (!held.a.closed) {
                sendRequest(held, &alice_, held.a, "BYE");
            }
        });
    }
    bool done = false;
    switch (flow) {
        case Flow::ServerTransfer:
            done = run.referAccepted && run.a.closed && run.b.closed && run.c.closed;
            break;
        case Flow::UaTransfer:
            done = run.referAccepted && run.b.closed && run.c.closed;
            break;
        case Flow::ServerCall:
            done = run.a.closed && run.b.closed;
            break;
    }
    if (done) {
        finish(run, true);
    }
}

void Parties::fail(Run &run, const QByteArray &why) {
    Outcome &outcome = outcomes_[run.id];
    outcome.failure = why + "\n" + run.trace;
    // Best effort, untracked: do not leave the caller's call up on the server.
    if (run.target.flow != Flow::UaTransfer && run.a.up && !run.a.closed) {
        sendRequest(run, &alice_, run.a, "BYE");
    } else if (run.target.flow == Flow::UaTransfer && run.b.up && !run.b.closed) {
        sendRequest(run, &bob_, run.b, "BYE");
    }
    finish(run, false);
}

void Parties::finish(Run &run, bool ok) {
    const int id = run.id;
    Outcome &outcome = outcomes_[id];
    outcome.done = true;
    outcome.ok = ok;
    outcome.endNs = nowNs();
    for (const Dialog *d : {&run.a, &run.b, &run.c}) {
        byCallId_.remove(d->callId);
    }
    byUser_.remove(run.user);
    const std::shared_ptr<Run> keep = active_.take(id);  // `run` stays valid to the end
    emit finished(id);
}

void Parties::tick() {
    const qint64 now = nowNs();
    QList<int> expired;
    for (const auto &run : std::as_const(active_)) {
        if (now > run->deadlineNs) {
            expired << run->id;
            continue;
        }
        for (Pending &p : run->pending) {
            if (now < p.nextNs) {
                continue;
            }
            write(p.socket, p.message, p.port);
            Outcome &outcome = outcomes_[run->id];
            ++outcome.resends;
            if (p.cseq.endsWith(" REFER")) {
                ++outcome.referResends;
            }
            // INVITE (Timer A) keeps doubling; non-INVITE and 2xx resends cap at T2.
            p.intervalNs = p.invite ? p.intervalNs * 2 : std::min(p.intervalNs * 2, kT2Ns);
            p.nextNs = now + p.intervalNs;
        }
    }
    for (const int id : expired) {
        if (const auto it = active_.constFind(id); it != active_.constEnd()) {
            const std::shared_ptr<Run> run = *it;
            fail(*run,
                 "timed out: refer=" + QByteArray::number(run->referSent) +
                     " accepted=" + QByteArray::number(run->referAccepted) +
                     " a=" + QByteArray::number(run->a.up) + QByteArray::number(run->a.closed) +
                     " b=" + QByteArray::number(run->b.up) + QByteArray::number(run->b.closed) +
                     " c=" + QByteArray::number(run->c.up) + QByteArray::number(run->c.closed));
        }
    }
}

}  // namespace benchxfer
