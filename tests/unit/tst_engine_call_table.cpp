// Call table: calls from events, dial correlation, transferee continuation, TRANSFER_FAILED as
// closure, late events of closed calls ignored.
#include "engine/call_table.h"

#include <QtTest>

using namespace engine;

namespace {

const QString kAlice = QStringLiteral("sip:alice@127.0.0.1:5070");

CtrlEvent ev(const QString &type, const QString &id, const QString &direction, const QString &peer,
             const QString &param = {}, const QString &aor = kAlice) {
    CtrlEvent event;
    event.type = type;
    event.eventClass = QStringLiteral("call");
    event.accountAor = aor;
    event.direction = direction;
    event.peerUri = peer;
    event.callId = id;
    event.param = param;
    return event;
}

QDateTime t(int ms) {
    return QDateTime::fromMSecsSinceEpoch(1'700'000'000'000LL + ms, Qt::UTC);
}

QList<CallUpdate::Kind> kinds(const std::vector<CallUpdate> &updates) {
    QList<CallUpdate::Kind> out;
    for (const CallUpdate &update : updates) {
        out << update.kind;
    }
    return out;
}

using K = CallUpdate::Kind;

}  // namespace

class CallTableTest : public QObject {
    Q_OBJECT
  private slots:
    void incomingLifecycle() {
        CallTable table;
        CtrlEvent incoming = ev("CALL_INCOMING", "c1", "incoming", "sip:bob@h");
        incoming.peerDisplayName = QStringLiteral("Bob");
        auto updates = table.apply(incoming, t(0));
        QCOMPARE(kinds(updates), QList<K>{K::Added});
        QCOMPARE(updates.at(0).call.state, CallState::Incoming);
        QCOMPARE(updates.at(0).call.peerDisplayName, QStringLiteral("Bob"));
        QCOMPARE(updates.at(0).call.direction, CallDirection::Incoming);
        updates = table.apply(ev("CALL_ESTABLISHED", "c1", "incoming", "sip:bob@h"), t(1000));
        QCOMPARE(kinds(updates), QList<K>{K::Changed});
        QCOMPARE(updates.at(0).call.established, t(1000));
        updates = table.apply(
            ev("CALL_CLOSED", "c1", "incoming", "sip:bob@h", "Connection reset by peer"), t(4000));
        QCOMPARE(kinds(updates), QList<K>{K::Removed});
        QCOMPARE(updates.at(0).call.endReason, QStringLiteral("Connection reset by peer"));
        QCOMPARE(updates.at(0).call.durationMs(), 3000);
        QVERIFY(table.calls().isEmpty());
        // Late events of a closed call do not bring it back.
        QVERIFY(
            table.apply(ev("CALL_ESTABLISHED", "c1", "incoming", "sip:bob@h"), t(5000)).empty());
        QVERIFY(table.calls().isEmpty());
    }

    void autoAnsweredIncomingStartsAtEstablished() {
        CallTable table;
        const auto updates =
            table.apply(ev("CALL_ESTABLISHED", "c9", "incoming", "sip:bob@h"), t(0));
        QCOMPARE(kinds(updates), (QList<K>{K::Added, K::Changed}));
        QCOMPARE(table.calls().at(0).state, CallState::Established);
    }

    void dialCorrelationByPeerUri() {
        CallTable table;
        table.expectDial(kAlice, "sip:bob@h", "dial-1", t(0));
        table.expectDial(kAlice, "sip:carol@h", "dial-2", t(0));
        QVERIFY(table.dialPending(kAlice, "sip:carol@h"));
        // Id-less CALL_LOCAL_SDP is ignored.
        QVERIFY(table.apply(ev("CALL_LOCAL_SDP", "", "outgoing", "sip:carol@h", "offer"), t(1))
                    .empty());
        auto updates = table.apply(ev("CALL_RINGING", "c2", "outgoing", "sip:carol@h"), t(2));
        QCOMPARE(kinds(updates), (QList<K>{K::Added, K::Changed}));
        QCOMPARE(updates.at(0).call.dialRequestId, QStringLiteral("dial-2"));
        QCOMPARE(table.calls().at(0).state, CallState::Ringing);
        QVERIFY(!table.dialPending(kAlice, "sip:carol@h"));
        // A failed dial (404) is seen first as CALL_CLOSED: added and removed.
        updates =
            table.apply(ev("CALL_CLOSED", "c3", "outgoing", "sip:bob@h", "404 Not Found"), t(3));
        QCOMPARE(kinds(updates), (QList<K>{K::Added, K::Removed}));
        QCOMPARE(updates.at(0).call.dialRequestId, QStringLiteral("dial-1"));
        QCOMPARE(sipCodeOf(updates.at(1).call.endReason), 404);
    }

    void dialsExpire() {
        CallTable table;
        table.expectDial(kAlice, "sip:bob@h", "dial-1", t(0));
        table.expectDial(kAlice, "sip:bob2@h", "dial-2", t(5000));
        QCOMPARE(table.expireDials(t(6000), 3000), QStringList{"dial-1"});
        QVERIFY(table.dialPending(kAlice, "sip:bob2@h"));
    }

    void callsOnTwoAccountsWithTheSameIdStayApart() {
        CallTable table;
        const QString bob = QStringLiteral("sip:bob@127.0.0.1:5072");
        table.apply(ev("CALL_RINGING", "same", "outgoing", bob), t(0));
        table.apply(ev("CALL_INCOMING", "same", "incoming", kAlice, {}, bob), t(0));
        QCOMPARE(table.calls().size(), 2);
        table.apply(ev("CALL_CLOSED", "same", "incoming", kAlice, "x", bob), t(1));
        QCOMPARE(table.calls().size(), 1);
        QCOMPARE(table.calls().at(0).key.accountAor, kAlice);
    }

    void transfereeContinuation() {
        CallTable table;
        CtrlEvent old = ev("CALL_ESTABLISHED", "old", "outgoing", "sip:bob@h");
        table.apply(old, t(0));
        CtrlEvent refer = ev("TRANSFER", "old", "outgoing", "sip:bob@h", "<sip:carol@h:5074>");
        auto updates = table.apply(refer, t(10));
        QCOMPARE(kinds(updates), QList<K>{K::TransferRequested});
        QCOMPARE(updates.at(0).notice.target, QStringLiteral("sip:carol@h:5074"));
        QCOMPARE(updates.at(0).notice.transferorUri, QStringLiteral("sip:bob@h"));
        updates = table.apply(ev("CALL_RINGING", "new", "outgoing", "sip:carol@h:5074"), t(11));
        QCOMPARE(kinds(updates), (QList<K>{K::Added, K::TransferContinued, K::Changed}));
        QCOMPARE(updates.at(0).call.continuesCallId, QStringLiteral("old"));
        QCOMPARE(updates.at(1).notice.newCallId, QStringLiteral("new"));
        QCOMPARE(updates.at(1).notice.call.callId, QStringLiteral("old"));
        updates = table.apply(
            ev("CALL_CLOSED", "old", "outgoing", "sip:bob@h", "Connection reset by peer"), t(12));
        QCOMPARE(kinds(updates), QList<K>{K::Removed});
        QCOMPARE(table.calls().size(), 1);
    }

    void transferFailedClosesTheCall() {
        CallTable table;
        table.apply(ev("CALL_INCOMING", "c1", "incoming", "sip:alice@h"), t(0));
        table.apply(ev("CALL_ESTABLISHED", "c1", "incoming", "sip:alice@h"), t(1));
        const auto updates = table.apply(
            ev("TRANSFER_FAILED", "c1", "incoming", "sip:alice@h", "486 Rejected"), t(2));
        QCOMPARE(kinds(updates), (QList<K>{K::TransferFailedHere, K::Removed}));
        QCOMPARE(updates.at(0).reason, QStringLiteral("486 Rejected"));
        QVERIFY(table.calls().isEmpty());
    }

    void dtmfHoldMuteRtcp() {
        CallTable table;
        table.apply(ev("CALL_ESTABLISHED", "c1", "incoming", "sip:a@h"), t(0));
        const CallKey key{kAlice, "c1"};
        auto updates = table.apply(ev("CALL_DTMF_START", "c1", "incoming", "sip:a@h", "5"), t(1));
        QCOMPARE(kinds(updates), QList<K>{K::DtmfReceived});
        QCOMPARE(updates.at(0).digit, QChar('5'));
        QVERIFY(table.apply(ev("CALL_DTMF_END", "c1", "incoming", "sip:a@h"), t(2)).empty());
        QVERIFY(table.setOnHold(key, true).has_value());
        QVERIFY(!table.setOnHold(key, true).has_value());  // no change, no update
        QVERIFY(table.find(key)->onHold);
        QVERIFY(table.setMuted(key, true)->muted);
        CtrlEvent rtcp = ev("CALL_RTCP", "c1", "incoming", "sip:a@h", "audio");
        rtcp.hasRtcp = true;
        rtcp.rtcp.rxSent = 77;
        table.apply(rtcp, t(3));
        QCOMPARE(table.rtcp(key)->rxSent, 77);
        QVERIFY(
            table.apply(ev("CALL_REMOTE_SDP", "c1", "incoming", "sip:a@h", "offer"), t(4)).size() ==
            1);
    }

    void eventsOfUnknownCallsAreIgnored() {
        CallTable table;
        QVERIFY(table.apply(ev("CALL_DTMF_START", "zz", "incoming", "sip:a@h", "1"), t(0)).empty());
        QVERIFY(table.apply(ev("TRANSFER_FAILED", "zz", "incoming", "sip:a@h", "1"), t(0)).empty());
        QVERIFY(table.apply(ev("CALL_RTCP", "zz", "outgoing", "sip:a@h", "audio"), t(0)).empty());
        QVERIFY(table.calls().isEmpty());
    }

    void helpers() {
        QCOMPARE(sipCodeOf("486 Busy Here"), 486);
        QCOMPARE(sipCodeOf("Connection reset by peer"), 0);
        QCOMPARE(sipCodeOf("4861 x"), 0);
        QCOMPARE(sipCodeOf("99 x"), 0);
        QVERIFY(sameSipUri("<sip:carol@H.example:5074>", "SIP:carol@h.example:5074"));
        QVERIFY(!sameSipUri("sip:Carol@h", "sip:carol@h"));
        QVERIFY(!sameSipUri("sip:carol@h", "sip:carol@h2"));
    }
};

QTEST_GUILESS_MAIN(CallTableTest)
#include "tst_engine_call_table.moc"
