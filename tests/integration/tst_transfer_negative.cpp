// Blind transfer with bad or unusual input (issue 3 "Negative inputs"), each with its answer
// from restcomm-behaviour.md part 1 and the server still serving calls afterwards:
// Replaces (handled as blind), tel: Refer-To (works), host-only Refer-To (400), no/doubled
// Refer-To (400), REFER while the Dial still rings (404), a second REFER while the first is in
// progress (404), REFER in a peer-to-peer call (404), in an unknown dialog (404), out of
// dialog (404), and a refer application that answers 500, invalid XML, or nothing at all
// (the transferee is hung up with a Reason, the transferor gets NOTIFY 503 then BYE).
// Phones are SipDialogPeers; the application server is an in-process HttpStub.
#include "baresip_runner.h"
#include "http_stub.h"
#include "itest_common.h"
#include "mini_restcomm_process.h"
#include "sip_dialog_peer.h"
#include "sip_udp_peer.h"

#include <QtTest>

using namespace rptest;

namespace {

constexpr int kFetchTimeoutMs = 1500;  // mini-restcomm's --fetch-timeout in this test

QJsonObject numberWithRefer(const QString &phone, const QString &voiceUrl,
                            const QString &referUrl) {
    QJsonObject object = itest::number(phone, voiceUrl);
    if (!referUrl.isEmpty()) {
        object.insert("refer_url", referUrl);
        object.insert("refer_method", "POST");
    }
    return object;
}

}  // namespace

class TransferNegative : public QObject {
    Q_OBJECT
    HttpStub stub_;
    MiniRestcomm server_;

    QList<QJsonObject> transferEvents(const QString &step) {
        QList<QJsonObject> out;
        for (const QJsonObject &event : itest::eventsOfType(server_.events(), "transfer")) {
            if (event.value("step").toString() == step) {
                out << event;
            }
        }
        return out;
    }

    // Alice calls 7000 (or `number`), whose app dials Bob; true once Bob is in the call.
    bool bridge(SipDialogPeer &alice, SipDialogPeer &bob, const QString &number = "7000") {
        stub_.setRcml("/voice", QStringLiteral("<Response><Dial><Sip>%1</Sip></Dial></Response>")
                                    .arg(bob.uri())
                                    .toUtf8());
        const QByteArray ruri = server_.sipUri(number).toUtf8();
        bool answered = false;
        QMetaObject::invokeMethod(
            this, [&] { answered = bob.answer(10000); }, Qt::QueuedConnection);
        const int code = alice.call(ruri, server_.sipPort(), 10000);
        return code == 200 && QTest::qWaitFor([&] { return answered; }, 10000);
    }

    qint64 lastSeq() {
        const QJsonArray all = server_.events();
        return all.isEmpty() ? 0 : qint64(all.last().toObject().value("seq").toDouble());
    }

    static QByteArray referTo(const QString &value) {
        return "Refer-To: " + value.toUtf8() + "\r\n";
    }

    // The server still answers OPTIONS and still bridges a new call.
    void checkStillServing() {
        SipDialogPeer alice("alice2"), bob("bob2");
        QVERIFY(alice.bind() && bob.bind());
        QVERIFY2(bridge(alice, bob), alice.transcript().constData());
        QCOMPARE(alice.hangup(), 200);
        QVERIFY(QTest::qWaitFor([&] { return bob.byeReceived(); }, 5000));
    }

  private slots:
    void initTestCase() {
        QVERIFY(stub_.listen());
        MiniRestcommOptions options;
        options.configJson =
            itest::config({itest::client("alice", "alice123"), itest::client("bob", "bob123")},
                          {numberWithRefer("7000", stub_.url("/voice"), stub_.url("/refer")),
                           numberWithRefer("7001", stub_.url("/voice"), QString())});
        options.extraArgs = {"--fetch-timeout", QString::number(kFetchTimeoutMs)};
        QVERIFY2(server_.start(options), qPrintable(server_.lastError()));
    }

    void cleanupTestCase() {
        QVERIFY2(server_.stop(), qPrintable(server_.standardError().right(2000)));
    }

    void init() {
        stub_.clear();
        stub_.setRoute("/refer", StubRoute{});  // 200 with an empty body unless a test says
    }

    // Refer-To with ?Replaces= (attended transfer): no attended transfer here, so it is a
    // blind one to the user part, with a warning on the event stream.
    void replacesIsHandledAsBlind() {
        SipDialogPeer alice("alice"), bob("bob"), carol("carol");
        QVERIFY(alice.bind() && bob.bind() && carol.bind());
        stub_.setRcml("/refer", QStringLiteral("<Response><Dial><Sip>%1</Sip></Dial></Response>")
                                    .arg(carol.uri())
                                    .toUtf8());
        QVERIFY(bridge(alice, bob));
        const qint64 since = lastSeq();
        const QByteArray answer =
            bob.request("REFER",
                        referTo(QStringLiteral(
                            "<sip:carol@127.0.0.1?Replaces=abc%40h%3Bto-tag%3D1%3Bfrom-tag%3D2>")),
                        3000);
        QCOMPARE(SipDialogPeer::statusCode(answer), 202);
        QCOMPARE(SipDialogPeer::header(answer, "Event"), QByteArray("refer"));
        QVERIFY(carol.answer(5000));
        QVERIFY(QTest::qWaitFor([&] { return bob.byeReceived(); }, 10000));
        QCOMPARE(stub_.requestsTo("/refer").first().param("ReferTarget"), QStringLiteral("carol"));
        bool warned = false;
        for (const QJsonObject &w : itest::eventsOfType(server_.events(since), "warning")) {
            warned = warned || w.value("message").toString().contains("Replaces");
        }
        QVERIFY(warned);
        QCOMPARE(alice.hangup(), 200);
        QVERIFY(QTest::qWaitFor([&] { return carol.byeReceived(); }, 5000));
    }

    // Many phones BYE right after the 202 (Yealink, web softphones): their BYE gets 200, the
    // transfer goes on, later NOTIFYs to the gone dialog are not an error, and a request on the
    // gone dialog gets 481.
    void transferorByeRightAfter202() {
        SipDialogPeer alice("alice"), bob("bob"), carol("carol");
        QVERIFY(alice.bind() && bob.bind() && carol.bind());
        StubRoute slow;
        slow.body = QStringLiteral("<Response><Dial><Sip>%1</Sip></Dial></Response>")
                        .arg(carol.uri())
                        .toUtf8();
        slow.delayMs = 300;  // the BYE arrives while the refer app is being fetched
        stub_.setRoute("/refer", slow);
        QVERIFY(bridge(alice, bob));
        const qint64 since = lastSeq();
        QCOMPARE(
            SipDialogPeer::statusCode(bob.request("REFER", referTo("<sip:carol@127.0.0.1>"), 3000)),
            202);
        QCOMPARE(bob.hangup(), 200);
        QVERIFY(carol.answer(5000));
        QVERIFY(alice.inDialog());
        bool hungUp = false;
        for (const QJsonObject &e : itest::eventsOfType(server_.events(since), "transfer")) {
            hungUp = hungUp || e.value("step") == "transferor-hung-up";
        }
        QVERIFY(hungUp);
        QCOMPARE(SipDialogPeer::statusCode(bob.request("INFO", {}, 3000)), 481);
        QCOMPARE(alice.hangup(), 200);
        QVERIFY(QTest::qWaitFor([&] { return carol.byeReceived(); }, 5000));
    }

    // tel: works (Restcomm would throw): the number is the ReferTarget.
    void telReferToWorks() {
        SipDialogPeer alice("alice"), bob("bob"), carol("carol");
        QVERIFY(alice.bind() && bob.bind() && carol.bind());
        stub_.setRcml("/refer", QStringLiteral("<Response><Dial><Sip>%1</Sip></Dial></Response>")
                                    .arg(carol.uri())
                                    .toUtf8());
        QVERIFY(bridge(alice, bob));
        const QByteArray answer =
            bob.request("REFER", referTo(QStringLiteral("<tel:+1-555-0100>")), 3000);
        QCOMPARE(SipDialogPeer::statusCode(answer), 202);
        QVERIFY(carol.answer(5000));
        const StubRequest refer = stub_.requestsTo("/refer").first();
        QCOMPARE(refer.param("ReferTarget"), QStringLiteral("+15550100"));
        QVERIFY2(refer.body.contains("ReferTarget=%2B15550100"), refer.body.constData());
        QCOMPARE(alice.hangup(), 200);
        QVERIFY(QTest::qWaitFor([&] { return carol.byeReceived(); }, 5000));
    }

    // 400 for a REFER whose Refer-To cannot name a target; the call goes on untouched.
    void badReferToIs400_data() {
        QTest::addColumn<QByteArray>("headers");
        QTest::addColumn<QString>("reasonContains");
        QTest::newRow("host-only") << referTo("<sip:2002>") << "only a host";
        QTest::newRow("missing") << QByteArray() << "without Refer-To";
        QTest::newRow("two") << referTo("<sip:a@h>") + referTo("<sip:b@h>") << "2 Refer-To";
        QTest::newRow("http") << referTo("<http://example.org/>") << "sip:, sips: or tel:";
    }

    void badReferToIs400() {
        QFETCH(QByteArray, headers);
        QFETCH(QString, reasonContains);
        SipDialogPeer alice("alice"), bob("bob");
        QVERIFY(alice.bind() && bob.bind());
        QVERIFY(bridge(alice, bob));
        const QByteArray answer = bob.request("REFER", headers, 3000);
        QCOMPARE(SipDialogPeer::statusCode(answer), 400);
        QVERIFY2(SipDialogPeer::header(answer, "Reason").contains(reasonContains.toUtf8()),
                 answer.constData());
        QCOMPARE(stub_.countTo("/refer"), 0);
        // Untouched: nobody was hung up, and a hold re-INVITE still goes through.
        QTest::qWait(300);
        QVERIFY(alice.inDialog() && bob.inDialog());
        QCOMPARE(alice.hangup(), 200);
        QVERIFY(QTest::qWaitFor([&] { return bob.byeReceived(); }, 5000));
    }

    // REFER while the Dial is still ringing: the caller (answered by the server before the
    // Dial) transfers a call that is not bridged yet.
    void referWhileRingingIs404() {
        SipDialogPeer alice("alice"), bob("bob");
        QVERIFY(alice.bind() && bob.bind());
        stub_.setRcml("/voice", QStringLiteral("<Response><Dial><Sip>%1</Sip></Dial></Response>")
                                    .arg(bob.uri())
                                    .toUtf8());
        QCOMPARE(alice.call(server_.sipUri("7000").toUtf8(), server_.sipPort(), 5000), 200);
        // Bob gets the INVITE but does not answer yet.
        QVERIFY(QTest::qWaitFor([&] { return bob.transcript().contains("<<< INVITE"); }, 5000));
        const QByteArray answer =
            alice.request("REFER", referTo(QStringLiteral("<sip:carol@127.0.0.1>")), 3000);
        QCOMPARE(SipDialogPeer::statusCode(answer), 404);
        QVERIFY2(SipDialogPeer::header(answer, "Reason").contains("not in progress"),
                 answer.constData());
        QVERIFY(bob.answer(5000));  // the call carries on
        QCOMPARE(alice.hangup(), 200);
        QVERIFY(QTest::qWaitFor([&] { return bob.byeReceived(); }, 5000));
    }

    // A second REFER while the first is in progress (refer app slow): 404 on the transferor's
    // dialog, which is already leaving the bridge; the first transfer completes.
    void secondReferWhileFirstInProgressIs404() {
        SipDialogPeer alice("alice"), bob("bob"), carol("carol");
        QVERIFY(alice.bind() && bob.bind() && carol.bind());
        StubRoute slow;
        slow.body = QStringLiteral("<Response><Dial><Sip>%1</Sip></Dial></Response>")
                        .arg(carol.uri())
                        .toUtf8();
        slow.delayMs = 600;
        stub_.setRoute("/refer", slow);
        QVERIFY(bridge(alice, bob));
        QCOMPARE(
            SipDialogPeer::statusCode(bob.request("REFER", referTo("<sip:carol@127.0.0.1>"), 3000)),
            202);
        const QByteArray second = bob.request("REFER", referTo("<sip:dave@127.0.0.1>"), 3000);
        QCOMPARE(SipDialogPeer::statusCode(second), 404);
        // And from the transferee's side too: her leg is being re-interpreted.
        const QByteArray third = alice.request("REFER", referTo("<sip:erin@127.0.0.1>"), 3000);
        QCOMPARE(SipDialogPeer::statusCode(third), 404);
        QVERIFY(carol.answer(5000));
        QCOMPARE(stub_.countTo("/refer"), 1);
        QVERIFY(QTest::qWaitFor([&] { return bob.byeReceived(); }, 10000));
        QCOMPARE(alice.hangup(), 200);
        QVERIFY(QTest::qWaitFor([&] { return carol.byeReceived(); }, 5000));
    }

    void noReferUrlIs404AndTheCallGoesOn() {
        SipDialogPeer alice("alice"), bob("bob");
        QVERIFY(alice.bind() && bob.bind());
        QVERIFY(bridge(alice, bob, "7001"));
        const QByteArray answer = bob.request("REFER", referTo("<sip:carol@127.0.0.1>"), 3000);
        QCOMPARE(SipDialogPeer::statusCode(answer), 404);
        QVERIFY2(SipDialogPeer::header(answer, "Reason").contains("Set Refer URL"),
                 answer.constData());
        QTest::qWait(300);
        QVERIFY(alice.inDialog() && bob.inDialog());
        QCOMPARE(bob.hangup(), 200);
        QVERIFY(QTest::qWaitFor([&] { return alice.byeReceived(); }, 5000));
    }

    // The refer application fails: the transferee must not sit in silence. It is hung up with
    // a Reason; in rfc3515 mode the transferor hears NOTIFY 503 first, then BYE.
    void referAppFailureHangsUpTheTransferee_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("noAnswer");
        QTest::addColumn<int>("notifyAnswerDelayMs");
        QTest::newRow("500") << 500 << QByteArray("oops") << false << 0;
        QTest::newRow("invalid XML") << 200 << QByteArray("<Response><Dial>") << false << 0;
        QTest::newRow("no answer (timeout)") << 200 << QByteArray() << true << 0;
        // The app fails before the transferor answered NOTIFY 100: the final NOTIFY must still
        // come (after that answer) and before the BYE.
        QTest::newRow("invalid XML, slow NOTIFY answers")
            << 200 << QByteArray("not xml") << false << 400;
    }

    void referAppFailureHangsUpTheTransferee() {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, noAnswer);
        QFETCH(int, notifyAnswerDelayMs);
        SipDialogPeer alice("alice"), bob("bob");
        QVERIFY(alice.bind() && bob.bind());
        bob.setNotifyAnswerDelay(notifyAnswerDelayMs);
        StubRoute route;
        route.status = status;
        route.body = body;
        route.noAnswer = noAnswer;
        stub_.setRoute("/refer", route);
        QVERIFY(bridge(alice, bob));
        QCOMPARE(
            SipDialogPeer::statusCode(bob.request("REFER", referTo("<sip:carol@127.0.0.1>"), 3000)),
            202);
        const int limit = kFetchTimeoutMs + 5000;
        QVERIFY2(QTest::qWaitFor([&] { return alice.byeReceived(); }, limit),
                 alice.transcript().constData());
        const QByteArray aliceBye = alice.received("BYE").first();
        QVERIFY2(SipDialogPeer::header(aliceBye, "Reason").contains("transfer failed"),
                 aliceBye.constData());
        QVERIFY(QTest::qWaitFor([&] { return bob.byeReceived(); }, 5000));
        const QList<QByteArray> notifies = bob.received("NOTIFY");
        QVERIFY2(notifies.size() >= 2, bob.transcript().constData());
        QVERIFY(notifies.first().contains("SIP/2.0 100 Trying"));
        QVERIFY2(notifies.last().contains("SIP/2.0 503"), notifies.last().constData());
        QVERIFY(SipDialogPeer::header(notifies.last(), "Subscription-State")
                    .startsWith("terminated;reason=noresource"));
        // The NOTIFY came before the BYE.
        const QByteArray ladder = bob.transcript();
        QVERIFY(ladder.lastIndexOf("<<< NOTIFY") < ladder.lastIndexOf("<<< BYE"));
        QVERIFY(!transferEvents("failed").isEmpty());
        checkStillServing();
    }

    // Client to client with no application in between (Restcomm's B2BUA helper): 404, and
    // the call is not touched by the server.
    void referInPeerToPeerCallIs404() {
        Baresip alice("alice", 440), bob("bob", 880);
        alice.addAccount(
            QStringLiteral("<%1>;auth_pass=alice123;regint=60").arg(server_.sipUri("alice")));
        bob.addAccount(
            QStringLiteral("<%1>;auth_pass=bob123;regint=60").arg(server_.sipUri("bob")));
        QVERIFY(alice.start() && !alice.waitForEvent("REGISTER_OK", 5000).isEmpty());
        QVERIFY(bob.start() && !bob.waitForEvent("REGISTER_OK", 5000).isEmpty());
        alice.command("dial", server_.sipUri("bob"));
        QVERIFY(!bob.waitForEvent("CALL_ESTABLISHED", 10000).isEmpty());
        const qint64 since = lastSeq();
        bob.command("transfer", server_.sipUri("carol"));
        const QJsonObject failed = bob.waitForEvent("TRANSFER_FAILED", 5000);
        QVERIFY2(failed.value("param").toString().startsWith("404"),
                 qPrintable(failed.value("param").toString()));
        bool refused = false;
        for (const QJsonObject &e : itest::eventsOfType(server_.events(since), "transfer")) {
            refused = refused || (e.value("step") == "refused" && e.value("code").toInt() == 404 &&
                                  e.value("reason").toString().contains("peer-to-peer"));
        }
        QVERIFY(refused);
        QCOMPARE(stub_.countTo("/refer"), 0);
    }

    void referInUnknownDialogOrOutOfDialogIs404() {
        SipUdpPeer raw;
        QVERIFY(raw.bind());
        const QByteArray server = server_.sipHostPort().toUtf8();
        for (const bool withTag : {true, false}) {
            const QByteArray callId = "nodialog-" + QByteArray::number(withTag);
            const QByteArray refer =
                "REFER sip:bob@" + server +
                " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + QByteArray::number(raw.port()) +
                ";branch=z9hG4bK-" + callId +
                ";rport\r\nMax-Forwards: 70\r\nFrom: <sip:george@127.0.0.1>;tag=g1\r\nTo: "
                "<sip:bob@" +
                server + ">" + (withTag ? ";tag=unknown" : "") + "\r\nCall-ID: " + callId +
                "\r\nCSeq: 1 REFER\r\nContact: <sip:george@127.0.0.1:" +
                QByteArray::number(raw.port()) +
                ">\r\nRefer-To: <sip:alice@127.0.0.1>\r\nContent-Length: 0\r\n\r\n";
            raw.send(refer, server_.sipPort());
            const QByteArray answer = raw.waitFor(
                [&](const QByteArray &m) {
                    return SipUdpPeer::statusCode(m) >= 200 &&
                           SipUdpPeer::header(m, "Call-ID") == callId;
                },
                3000);
            QCOMPARE(SipUdpPeer::statusCode(answer), 404);
            QCOMPARE(SipUdpPeer::header(answer, "Event"), QByteArray("refer"));
            QVERIFY2(SipUdpPeer::header(answer, "Reason")
                         .contains(withTag ? "does not know" : "should be sent in dialog"),
                     answer.constData());
        }
        checkStillServing();
    }
};

QTEST_GUILESS_MAIN(TransferNegative)
#include "tst_transfer_negative.moc"
