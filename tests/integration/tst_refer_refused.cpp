// Restcomm's REFER acceptance tests for the refusals and the failed transfer
// (restcomm-behaviour.md part 2 §7.2 tests 6-8), in --transfer-mode restcomm:
//   6. the dialled number has no refer URL: 404, the call goes on untouched;
//   7. an out-of-dialog REFER (and one in a dialog the server does not know): 404;
//   8. the refer app dials a client that does not exist: the transferor and then the
//      transferee are hung up.
#include "tst_refer_fixture.h"

using namespace refer;

class ReferRefused : public QObject {
    Q_OBJECT
    Fixture fx_;

    void waitBridged() {
        const QJsonObject bridged = fx_.server->waitForEvent(
            [](const QJsonObject &e) {
                return e.value("type").toString() == u"call" &&
                       e.value("leg").toString() == u"call" &&
                       e.value("state").toString() == u"bridged";
            },
            10000);
        QVERIFY2(!bridged.isEmpty(), "Bob and George were never bridged");
    }

  private slots:
    void cleanup() { fx_.stop(); }

    // 6. testTransferWithAbsentReferUrlAndApplication: Bob dials 1212 (no refer URL). George's
    // REFER gets 404 (Event: refer, a Reason); no BYE, no refer fetch; the call carries on
    // until George hangs up, then Bob gets the BYE.
    void noReferUrlIsRefused() {
        fx_.start({"--transfer-mode", "restcomm"});
        if (QTest::currentTestFailed())
            return;
        Sipp george("refer_george.xml");
        george.arg(kPhoneArgs)
            .localPort(fx_.georgePort)
            .key("contact_user", "+131313")
            .key("refer_to", fx_.referTo("alice"))
            .key("hold", "no")
            .key("after", "refused");
        QVERIFY(george.start());
        Sipp bob("refer_bob.xml");
        bob.arg(kPhoneArgs)
            .remote(fx_.server->sipHostPort())
            .service("1212")
            .key("from_user", "bob")
            .key("hangup", "no");
        QVERIFY(bob.start());

        const QJsonObject refused = fx_.waitForTransferStep("refused", 10000);
        QVERIFY2(!refused.isEmpty(), qPrintable(fx_.transferSteps().join(u',')));
        QCOMPARE(refused.value("code").toInt(), 404);
        // The call is untouched: both legs live.
        QCOMPARE(Fixture::counter(fx_.metrics(), "LiveCalls"), 2);

        REFER_SIPP_OK(george, 15000);  // no BYE during 1.5 s after the 404, then its own BYE
        REFER_SIPP_OK(bob, 15000);

        const QList<QJsonObject> answers = fx_.sip("out", "SIP/2.0 404", fx_.georgePort);
        QCOMPARE(answers.size(), 1);
        const QString text = answers.first().value("text").toString();
        QCOMPARE(Fixture::header(text, "Event"), QStringLiteral("refer"));
        QVERIFY2(Fixture::header(text, "Reason").contains("Refer URL"), qPrintable(text));
        QVERIFY(fx_.sip("out", "SIP/2.0 202", fx_.georgePort).isEmpty());
        QCOMPARE(fx_.sip("out", "BYE", fx_.georgePort).size(), 0);  // George hung up himself
        QCOMPARE(fx_.stub.countTo("/1111"), 1);
        QCOMPARE(fx_.stub.countTo("/2222"), 0);
        QVERIFY2(!fx_.transferSteps().contains("accepted"),
                 qPrintable(fx_.transferSteps().join(u',')));

        const QString sid = fx_.stub.requestsTo("/1111").first().param("CallSid");
        QCOMPARE(fx_.call(sid).value("status").toString(), QStringLiteral("completed"));
        QVERIFY(waitUntil([&] { return Fixture::counter(fx_.metrics(), "LiveCalls") == 0; }, 5000));
        QCOMPARE(Fixture::counter(fx_.metrics(), "MaximumConcurrentCalls"), 2);
    }

    // 7. testTransferWithOutOfDialogRefer: while Bob and George talk, a REFER outside any
    // dialog (Request-URI Bob's contact, sent to the server) gets 404 with Event: refer; so
    // does one claiming a dialog the server does not know. The call is untouched.
    void outOfDialogReferIsRefused() {
        fx_.start({"--transfer-mode", "restcomm"});
        if (QTest::currentTestFailed())
            return;
        Sipp george("refer_party.xml");  // answers, talks 2.5 s, hangs up
        george.arg(kPhoneArgs)
            .localPort(fx_.georgePort)
            .key("contact_user", "+131313")
            .key("hangup", "yes");
        QVERIFY(george.start());
        Sipp bob("refer_bob.xml");
        bob.arg(kPhoneArgs)
            .remote(fx_.server->sipHostPort())
            .service("1111")
            .key("from_user", "bob")
            .key("hangup", "no");
        QVERIFY(bob.start());
        waitBridged();
        if (QTest::currentTestFailed())
            return;

        for (const char *toTag : {"", ";tag=no-such-dialog"}) {
            Sipp refer("refer_out_of_dialog.xml");
            refer.arg(kPhoneArgs)
                .remote(fx_.server->sipHostPort())
                .service("bob")
                .key("target", bob.hostPort())
                .key("refer_to", fx_.referTo("alice"))
                .key("to_tag", toTag)
                .timeoutSeconds(5);
            QVERIFY2(refer.run(10000), qPrintable(refer.describe()));
            QVERIFY2(refer.logTrace().contains("REFER_ANSWER 404"), refer.logTrace().constData());
            QVERIFY2(refer.logTrace().contains("REASON") && !refer.logTrace().contains("REASON \n"),
                     refer.logTrace().constData());
        }
        QCOMPARE(Fixture::counter(fx_.metrics(), "LiveCalls"), 2);

        REFER_SIPP_OK(george, 15000);
        REFER_SIPP_OK(bob, 15000);
        QCOMPARE(fx_.stub.countTo("/2222"), 0);
        const QStringList steps = fx_.transferSteps();
        QCOMPARE(steps, QStringList({"refused", "refused"}));
    }

    // 8. testTransferIncorrectReferTarget: George transfers to joe; /2222 dials the client joe,
    // who does not exist. George gets the BYE within 5 s, and so does Bob (the Dial fails and
    // the document ends).
    void unknownReferTargetHangsUpBoth() {
        fx_.start({"--transfer-mode", "restcomm"});
        if (QTest::currentTestFailed())
            return;
        // /2222?ReferTarget=joe answers <Dial><Client>joe</Client></Dial> (the fixture's routing).
        Sipp george("refer_george.xml");
        george.arg(kPhoneArgs)
            .localPort(fx_.georgePort)
            .key("contact_user", "+131313")
            .key("refer_to", fx_.referTo("joe"))
            .key("hold", "no")
            .key("after", "wait_bye");
        QVERIFY(george.start());
        Sipp bob("refer_bob.xml");
        bob.arg(kPhoneArgs)
            .remote(fx_.server->sipHostPort())
            .service("1111")
            .key("from_user", "bob")
            .key("hangup", "no");
        QVERIFY(bob.start());

        REFER_SIPP_OK(george, 20000);
        REFER_SIPP_OK(bob, 20000);

        const QList<QJsonObject> accepted = fx_.sip("out", "SIP/2.0 202", fx_.georgePort);
        QCOMPARE(accepted.size(), 1);
        const QDateTime acceptedAt = Fixture::timeOf(accepted.first());
        const QList<QJsonObject> georgeBye = fx_.sip("out", "BYE", fx_.georgePort);
        const QList<QJsonObject> bobBye = fx_.sip("out", "BYE", bob.port());
        QCOMPARE(georgeBye.size(), 1);
        QCOMPARE(bobBye.size(), 1);
        const qint64 georgeMs = acceptedAt.msecsTo(Fixture::timeOf(georgeBye.first()));
        const qint64 bobMs = acceptedAt.msecsTo(Fixture::timeOf(bobBye.first()));
        QVERIFY2(georgeMs >= 0 && georgeMs <= 5000, qPrintable(QString::number(georgeMs)));
        QVERIFY2(bobMs >= 0 && bobMs <= 5000, qPrintable(QString::number(bobMs)));
        QVERIFY(fx_.sip("out", "NOTIFY", fx_.georgePort).isEmpty());

        QCOMPARE(fx_.stub.countTo("/1111"), 1);
        QCOMPARE(fx_.stub.countTo("/2222"), 1);
        const StubRequest referApp = fx_.stub.requestsTo("/2222").first();
        const QList<QByteArray> items = rawItems(referApp.rawQuery);
        QVERIFY2(items.contains("ReferTarget=joe"), referApp.rawQuery.constData());
        QVERIFY2(items.contains("Transferor=%2B131313"), referApp.rawQuery.constData());
        QVERIFY2(items.contains("Transferee=bob"), referApp.rawQuery.constData());

        const QStringList steps = fx_.transferSteps();
        QVERIFY2(steps.contains("accepted") && steps.contains("transferor-released") &&
                     steps.contains("failed") && !steps.contains("bridged"),
                 qPrintable(steps.join(u',')));
        const QString sid = fx_.stub.requestsTo("/1111").first().param("CallSid");
        QCOMPARE(fx_.call(sid).value("status").toString(), QStringLiteral("completed"));
        QVERIFY(waitUntil([&] { return Fixture::counter(fx_.metrics(), "LiveCalls") == 0; }, 5000));
        QCOMPARE(Fixture::counter(fx_.metrics(), "MaximumConcurrentCalls"), 2);
    }
};

QTEST_GUILESS_MAIN(ReferRefused)
#include "tst_refer_refused.moc"
