// The Transfer Lab window: starts the bundled mini-restcomm, lists its numbers, edits them
// through the REST API (refusals shown), draws the live ladder, stops; a server that cannot
// start is reported in words.
#include "flow/flow_text.h"
#include "screenshot.h"
#include "sip_udp_peer.h"
#include "ui/lab_window.h"
#include "ui/ladder_panel.h"

#include "ui/ladder_view.h"

#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QUdpSocket>
#include <QTcpServer>
#include <QtTest>

using numcfg::ServerNumbersModel;

class TestLabWindow : public QObject {
    Q_OBJECT

  private slots:
    void readyLine() {
        const auto endpoints = lab::parseReadyLine(
            "mini-restcomm ready sip=127.0.0.1:5080 http=127.0.0.1:41234 account_sid=AC1 "
            "auth_token=tok realm=127.0.0.1 data_dir=/tmp/x");
        QVERIFY(endpoints);
        QCOMPARE(endpoints->sipHostPort, QStringLiteral("127.0.0.1:5080"));
        QCOMPARE(endpoints->httpHostPort, QStringLiteral("127.0.0.1:41234"));
        QCOMPARE(endpoints->accountSid, QStringLiteral("AC1"));
        QCOMPARE(endpoints->authToken, QStringLiteral("tok"));
        QCOMPARE(endpoints->dataDir, QStringLiteral("/tmp/x"));
        QVERIFY(!lab::parseReadyLine("mini-restcomm ready sip=127.0.0.1:5080"));
        QVERIFY(!lab::parseReadyLine("12:00:00 sip in INVITE"));
    }

    void runsTheLab() {
        QTemporaryDir data;
        QVERIFY(data.isValid());
        ui::LabWindow window;
        window.launcher().setDataDir(data.path());
        window.show();
        QSignalSpy loaded(&window.numbersModel(), &ServerNumbersModel::loaded);
        window.startServer();
        QTRY_VERIFY_WITH_TIMEOUT(window.launcher().isReady(), 10000);
        QVERIFY(loaded.count() > 0 || loaded.wait(5000));
        QVERIFY2(window.statusText().startsWith("mini-restcomm running: SIP 127.0.0.1:"),
                 qPrintable(window.statusText()));
        // The built-in Lab configuration: numbers 1001 and 1002.
        ServerNumbersModel &numbers = window.numbersModel();
        QCOMPARE(numbers.rowCount(), 2);
        QStringList phones;
        for (int row = 0; row < 2; ++row) {
            phones.append(
                numbers.data(numbers.index(row, ServerNumbersModel::PhoneNumber)).toString());
        }
        phones.sort();
        QCOMPARE(phones, (QStringList{"1001", "1002"}));

        // An edit goes to the server; a refused one is reported and changes nothing.
        QSignalSpy edited(&numbers, &ServerNumbersModel::edited);
        QSignalSpy failed(&numbers, &ServerNumbersModel::editFailed);
        QAbstractItemModel *shown = window.numbersView()->model();
        QVERIFY(
            shown->setData(shown->index(0, ServerNumbersModel::FriendlyName), "Edited in the Lab"));
        QVERIFY(edited.wait(5000));
        // A Refer URL typed over an app name is shown whole, not clipped.
        const QString longUrl = "http://127.0.0.1:8099/restcomm-rvd/services/apps/slow/controller";
        QVERIFY(shown->setData(shown->index(0, ServerNumbersModel::ReferUrl), longUrl));
        QVERIFY(edited.wait(5000));
        QTRY_VERIFY(window.numbersView()->columnWidth(ServerNumbersModel::ReferUrl) >
                    window.numbersView()->fontMetrics().horizontalAdvance(longUrl));
        QVERIFY(shown->setData(shown->index(0, ServerNumbersModel::VoiceUrl), "ftp://nowhere/x"));
        QVERIFY(failed.wait(5000));
        QVERIFY2(failed.last().at(0).toString().startsWith("VoiceUrl not changed: HTTP 400"),
                 qPrintable(failed.last().at(0).toString()));
        QCOMPARE(window.statusText(), failed.last().at(0).toString());
        numbers.reload();
        QVERIFY(loaded.wait(5000));
        bool found = false;
        for (const numcfg::ServerNumber &number : numbers.numbers()) {
            if (number.json.value("friendly_name").toString() == "Edited in the Lab") {
                found = true;
                QVERIFY(number.json.value("voice_url").toString() != "ftp://nowhere/x");
            }
        }
        QVERIFY(found);

        // SIP to the server appears on the ladder; an unknown phone gets its own lane.
        const QString sip = window.launcher().endpoints()->sipHostPort;
        rptest::SipUdpPeer peer;
        QVERIFY(peer.bind());
        QCOMPARE(peer.options(quint16(sip.section(u':', 1).toUInt())), 200);
        const QString peerLane = QStringLiteral("127.0.0.1:%1").arg(peer.port());
        QTRY_VERIFY_WITH_TIMEOUT(
            flow::ladderText(window.flowModel()).contains(peerLane + " -> mini-restcomm  OPTIONS "),
            5000);
        QTRY_VERIFY_WITH_TIMEOUT(flow::ladderText(window.flowModel())
                                     .contains("mini-restcomm -> " + peerLane + "  200 OK"),
                                 5000);
        QCOMPARE(window.flowModel().lanes().last(), peerLane);
        // The sixth lane makes the ladder wider than its pane: it scrolls sideways.
        QTRY_VERIFY(window.ladderPanel()->view()->horizontalScrollBar()->isVisible());
        QCOMPARE(window.ladderPanel()->view()->horizontalScrollBar()->maximum(),
                 window.ladderPanel()->view()->diagramSize().width() -
                     window.ladderPanel()->view()->viewport()->width());
        rptest::saveScreenshot(window, "lab-window");

        QSignalSpy stopped(&window.launcher(), &lab::MiniRestcommLauncher::stopped);
        window.stopServer();
        QVERIFY(stopped.wait(8000));
        QCOMPARE(window.statusText(), QStringLiteral("mini-restcomm stopped."));
    }

    // The free port found for SIP is taken before mini-restcomm binds it: the Lab starts it
    // again on new ports instead of failing.
    void retriesWhenItsSipPortIsTaken() {
        QTemporaryDir data;
        QVERIFY(data.isValid());
        QUdpSocket udp;
        QTcpServer tcp;
        QVERIFY(udp.bind(QHostAddress::LocalHost, 0));
        QVERIFY(tcp.listen(QHostAddress::LocalHost, udp.localPort()));
        const QString taken = QStringLiteral("127.0.0.1:%1").arg(udp.localPort());
        lab::MiniRestcommLauncher launcher;
        launcher.setDataDir(data.path());
        launcher.setNextSipPort(udp.localPort());
        QSignalSpy ready(&launcher, &lab::MiniRestcommLauncher::ready);
        QSignalSpy failed(&launcher, &lab::MiniRestcommLauncher::failed);
        launcher.start();
        QVERIFY(ready.wait(15000));
        QCOMPARE(failed.count(), 0);
        QVERIFY(launcher.endpoints()->sipHostPort != taken);
        QVERIFY2(launcher.recentOutput().join('\n').contains("cannot listen for SIP on " + taken),
                 qPrintable(launcher.recentOutput().join('\n')));
        launcher.stop();
    }

    void reportsAServerThatCannotStart() {
        ui::LabWindow window;
        window.launcher().setDataDir("/proc/referphone-cannot-create-this");
        QSignalSpy failed(&window.launcher(), &lab::MiniRestcommLauncher::failed);
        window.startServer();
        QVERIFY(failed.wait(10000));
        QVERIFY2(window.statusText().startsWith(
                     "mini-restcomm exited with code 2 before it was ready: mini-restcomm: "
                     "cannot create the data directory /proc/referphone-cannot-create-this"),
                 qPrintable(window.statusText()));
        QVERIFY(!window.launcher().isReady());
    }
};

QTEST_MAIN(TestLabWindow)
#include "tst_lab_window.moc"
