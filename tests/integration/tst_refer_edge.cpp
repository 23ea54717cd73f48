// Blind transfer beyond Restcomm's own tests, from mini-restcomm's spec (restcomm-behaviour.md
// part 1, "Transfer"): the refer application failing (final NOTIFY 503 in rfc3515 mode), the
// three refer values kept on the refer application's later requests (Dial action), a
// Refer-To without a user part (400, call untouched), the transferee hanging up while the
// target still rings (the target gets CANCEL, nothing stays live), a registered client's
// token Contact reported as its login (Transferor), and REFER in a peer-to-peer call (404).
#include "tst_refer_fixture.h"

using namespace refer;

class ReferEdge : public QObject {
    Q_OBJECT
    Fixture fx_;

    Sipp *george(Sipp &s, const QString &referTo, const QString &after) {
        s.arg(kPhoneArgs)
            .localPort(fx_.georgePort)
            .key("contact_user", "+131313")
            .key("refer_to", referTo)
            .key("hold", "no")
            .key("after", after);
        return &s;
    }
    Sipp *bob(Sipp &s, bool hangup) {
        s.arg(kPhoneArgs)
            .remote(fx_.server->sipHostPort())
            .service("1111")
            .key("from_user", "bob")
            .key("hangup", hangup ? "yes" : "no");
        return &s;
    }

    // George transfers to `referTo` (restcomm mode); alice answers whatever the target (the
    // refer application at `referPath` always dials her). Returns its one request. An empty
    // `referTo` means alice at the server.
    StubRequest acceptedReferTo(QString referTo, const QString &referPath = "/2222") {
        fx_.start({"--transfer-mode", "restcomm"});
        if (QTest::currentTestFailed())
            return {};
        fx_.routeByReferTarget = false;  // rings alice whatever the target
        fx_.stub.setRcml(referPath, dialClient("alice"));
        if (referTo.isEmpty()) {
            referTo = fx_.referTo("alice");
        }
        fx_.registerAlice();
        if (QTest::currentTestFailed())
            return {};
        Sipp alice("refer_party.xml");
        alice.arg(kPhoneArgs)
            .localPort(fx_.alicePort)
            .key("contact_user", "alice")
            .key("hangup", "yes");
        if (!alice.start())
            return {};
        Sipp g("refer_george.xml");
        george(g, referTo, "wait_bye")->start();
        Sipp b("refer_bob.xml");
        bob(b, false)->start();
        [&] {
            REFER_SIPP_OK(g, 20000);
            REFER_SIPP_OK(alice, 20000);
            REFER_SIPP_OK(b, 20000);
            QCOMPARE(fx_.stub.countTo(referPath), 1);
        }();
        return QTest::currentTestFailed() ? StubRequest() : fx_.stub.requestsTo(referPath).first();
    }

  private slots:
    void cleanup() { fx_.stop(); }

    // Spec step 3: unlike Restcomm, a tel: Refer-To works; its number (visual separators
    // dropped) is the ReferTarget.
    void telReferToGivesTheNumber() {
        const QByteArray raw = acceptedReferTo(QStringLiteral("tel:+1-555-0100")).rawQuery;
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(rawItems(raw).contains("ReferTarget=%2B15550100"), raw.constData());
    }

    // Attended-transfer Refer-To (with ?Replaces=) is handled as a blind transfer to its user
    // part (Restcomm parity); the host and the headers are not part of ReferTarget.
    void referToWithReplacesIsBlindTransferToUser() {
        const QByteArray raw =
            acceptedReferTo(QStringLiteral("sip:alice@%1?Replaces=abc%3Bto-tag%3D1%3Bfrom-tag%3D2")
                                .arg(QStringLiteral("127.0.0.1:5999")))
                .rawQuery;
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(rawItems(raw).contains("ReferTarget=alice"), raw.constData());
    }

    // Spec step 4: the number's Refer application wins over its Refer URL, and the method
    // defaults to POST: the three values form-encoded in the body, '+' as %2B.
    void referApplicationWinsAndDefaultsToPost() {
        const QString appSid = QStringLiteral("AP0123456789abcdef0123456789abcdef");
        fx_.editConfig = [&](QJsonObject &document) {
            document.insert("applications",
                            QJsonArray{QJsonObject{{"sid", appSid},
                                                   {"friendly_name", "refer app"},
                                                   {"rcml_url", fx_.stub.url("/3333")},
                                                   {"kind", "voice"}}});
            QJsonArray numbers = document.value("incoming_phone_numbers").toArray();
            for (qsizetype i = 0; i < numbers.size(); ++i) {
                QJsonObject n = numbers.at(i).toObject();
                if (n.value("phone_number").toString() == u"1111") {
                    n.insert("refer_application_sid", appSid);
                    n.remove("refer_method");
                    numbers[i] = n;
                }
            }
            document.insert("incoming_phone_numbers", numbers);
        };
        const StubRequest app = acceptedReferTo(QString(), "/3333");
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(fx_.stub.countTo("/2222"), 0);
        QCOMPARE(app.method, QStringLiteral("POST"));
        QCOMPARE(app.contentType, QByteArray("application/x-www-form-urlencoded"));
        const QList<QByteArray> items = rawItems(app.body);
        QVERIFY2(items.contains("Transferor=%2B131313"), app.body.constData());
        QVERIFY2(items.contains("Transferee=bob"), app.body.constData());
        QVERIFY2(items.contains("ReferTarget=alice"), app.body.constData());
    }

    // RFC 3515: exactly one Refer-To; two values in one header get 400, call untouched.
    void twoReferToValuesAre400() {
        fx_.start({"--transfer-mode", "restcomm"});
        if (QTest::currentTestFailed())
            return;
        Sipp g("refer_george.xml");  // "Refer-To: <a>, <b>"
        QVERIFY(george(g, fx_.referTo("alice") + ">, <" + fx_.referTo("joe"), "refused")->start());
        Sipp b("refer_bob.xml");
        QVERIFY(bob(b, false)->start());
        REFER_SIPP_OK(g, 15000);
        REFER_SIPP_OK(b, 15000);
        QVERIFY2(g.logTrace().contains("REFER_ANSWER 400"), g.logTrace().constData());
        QCOMPARE(fx_.stub.countTo("/2222"), 0);
    }

    // rfc3515: /2222 answers HTTP 500. The transferor gets NOTIFY 100 Trying, then the final
    // NOTIFY "SIP/2.0 503 Service Unavailable" (terminated;reason=noresource), then BYE; the
    // transferee is hung up.
    void referAppFailureGivesFinalNotify503() {
        fx_.start({});  // default mode: rfc3515
        if (QTest::currentTestFailed())
            return;
        StubRoute broken;
        broken.status = 500;
        broken.body = "oops";
        fx_.routeByReferTarget = false;
        fx_.stub.setRoute("/2222", broken);
        Sipp g("refer_george.xml");
        QVERIFY(george(g, fx_.referTo("alice"), "notify_failed")->start());
        Sipp b("refer_bob.xml");
        QVERIFY(bob(b, false)->start());
        REFER_SIPP_OK(g, 20000);
        REFER_SIPP_OK(b, 20000);

        const QList<QJsonObject> notifies = fx_.sip("out", "NOTIFY", fx_.georgePort);
        QCOMPARE(notifies.size(), 2);
        const QString last = notifies.at(1).value("text").toString();
        QCOMPARE(Fixture::header(last, "Subscription-State"),
                 QStringLiteral("terminated;reason=noresource"));
        QVERIFY2(Fixture::body(last).startsWith("SIP/2.0 503"), qPrintable(last));
        QCOMPARE(fx_.sip("out", "BYE", fx_.georgePort).size(), 1);
        QCOMPARE(fx_.sip("out", "BYE", b.port()).size(), 1);
        QCOMPARE(fx_.stub.countTo("/2222"), 1);
        QVERIFY2(fx_.transferSteps().contains("failed"),
                 qPrintable(fx_.transferSteps().join(u',')));
        QVERIFY(waitUntil([&] { return Fixture::counter(fx_.metrics(), "LiveCalls") == 0; }, 5000));
    }

    // The refer application's Dial action request carries ReferTarget, Transferor and
    // Transferee too (spec step 4: "keep sending those three on every later request").
    void referValuesKeptOnDialAction() {
        fx_.start({"--transfer-mode", "restcomm"});
        if (QTest::currentTestFailed())
            return;
        fx_.registerAlice();
        if (QTest::currentTestFailed())
            return;
        fx_.routeByReferTarget = false;
        fx_.stub.setRcml("/2222", QStringLiteral("<Response><Dial action=\"%1\"><Client>alice"
                                                 "</Client></Dial></Response>")
                                      .arg(fx_.stub.url("/after"))
                                      .toUtf8());
        fx_.stub.setRcml("/after", "<Response><Hangup/></Response>");
        Sipp alice("refer_party.xml");
        alice.arg(kPhoneArgs)
            .localPort(fx_.alicePort)
            .key("contact_user", "alice")
            .key("hangup", "yes");
        QVERIFY(alice.start());
        Sipp g("refer_george.xml");
        QVERIFY(george(g, fx_.referTo("alice"), "wait_bye")->start());
        Sipp b("refer_bob.xml");
        QVERIFY(bob(b, false)->start());
        REFER_SIPP_OK(g, 20000);
        REFER_SIPP_OK(alice, 20000);
        REFER_SIPP_OK(b, 20000);

        QCOMPARE(fx_.stub.countTo("/after"), 1);
        const StubRequest action = fx_.stub.requestsTo("/after").first();
        QCOMPARE(action.param("DialCallStatus"), QStringLiteral("completed"));
        const QByteArray raw = action.method == u"GET" ? action.rawQuery : action.body;
        const QList<QByteArray> items = rawItems(raw);
        QVERIFY2(items.contains("ReferTarget=alice"), raw.constData());
        QVERIFY2(items.contains("Transferor=%2B131313"), raw.constData());
        QVERIFY2(items.contains("Transferee=bob"), raw.constData());
    }

    // A Refer-To with no user part (Sipdroid sends <sip:host>): 400 with Event: refer, and the
    // call carries on untouched (no BYE, no refer fetch).
    void hostOnlyReferToIs400() {
        fx_.start({"--transfer-mode", "restcomm"});
        if (QTest::currentTestFailed())
            return;
        Sipp g("refer_george.xml");
        QVERIFY(
            george(g, QStringLiteral("sip:%1").arg(fx_.server->sipHostPort()), "refused")->start());
        Sipp b("refer_bob.xml");
        QVERIFY(bob(b, false)->start());
        const QJsonObject refused = fx_.waitForTransferStep("refused", 10000);
        QVERIFY2(!refused.isEmpty(), qPrintable(fx_.transferSteps().join(u',')));
        QCOMPARE(Fixture::counter(fx_.metrics(), "LiveCalls"), 2);
        REFER_SIPP_OK(g, 15000);
        REFER_SIPP_OK(b, 15000);
        QVERIFY2(g.logTrace().contains("REFER_ANSWER 400"), g.logTrace().constData());
        const QList<QJsonObject> answers = fx_.sip("out", "SIP/2.0 400", fx_.georgePort);
        QCOMPARE(answers.size(), 1);
        QCOMPARE(Fixture::header(answers.first().value("text").toString(), "Event"),
                 QStringLiteral("refer"));
        QCOMPARE(fx_.stub.countTo("/2222"), 0);
        QCOMPARE(fx_.sip("out", "BYE", fx_.georgePort).size(), 0);
    }

    // Bob hangs up while alice still rings: alice's INVITE is CANCELled, every record ends,
    // nothing stays live.
    void transfereeHangsUpWhileTargetRings() {
        fx_.start({"--transfer-mode", "restcomm"});
        if (QTest::currentTestFailed())
            return;
        fx_.registerAlice();
        if (QTest::currentTestFailed())
            return;
        Sipp alice("uas_ring_forever.xml");  // 180, then expects the CANCEL
        alice.arg(kPhoneArgs).localPort(fx_.alicePort);
        QVERIFY(alice.start());
        Sipp g("refer_george.xml");
        QVERIFY(george(g, fx_.referTo("alice"), "wait_bye")->start());
        Sipp b("refer_bob.xml");  // hangs up 4 s after its ACK
        QVERIFY(bob(b, true)->start());
        REFER_SIPP_OK(g, 20000);
        REFER_SIPP_OK(b, 20000);
        REFER_SIPP_OK(alice, 20000);
        QCOMPARE(fx_.sip("out", "CANCEL", fx_.alicePort).size(), 1);
        QVERIFY(waitUntil([&] { return Fixture::counter(fx_.metrics(), "LiveCalls") == 0; }, 5000));
        const QJsonObject calls = fx_.server->rest("GET", "Calls.json").json().object();
        for (const QJsonValue &c : calls.value("calls").toArray()) {
            const QString status = c.toObject().value("status").toString();
            QVERIFY2(status != u"queued" && status != u"ringing" && status != u"in-progress",
                     QJsonDocument(c.toObject()).toJson().constData());
        }
        QCOMPARE(Fixture::counter(fx_.metrics(), "MaximumConcurrentCalls"), 2);
    }

    // rfc3515: the transferee hangs up while the refer application is still being fetched.
    // The transfer cannot complete; the implicit subscription must still end with a final
    // NOTIFY (Subscription-State: terminated) before the transferor's BYE (RFC 3515 §2.4.7,
    // restcomm-behaviour.md part 2 §8.1 item 1: NOTIFYs "before the BYE, or not at all").
    void transfereeGoneDuringReferFetchStillEndsSubscription() {
        fx_.start({});
        if (QTest::currentTestFailed())
            return;
        fx_.routeByReferTarget = false;
        StubRoute slow;
        slow.body = dialClient("alice");
        slow.delayMs = 6000;  // Bob hangs up 4 s after his ACK, i.e. during this fetch
        fx_.stub.setRoute("/2222", slow);
        Sipp g("refer_george.xml");
        QVERIFY(george(g, fx_.referTo("alice"), "notify_any_final")->start());
        Sipp b("refer_bob.xml");
        QVERIFY(bob(b, true)->start());
        REFER_SIPP_OK(b, 20000);
        const bool georgeOk = g.waitForFinished(20000) && g.exitCode() == 0;
        QVERIFY(waitUntil([&] { return Fixture::counter(fx_.metrics(), "LiveCalls") == 0; }, 5000));
        const QList<QJsonObject> notifies = fx_.sip("out", "NOTIFY", fx_.georgePort);
        QStringList frags;
        for (const QJsonObject &n : notifies) {
            frags << Fixture::body(n.value("text").toString()).trimmed();
        }
        QVERIFY2(
            georgeOk && notifies.size() == 2,
            qPrintable(QStringLiteral("NOTIFYs sent to the transferor before its BYE: [%1]\n%2")
                           .arg(frags.join(u','), g.describe())));
    }

    // Spec step 3: a transferor whose REFER Contact is the contact of one of our clients'
    // registrations is reported by the client's login (baresip puts "bob-0x55d1..." there),
    // not by the Contact's user part.
    void registeredTransferorIsReportedByLogin() {
        fx_.start({"--transfer-mode", "restcomm"}, {itest::client("bob", "secret")});
        if (QTest::currentTestFailed())
            return;
        fx_.registerAlice();
        if (QTest::currentTestFailed())
            return;
        const quint16 bobPort = freeUdpTcpPort();
        fx_.registerClient("bob", "secret", "bob-0x55d1", bobPort);
        if (QTest::currentTestFailed())
            return;
        Sipp alice("refer_party.xml");
        alice.arg(kPhoneArgs)
            .localPort(fx_.alicePort)
            .key("contact_user", "alice")
            .key("hangup", "yes");
        QVERIFY(alice.start());
        Sipp g("refer_party.xml");
        g.arg(kPhoneArgs)
            .localPort(fx_.georgePort)
            .key("contact_user", "+131313")
            .key("hangup", "no");
        QVERIFY(g.start());
        Sipp b("refer_bob_transferor.xml");  // from the registered port, with the token Contact
        b.arg(kPhoneArgs)
            .localPort(bobPort)
            .remote(fx_.server->sipHostPort())
            .service("1111")
            .key("from_user", "bob")
            .key("contact_user", "bob-0x55d1")
            .key("refer_to", fx_.referTo("alice"))
            .key("hold", "no")
            .key("after", "wait_bye");
        QVERIFY(b.start());
        REFER_SIPP_OK(b, 20000);
        REFER_SIPP_OK(alice, 20000);
        REFER_SIPP_OK(g, 20000);
        QCOMPARE(fx_.stub.countTo("/2222"), 1);
        const QByteArray raw = fx_.stub.requestsTo("/2222").first().rawQuery;
        QVERIFY2(rawItems(raw).contains("Transferor=bob"), raw.constData());
        QVERIFY2(rawItems(raw).contains("Transferee=1111"), raw.constData());
    }

    // Peer-to-peer (a client with no voice URL calls another client): no application bridged
    // the call, so a REFER gets 404 (Restcomm parity) and the call carries on.
    void referInPeerToPeerCallIs404() {
        fx_.start({"--transfer-mode", "restcomm"}, {itest::client("bob", "secret")});
        if (QTest::currentTestFailed())
            return;
        fx_.registerAlice();  // alice's binding; bob answers at his own
        if (QTest::currentTestFailed())
            return;
        const quint16 bobPort = freeUdpTcpPort();
        fx_.registerClient("bob", "secret", "bob", bobPort);
        if (QTest::currentTestFailed())
            return;
        Sipp callee("refer_george.xml");  // answers, REFERs, expects 404, hangs up 1.5 s later
        callee.arg(kPhoneArgs)
            .localPort(bobPort)
            .key("contact_user", "bob")
            .key("refer_to", fx_.referTo("alice"))
            .key("hold", "no")
            .key("after", "refused");
        QVERIFY(callee.start());
        Sipp caller("refer_client_call.xml");
        caller.arg(kPhoneArgs)
            .remote(fx_.server->sipHostPort())
            .service("bob")
            .key("from_user", "alice")
            .arg({"-au", "alice", "-ap", "1234"});
        QVERIFY(caller.start());
        REFER_SIPP_OK(callee, 20000);
        REFER_SIPP_OK(caller, 20000);
        QVERIFY2(callee.logTrace().contains("REFER_ANSWER 404"), callee.logTrace().constData());
        QCOMPARE(fx_.sip("out", "SIP/2.0 202", bobPort).size(), 0);
        QCOMPARE(fx_.sip("out", "BYE", bobPort).size(), 0);  // bob hung up himself
        QCOMPARE(fx_.stub.countTo("/2222"), 0);
    }

    // A transferred call transferred again: George transfers Bob to alice, then alice (a
    // registered client) transfers Bob to carol. /2222 is fetched once per transfer with the
    // right three values; never more than 2 live calls; everything ends.
    void chainedTransfer() {
        fx_.start({"--transfer-mode", "restcomm"}, {itest::client("carol", "5678")});
        if (QTest::currentTestFailed())
            return;
        fx_.registerAlice();
        if (QTest::currentTestFailed())
            return;
        const quint16 carolPort = freeUdpTcpPort();
        fx_.registerClient("carol", "5678", "carol", carolPort);
        if (QTest::currentTestFailed())
            return;
        Sipp carol("refer_party.xml");
        carol.arg(kPhoneArgs)
            .localPort(carolPort)
            .key("contact_user", "carol")
            .key("hangup", "yes");
        QVERIFY(carol.start());
        Sipp alice("refer_george.xml");  // answers, then transfers Bob on to carol
        alice.arg(kPhoneArgs)
            .localPort(fx_.alicePort)
            .key("contact_user", "alice")
            .key("refer_to", fx_.referTo("carol"))
            .key("hold", "no")
            .key("after", "wait_bye");
        QVERIFY(alice.start());
        Sipp g("refer_george.xml");
        QVERIFY(george(g, fx_.referTo("alice"), "wait_bye")->start());
        Sipp b("refer_bob.xml");
        QVERIFY(bob(b, false)->start());
        REFER_SIPP_OK(g, 20000);
        REFER_SIPP_OK(alice, 20000);
        REFER_SIPP_OK(carol, 20000);
        REFER_SIPP_OK(b, 20000);

        const QList<StubRequest> refers = fx_.stub.requestsTo("/2222");
        QCOMPARE(refers.size(), 2);
        const QList<QByteArray> first = rawItems(refers.at(0).rawQuery);
        const QList<QByteArray> second = rawItems(refers.at(1).rawQuery);
        QVERIFY2(first.contains("ReferTarget=alice") && first.contains("Transferor=%2B131313") &&
                     first.contains("Transferee=bob"),
                 refers.at(0).rawQuery.constData());
        QVERIFY2(second.contains("ReferTarget=carol") && second.contains("Transferor=alice") &&
                     second.contains("Transferee=bob"),
                 refers.at(1).rawQuery.constData());
        QCOMPARE(fx_.sip("out", "INVITE", carolPort).size(), 1);
        QVERIFY(waitUntil([&] { return Fixture::counter(fx_.metrics(), "LiveCalls") == 0; }, 5000));
        QCOMPARE(Fixture::counter(fx_.metrics(), "MaximumConcurrentCalls"), 2);
        const QString sid = fx_.stub.requestsTo("/1111").first().param("CallSid");
        QCOMPARE(fx_.call(sid).value("status").toString(), QStringLiteral("completed"));
    }
};

QTEST_GUILESS_MAIN(ReferEdge)
#include "tst_refer_edge.moc"
