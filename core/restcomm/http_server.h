#pragma once
// mini-restcomm's HTTP/1.1 server (REST API, RVD controller, event stream) on libre TCP.
//
// It does not use libre's http_listen: libre 1.1.0 buffers at most 512 KiB per request and then
// drops the connection without an answer (we must answer 413 at 1 MiB), and its connections
// cannot be handed to our own WebSocket code. Request bodies are buffered completely
// (Content-Length; chunked request bodies get 501) before the handler runs.
//
// A connection serves one request at a time: pipelined requests wait until the reply to the
// previous one is sent, so asynchronous replies always leave in order. Keep-alive is supported.
// Everything runs on the libre thread.
#include <QString>

#include <cstddef>
#include <functional>
#include <map>
#include <memory>

#include "restcomm/http_types.h"
#include "restcomm/libre_ptr.h"

struct sa;
struct tcp_sock;

namespace mrc {

namespace detail {
class HttpConnection;
}

// The one-shot answer to a request. Movable; may be kept and used later (asynchronously).
// Destroyed without send(): the client gets 500. Does nothing once the connection is gone.
class HttpReply {
  public:
    HttpReply() = default;
    HttpReply(HttpReply &&other) noexcept;
    HttpReply &operator=(HttpReply &&other) noexcept;
    HttpReply(const HttpReply &) = delete;
    HttpReply &operator=(const HttpReply &) = delete;
    ~HttpReply();

    void send(const HttpResponse &response);
    // True until send() was called (or the reply was moved from).
    bool pending() const { return pending_; }

  private:
    friend class detail::HttpConnection;
    explicit HttpReply(std::weak_ptr<detail::HttpConnection> connection);
    void sendInternalError();

    std::weak_ptr<detail::HttpConnection> connection_;
    bool pending_ = false;
};

// Server side of one accepted WebSocket connection (RFC 6455). We only send text frames;
// frames from the client are read and ignored except ping (answered) and close (echoed).
// A cheap, copyable handle: everything is a no-op once the connection is gone.
class WebSocketPeer {
  public:
    WebSocketPeer() = default;

    bool isOpen() const;
    // Queues one text frame. False when the connection is closed or its send queue is full
    // (kMaxQueuedBytes): the caller should then drop the peer.
    bool sendText(const QByteArray &utf8);
    // Bytes accepted but not yet taken by the kernel: grows when the client reads slowly.
    std::size_t queuedBytes() const;
    // Sends a close frame, then closes the TCP connection once it is flushed.
    void close(quint16 code = 1000, const QByteArray &reason = {});
    QString peerAddress() const;  // "ip:port"

    static constexpr std::size_t kMaxQueuedBytes = 16 * 1024 * 1024;

  private:
    friend class detail::HttpConnection;
    explicit WebSocketPeer(std::weak_ptr<detail::HttpConnection> connection);

    std::weak_ptr<detail::HttpConnection> connection_;
};

class HttpServer {
  public:
    using Handler = std::function<void(const HttpRequest &, HttpReply)>;
    using WebSocketHandler = std::function<void(const HttpRequest &, WebSocketPeer)>;

    static constexpr qsizetype kMaxBodyBytes = 1024 * 1024;  // larger bodies: 413
    static constexpr qsizetype kMaxHeadBytes = 64 * 1024;    // larger request heads: 431
    static constexpr std::size_t kMaxConnections = 256;      // more are refused at accept
    static constexpr int kIdleTimeoutMs = 60000;             // no byte while awaiting a request

    // `fallback` answers every request no route claimed.
    explicit HttpServer(Handler fallback);
    ~HttpServer();
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Starts listening (port 0 = ephemeral). Returns an empty string on success, else a message
    // a user can act on ("cannot listen on 127.0.0.1:8080: Address already in use").
    [[nodiscard]] QString listen(const QString &ip, quint16 port);
    bool isListening() const { return socket_ != nullptr; }
    quint16 port() const { return port_; }  // the bound port, 0 before listen()

    // Exact-path routes, checked before the fallback. A plain route sees every method.
    void addRoute(const QString &path, Handler handler);
    // GET with "Upgrade: websocket" on `path` is accepted (101) and handed over; any other
    // request on that path gets 426 unless a plain route of the same path exists.
    void addWebSocketRoute(const QString &path, WebSocketHandler handler);

    std::size_t connectionCount() const { return connections_.size(); }

  private:
    friend class detail::HttpConnection;
    static void onConnect(const struct sa *peer, void *arg);
    void dispatch(const HttpRequest &request, HttpReply reply);
    const WebSocketHandler *webSocketRoute(const QString &path) const;
    void forget(detail::HttpConnection *connection);

    Handler fallback_;
    std::map<QString, Handler> routes_;
    std::map<QString, WebSocketHandler> webSocketRoutes_;
    ReUniquePtr<tcp_sock> socket_;
    quint16 port_ = 0;
    std::map<detail::HttpConnection *, std::shared_ptr<detail::HttpConnection>> connections_;
};

}  // namespace mrc
