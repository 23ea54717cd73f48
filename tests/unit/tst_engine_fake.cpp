// FakeEngine: the in-process engine GUI tests drive. Its state must follow the commands and
// the injected far-end events, and it must refuse what the real engine refuses.
#include "engine/fake_engine.h"

#include <QSignalSpy>
#include <QtTest>

using namespace engine;

namespace {

AccountConfig alice() {
    AccountConfig config;
    config.displayName = QStringLiteral("Alice");
    config.user = QStringLiteral("alice");
    config.domain = QStringLiteral("127.0.0.1:5080");
    config.password = QStringLiteral("alice123");
    return config;
}

}  // namespace

class FakeEngineTest : public QObject {
    Q_OBJECT
  private slots:
    void registersOnStartAndReportsRefusal() {
        FakeEngine fake;
        QSignalSpy states(&fake, &Engine::accountStateChanged);
        QVERIFY(!fake.addAccount(alice()).isError());
        QVERIFY(fake.addAccount(alice()).isError());  // duplicate AOR
        fake.start();
        QTRY_COMPARE(fake.accountStates().value(0).registration, RegistrationState::Registered);
        QTRY_VERIFY(states.count() >= 2);
        QCOMPARE(states.last().at(0).value<AccountState>().sipCode, 200);

        fake.setRegistrarAnswer(alice().aor(), 403, QStringLiteral("403 Forbidden"));
        QVERIFY(!fake.setRegistered(alice().aor(), true).isError());
        QCOMPARE(fake.accountStates().value(0).registration, RegistrationState::Failed);
        QCOMPARE(fake.accountStates().value(0).reason, QStringLiteral("403 Forbidden"));
        QCOMPARE(fake.setRegistered(QStringLiteral("sip:nobody@x"), true).code,
                 EngineError::Code::UnknownAccount);
    }

    void commandsRefusedWhileStopped() {
        FakeEngine fake;
        QVERIFY(!fake.addAccount(alice()).isError());
        QString request;
        QCOMPARE(fake.dial(alice().aor(), "bob", &request).code, EngineError::Code::NotRunning);
    }

    void dialAnswerHoldMuteDtmfHangup() {
        FakeEngine fake;
        fake.addAccount(alice());
        fake.start();
        QSignalSpy added(&fake, &Engine::callAdded);
        QSignalSpy changed(&fake, &Engine::callChanged);
        QSignalSpy removed(&fake, &Engine::callRemoved);
        QString request;
        QCOMPARE(fake.dial(alice().aor(), "not a uri", &request).code,
                 EngineError::Code::InvalidTarget);
        QVERIFY(!fake.dial(alice().aor(), "1001", &request).isError());
        QTRY_COMPARE(added.count(), 1);
        const CallInfo call = added.at(0).at(0).value<CallInfo>();
        QCOMPARE(call.dialRequestId, request);
        QCOMPARE(call.peerUri, QStringLiteral("sip:1001@127.0.0.1:5080"));
        QCOMPARE(fake.hold(call.key).code, EngineError::Code::InvalidState);  // not answered
        fake.injectRemoteRinging(call.key);
        fake.injectRemoteAnswer(call.key);
        QCOMPARE(fake.calls().value(0).state, CallState::Established);
        QVERIFY(!fake.hold(call.key).isError());
        QVERIFY(fake.calls().value(0).onHold);
        QVERIFY(!fake.resume(call.key).isError());
        QVERIFY(!fake.calls().value(0).onHold);
        QVERIFY(!fake.setMuted(call.key, true).isError());
        QVERIFY(fake.calls().value(0).muted);
        QCOMPARE(fake.sendDtmf(call.key, "12x").code, EngineError::Code::InvalidTarget);
        QVERIFY(!fake.sendDtmf(call.key, "12#").isError());
        QVERIFY(fake.commandLog().contains(QStringLiteral("dtmf %1 12#").arg(call.key.callId)));
        QTRY_VERIFY(changed.count() >= 5);
        QVERIFY(!fake.hangup(call.key).isError());
        QTRY_COMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(0).value<CallInfo>().endReason,
                 QStringLiteral("Connection reset by user"));
        QVERIFY(fake.calls().isEmpty());
        QCOMPARE(fake.hangup(call.key).code, EngineError::Code::UnknownCall);
    }

    void answeringSecondCallHoldsTheFirst() {
        FakeEngine fake;
        fake.addAccount(alice());
        fake.start();
        const CallKey first = fake.injectIncomingCall(alice().aor(), "sip:bob@x", "Bob");
        const CallKey second = fake.injectIncomingCall(alice().aor(), "sip:carol@x", "Carol");
        QVERIFY(!fake.answer(first).isError());
        QVERIFY(!fake.answer(second).isError());
        QList<CallInfo> calls = fake.calls();
        QVERIFY(calls.at(0).onHold);
        QVERIFY(!calls.at(1).onHold);
        QVERIFY(!fake.resume(first).isError());
        calls = fake.calls();
        QVERIFY(!calls.at(0).onHold);
        QVERIFY(calls.at(1).onHold);
    }

    void transferorOutcomes() {
        FakeEngine fake;
        fake.addAccount(alice());
        fake.start();
        QSignalSpy transfers(&fake, &Engine::transferStatusChanged);
        const CallKey ringing = fake.injectIncomingCall(alice().aor(), "sip:bob@x");
        QCOMPARE(fake.blindTransfer(ringing, "carol").code, EngineError::Code::InvalidState);
        QVERIFY(!fake.answer(ringing).isError());
        QCOMPARE(fake.blindTransfer(ringing, "sip:bad host@").code,
                 EngineError::Code::InvalidTarget);
        QVERIFY(!fake.blindTransfer(ringing, "carol").isError());
        QCOMPARE(fake.blindTransfer(ringing, "carol").code, EngineError::Code::InvalidState);
        fake.injectTransferOutcome(ringing, TransferState::Failed, 486, "486 Busy Here");
        QTRY_COMPARE(transfers.count(), 2);
        const TransferStatus failed = transfers.at(1).at(0).value<TransferStatus>();
        QCOMPARE(failed.state, TransferState::Failed);
        QCOMPARE(failed.sipCode, 486);
        QVERIFY(failed.originalCallLost);
        QCOMPARE(failed.transfereeUri, QStringLiteral("sip:bob@x"));
        QVERIFY(fake.calls().isEmpty());

        // The server BYE after accepting counts as success (Restcomm).
        const CallKey second = fake.injectIncomingCall(alice().aor(), "sip:bob@x");
        fake.answer(second);
        QVERIFY(!fake.blindTransfer(second, "1002").isError());
        fake.injectRemoteHangup(second);
        QTRY_COMPARE(transfers.count(), 4);
        QCOMPARE(transfers.at(3).at(0).value<TransferStatus>().state, TransferState::Succeeded);
    }

    void transfereeAdoptsContinuation() {
        FakeEngine fake;
        fake.addAccount(alice());
        fake.start();
        QSignalSpy requested(&fake, &Engine::transferRequested);
        QSignalSpy continued(&fake, &Engine::transferContinued);
        const CallKey old = fake.injectIncomingCall(alice().aor(), "sip:bob@x", "Bob");
        fake.answer(old);
        const CallKey next = fake.injectTransferRequest(old, "<sip:carol@x>");
        QVERIFY(next.isValid());
        QTRY_COMPARE(continued.count(), 1);
        QCOMPARE(requested.at(0).at(0).value<TransferNotice>().target,
                 QStringLiteral("sip:carol@x"));
        QCOMPARE(requested.at(0).at(0).value<TransferNotice>().transferorName,
                 QStringLiteral("Bob"));
        QCOMPARE(continued.at(0).at(0).value<TransferNotice>().newCallId, next.callId);
        QCOMPARE(fake.calls().size(), 1);
        QCOMPARE(fake.calls().at(0).continuesCallId, old.callId);

        AccountConfig refusing = alice();
        refusing.allowTransfers = false;
        fake.updateAccount(refusing);
        const CallKey third = fake.injectIncomingCall(alice().aor(), "sip:dave@x");
        QVERIFY(!fake.injectTransferRequest(third, "sip:carol@x").isValid());
    }

    void crashRestartsAndReregisters() {
        FakeEngine fake;
        fake.addAccount(alice());
        fake.start();
        const CallKey call = fake.injectIncomingCall(alice().aor(), "sip:bob@x");
        QSignalSpy restarted(&fake, &Engine::engineRestarted);
        QSignalSpy errors(&fake, &Engine::engineError);
        fake.injectCrash();
        QTRY_COMPARE(restarted.count(), 1);
        QCOMPARE(restarted.at(0).at(2).value<QList<CallKey>>(), QList<CallKey>{call});
        QCOMPARE(errors.at(0).at(0).value<EngineError>().code, EngineError::Code::Crashed);
        QCOMPARE(fake.status(), EngineStatus::Running);
        QCOMPARE(fake.accountStates().value(0).registration, RegistrationState::Registered);
    }
};

QTEST_GUILESS_MAIN(FakeEngineTest)
#include "tst_engine_fake.moc"
