#include "engine/ctrl_protocol.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace engine {
namespace {

constexpr qsizetype kMaxLengthDigits = 7;  // kMaxFrame has 7 digits

QString str(const QJsonObject &object, const char *key) {
    return object.value(QLatin1String(key)).toString();
}

qint64 num(const QJsonObject &object, const char *key) {
    return static_cast<qint64>(object.value(QLatin1String(key)).toDouble());
}

QByteArray excerptOf(const QByteArray &bytes) {
    return bytes.left(80);
}

}  // namespace

QByteArray encodeCtrlCommand(const QString &command, const QString &params, const QString &token) {
    const QJsonObject request{{QStringLiteral("command"), command},
                              {QStringLiteral("params"), params},
                              {QStringLiteral("token"), token}};
    const QByteArray json = QJsonDocument(request).toJson(QJsonDocument::Compact);
    return QByteArray::number(json.size()) + ':' + json + ',';
}

QString stripAnsi(const QString &text) {
    static const QRegularExpression ansi(QStringLiteral("\x1b\\[[0-9;?]*[A-Za-z]"));
    QString out = text;
    out.remove(ansi);
    return out;
}

CtrlItem parseCtrlPayload(const QByteArray &payload) {
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(payload, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        return CtrlProtocolError{
            QStringLiteral("ctrl_tcp frame is not a JSON object (%1)").arg(error.errorString()),
            excerptOf(payload)};
    }
    const QJsonObject object = document.object();
    if (object.value(QLatin1String("event")).toBool()) {
        CtrlEvent event;
        event.type = str(object, "type");
        event.eventClass = str(object, "class");
        event.accountAor = str(object, "accountaor");
        event.direction = str(object, "direction");
        event.peerUri = str(object, "peeruri");
        event.peerDisplayName = str(object, "peerdisplayname");
        event.callId = str(object, "id");
        event.param = str(object, "param");
        if (event.type.isEmpty()) {
            return CtrlProtocolError{QStringLiteral("ctrl_tcp event without a type"),
                                     excerptOf(payload)};
        }
        const QJsonValue rtcp = object.value(QLatin1String("rtcp_stats"));
        if (rtcp.isObject()) {
            const QJsonObject tx = rtcp.toObject().value(QLatin1String("tx")).toObject();
            const QJsonObject rx = rtcp.toObject().value(QLatin1String("rx")).toObject();
            event.hasRtcp = true;
            event.rtcp = {num(tx, "sent"), num(tx, "lost"), num(rx, "sent"), num(rx, "lost"),
                          num(rx, "jit")};
        }
        return event;
    }
    if (object.value(QLatin1String("response")).toBool()) {
        CtrlResponse response;
        response.token = str(object, "token");
        response.ok = object.value(QLatin1String("ok")).toBool();
        response.data = stripAnsi(str(object, "data"));
        return response;
    }
    return CtrlProtocolError{QStringLiteral("ctrl_tcp frame is neither an event nor a response"),
                             excerptOf(payload)};
}

void CtrlStreamParser::feed(const char *data, qsizetype size) {
    if (size <= 0) {
        return;
    }
    buffer_.append(data, size);
    parse();
}

std::vector<CtrlItem> CtrlStreamParser::take() {
    std::vector<CtrlItem> out;
    out.swap(ready_);
    return out;
}

// Drops bytes up to the next place that looks like the start of a frame ("<digits>:{"), so
// one garbage run costs one error item and the frames after it still arrive.
void CtrlStreamParser::resync(const QString &why) {
    const qsizetype start = offset_;
    qsizetype candidate = offset_ + 1;
    const qsizetype end = buffer_.size();
    qsizetype found = -1;
    for (; candidate < end; ++candidate) {
        const char c = buffer_.at(candidate);
        if (c < '0' || c > '9') {
            continue;
        }
        // Only the first digit of a digit run can start a frame.
        if (candidate > 0 && buffer_.at(candidate - 1) >= '0' && buffer_.at(candidate - 1) <= '9') {
            continue;
        }
        qsizetype i = candidate;
        while (i < end && i - candidate <= kMaxLengthDigits && buffer_.at(i) >= '0' &&
               buffer_.at(i) <= '9') {
            ++i;
        }
        if (i + 1 < end && buffer_.at(i) == ':' && buffer_.at(i + 1) == '{') {
            found = candidate;
            break;
        }
        if (i + 1 >= end) {
            found = candidate;  // maybe a frame start whose rest has not arrived yet
            break;
        }
    }
    const qsizetype resume = found >= 0 ? found : end;
    ready_.push_back(
        CtrlProtocolError{why, buffer_.mid(start, qMin<qsizetype>(resume - start, 80))});
    offset_ = resume;
}

void CtrlStreamParser::parse() {
    for (;;) {
        const qsizetype available = buffer_.size() - offset_;
        if (available <= 0) {
            break;
        }
        const char *base = buffer_.constData() + offset_;
        qsizetype digits = 0;
        while (digits < available && digits <= kMaxLengthDigits && base[digits] >= '0' &&
               base[digits] <= '9') {
            ++digits;
        }
        if (digits == available) {
            break;  // only digits so far: wait for more
        }
        if (digits == 0 || digits > kMaxLengthDigits || base[digits] != ':') {
            resync(digits > kMaxLengthDigits ? QStringLiteral("netstring length too long")
                                             : QStringLiteral("netstring length missing"));
            continue;
        }
        const qsizetype length = QByteArray(base, digits).toLongLong();
        if (length > kMaxFrame) {
            resync(QStringLiteral("netstring frame larger than %1 bytes").arg(kMaxFrame));
            continue;
        }
        const qsizetype total = digits + 1 + length + 1;
        if (available < total) {
            break;  // wait for the rest of the frame
        }
        if (base[total - 1] != ',') {
            resync(QStringLiteral("netstring without its closing comma"));
            continue;
        }
        ready_.push_back(parseCtrlPayload(QByteArray(base + digits + 1, length)));
        offset_ += total;
    }
    // Compact now and then so the buffer does not grow with the stream.
    if (offset_ > 0 && (offset_ >= buffer_.size() || offset_ > 64 * 1024)) {
        buffer_.remove(0, offset_);
        offset_ = 0;
    }
}

}  // namespace engine
