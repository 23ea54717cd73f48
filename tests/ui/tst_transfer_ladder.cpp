// The ladder of a real blind transfer through mini-restcomm: Alice calls number 7000, whose
// application dials Bob; Bob REFERs to Carol; mini-restcomm fetches the Refer URL and dials
// Carol. Phones are SipDialogPeers, the application server an HttpStub; the ladder is fed by
// mini-restcomm's event stream exactly as in the Lab.
#include "flow/event_stream_client.h"
#include "flow/flow_model.h"
#include "flow/flow_text.h"
#include "http_stub.h"
#include "mini_restcomm_process.h"
#include "screenshot.h"
#include "sip_dialog_peer.h"
#include "ui/ladder_panel.h"
#include "ui/ladder_view.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPlainTextEdit>
#include <QtTest>

using namespace flow;
using rptest::SipDialogPeer;

class TestTransferLadder : public QObject {
    Q_OBJECT

  private slots:
    void realTransferIsDrawnAndHighlighted() {
        rptest::HttpStub stub;
        QVERIFY(stub.listen());
        SipDialogPeer alice("alice"), bob("bob"), carol("carol");
        QVERIFY(alice.bind() && bob.bind() && carol.bind());
        stub.setRcml("/voice", QStringLiteral("<Response><Dial><Sip>%1</Sip></Dial></Response>")
                                   .arg(bob.uri())
                                   .toUtf8());
        stub.setRcml("/refer", QStringLiteral("<Response><Dial><Sip>%1</Sip></Dial></Response>")
                                   .arg(carol.uri())
                                   .toUtf8());
        const QJsonObject number{{"phone_number", "7000"},
                                 {"voice_url", stub.url("/voice")},
                                 {"voice_method", "POST"},
                                 {"refer_url", stub.url("/refer")},
                                 {"refer_method", "POST"}};
        rptest::MiniRestcommOptions options;
        options.configJson =
            QJsonDocument(QJsonObject{{"referphone_config", 1},
                                      {"incoming_phone_numbers", QJsonArray{number}}})
                .toJson();
        rptest::MiniRestcomm server;
        QVERIFY2(server.start(options), qPrintable(server.lastError()));

        FlowModel model;
        LaneMap lanes;
        lanes.setLane(QStringLiteral("127.0.0.1:%1").arg(alice.port()), "Alice");
        lanes.setLane(QStringLiteral("127.0.0.1:%1").arg(bob.port()), "Bob");
        lanes.setLane(QStringLiteral("127.0.0.1:%1").arg(carol.port()), "Carol");
        lanes.setLane(server.sipHostPort(), kServerLane);
        model.setLaneMap(lanes);
        ui::LadderPanel panel(&model);
        panel.resize(1500, 1000);
        panel.show();
        EventStreamClient stream;
        connect(&stream, &EventStreamClient::eventReceived, &model, &FlowModel::addEvent);
        stream.start(QUrl(server.httpUrl({})));
        QTRY_VERIFY_WITH_TIMEOUT(stream.isConnected(), 5000);

        // Alice -> 7000 -> Bob.
        bool bobAnswered = false;
        QMetaObject::invokeMethod(
            this, [&] { bobAnswered = bob.answer(10000); }, Qt::QueuedConnection);
        QCOMPARE(alice.call(server.sipUri("7000").toUtf8(), server.sipPort(), 10000), 200);
        QVERIFY(QTest::qWaitFor([&] { return bobAnswered; }, 10000));
        // Bob transfers Alice to Carol.
        const QByteArray accepted =
            bob.request("REFER", "Refer-To: <sip:carol@127.0.0.1>\r\n", 5000);
        QCOMPARE(SipDialogPeer::statusCode(accepted), 202);
        QVERIFY(carol.answer(10000));
        QVERIFY(QTest::qWaitFor([&] { return bob.byeReceived(); }, 10000));
        QCOMPARE(alice.hangup(), 200);
        QVERIFY(QTest::qWaitFor([&] { return carol.byeReceived(); }, 5000));

        auto find = [&](const std::function<bool(const FlowEntry &)> &match) {
            for (int row = 0; row < model.rowCount(); ++row) {
                if (match(model.entry(row))) {
                    return row;
                }
            }
            return -1;
        };
        // Wait until the stream has delivered the end of the story (Carol's BYE answered).
        QTRY_VERIFY_WITH_TIMEOUT(find([](const FlowEntry &e) {
                                     return e.fromLane == "Carol" && e.label == "200 OK" &&
                                            e.fullText.contains("BYE");
                                 }) >= 0,
                                 5000);
        const QString text = ladderText(model);
        const int refer = find([](const FlowEntry &e) {
            return e.fromLane == "Bob" && e.toLane == kServerLane && e.label.startsWith("REFER ");
        });
        QVERIFY2(refer >= 0, qPrintable(text));
        QVERIFY(model.entry(refer).highlight);
        const int accepted202 = find([](const FlowEntry &e) {
            return e.fromLane == kServerLane && e.toLane == "Bob" && e.label == "202 Accepted";
        });
        QVERIFY2(accepted202 > refer && model.entry(accepted202).highlight, qPrintable(text));
        const int notify = find(
            [](const FlowEntry &e) { return e.toLane == "Bob" && e.label.startsWith("NOTIFY "); });
        QVERIFY2(notify > refer && model.entry(notify).highlight, qPrintable(text));
        const int byeToBob = find([](const FlowEntry &e) {
            return e.fromLane == kServerLane && e.toLane == "Bob" && e.label.startsWith("BYE ");
        });
        QVERIFY2(byeToBob > refer && model.entry(byeToBob).highlight, qPrintable(text));
        const int fetch = find([](const FlowEntry &e) {
            return e.kind == EntryKind::Http && e.label.startsWith("POST /refer ");
        });
        QVERIFY2(fetch > refer && model.entry(fetch).highlight, qPrintable(text));
        QCOMPARE(model.entry(fetch).toLane, kAppServerLane);
        QVERIFY(model.entry(fetch).fullText.contains("Transferor=bob"));
        QVERIFY(model.entry(fetch).fullText.contains("ReferTarget=carol"));
        const int inviteCarol = find([](const FlowEntry &e) {
            return e.fromLane == kServerLane && e.toLane == "Carol" &&
                   e.label.startsWith("INVITE ");
        });
        QVERIFY2(inviteCarol > fetch, qPrintable(text));
        QVERIFY(!model.entry(inviteCarol).highlight);
        QVERIFY2(
            text.contains("mini-restcomm: transfer accepted (bob \u2192 carol) 202  [transfer]"),
            qPrintable(text));
        QVERIFY(text.contains("mini-restcomm: transfer bridged (bob \u2192 carol)  [transfer]"));
        // Alice's own call set-up is not part of the transfer.
        const int firstInvite = find([](const FlowEntry &e) {
            return e.fromLane == "Alice" && e.label.startsWith("INVITE ");
        });
        QVERIFY(firstInvite >= 0 && firstInvite < refer && !model.entry(firstInvite).highlight);
        // Only the five lanes: every address was named.
        QCOMPARE(model.lanes(), LaneMap::defaultLanes());

        panel.view()->setCurrentRow(refer);
        QVERIFY(panel.detailPane()->toPlainText().contains("Refer-To: <sip:carol@127.0.0.1>"));
        QVERIFY2(panel.highlightedDetailLines().contains("Refer-To: <sip:carol@127.0.0.1>"),
                 qPrintable(panel.highlightedDetailLines().join(" | ")));
        // The refer fetch: its three transfer parameters stand out in the detail pane.
        panel.view()->setCurrentRow(fetch);
        const QStringList fetchLines = panel.highlightedDetailLines();
        QVERIFY2(fetchLines.contains("Transferor=bob") &&
                     fetchLines.contains("ReferTarget=carol") && fetchLines.size() == 3,
                 qPrintable(fetchLines.join(" | ")));
        panel.view()->setCurrentRow(firstInvite);
        QVERIFY(panel.highlightedDetailLines().isEmpty());
        panel.view()->setCurrentRow(refer);
        rptest::saveScreenshot(panel, QStringLiteral("ladder-real-transfer"));
        QVERIFY(server.stop());
    }
};

QTEST_MAIN(TestTransferLadder)
#include "tst_transfer_ladder.moc"
