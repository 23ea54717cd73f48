// A Dial-bridged call through mini-restcomm: alice (baresip, not registered) dials number
// 5000, whose app (HttpStub) answers <Dial><Client>bob</Client></Dial>; bob (baresip,
// registered with digest, auto-answer) rings and answers; audio must flow both ways through
// mini-restcomm's RTP relay; BYE must propagate; SIGTERM must BYE live calls and exit 0.
#include "audio_debug.h"
#include "baresip_runner.h"
#include "http_stub.h"
#include "itest_common.h"
#include "mini_restcomm_process.h"

#include <QtTest>

using namespace rptest;

using itest::AudioStats;
using itest::parseAudioDebug;

class BridgedCall : public QObject {
    Q_OBJECT
    HttpStub stub_;
    MiniRestcomm server_;

    bool registerBob(Baresip &bob) {
        bob.addAccount(
            QStringLiteral("<%1>;auth_pass=secret;regint=60").arg(server_.sipUri("bob")));
        return bob.start() && !bob.waitForEvent("REGISTER_OK", 5000).isEmpty();
    }

  private slots:
    void initTestCase() {
        QVERIFY(stub_.listen());
        stub_.setRcml("/bridge", "<Response><Dial><Client>bob</Client></Dial></Response>");
        MiniRestcommOptions options;
        options.configJson = itest::config({itest::client("bob", "secret")},
                                           {itest::number("5000", stub_.url("/bridge"))});
        QVERIFY2(server_.start(options), qPrintable(server_.lastError()));
    }

    void cleanupTestCase() {
        if (server_.isRunning()) {
            QVERIFY2(server_.stop(), qPrintable(server_.standardError().right(2000)));
        }
    }

    void init() { stub_.clear(); }

    void bridgesAudioBothWaysThroughTheRelay() {
        Baresip bob("bob", 880);
        QVERIFY2(registerBob(bob), bob.log().right(3000).constData());
        Baresip alice("alice", 440);
        alice.addAccount(QStringLiteral("<%1>;regint=0").arg(server_.sipUri("alice")));
        QVERIFY2(alice.start(), qPrintable(alice.lastError()));

        alice.command("dial", server_.sipUri("5000"));
        QVERIFY2(!bob.waitForEvent("CALL_ESTABLISHED", 10000).isEmpty(),
                 server_.standardOutput().right(4000).constData());
        QVERIFY(!alice.waitForEvent("CALL_ESTABLISHED", 5000).isEmpty());

        // The voice request (restcomm-behaviour.md part 2 §4.2).
        QCOMPARE(stub_.countTo("/bridge"), 1);
        const StubRequest voice = stub_.requestsTo("/bridge").first();
        QVERIFY2(voice.param("CallSid").startsWith("CA"), qPrintable(voice.param("CallSid")));
        QCOMPARE(voice.param("AccountSid"), kAccountSid);
        QCOMPARE(voice.param("From"), QStringLiteral("alice"));
        QCOMPARE(voice.param("To"), QStringLiteral("5000"));
        QCOMPARE(voice.param("CallStatus"), QStringLiteral("ringing"));
        QCOMPARE(voice.param("Direction"), QStringLiteral("inbound"));
        QCOMPARE(voice.param("ApiVersion"), QStringLiteral("2012-04-24"));

        // Two seconds of 20 ms packets is ~100 each way; demand a good part of them.
        QTest::qWait(2000);
        const AudioStats aliceAudio = parseAudioDebug(alice.command("audio_debug").data);
        const AudioStats bobAudio = parseAudioDebug(bob.command("audio_debug").data);
        qInfo("alice: remote %d tx %lld rx %lld; bob: remote %d tx %lld rx %lld",
              aliceAudio.remotePort, aliceAudio.txPackets, aliceAudio.rxPackets,
              bobAudio.remotePort, bobAudio.txPackets, bobAudio.rxPackets);
        // Both phones send to mini-restcomm's relay, never to each other.
        QVERIFY(itest::inPortRange(aliceAudio.remotePort, server_.rtpRange()));
        QVERIFY(itest::inPortRange(bobAudio.remotePort, server_.rtpRange()));
        QVERIFY(aliceAudio.remotePort != bobAudio.remotePort);
        QVERIFY(aliceAudio.txPackets >= 50);
        QVERIFY(bobAudio.txPackets >= 50);
        QVERIFY2(aliceAudio.rxPackets >= 50, "bob -> relay -> alice audio missing");
        QVERIFY2(bobAudio.rxPackets >= 50, "alice -> relay -> bob audio missing");

        // BYE propagates from the caller to the callee.
        alice.command("hangup");
        QVERIFY(!bob.waitForEvent("CALL_CLOSED", 5000).isEmpty());
        const QJsonObject ended = server_.waitForEvent(
            [&](const QJsonObject &event) {
                return event.value("type") == "call" && event.value("state") == "ended" &&
                       event.value("call_sid") == voice.param("CallSid");
            },
            5000);
        QVERIFY2(!ended.isEmpty(), "no call/ended event for the call");
    }

    void calleeByePropagatesToCaller() {
        Baresip bob("bob", 880);
        QVERIFY2(registerBob(bob), bob.log().right(3000).constData());
        Baresip alice("alice", 440);
        alice.addAccount(QStringLiteral("<%1>;regint=0").arg(server_.sipUri("alice")));
        QVERIFY2(alice.start(), qPrintable(alice.lastError()));
        alice.command("dial", server_.sipUri("5000"));
        QVERIFY(!bob.waitForEvent("CALL_ESTABLISHED", 10000).isEmpty());
        QVERIFY(!alice.waitForEvent("CALL_ESTABLISHED", 5000).isEmpty());
        bob.command("hangup");
        QVERIFY(!alice.waitForEvent("CALL_CLOSED", 5000).isEmpty());
    }

    // Last: it stops the server.
    void sigtermByesLiveCallsAndExitsZero() {
        Baresip bob("bob", 880);
        QVERIFY2(registerBob(bob), bob.log().right(3000).constData());
        Baresip alice("alice", 440);
        alice.addAccount(QStringLiteral("<%1>;regint=0").arg(server_.sipUri("alice")));
        QVERIFY2(alice.start(), qPrintable(alice.lastError()));
        alice.command("dial", server_.sipUri("5000"));
        QVERIFY(!bob.waitForEvent("CALL_ESTABLISHED", 10000).isEmpty());
        QVERIFY(!alice.waitForEvent("CALL_ESTABLISHED", 5000).isEmpty());
        QVERIFY2(server_.stop(), qPrintable(server_.standardError().right(2000)));
        QVERIFY(!alice.waitForEvent("CALL_CLOSED", 5000).isEmpty());
        QVERIFY(!bob.waitForEvent("CALL_CLOSED", 5000).isEmpty());
        // A BYE, not a timeout: baresip says "Connection reset by peer" for a remote BYE.
        QCOMPARE(alice.waitForEvent("CALL_CLOSED", 0).value("param").toString(),
                 QStringLiteral("Connection reset by peer"));
    }
};

QTEST_GUILESS_MAIN(BridgedCall)
#include "tst_bridged_call.moc"
