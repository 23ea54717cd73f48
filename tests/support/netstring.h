#pragma once
// Netstring framing ("<len>:<payload>,") as baresip's ctrl_tcp speaks it. Pure, no I/O.
#include <QByteArray>
#include <QList>

namespace rptest {

QByteArray netstringEncode(const QByteArray &payload);

// Incremental decoder: feed bytes as they arrive, take complete payloads out.
class NetstringDecoder {
  public:
    void feed(const QByteArray &bytes);
    QList<QByteArray> takePayloads();
    bool failed() const { return failed_; }  // framing error: the stream is unusable

  private:
    QByteArray buffer_;
    QList<QByteArray> ready_;
    bool failed_ = false;
};

}  // namespace rptest
