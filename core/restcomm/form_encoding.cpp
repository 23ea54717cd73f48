#include "restcomm/form_encoding.h"

#include <QUrl>

namespace mrc {

QByteArray HttpRequest::header(const QByteArray &name) const {
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

QByteArray reasonPhrase(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 201:
            return "Created";
        case 204:
            return "No Content";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 409:
            return "Conflict";
        case 413:
            return "Payload Too Large";
        case 500:
            return "Internal Server Error";
        case 503:
            return "Service Unavailable";
        default:
            return "Status";
    }
}

QByteArray percentEncode(const QString &value) {
    return value.toUtf8().toPercentEncoding();  // unreserved set only: '+' becomes %2B
}

QByteArray formEncode(const Params &params) {
    QByteArray out;
    for (const auto &[name, value] : params) {
        if (!out.isEmpty()) {
            out += '&';
        }
        out += percentEncode(name) + '=' + percentEncode(value);
    }
    return out;
}

Params formDecode(const QByteArray &encoded) {
    Params out;
    for (const QByteArray &pair : encoded.split('&')) {
        if (pair.isEmpty()) {
            continue;
        }
        const qsizetype eq = pair.indexOf('=');
        QByteArray name = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        name.replace('+', ' ');
        value.replace('+', ' ');
        out.append({QString::fromUtf8(QByteArray::fromPercentEncoding(name)),
                    QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
    }
    return out;
}

QString paramValue(const Params &params, const QString &name, const QString &fallback) {
    for (const auto &[key, value] : params) {
        if (key == name) {
            return value;
        }
    }
    return fallback;
}

bool hasParam(const Params &params, const QString &name) {
    for (const auto &entry : params) {
        if (entry.first == name) {
            return true;
        }
    }
    return false;
}

}  // namespace mrc
