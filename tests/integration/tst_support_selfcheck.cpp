// Checks the test harness itself against real peers (no mini-restcomm): the HTTP stub, the
// netstring codec, the sipp scenarios against each other, and baresip driven over ctrl_tcp.
// When this fails, the integration tests' verdicts about mini-restcomm mean nothing.
#include "baresip_runner.h"
#include "form_params.h"
#include "http_stub.h"
#include "netstring.h"
#include "sipp_runner.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QtTest>

using namespace rptest;

class SupportSelfcheck : public QObject {
    Q_OBJECT
  private slots:
    void netstringRoundTripAndSplitFeeds() {
        NetstringDecoder decoder;
        const QByteArray wire = netstringEncode("{\"a\":1}") + netstringEncode("");
        decoder.feed(wire.left(3));
        QVERIFY(decoder.takePayloads().isEmpty());
        decoder.feed(wire.mid(3));
        const QList<QByteArray> payloads = decoder.takePayloads();
        QCOMPARE(payloads, (QList<QByteArray>{"{\"a\":1}", ""}));
        QVERIFY(!decoder.failed());
        decoder.feed("3:abc;");
        QVERIFY(decoder.failed());
    }

    void formDecodingKeepsPlusEncoding() {
        const Params params = decodeForm("Transferor=%2B131313&Name=a+b&Empty=");
        QCOMPARE(value(params, "Transferor"), QStringLiteral("+131313"));
        QCOMPARE(value(params, "Name"), QStringLiteral("a b"));
        QVERIFY(contains(params, "Empty"));
        QCOMPARE(encodeForm({{"To", "+1112"}}), QByteArray("To=%2B1112"));
    }

    void httpStubRecordsAndAnswers() {
        HttpStub stub;
        QVERIFY(stub.listen());
        stub.setRcml("/app", "<Response><Hangup/></Response>");
        QNetworkAccessManager manager;
        manager.setProxy(QNetworkProxy::NoProxy);
        QNetworkRequest request(QUrl(stub.url("/app?CallSid=CA1")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
        QNetworkReply *reply = manager.post(request, "From=alice&To=%2B1112");
        QVERIFY(waitUntil([&] { return reply->isFinished(); }, 5000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(reply->readAll(), QByteArray("<Response><Hangup/></Response>"));
        reply->deleteLater();
        QCOMPARE(stub.countTo("/app"), 1);
        const StubRequest seen = stub.requestsTo("/app").first();
        QCOMPARE(seen.method, QStringLiteral("POST"));
        QCOMPARE(seen.param("CallSid"), QStringLiteral("CA1"));
        QCOMPARE(seen.param("To"), QStringLiteral("+1112"));

        QNetworkReply *missing = manager.get(QNetworkRequest(QUrl(stub.url("/nothing"))));
        QVERIFY(waitUntil([&] { return missing->isFinished(); }, 5000));
        QCOMPARE(missing->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
        missing->deleteLater();
    }

    void sippCallerAndCalleeScenariosMatch() {
        Sipp callee("uas_answer.xml");
        callee.arg({"-d", "500"});
        QVERIFY(callee.start());
        Sipp caller("uac_wait_bye.xml");
        caller.remote(callee.hostPort()).service("5000").key("from_user", "alice");
        QVERIFY2(caller.run(20000), qPrintable(caller.describe()));
        QVERIFY2(callee.waitForFinished(10000) && callee.exitCode() == 0,
                 qPrintable(callee.describe()));
        QVERIFY2(callee.logTrace().contains("INVITE_RURI sip:5000@127.0.0.1"),
                 callee.logTrace().constData());
    }

    void baresipCallsBaresipOverCtrlTcp() {
        Baresip bob("bob", 880);
        bob.addAccount("<sip:bob@127.0.0.1>;regint=0");
        QVERIFY2(bob.start(), qPrintable(bob.lastError()));
        Baresip alice("alice", 440);
        alice.addAccount("<sip:alice@127.0.0.1>;regint=0");
        QVERIFY2(alice.start(), qPrintable(alice.lastError()));
        const CtrlResponse dial =
            alice.command("dial", QStringLiteral("sip:bob@%1").arg(bob.sipHostPort()));
        QVERIFY(dial.received);
        QVERIFY2(!bob.waitForEvent("CALL_ESTABLISHED", 5000).isEmpty(), bob.log().constData());
        QVERIFY(!alice.waitForEvent("CALL_ESTABLISHED", 5000).isEmpty());
        QTest::qWait(1500);
        const CtrlResponse debug = alice.command("audio_debug");
        qInfo().noquote() << "audio_debug:" << debug.data;
        QVERIFY(debug.data.contains("remote: 127.0.0.1:"));
        alice.command("hangup");
        QVERIFY(!bob.waitForEvent("CALL_CLOSED", 5000).isEmpty());
    }
};

QTEST_GUILESS_MAIN(SupportSelfcheck)
#include "tst_support_selfcheck.moc"
