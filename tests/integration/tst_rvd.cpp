// RVD through the whole server: numbers whose voice_url names an RVD project imported with
// --config; the rendered RCML must carry $core_ values substituted from the call
// (restcomm-behaviour.md part 2 §5.3, §5.4).
#include "free_ports.h"
#include "http_stub.h"
#include "itest_common.h"
#include "mini_restcomm_process.h"
#include "sipp_runner.h"

#include <QtTest>

using namespace rptest;

namespace {

QJsonObject project(const QJsonArray &startSteps) {
    return {{"header", QJsonObject{{"projectKind", "voice"},
                                   {"startNodeName", "start"},
                                   {"version", "1.15"},
                                   {"owner", "itest@example.com"}}},
            {"nodes",
             QJsonArray{QJsonObject{
                 {"name", "start"}, {"label", "Start"}, {"kind", "voice"}, {"steps", startSteps}}}},
            {"lastStepId", startSteps.size()},
            {"lastNodeId", 1}};
}

}  // namespace

class Rvd : public QObject {
    Q_OBJECT
    HttpStub stub_;
    MiniRestcomm server_;
    quint16 targetPort_ = 0;

  private slots:
    void initTestCase() {
        QVERIFY(stub_.listen());
        stub_.setRcml("/rvd-seen", "<Response><Hangup/></Response>");
        targetPort_ = freeUdpTcpPort();
        // A redirect whose URL carries core variables: the app server sees their values.
        const QJsonObject redirecting = project(QJsonArray{QJsonObject{
            {"kind", "redirect"},
            {"name", "step1"},
            {"label", "redirect"},
            {"title", "redirect"},
            {"method", "GET"},
            {"url",
             stub_.url("/rvd-seen") +
                 "?to=$core_To&from=$core_From&account=$core_AccountSid&unknown=$nosuchvar"}}});
        // A dial whose SIP URI is built from $core_To.
        const QJsonObject dialling = project(QJsonArray{QJsonObject{
            {"kind", "dial"},
            {"name", "step1"},
            {"label", "dial"},
            {"title", "dial"},
            {"dialNouns",
             QJsonArray{QJsonObject{
                 {"dialType", "sipuri"},
                 {"destination",
                  QStringLiteral("sip:target-$core_To@127.0.0.1:%1").arg(targetPort_)}}}},
            {"timeout", 10}}});
        MiniRestcommOptions options;
        options.configJson = itest::config(
            {}, {itest::number("7000", "redirecting"), itest::number("7001", "dialling")},
            {QJsonObject{{"name", "redirecting"}, {"state", redirecting}},
             QJsonObject{{"name", "dialling"}, {"state", dialling}}});
        QVERIFY2(server_.start(options), qPrintable(server_.lastError()));
    }

    void cleanupTestCase() {
        QVERIFY2(server_.stop(), qPrintable(server_.standardError().right(2000)));
    }

    void coreVariablesReachTheAppServer() {
        SipUdpPeer caller;
        QVERIFY(caller.bind());
        const InviteOutcome outcome = caller.invite("7000", server_.sipPort(), 15000);
        QVERIFY2(itest::endedCleanly(outcome), qPrintable(itest::describe(outcome)));
        QVERIFY2(stub_.waitForRequests("/rvd-seen", 1, 5000),
                 server_.standardOutput().right(4000).constData());
        const StubRequest seen = stub_.requestsTo("/rvd-seen").first();
        QCOMPARE(seen.method, QStringLiteral("GET"));
        QCOMPARE(value(seen.query, "to"), QStringLiteral("7000"));
        QCOMPARE(value(seen.query, "from"), QStringLiteral("rptest"));
        QCOMPARE(value(seen.query, "account"), kAccountSid);
        QVERIFY(contains(seen.query, "unknown"));
        QCOMPARE(value(seen.query, "unknown"), QString());  // unknown variable -> empty
    }

    void dialTargetBuiltFromCoreTo() {
        Sipp target("uas_answer.xml");
        target.localPort(targetPort_).arg({"-d", "500"});
        QVERIFY(target.start());
        SipUdpPeer caller;
        QVERIFY(caller.bind());
        const InviteOutcome outcome = caller.invite("7001", server_.sipPort(), 15000);
        QVERIFY2(itest::endedCleanly(outcome), qPrintable(itest::describe(outcome)));
        QVERIFY2(target.waitForFinished(10000) && target.exitCode() == 0,
                 qPrintable(target.describe()));
        QVERIFY2(target.logTrace().contains("INVITE_RURI sip:target-7001@127.0.0.1"),
                 target.logTrace().constData());
    }
};

QTEST_GUILESS_MAIN(Rvd)
#include "tst_rvd.moc"
