// The Restcomm-style REST API: auth, routing, CRUD round trips with the exact JSON keys in
// Restcomm's order, validation errors, Calls and Supervisor metrics.
#include "restcomm/form_encoding.h"
#include "restcomm/rest_api.h"
#include "restcomm/sip_digest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace mrc;

namespace {

const QString kAccount = QStringLiteral("ACae6e420f425248d6a26948c17a9e2acf");
const QString kToken = QStringLiteral("77f8c12cc7b8f8423e5c38b035249166");
const QString kBase = QStringLiteral("/restcomm/2012-04-24/Accounts/") + kAccount;

const QStringList kNumberKeys = {"sid",
                                 "account_sid",
                                 "friendly_name",
                                 "phone_number",
                                 "voice_url",
                                 "voice_method",
                                 "voice_fallback_url",
                                 "voice_fallback_method",
                                 "status_callback",
                                 "status_callback_method",
                                 "voice_caller_id_lookup",
                                 "voice_application_sid",
                                 "date_created",
                                 "date_updated",
                                 "sms_url",
                                 "sms_method",
                                 "sms_fallback_url",
                                 "sms_fallback_method",
                                 "sms_application_sid",
                                 "ussd_url",
                                 "ussd_method",
                                 "ussd_fallback_url",
                                 "ussd_fallback_method",
                                 "ussd_application_sid",
                                 "refer_url",
                                 "refer_method",
                                 "refer_application_sid",
                                 "capabilities",
                                 "api_version",
                                 "uri"};
const QStringList kClientKeys = {"sid",
                                 "date_created",
                                 "date_updated",
                                 "account_sid",
                                 "api_version",
                                 "friendly_name",
                                 "login",
                                 "password",
                                 "password_algorithm",
                                 "status",
                                 "voice_url",
                                 "voice_method",
                                 "voice_fallback_url",
                                 "voice_fallback_method",
                                 "voice_application_sid",
                                 "uri",
                                 "push_client_identity"};
const QStringList kApplicationKeys = {
    "sid",         "date_created",           "date_updated", "friendly_name", "account_sid",
    "api_version", "voice_caller_id_lookup", "uri",          "rcml_url",      "kind"};

HttpRequest request(const QString &method, const QString &path, const Params &form = {},
                    const QString &user = kAccount, const QString &password = kToken) {
    HttpRequest r;
    r.method = method;
    const qsizetype question = path.indexOf(u'?');
    r.path = question < 0 ? path : path.left(question);
    if (question >= 0) {
        r.query = formDecode(path.mid(question + 1).toUtf8());
    }
    if (!form.isEmpty()) {
        r.body = formEncode(form);
        r.contentType = "application/x-www-form-urlencoded";
    }
    if (!user.isNull()) {
        r.headers.append(
            {"Authorization", "Basic " + (user + u':' + password).toUtf8().toBase64()});
    }
    return r;
}

QJsonObject objectOf(const HttpResponse &response) {
    return QJsonDocument::fromJson(response.body).object();
}

// The object has exactly `keys`, in this order, at its top level.
bool hasKeysInOrder(const QByteArray &body, const QStringList &keys) {
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    QStringList sorted = keys;
    sorted.sort();
    if (object.keys() != sorted) {
        qWarning() << "keys" << object.keys() << "expected" << sorted;
        return false;
    }
    qsizetype position = 0;
    for (const QString &key : keys) {
        position = body.indexOf('"' + key.toUtf8() + "\":", position);
        if (position < 0) {
            qWarning() << "key out of order:" << key << body;
            return false;
        }
    }
    return true;
}

}  // namespace

class TestRestApi : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<Store> store_;
    std::unique_ptr<CallRegistry> calls_;
    std::unique_ptr<RestApi> api_;

    HttpResponse send(const HttpRequest &r) { return api_->handle(r); }

  private slots:
    void init() {
        store_ = std::make_unique<Store>(dir_.path() + "/" + QTest::currentTestFunction());
        QCOMPARE(store_->setAccount(kAccount, kToken), std::nullopt);
        calls_ = std::make_unique<CallRegistry>();
        api_ = std::make_unique<RestApi>(*store_, *calls_);
    }

    void authentication() {
        HttpResponse response = send(request("GET", kBase + "/Clients.json", {}, QString()));
        QCOMPARE(response.status, 401);
        QCOMPARE(response.headers.value(0).first, QByteArray("WWW-Authenticate"));
        QCOMPARE(response.headers.value(0).second, QByteArray("Basic realm=\"Restcomm\""));
        QCOMPARE(send(request("GET", kBase + "/Clients.json", {}, kAccount, "wrong")).status, 401);
        QCOMPARE(send(request("GET", kBase + "/Clients.json", {}, "ACother", kToken)).status, 401);
        QCOMPARE(send(request("GET", kBase + "/Clients.json")).status, 200);
        // Our credentials, someone else's account in the path.
        const QString other = "/restcomm/2012-04-24/Accounts/AC00000000000000000000000000000000";
        QCOMPARE(send(request("GET", other + "/Clients.json")).status, 404);
    }

    void unknownPathsAndSids() {
        QCOMPARE(send(request("GET", kBase + "/Nothing.json")).status, 404);
        QCOMPARE(send(request("GET", "/somewhere/else")).status, 404);
        QCOMPARE(
            send(request("GET", kBase + "/Clients/CL00000000000000000000000000000000.json")).status,
            404);
        QCOMPARE(send(request("GET", kBase + "/IncomingPhoneNumbers/PNnope")).status, 404);
        QCOMPARE(send(request("GET", kBase + "/Applications/APnope.json")).status, 404);
        QCOMPARE(send(request("GET", kBase + "/Calls/CAnope.json")).status, 404);
    }

    void numberRoundTrip() {
        HttpResponse created = send(request("POST", kBase + "/IncomingPhoneNumbers.json",
                                            {{"PhoneNumber", "1111"},
                                             {"FriendlyName", "Test Number 2"},
                                             {"VoiceUrl", "http://127.0.0.1:8090/1111"},
                                             {"VoiceMethod", "GET"},
                                             {"ReferUrl", "http://127.0.0.1:8090/2222"},
                                             {"ReferMethod", "GET"},
                                             {"isSIP", "true"}}));
        QCOMPARE(created.status, 201);
        QVERIFY(hasKeysInOrder(created.body, kNumberKeys));
        QJsonObject number = objectOf(created);
        const QString sid = number["sid"].toString();
        QVERIFY(isSid("PN", sid));
        QCOMPARE(number["account_sid"].toString(), kAccount);
        QCOMPARE(number["phone_number"].toString(), QStringLiteral("1111"));
        QCOMPARE(number["friendly_name"].toString(), QStringLiteral("Test Number 2"));
        QCOMPARE(number["voice_url"].toString(), QStringLiteral("http://127.0.0.1:8090/1111"));
        QCOMPARE(number["voice_method"].toString(), QStringLiteral("GET"));
        QVERIFY(number["voice_fallback_url"].isNull());
        QCOMPARE(number["voice_fallback_method"].toString(), QStringLiteral("POST"));
        QCOMPARE(number["status_callback_method"].toString(), QStringLiteral("POST"));
        QCOMPARE(number["voice_caller_id_lookup"].toBool(true), false);
        QVERIFY(number["voice_application_sid"].isNull());
        QCOMPARE(number["refer_url"].toString(), QStringLiteral("http://127.0.0.1:8090/2222"));
        QCOMPARE(number["refer_method"].toString(), QStringLiteral("GET"));
        QVERIFY(number["refer_application_sid"].isNull());
        QCOMPARE(number["api_version"].toString(), QStringLiteral("2012-04-24"));
        QCOMPARE(number["uri"].toString(),
                 "/2012-04-24/Accounts/" + kAccount + "/IncomingPhoneNumbers/" + sid + ".json");
        const QJsonObject capabilities = number["capabilities"].toObject();
        QCOMPARE(capabilities.keys(),
                 QStringList({"fax_capable", "mms_capable", "sms_capable", "voice_capable"}));
        const QByteArray capabilitiesJson =
            created.body.mid(created.body.indexOf("\"capabilities\""));
        QVERIFY(hasKeysInOrder(
            capabilitiesJson.mid(capabilitiesJson.indexOf('{'),
                                 capabilitiesJson.indexOf('}') - capabilitiesJson.indexOf('{') + 1),
            {"voice_capable", "sms_capable", "mms_capable", "fax_capable"}));
        static const QRegularExpression date(
            "^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|"
            "Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000$");
        QVERIFY2(date.match(number["date_created"].toString()).hasMatch(),
                 qPrintable(number["date_created"].toString()));

        // The store sees it, and matching works through it.
        QCOMPARE(store_->matchNumber("1111")->referUrl,
                 QStringLiteral("http://127.0.0.1:8090/2222"));

        // Item, with and without .json.
        QCOMPARE(send(request("GET", kBase + "/IncomingPhoneNumbers/" + sid + ".json")).body,
                 created.body);
        QCOMPARE(send(request("GET", kBase + "/IncomingPhoneNumbers/" + sid)).body, created.body);

        // List: Restcomm's page object, Local.json is the same list, filters with '*'.
        QVERIFY(send(request("POST", kBase + "/IncomingPhoneNumbers/Local.json",
                             {{"PhoneNumber", "+1112"}, {"VoiceUrl", "/1112"}}))
                    .status == 201);
        for (const QString &path :
             {kBase + "/IncomingPhoneNumbers.json", kBase + "/IncomingPhoneNumbers/Local.json",
              kBase + "/IncomingPhoneNumbers"}) {
            const QJsonObject page = objectOf(send(request("GET", path)));
            QCOMPARE(page["total"].toInt(), 2);
            QCOMPARE(page["incomingPhoneNumbers"].toArray().size(), 2);
        }
        HttpResponse list = send(request("GET", kBase + "/IncomingPhoneNumbers.json"));
        QVERIFY(hasKeysInOrder(
            list.body,
            {"page", "num_pages", "page_size", "total", "start", "end", "uri", "first_page_uri",
             "previous_page_uri", "next_page_uri", "last_page_uri", "incomingPhoneNumbers"}));
        QJsonArray filtered = objectOf(send(request(
            "GET", kBase + "/IncomingPhoneNumbers.json?PhoneNumber=11*")))["incomingPhoneNumbers"]
                                  .toArray();
        QCOMPARE(filtered.size(), 1);
        QCOMPARE(filtered[0].toObject()["sid"].toString(), sid);
        filtered = objectOf(send(request(
            "GET", kBase + "/IncomingPhoneNumbers.json?PhoneNumber=*2")))["incomingPhoneNumbers"]
                       .toArray();
        QCOMPARE(filtered.size(), 1);
        QCOMPARE(filtered[0].toObject()["phone_number"].toString(), QStringLiteral("+1112"));
        filtered = objectOf(send(
            request("GET", kBase + "/IncomingPhoneNumbers.json?FriendlyName=Test%20Number%202")))
                       ["incomingPhoneNumbers"]
                           .toArray();
        QCOMPARE(filtered.size(), 1);
        const QJsonObject paged =
            objectOf(send(request("GET", kBase + "/IncomingPhoneNumbers.json?PageSize=1&Page=1")));
        QCOMPARE(paged["num_pages"].toInt(), 2);
        QCOMPARE(paged["incomingPhoneNumbers"].toArray().size(), 1);
        QVERIFY(paged["next_page_uri"].isNull());
        QVERIFY(!paged["previous_page_uri"].isNull());

        // Update: an empty ReferUrl clears it; a refer application adds its name after its sid.
        HttpResponse updated = send(
            request("POST", kBase + "/IncomingPhoneNumbers/" + sid + ".json", {{"ReferUrl", ""}}));
        QCOMPARE(updated.status, 200);
        QVERIFY(objectOf(updated)["refer_url"].isNull());
        QCOMPARE(objectOf(updated)["voice_url"].toString(),
                 QStringLiteral("http://127.0.0.1:8090/1111"));
        QVERIFY(store_->numberBySid(sid)->referUrl.isEmpty());
        const QString appSid = objectOf(send(
            request("POST", kBase + "/Applications.json",
                    {{"FriendlyName", "transfer"},
                     {"RcmlUrl", "/restcomm-rvd/services/apps/transfer/controller"}})))["sid"]
                                   .toString();
        updated = send(request("PUT", kBase + "/IncomingPhoneNumbers/" + sid,
                               {{"ReferApplicationSid", appSid}, {"ReferMethod", "post"}}));
        QCOMPARE(updated.status, 200);
        QStringList withName = kNumberKeys;
        withName.insert(withName.indexOf("refer_application_sid") + 1, "refer_application_name");
        QVERIFY(hasKeysInOrder(updated.body, withName));
        QCOMPARE(objectOf(updated)["refer_application_sid"].toString(), appSid);
        QCOMPARE(objectOf(updated)["refer_application_name"].toString(),
                 QStringLiteral("transfer"));
        QCOMPARE(objectOf(updated)["refer_method"].toString(), QStringLiteral("POST"));
        updated = send(
            request("POST", kBase + "/IncomingPhoneNumbers/" + sid, {{"ReferApplicationSid", ""}}));
        QVERIFY(objectOf(updated)["refer_application_sid"].isNull());
        QVERIFY(hasKeysInOrder(updated.body, kNumberKeys));

        // Delete.
        HttpResponse deleted =
            send(request("DELETE", kBase + "/IncomingPhoneNumbers/" + sid + ".json"));
        QCOMPARE(deleted.status, 204);
        QVERIFY(deleted.body.isEmpty());
        QCOMPARE(send(request("GET", kBase + "/IncomingPhoneNumbers/" + sid + ".json")).status,
                 404);
        QVERIFY(!store_->matchNumber("1111"));
    }

    void clientRoundTrip() {
        HttpResponse created = send(
            request("POST", kBase + "/Clients.json", {{"Login", "alice"}, {"Password", "1234"}}));
        QCOMPARE(created.status, 201);
        QVERIFY(hasKeysInOrder(created.body, kClientKeys));
        QJsonObject client = objectOf(created);
        const QString sid = client["sid"].toString();
        QVERIFY(isSid("CL", sid));
        QCOMPARE(client["login"].toString(), QStringLiteral("alice"));
        QCOMPARE(client["friendly_name"].toString(), QStringLiteral("alice"));
        QCOMPARE(client["password"].toString(), QStringLiteral("83ec0021c4ef853788e0e5d1032e8381"));
        QCOMPARE(client["password_algorithm"].toString(), QStringLiteral("md5"));
        QCOMPARE(client["status"].toString(), QStringLiteral("1"));
        QCOMPARE(client["voice_method"].toString(), QStringLiteral("POST"));
        QVERIFY(client["voice_url"].isNull());
        QVERIFY(!created.body.contains("\"1234\""));  // the clear password never leaves

        QVERIFY(
            send(request("POST", kBase + "/Clients.json", {{"Login", "bob"}, {"Password", "x"}}))
                .status == 201);
        const QJsonArray list =
            QJsonDocument::fromJson(send(request("GET", kBase + "/Clients.json")).body).array();
        QCOMPARE(list.size(), 2);  // Clients.json is a bare array
        const QJsonArray filtered =
            QJsonDocument::fromJson(send(request("GET", kBase + "/Clients.json?Login=alice")).body)
                .array();
        QCOMPARE(filtered.size(), 1);
        QCOMPARE(filtered[0].toObject()["sid"].toString(), sid);

        HttpResponse updated = send(request("PUT", kBase + "/Clients/" + sid,
                                            {{"FriendlyName", "Alice"},
                                             {"Password", "abcd"},
                                             {"VoiceUrl", "/alice-out"},
                                             {"Status", "0"}}));
        QCOMPARE(updated.status, 200);
        client = objectOf(updated);
        QCOMPARE(client["friendly_name"].toString(), QStringLiteral("Alice"));
        QCOMPARE(client["password"].toString(),
                 QString::fromLatin1(digestHa1("alice", "127.0.0.1", "abcd")));
        QCOMPARE(client["voice_url"].toString(), QStringLiteral("/alice-out"));
        QCOMPARE(client["status"].toString(), QStringLiteral("0"));
        QCOMPARE(send(request("GET", kBase + "/Clients/" + sid + ".json")).body, updated.body);

        QCOMPARE(send(request("DELETE", kBase + "/Clients/" + sid + ".json")).status, 204);
        QCOMPARE(send(request("GET", kBase + "/Clients/" + sid + ".json")).status, 404);
        QVERIFY(!store_->clientByLogin("alice"));
    }

    void applicationRoundTrip() {
        HttpResponse created = send(
            request("POST", kBase + "/Applications.json",
                    {{"FriendlyName", "transfer"}, {"RcmlUrl", "http://127.0.0.1:8090/2222"}}));
        QCOMPARE(created.status, 201);
        QVERIFY(hasKeysInOrder(created.body, kApplicationKeys));
        const QString sid = objectOf(created)["sid"].toString();
        QVERIFY(isSid("AP", sid));
        QCOMPARE(objectOf(created)["kind"].toString(), QStringLiteral("voice"));
        QCOMPARE(objectOf(created)["rcml_url"].toString(),
                 QStringLiteral("http://127.0.0.1:8090/2222"));
        QCOMPARE(QJsonDocument::fromJson(send(request("GET", kBase + "/Applications.json")).body)
                     .array()
                     .size(),
                 1);
        HttpResponse updated =
            send(request("POST", kBase + "/Applications/" + sid + ".json",
                         {{"RcmlUrl", "/visual-designer/services/apps/" + sid + "/controller"}}));
        QCOMPARE(updated.status, 200);
        QCOMPARE(objectOf(updated)["friendly_name"].toString(), QStringLiteral("transfer"));
        QCOMPARE(store_->resolveAppUrl({}, sid, "http://h:1"),
                 "http://h:1/visual-designer/services/apps/" + sid + "/controller");

        // In use by a number: 409, still there.
        QCOMPARE(send(request("POST", kBase + "/IncomingPhoneNumbers.json",
                              {{"PhoneNumber", "5555"}, {"VoiceApplicationSid", sid}}))
                     .status,
                 201);
        HttpResponse refused = send(request("DELETE", kBase + "/Applications/" + sid));
        QCOMPARE(refused.status, 409);
        QVERIFY(objectOf(refused)["message"].toString().contains("5555"));
        QVERIFY(store_->applicationBySid(sid));
        const QString numberSid = store_->numberByPhone("5555")->sid;
        QCOMPARE(send(request("DELETE", kBase + "/IncomingPhoneNumbers/" + numberSid)).status, 204);
        QCOMPARE(send(request("DELETE", kBase + "/Applications/" + sid)).status, 204);
    }

    void badInput_data() {
        QTest::addColumn<QString>("resource");
        QTest::addColumn<Params>("form");
        QTest::addColumn<QString>("field");
        const QString numbers = "/IncomingPhoneNumbers.json";
        QTest::newRow("no number") << numbers << Params{{"VoiceUrl", "/x"}} << "PhoneNumber";
        QTest::newRow("bad voice url")
            << numbers << Params{{"PhoneNumber", "9"}, {"VoiceUrl", "ftp://x/y"}} << "VoiceUrl";
        QTest::newRow("bad refer url")
            << numbers << Params{{"PhoneNumber", "9"}, {"ReferUrl", "not a url"}} << "ReferUrl";
        QTest::newRow("bad method")
            << numbers << Params{{"PhoneNumber", "9"}, {"ReferMethod", "PUT"}} << "ReferMethod";
        QTest::newRow("unknown refer app")
            << numbers
            << Params{{"PhoneNumber", "9"},
                      {"ReferApplicationSid", "AP00000000000000000000000000000000"}}
            << "ReferApplicationSid";
        QTest::newRow("bad boolean")
            << numbers << Params{{"PhoneNumber", "9"}, {"VoiceCallerIdLookup", "yes"}}
            << "VoiceCallerIdLookup";
        QTest::newRow("duplicate number")
            << numbers << Params{{"PhoneNumber", "1111"}} << "PhoneNumber";
        QTest::newRow("no password") << "/Clients.json" << Params{{"Login", "carol"}} << "Password";
        QTest::newRow("no login") << "/Clients.json" << Params{{"Password", "x"}} << "Login";
        QTest::newRow("bad login")
            << "/Clients.json" << Params{{"Login", "a b@c"}, {"Password", "x"}} << "Login";
        QTest::newRow("duplicate login")
            << "/Clients.json" << Params{{"Login", "alice"}, {"Password", "x"}} << "Login";
        QTest::newRow("bad status")
            << "/Clients.json" << Params{{"Login", "dan"}, {"Password", "x"}, {"Status", "2"}}
            << "Status";
        QTest::newRow("no app name")
            << "/Applications.json" << Params{{"RcmlUrl", "/x"}} << "FriendlyName";
        QTest::newRow("bad rcml url")
            << "/Applications.json" << Params{{"FriendlyName", "a"}, {"RcmlUrl", "mailto:x@y"}}
            << "RcmlUrl";
        QTest::newRow("bad kind") << "/Applications.json"
                                  << Params{{"FriendlyName", "a"}, {"Kind", "fax"}} << "Kind";
    }
    void badInput() {
        QFETCH(QString, resource);
        QFETCH(Params, form);
        QFETCH(QString, field);
        QCOMPARE(
            send(request("POST", kBase + "/IncomingPhoneNumbers.json", {{"PhoneNumber", "1111"}}))
                .status,
            201);
        QCOMPARE(
            send(request("POST", kBase + "/Clients.json", {{"Login", "alice"}, {"Password", "1"}}))
                .status,
            201);
        const auto before =
            std::tuple(store_->numbers(), store_->clients(), store_->applications());
        const HttpResponse response = send(request("POST", kBase + resource, form));
        QCOMPARE(response.status, 400);
        const QJsonObject error = objectOf(response);
        QCOMPARE(error.keys(), QStringList({"field", "message"}));
        QCOMPARE(error["field"].toString(), field);
        QVERIFY(!error["message"].toString().isEmpty());
        QVERIFY(before == std::tuple(store_->numbers(), store_->clients(), store_->applications()));
    }

    void badUpdateChangesNothing() {
        const QString sid =
            objectOf(send(request("POST", kBase + "/IncomingPhoneNumbers.json",
                                  {{"PhoneNumber", "1111"}, {"ReferUrl", "/2222"}})))["sid"]
                .toString();
        const HttpResponse response = send(request("POST", kBase + "/IncomingPhoneNumbers/" + sid,
                                                   {{"ReferUrl", ""}, {"VoiceMethod", "DELETE"}}));
        QCOMPARE(response.status, 400);
        QCOMPARE(objectOf(response)["field"].toString(), QStringLiteral("VoiceMethod"));
        QCOMPARE(store_->numberBySid(sid)->referUrl, QStringLiteral("/2222"));
    }

    void wrongMethods() {
        const QString sid = objectOf(send(request("POST", kBase + "/IncomingPhoneNumbers.json",
                                                  {{"PhoneNumber", "1111"}})))["sid"]
                                .toString();
        for (const auto &[method, path] :
             {std::pair{"DELETE", kBase + "/IncomingPhoneNumbers.json"},
              std::pair{"PATCH", kBase + "/IncomingPhoneNumbers/" + sid},
              std::pair{"PUT", kBase + "/Clients.json"},
              std::pair{"DELETE", kBase + "/Applications.json"},
              std::pair{"POST", kBase + "/Calls.json"},
              std::pair{"POST", kBase + "/Supervisor.json/metrics"}}) {
            const HttpResponse response = send(request(method, path));
            QVERIFY2(response.status == 405, qPrintable(QString(method) + " " + path));
            QCOMPARE(response.headers.value(0).first, QByteArray("Allow"));
        }
    }

    void callsAndMetrics() {
        api_->setInstanceId("test-instance");
        api_->setRegisteredUsersCounter([] { return 1; });
        const QString bob = calls_->add(CallRecord{{},
                                                   {},
                                                   kAccount,
                                                   "bob",
                                                   "1111",
                                                   CallDirection::Inbound,
                                                   CallStatus::InProgress,
                                                   "Bob",
                                                   {},
                                                   {},
                                                   {},
                                                   {},
                                                   {},
                                                   0});
        CallRecord leg;
        leg.parentSid = bob;
        leg.from = "bob";
        leg.to = "+131313";
        leg.direction = CallDirection::OutboundDial;
        leg.status = CallStatus::InProgress;
        const QString george = calls_->add(leg);
        const QString old = calls_->add(CallRecord{{},
                                                   {},
                                                   kAccount,
                                                   "x",
                                                   "y",
                                                   CallDirection::Inbound,
                                                   CallStatus::Completed,
                                                   {},
                                                   {},
                                                   {},
                                                   {},
                                                   {},
                                                   {},
                                                   0});

        HttpResponse metrics = send(request("GET", kBase + "/Supervisor.json/metrics"));
        QCOMPARE(metrics.status, 200);
        QVERIFY(
            hasKeysInOrder(metrics.body, {"InstanceId", "Version", "Metrics", "LiveCallDetails"}));
        const QJsonObject root = objectOf(metrics);
        QCOMPARE(root["InstanceId"].toString(), QStringLiteral("test-instance"));
        const QJsonObject counters = root["Metrics"].toObject();
        QCOMPARE(counters["LiveCalls"].toInt(), 2);
        QCOMPARE(counters["LiveIncomingCalls"].toInt(), 1);
        QCOMPARE(counters["LiveOutgoingCalls"].toInt(), 1);
        QCOMPARE(counters["MaximumConcurrentCalls"].toInt(), 2);
        QCOMPARE(counters["MaximumConcurrentIncomingCalls"].toInt(), 1);
        QCOMPARE(counters["MaximumConcurrentOutgoingCalls"].toInt(), 1);
        QCOMPARE(counters["TotalCallsSinceUptime"].toInt(), 3);
        QCOMPARE(counters["CompletedCalls"].toInt(), 1);
        QCOMPARE(counters["RegisteredUsers"].toInt(), 1);
        const QJsonArray details = root["LiveCallDetails"].toArray();
        QCOMPARE(details.size(), 2);
        QCOMPARE(details[0].toObject()["sid"].toString(), bob);
        QCOMPARE(details[0].toObject()["State"].toString(), QStringLiteral("IN_PROGRESS"));
        QCOMPARE(details[0].toObject()["direction"].toString(), QStringLiteral("inbound"));
        QCOMPARE(details[1].toObject()["to"].toString(), QStringLiteral("+131313"));

        QVERIFY(calls_->setStatus(bob, CallStatus::Completed));
        QVERIFY(calls_->setStatus(george, CallStatus::Completed));
        const QJsonObject after =
            objectOf(send(request("GET", kBase + "/Supervisor.json/metrics")));
        QCOMPARE(after["Metrics"].toObject()["LiveCalls"].toInt(), 0);
        QCOMPARE(after["Metrics"].toObject()["MaximumConcurrentCalls"].toInt(), 2);
        QCOMPARE(after["LiveCallDetails"].toArray().size(), 0);

        // Calls.json: page object with "calls"; Status filter; item.
        const QJsonObject page = objectOf(send(request("GET", kBase + "/Calls.json")));
        QCOMPARE(page["total"].toInt(), 3);
        QCOMPARE(page["calls"].toArray().size(), 3);
        const QJsonArray completed =
            objectOf(send(request("GET", kBase + "/Calls.json?Status=completed")))["calls"]
                .toArray();
        QCOMPARE(completed.size(), 3);
        QCOMPARE(objectOf(send(request("GET", kBase + "/Calls.json?Status=in-progress")))["calls"]
                     .toArray()
                     .size(),
                 0);
        QCOMPARE(send(request("GET", kBase + "/Calls.json?Status=bogus")).status, 400);
        HttpResponse item = send(request("GET", kBase + "/Calls/" + george + ".json"));
        QCOMPARE(item.status, 200);
        QVERIFY(hasKeysInOrder(
            item.body, {"sid", "date_created", "date_updated", "parent_call_sid", "account_sid",
                        "to", "from", "status", "start_time", "end_time", "duration", "direction",
                        "api_version", "caller_name", "uri"}));
        QCOMPARE(objectOf(item)["parent_call_sid"].toString(), bob);
        QCOMPARE(objectOf(item)["status"].toString(), QStringLiteral("completed"));
        QCOMPARE(objectOf(item)["direction"].toString(), QStringLiteral("outbound-dial"));
        QCOMPARE(objectOf(send(request("GET", kBase + "/Calls/" + old)))["from"].toString(),
                 QStringLiteral("x"));
    }

    void formBodyRequired() {
        HttpRequest r = request("POST", kBase + "/Clients.json");
        r.body = R"({"Login":"alice"})";
        r.contentType = "application/json";
        const HttpResponse response = send(r);
        QCOMPARE(response.status, 400);
        QVERIFY(store_->clients().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRestApi)
#include "tst_rest_api.moc"
