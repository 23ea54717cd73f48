#include "restcomm/http_server.h"

#include <QCryptographicHash>

#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "restcomm/form_encoding.h"

#include <re.h>

namespace mrc {

namespace {

constexpr int kDrainTimeoutMs = 2000;           // lingering close after the last answer
constexpr qsizetype kMaxIncomingFrame = 65536;  // clients only send close/ping to us
constexpr qsizetype kMaxBufferedInput =
    HttpServer::kMaxHeadBytes + HttpServer::kMaxBodyBytes + 4;  // one complete request

// Reasons for the statuses this server produces that http_types' table does not know.
QByteArray statusReason(int status) {
    switch (status) {
        case 100:
            return "Continue";
        case 101:
            return "Switching Protocols";
        case 408:
            return "Request Timeout";
        case 426:
            return "Upgrade Required";
        case 431:
            return "Request Header Fields Too Large";
        case 501:
            return "Not Implemented";
        case 505:
            return "HTTP Version Not Supported";
        default:
            return reasonPhrase(status);
    }
}

bool hasToken(const QByteArray &headerValue, const QByteArray &token) {
    for (const QByteArray &item : headerValue.split(',')) {
        if (item.trimmed().compare(token, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

bool isTokenChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

bool isToken(const QByteArray &text) {
    if (text.isEmpty()) {
        return false;
    }
    for (char c : text) {
        if (c == '\0' || !isTokenChar(c)) {
            return false;
        }
    }
    return true;
}

// A request head (request line + headers) as parsed, before its body arrived.
struct RequestHead {
    HttpRequest request;
    qint64 contentLength = 0;
    bool keepAlive = true;
    bool expectContinue = false;
};

// Where the blank line ending the head is: {head length without terminator, terminator length}
// or {-1, 0} when incomplete. Bare LF line ends are tolerated (RFC 9112 §2.2).
std::pair<qsizetype, qsizetype> findHeadEnd(const QByteArray &input) {
    const qsizetype crlf = input.indexOf("\r\n\r\n");
    const qsizetype lf = input.indexOf("\n\n");
    if (crlf >= 0 && (lf < 0 || crlf < lf)) {
        return {crlf, 4};
    }
    if (lf >= 0) {
        return {lf, 2};
    }
    return {-1, 0};
}

// Fills `out` from the head text; returns 0 or the HTTP status to refuse the request with.
int parseHead(const QByteArray &head, RequestHead &out) {
    QList<QByteArray> lines = head.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r')) {
            line.chop(1);
        }
    }
    const QList<QByteArray> requestLine = lines.first().split(' ');
    if (requestLine.size() != 3 || !isToken(requestLine[0]) || requestLine[1].isEmpty()) {
        return 400;
    }
    const QByteArray &version = requestLine[2];
    if (!version.startsWith("HTTP/")) {
        return 400;
    }
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        return 505;
    }
    HttpRequest &request = out.request;
    request.method = QString::fromLatin1(requestLine[0]);

    QByteArray target = requestLine[1];
    if (target.startsWith("http://") || target.startsWith("https://")) {
        // absolute-form (RFC 9112 §3.2.2): keep only the path and query
        const qsizetype slash = target.indexOf('/', target.indexOf("://") + 3);
        target = slash < 0 ? QByteArray("/") : target.mid(slash);
    }
    if (!target.startsWith('/') && target != "*") {
        return 400;
    }
    if (const qsizetype hash = target.indexOf('#'); hash >= 0) {
        target.truncate(hash);
    }
    const qsizetype question = target.indexOf('?');
    const QByteArray rawPath = question < 0 ? target : target.left(question);
    request.path = QString::fromUtf8(QByteArray::fromPercentEncoding(rawPath));
    if (question >= 0) {
        request.query = formDecode(target.mid(question + 1));
    }

    bool sawContentLength = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        if (line.startsWith(' ') || line.startsWith('\t')) {
            return 400;  // obsolete line folding
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.left(colon))) {
            return 400;
        }
        const QByteArray name = line.left(colon);
        const QByteArray value = line.mid(colon + 1).trimmed();
        request.headers.append({name, value});

        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            bool ok = !value.isEmpty() && value.size() <= 18;
            for (char c : value) {
                ok = ok && c >= '0' && c <= '9';
            }
            const qint64 length = ok ? value.toLongLong() : -1;
            if (!ok || (sawContentLength && length != out.contentLength)) {
                return 400;
            }
            sawContentLength = true;
            out.contentLength = length;
        } else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            if (value.compare("identity", Qt::CaseInsensitive) != 0) {
                return 501;  // chunked request bodies: nobody talking to us sends them
            }
        }
    }

    const QByteArray connection = request.header("Connection");
    out.keepAlive =
        version == "HTTP/1.1" ? !hasToken(connection, "close") : hasToken(connection, "keep-alive");
    out.expectContinue = version == "HTTP/1.1" &&
                         request.header("Expect").compare("100-continue", Qt::CaseInsensitive) == 0;
    request.contentType = request.header("Content-Type").split(';').first().trimmed().toLower();
    if (out.contentLength > HttpServer::kMaxBodyBytes) {
        return 413;
    }
    return 0;
}

bool isWebSocketUpgrade(const HttpRequest &request) {
    return request.method == QLatin1String("GET") &&
           hasToken(request.header("Upgrade"), "websocket") &&
           hasToken(request.header("Connection"), "upgrade");
}

QByteArray webSocketAccept(const QByteArray &key) {
    // RFC 6455 §4.2.2: base64(SHA-1(key + GUID))
    return QCryptographicHash::hash(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
                                    QCryptographicHash::Sha1)
        .toBase64();
}

// An unmasked (server-to-client) frame, FIN set.
QByteArray encodeFrame(quint8 opcode, const QByteArray &payload) {
    QByteArray frame;
    frame.reserve(payload.size() + 10);
    frame.append(char(0x80 | opcode));
    const quint64 length = quint64(payload.size());
    if (length < 126) {
        frame.append(char(length));
    } else if (length <= 0xffff) {
        frame.append(char(126));
        frame.append(char(length >> 8));
        frame.append(char(length & 0xff));
    } else {
        frame.append(char(127));
        for (int shift = 56; shift >= 0; shift -= 8) {
            frame.append(char((length >> shift) & 0xff));
        }
    }
    frame.append(payload);
    return frame;
}

QByteArray serializeResponse(const HttpResponse &response, bool keepAlive, bool headRequest) {
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                     statusReason(response.status) + "\r\n";
    const bool bodyless = response.status == 204 || response.status == 304 ||
                          (response.status >= 100 && response.status < 200);
    if (!bodyless) {
        if (!response.contentType.isEmpty()) {
            out += "Content-Type: " + response.contentType + "\r\n";
        }
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    }
    for (const auto &[name, value] : response.headers) {
        out += name + ": " + value + "\r\n";
    }
    if (!keepAlive) {
        out += "Connection: close\r\n";
    }
    out += "\r\n";
    if (!bodyless && !headRequest) {
        out += response.body;
    }
    return out;
}

HttpResponse plainError(int status, const QByteArray &message) {
    HttpResponse response;
    response.status = status;
    response.contentType = "application/json";
    response.body =
        R"({"status":)" + QByteArray::number(status) + R"(,"message":")" + message + "\"}";
    return response;
}

QString describeAddress(const struct sa *address) {
    char text[64] = "";
    if (sa_ntop(address, text, sizeof text) != 0) {
        return QStringLiteral("?");
    }
    return sa_af(address) == AF_INET6
               ? QStringLiteral("[%1]:%2").arg(QLatin1String(text)).arg(sa_port(address))
               : QStringLiteral("%1:%2").arg(QLatin1String(text)).arg(sa_port(address));
}

}  // namespace

namespace detail {

// One accepted TCP connection: HTTP/1.1 requests, then possibly a WebSocket.
class HttpConnection : public std::enable_shared_from_this<HttpConnection> {
  public:
    explicit HttpConnection(HttpServer &server) : server_(&server) { tmr_init(&timer_); }
    ~HttpConnection() { tmr_cancel(&timer_); }
    HttpConnection(const HttpConnection &) = delete;
    HttpConnection &operator=(const HttpConnection &) = delete;

    bool accept(tcp_sock *socket, const struct sa *peer) {
        struct tcp_conn *raw = nullptr;
        if (tcp_accept(&raw, socket, nullptr, &HttpConnection::onReceive, &HttpConnection::onClose,
                       this) != 0) {
            return false;
        }
        tcp_.reset(raw);
        peer_ = describeAddress(peer);
        restartTimer(HttpServer::kIdleTimeoutMs);
        return true;
    }

    // The server is being destroyed: close without telling it.
    void detachFromServer() {
        server_ = nullptr;
        closeNow();
    }

    // From HttpReply.
    void sendResponse(const HttpResponse &response) {
        if (mode_ != Mode::AwaitingReply) {
            return;
        }
        if (!sendBytes(serializeResponse(response, keepAlive_, headRequest_))) {
            closeNow();
            return;
        }
        if (!keepAlive_) {
            finishAfterFlush();
            return;
        }
        mode_ = Mode::Http;
        restartTimer(HttpServer::kIdleTimeoutMs);
        if (!processing_) {
            processInput();  // a pipelined request may be waiting
        }
    }

    // From WebSocketPeer.
    bool isWebSocketOpen() const { return mode_ == Mode::WebSocket; }
    bool sendWebSocketFrame(quint8 opcode, const QByteArray &payload) {
        if (mode_ != Mode::WebSocket) {
            return false;
        }
        if (!sendBytes(encodeFrame(opcode, payload))) {
            closeNow();  // a partly queued frame would corrupt the stream
            return false;
        }
        return true;
    }
    void closeWebSocket(quint16 code, const QByteArray &reason) {
        if (mode_ != Mode::WebSocket) {
            return;
        }
        QByteArray payload;
        payload.append(char(code >> 8));
        payload.append(char(code & 0xff));
        payload.append(reason.left(123));
        sendWebSocketFrame(0x8, payload);
        finishAfterFlush();
    }
    std::size_t queuedBytes() const { return tcp_ ? tcp_conn_txqsz(tcp_.get()) : 0; }
    QString peerAddress() const { return peer_; }

  private:
    enum class Mode {
        Http,           // reading the next request
        AwaitingReply,  // a request is with the handler; later input waits
        WebSocket,
        Draining,  // last bytes sent, discarding input until the peer closes
        Closed,
    };

    static void onReceive(struct mbuf *mb, void *arg) {
        auto *connection = static_cast<HttpConnection *>(arg);
        const auto keepAlive = connection->shared_from_this();
        if (connection->mode_ == Mode::Draining || connection->mode_ == Mode::Closed) {
            return;
        }
        connection->input_.append(reinterpret_cast<const char *>(mbuf_buf(mb)),
                                  qsizetype(mbuf_get_left(mb)));
        if (connection->input_.size() > kMaxBufferedInput) {
            connection->closeNow();  // e.g. pipelining without end while a reply is pending
            return;
        }
        if (connection->mode_ == Mode::Http) {
            connection->restartTimer(HttpServer::kIdleTimeoutMs);
        }
        connection->processInput();
    }

    static void onClose(int, void *arg) {
        auto *connection = static_cast<HttpConnection *>(arg);
        const auto keepAlive = connection->shared_from_this();
        connection->closeNow();
    }

    static void onFlushed(void *arg) {
        auto *connection = static_cast<HttpConnection *>(arg);
        const auto keepAlive = connection->shared_from_this();
        tcp_set_send(connection->tcp_.get(), nullptr);
        connection->shutdownWrite();
    }

    static void onTimer(void *arg) {
        auto *connection = static_cast<HttpConnection *>(arg);
        const auto keepAlive = connection->shared_from_this();
        connection->closeNow();
    }

    void restartTimer(int ms) { tmr_start(&timer_, uint64_t(ms), &HttpConnection::onTimer, this); }

    void processInput() {
        processing_ = true;
        bool progress = true;
        while (progress) {
            switch (mode_) {
                case Mode::Http:
                    progress = processHttp();
                    break;
                case Mode::WebSocket:
                    progress = processWebSocketFrame();
                    break;
                default:
                    progress = false;
                    break;
            }
        }
        processing_ = false;
    }

    // Handles at most one complete request; false when more input is needed.
    bool processHttp() {
        while (input_.startsWith("\r\n") || input_.startsWith('\n')) {
            input_.remove(0, input_.startsWith('\n') ? 1 : 2);  // RFC 9112 §2.2
        }
        const auto [headLength, terminatorLength] = findHeadEnd(input_);
        if (headLength < 0) {
            if (input_.size() > HttpServer::kMaxHeadBytes) {
                refuse(431, "request head too large");
            }
            return false;
        }
        if (headLength > HttpServer::kMaxHeadBytes) {
            refuse(431, "request head too large");
            return false;
        }
        RequestHead head;
        if (const int status = parseHead(input_.left(headLength), head); status != 0) {
            refuse(status, status == 413 ? "request body larger than 1048576 bytes"
                                         : "malformed or unsupported request");
            return false;
        }
        const qsizetype bodyStart = headLength + terminatorLength;
        if (input_.size() - bodyStart < head.contentLength) {
            if (head.expectContinue && !continueSent_) {
                continueSent_ = true;
                if (!sendBytes("HTTP/1.1 100 Continue\r\n\r\n")) {
                    closeNow();
                }
            }
            return false;
        }
        head.request.body = input_.mid(bodyStart, head.contentLength);
        head.request.localPort = server_ ? server_->port() : 0;
        input_.remove(0, bodyStart + head.contentLength);
        continueSent_ = false;
        handleRequest(std::move(head));
        return true;
    }

    void handleRequest(RequestHead head) {
        const HttpRequest &request = head.request;
        keepAlive_ = head.keepAlive;
        headRequest_ = request.method == QLatin1String("HEAD");
        mode_ = Mode::AwaitingReply;
        tmr_cancel(&timer_);  // the handler may take its time (e.g. an RVD fetch)
        if (server_ == nullptr) {
            return;
        }
        if (const auto *webSocketHandler = server_->webSocketRoute(request.path)) {
            if (isWebSocketUpgrade(request)) {
                acceptWebSocket(request, *webSocketHandler);
                return;
            }
            if (server_->routes_.count(request.path) == 0) {
                HttpResponse response = plainError(426, "this path is a WebSocket endpoint");
                response.headers.emplaceBack("Upgrade", "websocket");
                response.headers.emplaceBack("Sec-WebSocket-Version", "13");
                sendResponse(response);
                return;
            }
        }
        server_->dispatch(request, HttpReply(weak_from_this()));
    }

    void acceptWebSocket(const HttpRequest &request, const HttpServer::WebSocketHandler &handler) {
        const QByteArray key = request.header("Sec-WebSocket-Key");
        if (key.isEmpty() || request.header("Sec-WebSocket-Version") != "13") {
            HttpResponse response = plainError(400, "bad WebSocket handshake");
            response.headers.emplaceBack("Sec-WebSocket-Version", "13");
            sendResponse(response);
            return;
        }
        const QByteArray accepted =
            "HTTP/1.1 101 Switching Protocols\r\n"
            "Upgrade: websocket\r\n"
            "Connection: Upgrade\r\n"
            "Sec-WebSocket-Accept: " +
            webSocketAccept(key) + "\r\n\r\n";
        if (!sendBytes(accepted)) {
            closeNow();
            return;
        }
        mode_ = Mode::WebSocket;
        tcp_conn_txqsz_set(tcp_.get(), WebSocketPeer::kMaxQueuedBytes);
        handler(request, WebSocketPeer(weak_from_this()));
    }

    // Reads one client frame; false when more input is needed or the connection ended.
    bool processWebSocketFrame() {
        if (input_.size() < 2) {
            return false;
        }
        const auto byte = [this](qsizetype i) { return quint8(input_.at(i)); };
        const quint8 opcode = byte(0) & 0x0f;
        const bool masked = (byte(1) & 0x80) != 0;
        quint64 length = byte(1) & 0x7f;
        qsizetype offset = 2;
        if (length == 126 || length == 127) {
            const int extra = length == 126 ? 2 : 8;
            if (input_.size() < offset + extra) {
                return false;
            }
            length = 0;
            for (int i = 0; i < extra; ++i) {
                length = (length << 8) | byte(offset + i);
            }
            offset += extra;
        }
        if (!masked || (byte(0) & 0x70) != 0) {
            closeWebSocket(1002, "client frames must be masked, without extensions");
            return false;
        }
        if (length > quint64(kMaxIncomingFrame)) {
            closeWebSocket(1009, "frame too big");
            return false;
        }
        if (input_.size() < offset + 4 + qsizetype(length)) {
            return false;
        }
        const QByteArray maskKey = input_.mid(offset, 4);
        QByteArray payload = input_.mid(offset + 4, qsizetype(length));
        for (qsizetype i = 0; i < payload.size(); ++i) {
            payload[i] = char(payload[i] ^ maskKey[i % 4]);
        }
        input_.remove(0, offset + 4 + qsizetype(length));

        switch (opcode) {
            case 0x0:  // continuation, text, binary: the event stream has no use for them
            case 0x1:
            case 0x2:
            case 0xa:  // pong
                return true;
            case 0x9:  // ping
                return sendWebSocketFrame(0xa, payload);
            case 0x8: {  // close: echo the status code and finish (RFC 6455 §5.5.1)
                sendWebSocketFrame(0x8, payload.left(2));
                finishAfterFlush();
                return false;
            }
            default:
                closeWebSocket(1002, "unknown opcode");
                return false;
        }
    }

    // Answers with an error and closes: the rest of the input cannot be trusted.
    void refuse(int status, const QByteArray &message) {
        keepAlive_ = false;
        headRequest_ = false;
        mode_ = Mode::AwaitingReply;
        sendResponse(plainError(status, message));
    }

    bool sendBytes(const QByteArray &bytes) {
        if (!tcp_ || bytes.isEmpty()) {
            return false;
        }
        const ReUniquePtr<struct mbuf> buffer(mbuf_alloc(std::size_t(bytes.size())));
        if (!buffer ||
            mbuf_write_mem(buffer.get(), reinterpret_cast<const uint8_t *>(bytes.constData()),
                           std::size_t(bytes.size())) != 0) {
            return false;
        }
        buffer->pos = 0;
        return tcp_send(tcp_.get(), buffer.get()) == 0;
    }

    // Lingering close: send what is queued, half-close, then read and discard until the peer
    // closes (or kDrainTimeoutMs), so the client reads our answer instead of a reset.
    void finishAfterFlush() {
        if (mode_ == Mode::Closed) {
            return;
        }
        mode_ = Mode::Draining;
        input_.clear();
        restartTimer(kDrainTimeoutMs);
        if (!tcp_) {
            return;
        }
        if (tcp_conn_txqsz(tcp_.get()) == 0) {
            shutdownWrite();
        } else {
            tcp_set_send(tcp_.get(), &HttpConnection::onFlushed);
        }
    }

    void shutdownWrite() {
        if (tcp_) {
            ::shutdown(tcp_conn_fd(tcp_.get()), SHUT_WR);
        }
    }

    void closeNow() {
        if (mode_ == Mode::Closed) {
            return;
        }
        mode_ = Mode::Closed;
        tmr_cancel(&timer_);
        tcp_.reset();
        input_.clear();
        if (server_ != nullptr) {
            server_->forget(this);  // may drop the last owner; callers hold a keep-alive ref
        }
    }

    HttpServer *server_;
    ReUniquePtr<struct tcp_conn> tcp_;
    struct tmr timer_ {};
    QString peer_;
    QByteArray input_;
    Mode mode_ = Mode::Http;
    bool keepAlive_ = true;
    bool headRequest_ = false;
    bool continueSent_ = false;
    bool processing_ = false;
};

}  // namespace detail

// --- HttpReply -----------------------------------------------------------------------------

HttpReply::HttpReply(std::weak_ptr<detail::HttpConnection> connection)
    : connection_(std::move(connection)), pending_(true) {}

HttpReply::HttpReply(HttpReply &&other) noexcept
    : connection_(std::move(other.connection_)), pending_(std::exchange(other.pending_, false)) {}

HttpReply &HttpReply::operator=(HttpReply &&other) noexcept {
    if (this != &other) {
        if (pending_) {
            sendInternalError();
        }
        connection_ = std::move(other.connection_);
        pending_ = std::exchange(other.pending_, false);
    }
    return *this;
}

HttpReply::~HttpReply() {
    if (pending_) {
        sendInternalError();
    }
}

void HttpReply::send(const HttpResponse &response) {
    if (!pending_) {
        return;
    }
    pending_ = false;
    if (const auto connection = connection_.lock()) {
        connection->sendResponse(response);
    }
}

void HttpReply::sendInternalError() {
    send(plainError(500, "internal error: the request was not answered"));
}

// --- WebSocketPeer -------------------------------------------------------------------------

WebSocketPeer::WebSocketPeer(std::weak_ptr<detail::HttpConnection> connection)
    : connection_(std::move(connection)) {}

bool WebSocketPeer::isOpen() const {
    const auto connection = connection_.lock();
    return connection && connection->isWebSocketOpen();
}

bool WebSocketPeer::sendText(const QByteArray &utf8) {
    const auto connection = connection_.lock();
    return connection && connection->sendWebSocketFrame(0x1, utf8);
}

std::size_t WebSocketPeer::queuedBytes() const {
    const auto connection = connection_.lock();
    return connection ? connection->queuedBytes() : 0;
}

void WebSocketPeer::close(quint16 code, const QByteArray &reason) {
    if (const auto connection = connection_.lock()) {
        connection->closeWebSocket(code, reason);
    }
}

QString WebSocketPeer::peerAddress() const {
    const auto connection = connection_.lock();
    return connection ? connection->peerAddress() : QString();
}

// --- HttpServer ----------------------------------------------------------------------------

HttpServer::HttpServer(Handler fallback) : fallback_(std::move(fallback)) {}

HttpServer::~HttpServer() {
    // Stop accepting first, then close every connection without callbacks into us.
    socket_.reset();
    auto connections = std::move(connections_);
    for (auto &[raw, connection] : connections) {
        connection->detachFromServer();
    }
}

QString HttpServer::listen(const QString &ip, quint16 port) {
    const QByteArray ipText = ip.toLatin1();
    struct sa local {};
    if (sa_set_str(&local, ipText.constData(), port) != 0) {
        return QStringLiteral("cannot listen on %1:%2: not an IP address").arg(ip).arg(port);
    }
    struct tcp_sock *raw = nullptr;
    if (const int err = tcp_listen(&raw, &local, &HttpServer::onConnect, this); err != 0) {
        return QStringLiteral("cannot listen on %1:%2: %3")
            .arg(ip)
            .arg(port)
            .arg(QString::fromLocal8Bit(std::strerror(err)));
    }
    ReUniquePtr<tcp_sock> socket(raw);
    struct sa bound {};
    if (const int err = tcp_sock_local_get(socket.get(), &bound); err != 0) {
        return QStringLiteral("cannot read the bound port of %1:%2: %3")
            .arg(ip)
            .arg(port)
            .arg(QString::fromLocal8Bit(std::strerror(err)));
    }
    socket_ = std::move(socket);
    port_ = sa_port(&bound);
    return {};
}

void HttpServer::addRoute(const QString &path, Handler handler) {
    routes_[path] = std::move(handler);
}

void HttpServer::addWebSocketRoute(const QString &path, WebSocketHandler handler) {
    webSocketRoutes_[path] = std::move(handler);
}

void HttpServer::onConnect(const struct sa *peer, void *arg) {
    auto *server = static_cast<HttpServer *>(arg);
    if (server->connections_.size() >= kMaxConnections) {
        tcp_reject(server->socket_.get());
        return;
    }
    auto connection = std::make_shared<detail::HttpConnection>(*server);
    if (!connection->accept(server->socket_.get(), peer)) {
        tcp_reject(server->socket_.get());
        return;
    }
    server->connections_.emplace(connection.get(), std::move(connection));
}

void HttpServer::dispatch(const HttpRequest &request, HttpReply reply) {
    if (const auto route = routes_.find(request.path); route != routes_.end()) {
        route->second(request, std::move(reply));
    } else if (fallback_) {
        fallback_(request, std::move(reply));
    } else {
        reply.send(plainError(404, "no such resource"));
    }
}

const HttpServer::WebSocketHandler *HttpServer::webSocketRoute(const QString &path) const {
    const auto route = webSocketRoutes_.find(path);
    return route == webSocketRoutes_.end() ? nullptr : &route->second;
}

void HttpServer::forget(detail::HttpConnection *connection) {
    connections_.erase(connection);
}

}  // namespace mrc
