// RVD projects on disk (RvdStore) and the controller endpoint over them (handle()).
#include "restcomm/event_sink.h"
#include "restcomm/form_encoding.h"
#include "restcomm/rvd_controller.h"
#include "restcomm/rvd_store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace mrc;

namespace {

QJsonObject stateOf(const QByteArray &json) {
    return QJsonDocument::fromJson(json).object();
}

const QByteArray kTransferState = R"({"header":{"startNodeName":"start"},"nodes":[
    {"name":"start","label":"Dial","steps":[{"kind":"dial","name":"step1","nextModule":"after",
      "dialNouns":[{"dialType":"number","destination":"$core_ReferTarget"}]}]},
    {"name":"after","label":"After","steps":[{"kind":"control","name":"step2",
      "conditions":[{"name":"C1","operator":"notequal","comparison":
        {"operand1":"$core_DialCallStatus","operand2":"completed","type":"text"}}],
      "conditionExpression":"C1","actions":[{"continueTo":{"target":"back"}}]},
      {"kind":"hungup","name":"step3"}]},
    {"name":"back","label":"Back","steps":[{"kind":"dial","name":"step4",
      "dialNouns":[{"dialType":"client","destination":"$core_Transferor"}]}]}]})";

class CollectingSink : public EventSink {
  public:
    void publish(QJsonObject event) override { events.append(event); }
    QList<QJsonObject> events;
};

HttpRequest request(const QString &method, const QString &app, const Params &query,
                    const QByteArray &body = {}) {
    HttpRequest r;
    r.method = method;
    r.path = rvdControllerPath(app);
    r.query = query;
    r.body = body;
    r.contentType = body.isEmpty() ? QByteArray() : "application/x-www-form-urlencoded";
    r.headers = {{"Host", "127.0.0.1:8080"}};
    return r;
}

}  // namespace

class TestRvdStore : public QObject {
    Q_OBJECT

  private slots:
    void init() {
        dir_.emplace();
        QVERIFY(dir_->isValid());
        store_.emplace(dir_->path());
    }

    void roundTrip() {
        QCOMPARE(store_->list(), QStringList{});
        QVERIFY(!store_->put("transfer", stateOf(kTransferState)));
        QVERIFY(!store_->put("call-bob", stateOf(R"({"header":{"startNodeName":"s"},
            "nodes":[{"name":"s","steps":[{"kind":"hungup","name":"step1"}]}]})")));
        QCOMPARE(store_->list(), (QStringList{"call-bob", "transfer"}));
        QVERIFY(QFile::exists(dir_->path() + "/rvd/transfer/state"));
        QVERIFY(QFile::exists(dir_->path() + "/rvd/transfer/data/after.mod"));

        const auto loaded = store_->get("transfer");
        QVERIFY(std::holds_alternative<rvd::Project>(loaded));
        QCOMPARE(std::get<rvd::Project>(loaded).nodes().size(), std::size_t(3));
        const auto state = store_->state("transfer");
        QCOMPARE(std::get<QJsonObject>(state), stateOf(kTransferState));

        QFile index(dir_->path() + "/rvd/transfer/data/project");
        QVERIFY(index.open(QIODevice::ReadOnly));
        const QJsonObject projectIndex = QJsonDocument::fromJson(index.readAll()).object();
        QCOMPARE(projectIndex.value("defaultTarget").toString(), QStringLiteral("start"));
        QCOMPARE(projectIndex.value("nodeNames").toArray().size(), 3);

        QVERIFY(!store_->remove("transfer"));
        QCOMPARE(store_->list(), QStringList{"call-bob"});
        const auto gone = store_->get("transfer");
        QVERIFY(std::holds_alternative<RvdStoreError>(gone));
        QCOMPARE(std::get<RvdStoreError>(gone).kind, RvdStoreError::Kind::NotFound);
        const auto removedTwice = store_->remove("transfer");
        QVERIFY(removedTwice);
        QCOMPARE(removedTwice->kind, RvdStoreError::Kind::NotFound);
    }

    void invalidStateIsRefusedAndNothingWritten() {
        const auto error = store_->put("bad", stateOf(R"({"header":{"startNodeName":"s"},
            "nodes":[{"name":"s","steps":[{"kind":"dial","name":"step1",
            "dialNouns":[{"dialType":"foo","destination":"1"}]}]}]})"));
        QVERIFY(error);
        QCOMPARE(error->kind, RvdStoreError::Kind::InvalidState);
        QVERIFY2(error->message.contains("node 's' step 'step1' (dial): dialNouns[0].dialType"),
                 qPrintable(error->message));
        QVERIFY(!QFile::exists(dir_->path() + "/rvd/bad"));
    }

    void namesAreChecked_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("dot dot") << "..";
        QTest::newRow("slash") << "a/b";
        QTest::newRow("space") << "a b";
        QTest::newRow("empty") << "";
    }
    void namesAreChecked() {
        QFETCH(QString, name);
        const auto putError = store_->put(name, stateOf(kTransferState));
        QVERIFY(putError);
        QCOMPARE(putError->kind, RvdStoreError::Kind::InvalidName);
        const auto loaded = store_->get(name);
        QVERIFY(std::holds_alternative<RvdStoreError>(loaded));
        QCOMPARE(std::get<RvdStoreError>(loaded).kind, RvdStoreError::Kind::InvalidName);
    }

    void corruptFileIsNamed() {
        QVERIFY(QDir().mkpath(dir_->path() + "/rvd/broken"));
        QFile file(dir_->path() + "/rvd/broken/state");
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"header\": {\"startNodeName\": ");
        file.close();
        const auto loaded = store_->get("broken");
        QVERIFY(std::holds_alternative<RvdStoreError>(loaded));
        const RvdStoreError &error = std::get<RvdStoreError>(loaded);
        QCOMPARE(error.kind, RvdStoreError::Kind::Corrupt);
        QVERIFY2(error.message.contains(file.fileName()), qPrintable(error.message));
        QVERIFY2(error.message.contains("offset"), qPrintable(error.message));

        // Valid JSON that is not a valid project is corrupt too, and says why.
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(R"({"header":{"startNodeName":"x"},"nodes":[]})");
        file.close();
        const auto invalid = store_->get("broken");
        QVERIFY(std::holds_alternative<RvdStoreError>(invalid));
        QVERIFY2(std::get<RvdStoreError>(invalid).message.contains("no node named 'x'"),
                 qPrintable(std::get<RvdStoreError>(invalid).message));
    }

    void controllerGet() {
        QVERIFY(!store_->put("transfer", stateOf(kTransferState)));
        const HttpResponse response =
            handle(*store_, "transfer", request("GET", "transfer", {{"ReferTarget", "carol"}}));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.contentType, QByteArray("application/xml"));
        QVERIFY2(response.body.contains(
                     "<Dial action=\"http://127.0.0.1:8080/restcomm-rvd/services/apps/transfer/"
                     "controller?target=start.step1.actionhandler\"><Number>carol</Number></Dial>"),
                 response.body.constData());
    }

    // libre's HTTP client, which mini-restcomm fetches its own RVD apps with, sends a Host
    // without the port: the action URL must still name the port the request came in on.
    void controllerActionUrlKeepsThePortWhenHostOmitsIt_data() {
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<quint16>("localPort");
        QTest::addColumn<QString>("prefix");
        QTest::newRow("no port") << QByteArray("127.0.0.1") << quint16(8081)
                                 << QStringLiteral("http://127.0.0.1:8081/restcomm-rvd/");
        QTest::newRow("port given") << QByteArray("example.org:9000") << quint16(8081)
                                    << QStringLiteral("http://example.org:9000/restcomm-rvd/");
        QTest::newRow("port 80") << QByteArray("127.0.0.1") << quint16(80)
                                 << QStringLiteral("http://127.0.0.1/restcomm-rvd/");
        QTest::newRow("ipv6") << QByteArray("[::1]") << quint16(8081)
                              << QStringLiteral("http://[::1]:8081/restcomm-rvd/");
    }

    void controllerActionUrlKeepsThePortWhenHostOmitsIt() {
        QFETCH(QByteArray, host);
        QFETCH(quint16, localPort);
        QFETCH(QString, prefix);
        QVERIFY(!store_->put("transfer", stateOf(kTransferState)));
        HttpRequest r = request("GET", "transfer", {{"ReferTarget", "carol"}});
        r.headers = {{"Host", host}};
        r.localPort = localPort;
        const HttpResponse response = handle(*store_, "transfer", r);
        QVERIFY2(response.body.contains("<Dial action=\"" + prefix.toUtf8()),
                 response.body.constData());
    }

    void controllerPostMergesBodyAfterQuery() {
        QVERIFY(!store_->put("transfer", stateOf(kTransferState)));
        // As Restcomm posts a Dial action: target in the body, + encoded as %2B.
        const QByteArray form = formEncode({{"target", "start.step1.actionhandler"},
                                            {"DialCallStatus", "busy"},
                                            {"Transferor", "+131313"}});
        const HttpResponse response =
            handle(*store_, "transfer", request("POST", "transfer", {}, form));
        QCOMPARE(response.status, 200);
        QVERIFY2(
            response.body.contains("<Response><Dial><Client>+131313</Client></Dial></Response>"),
            response.body.constData());

        // Query and body together: the query's target is read as well.
        const HttpResponse split =
            handle(*store_, "transfer",
                   request("POST", "transfer", {{"target", "start.step1.actionhandler"}},
                           "DialCallStatus=completed"));
        QVERIFY2(split.body.contains("<Response><Hangup/></Response>"), split.body.constData());
    }

    void controllerUnknownAppIs404() {
        const HttpResponse response = handle(*store_, "nope", request("GET", "nope", {}));
        QCOMPARE(response.status, 404);
        QCOMPARE(handle(*store_, "../x", request("GET", "x", {})).status, 404);
    }

    void controllerOtherMethodsAre405() {
        QVERIFY(!store_->put("transfer", stateOf(kTransferState)));
        const HttpResponse response = handle(*store_, "transfer", request("PUT", "transfer", {}));
        QCOMPARE(response.status, 405);
    }

    void controllerErrorIsHangupWithAnEvent() {
        QVERIFY(!store_->put("transfer", stateOf(kTransferState)));
        CollectingSink sink;
        const HttpResponse response =
            handle(*store_, "transfer", request("GET", "transfer", {{"target", "missing"}}), &sink);
        QCOMPARE(response.status, 200);  // RVD's rcmlOnException
        QVERIFY(response.body.endsWith("<Response><Hangup/></Response>"));
        QCOMPARE(sink.events.size(), 1);
        QCOMPARE(sink.events.first().value("type").toString(), QStringLiteral("warning"));
        QVERIFY(
            sink.events.first().value("message").toString().contains("no node named 'missing'"));
    }

    void controllerCorruptProjectIsHangup() {
        QVERIFY(QDir().mkpath(dir_->path() + "/rvd/broken"));
        QFile file(dir_->path() + "/rvd/broken/state");
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not json");
        file.close();
        CollectingSink sink;
        const HttpResponse response =
            handle(*store_, "broken", request("POST", "broken", {}), &sink);
        QCOMPARE(response.status, 200);
        QVERIFY(response.body.endsWith("<Response><Hangup/></Response>"));
        QCOMPARE(sink.events.size(), 1);
        QVERIFY(sink.events.first().value("message").toString().contains(file.fileName()));
    }

    void controllerPaths() {
        QCOMPARE(rvdAppFromPath("/restcomm-rvd/services/apps/transfer/controller"),
                 std::optional<QString>("transfer"));
        QCOMPARE(rvdAppFromPath("/visual-designer/services/apps/AP123/controller"),
                 std::optional<QString>("AP123"));
        QCOMPARE(rvdAppFromPath("/other/services/apps/x/controller"), std::nullopt);
        QCOMPARE(rvdAppFromPath("/restcomm-rvd/services/apps/a/b/controller"), std::nullopt);
        QCOMPARE(rvdControllerPath("call-bob"),
                 QStringLiteral("/restcomm-rvd/services/apps/call-bob/controller"));
    }

  private:
    std::optional<QTemporaryDir> dir_;
    std::optional<RvdStore> store_;
};

QTEST_GUILESS_MAIN(TestRvdStore)
#include "tst_rvd_store.moc"
