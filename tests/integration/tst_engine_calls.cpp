// BaresipEngine with real baresip processes peer to peer on 127.0.0.1: two simultaneous calls
// where hold, resume, DTMF and hang-up must reach the right call; incoming answer/decline;
// mute tracking; dial failures; start-up errors (missing baresip, busy port, bad config).
#include "baresip_runner.h"
#include "engine_itest.h"
#include "free_ports.h"

#include <QTcpSocket>
#include <signal.h>
#include <QUdpSocket>

using namespace eitest;
using rptest::Baresip;

class EngineCalls : public QObject {
    Q_OBJECT

    static QJsonObject eventOn(Baresip &peer, const QString &type, const QString &callId,
                               int timeoutMs = 5000) {
        return peer.waitForEvent(type, timeoutMs, [&](const QJsonObject &e) {
            return e.value("id").toString() == callId;
        });
    }
    static int countOn(Baresip &peer, const QString &type, const QString &callId) {
        int n = 0;
        for (const QJsonObject &e : peer.events()) {
            n += e.value("type").toString() == type && e.value("id").toString() == callId;
        }
        return n;
    }

  private slots:
    void twoCallsEachCommandReachesItsCall() {
        // Peers: plain baresips answering automatically. Their accounts need the SIP port,
        // known only after start: start, then uanew.
        Baresip bobPeer("bob", 880);
        Baresip carol("carol", 1320);
        QVERIFY2(bobPeer.start(), qPrintable(bobPeer.lastError()));
        QVERIFY(bobPeer
                    .command("uanew", QStringLiteral(
                                          "<sip:bob@%1>;regint=0;answermode=auto;audio_codecs=pcmu")
                                          .arg(bobPeer.sipHostPort()))
                    .ok);
        QVERIFY2(carol.start(), qPrintable(carol.lastError()));
        QVERIFY(
            carol
                .command("uanew",
                         QStringLiteral("<sip:carol@%1>;regint=0;answermode=auto;audio_codecs=pcmu")
                             .arg(carol.sipHostPort()))
                .ok);

        BaresipEngine alice(headless(440));
        Recorder rec(&alice);
        alice.start();
        QVERIFY2(rec.waitStatus(EngineStatus::Running), qPrintable(rec.statusMessages.join("; ")));
        const AccountConfig me =
            account("alice", QStringLiteral("127.0.0.1:%1").arg(alice.ports().sip));
        QVERIFY(!alice.addAccount(me).isError());
        QTest::qWait(200);  // uanew

        QString request1, request2;
        QCOMPARE(alice.dial(me.aor(), "not a uri", &request1).code,
                 EngineError::Code::InvalidTarget);
        QVERIFY(
            !alice
                 .dial(me.aor(), QStringLiteral("sip:bob@%1").arg(bobPeer.sipHostPort()), &request1)
                 .isError());
        QTRY_VERIFY_WITH_TIMEOUT(rec.callWith("bob").isValid(), 5000);
        const CallKey toBob = rec.callWith("bob");
        QVERIFY(rec.waitCallState(toBob, CallState::Established));
        QCOMPARE(rec.added.first().dialRequestId, request1);

        QVERIFY(
            !alice
                 .dial(me.aor(), QStringLiteral("sip:carol@%1").arg(carol.sipHostPort()), &request2)
                 .isError());
        QTRY_VERIFY_WITH_TIMEOUT(rec.callWith("carol").isValid(), 5000);
        const CallKey toCarol = rec.callWith("carol");
        QVERIFY(rec.waitCallState(toCarol, CallState::Established));
        QVERIFY(toBob.callId != toCarol.callId);
        // Dialling the second call held the first (explicitly, baresip does not).
        QTRY_VERIFY_WITH_TIMEOUT(rec.live(toBob)->onHold, 3000);
        QVERIFY(!rec.live(toCarol)->onHold);
        QVERIFY(!eventOn(bobPeer, "CALL_REMOTE_SDP", toBob.callId).isEmpty());  // hold re-INVITE

        // DTMF goes to the addressed call only (the active one: held calls send no RTP).
        QVERIFY(!alice.sendDtmf(toCarol, "2").isError());
        QCOMPARE(eventOn(carol, "CALL_DTMF_START", toCarol.callId).value("param").toString(),
                 QStringLiteral("2"));

        // Resume bob: carol gets held (one re-INVITE each), bob resumed.
        const int bobOffersBefore = countOn(bobPeer, "CALL_REMOTE_SDP", toBob.callId);
        const int carolOffersBefore = countOn(carol, "CALL_REMOTE_SDP", toCarol.callId);
        QVERIFY(!alice.resume(toBob).isError());
        QTRY_VERIFY_WITH_TIMEOUT(!rec.live(toBob)->onHold && rec.live(toCarol)->onHold, 3000);
        QTRY_VERIFY_WITH_TIMEOUT(
            countOn(bobPeer, "CALL_REMOTE_SDP", toBob.callId) > bobOffersBefore, 3000);
        QTRY_VERIFY_WITH_TIMEOUT(
            countOn(carol, "CALL_REMOTE_SDP", toCarol.callId) > carolOffersBefore, 3000);

        QVERIFY(!alice.sendDtmf(toBob, "1").isError());
        QCOMPARE(eventOn(bobPeer, "CALL_DTMF_START", toBob.callId).value("param").toString(),
                 QStringLiteral("1"));
        QTest::qWait(300);
        QCOMPARE(countOn(bobPeer, "CALL_DTMF_START", toBob.callId), 1);
        QCOMPARE(countOn(carol, "CALL_DTMF_START", toCarol.callId), 1);
        QCOMPARE(alice.sendDtmf(toBob, "1x").code, EngineError::Code::InvalidTarget);
        // Holding again is idempotent; resuming the active call too.
        QVERIFY(!alice.resume(toBob).isError());

        // Mute is tracked (baresip's is a toggle).
        QVERIFY(!alice.setMuted(toBob, true).isError());
        QTRY_VERIFY_WITH_TIMEOUT(rec.live(toBob)->muted, 3000);
        QVERIFY(!alice.setMuted(toBob, false).isError());
        QTRY_VERIFY_WITH_TIMEOUT(!rec.live(toBob)->muted, 3000);

        // Media flows on the active call (checked, not assumed).
        QTest::qWait(1500);
        const AudioStats bobAudio = engineAudio(alice, toBob);
        QVERIFY2(
            bobAudio.txPackets >= 30 && bobAudio.rxPackets >= 30,
            qPrintable(
                QStringLiteral("tx %1 rx %2").arg(bobAudio.txPackets).arg(bobAudio.rxPackets)));

        // Hang up carol's call (currently on hold, not baresip's current call): only it ends.
        QVERIFY(!alice.hangup(toCarol).isError());
        QVERIFY(!eventOn(carol, "CALL_CLOSED", toCarol.callId).isEmpty());
        QVERIFY(rec.waitRemoved(toCarol));
        QVERIFY(rec.live(toBob).has_value());
        QCOMPARE(countOn(bobPeer, "CALL_CLOSED", toBob.callId), 0);
        QCOMPARE(alice.hangup(toCarol).code, EngineError::Code::UnknownCall);
        QVERIFY(rec.live(toBob)->durationMs() > 1000);

        // The far end hangs up: removed with its reason.
        bobPeer.batch({{"uafind", QStringLiteral("sip:bob@%1").arg(bobPeer.sipHostPort())},
                       {"callfind", toBob.callId},
                       {"hangup", ""}});
        QVERIFY(rec.waitRemoved(toBob));
        QCOMPARE(rec.removed.last().endReason, QStringLiteral("Connection reset by peer"));
        QVERIFY(rec.errors.isEmpty());
    }

    void incomingAnswerDeclineAndDialFailure() {
        BaresipEngine alice(headless(440));
        Recorder rec(&alice);
        alice.start();
        QVERIFY(rec.waitStatus(EngineStatus::Running));
        const AccountConfig me =
            account("alice", QStringLiteral("127.0.0.1:%1").arg(alice.ports().sip));
        QVERIFY(!alice.addAccount(me).isError());
        Baresip dave("dave", 660);
        QVERIFY2(dave.start(), qPrintable(dave.lastError()));
        QVERIFY(dave.command("uanew",
                             QStringLiteral("\"Dave D\" <sip:dave@%1>;regint=0;audio_codecs=pcmu")
                                 .arg(dave.sipHostPort()))
                    .ok);
        QTest::qWait(200);

        dave.command("dial", me.aor());
        QTRY_VERIFY_WITH_TIMEOUT(rec.callWith("dave").isValid(), 5000);
        CallKey incoming = rec.callWith("dave");
        QCOMPARE(rec.live(incoming)->state, CallState::Incoming);
        QCOMPARE(rec.live(incoming)->direction, CallDirection::Incoming);
        QCOMPARE(rec.live(incoming)->peerDisplayName, QStringLiteral("Dave D"));
        QCOMPARE(alice.blindTransfer(incoming, "carol").code, EngineError::Code::InvalidState);
        QCOMPARE(alice.hold(incoming).code, EngineError::Code::InvalidState);
        QVERIFY(!alice.decline(incoming).isError());
        QVERIFY(rec.waitRemoved(incoming));
        QVERIFY(!dave.waitForEvent("CALL_CLOSED", 5000).isEmpty());

        dave.command("dial", me.aor());
        QTRY_VERIFY_WITH_TIMEOUT(rec.callWith("dave").isValid(), 5000);
        incoming = rec.callWith("dave");
        QVERIFY(!alice.answer(incoming).isError());
        QVERIFY(rec.waitCallState(incoming, CallState::Established));
        QVERIFY(!dave.waitForEvent("CALL_ESTABLISHED", 5000).isEmpty());
        QVERIFY(!alice.hangup(incoming).isError());
        QVERIFY(rec.waitRemoved(incoming));

        // A dial to a user the peer does not have: the call appears and ends with the code.
        QString request;
        QVERIFY(
            !alice.dial(me.aor(), QStringLiteral("sip:nobody@%1").arg(dave.sipHostPort()), &request)
                 .isError());
        QTRY_VERIFY_WITH_TIMEOUT(
            !rec.removed.isEmpty() && rec.removed.last().dialRequestId == request, 8000);
        QVERIFY2(rec.removed.last().endReason.startsWith("404"),
                 qPrintable(rec.removed.last().endReason));
        QCOMPARE(alice.dial("sip:unknown@x", "bob", &request).code,
                 EngineError::Code::UnknownAccount);

        // A clean stop: baresip quits (no orphan keeping the ports), commands are refused.
        const qint64 pid = alice.processId();
        alice.stop();
        QVERIFY(rec.waitStatus(EngineStatus::Stopped, 3000));
        QTRY_VERIFY_WITH_TIMEOUT(::kill(static_cast<pid_t>(pid), 0) != 0, 3000);
        QCOMPARE(alice.dial(me.aor(), "bob", &request).code, EngineError::Code::NotRunning);
        QVERIFY2(rec.errors.isEmpty(), qPrintable(rec.errors.value(0).message));
    }

    void callsOnTwoAccountsAreAddressedByAccount() {
        // callfind only searches the current account and an incoming call switches it (§8):
        // every command must select the account first.
        BaresipEngine phone(headless(440));
        Recorder rec(&phone);
        phone.start();
        QVERIFY(rec.waitStatus(EngineStatus::Running));
        const QString domain = QStringLiteral("127.0.0.1:%1").arg(phone.ports().sip);
        const AccountConfig work = account("work", domain);
        const AccountConfig home = account("home", domain);
        QVERIFY(!phone.addAccount(work).isError());
        QVERIFY(!phone.addAccount(home).isError());
        Baresip dave("dave", 660), erin("erin", 990);
        QVERIFY2(dave.start(), qPrintable(dave.lastError()));
        QVERIFY2(erin.start(), qPrintable(erin.lastError()));
        const QString daveAor = QStringLiteral("sip:dave@%1").arg(dave.sipHostPort());
        const QString erinAor = QStringLiteral("sip:erin@%1").arg(erin.sipHostPort());
        QVERIFY(
            dave.command("uanew", QStringLiteral("<%1>;regint=0;audio_codecs=pcmu").arg(daveAor))
                .ok);
        QVERIFY(
            erin.command("uanew", QStringLiteral("<%1>;regint=0;audio_codecs=pcmu").arg(erinAor))
                .ok);
        QTest::qWait(200);

        dave.command("dial", work.aor());
        QTRY_VERIFY_WITH_TIMEOUT(rec.callWith("dave").isValid(), 5000);
        const CallKey onWork = rec.callWith("dave");
        QCOMPARE(onWork.accountAor, work.aor());
        QVERIFY(!phone.answer(onWork).isError());
        QVERIFY(rec.waitCallState(onWork, CallState::Established));

        erin.command("dial", home.aor());
        QTRY_VERIFY_WITH_TIMEOUT(rec.callWith("erin").isValid(), 5000);
        const CallKey onHome = rec.callWith("erin");
        QCOMPARE(onHome.accountAor, home.aor());
        // The incoming call on "home" made it baresip's current account; DTMF on "work" must
        // still reach dave.
        QVERIFY(!phone.sendDtmf(onWork, "7").isError());
        QCOMPARE(dave.waitForEvent("CALL_DTMF_START", 5000).value("param").toString(),
                 QStringLiteral("7"));
        QVERIFY(!phone.answer(onHome).isError());  // holds the work call first
        QVERIFY(rec.waitCallState(onHome, CallState::Established));
        QTRY_VERIFY_WITH_TIMEOUT(rec.live(onWork)->onHold, 3000);
        QVERIFY(!phone.hangup(onWork).isError());
        QVERIFY(!dave.waitForEvent("CALL_CLOSED", 5000).isEmpty());
        QVERIFY(rec.waitRemoved(onWork));
        QVERIFY(rec.live(onHome).has_value());
        QVERIFY(!erin.hasEvent("CALL_CLOSED"));
        QVERIFY(!phone.hangup(onHome).isError());
        QVERIFY(!erin.waitForEvent("CALL_CLOSED", 5000).isEmpty());
        QVERIFY2(rec.errors.isEmpty(), qPrintable(rec.errors.value(0).message));
    }

    void ctrlTakeoverIsDetectedAndRestarts() {
        // ctrl_tcp takes one client: a second connection silently replaces ours (§3). The
        // engine must notice, restart baresip and re-create its accounts.
        BaresipEngine alice(headless(440));
        Recorder rec(&alice);
        alice.start();
        QVERIFY(rec.waitStatus(EngineStatus::Running));
        const AccountConfig me =
            account("alice", QStringLiteral("127.0.0.1:%1").arg(alice.ports().sip));
        QVERIFY(!alice.addAccount(me).isError());
        QTest::qWait(200);
        const qint64 oldPid = alice.processId();
        const quint16 oldSipPort = alice.ports().sip;
        QTcpSocket intruder;
        intruder.connectToHost(QHostAddress::LocalHost, alice.ports().ctrl);
        QVERIFY(intruder.waitForConnected(2000));
        QTRY_VERIFY_WITH_TIMEOUT(!rec.restarts.isEmpty(), 8000);
        QCOMPARE(rec.errors.value(0).code, EngineError::Code::Crashed);
        QVERIFY2(rec.restartReasons.value(0).contains("control connection"),
                 qPrintable(rec.restartReasons.value(0)));
        QCOMPARE(alice.status(), EngineStatus::Running);
        QVERIFY(alice.processId() != oldPid);
        QCOMPARE(alice.ports().sip, oldSipPort);  // same Contact after the restart
        // The account was re-created: a call to it works.
        Baresip dave("dave", 660);
        QVERIFY2(dave.start(), qPrintable(dave.lastError()));
        QVERIFY(dave.command("uanew", QStringLiteral("<sip:dave@%1>;regint=0;audio_codecs=pcmu")
                                          .arg(dave.sipHostPort()))
                    .ok);
        dave.command("dial", QStringLiteral("sip:alice@127.0.0.1:%1").arg(alice.ports().sip));
        QTRY_VERIFY_WITH_TIMEOUT(rec.callWith("dave").isValid(), 5000);
    }

    void audioDeviceChoiceRestartsIdleBaresipWithIt() {
        // System audio: the devices reach baresip's alsa module (through ALSA's pulse plugin)
        // as PULSE_SINK / PULSE_SOURCE, read at process start: an idle engine restarts.
        BaresipSettings settings = headless(440);
        settings.audio = AudioMode::System;
        BaresipEngine phone(settings);
        Recorder rec(&phone);
        phone.start();
        QVERIFY2(rec.waitStatus(EngineStatus::Running), qPrintable(rec.statusMessages.join("; ")));
        const AccountConfig me =
            account("alice", QStringLiteral("127.0.0.1:%1").arg(phone.ports().sip));
        QVERIFY(!phone.addAccount(me).isError());
        const qint64 oldPid = phone.processId();
        QVERIFY(!phone.setAudioDevices({"test_source", "test_sink"}).isError());
        QTRY_VERIFY_WITH_TIMEOUT(
            phone.processId() != oldPid && phone.status() == EngineStatus::Running, 8000);
        QCOMPARE(phone.audioDevices(), (AudioDeviceSelection{"test_source", "test_sink"}));
        QFile environ(QStringLiteral("/proc/%1/environ").arg(phone.processId()));
        QVERIFY(environ.open(QIODevice::ReadOnly));
        const QList<QByteArray> variables = environ.readAll().split('\0');
        QVERIFY(variables.contains("PULSE_SINK=test_sink"));
        QVERIFY(variables.contains("PULSE_SOURCE=test_source"));
        QVERIFY(rec.restarts.isEmpty());  // planned: not reported as a crash
        QVERIFY(rec.errors.isEmpty());
        QVERIFY(rec.statuses.contains(EngineStatus::Restarting));
        // The account is back: a call reaches it.
        Baresip dave("dave", 660);
        QVERIFY2(dave.start(), qPrintable(dave.lastError()));
        QVERIFY(dave.command("uanew", QStringLiteral("<sip:dave@%1>;regint=0;audio_codecs=pcmu")
                                          .arg(dave.sipHostPort()))
                    .ok);
        dave.command("dial", me.aor());
        QTRY_VERIFY_WITH_TIMEOUT(rec.callWith("dave").isValid(), 5000);
    }

    void startErrorsAreSpecific() {
        {
            BaresipSettings settings = headless(440);
            settings.executable = "/nonexistent/baresip";
            // Not found at the setting; found on PATH: the setting is only the first place.
            QVERIFY(!BaresipEngine::locateBaresip(settings.executable).isEmpty());
            qputenv("PATH", "/nonexistent");
            BaresipEngine engine(settings);
            Recorder rec(&engine);
            engine.start();
            qputenv("PATH", "/usr/local/bin:/usr/bin:/bin");
            QVERIFY(rec.waitStatus(EngineStatus::Failed, 3000));
            QCOMPARE(rec.errors.value(0).code, EngineError::Code::BaresipNotFound);
            QVERIFY(rec.errors.value(0).message.contains("baresip-core"));
        }
        {
            QUdpSocket squatter;
            const quint16 port = rptest::freeBaresipSipPort();
            QVERIFY(squatter.bind(QHostAddress::LocalHost, port));
            BaresipSettings settings = headless(440);
            settings.sipPort = port;
            BaresipEngine engine(settings);
            Recorder rec(&engine);
            engine.start();
            QVERIFY(rec.waitStatus(EngineStatus::Failed, 5000));
            QCOMPARE(rec.errors.value(0).code, EngineError::Code::PortInUse);
            QVERIFY2(rec.errors.value(0).message.contains(QString::number(port)),
                     qPrintable(rec.errors.value(0).message));
        }
        {
            BaresipSettings settings = headless(440);
            settings.listenAddress = "10.254.254.254";  // not an address of this namespace
            BaresipEngine engine(settings);
            Recorder rec(&engine);
            engine.start();
            QVERIFY(rec.waitStatus(EngineStatus::Failed, 5000));
            QCOMPARE(rec.errors.value(0).code, EngineError::Code::BadConfig);
            QVERIFY2(rec.errors.value(0).message.contains("10.254.254.254"),
                     qPrintable(rec.errors.value(0).message));
        }
        {
            // baresip itself refuses: 'lo' as net_interface fails in 1.0.0 (exit 99).
            BaresipSettings settings = headless(440);
            settings.networkInterface = "lo";
            BaresipEngine engine(settings);
            Recorder rec(&engine);
            engine.start();
            QVERIFY(rec.waitStatus(EngineStatus::Failed, 5000));
            QCOMPARE(rec.errors.value(0).code, EngineError::Code::BadConfig);
            QVERIFY2(rec.errors.value(0).message.contains("exit code 99"),
                     qPrintable(rec.errors.value(0).message));
            QVERIFY2(rec.errors.value(0).detail.contains("lo"),
                     qPrintable(rec.errors.value(0).detail));
        }
    }
};

QTEST_GUILESS_MAIN(EngineCalls)
#include "tst_engine_calls.moc"
