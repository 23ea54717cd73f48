// EventStream over real WebSocket and HTTP connections on 127.0.0.1.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "http_test_support.h"
#include "restcomm/event_stream.h"
#include "restcomm/http_server.h"

using namespace mrc;
using namespace httptest;

namespace {
QJsonObject makeEvent(const QString &type, int n) {
    return {{QStringLiteral("type"), type}, {QStringLiteral("n"), n}};
}

// A WebSocket client of /events built on RawClient.
class EventClient {
  public:
    explicit EventClient(quint16 port, const QString &pathAndQuery = QStringLiteral("/events"))
        : tcp_(port) {
        tcp_.send(webSocketHandshake(pathAndQuery, "dGhlIHNhbXBsZSBub25jZQ=="));
    }
    bool waitOpen() {
        return runLoopUntil([this] { return tcp_.received().contains("\r\n\r\n"); });
    }
    QByteArray handshakeResponse() const {
        return tcp_.received().left(tcp_.received().indexOf("\r\n\r\n") + 4);
    }
    // Text frames received so far, parsed as JSON objects.
    QList<QJsonObject> events() {
        QByteArray &buffer = tcp_.receivedBuffer();
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd >= 0 && !headDone_) {
            buffer.remove(0, headEnd + 4);
            headDone_ = true;
        }
        if (headDone_) {
            for (const Frame &frame : takeFrames(buffer)) {
                if (frame.opcode == 0x1) {
                    events_.append(QJsonDocument::fromJson(frame.payload).object());
                } else {
                    controls_.append(frame);
                }
            }
        }
        return events_;
    }
    bool waitEvents(int count) {
        return runLoopUntil([&] { return events().size() >= count; });
    }
    QList<Frame> controls() {
        events();
        return controls_;
    }
    RawClient &tcp() { return tcp_; }

  private:
    RawClient tcp_;
    bool headDone_ = false;
    QList<QJsonObject> events_;
    QList<Frame> controls_;
};
}  // namespace

class TestEventStream : public QObject {
    Q_OBJECT

    std::unique_ptr<EventStream> stream_;
    std::unique_ptr<HttpServer> server_;

  private slots:
    void initTestCase() { initLibre(); }
    void cleanupTestCase() { closeLibre(); }

    void init() {
        stream_ = std::make_unique<EventStream>(10);
        server_ = std::make_unique<HttpServer>([](const HttpRequest &, HttpReply reply) {
            HttpResponse response;
            response.status = 404;
            reply.send(response);
        });
        stream_->attachTo(*server_);
        QCOMPARE(server_->listen(QStringLiteral("127.0.0.1"), 0), QString());
    }
    void cleanup() {
        server_.reset();
        stream_.reset();
    }

    void liveEventsArriveInOrderWithSeqAndTime() {
        EventClient client(server_->port());
        QVERIFY(client.waitOpen());
        const QByteArray head = client.handshakeResponse();
        QVERIFY2(head.startsWith("HTTP/1.1 101 "), head.constData());
        // RFC 6455 §1.3 sample key and its accept value.
        QVERIFY(head.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"));
        QVERIFY(runLoopUntil([&] { return stream_->clientCount() == 1; }));

        stream_->publish(makeEvent(QStringLiteral("sip"), 1));
        stream_->publish(makeEvent(QStringLiteral("http"), 2));
        stream_->publish(makeEvent(QStringLiteral("call"), 3));
        QVERIFY(client.waitEvents(3));
        const QList<QJsonObject> events = client.events();
        QCOMPARE(events.size(), 3);
        const QRegularExpression iso(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$)"));
        const QStringList types = {"sip", "http", "call"};
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(events[i].value("seq").toInteger(), i + 1);
            QCOMPARE(events[i].value("type").toString(), types[i]);
            QCOMPARE(events[i].value("n").toInt(), i + 1);
            QVERIFY2(iso.match(events[i].value("time").toString()).hasMatch(),
                     qPrintable(events[i].value("time").toString()));
        }
    }

    void lateClientGetsReplayThenLive() {
        for (int i = 1; i <= 3; ++i) {
            stream_->publish(makeEvent(QStringLiteral("sip"), i));
        }
        EventClient late(server_->port());
        QVERIFY(late.waitEvents(3));
        stream_->publish(makeEvent(QStringLiteral("call"), 4));
        QVERIFY(late.waitEvents(4));
        QList<qint64> seqs;
        for (const QJsonObject &e : late.events()) {
            seqs.append(e.value("seq").toInteger());
        }
        QCOMPARE(seqs, (QList<qint64>{1, 2, 3, 4}));

        EventClient resuming(server_->port(), QStringLiteral("/events?since=2"));
        QVERIFY(resuming.waitEvents(2));
        runLoopFor(30);
        QCOMPARE(resuming.events().size(), 2);
        QCOMPARE(resuming.events().first().value("seq").toInteger(), 3);
    }

    void ringKeepsOnlyTheLastEvents() {
        for (int i = 1; i <= 15; ++i) {
            stream_->publish(makeEvent(QStringLiteral("sip"), i));
        }
        QCOMPARE(stream_->bufferedCount(), std::size_t(10));
        const QJsonArray all = QJsonDocument::fromJson(stream_->eventsSinceJson(0)).array();
        QCOMPARE(all.size(), 10);
        QCOMPARE(all.first().toObject().value("seq").toInteger(), 6);
        QCOMPARE(all.last().toObject().value("seq").toInteger(), 15);
    }

    void eventsJsonOverHttp() {
        for (int i = 1; i <= 4; ++i) {
            stream_->publish(makeEvent(QStringLiteral("call"), i));
        }
        RawClient client(server_->port());
        client.send("GET /events.json?since=2 HTTP/1.1\r\nConnection: close\r\n\r\n");
        QVERIFY(runLoopUntil([&] { return client.closed(); }));
        const QByteArray response = client.received();
        QVERIFY(response.startsWith("HTTP/1.1 200 OK\r\n"));
        QVERIFY(response.contains("Content-Type: application/json\r\n"));
        const QJsonArray array =
            QJsonDocument::fromJson(response.mid(response.indexOf("\r\n\r\n") + 4)).array();
        QCOMPARE(array.size(), 2);
        QCOMPARE(array.at(0).toObject().value("seq").toInteger(), 3);
        QCOMPARE(array.at(1).toObject().value("n").toInt(), 4);
    }

    void plainGetOnWebSocketPathIs426() {
        RawClient client(server_->port());
        client.send("GET /events HTTP/1.1\r\nConnection: close\r\n\r\n");
        QVERIFY(runLoopUntil([&] { return client.closed(); }));
        QVERIFY(client.received().startsWith("HTTP/1.1 426 Upgrade Required\r\n"));
    }

    void logSinkGetsEveryEvent() {
        QList<QByteArray> lines;
        stream_->setLogSink([&lines](const QByteArray &line) { lines.append(line); });
        stream_->publish(makeEvent(QStringLiteral("warning"), 1));
        stream_->publish(makeEvent(QStringLiteral("warning"), 2));
        QCOMPARE(lines.size(), 2);
        QVERIFY(!lines[0].contains('\n'));
        QCOMPARE(QJsonDocument::fromJson(lines[1]).object().value("seq").toInteger(), 2);
    }

    void clientCloseAndPingAreHandled() {
        EventClient client(server_->port());
        QVERIFY(client.waitOpen());
        client.tcp().send(maskedFrame(0x9, "hello"));
        QVERIFY(runLoopUntil([&] { return !client.controls().isEmpty(); }));
        QCOMPARE(client.controls().first().opcode, quint8(0xa));
        QCOMPARE(client.controls().first().payload, QByteArray("hello"));

        client.tcp().send(maskedFrame(0x8, QByteArray("\x03\xe8", 2)));
        QVERIFY(runLoopUntil([&] { return client.tcp().closed(); }));
        QCOMPARE(client.controls().last().opcode, quint8(0x8));
        stream_->publish(makeEvent(QStringLiteral("call"), 1));
        QCOMPARE(stream_->clientCount(), std::size_t(0));
    }

    void unmaskedClientFrameClosesWithProtocolError() {
        EventClient client(server_->port());
        QVERIFY(client.waitOpen());
        client.tcp().send(QByteArray("\x81\x02hi", 4));
        QVERIFY(runLoopUntil([&] { return client.tcp().closed(); }));
        const QList<Frame> controls = client.controls();
        QVERIFY(!controls.isEmpty());
        QCOMPARE(controls.last().opcode, quint8(0x8));
        QCOMPARE(controls.last().payload.left(2), QByteArray("\x03\xea", 2));  // 1002
    }

    // A client that never reads must be dropped, not buffered without bound.
    void clientThatNeverReadsIsDropped() {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        int small = 4096;
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(server_->port());
        QCOMPARE(::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
        const QByteArray handshake =
            webSocketHandshake(QStringLiteral("/events"), "dGhlIHNhbXBsZSBub25jZQ==");
        QCOMPARE(::write(fd, handshake.constData(), std::size_t(handshake.size())),
                 ssize_t(handshake.size()));
        QVERIFY(runLoopUntil([&] { return stream_->clientCount() == 1; }));

        QJsonObject big = makeEvent(QStringLiteral("sip"), 0);
        big.insert(QStringLiteral("text"), QString(512 * 1024, QLatin1Char('s')));
        int published = 0;
        while (stream_->clientCount() == 1 && published < 200) {
            stream_->publish(big);
            ++published;
            runLoopFor(1);
        }
        QCOMPARE(stream_->clientCount(), std::size_t(0));
        // Dropped once its backlog passed the 16 MiB limit, i.e. after roughly 32 events.
        QVERIFY2(published < 60, qPrintable(QString::number(published)));
        QVERIFY(runLoopUntil([&] { return server_->connectionCount() == 0; }));
        ::close(fd);
    }
};

QTEST_GUILESS_MAIN(TestEventStream)
#include "tst_event_stream.moc"
