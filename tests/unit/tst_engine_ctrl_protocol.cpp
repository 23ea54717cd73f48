// ctrl_tcp stream parser: split frames, several frames per read, events before the response
// of their command, garbage (baresip-engine.md §3).
#include "engine/ctrl_protocol.h"

#include "tst_engine_ctrl_samples.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace engine;
using namespace ctrl_samples;

namespace {

QByteArray frame(const QByteArray &json) {
    return QByteArray::number(json.size()) + ':' + json + ',';
}

template <typename T>
const T &as(const CtrlItem &item) {
    return std::get<T>(item);
}

}  // namespace

class CtrlProtocolTest : public QObject {
    Q_OBJECT
  private slots:
    void encodesCommand() {
        const QByteArray wire = encodeCtrlCommand("callfind", "abc\"1", "t-7");
        const qsizetype colon = wire.indexOf(':');
        QCOMPARE(wire.left(colon).toInt(), wire.size() - colon - 2);
        CtrlStreamParser parser;
        parser.feed(wire);  // it is itself a valid frame (but neither event nor response)
        const auto items = parser.take();
        QCOMPARE(items.size(), size_t(1));
        QVERIFY(std::holds_alternative<CtrlProtocolError>(items.at(0)));
        QVERIFY(wire.contains("\"params\":\"abc\\\"1\""));
        QVERIFY(wire.endsWith(','));
    }

    void parsesEventFields() {
        const CtrlItem item = parseCtrlPayload(kEvent);
        const CtrlEvent &event = as<CtrlEvent>(item);
        QCOMPARE(event.type, QStringLiteral("CALL_INCOMING"));
        QCOMPARE(event.eventClass, QStringLiteral("call"));
        QCOMPARE(event.accountAor, QStringLiteral("sip:bob@127.0.0.1:5072"));
        QCOMPARE(event.direction, QStringLiteral("incoming"));
        QCOMPARE(event.peerUri, QStringLiteral("sip:alice@127.0.0.1:5070"));
        QCOMPARE(event.peerDisplayName, QStringLiteral("Alice"));
        QCOMPARE(event.callId, QStringLiteral("df0e596542fe09e1"));
        QVERIFY(!event.hasRtcp);
        const CtrlEvent rtcp = as<CtrlEvent>(parseCtrlPayload(kRtcp));
        QVERIFY(rtcp.hasRtcp);
        QCOMPARE(rtcp.rtcp.txSent, 268);
        QCOMPARE(rtcp.rtcp.txLost, 1);
        QCOMPARE(rtcp.rtcp.rxSent, 260);
        QCOMPARE(rtcp.rtcp.rxLost, 2);
        QCOMPARE(rtcp.rtcp.rxJitterUs, 1000);
    }

    void stripsAnsiFromResponses() {
        const CtrlResponse response = as<CtrlResponse>(parseCtrlPayload(kAnsiResponse));
        QCOMPARE(response.data, QStringLiteral("OK  sip:a@b"));
        QVERIFY(response.ok);
        QCOMPARE(response.token, QStringLiteral("x"));
    }

    void splitFramesByteByByte() {
        const QByteArray stream = frame(kEvent) + frame(kResponse);
        CtrlStreamParser parser;
        std::vector<CtrlItem> items;
        for (char c : stream) {
            parser.feed(&c, 1);
            for (auto &item : parser.take()) {
                items.push_back(std::move(item));
            }
        }
        QCOMPARE(items.size(), size_t(2));
        QCOMPARE(as<CtrlEvent>(items.at(0)).callId, QStringLiteral("df0e596542fe09e1"));
        QCOMPARE(as<CtrlResponse>(items.at(1)).token, QStringLiteral("t-2"));
        QCOMPARE(parser.buffered(), 0);
    }

    void severalFramesPerReadInOrder() {
        // Events produced by a command arrive before its response (baresip-engine.md §3).
        CtrlStreamParser parser;
        parser.feed(frame(kEvent) + frame(kRtcp) + frame(kResponse) + frame(kEvent).left(10));
        const auto items = parser.take();
        QCOMPARE(items.size(), size_t(3));
        QVERIFY(std::holds_alternative<CtrlEvent>(items.at(0)));
        QVERIFY(std::holds_alternative<CtrlEvent>(items.at(1)));
        QVERIFY(std::holds_alternative<CtrlResponse>(items.at(2)));
        parser.feed(frame(kEvent).mid(10));
        QCOMPARE(parser.take().size(), size_t(1));
    }

    void garbageGivesOneErrorAndResyncs_data() {
        QTest::addColumn<QByteArray>("garbage");
        QTest::newRow("text") << QByteArray("hello world");
        QTest::newRow("bare json") << kBareEvent;
        QTest::newRow("missing comma") << QByteArray("5:abcdeX");
        QTest::newRow("binary") << QByteArray("\x00\xff\x01:", 4);
        QTest::newRow("huge length") << QByteArray("99999999999:{");
        QTest::newRow("too large frame") << QByteArray("2000000:");
    }
    void garbageGivesOneErrorAndResyncs() {
        QFETCH(QByteArray, garbage);
        CtrlStreamParser parser;
        parser.feed(garbage + frame(kResponse));
        const auto items = parser.take();
        QVERIFY2(items.size() >= 2, qPrintable(QString::number(items.size())));
        QVERIFY(std::holds_alternative<CtrlProtocolError>(items.front()));
        QVERIFY(!std::get<CtrlProtocolError>(items.front()).message.isEmpty());
        QVERIFY(std::holds_alternative<CtrlResponse>(items.back()));
        QCOMPARE(as<CtrlResponse>(items.back()).token, QStringLiteral("t-2"));
    }

    void validFrameWithBadJson() {
        CtrlStreamParser parser;
        parser.feed(frame("{not json") + frame("[1,2]") + frame(kNoKind) + frame(kEvent));
        const auto items = parser.take();
        QCOMPARE(items.size(), size_t(4));
        for (int i = 0; i < 3; ++i) {
            QVERIFY(std::holds_alternative<CtrlProtocolError>(items.at(i)));
        }
        QVERIFY(std::holds_alternative<CtrlEvent>(items.at(3)));
    }

    void emptyEventTypeIsAnError() {
        const CtrlItem item = parseCtrlPayload(kBareEvent);
        QVERIFY(std::holds_alternative<CtrlProtocolError>(item));
    }

    void randomBytesNeverCrashAndMemoryIsBounded() {
        CtrlStreamParser parser;
        QRandomGenerator random(42);
        for (int round = 0; round < 2000; ++round) {
            QByteArray chunk(random.bounded(1, 300), Qt::Uninitialized);
            for (char &c : chunk) {
                c = static_cast<char>(random.bounded(256));
            }
            if (round % 7 == 0) {
                chunk += frame(kEvent);
            }
            parser.feed(chunk);
            parser.take();
            QVERIFY(parser.buffered() <= CtrlStreamParser::kMaxFrame + 16);
        }
        // Still usable afterwards: the random tail may announce a frame of up to 1 MiB that
        // swallows what follows, but clean frames come through once it is complete.
        bool gotResponse = false;
        for (int i = 0; i < 20000 && !gotResponse; ++i) {
            parser.feed(frame(kResponse));
            for (const CtrlItem &item : parser.take()) {
                gotResponse = gotResponse || std::holds_alternative<CtrlResponse>(item);
            }
        }
        QVERIFY(gotResponse);
    }
};

QTEST_GUILESS_MAIN(CtrlProtocolTest)
#include "tst_engine_ctrl_protocol.moc"
