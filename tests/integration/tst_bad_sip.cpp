// Malformed SIP (RFC 4475-style torture messages) over UDP and TCP: the server may answer
// 400 or drop them, but it must keep serving: OPTIONS still gets 200 and a digest REGISTER
// still works afterwards, and the process is still alive.
#include "itest_common.h"
#include "mini_restcomm_process.h"
#include "sipp_runner.h"

#include <QTcpSocket>
#include <QtTest>

using namespace rptest;

namespace {

QByteArray withTarget(QByteArray message, quint16 serverPort, quint16 localPort) {
    message.replace("SERVER", "127.0.0.1:" + QByteArray::number(serverPort));
    message.replace("LOCAL", "127.0.0.1:" + QByteArray::number(localPort));
    return message;
}

}  // namespace

class BadSip : public QObject {
    Q_OBJECT
    MiniRestcomm server_;

  private slots:
    void initTestCase() {
        MiniRestcommOptions options;
        options.configJson = itest::config({itest::client("alice", "1234")}, {});
        QVERIFY2(server_.start(options), qPrintable(server_.lastError()));
    }

    void cleanupTestCase() {
        QVERIFY2(server_.stop(), qPrintable(server_.standardError().right(2000)));
    }

    void survivesTortureOverUdp_data() {
        QTest::addColumn<QByteArray>("message");
        const QByteArray head =
            "Via: SIP/2.0/UDP LOCAL;branch=z9hG4bK-torture\r\nMax-Forwards: 70\r\n"
            "From: <sip:t@LOCAL>;tag=1\r\nTo: <sip:x@SERVER>\r\n";
        QTest::newRow("Content-Length larger than body")
            << "INVITE sip:1000@SERVER SIP/2.0\r\n" + head +
                   "Call-ID: cl-big\r\nCSeq: 1 INVITE\r\nContent-Type: application/sdp\r\n"
                   "Content-Length: 9999\r\n\r\nv=0\r\n";
        QTest::newRow("negative Content-Length")
            << "OPTIONS sip:SERVER SIP/2.0\r\n" + head +
                   "Call-ID: cl-neg\r\nCSeq: 1 OPTIONS\r\nContent-Length: -5\r\n\r\n";
        QTest::newRow("missing Call-ID") << "OPTIONS sip:SERVER SIP/2.0\r\n" + head +
                                                "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        QTest::newRow("missing Via and CSeq") << QByteArray(
            "REGISTER sip:SERVER SIP/2.0\r\nFrom: <sip:alice@SERVER>;tag=9\r\n"
            "To: <sip:alice@SERVER>\r\nCall-ID: novia\r\nContent-Length: 0\r\n\r\n");
        QTest::newRow("garbage start line")
            << QByteArray("HELLO WORLD THIS IS NOT SIP\r\nfoo bar\r\n\r\n");
        QTest::newRow("binary noise") << QByteArray("\x00\xff\x01\xfe\r\n\r\n\x80\x81", 10);
        QTest::newRow("huge header")
            << "OPTIONS sip:SERVER SIP/2.0\r\n" + head + "Call-ID: huge\r\nCSeq: 1 OPTIONS\r\n" +
                   "X-Huge: " + QByteArray(60000, 'a') + "\r\nContent-Length: 0\r\n\r\n";
        QTest::newRow("unknown method without To") << QByteArray(
            "FROBNICATE sip:SERVER SIP/2.0\r\nVia: SIP/2.0/UDP LOCAL;branch=z9hG4bK-f\r\n"
            "From: <sip:t@LOCAL>;tag=1\r\nCall-ID: frob\r\nCSeq: 1 FROBNICATE\r\n"
            "Content-Length: 0\r\n\r\n");
        QTest::newRow("CSeq method mismatch")
            << "INVITE sip:1000@SERVER SIP/2.0\r\n" + head +
                   "Call-ID: cseq-mismatch\r\nCSeq: 1 BYE\r\nContent-Length: 0\r\n\r\n";
        QTest::newRow("BYE for no dialog")
            << "BYE sip:1000@SERVER SIP/2.0\r\n" + head.left(head.size() - 2) +
                   ";tag=nosuch\r\nCall-ID: nodialog\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n";
        QTest::newRow("request line without version") << QByteArray("OPTIONS sip:SERVER\r\n\r\n");
        QTest::newRow("headers only, no blank line") << "OPTIONS sip:SERVER SIP/2.0\r\n" + head;
    }

    void survivesTortureOverUdp() {
        QFETCH(QByteArray, message);
        SipUdpPeer peer;
        QVERIFY(peer.bind());
        peer.send(withTarget(message, server_.sipPort(), peer.port()), server_.sipPort());
        QTest::qWait(100);
        QVERIFY2(server_.isRunning(), server_.standardError().right(3000).constData());
        SipUdpPeer probe;
        QVERIFY(probe.bind());
        QCOMPARE(probe.options(server_.sipPort()), 200);
    }

    void survivesGarbageOverTcp() {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, server_.sipPort());
        QVERIFY(socket.waitForConnected(3000));
        socket.write("GARBAGE\r\n\r\n" + QByteArray(200000, 'z'));
        socket.write("INVITE sip:x@127.0.0.1 SIP/2.0\r\nContent-Length: 100000000\r\n\r\nshort");
        socket.flush();
        QTest::qWait(300);
        socket.abort();
        QVERIFY(server_.isRunning());
        SipUdpPeer probe;
        QVERIFY(probe.bind());
        QCOMPARE(probe.options(server_.sipPort()), 200);
    }

    void registerStillWorksAfterwards() {
        Sipp sipp("register_digest.xml");
        sipp.remote(server_.sipHostPort())
            .service("alice")
            .arg({"-au", "alice", "-ap", "1234"})
            .timeoutSeconds(20);
        QVERIFY2(sipp.run(25000), qPrintable(sipp.describe()));
        QCOMPARE(server_.http("GET", "/health", {}, {}, false).status, 200);
    }
};

QTEST_GUILESS_MAIN(BadSip)
#include "tst_bad_sip.moc"
