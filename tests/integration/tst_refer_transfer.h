#pragma once
// The successful-transfer flow of Restcomm's ReferTest (restcomm-behaviour.md part 2 §7.2 tests
// 1-5), parameterised by who transfers, the transfer mode and the transferor's behaviour after
// the 202, with all of the test's assertions. Shared by tst_refer_restcomm_mode.cpp and
// tst_refer_rfc3515.cpp.
#include "tst_refer_fixture.h"

namespace refer {

struct TransferRun {
    QString mode = QStringLiteral("restcomm");  // --transfer-mode
    QString dialled = QStringLiteral("1111");   // what Bob dials
    QString voicePath = QStringLiteral("/1111");
    bool bobTransfers = false;  // test 5: the caller transfers; else George (the dialled party)
    bool hold = false;          // the transferor puts the call on hold before the REFER
    // The transferor's behaviour after the REFER (refer_george.xml / refer_bob_transferor.xml):
    // wait_bye, bye_now (restcomm); notify, notify_bye_now (rfc3515).
    QString after = QStringLiteral("wait_bye");
    bool bobHangsUp = false;  // test 4: Bob (the transferee) ends the transferred call
};

// The phones' -trace_logs output (<log> lines such as "REINVITE sendonly"), for extra checks.
struct TransferLogs {
    QByteArray transferee;
    QByteArray transferor;
    QByteArray target;
};

// Runs one transfer end to end and checks it; QVERIFY-fails. `logs` (optional) receives the
// phones' logs even when a check failed half way.
inline void runTransfer(Fixture &fx, const TransferRun &run, TransferLogs *logs = nullptr) {
    const bool rfc3515 = run.mode == u"rfc3515";
    fx.start({"--transfer-mode", run.mode});
    if (QTest::currentTestFailed())
        return;
    fx.registerAlice();
    if (QTest::currentTestFailed())
        return;

    const QJsonObject before = fx.metrics();
    QCOMPARE(Fixture::counter(before, "LiveCalls"), 0);
    QCOMPARE(Fixture::counter(before, "MaximumConcurrentCalls"), 0);

    // Alice (the target) answers; she ends the transferred call unless Bob does (test 4).
    Sipp alice("refer_party.xml");
    alice.arg(kPhoneArgs)
        .localPort(fx.alicePort)
        .key("contact_user", "alice")
        .key("hangup", run.bobHangsUp ? "no" : "yes");
    QVERIFY(alice.start());

    std::unique_ptr<Sipp> george;
    std::unique_ptr<Sipp> bob;
    if (run.bobTransfers) {
        george = std::make_unique<Sipp>("refer_party.xml");
        george->key("contact_user", "+131313").key("hangup", "no");
        bob = std::make_unique<Sipp>("refer_bob_transferor.xml");
        bob->key("contact_user", "bob")
            .key("refer_to", fx.referTo("alice"))
            .key("hold", run.hold ? "yes" : "no")
            .key("after", run.after);
    } else {
        george = std::make_unique<Sipp>("refer_george.xml");
        george->key("contact_user", "+131313")
            .key("refer_to", fx.referTo("alice"))
            .key("hold", run.hold ? "yes" : "no")
            .key("after", run.after);
        bob = std::make_unique<Sipp>("refer_bob.xml");
        bob->key("hangup", run.bobHangsUp ? "yes" : "no");
    }
    george->arg(kPhoneArgs).localPort(fx.georgePort);
    QVERIFY(george->start());
    bob->arg(kPhoneArgs)
        .remote(fx.server->sipHostPort())
        .service(run.dialled)
        .key("from_user", "bob");
    QVERIFY(bob->start());
    const quint16 transferorPort = run.bobTransfers ? bob->port() : fx.georgePort;
    struct KeepLogs {
        TransferLogs *out;
        Sipp *transferee, *transferor, *target;
        ~KeepLogs() {
            if (out) {
                out->transferee = transferee->logTrace();
                out->transferor = transferor->logTrace();
                out->target = target->logTrace();
            }
        }
    } keepLogs{logs, run.bobTransfers ? george.get() : bob.get(),
               run.bobTransfers ? bob.get() : george.get(), &alice};
    const quint16 transfereePort = run.bobTransfers ? fx.georgePort : bob->port();

    // Bob and Alice talk: 2 live calls, never more.
    const QJsonObject bridged = fx.waitForTransferStep("bridged", 15000);
    QVERIFY2(!bridged.isEmpty(), qPrintable(fx.transferSteps().join(u',')));
    const QJsonObject during = fx.metrics();
    QCOMPARE(Fixture::counter(during, "LiveCalls"), 2);
    QCOMPARE(Fixture::counter(during, "LiveIncomingCalls"), run.bobTransfers ? 0 : 1);
    QCOMPARE(Fixture::counter(during, "LiveOutgoingCalls"), run.bobTransfers ? 2 : 1);
    QCOMPARE(during.value("LiveCallDetails").toArray().size(), 2);
    // ...and they are the transferee's leg and alice's, never the transferor's.
    QStringList liveParties;
    for (const QJsonValue &d : during.value("LiveCallDetails").toArray()) {
        liveParties << d.toObject().value("from").toString() + QStringLiteral("->") +
                           d.toObject().value("to").toString();
    }
    liveParties.sort();
    const QStringList expectedParties =
        // (George's leg is the caller side now: alice is rung from +131313)
        run.bobTransfers ? QStringList{"+131313->alice", "bob->+131313"}
                         : QStringList{QStringLiteral("bob->") + run.dialled, "bob->alice"};
    QCOMPARE(liveParties, expectedParties);

    REFER_SIPP_OK(*george, 20000);
    REFER_SIPP_OK(*bob, 20000);
    REFER_SIPP_OK(alice, 20000);
    QVERIFY2(waitUntil([&] { return Fixture::counter(fx.metrics(), "LiveCalls") == 0; }, 5000),
             QJsonDocument(fx.metrics()).toJson().constData());

    // ---- the REFER's answers on the wire ------------------------------------------------
    const QList<QJsonObject> accepted = fx.sip("out", "SIP/2.0 202", transferorPort);
    QCOMPARE(accepted.size(), 1);
    const QString acceptedText = accepted.first().value("text").toString();
    QVERIFY2(accepted.first().value("cseq").toString().endsWith("REFER"), qPrintable(acceptedText));
    QCOMPARE(Fixture::header(acceptedText, "Event"), QStringLiteral("refer"));
    const QDateTime acceptedAt = Fixture::timeOf(accepted.first());

    const QList<QJsonObject> notifies = fx.sip("out", "NOTIFY", transferorPort);
    const QList<QJsonObject> byes = fx.sip("out", "BYE", transferorPort);
    if (!rfc3515) {
        // Restcomm parity: never a NOTIFY; BYE right after the 202.
        QVERIFY2(notifies.isEmpty(), qPrintable(notifies.value(0).value("text").toString()));
        // (a request line; "NOTIFY" alone is also in the Allow header)
        QVERIFY2(!alice.messageTrace().contains("NOTIFY sip:") &&
                     !bob->messageTrace().contains("NOTIFY sip:") &&
                     !george->messageTrace().contains("NOTIFY sip:"),
                 "a NOTIFY reached a phone in restcomm mode");
    } else if (run.after == u"notify") {
        QCOMPARE(notifies.size(), 2);
        const QString first = notifies.at(0).value("text").toString();
        const QString last = notifies.at(1).value("text").toString();
        QCOMPARE(Fixture::header(first, "Event"), QStringLiteral("refer"));
        QVERIFY2(Fixture::header(first, "Subscription-State").startsWith("active"),
                 qPrintable(first));
        QVERIFY2(Fixture::header(first, "Content-Type").startsWith("message/sipfrag"),
                 qPrintable(first));
        QVERIFY2(Fixture::body(first).startsWith("SIP/2.0 100 Trying"), qPrintable(first));
        QCOMPARE(Fixture::header(last, "Event"), QStringLiteral("refer"));
        QCOMPARE(Fixture::header(last, "Subscription-State"),
                 QStringLiteral("terminated;reason=noresource"));
        QVERIFY2(Fixture::header(last, "Content-Type").startsWith("message/sipfrag"),
                 qPrintable(last));
        QVERIFY2(Fixture::body(last).startsWith("SIP/2.0 200 OK"), qPrintable(last));
        // The final NOTIFY goes before the BYE.
        QCOMPARE(byes.size(), 1);
        QVERIFY(Fixture::timeOf(notifies.at(1)) <= Fixture::timeOf(byes.first()));
    } else {
        // notify_bye_now: the transferor left right after the 202; the 100 Trying went out
        // with the 202, and the final NOTIFY is not sent into the ended dialog.
        QVERIFY2(!notifies.isEmpty(), "no NOTIFY 100 Trying");
        const QString trying = notifies.first().value("text").toString();
        QVERIFY2(Fixture::body(trying).startsWith("SIP/2.0 100 Trying"), qPrintable(trying));
        const QList<QJsonObject> byeIn = fx.sip("in", "BYE", transferorPort);
        QCOMPARE(byeIn.size(), 1);
        for (const QJsonObject &n : notifies) {
            QVERIFY2(n.value("seq").toInteger() < byeIn.first().value("seq").toInteger(),
                     qPrintable("NOTIFY sent into a dialog the transferor had ended:\n" +
                                n.value("text").toString()));
        }
    }
    const bool transferorByesFirst = run.after == u"bye_now" || run.after == u"notify_bye_now";
    if (run.after == u"notify_bye_now") {
        QVERIFY2(byes.isEmpty(), "the server sent BYE to a transferor that had already left");
    } else {
        // "George receives a BYE within 10 s".
        QCOMPARE(byes.size(), 1);
        const qint64 byeMs = acceptedAt.msecsTo(Fixture::timeOf(byes.first()));
        QVERIFY2(byeMs >= 0 && byeMs <= 10000, qPrintable(QString::number(byeMs)));
        if (!rfc3515) {
            // Restcomm mode: right after the 202, before the refer application is even fetched.
            QVERIFY2(byeMs <= 1000, qPrintable(QString::number(byeMs)));
            const QStringList steps = fx.transferSteps();
            QVERIFY2(steps.indexOf("transferor-released") >= 0 &&
                         steps.indexOf("transferor-released") < steps.indexOf("refer-fetch"),
                     qPrintable(steps.join(u',')));
        }
    }
    if (transferorByesFirst) {
        // The transferor's own BYE got 200 (crossing BYEs in restcomm mode).
        const QList<QJsonObject> answers = fx.sip("out", "SIP/2.0", transferorPort);
        bool byeAnswered200 = false;
        for (const QJsonObject &a : answers) {
            if (a.value("cseq").toString() == u"20 BYE") {
                QVERIFY2(a.value("first_line").toString().startsWith("SIP/2.0 200"),
                         qPrintable(a.value("text").toString()));
                byeAnswered200 = true;
            }
        }
        QVERIFY2(byeAnswered200, "the transferor's BYE was not answered");
    }

    // "Alice receives an INVITE within 5 s".
    const QList<QJsonObject> toAlice = fx.sip("out", "INVITE", fx.alicePort);
    QCOMPARE(toAlice.size(), 1);
    QCOMPARE(toAlice.first().value("first_line").toString(),
             QStringLiteral("INVITE sip:alice@127.0.0.1:%1 SIP/2.0").arg(fx.alicePort));
    const qint64 inviteMs = acceptedAt.msecsTo(Fixture::timeOf(toAlice.first()));
    QVERIFY2(inviteMs >= 0 && inviteMs <= 5000, qPrintable(QString::number(inviteMs)));

    // The party left with Alice gets the BYE within 5 s of her hanging up (or Alice gets
    // Bob's within 5 s in test 4).
    const quint16 hangsUp = run.bobHangsUp ? transfereePort : fx.alicePort;
    const quint16 getsBye = run.bobHangsUp ? fx.alicePort : transfereePort;
    const QList<QJsonObject> hangup = fx.sip("in", "BYE", hangsUp);
    const QList<QJsonObject> relayedBye = fx.sip("out", "BYE", getsBye);
    QCOMPARE(hangup.size(), 1);
    QCOMPARE(relayedBye.size(), 1);
    const qint64 relayMs =
        Fixture::timeOf(hangup.first()).msecsTo(Fixture::timeOf(relayedBye.first()));
    QVERIFY2(relayMs >= 0 && relayMs <= 5000, qPrintable(QString::number(relayMs)));

    // ---- the application server --------------------------------------------------------
    QCOMPARE(fx.stub.countTo(run.voicePath), 1);
    QCOMPARE(fx.stub.countTo("/2222"), 1);
    const StubRequest voice = fx.stub.requestsTo(run.voicePath).first();
    const StubRequest referApp = fx.stub.requestsTo("/2222").first();
    QCOMPARE(referApp.method, QStringLiteral("GET"));
    const QList<QByteArray> items = rawItems(referApp.rawQuery);
    const QByteArray transferor = run.bobTransfers ? "Transferor=bob" : "Transferor=%2B131313";
    const QByteArray transferee =
        run.bobTransfers ? "Transferee=" + run.dialled.toUtf8() : QByteArray("Transferee=bob");
    QVERIFY2(items.contains(transferor), referApp.rawQuery.constData());
    QVERIFY2(items.contains(transferee), referApp.rawQuery.constData());
    QVERIFY2(items.contains("ReferTarget=alice"), referApp.rawQuery.constData());
    if (run.bobTransfers) {
        // George's leg is re-interpreted (Direction outbound-dial, its own CallSid).
        QCOMPARE(referApp.param("Direction"), QStringLiteral("outbound-dial"));
        QVERIFY(referApp.param("CallSid") != voice.param("CallSid"));
    } else {
        QCOMPARE(referApp.param("Direction"), QStringLiteral("inbound"));
        QCOMPARE(referApp.param("CallSid"), voice.param("CallSid"));
        QCOMPARE(referApp.param("From"), QStringLiteral("bob"));
    }

    // ---- records and counters ------------------------------------------------------------
    const QJsonObject inbound = fx.call(voice.param("CallSid"));
    QCOMPARE(inbound.value("status").toString(), QStringLiteral("completed"));
    QCOMPARE(inbound.value("direction").toString(), QStringLiteral("inbound"));
    // The same in the Calls.json list, where no call is left live.
    const QJsonArray calls =
        fx.server->rest("GET", "Calls.json").json().object().value("calls").toArray();
    bool listed = false;
    for (const QJsonValue &c : calls) {
        const QJsonObject record = c.toObject();
        if (record.value("sid").toString() == voice.param("CallSid")) {
            listed = record.value("status").toString() == u"completed";
        }
        QVERIFY2(record.value("status").toString() != u"in-progress" &&
                     record.value("status").toString() != u"ringing" &&
                     record.value("status").toString() != u"queued",
                 QJsonDocument(record).toJson().constData());
    }
    QVERIFY2(listed, QJsonDocument(calls).toJson().constData());
    const QJsonObject after = fx.metrics();
    QCOMPARE(Fixture::counter(after, "LiveCalls"), 0);
    QCOMPARE(Fixture::counter(after, "MaximumConcurrentCalls"), 2);
    QCOMPARE(Fixture::counter(after, "MaximumConcurrentIncomingCalls"), 1);
    QCOMPARE(Fixture::counter(after, "MaximumConcurrentOutgoingCalls"), run.bobTransfers ? 2 : 1);
    QCOMPARE(after.value("LiveCallDetails").toArray().size(), 0);

    // ---- the transfer as the event stream tells it ------------------------------------------
    const QStringList steps = fx.transferSteps();
    QVERIFY2(steps.contains("accepted") && steps.contains("refer-fetch") &&
                 steps.contains("dialing") && steps.contains("bridged") &&
                 !steps.contains("refused") && !steps.contains("failed"),
             qPrintable(steps.join(u',')));
    // restcomm mode BYEs at once, so a transferor's quick BYE crosses ours: "released" either
    // way; in rfc3515 mode a transferor that BYEs first is "hung-up" and gets no BYE.
    QVERIFY2(steps.contains(run.after == u"notify_bye_now" ? "transferor-hung-up"
                                                           : "transferor-released"),
             qPrintable(steps.join(u',')));
    for (const QJsonObject &e : fx.transferEvents()) {
        if (e.value("step").toString() == u"accepted") {
            QCOMPARE(e.value("mode").toString(), run.mode);
        }
    }
}

// The offer directions of the re-INVITEs a refer_bob.xml / refer_party.xml phone answered, in
// order ("sendonly", "sendrecv", "none" when the offer had no direction attribute).
inline QStringList reinviteOffers(const QByteArray &log) {
    QStringList offers;
    for (const QByteArray &line : log.split('\n')) {
        const qsizetype at = line.indexOf("REINVITE ");
        if (at >= 0) {
            offers << QString::fromUtf8(line.mid(at + 9)).trimmed();
        }
    }
    return offers;
}

// A transfer after the transferor's hold: the hold was relayed to the transferee (or answered
// locally); once the target answers, the transferee must not be left on hold
// (restcomm-behaviour.md part 2 §8.2 items 16-17): if it was sent a sendonly/inactive offer,
// a later offer must resume it.
inline void checkTransfereeNotLeftOnHold(Fixture &fx, const TransferRun &run) {
    TransferLogs logs;
    runTransfer(fx, run, &logs);
    const QStringList offers = reinviteOffers(logs.transferee);
    if (QTest::currentTestFailed()) {
        qWarning("transferee's re-INVITE offers: %s", qPrintable(offers.join(u',')));
        return;
    }
    const bool held = offers.contains("sendonly") || offers.contains("inactive");
    QVERIFY2(!held || offers.last() == u"sendrecv" || offers.last() == u"none",
             qPrintable(QStringLiteral("transferee left on hold after the transfer; re-INVITE "
                                       "offers it answered: %1")
                            .arg(offers.join(u','))));
}

}  // namespace refer
