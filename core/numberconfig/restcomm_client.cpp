#include "numberconfig/restcomm_client.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QUrlQuery>

#include <memory>

namespace numcfg {

namespace {

constexpr int kPageSize = 1000;  // the largest page Restcomm and mini-restcomm give

QByteArray formBody(const FormParams &form) {
    QUrlQuery query;
    for (const auto &[name, value] : form) {
        query.addQueryItem(name, value);
    }
    // QUrlQuery leaves '+' alone, which a form decoder reads as a space.
    return query.toString(QUrl::FullyEncoded).replace('+', "%2B").toUtf8();
}

}  // namespace

QString RestReply::field() const {
    return json().object().value(QStringLiteral("field")).toString();
}

QString RestReply::describe() const {
    if (status == 0) {
        return networkError.isEmpty() ? QStringLiteral("no answer") : networkError;
    }
    const QString message = json().object().value(QStringLiteral("message")).toString();
    QString text = QStringLiteral("HTTP %1").arg(status);
    if (!message.isEmpty()) {
        text += QStringLiteral(": ") + message;
    } else if (status == 401) {
        text += QStringLiteral(": AccountSid or AuthToken refused");
    } else if (!ok() && !body.isEmpty()) {
        text += QStringLiteral(": ") + QString::fromUtf8(body.left(200)).simplified();
    }
    return text;
}

RestcommClient::RestcommClient(QObject *parent) : QObject(parent) {}

QUrl RestcommClient::accountUrl(const QString &relativePath) const {
    QUrl url = settings_.baseUrl;
    QString path = url.path();
    while (path.endsWith(u'/')) {
        path.chop(1);
    }
    if (path.endsWith(QStringLiteral("/restcomm"))) {
        path.chop(int(qstrlen("/restcomm")));
    }
    const qsizetype query = relativePath.indexOf(u'?');
    url.setPath(path + QStringLiteral("/restcomm/2012-04-24/Accounts/%1/%2")
                           .arg(settings_.accountSid, relativePath.left(query)));
    url.setQuery(query < 0 ? QString() : relativePath.mid(query + 1));
    return url;
}

void RestcommClient::send(const QByteArray &verb, const QString &relativePath,
                          const FormParams &form, ReplyHandler done) {
    QNetworkRequest request(accountUrl(relativePath));
    const QByteArray credentials =
        (settings_.accountSid + u':' + settings_.authToken).toUtf8().toBase64();
    request.setRawHeader("Authorization", "Basic " + credentials);
    request.setTransferTimeout(timeoutMs_);
    QByteArray body;
    if (!form.isEmpty()) {
        body = formBody(form);
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
    }
    QNetworkReply *reply = network_.sendCustomRequest(request, verb, body);
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        RestReply result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        if (result.status == 0) {
            result.networkError = reply->errorString();
        }
        reply->deleteLater();
        done(result);
    });
}

void RestcommClient::createNumber(const FormParams &form, ReplyHandler done) {
    send("POST", QStringLiteral("IncomingPhoneNumbers.json"), form, std::move(done));
}

void RestcommClient::updateNumber(const QString &sid, const FormParams &form, ReplyHandler done) {
    send("POST", QStringLiteral("IncomingPhoneNumbers/%1.json").arg(sid), form, std::move(done));
}

void RestcommClient::deleteNumber(const QString &sid, ReplyHandler done) {
    send("DELETE", QStringLiteral("IncomingPhoneNumbers/%1.json").arg(sid), {}, std::move(done));
}

void RestcommClient::fetchSnapshot(SnapshotHandler done) {
    fetchNumberPage(0, std::make_shared<ServerSnapshot>(), std::move(done));
}

void RestcommClient::fetchNumberPage(int page, std::shared_ptr<ServerSnapshot> snapshot,
                                     SnapshotHandler done) {
    const QString path =
        QStringLiteral("IncomingPhoneNumbers.json?Page=%1&PageSize=%2").arg(page).arg(kPageSize);
    send("GET", path, {}, [this, page, snapshot, done](const RestReply &reply) {
        if (!reply.ok()) {
            done(QStringLiteral("reading the numbers failed: %1").arg(reply.describe()));
            return;
        }
        const QJsonDocument json = reply.json();
        QJsonArray items;
        int pages = 1;
        if (json.isArray()) {
            items = json.array();
        } else {
            const QJsonObject object = json.object();
            items = object.contains(QStringLiteral("incomingPhoneNumbers"))
                        ? object.value(QStringLiteral("incomingPhoneNumbers")).toArray()
                        : object.value(QStringLiteral("incoming_phone_numbers")).toArray();
            pages = object.value(QStringLiteral("num_pages")).toInt(1);
            if (!object.contains(QStringLiteral("incomingPhoneNumbers")) &&
                !object.contains(QStringLiteral("incoming_phone_numbers"))) {
                done(
                    QStringLiteral("reading the numbers failed: the answer is not an "
                                   "IncomingPhoneNumbers list"));
                return;
            }
        }
        for (const QJsonValue &item : items) {
            const QJsonObject number = item.toObject();
            snapshot->numbers.append({number.value(QStringLiteral("sid")).toString(),
                                      number.value(QStringLiteral("phone_number")).toString(),
                                      number});
        }
        if (page + 1 < pages && !items.isEmpty()) {
            fetchNumberPage(page + 1, snapshot, done);
        } else {
            fetchApplications(snapshot, done);
        }
    });
}

void RestcommClient::fetchApplications(std::shared_ptr<ServerSnapshot> snapshot,
                                       SnapshotHandler done) {
    send("GET", QStringLiteral("Applications.json"), {}, [snapshot, done](const RestReply &reply) {
        if (!reply.ok()) {
            done(QStringLiteral("reading the applications failed: %1").arg(reply.describe()));
            return;
        }
        const QJsonDocument json = reply.json();
        // Restcomm lists applications as a bare array; accept a page object too.
        const QJsonArray items =
            json.isArray() ? json.array()
                           : json.object().value(QStringLiteral("applications")).toArray();
        for (const QJsonValue &item : items) {
            const QJsonObject application = item.toObject();
            snapshot->applications.append(
                {application.value(QStringLiteral("sid")).toString(),
                 application.value(QStringLiteral("friendly_name")).toString(),
                 application.value(QStringLiteral("rcml_url")).toString(),
                 application.value(QStringLiteral("kind")).toString()});
        }
        done(*snapshot);
    });
}

}  // namespace numcfg
