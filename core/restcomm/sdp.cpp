#include "restcomm/sdp.h"

#include <QStringList>

namespace mrc {

namespace {

// An SDP body is a few hundred bytes; anything far larger is garbage or an attack.
constexpr qsizetype kMaxSdpBytes = 64 * 1024;
constexpr int kPcmu = 0;
constexpr int kPcma = 8;

QString lineError(int lineNo, const QString &what) {
    return QStringLiteral("SDP line %1: %2").arg(lineNo).arg(what);
}

std::optional<int> parseNumber(const QByteArray &token, int maxValue) {
    if (token.isEmpty() || token.size() > 10) {
        return std::nullopt;
    }
    for (char c : token) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
    }
    bool ok = false;
    const qlonglong value = token.toLongLong(&ok);
    if (!ok || value > maxValue) {
        return std::nullopt;
    }
    return static_cast<int>(value);
}

QList<QByteArray> tokens(const QByteArray &value) {
    QList<QByteArray> out;
    for (const QByteArray &part : value.split(' ')) {
        if (!part.isEmpty()) {
            out.append(part);
        }
    }
    return out;
}

std::optional<MediaDirection> directionFromAttribute(const QByteArray &name) {
    if (name == "sendrecv") {
        return MediaDirection::SendRecv;
    }
    if (name == "sendonly") {
        return MediaDirection::SendOnly;
    }
    if (name == "recvonly") {
        return MediaDirection::RecvOnly;
    }
    if (name == "inactive") {
        return MediaDirection::Inactive;
    }
    return std::nullopt;
}

// "IN IP4 192.0.2.1" (possibly "/ttl" for multicast) -> the address.
std::optional<QString> parseConnection(const QByteArray &value, int lineNo, QString *error) {
    const QList<QByteArray> parts = tokens(value);
    if (parts.size() != 3 || parts[0] != "IN" || (parts[1] != "IP4" && parts[1] != "IP6")) {
        *error = lineError(lineNo, QStringLiteral("c= must be 'IN IP4|IP6 <address>', got '%1'")
                                       .arg(QString::fromUtf8(value.left(80))));
        return std::nullopt;
    }
    const QByteArray address = parts[2].split('/').first();
    if (address.isEmpty()) {
        *error = lineError(lineNo, QStringLiteral("c= has an empty address"));
        return std::nullopt;
    }
    return QString::fromUtf8(address);
}

bool parseMediaLine(const QByteArray &value, int lineNo, SdpMedia *media, QString *error) {
    const QList<QByteArray> parts = tokens(value);
    if (parts.size() < 4) {
        *error = lineError(lineNo, QStringLiteral("m= needs '<media> <port> <proto> <format>...'"));
        return false;
    }
    const QByteArray portToken = parts[1].split('/').first();  // "port/count" form
    const std::optional<int> port = parseNumber(portToken, 65535);
    if (!port) {
        *error = lineError(lineNo, QStringLiteral("m= port '%1' is not a number in 0-65535")
                                       .arg(QString::fromUtf8(parts[1].left(20))));
        return false;
    }
    media->type = QString::fromUtf8(parts[0]);
    media->port = static_cast<quint16>(*port);
    media->proto = QString::fromUtf8(parts[2]);
    media->formats = parts.mid(3);
    return true;
}

// a=rtpmap:<pt> <encoding>/<clock>[/<channels>]
bool parseRtpMap(const QByteArray &value, int lineNo, SdpRtpMap *map, QString *error) {
    const QList<QByteArray> parts = tokens(value);
    const QList<QByteArray> encoding =
        parts.size() == 2 ? parts[1].split('/') : QList<QByteArray>{};
    const std::optional<int> pt = parts.isEmpty() ? std::nullopt : parseNumber(parts[0], 127);
    const std::optional<int> clock =
        encoding.size() >= 2 ? parseNumber(encoding[1], 1000000) : std::nullopt;
    const std::optional<int> channels =
        encoding.size() == 3 ? parseNumber(encoding[2], 64) : std::optional<int>(1);
    if (encoding.size() < 2 || encoding.size() > 3 || encoding[0].isEmpty() || !pt || !clock ||
        !channels) {
        *error = lineError(lineNo, QStringLiteral("a=rtpmap must be '<pt> <encoding>/<clock>', "
                                                  "got '%1'")
                                       .arg(QString::fromUtf8(value.left(80))));
        return false;
    }
    map->payloadType = *pt;
    map->encoding = QString::fromUtf8(encoding[0]);
    map->clockRate = *clock;
    map->channels = *channels;
    return true;
}

bool parseAttribute(const QByteArray &value, int lineNo, Sdp *sdp, SdpMedia *media,
                    QString *error) {
    const qsizetype colon = value.indexOf(':');
    const QByteArray name = colon < 0 ? value : value.left(colon);
    const QByteArray arg = colon < 0 ? QByteArray() : value.mid(colon + 1).trimmed();
    if (const auto direction = directionFromAttribute(name)) {
        if (media) {
            media->direction = direction;
        } else {
            sdp->direction = direction;
        }
        return true;
    }
    if (!media) {
        return true;  // other session attributes do not matter to the relay
    }
    if (name == "rtpmap") {
        SdpRtpMap map;
        if (!parseRtpMap(arg, lineNo, &map, error)) {
            return false;
        }
        media->rtpMaps.append(map);
    } else if (name == "fmtp") {
        const qsizetype space = arg.indexOf(' ');
        const std::optional<int> pt = parseNumber(space < 0 ? arg : arg.left(space), 127);
        if (!pt) {
            *error = lineError(lineNo, QStringLiteral("a=fmtp must start with a payload type"));
            return false;
        }
        media->fmtps.append({*pt, space < 0 ? QByteArray() : arg.mid(space + 1).trimmed()});
    } else if (name == "ptime") {
        const std::optional<int> ptime = parseNumber(arg, 10000);
        if (!ptime) {
            *error = lineError(lineNo, QStringLiteral("a=ptime '%1' is not a number")
                                           .arg(QString::fromUtf8(arg.left(20))));
            return false;
        }
        media->ptimeMs = *ptime;
    } else if (name == "rtcp") {
        const QList<QByteArray> parts = tokens(arg);
        const std::optional<int> port =
            parts.isEmpty() ? std::nullopt : parseNumber(parts[0], 65535);
        if (!port || (parts.size() != 1 && parts.size() != 4)) {
            *error =
                lineError(lineNo, QStringLiteral("a=rtcp must be '<port> [IN IP4 <address>]'"));
            return false;
        }
        media->rtcpPort = static_cast<quint16>(*port);
        if (parts.size() == 4) {
            media->rtcpAddress = QString::fromUtf8(parts[3]);
        }
    }
    return true;
}

bool isRtpAvpFamily(const QString &proto) {
    return proto == QLatin1String("RTP/AVP") || proto == QLatin1String("RTP/AVPF");
}

bool isG711(const SdpMedia &media, int pt) {
    if (pt != kPcmu && pt != kPcma) {
        return false;
    }
    const std::optional<SdpRtpMap> map = media.rtpMap(pt);
    const QLatin1String expected = pt == kPcmu ? QLatin1String("PCMU") : QLatin1String("PCMA");
    return map && map->encoding.compare(expected, Qt::CaseInsensitive) == 0 &&
           map->clockRate == 8000;
}

bool isTelephoneEvent(const SdpMedia &media, int pt) {
    const std::optional<SdpRtpMap> map = media.rtpMap(pt);
    return pt >= 96 && map &&
           map->encoding.compare(QLatin1String("telephone-event"), Qt::CaseInsensitive) == 0 &&
           map->clockRate == 8000;
}

QByteArray addressLine(const QString &ip) {
    return (ip.contains(QLatin1Char(':')) ? "IN IP6 " : "IN IP4 ") + ip.toUtf8();
}

QByteArray buildRelaySdp(const Sdp &sdp, const QString &relayIp, quint16 relayPort,
                         quint64 sessionId, quint32 version, MediaDirection direction,
                         QString *error) {
    QString ignored;
    QString &err = error ? *error : ignored;
    const SdpMedia *audio = sdp.activeAudio();
    if (!audio) {
        err = QStringLiteral("SDP has no active RTP/AVP audio stream");
        return {};
    }
    QList<int> kept;
    bool hasG711 = false;
    for (int pt : audio->payloadTypes()) {
        if (kept.contains(pt)) {
            continue;
        }
        if (isG711(*audio, pt)) {
            hasG711 = true;
            kept.append(pt);
        } else if (isTelephoneEvent(*audio, pt)) {
            kept.append(pt);
        }
    }
    if (!hasG711) {
        err = QStringLiteral("no G.711 codec (PCMU/PCMA) offered; the relay does not transcode");
        return {};
    }

    QByteArray out;
    out.reserve(512);
    const QByteArray address = addressLine(relayIp);
    out += "v=0\r\n";
    out += "o=mini-restcomm " + QByteArray::number(sessionId) + ' ' + QByteArray::number(version) +
           ' ' + address + "\r\n";
    out += "s=mini-restcomm\r\n";
    out += "c=" + address + "\r\n";
    out += "t=0 0\r\n";
    for (const SdpMedia &media : sdp.media) {
        if (&media != audio) {
            out += "m=" + media.type.toUtf8() + " 0 " + media.proto.toUtf8();
            for (const QByteArray &format : media.formats) {
                out += ' ' + format;
            }
            out += "\r\n";
            continue;
        }
        out += "m=audio " + QByteArray::number(relayPort) + ' ' + audio->proto.toUtf8();
        for (int pt : kept) {
            out += ' ' + QByteArray::number(pt);
        }
        out += "\r\n";
        for (int pt : kept) {
            const SdpRtpMap map = *audio->rtpMap(pt);
            out += "a=rtpmap:" + QByteArray::number(pt) + ' ' + map.encoding.toUtf8() + '/' +
                   QByteArray::number(map.clockRate) + "\r\n";
            const QByteArray fmtp = audio->fmtp(pt);
            if (!fmtp.isEmpty()) {
                out += "a=fmtp:" + QByteArray::number(pt) + ' ' + fmtp + "\r\n";
            }
        }
        if (audio->ptimeMs > 0) {
            out += "a=ptime:" + QByteArray::number(audio->ptimeMs) + "\r\n";
        }
        out += "a=" + directionAttribute(direction) + "\r\n";
    }
    err.clear();
    return out;
}

}  // namespace

QByteArray directionAttribute(MediaDirection direction) {
    switch (direction) {
        case MediaDirection::SendOnly:
            return "sendonly";
        case MediaDirection::RecvOnly:
            return "recvonly";
        case MediaDirection::Inactive:
            return "inactive";
        case MediaDirection::SendRecv:
            break;
    }
    return "sendrecv";
}

MediaDirection answerDirection(MediaDirection offerDirection) {
    switch (offerDirection) {
        case MediaDirection::SendOnly:
            return MediaDirection::RecvOnly;
        case MediaDirection::RecvOnly:
            return MediaDirection::SendOnly;
        case MediaDirection::Inactive:
            return MediaDirection::Inactive;
        case MediaDirection::SendRecv:
            break;
    }
    return MediaDirection::SendRecv;
}

QList<int> SdpMedia::payloadTypes() const {
    QList<int> out;
    for (const QByteArray &format : formats) {
        if (const std::optional<int> pt = parseNumber(format, 127)) {
            out.append(*pt);
        }
    }
    return out;
}

std::optional<SdpRtpMap> SdpMedia::rtpMap(int payloadType) const {
    for (const SdpRtpMap &map : rtpMaps) {
        if (map.payloadType == payloadType) {
            return map;
        }
    }
    if (payloadType == kPcmu) {
        return SdpRtpMap{kPcmu, QStringLiteral("PCMU"), 8000, 1};
    }
    if (payloadType == kPcma) {
        return SdpRtpMap{kPcma, QStringLiteral("PCMA"), 8000, 1};
    }
    return std::nullopt;
}

QByteArray SdpMedia::fmtp(int payloadType) const {
    for (const auto &[pt, params] : fmtps) {
        if (pt == payloadType) {
            return params;
        }
    }
    return {};
}

const SdpMedia *Sdp::activeAudio() const {
    for (const SdpMedia &m : media) {
        if (m.type == QLatin1String("audio") && m.port != 0 && isRtpAvpFamily(m.proto)) {
            return &m;
        }
    }
    return nullptr;
}

std::optional<Sdp> parseSdp(const QByteArray &text, QString *error) {
    QString ignored;
    QString &err = error ? *error : ignored;
    if (text.size() > kMaxSdpBytes) {
        err = QStringLiteral("SDP is %1 bytes, more than the %2 accepted")
                  .arg(text.size())
                  .arg(kMaxSdpBytes);
        return std::nullopt;
    }
    Sdp sdp;
    SdpMedia *media = nullptr;
    bool sawVersion = false;
    int lineNo = 0;
    for (QByteArray line : text.split('\n')) {
        ++lineNo;
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        if (line.isEmpty()) {
            continue;  // tolerate blank lines and the trailing CRLF
        }
        if (line.size() < 2 || line[1] != '=' || line[0] < 'a' || line[0] > 'z') {
            err = lineError(lineNo, QStringLiteral("expected '<letter>=<value>', got '%1'")
                                        .arg(QString::fromUtf8(line.left(40))));
            return std::nullopt;
        }
        const char type = line[0];
        const QByteArray value = line.mid(2);
        if (!sawVersion) {
            if (type != 'v' || value != "0") {
                err = lineError(lineNo, QStringLiteral("SDP must start with v=0"));
                return std::nullopt;
            }
            sawVersion = true;
            continue;
        }
        switch (type) {
            case 'o': {
                const QList<QByteArray> parts = tokens(value);
                if (parts.size() != 6) {
                    err = lineError(lineNo,
                                    QStringLiteral("o= needs 6 fields, got %1").arg(parts.size()));
                    return std::nullopt;
                }
                sdp.originUser = QString::fromUtf8(parts[0]);
                sdp.originSessionId = QString::fromUtf8(parts[1]);
                sdp.originVersion = QString::fromUtf8(parts[2]);
                sdp.originAddress = QString::fromUtf8(parts[5]);
                break;
            }
            case 's':
                sdp.sessionName = QString::fromUtf8(value);
                break;
            case 'c': {
                const std::optional<QString> address = parseConnection(value, lineNo, &err);
                if (!address) {
                    return std::nullopt;
                }
                (media ? media->connectionAddress : sdp.connectionAddress) = *address;
                break;
            }
            case 'm':
                sdp.media.append(SdpMedia{});
                media = &sdp.media.last();
                if (!parseMediaLine(value, lineNo, media, &err)) {
                    return std::nullopt;
                }
                break;
            case 'a':
                if (!parseAttribute(value, lineNo, &sdp, media, &err)) {
                    return std::nullopt;
                }
                break;
            default:
                break;  // t=, b=, k=, i=, ... carry nothing the relay needs
        }
    }
    if (!sawVersion) {
        err = QStringLiteral("SDP is empty");
        return std::nullopt;
    }
    if (sdp.media.isEmpty()) {
        err = QStringLiteral("SDP has no m= line");
        return std::nullopt;
    }
    err.clear();
    return sdp;
}

std::optional<RtpEndpoint> remoteRtpEndpoint(const Sdp &sdp) {
    const SdpMedia *audio = sdp.activeAudio();
    if (!audio) {
        return std::nullopt;
    }
    const QString address =
        audio->connectionAddress.isEmpty() ? sdp.connectionAddress : audio->connectionAddress;
    if (address.isEmpty()) {
        return std::nullopt;
    }
    const quint16 rtcpPort =
        audio->rtcpPort != 0 ? audio->rtcpPort : static_cast<quint16>(audio->port + 1);
    return RtpEndpoint{address, audio->port, rtcpPort};
}

int firstG711PayloadType(const Sdp &sdp) {
    const SdpMedia *audio = sdp.activeAudio();
    if (!audio) {
        return -1;
    }
    for (int pt : audio->payloadTypes()) {
        if (isG711(*audio, pt)) {
            return pt;
        }
    }
    return -1;
}

MediaDirection audioDirection(const Sdp &sdp) {
    const SdpMedia *audio = sdp.activeAudio();
    if (audio && audio->direction) {
        return *audio->direction;
    }
    if (sdp.direction) {
        return *sdp.direction;
    }
    if (const std::optional<RtpEndpoint> remote = remoteRtpEndpoint(sdp);
        remote && remote->address == QLatin1String("0.0.0.0")) {
        return MediaDirection::SendOnly;  // RFC 2543 hold: the holder does not want media
    }
    return MediaDirection::SendRecv;
}

QByteArray rewriteForRelay(const Sdp &sdp, const QString &relayIp, quint16 relayPort,
                           quint64 sessionId, quint32 version, QString *error) {
    return buildRelaySdp(sdp, relayIp, relayPort, sessionId, version, audioDirection(sdp), error);
}

QByteArray answerForRelay(const Sdp &offer, const QString &relayIp, quint16 relayPort,
                          quint64 sessionId, quint32 version, QString *error) {
    return buildRelaySdp(offer, relayIp, relayPort, sessionId, version,
                         answerDirection(audioDirection(offer)), error);
}

}  // namespace mrc
