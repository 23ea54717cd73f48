#pragma once
// A small asynchronous client of a Restcomm-compatible REST API (IncomingPhoneNumbers and
// Applications of one account), HTTP Basic AccountSid:AuthToken. Every call ends exactly once
// in its callback, on the thread of this object; the reply says what failed in words.
#include "numberconfig/number_entry.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <variant>

namespace numcfg {

struct ServerSettings {
    QUrl baseUrl;  // e.g. http://127.0.0.1:8080 (a trailing /restcomm is accepted)
    QString accountSid;
    QString authToken;
};

struct RestReply {
    int status = 0;  // 0: no HTTP answer (networkError says why)
    QByteArray body;
    QString networkError;

    bool ok() const { return status >= 200 && status < 300; }
    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
    // Restcomm's 400 body names the field: {"message": ..., "field": ...}.
    QString field() const;
    QString describe() const;  // "HTTP 400: PhoneNumber ... exists" / "connection refused"
};

class RestcommClient : public QObject {
    Q_OBJECT

  public:
    using ReplyHandler = std::function<void(const RestReply &)>;
    using SnapshotHandler = std::function<void(const std::variant<ServerSnapshot, QString> &)>;

    explicit RestcommClient(QObject *parent = nullptr);

    void setSettings(const ServerSettings &settings) { settings_ = settings; }
    const ServerSettings &settings() const { return settings_; }
    void setTimeoutMs(int timeoutMs) { timeoutMs_ = timeoutMs; }

    // `relativePath` below /restcomm/2012-04-24/Accounts/{sid}/, e.g. "IncomingPhoneNumbers.json".
    void send(const QByteArray &verb, const QString &relativePath, const FormParams &form,
              ReplyHandler done);
    void createNumber(const FormParams &form, ReplyHandler done);
    void updateNumber(const QString &sid, const FormParams &form, ReplyHandler done);
    void deleteNumber(const QString &sid, ReplyHandler done);
    // Every number (all pages) and every application.
    void fetchSnapshot(SnapshotHandler done);

    QUrl accountUrl(const QString &relativePath) const;

  private:
    void fetchNumberPage(int page, std::shared_ptr<ServerSnapshot> snapshot, SnapshotHandler done);
    void fetchApplications(std::shared_ptr<ServerSnapshot> snapshot, SnapshotHandler done);

    QNetworkAccessManager network_;
    ServerSettings settings_;
    int timeoutMs_ = 10000;
};

}  // namespace numcfg
