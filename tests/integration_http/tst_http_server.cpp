// HttpServer on real sockets (127.0.0.1, ephemeral ports), driven by raw TCP clients and curl.
#include <QTemporaryFile>
#include <QtTest>

#include <deque>

#include "http_test_support.h"
#include "restcomm/form_encoding.h"
#include "restcomm/http_server.h"

using namespace mrc;
using namespace httptest;

namespace {
HttpResponse textResponse(int status, const QByteArray &body) {
    HttpResponse response;
    response.status = status;
    response.contentType = "text/plain";
    response.body = body;
    return response;
}

int statusOf(const QByteArray &response) {
    return response.startsWith("HTTP/1.1 ") ? response.mid(9, 3).toInt() : -1;
}
}  // namespace

class TestHttpServer : public QObject {
    Q_OBJECT

    std::unique_ptr<HttpServer> server_;
    QList<HttpRequest> seen_;
    std::deque<HttpReply> heldReplies_;
    bool holdReplies_ = false;

    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(server_->port()); }

    QByteArray exchange(const QByteArray &request, int timeoutMs = 5000) {
        RawClient client(server_->port());
        client.send(request);
        runLoopUntil([&] { return client.closed(); }, timeoutMs);
        return client.received();
    }

  private slots:
    void initTestCase() { initLibre(); }
    void cleanupTestCase() { closeLibre(); }

    void init() {
        seen_.clear();
        holdReplies_ = false;
        server_ = std::make_unique<HttpServer>([this](const HttpRequest &request, HttpReply reply) {
            seen_.append(request);
            if (holdReplies_) {
                heldReplies_.push_back(std::move(reply));
                return;
            }
            if (request.path == QLatin1String("/drop")) {
                return;  // reply destroyed unsent
            }
            reply.send(textResponse(200, "echo:" + request.path.toUtf8() + ':' +
                                             QByteArray::number(request.body.size())));
        });
        QCOMPARE(server_->listen(QStringLiteral("127.0.0.1"), 0), QString());
        QVERIFY(server_->port() != 0);
    }

    void cleanup() {
        heldReplies_.clear();
        server_.reset();
    }

    void getDeliversDecodedPathQueryAndHeaders() {
        const QByteArray response = exchange(
            "GET /apps/a%20b?x=1&Transferor=%2B131313&s=a+b HTTP/1.1\r\n"
            "Host: test\r\nX-Custom: value 1\r\nConnection: close\r\n\r\n");
        QCOMPARE(statusOf(response), 200);
        QVERIFY(response.endsWith("echo:/apps/a b:0"));
        QVERIFY(response.contains("Connection: close\r\n"));
        QCOMPARE(seen_.size(), 1);
        const HttpRequest &request = seen_.first();
        QCOMPARE(request.method, QStringLiteral("GET"));
        QCOMPARE(request.path, QStringLiteral("/apps/a b"));
        QCOMPARE(paramValue(request.query, QStringLiteral("x")), QStringLiteral("1"));
        QCOMPARE(paramValue(request.query, QStringLiteral("Transferor")),
                 QStringLiteral("+131313"));
        QCOMPARE(paramValue(request.query, QStringLiteral("s")), QStringLiteral("a b"));
        QCOMPARE(request.header("x-custom"), QByteArray("value 1"));
    }

    void postBodyFromCurl() {
        const ProcessResult curl =
            runCurl({"-s", "-S", "-d", "a=1&Transferor=%2B131313", base() + "/form"});
        QCOMPARE(curl.exitCode, 0);
        QCOMPARE(curl.out, QByteArray("echo:/form:24"));
        QCOMPARE(seen_.size(), 1);
        QCOMPARE(seen_.first().method, QStringLiteral("POST"));
        QCOMPARE(seen_.first().body, QByteArray("a=1&Transferor=%2B131313"));
        QCOMPARE(seen_.first().contentType, QByteArray("application/x-www-form-urlencoded"));
    }

    // 600 KiB is above libre's own http server buffer (512 KiB): it must still arrive whole.
    void postBodyLargerThanLibreBuffer() {
        QTemporaryFile file;
        QVERIFY(file.open());
        const QByteArray payload(600 * 1024, 'x');
        file.write(payload);
        file.flush();
        const ProcessResult curl =
            runCurl({"-s", "-S", "--data-binary", "@" + file.fileName(), "-H",
                     "Content-Type: application/octet-stream", base() + "/big"});
        QCOMPARE(curl.exitCode, 0);
        QCOMPARE(curl.out, "echo:/big:" + QByteArray::number(payload.size()));
        QCOMPARE(seen_.size(), 1);
        QCOMPARE(seen_.first().body, payload);
    }

    void bodyOverOneMebibyteIs413() {
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write(QByteArray(2 * 1024 * 1024, 'y'));
        file.flush();
        const ProcessResult curl =
            runCurl({"-s", "-o", "/dev/null", "-w", "%{http_code}", "--data-binary",
                     "@" + file.fileName(), base() + "/huge"});
        QCOMPARE(curl.out, QByteArray("413"));

        // Without Expect: 100-continue, announced by Content-Length alone.
        const QByteArray response =
            exchange("POST /huge HTTP/1.1\r\nHost: t\r\nContent-Length: 1048577\r\n\r\n" +
                     QByteArray(4096, 'z'));
        QCOMPARE(statusOf(response), 413);
        QVERIFY(seen_.isEmpty());  // the handler never saw them

        // Exactly the limit is fine.
        const QByteArray atLimit = exchange(
            "POST /limit HTTP/1.1\r\nHost: t\r\nConnection: close\r\nContent-Length: 1048576\r\n"
            "\r\n" +
            QByteArray(1048576, 'l'));
        QCOMPARE(statusOf(atLimit), 200);
        QVERIFY(atLimit.endsWith("echo:/limit:1048576"));
    }

    void malformedRequestsAreRefusedAndServerSurvives_data() {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("garbage line") << QByteArray("GARBAGE\r\n\r\n") << 400;
        QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << 400;
        QTest::newRow("bad version") << QByteArray("GET / HTTP/9.9\r\n\r\n") << 505;
        QTest::newRow("header without colon")
            << QByteArray("GET / HTTP/1.1\r\nHost t\r\n\r\n") << 400;
        QTest::newRow("negative length")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: -5\r\n\r\n") << 400;
        QTest::newRow("conflicting lengths")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab")
            << 400;
        QTest::newRow("chunked body")
            << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") << 501;
        QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff\r\n\r\n", 8) << 400;
        QTest::newRow("relative target") << QByteArray("GET foo HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("folded header")
            << QByteArray("GET / HTTP/1.1\r\nX: a\r\n  b\r\n\r\n") << 400;
        QTest::newRow("endless head") << QByteArray(70 * 1024, 'h') << 431;
    }

    void malformedRequestsAreRefusedAndServerSurvives() {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        const QByteArray response = exchange(request);
        QCOMPARE(statusOf(response), status);
        QVERIFY(seen_.isEmpty());
        // A half request followed by a hang-up must not hurt either.
        {
            RawClient client(server_->port());
            client.send("POST /x HTTP/1.1\r\nContent-Length: 100\r\n\r\nabc");
            runLoopFor(20);
        }
        runLoopFor(20);
        const QByteArray after = exchange("GET /ok HTTP/1.1\r\nConnection: close\r\n\r\n");
        QCOMPARE(statusOf(after), 200);
    }

    void unsentReplyBecomes500() {
        const QByteArray response = exchange("GET /drop HTTP/1.1\r\nConnection: close\r\n\r\n");
        QCOMPARE(statusOf(response), 500);
    }

    // Replies sent later (from a timer, out of the handler) still go out in request order.
    void asynchronousRepliesKeepPipelineOrder() {
        holdReplies_ = true;
        RawClient client(server_->port());
        client.send(
            "GET /first HTTP/1.1\r\nHost: t\r\n\r\n"
            "GET /second HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
        QVERIFY(runLoopUntil([&] { return heldReplies_.size() == 1; }));
        runLoopFor(50);
        QCOMPARE(heldReplies_.size(), std::size_t(1));  // the second waits for the first
        QVERIFY(client.received().isEmpty());

        heldReplies_.front().send(textResponse(200, "one"));
        heldReplies_.pop_front();
        QVERIFY(runLoopUntil([&] { return heldReplies_.size() == 1; }));
        QCOMPARE(seen_.size(), 2);
        QCOMPARE(seen_.at(1).path, QStringLiteral("/second"));
        heldReplies_.front().send(textResponse(201, "two"));
        heldReplies_.pop_front();
        QVERIFY(runLoopUntil([&] { return client.closed(); }));

        const QByteArray received = client.received();
        const qsizetype one = received.indexOf("HTTP/1.1 200 OK");
        const qsizetype two = received.indexOf("HTTP/1.1 201 Created");
        QVERIFY(one == 0);
        QVERIFY(two > one);
        QVERIFY(received.endsWith("two"));
    }

    void replyAfterClientLeftIsHarmless() {
        holdReplies_ = true;
        {
            RawClient client(server_->port());
            client.send("GET /late HTTP/1.1\r\n\r\n");
            QVERIFY(runLoopUntil([&] { return heldReplies_.size() == 1; }));
        }
        QVERIFY(runLoopUntil([&] { return server_->connectionCount() == 0; }));
        heldReplies_.front().send(textResponse(200, "nobody"));
        heldReplies_.clear();
        runLoopFor(20);
    }

    void routesAndKeepAlive() {
        server_->addRoute(QStringLiteral("/health"), [](const HttpRequest &, HttpReply reply) {
            reply.send(textResponse(200, "up"));
        });
        RawClient client(server_->port());
        client.send("GET /health HTTP/1.1\r\n\r\n");
        QVERIFY(runLoopUntil([&] { return client.received().endsWith("up"); }));
        client.send("GET /other HTTP/1.1\r\n\r\n");  // same connection, kept alive
        QVERIFY(runLoopUntil([&] { return client.received().endsWith("echo:/other:0"); }));
        QVERIFY(!client.closed());
        QCOMPARE(seen_.size(), 1);  // /health never reached the fallback
    }

    void headAnswersWithoutBody() {
        const QByteArray response = exchange("HEAD /h HTTP/1.1\r\nConnection: close\r\n\r\n");
        QCOMPARE(statusOf(response), 200);
        QVERIFY(response.contains("Content-Length: 9\r\n"));
        QVERIFY(response.endsWith("\r\n\r\n"));
    }

    void listenReportsBusyPort() {
        HttpServer second([](const HttpRequest &, HttpReply) {});
        const QString error = second.listen(QStringLiteral("127.0.0.1"), server_->port());
        QVERIFY2(error.contains(QString::number(server_->port())), qPrintable(error));
        QVERIFY(!second.isListening());
        HttpServer third([](const HttpRequest &, HttpReply) {});
        QVERIFY(!third.listen(QStringLiteral("not-an-ip"), 0).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_http_server.moc"
