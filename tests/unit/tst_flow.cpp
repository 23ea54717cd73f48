// Flow (ladder) model: events of mini-restcomm's stream become lanes and entries; the transfer's
// messages are highlighted; duplicates from replay/catch-up are dropped.
#include "flow/flow_model.h"
#include "flow/flow_text.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QtTest>

using namespace flow;

namespace {

QJsonObject sip(qint64 seq, const QString &src, const QString &dst, const QString &firstLine,
                const QString &callId, const QString &cseq, const QString &extra = {}) {
    return {{"type", "sip"},
            {"seq", seq},
            {"time", "2026-01-02T10:00:00.125Z"},
            {"direction", "in"},
            {"transport", "udp"},
            {"src", src},
            {"dst", dst},
            {"first_line", firstLine},
            {"call_id", callId},
            {"cseq", cseq},
            {"text", firstLine + "\r\nCall-ID: " + callId + "\r\nCSeq: " + cseq + "\r\n" + extra}};
}

const QString kServer = QStringLiteral("127.0.0.1:5060");
const QString kBob = QStringLiteral("127.0.0.1:40002");

LaneMap labLanes() {
    LaneMap lanes;
    lanes.setLane("127.0.0.1:40001", "Alice");
    lanes.setLane(kBob, "Bob");
    lanes.setLane("127.0.0.1:40003", "Carol");
    lanes.setLane(kServer, kServerLane);
    return lanes;
}

}  // namespace

class TestFlow : public QObject {
    Q_OBJECT

  private slots:
    void labels() {
        QCOMPARE(sipLabel("INVITE sip:1001@127.0.0.1 SIP/2.0"),
                 QStringLiteral("INVITE sip:1001@127.0.0.1"));
        QCOMPARE(sipLabel("SIP/2.0 202 Accepted"), QStringLiteral("202 Accepted"));
        QCOMPARE(sipMethod("REFER sip:x SIP/2.0"), QStringLiteral("REFER"));
        QCOMPARE(sipMethod("2 REFER"), QStringLiteral("REFER"));
        QCOMPARE(sipMethod("SIP/2.0 200 OK"), QString());
    }

    void transferHighlighted() {
        FlowModel model;
        model.setLaneMap(labLanes());
        const QJsonArray events = {
            sip(1, "127.0.0.1:40001", kServer, "INVITE sip:1001@127.0.0.1 SIP/2.0", "a",
                "1 INVITE"),
            sip(2, kServer, kBob, "INVITE sip:bob@127.0.0.1:40002 SIP/2.0", "b", "1 INVITE"),
            sip(3, kBob, kServer, "REFER sip:1001@127.0.0.1 SIP/2.0", "b", "2 REFER"),
            sip(4, kServer, kBob, "SIP/2.0 202 Accepted", "b", "2 REFER"),
            sip(5, kServer, kBob, "NOTIFY sip:bob@127.0.0.1 SIP/2.0", "b", "3 NOTIFY",
                "Event: refer\r\n"),
            sip(6, kServer, kBob, "BYE sip:bob@127.0.0.1 SIP/2.0", "b", "4 BYE"),
            QJsonObject{{"type", "http"},
                        {"seq", 7},
                        {"method", "POST"},
                        {"url", "http://127.0.0.1:8090/refer?x=1"},
                        {"params", QJsonObject{{"Transferor", "bob"}, {"ReferTarget", "carol"}}},
                        {"status", 200},
                        {"latency_ms", 3},
                        {"content_type", "text/xml"},
                        {"body_excerpt", "<Response><Dial/></Response>"}},
            QJsonObject{{"type", "transfer"},
                        {"seq", 8},
                        {"step", "refer-received"},
                        {"transferor", "bob"},
                        {"refer_target", "carol"},
                        {"code", 202}},
            sip(9, "127.0.0.1:40001", kServer, "BYE sip:1001@127.0.0.1 SIP/2.0", "a", "2 BYE"),
            QJsonObject{{"type", "http"},
                        {"seq", 10},
                        {"method", "GET"},
                        {"url", "http://127.0.0.1:8090/voice"},
                        {"params", QJsonObject{}},
                        {"status", 0},
                        {"error", "connection refused"}},
        };
        model.addEvents(events);
        QCOMPARE(model.rowCount(), 10);
        QList<bool> highlighted;
        for (const FlowEntry &entry : model.entries()) {
            highlighted.append(entry.highlight);
        }
        QCOMPARE(highlighted,
                 (QList<bool>{false, false, true, true, true, true, true, true, false, false}));
        QCOMPARE(model.entry(2).fromLane, QStringLiteral("Bob"));
        QCOMPARE(model.entry(2).toLane, kServerLane);
        QCOMPARE(model.entry(3).label, QStringLiteral("202 Accepted"));
        QCOMPARE(model.entry(6).fromLane, kServerLane);
        QCOMPARE(model.entry(6).toLane, kAppServerLane);
        QCOMPARE(model.entry(6).label, QStringLiteral("POST /refer \u2192 200"));
        QVERIFY(model.entry(6).fullText.contains("Transferor=bob"));
        QVERIFY(model.entry(6).fullText.contains("<Response><Dial/></Response>"));
        QVERIFY(model.entry(7).isNote());
        QCOMPARE(model.entry(9).label, QStringLiteral("GET /voice \u2192 connection refused"));
        QVERIFY(model.entry(2).fullText.startsWith("REFER sip:1001@127.0.0.1 SIP/2.0\r\n"));
        QCOMPARE(model.data(model.index(2, FlowModel::Label)).toString(),
                 QStringLiteral("REFER sip:1001@127.0.0.1"));
        QCOMPARE(model.data(model.index(2, 0), FlowModel::HighlightRole).toBool(), true);
        QCOMPARE(model.data(model.index(2, FlowModel::Time)).toString(),
                 QStringLiteral("10:00:00.125"));
        QCOMPARE(model.lanes(), LaneMap::defaultLanes());
    }

    void unknownAddressGetsLaneAndDuplicatesDropped() {
        FlowModel model;
        model.setLaneMap(labLanes());
        QSignalSpy lanesChanged(&model, &FlowModel::lanesChanged);
        model.addEvent(
            sip(5, "127.0.0.1:7777", kServer, "OPTIONS sip:x SIP/2.0", "o", "1 OPTIONS"));
        QCOMPARE(model.lanes().last(), QStringLiteral("127.0.0.1:7777"));
        QCOMPARE(lanesChanged.count(), 1);
        model.addEvent(
            sip(5, "127.0.0.1:7777", kServer, "OPTIONS sip:x SIP/2.0", "o", "1 OPTIONS"));
        model.addEvent(
            sip(3, "127.0.0.1:7777", kServer, "OPTIONS sip:x SIP/2.0", "o", "1 OPTIONS"));
        QCOMPARE(model.rowCount(), 1);
        model.addEvent({{"type", "teleport"}, {"seq", 6}, {"what", "x"}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.entry(1).label, QStringLiteral("teleport"));
        QVERIFY(model.entry(1).fullText.contains("\"what\": \"x\""));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.lanes(), LaneMap::defaultLanes());
        model.addEvent(sip(1, kBob, kServer, "REGISTER sip:x SIP/2.0", "r", "1 REGISTER"));
        QCOMPARE(model.rowCount(), 1);  // a restarted server's seq 1 is new after clear()
    }

    void oldEntriesDropped() {
        FlowModel model;
        model.setMaxEntries(FlowModel::kDropCount + 5);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        for (int seq = 1; seq <= FlowModel::kDropCount + 6; ++seq) {
            model.addEvent(sip(seq, kBob, kServer, "OPTIONS sip:x SIP/2.0", "o", "1 OPTIONS"));
        }
        QCOMPARE(removed.count(), 1);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.entry(0).seq, qint64(FlowModel::kDropCount + 1));
        QCOMPARE(model.entry(5).seq, qint64(FlowModel::kDropCount + 6));
    }

    // A registration note says whose and what happened, as mini-restcomm's registrar sends it.
    void registrationNote() {
        FlowModel model;
        model.addEvent({{"type", "registration"},
                        {"seq", 1},
                        {"login", "alice"},
                        {"state", "registered"},
                        {"detail", "sip:alice@127.0.0.1:5062 (3600 s) from 127.0.0.1:5062"}});
        model.addEvent({{"type", "registration"},
                        {"seq", 2},
                        {"login", "mallory"},
                        {"state", "refused"},
                        {"detail", "wrong password"}});
        QCOMPARE(model.entry(0).label, QStringLiteral("registration alice: registered"));
        QCOMPARE(model.entry(1).label,
                 QStringLiteral("registration mallory: refused (wrong password)"));
        QCOMPARE(model.entry(0).kind, EntryKind::Registration);
    }

    // Media notes can be hidden and shown again; the rows are the shown entries, in order.
    void mediaEntriesHiddenAndShown() {
        FlowModel model;
        model.setLaneMap(labLanes());
        const auto media = [](qint64 seq) {
            return QJsonObject{{"type", "media"}, {"seq", seq}, {"event", "bridged"}, {"leg", 1}};
        };
        model.addEvent(sip(1, kBob, kServer, "INVITE sip:x SIP/2.0", "i", "1 INVITE"));
        model.addEvent(media(2));
        model.addEvent(sip(3, kServer, kBob, "SIP/2.0 200 OK", "i", "1 INVITE"));
        QCOMPARE(model.rowCount(), 3);
        QSignalSpy changed(&model, &FlowModel::shownKindsChanged);
        model.setKindShown(EntryKind::Media, false);
        QCOMPARE(changed.count(), 1);
        QVERIFY(!model.isKindShown(EntryKind::Media));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.entry(1).seq, qint64(3));
        model.addEvent(media(4));  // kept, not shown
        model.addEvent(sip(5, kBob, kServer, "ACK sip:x SIP/2.0", "i", "1 ACK"));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.allEntries().size(), 5);
        QVERIFY(!ladderText(model).contains("media bridged"));
        model.setKindShown(EntryKind::Media, true);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.entry(1).label, QStringLiteral("media bridged leg 1"));
        QCOMPARE(model.entry(3).seq, qint64(4));
        model.setKindShown(EntryKind::Media, true);  // no change, no signal
        QCOMPARE(changed.count(), 2);
    }

    // Dropping the oldest entries removes only the shown rows among them.
    void oldEntriesDroppedWhileSomeHidden() {
        FlowModel model;
        model.setMaxEntries(FlowModel::kDropCount + 5);
        model.setKindShown(EntryKind::Media, false);
        for (int seq = 1; seq <= FlowModel::kDropCount + 6; ++seq) {
            if (seq % 2 == 0) {
                model.addEvent({{"type", "media"}, {"seq", seq}, {"event", "x"}, {"leg", 1}});
            } else {
                model.addEvent(sip(seq, kBob, kServer, "OPTIONS sip:x SIP/2.0", "o", "1 OPTIONS"));
            }
        }
        QCOMPARE(model.allEntries().size(), 6);
        QCOMPARE(model.rowCount(), 3);  // seq kDropCount+1, +3, +5 are the SIP ones
        QCOMPARE(model.entry(0).seq, qint64(FlowModel::kDropCount + 1));
        QCOMPARE(model.entry(2).seq, qint64(FlowModel::kDropCount + 5));
    }

    void textExport() {
        FlowModel model;
        model.setLaneMap(labLanes());
        model.addEvent(sip(3, kBob, kServer, "REFER sip:1001@127.0.0.1 SIP/2.0", "b", "2 REFER"));
        model.addEvent({{"type", "call"},
                        {"seq", 4},
                        {"time", "2026-01-02T10:00:01.000Z"},
                        {"leg", "callee"},
                        {"state", "ringing"}});
        QCOMPARE(ladderText(model),
                 QStringLiteral("lanes: Alice | Bob | Carol | mini-restcomm | app server\n"
                                "#3 10:00:00.125  Bob -> mini-restcomm  REFER sip:1001@127.0.0.1"
                                "  [transfer]\n"
                                "#4 10:00:01.000  mini-restcomm: callee ringing\n"));
    }
};

QTEST_GUILESS_MAIN(TestFlow)
#include "tst_flow.moc"
