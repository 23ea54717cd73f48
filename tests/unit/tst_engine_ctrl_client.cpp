// CtrlClient against a scripted in-process ctrl_tcp server (QTcpServer): a batch goes out in
// one write, responses are matched by token whatever the order and however split, events
// arriving before a response are delivered first, garbage is reported and skipped, silence
// times out, and a dropped connection fails the pending batches and is signalled.
#include "engine/ctrl_client.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace engine;

namespace {

QByteArray frame(const QJsonObject &object) {
    const QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return QByteArray::number(json.size()) + ':' + json + ',';
}

QByteArray response(const QString &token, const QString &data, bool ok = true) {
    return frame({{"response", true}, {"ok", ok}, {"data", data}, {"token", token}});
}

QByteArray eventFrame(const QString &type, const QString &id) {
    return frame({{"event", true},
                  {"type", type},
                  {"class", "call"},
                  {"accountaor", "sip:a@h"},
                  {"direction", "incoming"},
                  {"peeruri", "sip:b@h"},
                  {"id", id}});
}

// Collects the requests the client sent (parsed from netstrings).
struct FakeBaresip {
    QTcpServer server;
    QTcpSocket *peer = nullptr;  // owned by `server`
    QByteArray received;
    QList<QJsonObject> requests() const {
        QList<QJsonObject> out;
        QByteArray rest = received;
        while (!rest.isEmpty()) {
            const qsizetype colon = rest.indexOf(':');
            const int length = rest.left(colon).toInt();
            out << QJsonDocument::fromJson(rest.mid(colon + 1, length)).object();
            rest.remove(0, colon + 1 + length + 1);
        }
        return out;
    }
};

}  // namespace

class CtrlClientTest : public QObject {
    Q_OBJECT

    bool connectPair(FakeBaresip &fake, CtrlClient &client) {
        if (!fake.server.listen(QHostAddress::LocalHost, 0)) {
            return false;
        }
        client.connectTo(fake.server.serverPort());
        if (!QTest::qWaitFor([&] { return fake.server.hasPendingConnections() || fake.peer; },
                             3000)) {
            return false;
        }
        fake.peer = fake.server.nextPendingConnection();
        connect(fake.peer, &QTcpSocket::readyRead, this,
                [&fake] { fake.received += fake.peer->readAll(); });
        return QTest::qWaitFor([&] { return client.isConnected(); }, 3000);
    }

  private slots:
    void batchInOneWriteAndTokensMatched() {
        FakeBaresip fake;
        CtrlClient client;
        QVERIFY(connectPair(fake, client));
        QSignalSpy events(&client, &CtrlClient::eventReceived);
        CtrlBatchResult result;
        bool done = false;
        client.send({{"uafind", "sip:a@h"}, {"callfind", "c1"}, {"hold", ""}},
                    [&](const CtrlBatchResult &r) {
                        result = r;
                        done = true;
                        // The event sent before the responses was delivered before completion.
                        QCOMPARE(events.count(), 1);
                    });
        QTRY_COMPARE(fake.requests().size(), 3);
        const QList<QJsonObject> requests = fake.requests();
        QCOMPARE(requests.at(0).value("command").toString(), QStringLiteral("uafind"));
        QCOMPARE(requests.at(1).value("params").toString(), QStringLiteral("c1"));
        QCOMPARE(requests.at(2).value("command").toString(), QStringLiteral("hold"));
        const QString t0 = requests.at(0).value("token").toString();
        const QString t1 = requests.at(1).value("token").toString();
        const QString t2 = requests.at(2).value("token").toString();
        QVERIFY(t0 != t1 && t1 != t2);
        // An event first, then the responses out of order and split mid-frame.
        const QByteArray wire = eventFrame("CALL_REMOTE_SDP", "c1") + response(t2, "") +
                                response(t0, "ua: sip:a@h\n") +
                                response(t1, "setting current call: c1\n");
        fake.peer->write(wire.left(37));
        fake.peer->flush();
        QTest::qWait(50);
        QVERIFY(!done);
        fake.peer->write(wire.mid(37));
        QTRY_VERIFY(done);
        QVERIFY(result.completed);
        QCOMPARE(result.responses.at(0).data, QStringLiteral("ua: sip:a@h\n"));
        QCOMPARE(result.responses.at(1).data, QStringLiteral("setting current call: c1\n"));
        QVERIFY(result.responses.at(2).ok);
        QCOMPARE(events.count(), 1);
        QCOMPARE(events.at(0).at(0).value<CtrlEvent>().callId, QStringLiteral("c1"));
    }

    void garbageIsReportedAndSkipped() {
        FakeBaresip fake;
        CtrlClient client;
        QVERIFY(connectPair(fake, client));
        QSignalSpy errors(&client, &CtrlClient::protocolError);
        QSignalSpy events(&client, &CtrlClient::eventReceived);
        fake.peer->write("garbage!" + eventFrame("CALL_INCOMING", "x") +
                         response("nobody", "stray"));
        QTRY_COMPARE(events.count(), 1);
        QTRY_COMPARE(errors.count(), 2);  // the garbage, the response with an unknown token
        QVERIFY(client.isConnected());
    }

    void silenceTimesOut() {
        FakeBaresip fake;
        CtrlClient client;
        QVERIFY(connectPair(fake, client));
        CtrlBatchResult result;
        bool done = false;
        client.send(
            {{"listcalls", ""}},
            [&](const CtrlBatchResult &r) {
                result = r;
                done = true;
            },
            200);
        QTRY_VERIFY(done);
        QVERIFY(!result.completed);
        QVERIFY(result.error.contains("200 ms"));
        QCOMPARE(client.pendingBatches(), 0);
    }

    void droppedConnectionFailsPendingAndSignals() {
        FakeBaresip fake;
        CtrlClient client;
        QVERIFY(connectPair(fake, client));
        QSignalSpy dropped(&client, &CtrlClient::disconnected);
        CtrlBatchResult result;
        bool done = false;
        client.send({{"dial", "sip:b@h"}}, [&](const CtrlBatchResult &r) {
            result = r;
            done = true;
        });
        QTRY_COMPARE(fake.requests().size(), 1);
        fake.peer->abort();
        QTRY_VERIFY(done);
        QVERIFY(!result.completed);
        QTRY_COMPARE(dropped.count(), 1);
        // Sending now fails at once with a readable error.
        bool refused = false;
        client.send({{"dial", "x"}}, [&](const CtrlBatchResult &r) {
            refused = !r.completed && !r.error.isEmpty();
        });
        QVERIFY(refused);
    }

    void expectedCloseIsSilent() {
        FakeBaresip fake;
        CtrlClient client;
        QVERIFY(connectPair(fake, client));
        QSignalSpy dropped(&client, &CtrlClient::disconnected);
        client.disconnectFromBaresip();
        QTest::qWait(100);
        QCOMPARE(dropped.count(), 0);
    }
};

QTEST_GUILESS_MAIN(CtrlClientTest)
#include "tst_engine_ctrl_client.moc"
