// ReferPhone's config/export document: parsing (all or nothing, errors naming entry and
// field), the Restcomm number formats it also accepts, Store::apply and exportConfig.
#include "restcomm/config_document.h"
#include "restcomm/sip_digest.h"
#include "restcomm/store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace mrc;

// Declared before the JSON fixtures: moc misreads "//" inside multi-line raw strings, so the
// class must come first for moc to see it.
class TestConfigDocument : public QObject {
    Q_OBJECT
  private slots:
    void parsesTheFullDocument();
    void errorsNameEntryAndField_data();
    void errorsNameEntryAndField();
    void invalidJson();
    void acceptsRestcommNumberFormats();
    void applyReplacesByLoginAndNumber();
    void applyIsAllOrNothing();
    void exportRoundTrip();
};

namespace {

const QString kAppSid = QStringLiteral("AP0123456789abcdef0123456789abcdef");

QByteArray fullDocument() {
    return QStringLiteral(R"({
      "referphone_config": 1,
      "clients": [{"login": "alice", "password": "1234", "friendly_name": "Alice"},
                  {"login": "bob", "password": "5678", "voice_url": "/bob-out", "status": 0}],
      "applications": [{"sid": "%1", "friendly_name": "transfer",
                        "rcml_url": "/restcomm-rvd/services/apps/transfer/controller"}],
      "incoming_phone_numbers": [
        {"phone_number": "*", "voice_url": "http://127.0.0.1:8090/gottacatchemall",
         "voice_method": "GET", "refer_url": "http://127.0.0.1:8090/2222", "refer_method": "GET"},
        {"phone_number": "1111", "voice_url": "http://127.0.0.1:8090/1111", "voice_method": "GET",
         "refer_application_sid": "%1", "capabilities": {"voice_capable": true}},
        {"phone_number": "+1112", "voice_url": "transfer", "refer_url": "/2222"}],
      "rvd_projects": [{"name": "transfer", "state": {"header": {"projectKind": "voice"}}}]
    })")
        .arg(kAppSid)
        .toUtf8();
}

ConfigDocument parsed(const QByteArray &json) {
    auto result = parseConfig(json);
    if (auto *error = std::get_if<QString>(&result)) {
        qWarning() << *error;
        return {};
    }
    return std::get<ConfigDocument>(result);
}

QString errorOf(const QByteArray &json) {
    auto result = parseConfig(json);
    return std::holds_alternative<QString>(result) ? std::get<QString>(result) : QString();
}

QByteArray numbersDocument(const QString &numbersJson) {
    return (QStringLiteral(R"({"referphone_config": 1, "incoming_phone_numbers": )") + numbersJson +
            u'}')
        .toUtf8();
}

template <typename T>
QList<T> withoutDates(QList<T> records) {
    for (T &record : records) {
        record.dateCreated = record.dateUpdated = QDateTime();
    }
    return records;
}

}  // namespace

void TestConfigDocument::parsesTheFullDocument() {
    const ConfigDocument document = parsed(fullDocument());
    QCOMPARE(document.clients.size(), 2);
    QCOMPARE(document.clients[0].login, QStringLiteral("alice"));
    QCOMPARE(document.clients[0].password, QStringLiteral("1234"));
    QCOMPARE(document.clients[0].friendlyName, QStringLiteral("Alice"));
    QCOMPARE(document.clients[1].friendlyName, QStringLiteral("bob"));
    QCOMPARE(document.clients[1].status, 0);
    QCOMPARE(document.clients[1].voiceMethod, QStringLiteral("POST"));
    QCOMPARE(document.applications.size(), 1);
    QCOMPARE(document.applications[0].sid, kAppSid);
    QCOMPARE(document.applications[0].kind, QStringLiteral("voice"));
    QCOMPARE(document.numbers.size(), 3);
    QCOMPARE(document.numbers[0].phoneNumber, QStringLiteral("*"));
    QCOMPARE(document.numbers[0].referMethod, QStringLiteral("GET"));
    QCOMPARE(document.numbers[1].referApplicationSid, kAppSid);
    QCOMPARE(document.numbers[1].capabilities.voice, true);
    QCOMPARE(document.numbers[2].voiceUrl, QStringLiteral("transfer"));
    QCOMPARE(document.numbers[2].voiceMethod, QStringLiteral("POST"));  // absent -> POST
    QCOMPARE(document.rvdProjects.size(), 1);
    QCOMPARE(document.rvdProjects[0].name, QStringLiteral("transfer"));
    QCOMPARE(document.rvdProjects[0].state["header"].toObject()["projectKind"].toString(),
             QStringLiteral("voice"));
}

void TestConfigDocument::errorsNameEntryAndField_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("bad voice url")
        << numbersDocument(R"([{"phone_number": "1"}, {"phone_number": "2"},
                               {"phone_number": "1112", "voice_url": "ftp://x/y"}])")
        << "incoming_phone_numbers[2] (1112): voice_url: not an http(s) URL or app name";
    QTest::newRow("no phone number") << numbersDocument(R"([{"voice_url": "/x"}])")
                                     << "incoming_phone_numbers[0]: phone_number: required";
    QTest::newRow("duplicate number")
        << numbersDocument(R"([{"phone_number": "1111"}, {"phone_number": "1111"}])")
        << "incoming_phone_numbers[1] (1111): phone_number: duplicate of incoming_phone_numbers[0]";
    QTest::newRow("bad method")
        << numbersDocument(R"([{"phone_number": "1111", "refer_method": "PUT"}])")
        << "incoming_phone_numbers[0] (1111): refer_method: must be GET or POST";
    QTest::newRow("bad app sid")
        << numbersDocument(R"([{"phone_number": "1111", "refer_application_sid": "transfer"}])")
        << "incoming_phone_numbers[0] (1111): refer_application_sid: not an application sid "
           "(AP and 32 hex digits)";
    QTest::newRow("wrong type")
        << numbersDocument(R"([{"phone_number": "1111", "friendly_name": 5}])")
        << "incoming_phone_numbers[0] (1111): friendly_name: expected a string";
    QTest::newRow("bad boolean")
        << numbersDocument(R"([{"phone_number": "1111", "capabilities": {"sms_capable": "yes"}}])")
        << "incoming_phone_numbers[0] (1111): capabilities: sms_capable: expected true or false";
    QTest::newRow("entry not object") << numbersDocument(R"([{"phone_number": "1111"}, 7])")
                                      << "incoming_phone_numbers[1]: expected an object";
    QTest::newRow("client without password")
        << QByteArray(R"({"referphone_config": 1, "clients": [{"login": "alice"}]})")
        << "clients[0] (alice): password: required (the clear password)";
    QTest::newRow("client bad login")
        << QByteArray(R"({"referphone_config": 1, "clients": [{"login": "a b", "password": "1"}]})")
        << "clients[0] (a b): login: may hold only letters, digits and -._~+!$&'()*,;=";
    QTest::newRow("client bad status")
        << QByteArray(
               R"({"referphone_config": 1, "clients": [{"login": "a", "password": "1", "status": 3}]})")
        << "clients[0] (a): status: must be 0 or 1";
    QTest::newRow("application without url")
        << QByteArray(
               R"({"referphone_config": 1, "applications": [{"sid": "AP0123456789abcdef0123456789abcdef"}]})")
        << "applications[0] (AP0123456789abcdef0123456789abcdef): rcml_url: required";
    QTest::newRow("rvd without state")
        << QByteArray(R"({"referphone_config": 1, "rvd_projects": [{"name": "transfer"}]})")
        << "rvd_projects[0] (transfer): state: required (an RVD project state object)";
    QTest::newRow("section not array")
        << QByteArray(R"({"referphone_config": 1, "clients": {}})") << "clients: expected an array";
    QTest::newRow("version") << QByteArray(R"({"referphone_config": 2})")
                             << "referphone_config: unsupported version 2 (expected 1)";
    QTest::newRow("unknown document")
        << QByteArray(R"({"hello": 1})")
        << "not a ReferPhone config (no \"referphone_config\" key), a Restcomm "
           "IncomingPhoneNumbers list nor a single number (no \"phone_number\" key)";
}
void TestConfigDocument::errorsNameEntryAndField() {
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    QCOMPARE(errorOf(json), error);
}

void TestConfigDocument::invalidJson() {
    QVERIFY(errorOf("{\"referphone_config\": 1,").startsWith("not valid JSON at byte"));
    QVERIFY(!errorOf("\"text\"").isEmpty());  // scalar documents are refused
}

void TestConfigDocument::acceptsRestcommNumberFormats() {
    // Shape of Restcomm's jSonResultSIPPurchaseNumber, output-only keys included.
    const QByteArray restcommNumber = R"({
      "sid": "PHae6e420f425248d6a26948c17a9e2bcf", "account_sid": "ACae6e420f425248d6a26948c17a9e2acf",
      "friendly_name": "Test Number 2", "phone_number": "1111",
      "voice_url": "http://127.0.0.1:8090/1111", "voice_method": "GET",
      "voice_fallback_url": null, "voice_fallback_method": "POST", "status_callback": null,
      "status_callback_method": "POST", "voice_caller_id_lookup": false,
      "voice_application_sid": null, "date_created": "Tue, 24 Apr 2012 22:51:29 +0000",
      "date_updated": "Tue, 24 Apr 2012 22:51:29 +0000", "sms_url": null,
      "sms_method": "POST", "sms_fallback_url": null, "sms_fallback_method": "POST",
      "sms_application_sid": null, "ussd_url": null, "ussd_method": "POST",
      "ussd_fallback_url": null, "ussd_fallback_method": "POST", "ussd_application_sid": null,
      "refer_url": "http://127.0.0.1:8090/2222", "refer_method": "GET",
      "refer_application_sid": null,
      "capabilities": {"voice_capable": false, "sms_capable": false, "mms_capable": false, "fax_capable": false},
      "api_version": "2012-04-24",
      "uri": "/2012-04-24/Accounts/ACae6e420f425248d6a26948c17a9e2acf/IncomingPhoneNumbers/PHae6e420f425248d6a26948c17a9e2bcf.json"})";
    const QList<QByteArray> forms = {
        restcommNumber,
        '[' + restcommNumber + ']',
        R"({"page": 0, "num_pages": 0, "page_size": 50, "total": 1, "incomingPhoneNumbers": [)" +
            restcommNumber + "]}",
        R"({"incoming_phone_numbers": [)" + restcommNumber + "]}",
    };
    for (const QByteArray &json : forms) {
        const auto result = parseConfig(json);
        QVERIFY2(std::holds_alternative<ConfigDocument>(result), qPrintable(errorOf(json)));
        const ConfigDocument document = std::get<ConfigDocument>(result);
        QCOMPARE(document.numbers.size(), 1);
        QVERIFY(document.clients.isEmpty());
        const IncomingNumber &number = document.numbers[0];
        QCOMPARE(number.sid, QStringLiteral("PHae6e420f425248d6a26948c17a9e2bcf"));
        QCOMPARE(number.phoneNumber, QStringLiteral("1111"));
        QCOMPARE(number.friendlyName, QStringLiteral("Test Number 2"));
        QCOMPARE(number.voiceMethod, QStringLiteral("GET"));
        QCOMPARE(number.referUrl, QStringLiteral("http://127.0.0.1:8090/2222"));
        QCOMPARE(number.referMethod, QStringLiteral("GET"));
        QVERIFY(number.voiceFallbackUrl.isEmpty());
    }
}

void TestConfigDocument::applyReplacesByLoginAndNumber() {
    QTemporaryDir dir;
    Store store(dir.path());
    Client oldAlice;
    oldAlice.login = "alice";
    oldAlice.password = "old";
    const QString aliceSid = std::get<Client>(store.addClient(oldAlice)).sid;
    IncomingNumber oldNumber;
    oldNumber.phoneNumber = "1111";
    oldNumber.voiceUrl = "/old";
    const auto kept = std::get<IncomingNumber>(store.addNumber(oldNumber));

    QCOMPARE(store.apply(parsed(fullDocument())), std::nullopt);
    QCOMPARE(store.clients().size(), 2);
    QCOMPARE(store.clientByLogin("alice")->sid, aliceSid);
    QCOMPARE(store.clientByLogin("alice")->passwordHa1,
             QStringLiteral("83ec0021c4ef853788e0e5d1032e8381"));
    QCOMPARE(store.numbers().size(), 3);
    QCOMPARE(store.numberByPhone("1111")->sid, kept.sid);
    QCOMPARE(store.numberByPhone("1111")->dateCreated, kept.dateCreated);
    QCOMPARE(store.numberByPhone("1111")->voiceUrl, QStringLiteral("http://127.0.0.1:8090/1111"));
    QCOMPARE(store.numberByPhone("1111")->referApplicationSid, kAppSid);
    QCOMPARE(store.matchNumber("1112")->phoneNumber, QStringLiteral("+1112"));
    QCOMPARE(store.matchNumber("0545")->referUrl, QStringLiteral("http://127.0.0.1:8090/2222"));
    QVERIFY(store.applicationBySid(kAppSid));

    // Saved in one go: a fresh store reads the same thing.
    Store reloaded(dir.path());
    QCOMPARE(reloaded.load(), std::nullopt);
    QCOMPARE(reloaded.numbers(), store.numbers());
    QCOMPARE(reloaded.clients(), store.clients());
}

void TestConfigDocument::applyIsAllOrNothing() {
    QTemporaryDir dir;
    Store store(dir.path());
    IncomingNumber existing;
    existing.phoneNumber = "1111";
    existing.voiceUrl = "/keep";
    QVERIFY(std::holds_alternative<IncomingNumber>(store.addNumber(existing)));
    QFile file(store.filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();

    const QString missing = QStringLiteral("AP00000000000000000000000000000000");
    const ConfigDocument document =
        parsed(numbersDocument(QStringLiteral(R"([{"phone_number": "1111", "voice_url": "/new"},
                           {"phone_number": "2222", "refer_application_sid": "%1"}])")
                                   .arg(missing)));
    QCOMPARE(document.numbers.size(), 2);
    const auto error = store.apply(document);
    QCOMPARE(error, std::optional<QString>(
                        "incoming_phone_numbers[1] (2222): refer_application_sid: no application " +
                        missing));
    QCOMPARE(store.numbers().size(), 1);
    QCOMPARE(store.numberByPhone("1111")->voiceUrl, QStringLiteral("/keep"));
    QVERIFY(!store.numberByPhone("2222"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
}

void TestConfigDocument::exportRoundTrip() {
    QTemporaryDir dir;
    Store store(dir.path() + "/a");
    QCOMPARE(store.apply(parsed(fullDocument())), std::nullopt);
    const QList<RvdProject> projects = parsed(fullDocument()).rvdProjects;
    const QByteArray exported = exportConfig(store, projects);
    QVERIFY(exported.startsWith("{\"referphone_config\":1,\"clients\":"));

    const ConfigDocument document = parsed(exported);
    QCOMPARE(document.rvdProjects, projects);
    Store copy(dir.path() + "/b");
    QCOMPARE(copy.apply(document), std::nullopt);
    QCOMPARE(withoutDates(copy.clients()), withoutDates(store.clients()));
    QCOMPARE(withoutDates(copy.numbers()), withoutDates(store.numbers()));
    QCOMPARE(withoutDates(copy.applications()), withoutDates(store.applications()));
}

QTEST_GUILESS_MAIN(TestConfigDocument)
#include "tst_config_document.moc"
