// BaresipEngine against mini-restcomm's Lab configuration (clients alice/bob/carol with
// passwords NAME123, number 1001 rings bob, its Refer URL dials $core_ReferTarget):
// registration accepted and refused; Lab blind transfer with the engine as transferor (user
// name completed with the account's domain), media checked after the transfer, in both
// --transfer-mode values; kill -9 of baresip mid-call: detected, restarted, re-registered.
#include "engine_itest.h"
#include "mini_restcomm_process.h"

#include <signal.h>

using namespace eitest;
using rptest::MiniRestcomm;

namespace {

AccountConfig labAccount(const QString &name, MiniRestcomm &server, const QString &password = {}) {
    return account(name, server.sipHostPort(), password.isEmpty() ? name + "123" : password, 60);
}

bool startLab(MiniRestcomm &server, const QString &mode = QStringLiteral("rfc3515")) {
    rptest::MiniRestcommOptions options;
    options.lab = true;
    options.extraArgs = {QStringLiteral("--transfer-mode"), mode};
    if (!server.start(options)) {
        qWarning("%s", qPrintable(server.lastError()));
        return false;
    }
    return true;
}

// A running engine with one registered Lab account.
struct Phone {
    Phone(const QString &name, int toneHz, MiniRestcomm &server)
        : engine(headless(toneHz)), rec(&engine), config(labAccount(name, server)) {}
    bool start() {
        engine.start();
        return rec.waitStatus(EngineStatus::Running) && !engine.addAccount(config).isError() &&
               rec.waitRegistration(config.aor(), RegistrationState::Registered);
    }
    BaresipEngine engine;
    Recorder rec;
    AccountConfig config;
};

qint64 rxDuring(BaresipEngine &engine, const CallKey &key, int ms) {
    const qint64 before = engineAudio(engine, key).rxPackets;
    QTest::qWait(ms);
    return engineAudio(engine, key).rxPackets - before;
}

}  // namespace

class EngineRestcomm : public QObject {
    Q_OBJECT
  private slots:
    void registrationAcceptedAndRefused() {
        MiniRestcomm server;
        QVERIFY(startLab(server));
        BaresipEngine engine(headless(440));
        Recorder rec(&engine);
        engine.start();
        QVERIFY(rec.waitStatus(EngineStatus::Running));

        const AccountConfig alice = labAccount("alice", server);
        QVERIFY(!engine.addAccount(alice).isError());
        QVERIFY(rec.waitRegistration(alice.aor(), RegistrationState::Registered));
        AccountState state = engine.accountStates().value(0);
        QCOMPARE(state.sipCode, 200);

        const AccountConfig wrong = labAccount("bob", server, "not-bobs-password");
        QVERIFY(!engine.addAccount(wrong).isError());
        QVERIFY(rec.waitRegistration(wrong.aor(), RegistrationState::Failed));
        for (const AccountState &s : engine.accountStates()) {
            if (s.aor == wrong.aor()) {
                state = s;
            }
        }
        QVERIFY2(state.sipCode == 401 || state.sipCode == 403, qPrintable(state.reason));
        QVERIFY(!state.reason.isEmpty());

        // Fix the password at run time (uadel + uanew): registered now.
        const AccountConfig fixed = labAccount("bob", server);
        QVERIFY(!engine.updateAccount(fixed).isError());
        QVERIFY(rec.waitRegistration(fixed.aor(), RegistrationState::Registered));

        // Unregister and register again on request; the network-came-back path re-registers.
        QVERIFY(!engine.setRegistered(alice.aor(), false).isError());
        QVERIFY(rec.waitRegistration(alice.aor(), RegistrationState::Unregistered));
        QVERIFY(!engine.setRegistered(alice.aor(), true).isError());
        QVERIFY(rec.waitRegistration(alice.aor(), RegistrationState::Registered));
        const int registeredBefore = static_cast<int>(std::count_if(
            rec.accountStates.begin(), rec.accountStates.end(), [&](const AccountState &s) {
                return s.aor == alice.aor() && s.registration == RegistrationState::Registered;
            }));
        engine.networkChanged();
        QTRY_VERIFY_WITH_TIMEOUT(std::count_if(rec.accountStates.begin(), rec.accountStates.end(),
                                               [&](const AccountState &s) {
                                                   return s.aor == alice.aor() &&
                                                          s.registration ==
                                                              RegistrationState::Registered;
                                               }) > registeredBefore,
                                 5000);

        // Over TCP (the AOR carries ;transport=tcp for baresip; events still map to our AOR).
        AccountConfig carolTcp = labAccount("carol", server);
        carolTcp.transport = Transport::Tcp;
        QVERIFY(!engine.addAccount(carolTcp).isError());
        QVERIFY2(rec.waitRegistration(carolTcp.aor(), RegistrationState::Registered),
                 qPrintable(engine.recentLog(1500)));

        QVERIFY(!engine.removeAccount(alice.aor()).isError());
        QTRY_COMPARE_WITH_TIMEOUT(engine.accounts().size(), 2, 3000);
        QCOMPARE(engine.removeAccount(alice.aor()).code, EngineError::Code::UnknownAccount);
        QVERIFY(rec.errors.isEmpty());
    }

    void labTransferEngineAsTransferor_data() {
        QTest::addColumn<QString>("mode");
        QTest::newRow("rfc3515") << QStringLiteral("rfc3515");
        QTest::newRow("restcomm") << QStringLiteral("restcomm");
    }
    void labTransferEngineAsTransferor() {
        QFETCH(QString, mode);
        MiniRestcomm server;
        QVERIFY(startLab(server, mode));
        Phone alice("alice", 440, server), bob("bob", 880, server), carol("carol", 660, server);
        carol.config.autoAnswer = true;
        QVERIFY(alice.start());
        QVERIFY(bob.start());
        QVERIFY(carol.start());

        QString request;
        QVERIFY(!alice.engine.dial(alice.config.aor(), "1001", &request).isError());  // number
        QTRY_VERIFY_WITH_TIMEOUT(!bob.engine.calls().isEmpty(), 10000);
        const CallKey atBob = bob.engine.calls().first().key;
        QVERIFY(!bob.engine.answer(atBob).isError());
        QVERIFY(bob.rec.waitCallState(atBob, CallState::Established));
        QTRY_VERIFY_WITH_TIMEOUT(!alice.engine.calls().isEmpty() &&
                                     alice.engine.calls().first().state == CallState::Established,
                                 5000);
        const CallKey atAlice = alice.engine.calls().first().key;
        QCOMPARE(alice.engine.calls().first().dialRequestId, request);

        QVERIFY(!bob.engine.blindTransfer(atBob, "carol").isError());  // user name
        QCOMPARE(bob.rec.transfers.value(0).target, server.sipUri("carol"));
        QTRY_VERIFY_WITH_TIMEOUT(bob.rec.finalTransfer().has_value(), 10000);
        const TransferStatus done = *bob.rec.finalTransfer();
        qInfo("transfer outcome (%s): %s after %lld ms", qPrintable(mode), qPrintable(done.reason),
              done.elapsedMs);
        QVERIFY2(done.state == TransferState::Succeeded, qPrintable(done.reason));
        QVERIFY(bob.rec.waitRemoved(atBob));

        // Carol answered (auto) and talks to alice, whose own call never changed (B2BUA).
        QTRY_VERIFY_WITH_TIMEOUT(!carol.engine.calls().isEmpty() &&
                                     carol.engine.calls().first().state == CallState::Established,
                                 10000);
        const CallKey atCarol = carol.engine.calls().first().key;
        QVERIFY(alice.rec.live(atAlice).has_value());
        QTest::qWait(300);
        const qint64 aliceHeard = rxDuring(alice.engine, atAlice, 2000);
        const AudioStats carolAudio = engineAudio(carol.engine, atCarol);
        qInfo("after transfer: alice rx +%lld in 2 s; carol tx %lld rx %lld", aliceHeard,
              carolAudio.txPackets, carolAudio.rxPackets);
        QVERIFY2(aliceHeard >= 50, "carol -> relay -> alice audio missing");
        QVERIFY2(carolAudio.rxPackets >= 50 && carolAudio.txPackets >= 50,
                 "alice <-> carol audio missing");

        // Transferor identity: Restcomm read it from bob's Contact (bob-0x… maps to "bob").
        bool referFetchSeen = false;
        for (const QJsonValue &value : server.events()) {
            const QJsonObject params = value.toObject().value("params").toObject();
            if (params.contains("ReferTarget")) {
                referFetchSeen = true;
                QCOMPARE(params.value("Transferor").toString(), QStringLiteral("bob"));
                QCOMPARE(params.value("ReferTarget").toString(), QStringLiteral("carol"));
            }
        }
        QVERIFY(referFetchSeen);
        QVERIFY(!alice.engine.hangup(atAlice).isError());
        QVERIFY(carol.rec.waitRemoved(atCarol));
    }

    void killMinus9IsDetectedRestartedReregistered() {
        MiniRestcomm server;
        QVERIFY(startLab(server));
        Phone alice("alice", 440, server), bob("bob", 880, server);
        bob.config.autoAnswer = true;
        QVERIFY(alice.start());
        QVERIFY(bob.start());
        QString request;
        QVERIFY(!alice.engine.dial(alice.config.aor(), "1001", &request).isError());
        QTRY_VERIFY_WITH_TIMEOUT(!bob.engine.calls().isEmpty() &&
                                     bob.engine.calls().first().state == CallState::Established,
                                 10000);
        const CallKey lostCall = bob.engine.calls().first().key;
        const qint64 oldPid = bob.engine.processId();
        QVERIFY(oldPid > 0);

        QElapsedTimer clock;
        clock.start();
        QCOMPARE(::kill(static_cast<pid_t>(oldPid), SIGKILL), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!bob.rec.errors.isEmpty(), 3000);
        const qint64 detectedMs = clock.elapsed();
        QCOMPARE(bob.rec.errors.first().code, EngineError::Code::Crashed);
        QVERIFY(bob.rec.errors.first().message.contains("restarted"));
        QVERIFY(bob.rec.statuses.contains(EngineStatus::Restarting));
        QVERIFY(bob.rec.waitRemoved(lostCall));
        QVERIFY(bob.rec.removed.last().endReason.contains("stopped"));

        QTRY_VERIFY_WITH_TIMEOUT(!bob.rec.restarts.isEmpty(), 8000);
        QCOMPARE(bob.rec.restarts.first(), 1);
        QCOMPARE(bob.rec.restartLost.first(), QList<CallKey>{lostCall});
        QCOMPARE(bob.engine.status(), EngineStatus::Running);
        QVERIFY(bob.engine.processId() != oldPid);
        QVERIFY(bob.rec.waitRegistration(bob.config.aor(), RegistrationState::Registered));
        const qint64 reregisteredMs = clock.elapsed();
        qInfo("kill -9: detected after %lld ms, re-registered after %lld ms", detectedMs,
              reregisteredMs);

        // And it works again: a new call reaches the restarted phone.
        alice.engine.hangup(alice.engine.calls().value(0).key);
        QTRY_VERIFY_WITH_TIMEOUT(alice.engine.calls().isEmpty(), 5000);
        QVERIFY(!alice.engine.dial(alice.config.aor(), "1001", &request).isError());
        QTRY_VERIFY_WITH_TIMEOUT(!bob.engine.calls().isEmpty() &&
                                     bob.engine.calls().first().state == CallState::Established,
                                 10000);
    }
};

QTEST_GUILESS_MAIN(EngineRestcomm)
#include "tst_engine_restcomm.moc"
