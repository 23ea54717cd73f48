// MediaRelay against real UDP "phones" on 127.0.0.1, all driven by one libre loop in this
// thread (like mini-restcomm): RTP/RTCP both ways through a bridged pair, symmetric RTP,
// re-pairing a leg without signalling, ringback pacing/content, port exhaustion.
#include "restcomm/event_sink.h"
#include "restcomm/media_relay.h"

#include <QJsonObject>
#include <QTest>
#include <functional>
#include <memory>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <re.h>

using namespace mrc;

namespace {

struct MemDeref {
    void operator()(void *object) const { mem_deref(object); }
};

struct CollectingSink : EventSink {
    void publish(QJsonObject event) override { events.append(event); }
    QList<QJsonObject> events;
};

// Runs the libre loop until `done()` holds or `timeoutMs` passes; returns done().
bool runUntil(const std::function<bool()> &done, uint64_t timeoutMs) {
    struct Waiter {
        const std::function<bool()> &done;
        uint64_t deadline;
        tmr timer{};
        static void check(void *arg) {
            auto *self = static_cast<Waiter *>(arg);
            if (self->done() || tmr_jiffies() >= self->deadline) {
                re_cancel();
                return;
            }
            tmr_start(&self->timer, 2, check, self);
        }
    } waiter{done, tmr_jiffies() + timeoutMs};
    tmr_init(&waiter.timer);
    tmr_start(&waiter.timer, 0, Waiter::check, &waiter);
    re_main(nullptr);
    tmr_cancel(&waiter.timer);
    return done();
}

void runFor(uint64_t ms) {
    runUntil([] { return false; }, ms);
}

bool canBind(quint16 port) {
    const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    return ok;
}

// An even port p with p .. p + 2*pairs - 1 all free now, below the kernel's ephemeral range
// (so the phones' port-0 sockets never land inside the relay's range).
quint16 findFreeRange(int pairs) {
    for (int base = 20000 + int(getpid() % 400) * 20; base < 32000; base += 2 * pairs) {
        bool free = true;
        for (int port = base; port < base + 2 * pairs && free; ++port) {
            free = canBind(quint16(port));
        }
        if (free) {
            return quint16(base);
        }
    }
    qFatal("no free port range below 32000");
}

struct Datagram {
    QByteArray bytes;
    quint16 sourcePort;
    uint64_t arrivedMs;
};

// A test phone: an RTP and an RTCP socket on 127.0.0.1 (kernel-chosen ports) recording
// everything it receives.
class Phone {
  public:
    Phone() {
        rtp_ = bind(&Phone::onRtp);
        rtcp_ = bind(&Phone::onRtcp);
    }
    quint16 rtpPort() const { return portOf(rtp_.get()); }
    quint16 rtcpPort() const { return portOf(rtcp_.get()); }
    void sendRtp(quint16 toPort, const QByteArray &bytes) { send(rtp_.get(), toPort, bytes); }
    void sendRtcp(quint16 toPort, const QByteArray &bytes) { send(rtcp_.get(), toPort, bytes); }

    std::vector<Datagram> rtpReceived;
    std::vector<Datagram> rtcpReceived;

  private:
    using Socket = std::unique_ptr<udp_sock, MemDeref>;

    Socket bind(udp_recv_h *handler) {
        sa local{};
        sa_set_str(&local, "127.0.0.1", 0);
        udp_sock *socket = nullptr;
        if (udp_listen(&socket, &local, handler, this) != 0) {
            qFatal("phone cannot bind");
        }
        return Socket(socket);
    }
    static quint16 portOf(udp_sock *socket) {
        sa local{};
        udp_local_get(socket, &local);
        return sa_port(&local);
    }
    static void send(udp_sock *socket, quint16 toPort, const QByteArray &bytes) {
        sa destination{};
        sa_set_str(&destination, "127.0.0.1", toPort);
        std::unique_ptr<mbuf, MemDeref> packet(mbuf_alloc(size_t(bytes.size())));
        mbuf_write_mem(packet.get(), reinterpret_cast<const uint8_t *>(bytes.constData()),
                       size_t(bytes.size()));
        mbuf_set_pos(packet.get(), 0);
        QCOMPARE(udp_send(socket, &destination, packet.get()), 0);
    }
    static Datagram datagram(const sa *source, mbuf *packet) {
        return {QByteArray(reinterpret_cast<const char *>(mbuf_buf(packet)),
                           qsizetype(mbuf_get_left(packet))),
                sa_port(source), tmr_jiffies()};
    }
    static void onRtp(const sa *source, mbuf *packet, void *arg) {
        static_cast<Phone *>(arg)->rtpReceived.push_back(datagram(source, packet));
    }
    static void onRtcp(const sa *source, mbuf *packet, void *arg) {
        static_cast<Phone *>(arg)->rtcpReceived.push_back(datagram(source, packet));
    }

    Socket rtp_;
    Socket rtcp_;
};

// A minimal RTP packet (12-byte header + payload) so the relay sees realistic datagrams.
QByteArray rtpPacket(quint16 sequence, const QByteArray &payload) {
    QByteArray packet(12, '\0');
    packet[0] = char(0x80);
    packet[1] = 0;  // PCMU
    packet[2] = char(sequence >> 8);
    packet[3] = char(sequence & 0xFF);
    return packet + payload;
}

struct RtpHeader {
    bool marker;
    int payloadType;
    quint16 sequence;
    quint32 timestamp;
    quint32 ssrc;
};

RtpHeader parseHeader(const QByteArray &packet) {
    const auto byte = [&](int i) { return quint32(quint8(packet[i])); };
    return {(byte(1) & 0x80) != 0, int(byte(1) & 0x7F), quint16(byte(2) << 8 | byte(3)),
            byte(4) << 24 | byte(5) << 16 | byte(6) << 8 | byte(7),
            byte(8) << 24 | byte(9) << 16 | byte(10) << 8 | byte(11)};
}

}  // namespace

class TestMediaRelay : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() { QCOMPARE(libre_init(), 0); }
    void cleanupTestCase() { libre_close(); }

    void bridgedPairRelaysRtpAndRtcpBothWays() {
        const quint16 base = findFreeRange(4);
        CollectingSink sink;
        MediaRelay relay(QStringLiteral("127.0.0.1"), base, quint16(base + 7), &sink);
        QString error;
        const LegId legA = relay.allocateLeg(&error);
        const LegId legB = relay.allocateLeg(&error);
        QVERIFY2(legA != kNoLeg && legB != kNoLeg, qPrintable(error));
        QCOMPARE(relay.localPort(legA), base);
        QCOMPARE(relay.localPort(legB), quint16(base + 2));
        Phone alice;
        Phone bob;
        QVERIFY(
            relay.setRemote(legA, QStringLiteral("127.0.0.1"), alice.rtpPort(), alice.rtcpPort()));
        QVERIFY(relay.setRemote(legB, QStringLiteral("127.0.0.1"), bob.rtpPort(), bob.rtcpPort()));
        QVERIFY(relay.bridge(legA, legB));
        QCOMPARE(relay.peer(legA), legB);
        QCOMPARE(relay.peer(legB), legA);

        QList<QByteArray> fromAlice;
        QList<QByteArray> fromBob;
        for (quint16 i = 0; i < 5; ++i) {
            fromAlice.append(rtpPacket(i, QByteArray(160, char('a' + i))));
            fromBob.append(rtpPacket(quint16(100 + i), QByteArray(160, char('A' + i))));
            alice.sendRtp(relay.localPort(legA), fromAlice.last());
            bob.sendRtp(relay.localPort(legB), fromBob.last());
        }
        alice.sendRtcp(quint16(relay.localPort(legA) + 1), "alice-rtcp-report");
        bob.sendRtcp(quint16(relay.localPort(legB) + 1), "bob-rtcp-report");
        QVERIFY(runUntil(
            [&] {
                return bob.rtpReceived.size() == 5 && alice.rtpReceived.size() == 5 &&
                       bob.rtcpReceived.size() == 1 && alice.rtcpReceived.size() == 1;
            },
            3000));

        for (int i = 0; i < 5; ++i) {
            QCOMPARE(bob.rtpReceived[i].bytes, fromAlice[i]);
            QCOMPARE(alice.rtpReceived[i].bytes, fromBob[i]);
            // Symmetric: each phone hears the relay from the port in its own SDP answer.
            QCOMPARE(bob.rtpReceived[i].sourcePort, relay.localPort(legB));
            QCOMPARE(alice.rtpReceived[i].sourcePort, relay.localPort(legA));
        }
        QCOMPARE(bob.rtcpReceived[0].bytes, QByteArray("alice-rtcp-report"));
        QCOMPARE(bob.rtcpReceived[0].sourcePort, quint16(relay.localPort(legB) + 1));
        QCOMPARE(alice.rtcpReceived[0].bytes, QByteArray("bob-rtcp-report"));

        const LegStats a = relay.stats(legA);
        const LegStats b = relay.stats(legB);
        const quint64 rtpBytes = 5 * 172;
        QCOMPARE(a.packetsIn, quint64(6));
        QCOMPARE(a.bytesIn, rtpBytes + 17);
        QCOMPARE(a.packetsOut, quint64(6));
        QCOMPARE(a.bytesOut, rtpBytes + 15);
        QCOMPARE(b.packetsIn, quint64(6));
        QCOMPARE(b.packetsOut, quint64(6));
        QCOMPARE(b.bytesOut, rtpBytes + 17);
        QCOMPARE(a.packetsDropped, quint64(0));
        QVERIFY2(a.lastRemote == QStringLiteral("127.0.0.1:%1").arg(alice.rtcpPort()) ||
                     a.lastRemote == QStringLiteral("127.0.0.1:%1").arg(alice.rtpPort()),
                 qPrintable(a.lastRemote));

        bool sawBridged = false;
        for (const QJsonObject &event : sink.events) {
            sawBridged |=
                event.value(QStringLiteral("event")).toString() == QLatin1String("bridged");
        }
        QVERIFY(sawBridged);
    }

    // The phone's real source wins over a wrong SDP address (NAT): learned from its first packet.
    void symmetricRtpPrefersTheLearnedSource() {
        const quint16 base = findFreeRange(2);
        MediaRelay relay(QStringLiteral("127.0.0.1"), base, quint16(base + 3));
        const LegId legA = relay.allocateLeg();
        const LegId legB = relay.allocateLeg();
        Phone alice;
        Phone bob;
        QVERIFY(relay.setRemote(legA, QStringLiteral("127.0.0.1"), alice.rtpPort()));
        // Bob's SDP names a port nobody listens on.
        QVERIFY(relay.setRemote(legB, QStringLiteral("127.0.0.1"), 9));
        QVERIFY(relay.bridge(legA, legB));

        bob.sendRtp(relay.localPort(legB), rtpPacket(1, "hello from bob"));
        QVERIFY(runUntil([&] { return alice.rtpReceived.size() == 1; }, 3000));
        alice.sendRtp(relay.localPort(legA), rtpPacket(2, "hello from alice"));
        QVERIFY(runUntil([&] { return bob.rtpReceived.size() == 1; }, 3000));
        QCOMPARE(bob.rtpReceived[0].bytes, rtpPacket(2, "hello from alice"));
        QCOMPARE(relay.stats(legB).lastRemote, QStringLiteral("127.0.0.1:%1").arg(bob.rtpPort()));

        // A new SDP (re-INVITE) resets learning: the next packet's source is learned again.
        QVERIFY(relay.setRemote(legB, QStringLiteral("127.0.0.1"), 9));
        alice.sendRtp(relay.localPort(legA), rtpPacket(3, "to the SDP address"));
        runFor(100);
        QCOMPARE(bob.rtpReceived.size(), size_t(1));  // went to port 9, as signalled
    }

    void repairingMovesTheFlowWithoutSignalling() {
        const quint16 base = findFreeRange(3);
        MediaRelay relay(QStringLiteral("127.0.0.1"), base, quint16(base + 5));
        const LegId legA = relay.allocateLeg();
        const LegId legB = relay.allocateLeg();
        const LegId legC = relay.allocateLeg();
        QVERIFY(legC != kNoLeg);
        Phone alice;
        Phone bob;
        Phone carol;
        relay.setRemote(legA, QStringLiteral("127.0.0.1"), alice.rtpPort(), alice.rtcpPort());
        relay.setRemote(legB, QStringLiteral("127.0.0.1"), bob.rtpPort(), bob.rtcpPort());
        relay.setRemote(legC, QStringLiteral("127.0.0.1"), carol.rtpPort(), carol.rtcpPort());
        QVERIFY(relay.bridge(legA, legB));
        alice.sendRtp(relay.localPort(legA), rtpPacket(1, "before transfer"));
        QVERIFY(runUntil([&] { return bob.rtpReceived.size() == 1; }, 3000));

        // Blind transfer: Alice's leg is re-paired with Carol's; Bob's leg is left alone.
        QVERIFY(relay.bridge(legA, legC));
        QCOMPARE(relay.peer(legA), legC);
        QCOMPARE(relay.peer(legC), legA);
        QCOMPARE(relay.peer(legB), kNoLeg);
        alice.sendRtp(relay.localPort(legA), rtpPacket(2, "after transfer"));
        carol.sendRtp(relay.localPort(legC), rtpPacket(3, "carol speaking"));
        bob.sendRtp(relay.localPort(legB), rtpPacket(4, "bob still talking"));
        QVERIFY(runUntil(
            [&] { return carol.rtpReceived.size() == 1 && alice.rtpReceived.size() == 1; }, 3000));
        runFor(50);
        QCOMPARE(carol.rtpReceived[0].bytes, rtpPacket(2, "after transfer"));
        QCOMPARE(carol.rtpReceived[0].sourcePort, relay.localPort(legC));
        QCOMPARE(alice.rtpReceived.size(), size_t(1));
        QCOMPARE(alice.rtpReceived[0].bytes, rtpPacket(3, "carol speaking"));
        QCOMPARE(bob.rtpReceived.size(), size_t(1));             // nothing new for Bob
        QCOMPARE(relay.stats(legB).packetsDropped, quint64(1));  // Bob's packet has no peer

        relay.unbridge(legC);
        QCOMPARE(relay.peer(legA), kNoLeg);
        alice.sendRtp(relay.localPort(legA), rtpPacket(5, "into the void"));
        runFor(50);
        QCOMPARE(carol.rtpReceived.size(), size_t(1));
        QCOMPARE(relay.stats(legA).packetsDropped, quint64(1));
    }

    void ringback_data() {
        QTest::addColumn<int>("payloadType");
        QTest::newRow("PCMU") << 0;
        QTest::newRow("PCMA") << 8;
    }

    void ringback() {
        QFETCH(int, payloadType);
        const quint16 base = findFreeRange(2);
        CollectingSink sink;
        MediaRelay relay(QStringLiteral("127.0.0.1"), base, quint16(base + 3), &sink);
        const LegId legA = relay.allocateLeg();
        const LegId legB = relay.allocateLeg();
        Phone alice;
        Phone bob;
        relay.setRemote(legA, QStringLiteral("127.0.0.1"), alice.rtpPort());
        relay.setRemote(legB, QStringLiteral("127.0.0.1"), bob.rtpPort());
        QVERIFY(!relay.startRingback(legA, 9));  // G.722: we do not generate it
        QVERIFY(relay.startRingback(legA, payloadType));
        QVERIFY(relay.isRingbackPlaying(legA));

        // While Alice hears ringback, Bob's (early) media is not mixed into it.
        QVERIFY(relay.bridge(legA, legB));
        QVERIFY(!relay.isRingbackPlaying(legA));          // bridge() ends ringback ...
        QVERIFY(relay.startRingback(legA, payloadType));  // ... and it can be started again
        bob.sendRtp(relay.localPort(legB), rtpPacket(1, "early media"));

        QVERIFY(runUntil([&] { return alice.rtpReceived.size() >= 26; }, 3000));
        const std::vector<Datagram> packets = alice.rtpReceived;
        const RingbackTone tone(payloadType == 0 ? G711Law::MuLaw : G711Law::ALaw);
        const RtpHeader first = parseHeader(packets[0].bytes);
        QVERIFY(first.marker);
        for (size_t i = 0; i < packets.size(); ++i) {
            QCOMPARE(packets[i].bytes.size(), 12 + RingbackTone::kFrameSamples);
            QCOMPARE(packets[i].sourcePort, relay.localPort(legA));
            const RtpHeader header = parseHeader(packets[i].bytes);
            QCOMPARE(header.payloadType, payloadType);
            QCOMPARE(header.ssrc, first.ssrc);
            QCOMPARE(header.sequence, quint16(first.sequence + i));
            QCOMPARE(header.timestamp, quint32(first.timestamp + 160 * i));
            QCOMPARE(header.marker, i == 0);
            QCOMPARE(packets[i].bytes.mid(12), tone.frame(i));
        }
        // 20 ms pacing: 25 intervals take ~500 ms; no burst, no crawl.
        const uint64_t span = packets[25].arrivedMs - packets[0].arrivedMs;
        QVERIFY2(span >= 450 && span <= 600, qPrintable(QString::number(span)));
        for (size_t i = 1; i < 26; ++i) {
            const uint64_t gap = packets[i].arrivedMs - packets[i - 1].arrivedMs;
            QVERIFY2(gap <= 60, qPrintable(QStringLiteral("gap %1 at %2").arg(gap).arg(i)));
        }
        for (const Datagram &packet : packets) {
            QVERIFY(!packet.bytes.endsWith("early media"));
        }
        QCOMPARE(relay.stats(legB).packetsDropped, quint64(1));
        QVERIFY(relay.stats(legA).packetsOut >= 26);

        // Answer: bridging stops ringback, then media flows.
        QVERIFY(relay.bridge(legA, legB));
        QVERIFY(!relay.isRingbackPlaying(legA));
        runFor(30);
        const size_t afterBridge = alice.rtpReceived.size();
        bob.sendRtp(relay.localPort(legB), rtpPacket(2, "hello alice"));
        runFor(150);
        QCOMPARE(alice.rtpReceived.size(), afterBridge + 1);
        QCOMPARE(alice.rtpReceived.back().bytes, rtpPacket(2, "hello alice"));

        // stopRingback stops it too.
        relay.unbridge(legA);
        QVERIFY(relay.startRingback(legA, payloadType));
        QVERIFY(runUntil([&] { return alice.rtpReceived.size() >= afterBridge + 3; }, 1000));
        relay.stopRingback(legA);
        runFor(10);
        const size_t afterStop = alice.rtpReceived.size();
        runFor(100);
        QCOMPARE(alice.rtpReceived.size(), afterStop);
        // A restarted ringback starts a new talkspurt: marker bit set on its first packet.
        QVERIFY(parseHeader(alice.rtpReceived[afterBridge + 1].bytes).marker);
    }

    void exhaustedRangeIsReported() {
        const quint16 base = findFreeRange(2);
        CollectingSink sink;
        // An odd upper bound: base+4 alone cannot hold a pair, so only two pairs fit.
        MediaRelay relay(QStringLiteral("127.0.0.1"), base, quint16(base + 4), &sink);
        const LegId first = relay.allocateLeg();
        const LegId second = relay.allocateLeg();
        QVERIFY(first != kNoLeg && second != kNoLeg && first != second);
        QString error;
        QCOMPARE(relay.allocateLeg(&error), kNoLeg);
        QVERIFY2(error.contains(
                     QStringLiteral("no free RTP port pair in %1-%2").arg(base).arg(base + 3)),
                 qPrintable(error));
        QCOMPARE(relay.legCount(), 2);
        QVERIFY(!sink.events.isEmpty());
        QCOMPARE(sink.events.last().value(QStringLiteral("type")).toString(),
                 QStringLiteral("warning"));

        // Releasing frees the ports for the OS and for the next leg.
        const quint16 freedPort = relay.localPort(first);
        relay.releaseLeg(first);
        QCOMPARE(relay.localPort(first), quint16(0));
        QVERIFY(canBind(freedPort));
        QVERIFY(canBind(quint16(freedPort + 1)));
        const LegId third = relay.allocateLeg(&error);
        QVERIFY2(third != kNoLeg, qPrintable(error));
        QCOMPARE(relay.localPort(third), freedPort);
        QVERIFY(third != first);  // ids are not reused
    }

    void portsTakenByOthersAreSkipped() {
        const quint16 base = findFreeRange(3);
        MediaRelay first(QStringLiteral("127.0.0.1"), base, quint16(base + 5));
        MediaRelay second(QStringLiteral("127.0.0.1"), base, quint16(base + 5));
        const LegId a = first.allocateLeg();
        const LegId b = second.allocateLeg();
        QVERIFY(a != kNoLeg && b != kNoLeg);
        QCOMPARE(first.localPort(a), base);
        QCOMPARE(second.localPort(b), quint16(base + 2));  // base is taken by `first`
    }

    void unknownLegsAndBadInputAreRefused() {
        const quint16 base = findFreeRange(1);
        MediaRelay relay(QStringLiteral("127.0.0.1"), base, quint16(base + 1));
        const LegId leg = relay.allocateLeg();
        QVERIFY(leg != kNoLeg);
        QString error;
        QVERIFY(!relay.setRemote(leg, QStringLiteral("phone.example.com"), 4000, 0, &error));
        QVERIFY(error.contains(QStringLiteral("not an IP address")));
        QVERIFY(!relay.setRemote(leg + 100, QStringLiteral("127.0.0.1"), 4000, 0, &error));
        QVERIFY(!relay.bridge(leg, leg));
        QVERIFY(!relay.bridge(leg, leg + 100));
        QCOMPARE(relay.peer(leg), kNoLeg);
        QVERIFY(!relay.startRingback(leg + 100, 0));
        QCOMPARE(relay.localPort(leg + 100), quint16(0));
        QCOMPARE(relay.stats(leg + 100).packetsIn, quint64(0));
        relay.releaseLeg(leg + 100);  // no-op
        relay.unbridge(leg + 100);    // no-op

        MediaRelay badAddress(QStringLiteral("not-an-ip"), base, quint16(base + 1));
        QCOMPARE(badAddress.allocateLeg(&error), kNoLeg);
        QVERIFY(error.contains(QStringLiteral("not an IP address")));
    }

    // A ringback leg with no address yet (SDP not known) sends nothing and does not crash;
    // releasing a leg while its ringback timer is armed is safe.
    void ringbackWithoutRemoteAndReleaseWhilePlaying() {
        const quint16 base = findFreeRange(1);
        MediaRelay relay(QStringLiteral("127.0.0.1"), base, quint16(base + 1));
        const LegId leg = relay.allocateLeg();
        QVERIFY(relay.startRingback(leg, 8));
        runFor(60);
        QCOMPARE(relay.stats(leg).packetsOut, quint64(0));
        relay.releaseLeg(leg);
        runFor(60);
        QCOMPARE(relay.legCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMediaRelay)
#include "tst_media_relay.moc"
