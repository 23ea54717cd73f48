#include "flow/event_stream_client.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QUrlQuery>

namespace flow {

EventStreamClient::EventStreamClient(QObject *parent) : QObject(parent) {
    reconnectTimer_.setSingleShot(true);
    reconnectTimer_.setInterval(1000);
    connect(&reconnectTimer_, &QTimer::timeout, this, &EventStreamClient::openSocket);
    connect(&socket_, &QWebSocket::textMessageReceived, this, &EventStreamClient::onText);
    connect(&socket_, &QWebSocket::connected, this, [this] { emit connectedChanged(true); });
    connect(&socket_, &QWebSocket::disconnected, this, [this] {
        emit connectedChanged(false);
        if (running_) {
            catchUp();  // whatever was sent while the socket was going down
            reconnectTimer_.start();
        }
    });
    connect(&socket_, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) {
                emit problem(tr("event stream: %1").arg(socket_.errorString()));
            });
}

EventStreamClient::~EventStreamClient() {
    running_ = false;
    socket_.abort();
}

void EventStreamClient::start(const QUrl &httpBase, qint64 since) {
    stop();
    httpBase_ = httpBase;
    lastSeq_ = since;
    running_ = true;
    openSocket();
}

void EventStreamClient::stop() {
    running_ = false;
    reconnectTimer_.stop();
    socket_.abort();
}

bool EventStreamClient::isConnected() const {
    return socket_.state() == QAbstractSocket::ConnectedState;
}

void EventStreamClient::openSocket() {
    if (!running_) {
        return;
    }
    QUrl url = httpBase_;
    url.setScheme(httpBase_.scheme() == u"https" ? QStringLiteral("wss") : QStringLiteral("ws"));
    url.setPath(QStringLiteral("/events"));
    url.setQuery(QStringLiteral("since=%1").arg(lastSeq_));
    socket_.open(url);
}

void EventStreamClient::catchUp() {
    QUrl url = httpBase_;
    url.setPath(QStringLiteral("/events.json"));
    url.setQuery(QStringLiteral("since=%1").arg(lastSeq_));
    QNetworkRequest request(url);
    request.setTransferTimeout(5000);
    QNetworkReply *reply = network_.get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            emit problem(tr("event stream catch-up: %1").arg(reply->errorString()));
            return;
        }
        const QJsonDocument json = QJsonDocument::fromJson(reply->readAll());
        if (!json.isArray()) {
            emit problem(tr("event stream catch-up: the answer is not a JSON array"));
            return;
        }
        for (const QJsonValue &event : json.array()) {
            deliver(event.toObject());
        }
    });
}

void EventStreamClient::onText(const QString &message) {
    const QJsonDocument json = QJsonDocument::fromJson(message.toUtf8());
    if (!json.isObject()) {
        emit problem(tr("event stream: a frame that is not a JSON object was ignored"));
        return;
    }
    deliver(json.object());
}

void EventStreamClient::deliver(const QJsonObject &event) {
    const qint64 seq = event.value(QStringLiteral("seq")).toInteger();
    if (seq > 0 && seq <= lastSeq_) {
        return;  // seen already (replay overlapping a catch-up)
    }
    lastSeq_ = std::max(lastSeq_, seq);
    emit eventReceived(event);
}

}  // namespace flow
