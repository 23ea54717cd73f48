// DialCallStatus of <Dial action>: the caller (sipp uac) calls number 6000, whose app dials a
// sipp uas (or a client nobody registered); the Dial action request must carry the outcome
// (restcomm-behaviour.md part 2 §3 "Dial outcome mapping", §4.3, §7.3).
#include "free_ports.h"
#include "http_stub.h"
#include "itest_common.h"
#include "mini_restcomm_process.h"
#include "sipp_runner.h"

#include <QtTest>

using namespace rptest;

class DialCallStatus : public QObject {
    Q_OBJECT
    HttpStub stub_;
    MiniRestcomm server_;
    quint16 proxyPort_ = 0;  // the --outbound-proxy, served by a sipp uas when a test needs it

    void setDial(const QString &dialAttributes, const QString &nouns) {
        stub_.setRcml("/voice",
                      QStringLiteral("<Response><Dial action=\"%1\" %2>%3</Dial></Response>")
                          .arg(stub_.url("/action"), dialAttributes, nouns)
                          .toUtf8());
    }

    // The caller's call; returns the action request's parameters (checked common part).
    StubRequest actionAfter() {
        if (!stub_.waitForRequests("/action", 1, 20000)) {
            qWarning("no action request; server log:\n%s",
                     server_.standardOutput().right(4000).constData());
            return {};
        }
        return stub_.requestsTo("/action").first();
    }

    void checkCommon(const StubRequest &action) {
        QCOMPARE(stub_.countTo("/voice"), 1);
        const StubRequest voice = stub_.requestsTo("/voice").first();
        QCOMPARE(action.param("CallSid"), voice.param("CallSid"));
        QCOMPARE(action.param("AccountSid"), kAccountSid);
        QCOMPARE(action.param("From"), QStringLiteral("alice"));
        QCOMPARE(action.param("To"), QStringLiteral("6000"));
        QCOMPARE(action.param("Direction"), QStringLiteral("inbound"));
        QCOMPARE(action.param("ApiVersion"), QStringLiteral("2012-04-24"));
        QCOMPARE(action.method, QStringLiteral("POST"));  // Dial method default
    }

  private slots:
    void initTestCase() {
        QVERIFY(stub_.listen());
        stub_.setRcml("/action", "<Response><Hangup/></Response>");
        proxyPort_ = freeUdpTcpPort();
        MiniRestcommOptions options;
        options.outboundProxy = QStringLiteral("sip:127.0.0.1:%1").arg(proxyPort_);
        options.configJson = itest::config({}, {itest::number("6000", stub_.url("/voice"))});
        QVERIFY2(server_.start(options), qPrintable(server_.lastError()));
    }

    void cleanupTestCase() {
        QVERIFY2(server_.stop(), qPrintable(server_.standardError().right(2000)));
    }

    void init() { stub_.clear(); }

    void completedWithDuration() {
        Sipp callee("uas_answer.xml");
        callee.arg({"-d", "3000"});  // talks 3 s, then hangs up
        QVERIFY(callee.start());
        setDial("", QStringLiteral("<Sip>sip:callee@%1</Sip>").arg(callee.hostPort()));
        Sipp caller("uac_wait_bye.xml");
        caller.remote(server_.sipHostPort()).service("6000").key("from_user", "alice");
        QVERIFY(caller.start());
        const StubRequest action = actionAfter();
        QVERIFY(!action.path.isEmpty());
        checkCommon(action);
        QCOMPARE(action.param("DialCallStatus"), QStringLiteral("completed"));
        QVERIFY2(action.param("DialCallDuration").toInt() >= 3,
                 qPrintable(action.param("DialCallDuration")));
        QVERIFY2(action.param("DialCallSid").startsWith("CA"),
                 qPrintable(action.param("DialCallSid")));
        QVERIFY(action.param("DialCallSid") != action.param("CallSid"));
        // The action's <Hangup/> ends the caller's leg.
        QVERIFY2(caller.waitForFinished(10000) && caller.exitCode() == 0,
                 qPrintable(caller.describe()));
        QVERIFY2(callee.waitForFinished(10000) && callee.exitCode() == 0,
                 qPrintable(callee.describe()));
    }

    void busy() {
        Sipp callee("uas_busy.xml");
        QVERIFY(callee.start());
        setDial("", QStringLiteral("<Sip>sip:callee@%1</Sip>").arg(callee.hostPort()));
        Sipp caller("uac_wait_bye.xml");
        caller.remote(server_.sipHostPort()).service("6000").key("from_user", "alice");
        QVERIFY(caller.start());
        const StubRequest action = actionAfter();
        QVERIFY(!action.path.isEmpty());
        checkCommon(action);
        QCOMPARE(action.param("DialCallStatus"), QStringLiteral("busy"));
        QCOMPARE(action.param("DialCallDuration"), QStringLiteral("0"));
        QVERIFY2(caller.waitForFinished(10000) && caller.exitCode() == 0,
                 qPrintable(caller.describe()));
        QVERIFY2(callee.waitForFinished(10000) && callee.exitCode() == 0,
                 qPrintable(callee.describe()));
    }

    void noAnswerAfterDialTimeout() {
        Sipp callee("uas_ring_forever.xml");
        QVERIFY(callee.start());
        setDial("timeout=\"2\"", QStringLiteral("<Sip>sip:callee@%1</Sip>").arg(callee.hostPort()));
        Sipp caller("uac_wait_bye.xml");
        caller.remote(server_.sipHostPort()).service("6000").key("from_user", "alice");
        QVERIFY(caller.start());
        const StubRequest action = actionAfter();
        QVERIFY(!action.path.isEmpty());
        checkCommon(action);
        QCOMPARE(action.param("DialCallStatus"), QStringLiteral("no-answer"));
        QCOMPARE(action.param("DialCallDuration"), QStringLiteral("0"));
        const qint64 waitedMs = stub_.requestsTo("/voice").first().time.msecsTo(action.time);
        QVERIFY2(waitedMs >= 1900 && waitedMs < 6000, qPrintable(QString::number(waitedMs)));
        // The target got a CANCEL (the uas scenario expects it).
        QVERIFY2(callee.waitForFinished(10000) && callee.exitCode() == 0,
                 qPrintable(callee.describe()));
        QVERIFY2(caller.waitForFinished(10000) && caller.exitCode() == 0,
                 qPrintable(caller.describe()));
    }

    void failedForUnregisteredClient() {
        setDial("", "<Client>nobody</Client>");
        Sipp caller("uac_wait_bye.xml");
        caller.remote(server_.sipHostPort()).service("6000").key("from_user", "alice");
        QVERIFY(caller.start());
        const StubRequest action = actionAfter();
        QVERIFY(!action.path.isEmpty());
        checkCommon(action);
        QCOMPARE(action.param("DialCallStatus"), QStringLiteral("failed"));
        QCOMPARE(action.param("DialCallSid"), QStringLiteral("null"));
        QCOMPARE(action.param("DialCallDuration"), QStringLiteral("0"));
        QVERIFY2(caller.waitForFinished(10000) && caller.exitCode() == 0,
                 qPrintable(caller.describe()));
    }

    void canceledWhenCallerHangsUpWhileRinging() {
        Sipp callee("uas_ring_forever.xml");
        QVERIFY(callee.start());
        setDial("", QStringLiteral("<Sip>sip:callee@%1</Sip>").arg(callee.hostPort()));
        Sipp caller("uac_hangup.xml");
        caller.remote(server_.sipHostPort()).service("6000").key("from_user", "alice");
        caller.arg({"-d", "1500"});
        QVERIFY(caller.start());
        const StubRequest action = actionAfter();
        QVERIFY(!action.path.isEmpty());
        checkCommon(action);
        QCOMPARE(action.param("DialCallStatus"), QStringLiteral("canceled"));
        QCOMPARE(action.param("DialCallDuration"), QStringLiteral("0"));
        QVERIFY2(caller.waitForFinished(10000) && caller.exitCode() == 0,
                 qPrintable(caller.describe()));
        QVERIFY2(callee.waitForFinished(10000) && callee.exitCode() == 0,
                 qPrintable(callee.describe()));
    }

    // <Number> not matching a client or a local number goes to --outbound-proxy.
    void numberGoesToOutboundProxy() {
        Sipp callee("uas_answer.xml");
        callee.localPort(proxyPort_).arg({"-d", "1000"});
        QVERIFY(callee.start());
        setDial("", "<Number>+15551234</Number>");
        Sipp caller("uac_wait_bye.xml");
        caller.remote(server_.sipHostPort()).service("6000").key("from_user", "alice");
        QVERIFY(caller.start());
        const StubRequest action = actionAfter();
        QVERIFY(!action.path.isEmpty());
        QCOMPARE(action.param("DialCallStatus"), QStringLiteral("completed"));
        QVERIFY2(callee.waitForFinished(10000) && callee.exitCode() == 0,
                 qPrintable(callee.describe()));
        QVERIFY2(callee.logTrace().contains("15551234@"), callee.logTrace().constData());
        QVERIFY2(caller.waitForFinished(10000) && caller.exitCode() == 0,
                 qPrintable(caller.describe()));
    }
};

QTEST_GUILESS_MAIN(DialCallStatus)
#include "tst_dial_call_status.moc"
