#pragma once
// baresip ctrl_tcp wire protocol (baresip-engine.md §3): netstring-framed JSON. The parser is
// incremental (split frames, several frames per read), never trusts the peer (garbage gives an
// error item and the parser resynchronises on the next frame) and bounds its memory. Pure: no
// sockets, fed with bytes.
#include <QByteArray>
#include <QString>

#include <variant>
#include <vector>

namespace engine {

struct CtrlResponse {
    QString token;
    bool ok = false;
    QString data;  // human text, ANSI colour codes removed
};

struct RtcpStats {
    qint64 txSent = 0;
    qint64 txLost = 0;
    qint64 rxSent = 0;  // packets the peer reported sending, as seen by us
    qint64 rxLost = 0;
    qint64 rxJitterUs = 0;
};

struct CtrlEvent {
    QString type;        // "CALL_INCOMING", "REGISTER_OK", ...
    QString eventClass;  // "call", "register", "other", "application"
    QString accountAor;
    QString direction;  // "incoming" / "outgoing" / empty
    QString peerUri;
    QString peerDisplayName;
    QString callId;  // SIP Call-ID; empty on some events
    QString param;
    bool hasRtcp = false;
    RtcpStats rtcp;
};

struct CtrlProtocolError {
    QString message;
    QByteArray excerpt;  // the offending bytes (at most 80)
};

using CtrlItem = std::variant<CtrlResponse, CtrlEvent, CtrlProtocolError>;

// One command as a netstring ({"command","params","token"}).
QByteArray encodeCtrlCommand(const QString &command, const QString &params, const QString &token);

// Removes ANSI escape sequences ("\x1b[32m") from baresip's text.
QString stripAnsi(const QString &text);

// Parses one JSON payload (without framing).
CtrlItem parseCtrlPayload(const QByteArray &payload);

class CtrlStreamParser {
  public:
    static constexpr qsizetype kMaxFrame = 1 << 20;  // larger frames are refused

    void feed(const char *data, qsizetype size);
    void feed(const QByteArray &bytes) { feed(bytes.constData(), bytes.size()); }
    // Items completed so far, in stream order.
    std::vector<CtrlItem> take();
    qsizetype buffered() const { return buffer_.size() - offset_; }

  private:
    void parse();
    void resync(const QString &why);

    QByteArray buffer_;
    qsizetype offset_ = 0;  // consumed bytes at the front of buffer_
    std::vector<CtrlItem> ready_;
};

}  // namespace engine
