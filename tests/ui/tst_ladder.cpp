// The Transfer Lab's ladder: draws one arrow per message event, highlights the transfer, shows
// a clicked message in full, exports PNG and text, clears; fed live by a real mini-restcomm's
// event stream.
#include "flow/event_stream_client.h"
#include "flow/flow_model.h"
#include "flow/flow_text.h"
#include "mini_restcomm_process.h"
#include "screenshot.h"
#include "sip_udp_peer.h"
#include "ui/ladder_panel.h"
#include "ui/ladder_view.h"

#include <QJsonArray>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace flow;
using ui::LadderView;

namespace {

const QString kServer = QStringLiteral("127.0.0.1:5060");
const QString kAlice = QStringLiteral("127.0.0.1:40001");
const QString kBob = QStringLiteral("127.0.0.1:40002");

QJsonObject sip(qint64 seq, const QString &src, const QString &dst, const QString &firstLine,
                const QString &callId, const QString &cseq) {
    return {{"type", "sip"},
            {"seq", seq},
            {"time", QStringLiteral("2026-01-02T10:00:%1.250Z").arg(seq, 2, 10, QChar(u'0'))},
            {"direction", "in"},
            {"src", src},
            {"dst", dst},
            {"first_line", firstLine},
            {"call_id", callId},
            {"cseq", cseq},
            {"text", firstLine + "\r\nCall-ID: " + callId + "\r\nCSeq: " + cseq + "\r\n\r\n"}};
}

LaneMap labLanes() {
    LaneMap lanes;
    lanes.setLane(kAlice, "Alice");
    lanes.setLane(kBob, "Bob");
    lanes.setLane("127.0.0.1:40003", "Carol");
    lanes.setLane(kServer, kServerLane);
    return lanes;
}

// The transfer story of restcomm-behaviour.md §1.5, shortened: 9 message events, 1 note.
QJsonArray transferEvents() {
    return {
        sip(1, kAlice, kServer, "INVITE sip:1001@127.0.0.1 SIP/2.0", "a", "1 INVITE"),
        QJsonObject{{"type", "http"},
                    {"seq", 2},
                    {"time", "2026-01-02T10:00:02.000Z"},
                    {"method", "POST"},
                    {"url", "http://127.0.0.1:8090/call-bob"},
                    {"params", QJsonObject{{"CallSid", "CA1"}, {"From", "alice"}}},
                    {"status", 200},
                    {"latency_ms", 2},
                    {"content_type", "text/xml"},
                    {"body_excerpt", "<Response><Dial><Client>bob</Client></Dial></Response>"}},
        sip(3, kServer, kBob, "INVITE sip:bob@127.0.0.1:40002 SIP/2.0", "b", "1 INVITE"),
        sip(4, kBob, kServer, "SIP/2.0 200 OK", "b", "1 INVITE"),
        sip(5, kBob, kServer, "REFER sip:1001@127.0.0.1 SIP/2.0", "b", "2 REFER"),
        sip(6, kServer, kBob, "SIP/2.0 202 Accepted", "b", "2 REFER"),
        QJsonObject{{"type", "transfer"},
                    {"seq", 7},
                    {"time", "2026-01-02T10:00:07.000Z"},
                    {"step", "refer-received"},
                    {"transferor", "bob"},
                    {"refer_target", "carol"}},
        sip(8, kServer, kBob, "NOTIFY sip:bob@127.0.0.1:40002 SIP/2.0", "b", "3 NOTIFY"),
        sip(9, kServer, kBob, "BYE sip:bob@127.0.0.1:40002 SIP/2.0", "b", "4 BYE"),
        QJsonObject{
            {"type", "http"},
            {"seq", 10},
            {"time", "2026-01-02T10:00:10.000Z"},
            {"method", "POST"},
            {"url", "http://127.0.0.1:8090/transfer"},
            {"params",
             QJsonObject{{"Transferor", "bob"}, {"Transferee", "alice"}, {"ReferTarget", "carol"}}},
            {"status", 200},
            {"latency_ms", 3},
            {"content_type", "text/xml"},
            {"body_excerpt", "<Response><Dial><Number>carol</Number></Dial></Response>"}},
    };
}

bool isInk(QRgb pixel) {
    return qRed(pixel) < 120 && qGreen(pixel) < 120 && qBlue(pixel) < 120;
}
bool isHighlight(QRgb pixel) {
    return qRed(pixel) > 180 && qGreen(pixel) < 140 && qBlue(pixel) < 90;
}

// Rows of `image` whose arrow line (a long horizontal run of arrow-coloured pixels at the
// arrow's height) is drawn, and which of them in the highlight colour.
void findArrows(const QImage &image, int rows, QList<int> *arrows, QList<int> *highlighted) {
    for (int row = 0; row < rows; ++row) {
        const int y =
            LadderView::kHeaderHeight + row * LadderView::kRowHeight + LadderView::kRowHeight - 7;
        int run = 0;
        int best = 0;
        bool orange = false;
        for (int x = LadderView::kTimeWidth; x < image.width(); ++x) {
            const QRgb pixel = image.pixel(x, y);
            if (isInk(pixel) || isHighlight(pixel)) {
                ++run;
                best = std::max(best, run);
                orange = orange || isHighlight(pixel);
            } else {
                run = 0;
            }
        }
        if (best >= LadderView::kLaneWidth - 20) {
            arrows->append(row);
            if (orange) {
                highlighted->append(row);
            }
        }
    }
}

}  // namespace

class TestLadder : public QObject {
    Q_OBJECT

  private slots:
    void drawsOneArrowPerMessageAndHighlightsTheTransfer() {
        FlowModel model;
        model.setLaneMap(labLanes());
        model.addEvents(transferEvents());
        ui::LadderPanel panel(&model);
        panel.resize(1500, 520);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));

        const QSize expected(
            LadderView::kTimeWidth + 5 * LadderView::kLaneWidth,
            LadderView::kHeaderHeight + 10 * LadderView::kRowHeight + LadderView::kBottomMargin);
        QCOMPARE(panel.view()->diagramSize(), expected);
        const QImage image = panel.view()->renderImage();
        QCOMPARE(image.size(), expected);
        QList<int> arrows;
        QList<int> highlighted;
        findArrows(image, model.rowCount(), &arrows, &highlighted);
        // Rows 0-5, 7-9 are messages (9 arrows); row 6 is the transfer note (no arrow).
        QCOMPARE(arrows, (QList<int>{0, 1, 2, 3, 4, 5, 7, 8, 9}));
        QCOMPARE(highlighted, (QList<int>{4, 5, 7, 8, 9}));

        // Adding events adds arrows.
        model.addEvent(sip(11, kAlice, kServer, "BYE sip:1001@127.0.0.1 SIP/2.0", "a", "2 BYE"));
        arrows.clear();
        highlighted.clear();
        findArrows(panel.view()->renderImage(), model.rowCount(), &arrows, &highlighted);
        QCOMPARE(arrows.size(), 10);
        QVERIFY(!highlighted.contains(10));  // Alice's BYE is not part of Bob's transfer

        // Click on the REFER arrow: the side pane shows the whole message.
        const QRect refer = panel.view()->rowRect(4);
        QTest::mouseClick(panel.view()->viewport(), Qt::LeftButton, {},
                          QPoint(refer.center().x(), refer.center().y()));
        QCOMPARE(panel.view()->currentRow(), 4);
        QVERIFY2(panel.detailPane()->toPlainText().contains(
                     "REFER sip:1001@127.0.0.1 SIP/2.0\nCall-ID: b\nCSeq: 2 REFER"),
                 qPrintable(panel.detailPane()->toPlainText()));
        QVERIFY(panel.detailPane()->toPlainText().startsWith(
            "#5  10:00:05.250  Bob \u2192 mini-restcomm"));
        // The refer fetch shows its parameters and response.
        const QRect fetch = panel.view()->rowRect(9);
        QTest::mouseClick(panel.view()->viewport(), Qt::LeftButton, {}, fetch.center());
        QVERIFY(panel.detailPane()->toPlainText().contains("ReferTarget=carol"));
        QVERIFY(panel.detailPane()->toPlainText().contains("<Number>carol</Number>"));
        rptest::saveScreenshot(panel, QStringLiteral("ladder-panel"));
    }

    void exportsPngAndText() {
        FlowModel model;
        model.setLaneMap(labLanes());
        model.addEvents(transferEvents());
        ui::LadderPanel panel(&model);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString png = dir.filePath("ladder.png");
        QCOMPARE(panel.exportPng(png), std::nullopt);
        QImage image;
        QVERIFY(image.load(png));
        QCOMPARE(image.size(), panel.view()->diagramSize());
        int orange = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                orange += isHighlight(image.pixel(x, y)) ? 1 : 0;
            }
        }
        QVERIFY2(orange > 500, qPrintable(QString::number(orange)));

        const QString txt = dir.filePath("ladder.txt");
        QCOMPARE(panel.exportText(txt), std::nullopt);
        QFile file(txt);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QCOMPARE(text, ladderText(model));
        const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 11);
        QCOMPARE(lines[0],
                 QStringLiteral("lanes: Alice | Bob | Carol | mini-restcomm | app server"));
        QCOMPARE(lines[5], QStringLiteral("#5 10:00:05.250  Bob -> mini-restcomm  REFER "
                                          "sip:1001@127.0.0.1  [transfer]"));
        QCOMPARE(lines[10], QStringLiteral("#10 10:00:10.000  mini-restcomm -> app server  POST "
                                           "/transfer \u2192 200  [transfer]"));
        QCOMPARE(text.count("[transfer]"), 6);

        QVERIFY(panel.exportPng(dir.filePath("missing-dir/x.png")).has_value());

        QTest::mouseClick(panel.clearButton(), Qt::LeftButton);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(panel.view()->diagramSize().height(),
                 LadderView::kHeaderHeight + LadderView::kBottomMargin);
    }

    void liveFromMiniRestcomm() {
        rptest::MiniRestcomm server;
        QVERIFY2(server.start({}), qPrintable(server.lastError()));
        rptest::SipUdpPeer peer;
        QVERIFY(peer.bind());

        FlowModel model;
        LaneMap lanes;
        lanes.setLane(QStringLiteral("127.0.0.1:%1").arg(peer.port()), "Alice");
        lanes.setLane(server.sipHostPort(), kServerLane);
        model.setLaneMap(lanes);
        ui::LadderPanel panel(&model);
        panel.resize(1500, 400);
        panel.show();

        EventStreamClient stream;
        connect(&stream, &EventStreamClient::eventReceived, &model, &FlowModel::addEvent);
        const qint64 before = server.events().isEmpty()
                                  ? 0
                                  : server.events().last().toObject().value("seq").toInteger();
        stream.start(QUrl(server.httpUrl({})), before);
        QTRY_VERIFY_WITH_TIMEOUT(stream.isConnected(), 5000);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(peer.options(server.sipPort()), 200);
        }
        auto sipRows = [&] {
            int count = 0;
            for (const FlowEntry &entry : model.entries()) {
                count += entry.kind == EntryKind::Sip ? 1 : 0;
            }
            return count;
        };
        // Each OPTIONS is two events: the request in, the 200 out.
        QTRY_COMPARE_WITH_TIMEOUT(sipRows(), 6, 5000);
        QCOMPARE(model.entry(0).fromLane, QStringLiteral("Alice"));
        QCOMPARE(model.entry(0).toLane, kServerLane);
        QVERIFY(model.entry(0).label.startsWith("OPTIONS "));
        QCOMPARE(model.entry(1).fromLane, kServerLane);
        QCOMPARE(model.entry(1).toLane, QStringLiteral("Alice"));
        QCOMPARE(model.entry(1).label, QStringLiteral("200 OK"));
        QCOMPARE(model.lanes(), LaneMap::defaultLanes());

        // Events sent while the client was away arrive once when it comes back (replay since
        // the last seq), without repeating the ones it had.
        stream.stop();
        QCOMPARE(peer.options(server.sipPort()), 200);
        stream.start(QUrl(server.httpUrl({})), stream.lastSeq());
        QTRY_COMPARE_WITH_TIMEOUT(sipRows(), 8, 5000);
        QTest::qWait(300);
        QCOMPARE(sipRows(), 8);
        // The plain-HTTP catch-up path gives nothing new now.
        stream.catchUp();
        QTest::qWait(300);
        QCOMPARE(sipRows(), 8);
        rptest::saveScreenshot(panel, QStringLiteral("ladder-live"));
        QVERIFY(server.stop());
    }
};

QTEST_MAIN(TestLadder)
#include "tst_ladder.moc"
