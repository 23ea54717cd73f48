#include "restcomm/event_stream.h"

#include <QDateTime>
#include <QJsonDocument>

#include <algorithm>

#include "restcomm/form_encoding.h"

namespace mrc {

namespace {

// `since` query parameter; 0 (everything buffered) when absent or not a number.
qint64 sinceParameter(const HttpRequest &request) {
    bool ok = false;
    const qint64 since = paramValue(request.query, QStringLiteral("since")).toLongLong(&ok);
    return ok && since > 0 ? since : 0;
}

}  // namespace

EventStream::EventStream(std::size_t capacity) : capacity_(std::max<std::size_t>(capacity, 1)) {}

EventStream::~EventStream() {
    for (WebSocketPeer &client : clients_) {
        client.close(1001, "server going away");
    }
}

void EventStream::publish(QJsonObject event) {
    event.insert(QStringLiteral("seq"), ++seq_);
    event.insert(QStringLiteral("time"),
                 QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    QByteArray json = QJsonDocument(event).toJson(QJsonDocument::Compact);

    // Drop clients that are gone or cannot keep up; sending to one never waits for it.
    std::erase_if(clients_, [&json](WebSocketPeer &client) {
        if (client.isOpen() && client.sendText(json)) {
            return false;
        }
        client.close(1008, "client too slow: events dropped");
        return true;
    });

    if (logSink_) {
        logSink_(json);
    }
    ring_.push_back({seq_, std::move(json)});
    while (ring_.size() > capacity_) {
        ring_.pop_front();
    }
}

void EventStream::attachTo(HttpServer &server) {
    server.addWebSocketRoute(QStringLiteral("/events"),
                             [this](const HttpRequest &request, WebSocketPeer peer) {
                                 addClient(request, std::move(peer));
                             });
    server.addRoute(QStringLiteral("/events.json"),
                    [this](const HttpRequest &request, HttpReply reply) {
                        answerJson(request, std::move(reply));
                    });
}

QByteArray EventStream::eventsSinceJson(qint64 since) const {
    QByteArray out = "[";
    for (const Stored &stored : ring_) {
        if (stored.seq > since) {
            if (out.size() > 1) {
                out += ',';
            }
            out += stored.json;
        }
    }
    out += ']';
    return out;
}

void EventStream::addClient(const HttpRequest &request, WebSocketPeer peer) {
    std::erase_if(clients_, [](const WebSocketPeer &client) { return !client.isOpen(); });
    if (clients_.size() >= kMaxClients) {
        peer.close(1013, "too many event stream clients");
        return;
    }
    const qint64 since = sinceParameter(request);
    for (const Stored &stored : ring_) {
        if (stored.seq > since && !peer.sendText(stored.json)) {
            return;  // the replay alone overflowed it: already closed
        }
    }
    clients_.push_back(std::move(peer));
}

void EventStream::answerJson(const HttpRequest &request, HttpReply reply) const {
    HttpResponse response;
    if (request.method != QLatin1String("GET") && request.method != QLatin1String("HEAD")) {
        response.status = 405;
        response.headers.emplaceBack("Allow", "GET, HEAD");
        response.body = R"({"status":405,"message":"use GET /events.json?since=<seq>"})";
    } else {
        response.body = eventsSinceJson(sinceParameter(request));
    }
    reply.send(response);
}

}  // namespace mrc
