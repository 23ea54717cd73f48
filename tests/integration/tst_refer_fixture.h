#pragma once
// Blind transfer (REFER) tests: Restcomm's ReferTest fixture (restcomm-behaviour.md part 2
// §7.1) with sipp phones and the in-process HttpStub as the application server.
//   numbers  *      voice GET /gottacatchemall   refer GET /2222
//            1111   voice GET /1111              refer GET /2222
//            +1112  voice GET /1112              refer GET /2222
//            1212   voice GET /1111              (no refer URL)
//   /1111, /1112, /gottacatchemall: <Dial><Number>+131313</Number></Dial> (to the outbound proxy)
//   /2222?ReferTarget=alice: <Dial><Client>alice</Client></Dial> (joe, carol alike; +131313:
//   George's number; see routeByReferTarget)
//   client alice/1234, registered by sipp (refer_register.xml) at alicePort, where a
//   refer_party.xml sipp then answers; George = sipp at the --outbound-proxy port; Bob = sipp uac.
// One mini-restcomm per test function: the Supervisor metrics (maximum concurrent calls) are
// counted from a fresh server.
#include "free_ports.h"
#include "http_stub.h"
#include "itest_common.h"
#include "mini_restcomm_process.h"
#include "sipp_runner.h"

#include <QtTest>
#include <memory>

namespace refer {

using namespace rptest;

// For every phone: sipp reads one message per cycle, so that its answer to a request (a
// <send> after a <recv>) goes out before the next message is matched. With the default (up to
// 1000 reads per cycle) a BYE answer and a NOTIFY arriving together make the second one
// "unexpected" although the scenario expects it right after the <send>.
inline const QStringList kPhoneArgs{QStringLiteral("-max_recv_loops"), QStringLiteral("1")};

inline const QByteArray kDialGeorge = "<Response><Dial><Number>+131313</Number></Dial></Response>";

inline QByteArray dialClient(const QString &login) {
    return QStringLiteral("<Response><Dial><Client>%1</Client></Dial></Response>")
        .arg(login)
        .toUtf8();
}

// The '&'-separated items of a raw query or form body, exactly as sent.
inline QList<QByteArray> rawItems(const QByteArray &raw) {
    return raw.split('&');
}

class Fixture {
  public:
    HttpStub stub;
    std::unique_ptr<MiniRestcomm> server;
    quint16 georgePort = 0;  // the --outbound-proxy: George's sipp listens there
    quint16 alicePort = 0;   // alice's registered contact
    // /2222 answers by ReferTarget: alice, joe, carol -> <Dial><Client>; +131313 -> George's
    // <Dial><Number>; anything else 404. Tests that set their own /2222 route switch it off.
    bool routeByReferTarget = true;
    // Changes the --config document of the next start() (cleared by stop()).
    std::function<void(QJsonObject &document)> editConfig;

    // Starts the stub (once) and a fresh mini-restcomm with the fixture (plus `moreClients`);
    // QVERIFY-fails.
    void start(const QStringList &extraArgs, const QJsonArray &moreClients = {}) {
        if (stub.port() == 0) {
            QVERIFY(stub.listen());
            // WireMock's query matching of the original fixture: /2222 answers according to
            // ReferTarget (the route is read after this signal, for this very request).
            QObject::connect(
                &stub, &HttpStub::requestReceived, &stub,
                [this](const StubRequest &request) {
                    if (!routeByReferTarget || request.path != u"/2222") {
                        return;
                    }
                    const QString target = request.param("ReferTarget");
                    if (target == u"+131313") {
                        stub.setRcml("/2222", kDialGeorge);
                    } else if (target == u"alice" || target == u"joe" || target == u"carol") {
                        stub.setRcml("/2222", dialClient(target));
                    } else {
                        StubRoute none;
                        none.status = 404;
                        none.body = "no stub for this ReferTarget";
                        stub.setRoute("/2222", none);
                    }
                },
                Qt::DirectConnection);
        }
        stub.clear();
        routeByReferTarget = true;
        stub.setRcml("/1111", kDialGeorge);
        stub.setRcml("/1112", kDialGeorge);
        stub.setRcml("/gottacatchemall", kDialGeorge);
        stub.setRcml("/2222", dialClient("alice"));
        georgePort = freeUdpTcpPort();
        alicePort = freeUdpTcpPort();
        const QJsonArray numbers{
            number("*", "/gottacatchemall", "/2222"),
            number("1111", "/1111", "/2222"),
            number("+1112", "/1112", "/2222"),
            number("1212", "/1111", QString()),
        };
        MiniRestcommOptions options;
        options.outboundProxy = QStringLiteral("sip:127.0.0.1:%1").arg(georgePort);
        QJsonArray clients{itest::client("alice", "1234")};
        for (const QJsonValue &c : moreClients) {
            clients.append(c);
        }
        options.configJson = itest::config(clients, numbers);
        if (editConfig) {
            QJsonObject document = QJsonDocument::fromJson(options.configJson).object();
            editConfig(document);
            options.configJson = QJsonDocument(document).toJson();
        }
        options.extraArgs = extraArgs;
        server = std::make_unique<MiniRestcomm>();
        QVERIFY2(server->start(options), qPrintable(server->lastError()));
    }

    // SIGTERM; the server must exit 0. Prints the tail of its log when the test failed.
    void stop() {
        editConfig = nullptr;
        if (!server) {
            return;
        }
        if (QTest::currentTestFailed()) {
            // The whole event log (every SIP message in full) goes to a file; the tail here.
            const QByteArray log = server->standardOutput();
            QFile file(QDir::temp().filePath(QStringLiteral("refer-%1-%2.log")
                                                 .arg(QTest::currentTestFunction())
                                                 .arg(QCoreApplication::applicationPid())));
            if (file.open(QIODevice::WriteOnly)) {
                file.write(log);
                qWarning("mini-restcomm log: %s", qPrintable(file.fileName()));
            }
            qWarning("mini-restcomm log (tail):\n%s", log.right(6000).constData());
        }
        const bool clean = server->stop();
        const QByteArray err = server->standardError();
        server.reset();
        QVERIFY2(clean, err.right(2000).constData());
    }

    QJsonObject number(const QString &phone, const QString &voicePath,
                       const QString &referPath) const {
        QJsonObject object = itest::number(phone, stub.url(voicePath), QStringLiteral("GET"));
        if (!referPath.isEmpty()) {
            object.insert("refer_url", stub.url(referPath));
            object.insert("refer_method", "GET");
        }
        return object;
    }

    // alice REGISTERs (digest) from alicePort; the binding stays for 120 s.
    void registerAlice() { registerClient("alice", "1234", "alice", alicePort); }

    // `login` REGISTERs (digest) <sip:contactUser@127.0.0.1:port> for 120 s.
    void registerClient(const QString &login, const QString &password, const QString &contactUser,
                        quint16 port) {
        Sipp reg("refer_register.xml");
        reg.arg(kPhoneArgs)
            .localPort(port)
            .remote(server->sipHostPort())
            .service(login)
            .key("contact_user", contactUser)
            .arg({"-au", login, "-ap", password})
            .timeoutSeconds(10);
        QVERIFY2(reg.run(15000), qPrintable(reg.describe()));
    }

    QString referTo(const QString &user) const { return server->sipUri(user); }

    QJsonObject metrics() const {
        const HttpReply reply = server->rest("GET", "Supervisor.json/metrics");
        if (reply.status != 200) {
            qWarning("metrics: HTTP %d %s", reply.status, reply.body.constData());
            return {};
        }
        return reply.json().object();
    }
    static int counter(const QJsonObject &metrics, const char *name) {
        return metrics.value("Metrics").toObject().value(QLatin1StringView(name)).toInt(-1);
    }

    QJsonObject call(const QString &sid) const {
        const HttpReply reply = server->rest("GET", QStringLiteral("Calls/%1.json").arg(sid));
        return reply.status == 200 ? reply.json().object() : QJsonObject();
    }

    // ---- the event stream -----------------------------------------------------------------

    QJsonArray events() const { return server->events(0); }

    // SIP messages the server sent (out) to / received (in) from 127.0.0.1:<port> whose first
    // line starts with `firstLine` (a method or "SIP/2.0 202"); port 0 = any peer.
    // Retransmissions (same first line, Call-ID and CSeq) count once.
    QList<QJsonObject> sip(const QString &direction, const QString &firstLine, quint16 port) const {
        QList<QJsonObject> out;
        QSet<QString> seen;
        const QString peer = QStringLiteral("127.0.0.1:%1").arg(port);
        for (const QJsonObject &e : itest::eventsOfType(events(), "sip")) {
            if (e.value("direction").toString() != direction ||
                !e.value("first_line").toString().startsWith(firstLine)) {
                continue;
            }
            const QString other = e.value(direction == u"out" ? "dst" : "src").toString();
            const QString key = e.value("first_line").toString() + u'|' +
                                e.value("call_id").toString() + u'|' + e.value("cseq").toString();
            if ((port == 0 || other == peer) && !seen.contains(key)) {
                seen.insert(key);
                out << e;
            }
        }
        return out;
    }

    QList<QJsonObject> transferEvents() const { return itest::eventsOfType(events(), "transfer"); }
    QStringList transferSteps() const {
        QStringList steps;
        for (const QJsonObject &e : transferEvents()) {
            steps << e.value("step").toString();
        }
        return steps;
    }

    QJsonObject waitForTransferStep(const QString &step, int timeoutMs) const {
        return server->waitForEvent(
            [&](const QJsonObject &e) {
                return e.value("type").toString() == u"transfer" &&
                       e.value("step").toString() == step;
            },
            timeoutMs);
    }

    static QDateTime timeOf(const QJsonObject &event) {
        return QDateTime::fromString(event.value("time").toString(), Qt::ISODateWithMs);
    }

    // A header's value in a raw SIP message text (first occurrence; full name only).
    static QString header(const QString &text, const QString &name) {
        for (const QString &line : text.split(QStringLiteral("\r\n"))) {
            if (line.isEmpty()) {
                break;
            }
            if (line.startsWith(name + u':', Qt::CaseInsensitive)) {
                return line.mid(name.size() + 1).trimmed();
            }
        }
        return {};
    }
    static QString body(const QString &text) {
        const qsizetype at = text.indexOf(QStringLiteral("\r\n\r\n"));
        return at < 0 ? QString() : text.mid(at + 4);
    }
};

// Waits for a sipp and checks it exited 0 (with its outputs in the failure message).
#define REFER_SIPP_OK(sipp, timeoutMs)                                    \
    QVERIFY2((sipp).waitForFinished(timeoutMs) && (sipp).exitCode() == 0, \
             qPrintable(QStringLiteral("%1\n--- messages (tail) ---\n%2") \
                            .arg((sipp).describe(),                       \
                                 QString::fromUtf8((sipp).messageTrace().right(6000)))))

}  // namespace refer
