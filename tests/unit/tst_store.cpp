// The persistent store: HA1, CRUD, atomic saves with rollback, load of missing/corrupt files,
// number matching through the store, app URL resolution.
#include "restcomm/sip_digest.h"
#include "restcomm/store.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace mrc;

namespace {

const QString kAccount = QStringLiteral("ACae6e420f425248d6a26948c17a9e2acf");
const QString kToken = QStringLiteral("77f8c12cc7b8f8423e5c38b035249166");

IncomingNumber numberWith(const QString &phone, const QString &voiceUrl, const QString &referUrl) {
    IncomingNumber number;
    number.phoneNumber = phone;
    number.voiceUrl = voiceUrl;
    number.voiceMethod = QStringLiteral("GET");
    number.referUrl = referUrl;
    number.referMethod = QStringLiteral("GET");
    return number;
}

Client clientWith(const QString &login, const QString &password) {
    Client client;
    client.login = login;
    client.password = password;
    client.friendlyName = login;
    return client;
}

QByteArray readAll(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes) {
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

}  // namespace

class TestStore : public QObject {
    Q_OBJECT
  private slots:
    void ha1MatchesRestcommFixture() {
        QCOMPARE(digestHa1("alice", "127.0.0.1", "1234"),
                 QByteArray("83ec0021c4ef853788e0e5d1032e8381"));
    }

    void sidsAndDates() {
        const QString sid = newSid("PN");
        QVERIFY(isSid("PN", sid));
        QVERIFY(!isSid("AP", sid));
        QVERIFY(!isSid("PN", sid.chopped(1)));
        QVERIFY(newSid("PN") != sid);
        const QDateTime when(QDate(2012, 4, 24), QTime(22, 51, 29), Qt::UTC);
        QCOMPARE(restcommDate(when), QStringLiteral("Tue, 24 Apr 2012 22:51:29 +0000"));
    }

    void appReferences() {
        QVERIFY(isAppReference("http://127.0.0.1:8090/1111"));
        QVERIFY(isAppReference("https://example.com/x?y=1"));
        QVERIFY(isAppReference("/gottacatchemall"));
        QVERIFY(isAppReference("transfer_app-1"));
        QVERIFY(!isAppReference(""));
        QVERIFY(!isAppReference("ftp://example.com/x"));
        QVERIFY(!isAppReference("http:///nohost"));
        QVERIFY(!isAppReference("//host/path"));
        QVERIFY(!isAppReference("not a url"));
        QString method;
        QVERIFY(isHttpMethod("get", &method));
        QCOMPARE(method, QStringLiteral("GET"));
        QVERIFY(!isHttpMethod("PUT"));
    }

    void missingFileIsAnEmptyStore() {
        QTemporaryDir dir;
        Store store(dir.path());
        QCOMPARE(store.load(), std::nullopt);
        QVERIFY(store.isEmpty());
        QVERIFY(isSid("AC", store.accountSid()));
        QCOMPARE(store.authToken().size(), 32);
        QCOMPARE(store.realm(), QStringLiteral("127.0.0.1"));
        QVERIFY(!QFile::exists(store.filePath()));
    }

    void roundTrip() {
        QTemporaryDir dir;
        Store store(dir.path());
        QCOMPARE(store.setAccount(kAccount, kToken), std::nullopt);
        auto application = store.addApplication(Application{
            {}, "transfer", "/restcomm-rvd/services/apps/transfer/controller", "voice", {}, {}});
        QVERIFY(std::holds_alternative<Application>(application));
        const QString appSid = std::get<Application>(application).sid;
        auto alice = store.addClient(clientWith("alice", "1234"));
        QVERIFY(std::holds_alternative<Client>(alice));
        QCOMPARE(std::get<Client>(alice).passwordHa1,
                 QStringLiteral("83ec0021c4ef853788e0e5d1032e8381"));
        QVERIFY(isSid("CL", std::get<Client>(alice).sid));
        for (const IncomingNumber &number :
             {numberWith("*", "http://127.0.0.1:8090/gottacatchemall",
                         "http://127.0.0.1:8090/2222"),
              numberWith("1111", "http://127.0.0.1:8090/1111", "http://127.0.0.1:8090/2222"),
              numberWith("+1112", "http://127.0.0.1:8090/1112", "http://127.0.0.1:8090/2222"),
              numberWith("1212", "http://127.0.0.1:8090/1111", "")}) {
            QVERIFY(std::holds_alternative<IncomingNumber>(store.addNumber(number)));
        }
        IncomingNumber withApp = numberWith("3333", "", "");
        withApp.referApplicationSid = appSid;
        withApp.capabilities.voice = true;
        QVERIFY(std::holds_alternative<IncomingNumber>(store.addNumber(withApp)));

        Store reloaded(dir.path());
        QCOMPARE(reloaded.load(), std::nullopt);
        QCOMPARE(reloaded.accountSid(), kAccount);
        QCOMPARE(reloaded.authToken(), kToken);
        QCOMPARE(reloaded.clients(), store.clients());
        QCOMPARE(reloaded.numbers(), store.numbers());
        QCOMPARE(reloaded.applications(), store.applications());
        QCOMPARE(reloaded.numbers().size(), 5);
        QVERIFY(reloaded.clientByLogin("alice"));
        QCOMPARE(reloaded.matchNumber("1112")->phoneNumber, QStringLiteral("+1112"));
        QCOMPARE(reloaded.matchNumber("0545")->phoneNumber, QStringLiteral("*"));
        QCOMPARE(reloaded.matchNumber("1212")->referUrl, QString());
        QCOMPARE(reloaded.matchNumber("3333")->referApplicationSid, appSid);
    }

    void corruptFileIsReportedAndLeftAlone_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expectedError");
        QTest::newRow("not json") << QByteArray("{\"clients\": [") << "not valid JSON";
        QTest::newRow("not an object") << QByteArray("[1,2]") << "top level is not a JSON object";
        QTest::newRow("clients not array")
            << QByteArray(R"({"clients": "alice"})") << "clients: expected an array";
        QTest::newRow("login missing")
            << QByteArray(R"({"clients": [{"login":"a","password":"1"}, {"password":"1"}]})")
            << "clients[1]: login: missing";
        QTest::newRow("wrong type")
            << QByteArray(R"({"incoming_phone_numbers": [{"phone_number":"1", "voice_url": 3}]})")
            << "incoming_phone_numbers[0]: voice_url: expected a string";
    }
    void corruptFileIsReportedAndLeftAlone() {
        QFETCH(QByteArray, content);
        QFETCH(QString, expectedError);
        QTemporaryDir dir;
        Store store(dir.path());
        QVERIFY(std::holds_alternative<Client>(store.addClient(clientWith("bob", "5678"))));
        const QString accountBefore = store.accountSid();
        writeAll(store.filePath(), content);

        const auto error = store.load();
        QVERIFY(error.has_value());
        QVERIFY2(error->contains(store.filePath()), qPrintable(*error));
        QVERIFY2(error->contains(expectedError), qPrintable(*error));
        // Nothing changed in memory, and the file is untouched.
        QVERIFY(store.clientByLogin("bob"));
        QCOMPARE(store.clients().size(), 1);
        QCOMPARE(store.accountSid(), accountBefore);
        QCOMPARE(readAll(store.filePath()), content);
    }

    void failedSaveRollsBack() {
        QTemporaryDir dir;
        const QString notADirectory = dir.filePath("plain-file");
        writeAll(notADirectory, "x");
        Store store(notADirectory);
        auto result = store.addClient(clientWith("alice", "1234"));
        QVERIFY(std::holds_alternative<StoreFailure>(result));
        QVERIFY(std::get<StoreFailure>(result).kind == StoreFailure::Kind::Io);
        QVERIFY(store.clients().isEmpty());
        QVERIFY(!store.clientByLogin("alice"));
    }

    void duplicatesAreRefused() {
        QTemporaryDir dir;
        Store store(dir.path());
        QVERIFY(std::holds_alternative<Client>(store.addClient(clientWith("alice", "1234"))));
        auto again = store.addClient(clientWith("alice", "9999"));
        QVERIFY(std::holds_alternative<StoreFailure>(again));
        QVERIFY(std::get<StoreFailure>(again).kind == StoreFailure::Kind::Conflict);
        QCOMPARE(std::get<StoreFailure>(again).field, QStringLiteral("Login"));
        QVERIFY(
            std::holds_alternative<IncomingNumber>(store.addNumber(numberWith("1111", "/a", ""))));
        auto number = store.addNumber(numberWith("1111", "/b", ""));
        QVERIFY(std::holds_alternative<StoreFailure>(number));
        QCOMPARE(std::get<StoreFailure>(number).field, QStringLiteral("PhoneNumber"));
        QCOMPARE(store.clientByLogin("alice")->passwordHa1,
                 QStringLiteral("83ec0021c4ef853788e0e5d1032e8381"));
    }

    void realmChangeKeepsHa1Valid() {
        QTemporaryDir dir;
        Store store(dir.path());
        QVERIFY(std::holds_alternative<Client>(store.addClient(clientWith("alice", "1234"))));
        QCOMPARE(store.setRealm("refertest.restcomm.com"), std::nullopt);
        QCOMPARE(store.clientByLogin("alice")->passwordHa1.toLatin1(),
                 digestHa1("alice", "refertest.restcomm.com", "1234"));
        Store reloaded(dir.path());
        QCOMPARE(reloaded.load(), std::nullopt);
        QCOMPARE(reloaded.realm(), QStringLiteral("refertest.restcomm.com"));
        QCOMPARE(reloaded.clientByLogin("alice")->passwordHa1.toLatin1(),
                 digestHa1("alice", "refertest.restcomm.com", "1234"));
    }

    void updateAndRemove() {
        QTemporaryDir dir;
        Store store(dir.path());
        auto added = std::get<IncomingNumber>(store.addNumber(numberWith("1111", "/a", "/b")));
        IncomingNumber changed = added;
        changed.referUrl.clear();
        auto updated = store.updateNumber(changed);
        QVERIFY(std::holds_alternative<IncomingNumber>(updated));
        QCOMPARE(store.numberBySid(added.sid)->referUrl, QString());
        QCOMPARE(store.numberBySid(added.sid)->dateCreated, added.dateCreated);
        QCOMPARE(store.removeNumber(added.sid), std::nullopt);
        QVERIFY(!store.numberBySid(added.sid));
        QVERIFY(!store.matchNumber("1111"));
        QVERIFY(store.removeNumber(added.sid)->kind == StoreFailure::Kind::NotFound);
    }

    void applicationsInUseCannotBeRemoved() {
        QTemporaryDir dir;
        Store store(dir.path());
        const auto app = std::get<Application>(
            store.addApplication(Application{{}, "t", "http://127.0.0.1/x", "voice", {}, {}}));
        IncomingNumber number = numberWith("1111", "", "");
        number.referApplicationSid = app.sid;
        const auto added = std::get<IncomingNumber>(store.addNumber(number));
        const auto refused = store.removeApplication(app.sid);
        QVERIFY(refused.has_value());
        QVERIFY(refused->kind == StoreFailure::Kind::Conflict);
        QVERIFY2(refused->message.contains("1111"), qPrintable(refused->message));
        QVERIFY(store.applicationBySid(app.sid));
        // A number may not point at an application that does not exist.
        IncomingNumber dangling = numberWith("2222", "", "");
        dangling.voiceApplicationSid = newSid("AP");
        auto result = store.addNumber(dangling);
        QVERIFY(std::holds_alternative<StoreFailure>(result));
        QCOMPARE(std::get<StoreFailure>(result).field, QStringLiteral("VoiceApplicationSid"));
        QCOMPARE(store.removeNumber(added.sid), std::nullopt);
        QCOMPARE(store.removeApplication(app.sid), std::nullopt);
    }

    void resolveAppUrl() {
        QTemporaryDir dir;
        Store store(dir.path());
        const auto relative = std::get<Application>(store.addApplication(
            Application{{}, "rvd", "/restcomm-rvd/services/apps/APx/controller", "voice", {}, {}}));
        const auto absolute = std::get<Application>(
            store.addApplication(Application{{}, "abs", "http://10.0.0.1/app", "voice", {}, {}}));
        const QString base = QStringLiteral("http://127.0.0.1:8080/");
        QCOMPARE(store.resolveAppUrl("/ignored", relative.sid, base),
                 QStringLiteral("http://127.0.0.1:8080/restcomm-rvd/services/apps/APx/controller"));
        QCOMPARE(store.resolveAppUrl({}, absolute.sid, base),
                 QStringLiteral("http://10.0.0.1/app"));
        QCOMPARE(store.resolveAppUrl("http://x/y", newSid("AP"), base), QString());
        QCOMPARE(store.resolveAppUrl("https://app.example/rcml", {}, base),
                 QStringLiteral("https://app.example/rcml"));
        QCOMPARE(store.resolveAppUrl("/1111", {}, base),
                 QStringLiteral("http://127.0.0.1:8080/1111"));
        QCOMPARE(
            store.resolveAppUrl("transfer", {}, base),
            QStringLiteral("http://127.0.0.1:8080/restcomm-rvd/services/apps/transfer/controller"));
        QCOMPARE(store.resolveAppUrl({}, {}, base), QString());
        QCOMPARE(store.resolveAppUrl("bad name!", {}, base), QString());
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
