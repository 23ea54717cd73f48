// The single-instance command protocol: command-line parsing, request JSON, and round trips
// between a server backed by a real PhoneSession (FakeEngine) and a client, both in the same
// process and from a separate `referphone --status` process.
#include "phone_test_support.h"
#include "ui/phone/instance_protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QProcess>
#include <QUuid>

using namespace phone_test;
using phone::InstanceRequest;
using Command = phone::InstanceRequest::Command;

namespace {

QString uniqueName() {
    return QStringLiteral("referphone-test-%1")
        .arg(QUuid::createUuid().toString(QUuid::WithoutBraces).left(8));
}

}  // namespace

class PhoneInstanceTest : public QObject {
    Q_OBJECT
  private slots:
    void init() {
        dir_ = std::make_unique<QTemporaryDir>();
        QVERIFY(dir_->isValid());
    }

    void parsesCommandLines() {
        using phone::parseCommandLine;
        QVERIFY(!parseCommandLine({}).request);
        QVERIFY(parseCommandLine({}).error.isEmpty());
        const auto dial = parseCommandLine({QStringLiteral("sip:carol@example.org")});
        QCOMPARE(dial.request.value(),
                 (InstanceRequest{Command::Dial, {}, QStringLiteral("sip:carol@example.org")}));
        QCOMPARE(parseCommandLine({QStringLiteral("tel:+15550100")}).request->target,
                 QStringLiteral("tel:+15550100"));
        QCOMPARE(parseCommandLine({QStringLiteral("--answer")}).request->command, Command::Answer);
        QCOMPARE(parseCommandLine({QStringLiteral("--hangup")}).request->command, Command::Hangup);
        const auto transfer =
            parseCommandLine({QStringLiteral("--transfer"), QStringLiteral("carol")});
        QCOMPARE(transfer.request.value(),
                 (InstanceRequest{Command::Transfer, {}, QStringLiteral("carol")}));
        const auto status = parseCommandLine(
            {QStringLiteral("--phone"), QStringLiteral("bob"), QStringLiteral("--status")});
        QCOMPARE(status.request.value(),
                 (InstanceRequest{Command::Status, QStringLiteral("bob"), {}}));
        QVERIFY(parseCommandLine({QStringLiteral("--lab")}).lab);

        // Usage errors say what is wrong.
        QVERIFY(!parseCommandLine({QStringLiteral("--answer"), QStringLiteral("--hangup")})
                     .error.isEmpty());
        QVERIFY(!parseCommandLine({QStringLiteral("--transfer")}).error.isEmpty());
        QVERIFY(!parseCommandLine({QStringLiteral("--bogus")}).error.isEmpty());
        QVERIFY(!parseCommandLine({QStringLiteral("a"), QStringLiteral("b")}).error.isEmpty());
    }

    void requestJsonRoundTripAndRefusals() {
        const InstanceRequest request{Command::Transfer, QStringLiteral("bob"),
                                      QStringLiteral("carol")};
        QString error;
        QCOMPARE(InstanceRequest::fromJson(request.toJson(), &error).value(), request);
        QVERIFY(!InstanceRequest::fromJson({{"v", 1}, {"command", "reboot"}}, &error));
        QVERIFY(error.contains(QStringLiteral("reboot")));
        QVERIFY(!InstanceRequest::fromJson({{"v", 2}, {"command", "status"}}, &error));
        QVERIFY(error.contains(QStringLiteral("version")));
        QVERIFY(!InstanceRequest::fromJson({{"v", 1}, {"command", "dial"}}, &error));
        QVERIFY(error.contains(QStringLiteral("target")));
    }

    void statusAndCommandsBetweenTwoObjects() {
        Phone phone(dir_->path());
        const QString name = uniqueName();
        phone::InstanceServer server(name, [&phone](const InstanceRequest &request) {
            return phone.session.handleRequest(request);
        });
        QString error;
        QVERIFY2(server.listen(&error), qPrintable(error));
        // A second instance with the same name is refused with a reason.
        phone::InstanceServer second(name, [](const InstanceRequest &) { return QJsonObject{}; });
        QVERIFY(!second.listen(&error));
        QVERIFY(error.contains(QStringLiteral("already running")));

        QTRY_VERIFY(phone.session.phoneStatusJson().value(QStringLiteral("registered")).toBool());
        const engine::CallKey alice =
            phone.establishedCall(QStringLiteral("alice"), QStringLiteral("Alice"));
        const engine::CallKey ringing = phone.fake.injectIncomingCall(
            phone.aor(), QStringLiteral("sip:dave@%1").arg(domain), QStringLiteral("Dave"));
        QTRY_COMPARE(phone.calls()->rowCount(), 2);

        auto response = phone::sendInstanceRequest(name, {Command::Status, {}, {}}, 3000, &error);
        QVERIFY2(response, qPrintable(error));
        QCOMPARE(response->value(QStringLiteral("ok")).toBool(), true);
        const QJsonArray phones = response->value(QStringLiteral("phones")).toArray();
        QCOMPARE(phones.size(), 1);
        const QJsonObject me = phones.first().toObject();
        QCOMPARE(me.value(QStringLiteral("phone")).toString(), QStringLiteral("default"));
        QCOMPARE(me.value(QStringLiteral("account")).toString(), phone.aor());
        QCOMPARE(me.value(QStringLiteral("registered")).toBool(), true);
        const QJsonArray calls = me.value(QStringLiteral("calls")).toArray();
        QCOMPARE(calls.size(), 2);
        QCOMPARE(calls.at(0).toObject().value(QStringLiteral("id")).toString(), alice.callId);
        QCOMPARE(calls.at(0).toObject().value(QStringLiteral("peer")).toString(),
                 QStringLiteral("sip:alice@%1").arg(domain));
        QCOMPARE(calls.at(0).toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("established"));
        QVERIFY(calls.at(0).toObject().value(QStringLiteral("lastTransfer")).isNull());
        QCOMPARE(calls.at(1).toObject().value(QStringLiteral("id")).toString(), ringing.callId);
        QCOMPARE(calls.at(1).toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("ringing"));

        // --transfer acts on the talking call; the status then reports the transfer.
        response = phone::sendInstanceRequest(
            name, {Command::Transfer, {}, QStringLiteral("carol")}, 3000, &error);
        QVERIFY2(response && response->value(QStringLiteral("ok")).toBool(),
                 qPrintable(QJsonDocument(response.value_or(QJsonObject{})).toJson()));
        QCOMPARE(phone.fake.commandLog().last(),
                 QStringLiteral("transfer %1 sip:carol@%2").arg(alice.callId, domain));
        QTRY_VERIFY(phone.row(alice)->transferPending());
        phone.fake.injectTransferOutcome(alice, engine::TransferState::Failed, 486,
                                         QStringLiteral("Busy Here"));
        QTRY_VERIFY(phone.row(alice)->offersCallBack());
        response = phone::sendInstanceRequest(name, {Command::Status, {}, {}}, 3000, &error);
        QVERIFY(response);
        const QJsonObject transferred = response->value(QStringLiteral("phones"))
                                            .toArray()
                                            .first()
                                            .toObject()
                                            .value(QStringLiteral("calls"))
                                            .toArray()
                                            .first()
                                            .toObject();
        QCOMPARE(transferred.value(QStringLiteral("state")).toString(), QStringLiteral("closed"));
        const QJsonObject last = transferred.value(QStringLiteral("lastTransfer")).toObject();
        QCOMPARE(last.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
        QCOMPARE(last.value(QStringLiteral("sipCode")).toInt(), 486);
        QCOMPARE(last.value(QStringLiteral("target")).toString(),
                 QStringLiteral("sip:carol@%1").arg(domain));

        // --answer picks the ringing call, --hangup the talking one; errors are readable.
        response = phone::sendInstanceRequest(name, {Command::Answer, {}, {}}, 3000, &error);
        QVERIFY(response && response->value(QStringLiteral("ok")).toBool());
        QCOMPARE(phone.fake.commandLog().last(), QStringLiteral("answer %1").arg(ringing.callId));
        response = phone::sendInstanceRequest(name, {Command::Answer, {}, {}}, 3000, &error);
        QCOMPARE(response->value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(response->value(QStringLiteral("error")).toString(),
                 QStringLiteral("No call is ringing."));
        QTRY_VERIFY(phone.row(ringing)->isEstablished());
        response = phone::sendInstanceRequest(name, {Command::Hangup, {}, {}}, 3000, &error);
        QVERIFY(response && response->value(QStringLiteral("ok")).toBool());
        QCOMPARE(phone.fake.commandLog().last(), QStringLiteral("hangup %1").arg(ringing.callId));
        response = phone::sendInstanceRequest(
            name, {Command::Dial, {}, QStringLiteral("tel:+1555")}, 3000, &error);
        QVERIFY(response && response->value(QStringLiteral("ok")).toBool());
        QCOMPARE(phone.fake.commandLog().last(),
                 QStringLiteral("dial %1 sip:+1555@%2").arg(phone.aor(), domain));
        response = phone::sendInstanceRequest(
            name, {Command::Status, QStringLiteral("lab-bob"), {}}, 3000, &error);
        QCOMPARE(response->value(QStringLiteral("ok")).toBool(), false);
        QVERIFY(response->value(QStringLiteral("error"))
                    .toString()
                    .contains(QStringLiteral("lab-bob")));
    }

    void garbageGetsAReadableAnswer() {
        const QString name = uniqueName();
        phone::InstanceServer server(name, [](const InstanceRequest &) {
            return QJsonObject{{QStringLiteral("ok"), true}};
        });
        QString error;
        QVERIFY(server.listen(&error));
        QLocalSocket socket;
        socket.connectToServer(name);
        QVERIFY(socket.waitForConnected(2000));
        socket.write("not json\n");
        QTRY_VERIFY(socket.canReadLine());
        const QJsonObject answer = QJsonDocument::fromJson(socket.readLine()).object();
        QCOMPARE(answer.value(QStringLiteral("ok")).toBool(), false);
        QVERIFY(answer.value(QStringLiteral("error")).toString().contains(QStringLiteral("JSON")));
    }

    void statusFromAnotherProcess() {
        const QString program = QStringLiteral(REFERPHONE_BINARY_DIR "/bin/referphone");
        if (!QFile::exists(program)) {
            QSKIP("build the referphone target first");
        }
        Phone phone(dir_->path());
        const QString name = uniqueName();
        phone::InstanceServer server(name, [&phone](const InstanceRequest &request) {
            return phone.session.handleRequest(request);
        });
        QString error;
        QVERIFY(server.listen(&error));
        const engine::CallKey alice =
            phone.establishedCall(QStringLiteral("alice"), QStringLiteral("Alice"));
        QTRY_VERIFY(phone.session.phoneStatusJson().value(QStringLiteral("registered")).toBool());

        QProcess client;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("REFERPHONE_INSTANCE"), name);
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        client.setProcessEnvironment(environment);
        QSignalSpy finished(&client, &QProcess::finished);
        client.start(program, {QStringLiteral("--status")});
        // The event loop must run while the client waits: this process is the server.
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(client.exitCode(), 0);
        const QJsonObject status = QJsonDocument::fromJson(client.readAllStandardOutput()).object();
        const QJsonObject me = status.value(QStringLiteral("phones")).toArray().first().toObject();
        QCOMPARE(me.value(QStringLiteral("account")).toString(), phone.aor());
        QCOMPARE(me.value(QStringLiteral("registered")).toBool(), true);
        QCOMPARE(me.value(QStringLiteral("calls"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("id")),
                 QJsonValue(alice.callId));

        // A command that fails exits non-zero with the reason on stderr.
        QProcess failing;
        failing.setProcessEnvironment(environment);
        QSignalSpy failed(&failing, &QProcess::finished);
        failing.start(program, {QStringLiteral("--answer")});
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QCOMPARE(failing.exitCode(), 1);
        QVERIFY(failing.readAllStandardError().contains("No call is ringing."));
    }

  private:
    std::unique_ptr<QTemporaryDir> dir_;
};

QTEST_MAIN(PhoneInstanceTest)
#include "tst_phone_instance.moc"
