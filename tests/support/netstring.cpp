#include "netstring.h"

namespace rptest {

QByteArray netstringEncode(const QByteArray &payload) {
    return QByteArray::number(payload.size()) + ':' + payload + ',';
}

void NetstringDecoder::feed(const QByteArray &bytes) {
    buffer_ += bytes;
    while (!failed_) {
        const qsizetype colon = buffer_.indexOf(':');
        if (colon < 0) {
            failed_ = buffer_.size() > 10;  // no length prefix is that long
            return;
        }
        bool numeric = false;
        const qsizetype length = buffer_.left(colon).toLongLong(&numeric);
        if (!numeric || length < 0) {
            failed_ = true;
            return;
        }
        if (buffer_.size() < colon + 1 + length + 1) {
            return;  // wait for the rest
        }
        if (buffer_.at(colon + 1 + length) != ',') {
            failed_ = true;
            return;
        }
        ready_.append(buffer_.mid(colon + 1, length));
        buffer_.remove(0, colon + 1 + length + 1);
    }
}

QList<QByteArray> NetstringDecoder::takePayloads() {
    QList<QByteArray> out;
    out.swap(ready_);
    return out;
}

}  // namespace rptest
