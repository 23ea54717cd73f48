#pragma once
// HttpStub: the RCML application server of a test, living in the test process (like the
// WireMock stubs of Restcomm's suite). It records every request and answers per path with
// configured RCML, status, delay, or no answer at all. Needs a running event loop: wait with
// rptest::waitUntil / QTest::qWaitFor, never with blocking calls.
#include "form_params.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTcpServer>

namespace rptest {

struct StubRequest {
    QString method;
    QString path;  // decoded, without query
    Params query;  // from the URL
    QByteArray body;
    QByteArray contentType;  // lower-case media type without parameters
    Params params;           // query + form body (Restcomm merges both), in that order
    QList<QPair<QByteArray, QByteArray>> headers;
    QDateTime time;
    QByteArray rawQuery;  // as sent, to check literal encodings such as %2B

    QString param(const QString &name, const QString &fallback = {}) const {
        return value(params, name, fallback);
    }
    bool has(const QString &name) const { return contains(params, name); }
};

struct StubRoute {
    int status = 200;
    QByteArray contentType = "application/xml";
    QByteArray body;
    int delayMs = 0;
    bool noAnswer = false;  // accept, read, never answer (an app server that hangs)
};

class HttpStub : public QObject {
    Q_OBJECT
  public:
    explicit HttpStub(QObject *parent = nullptr);
    ~HttpStub() override;

    bool listen();  // 127.0.0.1, free port
    quint16 port() const;
    QString url(const QString &path) const;  // "http://127.0.0.1:<port><path>"

    void setRoute(const QString &path, const StubRoute &route);
    void setRcml(const QString &path, const QByteArray &rcml);
    // Paths without a route get this; default 404.
    void setDefaultRoute(const StubRoute &route);

    QList<StubRequest> requests() const { return requests_; }
    QList<StubRequest> requestsTo(const QString &path) const;
    int countTo(const QString &path) const { return int(requestsTo(path).size()); }
    // Waits until at least `count` requests reached `path`.
    bool waitForRequests(const QString &path, int count, int timeoutMs);
    void clear() { requests_.clear(); }

  signals:
    void requestReceived(const rptest::StubRequest &request);

  private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const StubRoute &route);

    QTcpServer server_;
    QHash<QString, StubRoute> routes_;
    StubRoute default_;
    QHash<QTcpSocket *, QByteArray> buffers_;
    QList<StubRequest> requests_;
};

}  // namespace rptest
