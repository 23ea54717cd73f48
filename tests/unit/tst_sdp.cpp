// SDP parsing, the relay rewrite (codec filter, o=/c=/m=, direction) and malformed input.
#include "restcomm/sdp.h"

#include <QRandomGenerator>
#include <QTest>

using namespace mrc;

namespace {

// What baresip 1.0.0 offers by default (opus, G.722, G.711, telephone-event) plus a video line.
const QByteArray kBaresipOffer =
    "v=0\r\n"
    "o=- 1294505370 4166301046 IN IP4 127.0.0.1\r\n"
    "s=-\r\n"
    "c=IN IP4 127.0.0.1\r\n"
    "t=0 0\r\n"
    "m=audio 10346 RTP/AVP 96 9 0 8 101\r\n"
    "a=rtpmap:96 opus/48000/2\r\n"
    "a=fmtp:96 stereo=1;sprop-stereo=1\r\n"
    "a=rtpmap:9 G722/8000\r\n"
    "a=rtpmap:0 PCMU/8000\r\n"
    "a=rtpmap:8 PCMA/8000\r\n"
    "a=rtpmap:101 telephone-event/8000\r\n"
    "a=fmtp:101 0-15\r\n"
    "a=rtcp:10347\r\n"
    "a=ptime:20\r\n"
    "a=sendrecv\r\n"
    "m=video 10348 RTP/AVP 100\r\n"
    "a=rtpmap:100 H264/90000\r\n";

Sdp parseOrFail(const QByteArray &text) {
    QString error;
    const std::optional<Sdp> sdp = parseSdp(text, &error);
    if (!sdp) {
        qFatal("parse failed: %s", qPrintable(error));
    }
    return *sdp;
}

QList<QByteArray> lines(const QByteArray &sdp) {
    QList<QByteArray> out = sdp.split('\n');
    for (QByteArray &line : out) {
        line = line.trimmed();
    }
    out.removeAll(QByteArray());
    return out;
}

}  // namespace

class TestSdp : public QObject {
    Q_OBJECT
  private slots:
    void parsesBaresipOffer() {
        const Sdp sdp = parseOrFail(kBaresipOffer);
        QCOMPARE(sdp.connectionAddress, QStringLiteral("127.0.0.1"));
        QCOMPARE(sdp.media.size(), 2);
        const SdpMedia &audio = sdp.media[0];
        QCOMPARE(audio.type, QStringLiteral("audio"));
        QCOMPARE(audio.port, quint16(10346));
        QCOMPARE(audio.proto, QStringLiteral("RTP/AVP"));
        QCOMPARE(audio.payloadTypes(), (QList<int>{96, 9, 0, 8, 101}));
        QCOMPARE(audio.rtpMap(96)->encoding, QStringLiteral("opus"));
        QCOMPARE(audio.rtpMap(96)->channels, 2);
        QCOMPARE(audio.fmtp(101), QByteArray("0-15"));
        QCOMPARE(audio.ptimeMs, 20);
        QCOMPARE(audio.rtcpPort, quint16(10347));
        QCOMPARE(audio.direction, std::optional(MediaDirection::SendRecv));
        QCOMPARE(sdp.activeAudio(), &sdp.media[0]);

        const std::optional<RtpEndpoint> remote = remoteRtpEndpoint(sdp);
        QVERIFY(remote);
        QCOMPARE(remote->address, QStringLiteral("127.0.0.1"));
        QCOMPARE(remote->rtpPort, quint16(10346));
        QCOMPARE(remote->rtcpPort, quint16(10347));
        QCOMPARE(firstG711PayloadType(sdp), 0);
    }

    void mediaLevelConnectionWinsAndRtcpDefaultsToPortPlusOne() {
        const Sdp sdp = parseOrFail(
            "v=0\no=x 1 1 IN IP4 10.0.0.1\ns=-\nc=IN IP4 10.0.0.1\nt=0 0\n"
            "m=audio 4000 RTP/AVP 8 0\nc=IN IP4 192.0.2.7/127\n");
        const std::optional<RtpEndpoint> remote = remoteRtpEndpoint(sdp);
        QVERIFY(remote);
        QCOMPARE(remote->address, QStringLiteral("192.0.2.7"));
        QCOMPARE(remote->rtcpPort, quint16(4001));
        QCOMPARE(firstG711PayloadType(sdp), 8);  // the peer's order, PCMA first
    }

    void rewriteKeepsOnlyG711AndTelephoneEvent() {
        const Sdp sdp = parseOrFail(kBaresipOffer);
        QString error = QStringLiteral("stale");
        const QByteArray out =
            rewriteForRelay(sdp, QStringLiteral("127.0.0.1"), 20000, 1234567890123ULL, 7, &error);
        QVERIFY2(!out.isEmpty(), qPrintable(error));
        QVERIFY(error.isEmpty());
        QVERIFY(out.endsWith("\r\n"));
        const QList<QByteArray> expected = {
            "v=0",
            "o=mini-restcomm 1234567890123 7 IN IP4 127.0.0.1",
            "s=mini-restcomm",
            "c=IN IP4 127.0.0.1",
            "t=0 0",
            "m=audio 20000 RTP/AVP 0 8 101",
            "a=rtpmap:0 PCMU/8000",
            "a=rtpmap:8 PCMA/8000",
            "a=rtpmap:101 telephone-event/8000",
            "a=fmtp:101 0-15",
            "a=ptime:20",
            "a=sendrecv",
            "m=video 0 RTP/AVP 100",
        };
        QCOMPARE(lines(out), expected);

        // The rewrite parses back to an SDP pointing at the relay.
        const Sdp reparsed = parseOrFail(out);
        QCOMPARE(remoteRtpEndpoint(reparsed)->rtpPort, quint16(20000));
        QCOMPARE(reparsed.media[1].port, quint16(0));
    }

    void rewriteKeepsThePeersOrderAndStaticPayloadsWithoutRtpmap() {
        const Sdp sdp = parseOrFail(
            "v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\n"
            "m=audio 5004 RTP/AVP 8 3 0 97\na=rtpmap:97 telephone-event/8000\n");
        const QByteArray out = rewriteForRelay(sdp, QStringLiteral("127.0.0.1"), 30000, 1, 1);
        QVERIFY(out.contains("m=audio 30000 RTP/AVP 8 0 97\r\n"));
        QVERIFY(!out.contains("a=rtpmap:3 "));  // GSM dropped (the m= line above has no 3)
        QVERIFY(out.contains("a=rtpmap:97 telephone-event/8000\r\n"));
        QVERIFY(!out.contains("a=fmtp"));   // none offered, none invented
        QVERIFY(!out.contains("a=ptime"));  // none offered
    }

    void rewriteUsesIp6ForAnIpv6Relay() {
        const QByteArray out =
            rewriteForRelay(parseOrFail(kBaresipOffer), QStringLiteral("::1"), 20000, 1, 1);
        QVERIFY(out.contains("c=IN IP6 ::1\r\n"));
        QVERIFY(out.contains("o=mini-restcomm 1 1 IN IP6 ::1\r\n"));
    }

    void telephoneEventAtOtherClockRatesIsDropped() {
        const Sdp sdp = parseOrFail(
            "v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\n"
            "m=audio 5004 RTP/AVP 0 100 101\na=rtpmap:100 telephone-event/48000\n"
            "a=rtpmap:101 telephone-event/8000\n");
        const QByteArray out = rewriteForRelay(sdp, QStringLiteral("127.0.0.1"), 30000, 1, 1);
        QVERIFY(out.contains("m=audio 30000 RTP/AVP 0 101\r\n"));
    }

    void noG711IsAnErrorForA488() {
        const Sdp sdp = parseOrFail(
            "v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\n"
            "m=audio 5004 RTP/AVP 96 9 101\na=rtpmap:96 opus/48000/2\na=rtpmap:9 G722/8000\n"
            "a=rtpmap:101 telephone-event/8000\n");
        QString error;
        QVERIFY(rewriteForRelay(sdp, QStringLiteral("127.0.0.1"), 30000, 1, 1, &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("G.711")), qPrintable(error));
        QCOMPARE(firstG711PayloadType(sdp), -1);
    }

    void pcmuRemappedToAnotherCodecIsNotG711() {
        const Sdp sdp = parseOrFail(
            "v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\n"
            "m=audio 5004 RTP/AVP 0\na=rtpmap:0 L16/16000\n");
        QCOMPARE(firstG711PayloadType(sdp), -1);
    }

    void noActiveAudioIsAnError() {
        const Sdp sdp = parseOrFail(
            "v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\n"
            "m=audio 0 RTP/AVP 0\nm=audio 5006 RTP/SAVP 0\nm=video 5008 RTP/AVP 96\n");
        QCOMPARE(sdp.activeAudio(), nullptr);
        QVERIFY(!remoteRtpEndpoint(sdp));
        QString error;
        QVERIFY(rewriteForRelay(sdp, QStringLiteral("127.0.0.1"), 30000, 1, 1, &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("audio")), qPrintable(error));
    }

    void secondAudioStreamIsDeclinedInPlace() {
        const Sdp sdp = parseOrFail(
            "v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\n"
            "m=video 5008 RTP/AVP 96\nm=audio 5004 RTP/AVP 0\nm=audio 5006 RTP/AVP 8\n");
        const QList<QByteArray> out =
            lines(rewriteForRelay(sdp, QStringLiteral("127.0.0.1"), 30000, 1, 1));
        QList<QByteArray> mLines;
        for (const QByteArray &line : out) {
            if (line.startsWith("m=")) {
                mLines.append(line);
            }
        }
        QCOMPARE(mLines, (QList<QByteArray>{"m=video 0 RTP/AVP 96", "m=audio 30000 RTP/AVP 0",
                                            "m=audio 0 RTP/AVP 8"}));
    }

    void directions_data() {
        QTest::addColumn<QByteArray>("sessionAttribute");
        QTest::addColumn<QByteArray>("mediaAttribute");
        QTest::addColumn<QByteArray>("connection");
        QTest::addColumn<QByteArray>("expectedOffer");
        QTest::addColumn<QByteArray>("expectedAnswer");
        QTest::newRow("none") << QByteArray() << QByteArray() << QByteArray("127.0.0.1")
                              << QByteArray("sendrecv") << QByteArray("sendrecv");
        QTest::newRow("media sendonly (hold)")
            << QByteArray() << QByteArray("sendonly") << QByteArray("127.0.0.1")
            << QByteArray("sendonly") << QByteArray("recvonly");
        QTest::newRow("session inactive")
            << QByteArray("inactive") << QByteArray() << QByteArray("127.0.0.1")
            << QByteArray("inactive") << QByteArray("inactive");
        QTest::newRow("media recvonly beats session sendonly")
            << QByteArray("sendonly") << QByteArray("recvonly") << QByteArray("127.0.0.1")
            << QByteArray("recvonly") << QByteArray("sendonly");
        QTest::newRow("RFC 2543 hold c=0.0.0.0")
            << QByteArray() << QByteArray() << QByteArray("0.0.0.0") << QByteArray("sendonly")
            << QByteArray("recvonly");
    }

    void directions() {
        QFETCH(QByteArray, sessionAttribute);
        QFETCH(QByteArray, mediaAttribute);
        QFETCH(QByteArray, connection);
        QFETCH(QByteArray, expectedOffer);
        QFETCH(QByteArray, expectedAnswer);
        QByteArray text =
            "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 " + connection + "\r\nt=0 0\r\n";
        if (!sessionAttribute.isEmpty()) {
            text += "a=" + sessionAttribute + "\r\n";
        }
        text += "m=audio 7078 RTP/AVP 0 8\r\n";
        if (!mediaAttribute.isEmpty()) {
            text += "a=" + mediaAttribute + "\r\n";
        }
        const Sdp sdp = parseOrFail(text);
        QCOMPARE(directionAttribute(audioDirection(sdp)), expectedOffer);
        const QByteArray relayed = rewriteForRelay(sdp, QStringLiteral("127.0.0.1"), 20000, 1, 2);
        QVERIFY(relayed.contains("a=" + expectedOffer + "\r\n"));
        int directionLines = 0;
        for (const QByteArray &line : lines(relayed)) {
            directionLines += line == "a=sendrecv" || line == "a=sendonly" ||
                              line == "a=recvonly" || line == "a=inactive";
        }
        QCOMPARE(directionLines, 1);
        const QByteArray answer = answerForRelay(sdp, QStringLiteral("127.0.0.1"), 20000, 1, 2);
        QVERIFY(answer.contains("a=" + expectedAnswer + "\r\n"));
    }

    void answerDirectionTable() {
        QCOMPARE(answerDirection(MediaDirection::SendOnly), MediaDirection::RecvOnly);
        QCOMPARE(answerDirection(MediaDirection::RecvOnly), MediaDirection::SendOnly);
        QCOMPARE(answerDirection(MediaDirection::Inactive), MediaDirection::Inactive);
        QCOMPARE(answerDirection(MediaDirection::SendRecv), MediaDirection::SendRecv);
    }

    void malformed_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("errorPart");
        const QByteArray head = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n";
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("no m= line") << head << QStringLiteral("no m= line");
        QTest::newRow("not starting with v=0")
            << QByteArray("o=- 1 1 IN IP4 127.0.0.1\r\nm=audio 1 RTP/AVP 0\r\n")
            << QStringLiteral("v=0");
        QTest::newRow("port not a number") << head + "m=audio 12ab RTP/AVP 0\r\n"
                                           << QStringLiteral("line 5: m= port");
        QTest::newRow("port too large") << head + "m=audio 70000 RTP/AVP 0\r\n"
                                        << QStringLiteral("m= port");
        QTest::newRow("negative port") << head + "m=audio -5 RTP/AVP 0\r\n"
                                       << QStringLiteral("m= port");
        QTest::newRow("m= without formats") << head + "m=audio 5004 RTP/AVP\r\n"
                                            << QStringLiteral("m= needs");
        QTest::newRow("bad c=") << head + "c=IN IP9 foo\r\nm=audio 5004 RTP/AVP 0\r\n"
                                << QStringLiteral("c= must be");
        QTest::newRow("bad o=") << QByteArray("v=0\r\no=- 1\r\nm=audio 5004 RTP/AVP 0\r\n")
                                << QStringLiteral("o= needs 6 fields");
        QTest::newRow("bad rtpmap") << head + "m=audio 5004 RTP/AVP 0\r\na=rtpmap:x PCMU\r\n"
                                    << QStringLiteral("a=rtpmap");
        QTest::newRow("bad ptime") << head + "m=audio 5004 RTP/AVP 0\r\na=ptime:soon\r\n"
                                   << QStringLiteral("a=ptime");
        QTest::newRow("bad rtcp") << head + "m=audio 5004 RTP/AVP 0\r\na=rtcp:99999\r\n"
                                  << QStringLiteral("a=rtcp");
        QTest::newRow("garbage") << QByteArray("\x01\xff\xfe garbage \x00 here", 18)
                                 << QStringLiteral("expected '<letter>=<value>'");
        QTest::newRow("http body")
            << QByteArray("<html><body>nope</body></html>") << QStringLiteral("line 1");
        QTest::newRow("too large") << QByteArray(70000, 'a') << QStringLiteral("bytes");
    }

    void malformed() {
        QFETCH(QByteArray, text);
        QFETCH(QString, errorPart);
        QString error;
        QVERIFY(!parseSdp(text, &error));
        QVERIFY2(error.contains(errorPart), qPrintable(error));
    }

    // Fuzz-style: mutated offers never crash, and whatever parses also rewrites without crashing.
    void randomMutationsNeverCrash() {
        QRandomGenerator random(20261126);
        int parsed = 0;
        for (int round = 0; round < 3000; ++round) {
            QByteArray text = kBaresipOffer;
            const int edits = 1 + int(random.bounded(8));
            for (int e = 0; e < edits; ++e) {
                const int at = int(random.bounded(text.size()));
                switch (random.bounded(3)) {
                    case 0:
                        text[at] = char(random.bounded(256));
                        break;
                    case 1:
                        text.remove(at, int(random.bounded(12)));
                        break;
                    default:
                        text.insert(at, text.mid(int(random.bounded(text.size())), 10));
                        break;
                }
            }
            QString error;
            if (const std::optional<Sdp> sdp = parseSdp(text, &error)) {
                ++parsed;
                rewriteForRelay(*sdp, QStringLiteral("127.0.0.1"), 20000, 1, 1, &error);
                remoteRtpEndpoint(*sdp);
                audioDirection(*sdp);
            } else {
                QVERIFY(!error.isEmpty());
            }
        }
        QVERIFY(parsed > 0);  // the mutations are not so heavy that nothing parses
    }
};

QTEST_GUILESS_MAIN(TestSdp)
#include "tst_sdp.moc"
