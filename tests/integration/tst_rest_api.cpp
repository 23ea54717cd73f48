// The Restcomm-style REST API over real HTTP with curl (as a user would script it): CRUD of
// Clients, IncomingPhoneNumbers (with the Refer fields) and Applications; 401 / 400 / 404;
// changes persisted across a restart on the same data dir (restcomm-behaviour.md part 2 §2).
#include "mini_restcomm_process.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace rptest;

namespace {

struct CurlReply {
    int status = 0;
    QByteArray body;
    QJsonValue json() const {
        const QJsonDocument document = QJsonDocument::fromJson(body);
        return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    }
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
};

// The items of a list answer: a bare array, or the first array member of a page object.
QJsonArray listItems(const QJsonValue &value) {
    if (value.isArray()) {
        return value.toArray();
    }
    for (const QJsonValue &member : value.toObject()) {
        if (member.isArray()) {
            return member.toArray();
        }
    }
    return {};
}

bool listHas(const QJsonValue &list, const QString &key, const QString &wanted) {
    for (const QJsonValue &item : listItems(list)) {
        if (item.toObject().value(key).toString() == wanted) {
            return true;
        }
    }
    return false;
}

}  // namespace

class RestApi : public QObject {
    Q_OBJECT
    MiniRestcomm server_;
    QString dataDir_;
    QTemporaryDir keep_;

    CurlReply curl(const QString &method, const QString &relativePath,
                   const QList<QPair<QString, QString>> &form = {},
                   const QString &credentials = {}) {
        QTemporaryDir dir;
        const QString bodyFile = dir.filePath("body");
        QStringList args{"-s",
                         "-o",
                         bodyFile,
                         "-w",
                         "%{http_code}",
                         "-X",
                         method,
                         "-u",
                         credentials.isEmpty() ? kAccountSid + ':' + kAuthToken : credentials};
        for (const auto &[name, value] : form) {
            args << "--data-urlencode" << name + '=' + value;
        }
        args << server_.httpUrl(server_.restPath(relativePath));
        QProcess process;
        process.start("curl", args);
        CurlReply reply;
        if (!process.waitForFinished(10000)) {
            return reply;
        }
        reply.status = process.readAllStandardOutput().trimmed().toInt();
        QFile file(bodyFile);
        if (file.open(QIODevice::ReadOnly)) {
            reply.body = file.readAll();
        }
        return reply;
    }

    static bool created(int status) { return status == 200 || status == 201; }
    static bool deleted(int status) { return status == 200 || status == 204; }

  private slots:
    void initTestCase() {
        QVERIFY(keep_.isValid());
        dataDir_ = keep_.filePath("data");
        MiniRestcommOptions options;
        options.dataDir = dataDir_;
        QVERIFY2(server_.start(options), qPrintable(server_.lastError()));
    }

    void cleanupTestCase() {
        QVERIFY2(server_.stop(), qPrintable(server_.standardError().right(2000)));
    }

    void clientsCrud() {
        CurlReply reply =
            curl("POST", "Clients.json",
                 {{"Login", "itest_zoe"}, {"Password", "s3cret!"}, {"FriendlyName", "Carol"}});
        QVERIFY2(created(reply.status), reply.body.constData());
        const QJsonObject client = reply.object();
        const QString sid = client.value("sid").toString();
        QVERIFY2(sid.startsWith("CL"), reply.body.constData());
        QCOMPARE(client.value("login").toString(), QStringLiteral("itest_zoe"));
        QCOMPARE(client.value("friendly_name").toString(), QStringLiteral("Carol"));
        QCOMPARE(client.value("account_sid").toString(), kAccountSid);

        reply = curl("GET", "Clients.json");
        QCOMPARE(reply.status, 200);
        QVERIFY2(listHas(reply.json(), "sid", sid), reply.body.constData());

        reply = curl("POST", "Clients/" + sid + ".json", {{"FriendlyName", "Carol B"}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.object().value("friendly_name").toString(), QStringLiteral("Carol B"));
        reply = curl("GET", "Clients/" + sid + ".json");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.object().value("friendly_name").toString(), QStringLiteral("Carol B"));

        reply = curl("DELETE", "Clients/" + sid + ".json");
        QVERIFY2(deleted(reply.status), reply.body.constData());
        QCOMPARE(curl("GET", "Clients/" + sid + ".json").status, 404);
        QVERIFY(!listHas(curl("GET", "Clients.json").json(), "sid", sid));
    }

    void applicationsCrud() {
        CurlReply reply =
            curl("POST", "Applications.json",
                 {{"FriendlyName", "transfer-app"}, {"RcmlUrl", "http://127.0.0.1:9/rcml"}});
        QVERIFY2(created(reply.status), reply.body.constData());
        const QString sid = reply.object().value("sid").toString();
        QVERIFY2(sid.startsWith("AP"), reply.body.constData());
        QCOMPARE(reply.object().value("rcml_url").toString(),
                 QStringLiteral("http://127.0.0.1:9/rcml"));
        QVERIFY(listHas(curl("GET", "Applications.json").json(), "sid", sid));
        reply = curl("POST", "Applications/" + sid + ".json", {{"FriendlyName", "renamed"}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.object().value("friendly_name").toString(), QStringLiteral("renamed"));
        QVERIFY(deleted(curl("DELETE", "Applications/" + sid + ".json").status));
        QCOMPARE(curl("GET", "Applications/" + sid + ".json").status, 404);
    }

    void incomingNumbersWithReferFields() {
        CurlReply app =
            curl("POST", "Applications.json",
                 {{"FriendlyName", "refer-app"}, {"RcmlUrl", "http://127.0.0.1:9/refer-app"}});
        QVERIFY2(created(app.status), app.body.constData());
        const QString appSid = app.object().value("sid").toString();

        CurlReply reply = curl("POST", "IncomingPhoneNumbers.json",
                               {{"PhoneNumber", "+1112"},
                                {"VoiceUrl", "http://127.0.0.1:9/1112"},
                                {"VoiceMethod", "GET"},
                                {"ReferUrl", "http://127.0.0.1:9/2222"},
                                {"ReferMethod", "GET"}});
        QVERIFY2(created(reply.status), reply.body.constData());
        QJsonObject number = reply.object();
        const QString sid = number.value("sid").toString();
        QVERIFY2(sid.startsWith("PN"), reply.body.constData());
        QCOMPARE(number.value("phone_number").toString(), QStringLiteral("+1112"));
        QCOMPARE(number.value("voice_url").toString(), QStringLiteral("http://127.0.0.1:9/1112"));
        QCOMPARE(number.value("voice_method").toString(), QStringLiteral("GET"));
        QCOMPARE(number.value("refer_url").toString(), QStringLiteral("http://127.0.0.1:9/2222"));
        QCOMPARE(number.value("refer_method").toString(), QStringLiteral("GET"));
        QVERIFY(number.contains("refer_application_sid"));
        QVERIFY(number.value("refer_application_sid").isNull());

        QVERIFY(listHas(curl("GET", "IncomingPhoneNumbers.json").json(), "sid", sid));

        // Refer application set; an empty ReferUrl clears the URL (part 2 §2.1).
        reply = curl("POST", "IncomingPhoneNumbers/" + sid + ".json",
                     {{"ReferApplicationSid", appSid}, {"ReferUrl", ""}});
        QCOMPARE(reply.status, 200);
        number = reply.object();
        QCOMPARE(number.value("refer_application_sid").toString(), appSid);
        QVERIFY2(number.value("refer_url").isNull(), reply.body.constData());
        QCOMPARE(curl("GET", "IncomingPhoneNumbers/" + sid + ".json")
                     .object()
                     .value("refer_application_sid")
                     .toString(),
                 appSid);

        // Refer method defaults to POST when absent on create.
        reply = curl("POST", "IncomingPhoneNumbers.json",
                     {{"PhoneNumber", "1212"}, {"VoiceUrl", "http://127.0.0.1:9/1111"}});
        QVERIFY2(created(reply.status), reply.body.constData());
        QCOMPARE(reply.object().value("refer_method").toString(), QStringLiteral("POST"));
        QVERIFY(reply.object().value("refer_url").isNull());
        const QString sid1212 = reply.object().value("sid").toString();

        // A duplicate number is refused.
        reply = curl("POST", "IncomingPhoneNumbers.json",
                     {{"PhoneNumber", "1212"}, {"VoiceUrl", "http://127.0.0.1:9/x"}});
        QVERIFY2(reply.status >= 400 && reply.status < 500, reply.body.constData());

        QVERIFY(deleted(curl("DELETE", "IncomingPhoneNumbers/" + sid + ".json").status));
        QVERIFY(deleted(curl("DELETE", "IncomingPhoneNumbers/" + sid1212 + ".json").status));
        QCOMPARE(curl("GET", "IncomingPhoneNumbers/" + sid + ".json").status, 404);
    }

    void badAuthIs401() {
        QCOMPARE(curl("GET", "Clients.json", {}, kAccountSid + ":wrong-token").status, 401);
        QCOMPARE(curl("GET", "Clients.json", {}, "ACffffffffffffffffffffffffffffffff:" + kAuthToken)
                     .status,
                 401);
        // No credentials at all.
        QProcess process;
        process.start("curl", {"-s", "-o", "/dev/null", "-w", "%{http_code}",
                               server_.httpUrl(server_.restPath("Clients.json"))});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.readAllStandardOutput().trimmed(), QByteArray("401"));
    }

    void badInputIs400WithJsonMessage_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("form");  // name, value, name, value...
        QTest::newRow("client without password")
            << "Clients.json" << QStringList{"Login", "itest_dora"};
        QTest::newRow("client without login") << "Clients.json" << QStringList{"Password", "x"};
        QTest::newRow("number without PhoneNumber")
            << "IncomingPhoneNumbers.json" << QStringList{"VoiceUrl", "http://127.0.0.1:9/v"};
        QTest::newRow("bad ReferMethod")
            << "IncomingPhoneNumbers.json"
            << QStringList{"PhoneNumber",          "4444",        "ReferUrl",
                           "http://127.0.0.1:9/r", "ReferMethod", "FETCH"};
        QTest::newRow("bad VoiceUrl")
            << "IncomingPhoneNumbers.json"
            << QStringList{"PhoneNumber", "4445", "VoiceUrl", "not a url at all"};
    }

    void badInputIs400WithJsonMessage() {
        QFETCH(QString, path);
        QFETCH(QStringList, form);
        QList<QPair<QString, QString>> pairs;
        for (int i = 0; i + 1 < form.size(); i += 2) {
            pairs.append({form[i], form[i + 1]});
        }
        const CurlReply reply = curl("POST", path, pairs);
        QCOMPARE(reply.status, 400);
        QVERIFY2(!reply.object().value("message").toString().isEmpty(), reply.body.constData());
    }

    void unknownIdIs404() {
        const QString missing = "00000000000000000000000000000000";
        QCOMPARE(curl("GET", "Clients/CL" + missing + ".json").status, 404);
        QCOMPARE(curl("POST", "Clients/CL" + missing + ".json", {{"FriendlyName", "x"}}).status,
                 404);
        QCOMPARE(curl("DELETE", "IncomingPhoneNumbers/PN" + missing + ".json").status, 404);
        QCOMPARE(curl("GET", "Applications/AP" + missing + ".json").status, 404);
    }

    // Last: restarts the server on the same data dir.
    void changesSurviveARestart() {
        CurlReply client =
            curl("POST", "Clients.json", {{"Login", "itest_erin"}, {"Password", "pw-erin"}});
        QVERIFY2(created(client.status), client.body.constData());
        CurlReply number = curl("POST", "IncomingPhoneNumbers.json",
                                {{"PhoneNumber", "7777"},
                                 {"VoiceUrl", "http://127.0.0.1:9/7777"},
                                 {"ReferUrl", "http://127.0.0.1:9/refer7777"}});
        QVERIFY2(created(number.status), number.body.constData());
        const QString numberSid = number.object().value("sid").toString();

        QVERIFY2(server_.stop(), qPrintable(server_.standardError().right(2000)));
        MiniRestcommOptions options;
        options.dataDir = dataDir_;
        QVERIFY2(server_.start(options), qPrintable(server_.lastError()));

        QVERIFY(listHas(curl("GET", "Clients.json").json(), "login", "itest_erin"));
        const CurlReply readBack = curl("GET", "IncomingPhoneNumbers/" + numberSid + ".json");
        QCOMPARE(readBack.status, 200);
        QCOMPARE(readBack.object().value("phone_number").toString(), QStringLiteral("7777"));
        QCOMPARE(readBack.object().value("refer_url").toString(),
                 QStringLiteral("http://127.0.0.1:9/refer7777"));
    }
};

QTEST_GUILESS_MAIN(RestApi)
#include "tst_rest_api.moc"
