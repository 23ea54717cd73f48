#pragma once
// Test helpers for the http area: run the libre loop from a test, a raw TCP client, a raw
// HTTP server with canned answers, a minimal WebSocket client codec and curl in a thread.
// Everything binds 127.0.0.1 with ephemeral ports.
#include <QByteArray>
#include <QList>
#include <QStringList>

#include <functional>
#include <memory>

namespace httptest {

void initLibre();
void closeLibre();
// Runs the libre loop until `done` is true (checked every few ms) or `timeoutMs` passed.
bool runLoopUntil(const std::function<bool()> &done, int timeoutMs = 5000);
void runLoopFor(int ms);
// A port on 127.0.0.1 that nobody listens on (bound then released).
quint16 unusedPort();

// One TCP connection to 127.0.0.1:port; everything received is appended to `received`.
class RawClient {
  public:
    explicit RawClient(quint16 port);
    ~RawClient();
    void send(const QByteArray &bytes);  // held until the connection is established
    const QByteArray &received() const;
    QByteArray &receivedBuffer();
    bool closed() const;

    struct Impl;

  private:
    std::unique_ptr<Impl> impl_;
};

// Accepts connections on 127.0.0.1:<ephemeral>, records each complete request (head plus
// Content-Length body) byte for byte, and answers `reply` to each (nothing when empty).
class RawServer {
  public:
    RawServer();
    ~RawServer();
    quint16 port() const;
    void setReply(const QByteArray &reply);
    // After the reply: send `tail` `delayMs` later (if not empty), then close the connection.
    void setCloseAfterReply(const QByteArray &tail = {}, int delayMs = 0);
    const QList<QByteArray> &requests() const;

    struct Impl;

  private:
    std::unique_ptr<Impl> impl_;
};

// WebSocket client codec (RFC 6455): masked frames out, unmasked frames in.
QByteArray webSocketHandshake(const QString &pathAndQuery, const QByteArray &key);
QByteArray maskedFrame(quint8 opcode, const QByteArray &payload);
struct Frame {
    quint8 opcode;
    QByteArray payload;
};
// Removes complete frames from the front of `buffer`.
QList<Frame> takeFrames(QByteArray &buffer);

struct ProcessResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
// Runs curl with `arguments` in a thread while this thread spins the libre loop.
ProcessResult runCurl(const QStringList &arguments, int timeoutMs = 20000);

}  // namespace httptest
