// The Transfer Lab's three phones: created once mini-restcomm is ready (real launcher, phones on
// FakeEngines from the factory), named in the ladder's lane map, reachable with --phone over
// the instance protocol, and a missing baresip shown in that phone's own panel.
#include "engine/baresip_engine.h"
#include "engine/fake_engine.h"
#include "screenshot.h"
#include "ui/lab_window.h"
#include "ui/phone/accounts_model.h"
#include "ui/phone/calls_model.h"
#include "ui/phone/phone_session.h"
#include "ui/phone/phone_window.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

namespace {

// FakeEngines that claim SIP ports 40001.. in creation order; remembered for the test to play
// the far ends.
struct FakeFactory {
    QHash<QString, engine::FakeEngine *> engines;
    int nextPort = 40001;

    ui::LabEngineFactory factory() {
        return [this](const QString &name) {
            auto fake = std::make_unique<engine::FakeEngine>();
            engines.insert(name, fake.get());
            const QString address = QStringLiteral("127.0.0.1:%1").arg(nextPort++);
            return ui::LabPhoneEngine{std::move(fake), [address] { return address; }};
        };
    }
};

phone::InstanceRequest request(phone::InstanceRequest::Command command, const QString &phone,
                               const QString &target = {}) {
    return phone::InstanceRequest{command, phone, target};
}

}  // namespace

class TestLabPhones : public QObject {
    Q_OBJECT

  private slots:
    void noPhonesBeforeTheServerIsReady() {
        FakeFactory fakes;
        ui::LabWindow window(fakes.factory());
        QVERIFY(window.phones().isEmpty());
        const QJsonObject answer =
            window.handleRequest(request(phone::InstanceRequest::Command::Status, {}));
        QVERIFY(!answer.value("ok").toBool());
        QVERIFY2(answer.value("error").toString().contains("mini-restcomm is not running"),
                 qPrintable(answer.value("error").toString()));
    }

    void threePhonesOnceTheServerIsReady() {
        QTemporaryDir data;
        QVERIFY(data.isValid());
        FakeFactory fakes;
        ui::LabWindow window(fakes.factory());
        window.launcher().setDataDir(data.path());
        window.show();
        window.startServer();
        QTRY_VERIFY_WITH_TIMEOUT(window.launcher().isReady(), 10000);
        QCOMPARE(window.phones().count(), 3);
        QCOMPARE(fakes.engines.keys().size(), 3);
        const QString server = window.launcher().endpoints()->sipHostPort;

        // Each phone registered with its own digest credentials at the Lab's SIP address.
        for (const QString &name :
             {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")}) {
            engine::FakeEngine *fake = fakes.engines.value(name);
            QVERIFY(fake);
            const QList<engine::AccountConfig> accounts = fake->accounts();
            QCOMPARE(accounts.size(), 1);
            QCOMPARE(accounts.first().user, name);
            QCOMPARE(accounts.first().domain, server);
            QCOMPARE(accounts.first().password, name + "123");
            QVERIFY(window.phones().panel(name));
            QVERIFY(window.phones().panel(name)->isVisible());
            QVERIFY(!window.phones().panel(name)->isWindow());
        }

        // The ladder names the phones by their SIP addresses.
        const flow::LaneMap &lanes = window.flowModel().laneMap();
        QCOMPARE(lanes.laneFor("127.0.0.1:40001"), QStringLiteral("Alice"));
        QCOMPARE(lanes.laneFor("127.0.0.1:40002"), QStringLiteral("Bob"));
        QCOMPARE(lanes.laneFor("127.0.0.1:40003"), QStringLiteral("Carol"));
        QCOMPARE(lanes.laneFor(server), QString(flow::kServerLane));

        // The panels are drawn side by side, each as wide as the others.
        const QRect left = window.phones().panel("alice")->geometry();
        const QRect middle = window.phones().panel("bob")->geometry();
        const QRect right = window.phones().panel("carol")->geometry();
        QVERIFY(left.right() < middle.left() && middle.right() < right.left());
        QVERIFY(left.top() == middle.top() && middle.top() == right.top());
        QTRY_VERIFY(window.phones().session("carol")->accounts()->rowCount() == 1);
        QTRY_COMPARE_WITH_TIMEOUT(window.numbersModel().rowCount(), 2, 5000);
        const QString shot = rptest::saveScreenshot(window, "lab-three-phones");
        if (!shot.isEmpty()) {
            qInfo("screenshot: %s", qPrintable(shot));
        }

        // --phone picks the phone a command acts on: Bob answers, Alice stays untouched.
        engine::FakeEngine *bobFake = fakes.engines.value("bob");
        const engine::CallKey call =
            bobFake->injectIncomingCall("sip:bob@" + server, "sip:alice@" + server, "Alice");
        phone::PhoneSession *bob = window.phones().session("Bob");
        QTRY_VERIFY(bob->calls()->rowOf(call) >= 0);
        QJsonObject answer =
            window.handleRequest(request(phone::InstanceRequest::Command::Answer, "alice"));
        QVERIFY(!answer.value("ok").toBool());  // nothing rings at Alice
        QCOMPARE(answer.value("error").toString(), QStringLiteral("No call is ringing."));
        answer = window.handleRequest(request(phone::InstanceRequest::Command::Answer, "bob"));
        QVERIFY2(answer.value("ok").toBool(), qPrintable(answer.value("error").toString()));
        QTRY_VERIFY(bob->calls()->row(bob->calls()->rowOf(call)).isEstablished());

        answer = window.handleRequest(
            request(phone::InstanceRequest::Command::Transfer, "bob", "carol"));
        QVERIFY2(answer.value("ok").toBool(), qPrintable(answer.value("error").toString()));

        // A command without --phone, or for a phone the Lab does not have, says what to do.
        answer = window.handleRequest(request(phone::InstanceRequest::Command::Answer, {}));
        QCOMPARE(answer.value("error").toString(),
                 QStringLiteral("The Lab runs three phones: say which with --phone "
                                "alice|bob|carol."));
        answer =
            window.handleRequest(request(phone::InstanceRequest::Command::Dial, "dave", "1001"));
        QCOMPARE(answer.value("error").toString(),
                 QStringLiteral("There is no phone named \"dave\" in the Lab (its phones: alice, "
                                "bob, carol)."));

        // --status over the real local socket lists the three phones with Bob's call.
        const QString name =
            QStringLiteral("referphone-test-lab-%1").arg(QCoreApplication::applicationPid());
        phone::InstanceServer instance(
            name, [&window](const phone::InstanceRequest &r) { return window.handleRequest(r); });
        QString error;
        QVERIFY2(instance.listen(&error), qPrintable(error));
        const auto status = phone::sendInstanceRequest(
            name, request(phone::InstanceRequest::Command::Status, {}), 5000, &error);
        QVERIFY2(status, qPrintable(error));
        QVERIFY(status->value("ok").toBool());
        const QJsonArray phones = status->value("phones").toArray();
        QCOMPARE(phones.size(), 3);
        QStringList names;
        for (const QJsonValue &entry : phones) {
            names << entry.toObject().value("phone").toString();
        }
        QCOMPARE(names, (QStringList{"alice", "bob", "carol"}));
        QCOMPARE(phones.at(1).toObject().value("account").toString(), "sip:bob@" + server);
        const QJsonArray bobCalls = phones.at(1).toObject().value("calls").toArray();
        QCOMPARE(bobCalls.size(), 1);
        QCOMPARE(bobCalls.first().toObject().value("peer").toString(), "sip:alice@" + server);
        QVERIFY(bobCalls.first().toObject().value("lastTransfer").isObject());
        QVERIFY(phones.at(0).toObject().value("calls").toArray().isEmpty());

        // --phone carol --status: only Carol.
        const auto carol = phone::sendInstanceRequest(
            name, request(phone::InstanceRequest::Command::Status, "carol"), 5000, &error);
        QVERIFY2(carol, qPrintable(error));
        QCOMPARE(carol->value("phones").toArray().size(), 1);
        QCOMPARE(carol->value("phones").toArray().first().toObject().value("phone").toString(),
                 QStringLiteral("carol"));

        // A second Lab cannot serve the same name and says why.
        phone::InstanceServer second(name,
                                     [](const phone::InstanceRequest &) { return QJsonObject{}; });
        QVERIFY(!second.listen(&error));
        QVERIFY2(error.contains("already running"), qPrintable(error));

        window.stopServer();
        QTRY_VERIFY_WITH_TIMEOUT(!window.launcher().isReady(), 8000);
    }

    void missingBaresipShownInThatPhonesPanel() {
        QTemporaryDir data;
        QTemporaryDir emptyPath;
        QVERIFY(data.isValid() && emptyPath.isValid());
        // No baresip beside the test and none on PATH.
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", emptyPath.path().toLocal8Bit());
        ui::LabWindow window([](const QString &) {
            auto baresip = std::make_unique<engine::BaresipEngine>(engine::BaresipSettings{});
            return ui::LabPhoneEngine{std::move(baresip), [] { return QString(); }};
        });
        window.launcher().setDataDir(data.path());
        window.startServer();
        QTRY_VERIFY_WITH_TIMEOUT(window.launcher().isReady(), 10000);
        qputenv("PATH", path);
        QCOMPARE(window.phones().count(), 3);
        for (const QString &name :
             {QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol")}) {
            const QString shown = window.phones().panel(name)->statusMessage();
            QVERIFY2(shown.contains("install the baresip-core package"), qPrintable(shown));
        }
        window.stopServer();
        QTRY_VERIFY_WITH_TIMEOUT(!window.launcher().isReady(), 8000);
    }
};

QTEST_MAIN(TestLabPhones)
#include "tst_lab_phones.moc"
