#pragma once
// The RTP relay that anchors every bridged call's media (architecture rule 5: no transcoding).
// Each call leg owns an RTP/RTCP port pair on the relay; bridging two legs forwards what one
// leg's phone sends to the other leg's phone. Re-pairing a leg (blind transfer) is bridge()
// again: no re-INVITE. A leg can be fed a generated ringback tone while it waits.
//
// Runs on the libre thread only (every method, the constructor and the destructor): libre
// sockets and timers are not thread-safe. Header free of <re.h> on purpose.
#include "restcomm/tone.h"

#include <QString>
#include <memory>
#include <unordered_map>
#include <vector>

namespace mrc {

class EventSink;

using LegId = quint32;
inline constexpr LegId kNoLeg = 0;

struct LegStats {
    quint64 packetsIn = 0;   // RTP + RTCP datagrams received from this leg's phone
    quint64 packetsOut = 0;  // RTP + RTCP datagrams sent to this leg's phone (incl. ringback)
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;
    quint64 packetsDropped = 0;  // received but not forwarded (no peer, or peer has no address)
    QString lastRemote;          // "ip:port" of the last datagram received; empty before any
};

class MediaRelay {
  public:
    // relayIp is bound and advertised in SDP. Legs take even ports p in [portLow, portHigh]
    // with p + 1 <= portHigh (RTP on p, RTCP on p + 1). `events` may be null.
    MediaRelay(const QString &relayIp, quint16 portLow, quint16 portHigh,
               EventSink *events = nullptr);
    ~MediaRelay();
    MediaRelay(const MediaRelay &) = delete;
    MediaRelay &operator=(const MediaRelay &) = delete;

    const QString &relayIp() const { return relayIp_; }

    // Binds the next free RTP/RTCP pair. kNoLeg and `*error` when the range is exhausted.
    LegId allocateLeg(QString *error = nullptr);
    quint16 localPort(LegId leg) const;  // RTP port; 0 for an unknown leg
    // Where the leg's phone said (in SDP) it receives. rtcpPort 0 means rtpPort + 1. Resets
    // symmetric-RTP learning: the source of the next datagram received wins over this address.
    // False (and `*error`) for an unknown leg or an address that is not an IP literal.
    bool setRemote(LegId leg, const QString &ip, quint16 rtpPort, quint16 rtcpPort = 0,
                   QString *error = nullptr);
    // Pairs a with b (RTP and RTCP both ways). Any earlier partner of a or b is left unpaired;
    // ringback on a or b stops. False when either leg is unknown or a == b.
    bool bridge(LegId a, LegId b);
    void unbridge(LegId leg);     // unpairs the leg and its partner
    LegId peer(LegId leg) const;  // kNoLeg when unpaired or unknown

    // Plays ringback (payloadType 0 = PCMU or 8 = PCMA) into the leg every 20 ms with its own
    // SSRC/sequence/timestamp, until stopRingback or bridge. While it plays, media from a
    // partner is dropped rather than mixed. False for an unknown leg or another payload type.
    bool startRingback(LegId leg, int payloadType);
    void stopRingback(LegId leg);
    bool isRingbackPlaying(LegId leg) const;
    void setRingbackPattern(const RingbackPattern &pattern) { ringbackPattern_ = pattern; }

    void releaseLeg(LegId leg);       // unbridges, stops ringback, closes the ports
    LegStats stats(LegId leg) const;  // zeros for an unknown leg
    int legCount() const { return static_cast<int>(legs_.size()); }

  private:
    struct Leg;
    struct Ringback;
    friend struct MediaRelayCallbacks;

    Leg *find(LegId leg) const;
    void forward(Leg &from, bool rtcp, const void *source, void *datagram);
    void publish(const char *event, LegId leg, LegId other = kNoLeg);

    QString relayIp_;
    quint16 firstPort_;  // first even port of the range
    int pairCount_;      // RTP/RTCP pairs in the range
    int nextPair_ = 0;   // round-robin start, so a just-released port is not reused at once
    std::vector<bool> pairInUse_;
    EventSink *events_;
    RingbackPattern ringbackPattern_ = RingbackPattern::northAmerica();
    LegId nextLegId_ = 1;
    std::unordered_map<LegId, std::unique_ptr<Leg>> legs_;
};

}  // namespace mrc
