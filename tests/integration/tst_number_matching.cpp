// Number matching through the whole server (restcomm-behaviour.md part 2 §2.4, ReferTest
// fixtures §7.1): exact match first, then the number with a leading '+' added or removed,
// then the catch-all "*".
#include "http_stub.h"
#include "itest_common.h"
#include "mini_restcomm_process.h"

#include <QtTest>

using namespace rptest;

class NumberMatching : public QObject {
    Q_OBJECT
    HttpStub stub_;
    MiniRestcomm server_;

  private slots:
    void initTestCase() {
        QVERIFY(stub_.listen());
        // Every app ends the call at once; the test is about which app was asked.
        const QByteArray hangup = "<Response><Hangup/></Response>";
        for (const char *path : {"/catchall", "/plus1112", "/exact1111"}) {
            stub_.setRcml(path, hangup);
        }
        MiniRestcommOptions options;
        options.configJson = itest::config({}, {itest::number("*", stub_.url("/catchall")),
                                                itest::number("+1112", stub_.url("/plus1112")),
                                                itest::number("1111", stub_.url("/exact1111"))});
        QVERIFY2(server_.start(options), qPrintable(server_.lastError()));
    }

    void cleanupTestCase() {
        QVERIFY2(server_.stop(), qPrintable(server_.standardError().right(2000)));
    }

    void routes_data() {
        QTest::addColumn<QString>("dialled");
        QTest::addColumn<QString>("app");
        QTest::newRow("0545 falls to *") << "0545"
                                         << "/catchall";
        QTest::newRow("1112 matches +1112") << "1112"
                                            << "/plus1112";
        QTest::newRow("+1112 exact") << "+1112"
                                     << "/plus1112";
        QTest::newRow("1111 exact beats *") << "1111"
                                            << "/exact1111";
        QTest::newRow("+1111 matches 1111") << "+1111"
                                            << "/exact1111";
    }

    void routes() {
        QFETCH(QString, dialled);
        QFETCH(QString, app);
        stub_.clear();
        SipUdpPeer caller;
        QVERIFY(caller.bind());
        const InviteOutcome outcome = caller.invite(dialled, server_.sipPort(), 10000);
        QVERIFY2(itest::endedCleanly(outcome), qPrintable(itest::describe(outcome)));
        QCOMPARE(stub_.requests().size(), 1);
        const StubRequest request = stub_.requests().first();
        QCOMPARE(request.path, app);
        QCOMPARE(request.param("To"), dialled);  // the dialled string, as dialled
    }
};

QTEST_GUILESS_MAIN(NumberMatching)
#include "tst_number_matching.moc"
