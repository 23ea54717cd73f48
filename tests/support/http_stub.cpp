#include "http_stub.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace rptest {

HttpStub::HttpStub(QObject *parent) : QObject(parent) {
    default_.status = 404;
    default_.contentType = "text/plain";
    default_.body = "no stub route";
    connect(&server_, &QTcpServer::newConnection, this, &HttpStub::onNewConnection);
}

HttpStub::~HttpStub() = default;

bool HttpStub::listen() {
    return server_.listen(QHostAddress::LocalHost, 0);
}

quint16 HttpStub::port() const {
    return server_.serverPort();
}

QString HttpStub::url(const QString &path) const {
    return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path);
}

void HttpStub::setRoute(const QString &path, const StubRoute &route) {
    routes_.insert(path, route);
}

void HttpStub::setRcml(const QString &path, const QByteArray &rcml) {
    StubRoute route;
    route.body = rcml;
    setRoute(path, route);
}

void HttpStub::setDefaultRoute(const StubRoute &route) {
    default_ = route;
}

QList<StubRequest> HttpStub::requestsTo(const QString &path) const {
    QList<StubRequest> out;
    for (const StubRequest &request : requests_) {
        if (request.path == path) {
            out.append(request);
        }
    }
    return out;
}

bool HttpStub::waitForRequests(const QString &path, int count, int timeoutMs) {
    return waitUntil([&] { return countTo(path) >= count; }, timeoutMs);
}

void HttpStub::onNewConnection() {
    while (QTcpSocket *socket = server_.nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            buffers_.remove(socket);
            socket->deleteLater();
        });
    }
}

void HttpStub::onReadyRead(QTcpSocket *socket) {
    QByteArray &buffer = buffers_[socket];
    buffer += socket->readAll();
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        return;
    }
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> startLine = lines.value(0).trimmed().split(' ');
    StubRequest request;
    qsizetype contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            continue;
        }
        const QByteArray name = line.left(colon).trimmed();
        const QByteArray val = line.mid(colon + 1).trimmed();
        request.headers.append({name, val});
        if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            contentLength = val.toLongLong();
        } else if (name.compare("content-type", Qt::CaseInsensitive) == 0) {
            request.contentType = val.split(';').value(0).trimmed().toLower();
        }
    }
    if (buffer.size() < headerEnd + 4 + contentLength) {
        return;  // body not complete yet
    }
    request.body = buffer.mid(headerEnd + 4, contentLength);
    buffer.clear();

    request.method = QString::fromLatin1(startLine.value(0));
    const QByteArray target = startLine.value(1);
    const qsizetype question = target.indexOf('?');
    request.path = QUrl::fromPercentEncoding(question < 0 ? target : target.left(question));
    request.rawQuery = question < 0 ? QByteArray() : target.mid(question + 1);
    request.query = decodeForm(request.rawQuery);
    request.params = request.query;
    if (request.contentType == "application/x-www-form-urlencoded") {
        request.params += decodeForm(request.body);
    }
    request.time = QDateTime::currentDateTimeUtc();
    requests_.append(request);
    emit requestReceived(request);

    const StubRoute route = routes_.value(request.path, default_);
    if (route.noAnswer) {
        return;  // keep the connection open and silent
    }
    if (route.delayMs > 0) {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(route.delayMs, this, [this, guard, route] {
            if (guard) {
                answer(guard, route);
            }
        });
        return;
    }
    answer(socket, route);
}

void HttpStub::answer(QTcpSocket *socket, const StubRoute &route) {
    QByteArray response = "HTTP/1.1 " + QByteArray::number(route.status) + " Stub\r\n";
    response += "Content-Type: " + route.contentType + "\r\n";
    response += "Content-Length: " + QByteArray::number(route.body.size()) + "\r\n";
    response += "Connection: close\r\n\r\n";
    response += route.body;
    socket->write(response);
    socket->disconnectFromHost();
}

}  // namespace rptest
