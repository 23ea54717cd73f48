// The seed scenario of blind transfer with three real baresip phones registered to
// mini-restcomm's built-in Lab configuration (resources/lab): Alice calls number 1001 (RVD app
// "call-bob"), Bob answers, Bob's baresip transfers to carol; the Refer URL of 1001 (RVD app
// "transfer") dials $core_ReferTarget; Alice and Carol must end up talking through the relay
// with RTP both ways, Bob's call ended cleanly, in both --transfer-mode values. When Carol is
// busy or does not answer, the app's Dial action rings Bob ($core_Transferor) again.
#include "audio_debug.h"
#include "baresip_runner.h"
#include "itest_common.h"
#include "mini_restcomm_process.h"

#include <QtTest>

using namespace rptest;

namespace {

// A Lab phone: registered to the server as NAME/NAME123.
bool startPhone(Baresip &phone, const QString &name, MiniRestcomm &server,
                const QString &accountExtra = {}) {
    phone.addAccount(QStringLiteral("<%1>;auth_pass=%2;regint=60%3")
                         .arg(server.sipUri(name), name + QStringLiteral("123"), accountExtra));
    return phone.start() && !phone.waitForEvent("REGISTER_OK", 5000).isEmpty();
}

QJsonObject metrics(MiniRestcomm &server) {
    return server.rest("GET", "Supervisor.json/metrics")
        .json()
        .object()
        .value("Metrics")
        .toObject();
}

QList<QJsonObject> transferEvents(MiniRestcomm &server, const QString &step) {
    QList<QJsonObject> out;
    for (const QJsonObject &event : itest::eventsOfType(server.events(), "transfer")) {
        if (event.value("step").toString() == step) {
            out << event;
        }
    }
    return out;
}

// Prints the call, transfer, http and warning events, one per line, for a failure message.
QString callEvents(MiniRestcomm &server) {
    int lines = 0;
    for (const QJsonValue &value : server.events()) {
        const QJsonObject event = value.toObject();
        const QString type = event.value("type").toString();
        if (type == u"call" || type == u"transfer" || type == u"warning" || type == u"http") {
            QJsonObject brief = event;
            brief.remove("body_excerpt");
            qWarning("%s", QJsonDocument(brief).toJson(QJsonDocument::Compact).constData());
            ++lines;
        }
    }
    return QStringLiteral("%1 server events printed above").arg(lines);
}

int countEvents(const Baresip &phone, const QString &type) {
    int n = 0;
    for (const QJsonObject &event : phone.events()) {
        n += event.value("type").toString() == type ? 1 : 0;
    }
    return n;
}

// Packets a phone received during `ms` of the current call.
qint64 rxDuring(Baresip &phone, int ms) {
    const qint64 before = itest::parseAudioDebug(phone.command("audio_debug").data).rxPackets;
    QTest::qWait(ms);
    return itest::parseAudioDebug(phone.command("audio_debug").data).rxPackets - before;
}

}  // namespace

class TransferLab : public QObject {
    Q_OBJECT

    bool startServer(MiniRestcomm &server, const QString &mode) {
        MiniRestcommOptions options;
        options.lab = true;
        options.extraArgs = {QStringLiteral("--transfer-mode"), mode};
        if (!server.start(options)) {
            qWarning("%s", qPrintable(server.lastError()));
            return false;
        }
        return true;
    }

    // Alice calls 1001 and Bob answers; true when both see the call established.
    bool aliceCallsBob(MiniRestcomm &server, Baresip &alice, Baresip &bob) {
        alice.command("dial", server.sipUri("1001"));
        return !bob.waitForEvent("CALL_ESTABLISHED", 10000).isEmpty() &&
               !alice.waitForEvent("CALL_ESTABLISHED", 5000).isEmpty();
    }

  private slots:
    void seedScenario_data() {
        QTest::addColumn<QString>("mode");
        QTest::newRow("rfc3515") << QStringLiteral("rfc3515");
        QTest::newRow("restcomm") << QStringLiteral("restcomm");
    }

    void seedScenario() {
        QFETCH(QString, mode);
        MiniRestcomm server;
        QVERIFY(startServer(server, mode));
        Baresip alice("alice", 440), bob("bob", 880), carol("carol", 660);
        QVERIFY2(startPhone(alice, "alice", server), alice.log().right(2000).constData());
        QVERIFY2(startPhone(bob, "bob", server), bob.log().right(2000).constData());
        QVERIFY2(startPhone(carol, "carol", server), carol.log().right(2000).constData());
        QVERIFY2(aliceCallsBob(server, alice, bob),
                 server.standardOutput().right(4000).constData());
        QCOMPARE(metrics(server).value("LiveCalls").toInt(), 2);

        bob.command("transfer", server.sipUri("carol"));
        QVERIFY2(!carol.waitForEvent("CALL_ESTABLISHED", 10000).isEmpty(),
                 server.standardOutput().right(6000).constData());
        const QJsonObject bobClosed = bob.waitForEvent("CALL_CLOSED", 10000);
        QVERIFY2(!bobClosed.isEmpty(), "Bob's call did not end after the transfer");
        qInfo("bob's call ended: %s", qPrintable(bobClosed.value("param").toString()));
        QVERIFY2(!bob.hasEvent("TRANSFER_FAILED"), bob.log().right(3000).constData());

        // Alice's own call never changed: the B2BUA re-bridged her leg.
        QVERIFY(!alice.hasEvent("CALL_CLOSED"));
        const QJsonObject carolCall = carol.waitForEvent("CALL_ESTABLISHED", 0);
        QVERIFY2(carolCall.value("peeruri").toString().contains("alice"),
                 qPrintable(carolCall.value("peeruri").toString()));

        // Audio both ways through the relay, measured after the transfer.
        QTest::qWait(300);
        const qint64 aliceHeard = rxDuring(alice, 2000);
        const itest::AudioStats carolAudio =
            itest::parseAudioDebug(carol.command("audio_debug").data);
        qInfo("after transfer: alice rx +%lld in 2 s; carol tx %lld rx %lld remote %d", aliceHeard,
              carolAudio.txPackets, carolAudio.rxPackets, carolAudio.remotePort);
        QVERIFY(itest::inPortRange(carolAudio.remotePort, server.rtpRange()));
        QVERIFY2(aliceHeard >= 50, "carol -> relay -> alice audio missing");
        QVERIFY2(carolAudio.rxPackets >= 50, "alice -> relay -> carol audio missing");
        QVERIFY(carolAudio.txPackets >= 50);

        // The transfer as the event stream tells it.
        const QList<QJsonObject> received = transferEvents(server, "refer-received");
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.first().value("transferor").toString(), QStringLiteral("bob"));
        QCOMPARE(received.first().value("refer_target").toString(), QStringLiteral("carol"));
        const QList<QJsonObject> accepted = transferEvents(server, "accepted");
        QCOMPARE(accepted.size(), 1);
        QCOMPARE(accepted.first().value("transferor").toString(), QStringLiteral("bob"));
        QCOMPARE(accepted.first().value("transferee").toString(), QStringLiteral("alice"));
        QCOMPARE(accepted.first().value("refer_target").toString(), QStringLiteral("carol"));
        QCOMPARE(accepted.first().value("mode").toString(), mode);
        QCOMPARE(transferEvents(server, "bridged").size(), 1);
        const QList<QJsonObject> notifies = transferEvents(server, "notify");
        if (mode == u"rfc3515") {
            QCOMPARE(notifies.size(), 2);
            QCOMPARE(notifies.at(0).value("sipfrag").toString(),
                     QStringLiteral("SIP/2.0 100 Trying"));
            QCOMPARE(notifies.at(1).value("sipfrag").toString(), QStringLiteral("SIP/2.0 200 OK"));
            // baresip waits for the final NOTIFY and ends the call itself.
            QCOMPARE(bobClosed.value("param").toString(), QStringLiteral("Call transfered"));
        } else {
            QCOMPARE(notifies.size(), 0);
        }
        // The refer app got the three values, Transferor mapped from baresip's Contact token.
        bool referFetchSeen = false;
        for (const QJsonObject &http : itest::eventsOfType(server.events(), "http")) {
            const QJsonObject params = http.value("params").toObject();
            if (params.contains("ReferTarget")) {
                referFetchSeen = true;
                QCOMPARE(params.value("Transferor").toString(), QStringLiteral("bob"));
                QCOMPARE(params.value("Transferee").toString(), QStringLiteral("alice"));
                QCOMPARE(params.value("ReferTarget").toString(), QStringLiteral("carol"));
                QCOMPARE(http.value("method").toString(), QStringLiteral("POST"));
            }
        }
        QVERIFY(referFetchSeen);

        // Calls.json: Bob's leg completed; Alice's and Carol's live, counted once each.
        const QJsonObject m = metrics(server);
        QCOMPARE(m.value("LiveCalls").toInt(), 2);
        QCOMPARE(m.value("MaximumConcurrentCalls").toInt(), 2);
        bool bobCompleted = false;
        for (const QJsonValue &call :
             server.rest("GET", "Calls.json").json().object().value("calls").toArray()) {
            const QJsonObject c = call.toObject();
            if (c.value("to").toString() == u"bob") {
                bobCompleted = c.value("status").toString() == u"completed";
            }
        }
        QVERIFY(bobCompleted);

        alice.command("hangup");
        QVERIFY(!carol.waitForEvent("CALL_CLOSED", 5000).isEmpty());
        QVERIFY(
            QTest::qWaitFor([&] { return metrics(server).value("LiveCalls").toInt() == 0; }, 5000));
        QVERIFY2(server.stop(), qPrintable(server.standardError().right(2000)));
    }

    // Carol rejects (486) or never answers (the app's Dial timeout): the Lab's refer app rings
    // Bob again through $core_Transferor, and Alice and Bob talk again.
    void targetFailsRingsTransferorBack_data() {
        QTest::addColumn<bool>("busy");
        QTest::newRow("busy") << true;
        QTest::newRow("no-answer") << false;
    }

    void targetFailsRingsTransferorBack() {
        QFETCH(bool, busy);
        MiniRestcomm server;
        QVERIFY(startServer(server, QStringLiteral("rfc3515")));
        Baresip alice("alice", 440), bob("bob", 880), carol("carol", 660);
        QVERIFY(startPhone(alice, "alice", server));
        QVERIFY(startPhone(bob, "bob", server));
        QVERIFY(startPhone(carol, "carol", server, QStringLiteral(";answermode=manual")));
        QVERIFY(aliceCallsBob(server, alice, bob));

        bob.command("transfer", server.sipUri("carol"));
        QVERIFY(!carol.waitForEvent("CALL_INCOMING", 10000).isEmpty());
        if (busy) {
            carol.command("hangup");  // rejects the ringing call with 486
        }
        QVERIFY(!bob.waitForEvent("CALL_CLOSED", 10000).isEmpty());
        // The Lab's Dial times out after 15 s; Bob is rung back after that.
        const bool bobAgain = QTest::qWaitFor(
            [&] { return countEvents(bob, "CALL_ESTABLISHED") == 2; }, busy ? 10000 : 25000);
        QVERIFY2(bobAgain, qPrintable(callEvents(server)));
        const QList<QJsonObject> failed = transferEvents(server, "failed");
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().value("dial_call_status").toString(),
                 busy ? QStringLiteral("busy") : QStringLiteral("no-answer"));
        QVERIFY(!alice.hasEvent("CALL_CLOSED"));
        QTest::qWait(300);
        const qint64 aliceHeard = rxDuring(alice, 1500);
        const qint64 bobHeard = rxDuring(bob, 500);
        QVERIFY2(aliceHeard >= 40, "bob -> alice audio missing after the ring-back");
        QVERIFY2(bobHeard >= 10, "alice -> bob audio missing after the ring-back");
        QCOMPARE(metrics(server).value("LiveCalls").toInt(), 2);
        alice.command("hangup");
        QVERIFY(
            QTest::qWaitFor([&] { return metrics(server).value("LiveCalls").toInt() == 0; }, 5000));
        QVERIFY2(server.stop(), qPrintable(server.standardError().right(2000)));
    }
};

QTEST_GUILESS_MAIN(TransferLab)
#include "tst_transfer_lab.moc"
