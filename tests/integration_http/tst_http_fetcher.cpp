// HttpFetcher against raw HTTP servers on 127.0.0.1: byte-exact encoding, statuses, failures.
#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

#include <optional>

#include "http_test_support.h"
#include "restcomm/event_sink.h"
#include "restcomm/http_fetcher.h"

using namespace mrc;
using namespace httptest;

namespace {
struct CollectingSink : EventSink {
    QList<QJsonObject> events;
    void publish(QJsonObject event) override { events.append(std::move(event)); }
};

QByteArray okReply(const QByteArray &body, const QByteArray &type = "application/xml") {
    return "HTTP/1.1 200 OK\r\nContent-Type: " + type +
           "; charset=utf-8\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
}

const Params kReferParams = {{QStringLiteral("Transferor"), QStringLiteral("+131313")},
                             {QStringLiteral("Name"), QStringLiteral("a b&c=d")},
                             {QStringLiteral("Name"), QStringLiteral("é")}};
}  // namespace

class TestHttpFetcher : public QObject {
    Q_OBJECT

    CollectingSink sink_;
    std::optional<FetchResult> result_;
    int calls_ = 0;

    HttpFetcher::Callback collect() {
        return [this](const FetchResult &result) {
            ++calls_;
            result_ = result;
        };
    }
    bool waitResult(int timeoutMs = 5000) {
        return runLoopUntil([this] { return result_.has_value(); }, timeoutMs);
    }

  private slots:
    void initTestCase() { initLibre(); }
    void cleanupTestCase() { closeLibre(); }
    void init() {
        sink_.events.clear();
        result_.reset();
        calls_ = 0;
    }

    void getAppendsParamsToUrlQueryByteExact() {
        RawServer server;
        server.setReply(okReply("<Response><Hangup/></Response>"));
        HttpFetcher fetcher(&sink_);
        const QString url =
            QStringLiteral("http://127.0.0.1:%1/app.xml?fixed=1&x=%2B1").arg(server.port());
        auto handle = fetcher.fetch({FetchMethod::Get, url, kReferParams, 5000}, collect());
        QVERIFY(waitResult());
        QCOMPARE(result_->error, QString());
        QCOMPARE(result_->status, 200);
        QVERIFY(result_->succeeded());
        QCOMPARE(result_->body, QByteArray("<Response><Hangup/></Response>"));
        QCOMPARE(result_->contentType, QByteArray("application/xml"));
        QVERIFY(handle->finished());

        QCOMPARE(server.requests().size(), 1);
        const QByteArray request = server.requests().first();
        QVERIFY2(request.startsWith("GET /app.xml?fixed=1&x=%2B1&Transferor=%2B131313&"
                                    "Name=a%20b%26c%3Dd&Name=%C3%A9 HTTP/1.1\r\n"),
                 request.constData());
        QVERIFY(!request.contains("Content-Length"));
    }

    void postSendsFormBodyWithUrlQueryFirstByteExact() {
        RawServer server;
        server.setReply(okReply("<Response/>"));
        HttpFetcher fetcher(&sink_);
        const QString url =
            QStringLiteral("http://localhost:%1/refer?AccountSid=AC1").arg(server.port());
        auto handle = fetcher.fetch({FetchMethod::Post, url, kReferParams, 5000}, collect());
        QVERIFY(waitResult());
        QCOMPARE(result_->status, 200);

        const QByteArray request = server.requests().value(0);
        const QByteArray body =
            "AccountSid=AC1&Transferor=%2B131313&Name=a%20b%26c%3Dd&Name=%C3%A9";
        QVERIFY2(request.startsWith("POST /refer HTTP/1.1\r\n"), request.constData());
        QVERIFY(request.contains(
            "\r\nContent-Type: application/x-www-form-urlencoded; charset=UTF-8\r\n"));
        QVERIFY(
            request.contains("\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n"));
        QVERIFY(request.endsWith("\r\n\r\n" + body));
        QVERIFY(request.contains("Transferor=%2B131313"));  // Restcomm's ReferTest check
    }

    void publishesHttpEvent() {
        RawServer server;
        server.setReply(okReply("<Response><Say>hi</Say></Response>"));
        HttpFetcher fetcher(&sink_);
        const QString url = QStringLiteral("http://127.0.0.1:%1/e").arg(server.port());
        auto handle = fetcher.fetch({FetchMethod::Post, url, kReferParams, 5000}, collect());
        QVERIFY(waitResult());
        QCOMPARE(sink_.events.size(), 1);
        const QJsonObject event = sink_.events.first();
        QCOMPARE(event.value("type").toString(), QStringLiteral("http"));
        QCOMPARE(event.value("method").toString(), QStringLiteral("POST"));
        QCOMPARE(event.value("url").toString(), url);
        QCOMPARE(event.value("status").toInt(), 200);
        QCOMPARE(event.value("error").toString(), QString());
        QVERIFY(event.value("latency_ms").isDouble());
        const QJsonObject params = event.value("params").toObject();
        QCOMPARE(params.value("Transferor").toString(), QStringLiteral("+131313"));
        QCOMPARE(params.value("Name").toArray().size(), 2);
        QCOMPARE(event.value("body_excerpt").toString(),
                 QStringLiteral("<Response><Say>hi</Say></Response>"));
    }

    void status500IsReportedNotAnError() {
        RawServer server;
        server.setReply(
            "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 4\r\nConnection: close\r\n"
            "\r\noops");
        HttpFetcher fetcher(&sink_);
        auto handle = fetcher.fetch(
            {FetchMethod::Get, QStringLiteral("http://127.0.0.1:%1/").arg(server.port()), {}, 5000},
            collect());
        QVERIFY(waitResult());
        QCOMPARE(result_->status, 500);
        QCOMPARE(result_->error, QString());
        QCOMPARE(result_->body, QByteArray("oops"));
        QVERIFY(!result_->succeeded());
        QCOMPARE(sink_.events.value(0).value("status").toInt(), 500);
    }

    void serverThatNeverAnswersTimesOut() {
        RawServer server;  // accepts, reads, never answers
        HttpFetcher fetcher(&sink_);
        auto handle = fetcher.fetch(
            {FetchMethod::Post, QStringLiteral("http://127.0.0.1:%1/slow").arg(server.port()),
             kReferParams, 300},
            collect());
        QVERIFY(waitResult(3000));
        QCOMPARE(result_->status, 0);
        QCOMPARE(result_->error, QStringLiteral("timeout after 300 ms"));
        QVERIFY(result_->latencyMs >= 290);
        QVERIFY(result_->latencyMs < 2000);
        QCOMPARE(server.requests().size(), 1);  // it did get the request
        runLoopFor(100);
        QCOMPARE(calls_, 1);
        QCOMPARE(sink_.events.value(0).value("error").toString(),
                 QStringLiteral("timeout after 300 ms"));
    }

    void connectionRefusedIsReported() {
        HttpFetcher fetcher(&sink_);
        auto handle = fetcher.fetch(
            {FetchMethod::Get, QStringLiteral("http://127.0.0.1:%1/").arg(unusedPort()), {}, 5000},
            collect());
        QVERIFY(waitResult());
        QCOMPARE(result_->status, 0);
        QCOMPARE(result_->error, QStringLiteral("connection refused"));
    }

    void oversizedBodyIsAnError() {
        RawServer server;
        const QByteArray big(HttpFetcher::kMaxBodyBytes + 1, 'b');
        server.setReply(okReply(big, "text/plain"));
        HttpFetcher fetcher(&sink_);
        auto handle = fetcher.fetch(
            {FetchMethod::Get, QStringLiteral("http://127.0.0.1:%1/").arg(server.port()), {}, 5000},
            collect());
        QVERIFY(waitResult());
        QCOMPARE(result_->error, QStringLiteral("response body larger than 1048576 bytes"));
        QVERIFY(result_->body.isEmpty());
        QVERIFY(!result_->succeeded());
    }

    void chunkedBodyIsAssembled() {
        RawServer server;
        server.setReply(
            "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\n"
            "Connection: close\r\n\r\n5\r\n<Resp\r\n6\r\nonse/>\r\n0\r\n\r\n");
        HttpFetcher fetcher;
        auto handle = fetcher.fetch(
            {FetchMethod::Get, QStringLiteral("http://127.0.0.1:%1/").arg(server.port()), {}, 5000},
            collect());
        QVERIFY(waitResult());
        QCOMPARE(result_->body, QByteArray("<Response/>"));
        QCOMPARE(result_->contentType, QByteArray("text/xml"));
    }

    // Python's http.server style: HTTP/1.0, no Content-Length, the body ends when it closes.
    void bodyEndedByCloseIsRead_data() {
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<QByteArray>("tail");
        QTest::addColumn<int>("delayMs");
        const QByteArray head = "HTTP/1.0 200 OK\r\nContent-Type: text/xml\r\n\r\n";
        QTest::newRow("with the head") << head + "<Response><Dial>" << QByteArray() << 0;
        QTest::newRow("after the head") << head << QByteArray("<Response><Dial>") << 50;
        QTest::newRow("split") << head + "<Response>" << QByteArray("<Dial>") << 50;
    }

    void bodyEndedByCloseIsRead() {
        QFETCH(QByteArray, reply);
        QFETCH(QByteArray, tail);
        QFETCH(int, delayMs);
        RawServer server;
        server.setReply(reply);
        server.setCloseAfterReply(tail, delayMs);
        HttpFetcher fetcher(&sink_);
        auto handle = fetcher.fetch(
            {FetchMethod::Get, QStringLiteral("http://127.0.0.1:%1/").arg(server.port()), {}, 5000},
            collect());
        QVERIFY(waitResult());
        QCOMPARE(result_->error, QString());
        QCOMPARE(result_->status, 200);
        QCOMPARE(result_->contentType, QByteArray("text/xml"));
        QCOMPARE(result_->body, QByteArray("<Response><Dial>"));
        QCOMPARE(sink_.events.size(), 1);
    }

    void destroyingHandleCancelsWithoutCallback() {
        RawServer server;  // never answers
        HttpFetcher fetcher(&sink_);
        auto handle = fetcher.fetch(
            {FetchMethod::Get, QStringLiteral("http://127.0.0.1:%1/").arg(server.port()), {}, 200},
            collect());
        QVERIFY(runLoopUntil([&] { return server.requests().size() == 1; }));
        handle.reset();
        runLoopFor(400);  // past the timeout: nothing may fire
        QCOMPARE(calls_, 0);
        QVERIFY(sink_.events.isEmpty());
    }

    void handleMayOutliveFetcher() {
        RawServer server;
        server.setReply(okReply("<Response/>"));
        std::unique_ptr<FetchHandle> handle;
        {
            HttpFetcher fetcher;
            handle = fetcher.fetch({FetchMethod::Get,
                                    QStringLiteral("http://127.0.0.1:%1/").arg(server.port()),
                                    {},
                                    5000},
                                   collect());
        }
        QVERIFY(waitResult());
        QCOMPARE(result_->status, 200);
    }

    void badUrlsFailAsynchronously_data() {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("error");
        QTest::newRow("not a url") << QStringLiteral("::nonsense") << QStringLiteral("invalid URL");
        QTest::newRow("scheme") << QStringLiteral("ftp://127.0.0.1/x")
                                << QStringLiteral("unsupported URL scheme 'ftp'");
        QTest::newRow("no host") << QStringLiteral("http:///path") << QStringLiteral("invalid URL");
    }

    void badUrlsFailAsynchronously() {
        QFETCH(QString, url);
        QFETCH(QString, error);
        HttpFetcher fetcher(&sink_);
        auto handle = fetcher.fetch({FetchMethod::Get, url, {}, 1000}, collect());
        QCOMPARE(calls_, 0);  // never from inside fetch()
        QVERIFY(waitResult());
        QVERIFY2(result_->error.startsWith(error), qPrintable(result_->error));
        QCOMPARE(result_->status, 0);
    }

    void methodNames() {
        QVERIFY(fetchMethodFromString(QStringLiteral("get")) == FetchMethod::Get);
        QVERIFY(fetchMethodFromString(QStringLiteral("POST")) == FetchMethod::Post);
        QVERIFY(!fetchMethodFromString(QStringLiteral("PUT")).has_value());
        QCOMPARE(toString(FetchMethod::Get), QStringLiteral("GET"));
    }
};

QTEST_GUILESS_MAIN(TestHttpFetcher)
#include "tst_http_fetcher.moc"
