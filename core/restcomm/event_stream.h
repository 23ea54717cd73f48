#pragma once
// mini-restcomm's observable event stream (SIP messages, HTTP fetches, call state...).
//
// Every published event gets "seq" (1, 2, 3... per server run) and "time" (ISO 8601 UTC with
// milliseconds, e.g. "2024-05-01T12:00:00.123Z"), is serialised as one compact JSON object and
//  - sent as one WebSocket text frame to every client of ws://<host>:<port>/events;
//  - kept in a ring of the last `capacity` events;
//  - passed to the optional log sink (one compact JSON object per call, no trailing newline).
//
// Replay: a WebSocket client first receives the buffered events, oldest first, then live ones,
// so a client that connects late still sees the whole (recent) story. It may ask for only the
// events after a sequence number it already has: ws://host:port/events?since=<seq>.
// Plain-HTTP fallback: GET /events.json?since=<seq> answers a JSON array of the buffered events
// with seq > since (all buffered ones without `since`).
//
// Slow or dead clients never block the loop: a client whose unsent backlog would exceed
// WebSocketPeer::kMaxQueuedBytes is dropped, and at most kMaxClients are served at once.
#include <QByteArray>
#include <QJsonObject>

#include <cstddef>
#include <deque>
#include <functional>
#include <vector>

#include "restcomm/event_sink.h"
#include "restcomm/http_server.h"

namespace mrc {

class EventStream final : public EventSink {
  public:
    using LogSink = std::function<void(const QByteArray &jsonLine)>;

    static constexpr std::size_t kDefaultCapacity = 2000;
    static constexpr std::size_t kMaxClients = 32;

    explicit EventStream(std::size_t capacity = kDefaultCapacity);
    ~EventStream() override;
    EventStream(const EventStream &) = delete;
    EventStream &operator=(const EventStream &) = delete;

    void publish(QJsonObject event) override;

    // Serves ws "/events" and GET "/events.json" on `server`. The stream must outlive it.
    void attachTo(HttpServer &server);
    void setLogSink(LogSink sink) { logSink_ = std::move(sink); }

    // Buffered events with seq > `since`, oldest first, as a JSON array text.
    QByteArray eventsSinceJson(qint64 since) const;
    qint64 lastSeq() const { return seq_; }
    std::size_t clientCount() const { return clients_.size(); }
    std::size_t bufferedCount() const { return ring_.size(); }

  private:
    struct Stored {
        qint64 seq;
        QByteArray json;
    };
    void addClient(const HttpRequest &request, WebSocketPeer peer);
    void answerJson(const HttpRequest &request, HttpReply reply) const;

    std::size_t capacity_;
    qint64 seq_ = 0;
    std::deque<Stored> ring_;
    std::vector<WebSocketPeer> clients_;
    LogSink logSink_;
};

}  // namespace mrc
