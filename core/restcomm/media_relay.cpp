#include "restcomm/media_relay.h"

#include "restcomm/event_sink.h"

#include <QJsonObject>
#include <array>
#include <cstring>
#include <limits>

#include <arpa/inet.h>

#include <re.h>

namespace mrc {

namespace {

struct MemDeref {
    void operator()(void *object) const { mem_deref(object); }
};
using UdpSocketPtr = std::unique_ptr<udp_sock, MemDeref>;
using MbufPtr = std::unique_ptr<mbuf, MemDeref>;

constexpr size_t kRtpHeaderBytes = 12;
// Largest datagram we relay; G.711 at 20 ms is 172 bytes, this leaves room for any ptime.
constexpr size_t kReceiveBufferBytes = 2048;
// If the ringback timer falls further behind than this, restart pacing instead of bursting.
constexpr uint64_t kMaxRingbackLagMs = 200;

QString formatAddress(const sa &address) {
    if (!sa_isset(&address, SA_ALL)) {
        return {};
    }
    char host[64] = {};
    sa_ntop(&address, host, sizeof host);
    const QString ip = QString::fromLatin1(host);
    const QString port = QString::number(sa_port(&address));
    return sa_af(&address) == AF_INET6 ? QStringLiteral("[%1]:%2").arg(ip, port)
                                       : ip + QLatin1Char(':') + port;
}

// Where one socket's phone receives, as signalled in SDP and as learned from its packets.
struct Endpoint {
    sa signalled{};
    sa learned{};
    bool hasSignalled = false;
    bool hasLearned = false;

    const sa *destination() const {
        return hasLearned ? &learned : (hasSignalled ? &signalled : nullptr);
    }
};

}  // namespace

struct MediaRelay::Ringback {
    Ringback(Leg &owner, G711Law law, const RingbackPattern &pattern, int pt)
        : leg(owner), tone(law, pattern), payloadType(static_cast<uint8_t>(pt)) {
        tmr_init(&timer);
    }
    ~Ringback() { tmr_cancel(&timer); }
    Ringback(const Ringback &) = delete;
    Ringback &operator=(const Ringback &) = delete;

    Leg &leg;
    RingbackTone tone;
    tmr timer{};
    MbufPtr packet{mbuf_alloc(kRtpHeaderBytes + RingbackTone::kFrameSamples)};
    uint64_t startJiffies = tmr_jiffies();
    uint64_t frameIndex = 0;
    uint32_t ssrc = rand_u32();
    uint32_t timestamp = rand_u32();  // random initial values (RFC 3550 §5.1)
    uint16_t sequence = rand_u16();
    uint8_t payloadType;
};

// Per-leg state is kept small on purpose: per-call memory is benchmarked.
struct MediaRelay::Leg {
    Leg(MediaRelay &owner, LegId legId, int pair, quint16 rtpPort)
        : relay(owner), id(legId), pairIndex(pair), port(rtpPort) {}

    MediaRelay &relay;
    LegId id;
    int pairIndex;
    quint16 port;
    LegId peer = kNoLeg;
    UdpSocketPtr rtpSocket;
    UdpSocketPtr rtcpSocket;
    Endpoint rtp;
    Endpoint rtcp;
    sa lastSource{};
    LegStats counters;  // lastRemote is filled from lastSource on demand
    std::unique_ptr<Ringback> ringback;
};

// C callbacks of libre; friends of MediaRelay.
struct MediaRelayCallbacks {
    static void onRtp(const sa *source, mbuf *datagram, void *arg) {
        auto *leg = static_cast<MediaRelay::Leg *>(arg);
        leg->relay.forward(*leg, false, source, datagram);
    }
    static void onRtcp(const sa *source, mbuf *datagram, void *arg) {
        auto *leg = static_cast<MediaRelay::Leg *>(arg);
        leg->relay.forward(*leg, true, source, datagram);
    }
    static void onRingbackTick(void *arg) {
        auto *ringback = static_cast<MediaRelay::Ringback *>(arg);
        MediaRelay::Leg &leg = ringback->leg;
        mbuf *packet = ringback->packet.get();
        mbuf_rewind(packet);
        const bool firstPacket = ringback->frameIndex == 0;
        mbuf_write_u8(packet, 0x80);  // RTP version 2, no padding/extension/CSRC
        mbuf_write_u8(packet, static_cast<uint8_t>((firstPacket ? 0x80 : 0) |
                                                   ringback->payloadType));  // marker: talkspurt
        mbuf_write_u16(packet, htons(ringback->sequence));
        mbuf_write_u32(packet, htonl(ringback->timestamp));
        mbuf_write_u32(packet, htonl(ringback->ssrc));
        std::array<quint8, RingbackTone::kFrameSamples> payload{};
        ringback->tone.writeFrame(ringback->frameIndex, payload);
        mbuf_write_mem(packet, payload.data(), payload.size());
        mbuf_set_pos(packet, 0);
        if (const sa *destination = leg.rtp.destination()) {
            if (udp_send(leg.rtpSocket.get(), destination, packet) == 0) {
                ++leg.counters.packetsOut;
                leg.counters.bytesOut += mbuf_get_left(packet);
            }
        }
        ++ringback->sequence;
        ringback->timestamp += RingbackTone::kFrameSamples;
        ++ringback->frameIndex;

        // Pace against the start time rather than re-arming 20 ms after each tick, so timer
        // latency does not accumulate into a slow stream.
        const uint64_t now = tmr_jiffies();
        uint64_t due = ringback->startJiffies + ringback->frameIndex * RingbackTone::kFrameMs;
        if (now > due + kMaxRingbackLagMs) {
            ringback->startJiffies = now - ringback->frameIndex * RingbackTone::kFrameMs;
            due = now;
        }
        tmr_start(&ringback->timer, due > now ? due - now : 0, onRingbackTick, ringback);
    }
};

MediaRelay::MediaRelay(const QString &relayIp, quint16 portLow, quint16 portHigh, EventSink *events)
    : relayIp_(relayIp),
      firstPort_(static_cast<quint16>(portLow + (portLow % 2))),
      pairCount_(portHigh > firstPort_ ? (portHigh - firstPort_ + 1) / 2 : 0),
      pairInUse_(static_cast<size_t>(pairCount_), false),
      events_(events) {}

MediaRelay::~MediaRelay() = default;

MediaRelay::Leg *MediaRelay::find(LegId leg) const {
    const auto it = legs_.find(leg);
    return it == legs_.end() ? nullptr : it->second.get();
}

void MediaRelay::publish(const char *event, LegId leg, LegId other) {
    if (!events_) {
        return;
    }
    QJsonObject object{{QStringLiteral("type"), QStringLiteral("media")},
                       {QStringLiteral("event"), QString::fromLatin1(event)},
                       {QStringLiteral("leg"), qint64(leg)}};
    if (const Leg *found = find(leg)) {
        object.insert(QStringLiteral("port"), found->port);
    }
    if (other != kNoLeg) {
        object.insert(QStringLiteral("otherLeg"), qint64(other));
    }
    events_->publish(object);
}

LegId MediaRelay::allocateLeg(QString *error) {
    const QByteArray ip = relayIp_.toUtf8();
    int lastErrno = 0;
    for (int attempt = 0; attempt < pairCount_; ++attempt) {
        const int pairIndex = (nextPair_ + attempt) % pairCount_;
        if (pairInUse_[pairIndex]) {
            continue;
        }
        const auto port = static_cast<quint16>(firstPort_ + 2 * pairIndex);
        sa rtpAddress{};
        sa rtcpAddress{};
        if (sa_set_str(&rtpAddress, ip.constData(), port) != 0 ||
            sa_set_str(&rtcpAddress, ip.constData(), static_cast<uint16_t>(port + 1)) != 0) {
            if (error) {
                *error = QStringLiteral("relay address '%1' is not an IP address").arg(relayIp_);
            }
            return kNoLeg;
        }
        auto leg = std::make_unique<Leg>(*this, nextLegId_, pairIndex, port);
        udp_sock *rtp = nullptr;
        udp_sock *rtcp = nullptr;
        lastErrno = udp_listen(&rtp, &rtpAddress, MediaRelayCallbacks::onRtp, leg.get());
        leg->rtpSocket.reset(rtp);
        if (lastErrno == 0) {
            lastErrno = udp_listen(&rtcp, &rtcpAddress, MediaRelayCallbacks::onRtcp, leg.get());
            leg->rtcpSocket.reset(rtcp);
        }
        if (lastErrno != 0) {
            continue;  // taken by another process; try the next pair
        }
        udp_rxsz_set(leg->rtpSocket.get(), kReceiveBufferBytes);
        udp_rxsz_set(leg->rtcpSocket.get(), kReceiveBufferBytes);
        pairInUse_[pairIndex] = true;
        nextPair_ = (pairIndex + 1) % pairCount_;
        const LegId id = nextLegId_;
        nextLegId_ = nextLegId_ == std::numeric_limits<LegId>::max() ? 1 : nextLegId_ + 1;
        legs_.emplace(id, std::move(leg));
        publish("leg-allocated", id);
        return id;
    }
    const QString message =
        QStringLiteral(
            "no free RTP port pair in %1-%2 on %3 (%4 legs in use%5); widen the RTP "
            "port range")
            .arg(firstPort_)
            .arg(firstPort_ + 2 * pairCount_ - 1)
            .arg(relayIp_)
            .arg(legs_.size())
            .arg(lastErrno ? QStringLiteral(", last bind error: %1")
                                 .arg(QString::fromLocal8Bit(strerror(lastErrno)))
                           : QString());
    if (error) {
        *error = message;
    }
    if (events_) {
        events_->publish({{QStringLiteral("type"), QStringLiteral("warning")},
                          {QStringLiteral("message"), message}});
    }
    return kNoLeg;
}

quint16 MediaRelay::localPort(LegId leg) const {
    const Leg *found = find(leg);
    return found ? found->port : 0;
}

bool MediaRelay::setRemote(LegId leg, const QString &ip, quint16 rtpPort, quint16 rtcpPort,
                           QString *error) {
    Leg *found = find(leg);
    if (!found) {
        if (error) {
            *error = QStringLiteral("unknown media leg %1").arg(leg);
        }
        return false;
    }
    const QByteArray address = ip.toUtf8();
    sa rtp{};
    sa rtcp{};
    const quint16 effectiveRtcpPort = rtcpPort != 0 ? rtcpPort : static_cast<quint16>(rtpPort + 1);
    if (sa_set_str(&rtp, address.constData(), rtpPort) != 0 ||
        sa_set_str(&rtcp, address.constData(), effectiveRtcpPort) != 0) {
        if (error) {
            *error = QStringLiteral("media address '%1' is not an IP address").arg(ip);
        }
        return false;
    }
    // A port of 0 (declined stream) or 0.0.0.0 (RFC 2543 hold) means "send nothing there".
    const bool usable = rtpPort != 0 && !sa_is_any(&rtp);
    found->rtp = Endpoint{rtp, {}, usable, false};
    found->rtcp = Endpoint{rtcp, {}, usable, false};
    return true;
}

bool MediaRelay::bridge(LegId a, LegId b) {
    Leg *legA = find(a);
    Leg *legB = find(b);
    if (!legA || !legB || a == b) {
        return false;
    }
    if (legA->peer != b) {
        unbridge(a);
        unbridge(b);
    }
    legA->peer = b;
    legB->peer = a;
    legA->ringback.reset();
    legB->ringback.reset();
    publish("bridged", a, b);
    return true;
}

void MediaRelay::unbridge(LegId leg) {
    Leg *found = find(leg);
    if (!found || found->peer == kNoLeg) {
        return;
    }
    const LegId other = found->peer;
    if (Leg *otherLeg = find(other)) {
        otherLeg->peer = kNoLeg;
    }
    found->peer = kNoLeg;
    publish("unbridged", leg, other);
}

LegId MediaRelay::peer(LegId leg) const {
    const Leg *found = find(leg);
    return found ? found->peer : kNoLeg;
}

bool MediaRelay::startRingback(LegId leg, int payloadType) {
    Leg *found = find(leg);
    if (!found || (payloadType != 0 && payloadType != 8)) {
        return false;
    }
    if (found->ringback && found->ringback->payloadType == payloadType) {
        return true;  // already playing; keep its RTP stream continuous
    }
    const G711Law law = payloadType == 0 ? G711Law::MuLaw : G711Law::ALaw;
    found->ringback = std::make_unique<Ringback>(*found, law, ringbackPattern_, payloadType);
    tmr_start(&found->ringback->timer, 0, MediaRelayCallbacks::onRingbackTick,
              found->ringback.get());
    publish("ringback-started", leg);
    return true;
}

void MediaRelay::stopRingback(LegId leg) {
    Leg *found = find(leg);
    if (found && found->ringback) {
        found->ringback.reset();
        publish("ringback-stopped", leg);
    }
}

bool MediaRelay::isRingbackPlaying(LegId leg) const {
    const Leg *found = find(leg);
    return found && found->ringback;
}

void MediaRelay::releaseLeg(LegId leg) {
    Leg *found = find(leg);
    if (!found) {
        return;
    }
    unbridge(leg);
    publish("leg-released", leg);
    pairInUse_[found->pairIndex] = false;
    legs_.erase(leg);
}

LegStats MediaRelay::stats(LegId leg) const {
    const Leg *found = find(leg);
    if (!found) {
        return {};
    }
    LegStats out = found->counters;
    out.lastRemote = formatAddress(found->lastSource);
    return out;
}

void MediaRelay::forward(Leg &from, bool rtcp, const void *sourceAddress, void *datagramBuffer) {
    const sa &source = *static_cast<const sa *>(sourceAddress);
    mbuf *datagram = static_cast<mbuf *>(datagramBuffer);
    const size_t bytes = mbuf_get_left(datagram);
    ++from.counters.packetsIn;
    from.counters.bytesIn += bytes;
    from.lastSource = source;

    // Symmetric RTP (RFC 4961): the phone's real source beats its SDP (NAT, wrong c= line).
    Endpoint &fromEndpoint = rtcp ? from.rtcp : from.rtp;
    if (!fromEndpoint.hasLearned) {
        fromEndpoint.learned = source;
        fromEndpoint.hasLearned = true;
        if (!rtcp) {
            publish("remote-learned", from.id);
        }
    }

    Leg *to = find(from.peer);
    const sa *destination = to ? (rtcp ? to->rtcp : to->rtp).destination() : nullptr;
    if (!to || to->ringback || !destination) {
        ++from.counters.packetsDropped;
        return;
    }
    udp_sock *socket = rtcp ? to->rtcpSocket.get() : to->rtpSocket.get();
    if (udp_send(socket, destination, datagram) == 0) {
        ++to->counters.packetsOut;
        to->counters.bytesOut += bytes;
    } else {
        ++from.counters.packetsDropped;
    }
}

}  // namespace mrc
