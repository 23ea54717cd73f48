#pragma once
// Client of mini-restcomm's event stream: a WebSocket to ws://HOST:PORT/events?since=N (the
// server replays what it buffered after N, then sends live events); when the socket drops it
// catches up with GET /events.json?since=N and reconnects after a short pause. Every event is
// emitted once, in seq order, as the JSON object the server sent.
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace flow {

class EventStreamClient : public QObject {
    Q_OBJECT

  public:
    explicit EventStreamClient(QObject *parent = nullptr);
    ~EventStreamClient() override;

    // `httpBase`: mini-restcomm's HTTP address, e.g. http://127.0.0.1:8080.
    void start(const QUrl &httpBase, qint64 since = 0);
    void stop();
    bool isConnected() const;
    qint64 lastSeq() const { return lastSeq_; }
    void setReconnectDelayMs(int ms) { reconnectTimer_.setInterval(ms); }

    // One GET /events.json?since=lastSeq (also used by start() when the socket cannot open).
    void catchUp();

  signals:
    void eventReceived(const QJsonObject &event);
    void connectedChanged(bool connected);
    void problem(const QString &message);  // readable, e.g. "event stream: connection refused"

  private:
    void openSocket();
    void deliver(const QJsonObject &event);
    void onText(const QString &message);

    QWebSocket socket_;
    QNetworkAccessManager network_;
    QTimer reconnectTimer_;
    QUrl httpBase_;
    qint64 lastSeq_ = 0;
    bool running_ = false;
};

}  // namespace flow
