// Blind transfer through BaresipEngine with real baresip peers, peer to peer on 127.0.0.1
// (three baresips, baresip-engine.md §6): the engine as transferor and as transferee, two-way
// media checked after the transfer, a failed transfer reported with its SIP code, a refused
// transfer (call_transfer=no) and the guard-timer timeout.
#include "baresip_runner.h"
#include "engine_itest.h"
#include "free_ports.h"

using namespace eitest;
using rptest::Baresip;

namespace {

// A plain baresip peer with one auto-answering account named after it.
bool startPeer(Baresip &peer, const QString &user, QString *aor) {
    if (!peer.start()) {
        return false;
    }
    *aor = QStringLiteral("sip:%1@%2").arg(user, peer.sipHostPort());
    return peer
        .command("uanew", QStringLiteral("\"%1\" <%2>;regint=0;answermode=auto;audio_codecs=pcmu")
                              .arg(user.left(1).toUpper() + user.mid(1), *aor))
        .ok;
}

// audio_debug of a peer's call, by Call-ID.
AudioStats peerAudio(Baresip &peer, const QString &aor, const QString &callId) {
    const auto replies = peer.batch({{"uafind", aor}, {"callfind", callId}, {"audio_debug", ""}});
    if (replies.size() != 3 || !replies.at(1).data.startsWith("setting current call")) {
        return {};
    }
    return parseAudioDebug(replies.at(2).data);
}

QString describe(const AudioStats &stats) {
    return QStringLiteral("tx %1 rx %2").arg(stats.txPackets).arg(stats.rxPackets);
}

}  // namespace

class EngineTransfer : public QObject {
    Q_OBJECT

    // The engine answers an incoming call from `caller` and returns its key.
    static CallKey answeredCallFrom(BaresipEngine &engine, Recorder &rec, Baresip &caller,
                                    const QString &engineAor, const QString &callerUser) {
        caller.command("dial", engineAor);
        if (!rptest::waitUntil([&] { return rec.callWith(callerUser).isValid(); }, 5000)) {
            return {};
        }
        const CallKey key = rec.callWith(callerUser);
        engine.answer(key);
        return rec.waitCallState(key, CallState::Established) ? key : CallKey{};
    }

  private slots:
    void engineAsTransferor() {
        Baresip alice("alice", 440), carol("carol", 1320);
        QString aliceAor, carolAor;
        QVERIFY2(startPeer(alice, "alice", &aliceAor), qPrintable(alice.lastError()));
        QVERIFY2(startPeer(carol, "carol", &carolAor), qPrintable(carol.lastError()));
        BaresipEngine bob(headless(880));
        Recorder rec(&bob);
        bob.start();
        QVERIFY(rec.waitStatus(EngineStatus::Running));
        const AccountConfig me =
            account("bob", QStringLiteral("127.0.0.1:%1").arg(bob.ports().sip));
        QVERIFY(!bob.addAccount(me).isError());
        QTest::qWait(200);

        const CallKey call = answeredCallFrom(bob, rec, alice, me.aor(), "alice");
        QVERIFY(call.isValid());
        QCOMPARE(bob.blindTransfer(call, "sip:bad host").code, EngineError::Code::InvalidTarget);
        QVERIFY(!bob.blindTransfer(call, QStringLiteral("<%1>").arg(carolAor)).isError());
        QCOMPARE(bob.blindTransfer(call, carolAor).code,
                 EngineError::Code::InvalidState);  // pending
        QCOMPARE(rec.transfers.value(0).state, TransferState::Pending);
        QCOMPARE(rec.transfers.value(0).target, carolAor);

        QTRY_VERIFY_WITH_TIMEOUT(rec.finalTransfer().has_value(), 5000);
        const TransferStatus done = *rec.finalTransfer();
        QVERIFY2(done.state == TransferState::Succeeded, qPrintable(done.reason));
        QVERIFY(!done.originalCallLost);
        QCOMPARE(done.transfereeUri, aliceAor);
        QVERIFY(rec.waitRemoved(call));
        QCOMPARE(rec.transfers.size(), 2);  // exactly one outcome

        // alice and carol are connected, with audio both ways.
        const QJsonObject aliceToCarol = alice.waitForEvent(
            "CALL_ESTABLISHED", 5000,
            [&](const QJsonObject &e) { return e.value("peeruri").toString() == carolAor; });
        QVERIFY(!aliceToCarol.isEmpty());
        const QString newId = aliceToCarol.value("id").toString();
        QVERIFY(newId != call.callId);
        QVERIFY(!carol.waitForEvent("CALL_ESTABLISHED", 5000).isEmpty());
        QTest::qWait(2000);
        const AudioStats aliceAudio = peerAudio(alice, aliceAor, newId);
        const AudioStats carolAudio = peerAudio(carol, carolAor, newId);
        qInfo("after transfer: alice %s, carol %s", qPrintable(describe(aliceAudio)),
              qPrintable(describe(carolAudio)));
        QVERIFY2(aliceAudio.txPackets >= 50 && aliceAudio.rxPackets >= 50,
                 qPrintable(describe(aliceAudio)));
        QVERIFY2(carolAudio.txPackets >= 50 && carolAudio.rxPackets >= 50,
                 qPrintable(describe(carolAudio)));
    }

    void engineAsTransferee() {
        Baresip bob("bob", 880), carol("carol", 1320);
        QString bobAor, carolAor;
        QVERIFY2(startPeer(bob, "bob", &bobAor), qPrintable(bob.lastError()));
        QVERIFY2(startPeer(carol, "carol", &carolAor), qPrintable(carol.lastError()));
        BaresipEngine alice(headless(440));
        Recorder rec(&alice);
        alice.start();
        QVERIFY(rec.waitStatus(EngineStatus::Running));
        const AccountConfig me =
            account("alice", QStringLiteral("127.0.0.1:%1").arg(alice.ports().sip));
        QVERIFY(!alice.addAccount(me).isError());
        QTest::qWait(200);

        QString request;
        QVERIFY(!alice.dial(me.aor(), bobAor, &request).isError());
        QTRY_VERIFY_WITH_TIMEOUT(rec.callWith("bob").isValid(), 5000);
        const CallKey old = rec.callWith("bob");
        QVERIFY(rec.waitCallState(old, CallState::Established));

        // bob transfers alice to carol (baresip as transferor, addressed by Call-ID).
        const auto replies =
            bob.batch({{"uafind", bobAor}, {"callfind", old.callId}, {"transfer", carolAor}});
        QVERIFY(replies.value(1).data.startsWith("setting current call"));

        QTRY_VERIFY_WITH_TIMEOUT(!rec.continued.isEmpty(), 5000);
        QCOMPARE(rec.requested.size(), 1);
        const TransferNotice notice = rec.requested.first();
        QCOMPARE(notice.call, old);
        QCOMPARE(notice.target, carolAor);
        QCOMPARE(notice.transferorUri, bobAor);
        // No display name: baresip reports peerdisplayname for incoming calls only.
        const TransferNotice continued = rec.continued.first();
        QVERIFY(!continued.newCallId.isEmpty());
        const CallKey next{me.aor(), continued.newCallId};
        QVERIFY(rec.waitCallState(next, CallState::Established));
        QCOMPARE(rec.live(next)->continuesCallId, old.callId);
        QVERIFY(rec.live(next)->dialRequestId.isEmpty());  // baresip dialled it, not us
        QVERIFY(rec.waitRemoved(old));
        QCOMPARE(alice.calls().size(), 1);

        QTest::qWait(2000);
        const AudioStats aliceAudio = engineAudio(alice, next);
        const AudioStats carolAudio = peerAudio(carol, carolAor, next.callId);
        qInfo("after transfer: alice %s, carol %s", qPrintable(describe(aliceAudio)),
              qPrintable(describe(carolAudio)));
        QVERIFY2(aliceAudio.txPackets >= 50 && aliceAudio.rxPackets >= 50,
                 qPrintable(describe(aliceAudio)));
        QVERIFY2(carolAudio.txPackets >= 50 && carolAudio.rxPackets >= 50,
                 qPrintable(describe(carolAudio)));
        QVERIFY(rec.errors.isEmpty());
    }

    void failedTransferReportsCodeAndLostCall() {
        Baresip alice("alice", 440), carol("carol", 1320);
        QString aliceAor, carolAor;
        QVERIFY2(startPeer(alice, "alice", &aliceAor), qPrintable(alice.lastError()));
        QVERIFY2(startPeer(carol, "carol", &carolAor), qPrintable(carol.lastError()));
        BaresipEngine bob(headless(880));
        Recorder rec(&bob);
        bob.start();
        QVERIFY(rec.waitStatus(EngineStatus::Running));
        const AccountConfig me =
            account("bob", QStringLiteral("127.0.0.1:%1").arg(bob.ports().sip));
        QVERIFY(!bob.addAccount(me).isError());
        QTest::qWait(200);

        const CallKey call = answeredCallFrom(bob, rec, alice, me.aor(), "alice");
        QVERIFY(call.isValid());
        QVERIFY(!bob.blindTransfer(call, QStringLiteral("sip:nobody@%1").arg(carol.sipHostPort()))
                     .isError());
        QTRY_VERIFY_WITH_TIMEOUT(rec.finalTransfer().has_value(), 5000);
        const TransferStatus done = *rec.finalTransfer();
        QCOMPARE(done.state, TransferState::Failed);
        QCOMPARE(done.sipCode, 404);
        QVERIFY2(done.reason.contains("404"), qPrintable(done.reason));
        // baresip 1.0.0 drops the call after a failed transfer: reported, and the call is gone.
        QVERIFY(done.originalCallLost);
        QCOMPARE(done.transfereeUri, aliceAor);
        QVERIFY(rec.waitRemoved(call));
        QVERIFY(!alice
                     .waitForEvent("CALL_CLOSED", 5000,
                                   [&](const QJsonObject &e) {
                                       return e.value("id").toString() == call.callId;
                                   })
                     .isEmpty());
    }

    void transfereeRefusesWhenTheAccountSaysSo() {
        Baresip bob("bob", 880), carol("carol", 1320);
        QString bobAor, carolAor;
        QVERIFY2(startPeer(bob, "bob", &bobAor), qPrintable(bob.lastError()));
        QVERIFY2(startPeer(carol, "carol", &carolAor), qPrintable(carol.lastError()));
        BaresipEngine alice(headless(440));
        Recorder rec(&alice);
        alice.start();
        QVERIFY(rec.waitStatus(EngineStatus::Running));
        AccountConfig me = account("alice", QStringLiteral("127.0.0.1:%1").arg(alice.ports().sip));
        me.allowTransfers = false;
        QVERIFY(!alice.addAccount(me).isError());
        QTest::qWait(200);
        QString request;
        QVERIFY(!alice.dial(me.aor(), bobAor, &request).isError());
        QTRY_VERIFY_WITH_TIMEOUT(rec.callWith("bob").isValid(), 5000);
        const CallKey old = rec.callWith("bob");
        QVERIFY(rec.waitCallState(old, CallState::Established));
        bob.batch({{"uafind", bobAor}, {"callfind", old.callId}, {"transfer", carolAor}});
        const QJsonObject failed = bob.waitForEvent("TRANSFER_FAILED", 5000);
        QVERIFY(!failed.isEmpty());
        QVERIFY2(failed.value("param").toString().startsWith("501"),
                 qPrintable(failed.value("param").toString()));
        QVERIFY(rec.requested.isEmpty());
        QVERIFY(!carol.hasEvent("CALL_INCOMING") && !carol.hasEvent("CALL_ESTABLISHED"));
    }

    void guardTimerTimesOut() {
        Baresip alice("alice", 440);
        QString aliceAor;
        QVERIFY2(startPeer(alice, "alice", &aliceAor), qPrintable(alice.lastError()));
        BaresipSettings settings = headless(880);
        settings.transferGuardMs = 1500;
        BaresipEngine bob(settings);
        Recorder rec(&bob);
        bob.start();
        QVERIFY(rec.waitStatus(EngineStatus::Running));
        const AccountConfig me =
            account("bob", QStringLiteral("127.0.0.1:%1").arg(bob.ports().sip));
        QVERIFY(!bob.addAccount(me).isError());
        QTest::qWait(200);
        const CallKey call = answeredCallFrom(bob, rec, alice, me.aor(), "alice");
        QVERIFY(call.isValid());
        // Nobody listens there: the transferee's INVITE times out only after 32 s.
        const quint16 deadPort = rptest::freeUdpTcpPort();
        QVERIFY(!bob.blindTransfer(call, QStringLiteral("sip:carol@127.0.0.1:%1").arg(deadPort))
                     .isError());
        QTRY_VERIFY_WITH_TIMEOUT(rec.finalTransfer().has_value(), 4000);
        const TransferStatus done = *rec.finalTransfer();
        QCOMPARE(done.state, TransferState::TimedOut);
        QVERIFY(done.elapsedMs >= 1500 && done.elapsedMs < 3000);
        QVERIFY(!done.originalCallLost);
        QVERIFY(rec.live(call).has_value());  // still up: the user decides
        QVERIFY(!bob.hangup(call).isError());
        QVERIFY(rec.waitRemoved(call));
    }
};

QTEST_GUILESS_MAIN(EngineTransfer)
#include "tst_engine_transfer.moc"
