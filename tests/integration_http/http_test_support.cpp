#include "http_test_support.h"

#include <QElapsedTimer>
#include <QProcess>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>
#include <vector>

#include "restcomm/libre_ptr.h"

#include <re.h>

namespace httptest {

using mrc::ReUniquePtr;

void initLibre() {
    libre_init();
}
void closeLibre() {
    libre_close();
}

namespace {
struct LoopCheck {
    const std::function<bool()> *done;
    QElapsedTimer clock;
    int timeoutMs;
    bool satisfied = false;
    struct tmr timer {};
};

void checkLoop(void *arg) {
    auto *check = static_cast<LoopCheck *>(arg);
    if ((*check->done)()) {
        check->satisfied = true;
        re_cancel();
        return;
    }
    if (check->clock.elapsed() >= check->timeoutMs) {
        re_cancel();
        return;
    }
    tmr_start(&check->timer, 2, checkLoop, check);
}
}  // namespace

bool runLoopUntil(const std::function<bool()> &done, int timeoutMs) {
    if (done()) {
        return true;
    }
    LoopCheck check{&done, {}, timeoutMs};
    tmr_init(&check.timer);
    check.clock.start();
    tmr_start(&check.timer, 1, checkLoop, &check);
    re_main(nullptr);
    tmr_cancel(&check.timer);
    return check.satisfied;
}

void runLoopFor(int ms) {
    runLoopUntil([] { return false; }, ms);
}

quint16 unusedPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

namespace {
bool sendAll(struct tcp_conn *connection, const QByteArray &bytes) {
    ReUniquePtr<struct mbuf> buffer(mbuf_alloc(std::size_t(bytes.size())));
    mbuf_write_mem(buffer.get(), reinterpret_cast<const uint8_t *>(bytes.constData()),
                   std::size_t(bytes.size()));
    buffer->pos = 0;
    return tcp_send(connection, buffer.get()) == 0;
}
}  // namespace

// --- RawClient -----------------------------------------------------------------------------

struct RawClient::Impl {
    ReUniquePtr<struct tcp_conn> connection;
    QByteArray pending;
    QByteArray received;
    bool established = false;
    bool closed = false;

    static void onEstablished(void *arg) {
        auto *impl = static_cast<Impl *>(arg);
        impl->established = true;
        if (!impl->pending.isEmpty()) {
            sendAll(impl->connection.get(), impl->pending);
            impl->pending.clear();
        }
    }
    static void onReceive(struct mbuf *mb, void *arg) {
        static_cast<Impl *>(arg)->received.append(reinterpret_cast<const char *>(mbuf_buf(mb)),
                                                  qsizetype(mbuf_get_left(mb)));
    }
    static void onClose(int, void *arg) { static_cast<Impl *>(arg)->closed = true; }
};

RawClient::RawClient(quint16 port) : impl_(std::make_unique<Impl>()) {
    struct sa peer {};
    sa_set_str(&peer, "127.0.0.1", port);
    struct tcp_conn *raw = nullptr;
    if (tcp_connect(&raw, &peer, Impl::onEstablished, Impl::onReceive, Impl::onClose,
                    impl_.get()) != 0) {
        impl_->closed = true;
    }
    impl_->connection.reset(raw);
}

RawClient::~RawClient() = default;

void RawClient::send(const QByteArray &bytes) {
    if (impl_->established) {
        sendAll(impl_->connection.get(), bytes);
    } else {
        impl_->pending += bytes;
    }
}

const QByteArray &RawClient::received() const {
    return impl_->received;
}
QByteArray &RawClient::receivedBuffer() {
    return impl_->received;
}
bool RawClient::closed() const {
    return impl_->closed;
}

// --- RawServer -----------------------------------------------------------------------------

struct RawServer::Impl {
    struct Connection {
        Impl *server;
        ReUniquePtr<struct tcp_conn> tcp;
        QByteArray input;
        struct tmr tailTimer {};
        ~Connection() { tmr_cancel(&tailTimer); }
    };
    bool closeAfterReply = false;
    QByteArray tail;
    int tailDelayMs = 0;

    static void onTailTimer(void *arg) {
        auto *connection = static_cast<Connection *>(arg);
        if (connection->tcp && !connection->server->tail.isEmpty()) {
            sendAll(connection->tcp.get(), connection->server->tail);
        }
        connection->tcp.reset();
    }
    ReUniquePtr<struct tcp_sock> socket;
    quint16 port = 0;
    QByteArray reply;
    QList<QByteArray> requests;
    std::vector<std::unique_ptr<Connection>> connections;

    static void onConnect(const struct sa *, void *arg) {
        auto *impl = static_cast<Impl *>(arg);
        auto connection = std::make_unique<Connection>();
        connection->server = impl;
        tmr_init(&connection->tailTimer);
        struct tcp_conn *raw = nullptr;
        if (tcp_accept(&raw, impl->socket.get(), nullptr, onReceive, onClose, connection.get()) !=
            0) {
            tcp_reject(impl->socket.get());
            return;
        }
        connection->tcp.reset(raw);
        impl->connections.push_back(std::move(connection));
    }
    static void onReceive(struct mbuf *mb, void *arg) {
        auto *connection = static_cast<Connection *>(arg);
        connection->input.append(reinterpret_cast<const char *>(mbuf_buf(mb)),
                                 qsizetype(mbuf_get_left(mb)));
        for (;;) {
            const qsizetype headEnd = connection->input.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                return;
            }
            qsizetype bodyLength = 0;
            const QByteArray head = connection->input.left(headEnd).toLower();
            if (const qsizetype at = head.indexOf("\r\ncontent-length:"); at >= 0) {
                const qsizetype lineEnd = head.indexOf("\r\n", at + 2);
                bodyLength =
                    head.mid(at + 17, lineEnd < 0 ? -1 : lineEnd - at - 17).trimmed().toLongLong();
            }
            const qsizetype total = headEnd + 4 + bodyLength;
            if (connection->input.size() < total) {
                return;
            }
            connection->server->requests.append(connection->input.left(total));
            connection->input.remove(0, total);
            if (!connection->server->reply.isEmpty()) {
                sendAll(connection->tcp.get(), connection->server->reply);
                if (connection->server->closeAfterReply) {
                    tmr_start(&connection->tailTimer, uint64_t(connection->server->tailDelayMs),
                              onTailTimer, connection);
                    return;
                }
            }
        }
    }
    static void onClose(int, void *arg) {
        auto *connection = static_cast<Connection *>(arg);
        connection->tcp.reset();
    }
};

RawServer::RawServer() : impl_(std::make_unique<Impl>()) {
    struct sa local {};
    sa_set_str(&local, "127.0.0.1", 0);
    struct tcp_sock *raw = nullptr;
    tcp_listen(&raw, &local, Impl::onConnect, impl_.get());
    impl_->socket.reset(raw);
    struct sa bound {};
    tcp_sock_local_get(raw, &bound);
    impl_->port = sa_port(&bound);
}

RawServer::~RawServer() = default;
quint16 RawServer::port() const {
    return impl_->port;
}
void RawServer::setReply(const QByteArray &reply) {
    impl_->reply = reply;
}
void RawServer::setCloseAfterReply(const QByteArray &tail, int delayMs) {
    impl_->closeAfterReply = true;
    impl_->tail = tail;
    impl_->tailDelayMs = delayMs;
}
const QList<QByteArray> &RawServer::requests() const {
    return impl_->requests;
}

// --- WebSocket codec -----------------------------------------------------------------------

QByteArray webSocketHandshake(const QString &pathAndQuery, const QByteArray &key) {
    return "GET " + pathAndQuery.toUtf8() +
           " HTTP/1.1\r\n"
           "Host: 127.0.0.1\r\n"
           "Upgrade: websocket\r\n"
           "Connection: keep-alive, Upgrade\r\n"
           "Sec-WebSocket-Key: " +
           key +
           "\r\n"
           "Sec-WebSocket-Version: 13\r\n\r\n";
}

QByteArray maskedFrame(quint8 opcode, const QByteArray &payload) {
    QByteArray frame;
    frame.append(char(0x80 | opcode));
    if (payload.size() < 126) {
        frame.append(char(0x80 | payload.size()));
    } else {
        frame.append(char(0x80 | 126));
        frame.append(char(payload.size() >> 8));
        frame.append(char(payload.size() & 0xff));
    }
    const char mask[4] = {0x12, 0x34, 0x56, 0x78};
    frame.append(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i) {
        frame.append(char(payload[i] ^ mask[i % 4]));
    }
    return frame;
}

QList<Frame> takeFrames(QByteArray &buffer) {
    QList<Frame> frames;
    for (;;) {
        if (buffer.size() < 2) {
            return frames;
        }
        const auto byte = [&buffer](qsizetype i) { return quint8(buffer.at(i)); };
        quint64 length = byte(1) & 0x7f;
        qsizetype offset = 2;
        if (length >= 126) {
            const int extra = length == 126 ? 2 : 8;
            if (buffer.size() < offset + extra) {
                return frames;
            }
            length = 0;
            for (int i = 0; i < extra; ++i) {
                length = (length << 8) | byte(offset + i);
            }
            offset += extra;
        }
        if (buffer.size() < offset + qsizetype(length)) {
            return frames;
        }
        frames.append({quint8(byte(0) & 0x0f), buffer.mid(offset, qsizetype(length))});
        buffer.remove(0, offset + qsizetype(length));
    }
}

// --- curl ----------------------------------------------------------------------------------

ProcessResult runCurl(const QStringList &arguments, int timeoutMs) {
    ProcessResult result;
    std::atomic<bool> finished{false};
    std::thread worker([&] {
        QProcess curl;
        curl.start(QStringLiteral("curl"), arguments);
        if (curl.waitForFinished(timeoutMs)) {
            result.exitCode = curl.exitCode();
        } else {
            curl.kill();
            curl.waitForFinished(1000);
        }
        result.out = curl.readAllStandardOutput();
        result.err = curl.readAllStandardError();
        finished = true;
    });
    runLoopUntil([&finished] { return finished.load(); }, timeoutMs + 2000);
    worker.join();
    return result;
}

}  // namespace httptest
