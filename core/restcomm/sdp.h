#pragma once
// SDP (RFC 4566) parsing and the rewrite that anchors a call's media at our RTP relay.
// Pure: no I/O, no libre. Malformed input gives a readable error, never a crash (fuzz-safe).
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <optional>

namespace mrc {

// RFC 3264 §5.1 / §6.1 direction attributes.
enum class MediaDirection { SendRecv, SendOnly, RecvOnly, Inactive };

// "sendrecv", "sendonly", "recvonly", "inactive".
QByteArray directionAttribute(MediaDirection direction);
// What an answerer puts in its answer to an offer with `offerDirection` (RFC 3264 §6.1):
// sendonly -> recvonly, recvonly -> sendonly, inactive -> inactive, sendrecv -> sendrecv.
MediaDirection answerDirection(MediaDirection offerDirection);

struct SdpRtpMap {
    int payloadType = -1;
    QString encoding;  // as written, e.g. "PCMU", "telephone-event"
    int clockRate = 0;
    int channels = 1;
};

struct SdpMedia {
    QString type;               // "audio", "video", ...
    quint16 port = 0;           // 0 = stream rejected/disabled
    QString proto;              // "RTP/AVP", ...
    QList<QByteArray> formats;  // m= format tokens in offer order (payload types for RTP)
    QList<SdpRtpMap> rtpMaps;
    QList<QPair<int, QByteArray>> fmtps;      // payload type -> format parameters
    QString connectionAddress;                // media-level c= address; empty when absent
    std::optional<MediaDirection> direction;  // media-level attribute, when present
    int ptimeMs = 0;                          // 0 = absent
    quint16 rtcpPort = 0;  // a=rtcp port; 0 = absent (RTCP then goes to port + 1)
    QString rtcpAddress;   // a=rtcp address when given

    QList<int> payloadTypes() const;  // numeric formats only, in order
    // The rtpmap of `payloadType`, falling back to the RFC 3551 static table for 0 and 8.
    std::optional<SdpRtpMap> rtpMap(int payloadType) const;
    QByteArray fmtp(int payloadType) const;  // empty when none
};

struct Sdp {
    QString originUser;
    QString originSessionId;
    QString originVersion;
    QString originAddress;
    QString sessionName;
    QString connectionAddress;                // session-level c= address; empty when absent
    std::optional<MediaDirection> direction;  // session-level attribute, when present
    QList<SdpMedia> media;

    // The first audio stream with a non-zero port and an RTP/AVP-family profile; null if none.
    const SdpMedia *activeAudio() const;
};

// Parses an offer or answer. nullopt + `*error` ("line 4: m= port 'x' is not a number") on
// malformed input or when there is no m= line at all.
std::optional<Sdp> parseSdp(const QByteArray &text, QString *error = nullptr);

struct RtpEndpoint {
    QString address;  // as written in c= (IPv4/IPv6 literal or host name)
    quint16 rtpPort = 0;
    quint16 rtcpPort = 0;  // a=rtcp, else rtpPort + 1
};

// Where the peer wants to receive audio: the active audio stream's port with its media-level
// c= (else session-level c=). nullopt when there is no active audio stream or no c= for it.
std::optional<RtpEndpoint> remoteRtpEndpoint(const Sdp &sdp);
// First of PCMU (0) / PCMA (8) in the active audio stream's order; -1 when neither is offered.
int firstG711PayloadType(const Sdp &sdp);
// Effective direction of the active audio stream: media attribute, else session attribute,
// else sendonly for the legacy RFC 2543 hold (c=0.0.0.0), else sendrecv.
MediaDirection audioDirection(const Sdp &sdp);

// Our own SDP for a leg anchored at relayIp:relayPort, built from the peer's `sdp`:
// the active audio stream keeps only PCMU(0), PCMA(8) and telephone-event (its dynamic payload
// type and fmtp), in the peer's order, plus its ptime and direction; every other m= line is
// kept in place with port 0 (declined, RFC 3264 §6). o= carries sessionId/version (bump the
// version on each new offer in the same dialog). Returns an empty array and `*error` when the
// peer offers no G.711 codec (the caller answers 488) or has no active audio stream.
QByteArray rewriteForRelay(const Sdp &sdp, const QString &relayIp, quint16 relayPort,
                           quint64 sessionId, quint32 version, QString *error = nullptr);
// Same as rewriteForRelay but for answering `offer` ourselves (e.g. a hold re-INVITE while
// the other leg is detached): the direction is answerDirection(audioDirection(offer)).
QByteArray answerForRelay(const Sdp &offer, const QString &relayIp, quint16 relayPort,
                          quint64 sessionId, quint32 version, QString *error = nullptr);

}  // namespace mrc
