#pragma once
// Plain HTTP request/response values exchanged between the libre HTTP adapter and the pure
// request handlers (REST API, RVD controller). No I/O here.
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace mrc {

using Params = QList<QPair<QString, QString>>;  // ordered; a name may repeat

struct HttpRequest {
    QString method;                                // "GET", "POST", ...
    QString path;                                  // decoded path, no query
    Params query;                                  // decoded query parameters
    QList<QPair<QByteArray, QByteArray>> headers;  // as received
    QByteArray body;
    QByteArray contentType;  // lower-case media type without parameters
    quint16 localPort = 0;   // the port the request arrived on

    QByteArray header(const QByteArray &name) const;  // case-insensitive; empty when absent
};

struct HttpResponse {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;  // extra headers (e.g. WWW-Authenticate)
};

QByteArray reasonPhrase(int status);

}  // namespace mrc
