// Bad application answers: RCML that is not XML or too large (> 64 KiB), an app that answers
// 500 or never answers. The call must end cleanly (a final response, or 200 then BYE), a
// warning event must say why, and the fallback URL must be used when one is set.
#include "http_stub.h"
#include "itest_common.h"
#include "mini_restcomm_process.h"

#include <QtTest>

using namespace rptest;

class BadApp : public QObject {
    Q_OBJECT
    HttpStub stub_;
    MiniRestcomm server_;

    // Calls `dialled`; the call must end cleanly within `timeoutMs`.
    bool callEndsCleanly(const QString &dialled, int timeoutMs) {
        SipUdpPeer caller;
        if (!caller.bind()) {
            return false;
        }
        const InviteOutcome outcome = caller.invite(dialled, server_.sipPort(), timeoutMs);
        if (!itest::endedCleanly(outcome)) {
            qWarning("%s\nserver:\n%s", qPrintable(itest::describe(outcome)),
                     server_.standardOutput().right(3000).constData());
            return false;
        }
        return true;
    }

    // A warning event about the call of app request `path` (same CallSid).
    bool warnedAbout(const QString &path) {
        const QString callSid = stub_.requestsTo(path).value(0).param("CallSid");
        const QJsonObject warning = server_.waitForEvent(
            [&](const QJsonObject &event) {
                return event.value("type") == "warning" &&
                       (callSid.isEmpty() || event.value("call_sid").toString() == callSid);
            },
            3000);
        if (warning.isEmpty()) {
            qWarning("no warning event for %s (CallSid %s)", qPrintable(path), qPrintable(callSid));
        } else {
            qInfo("warning: %s", qPrintable(warning.value("message").toString()));
        }
        return !warning.isEmpty();
    }

  private slots:
    void initTestCase() {
        QVERIFY(stub_.listen());
        stub_.setRcml("/not-xml", "this is { not XML at all");
        QByteArray huge = "<Response>";
        while (huge.size() < 70 * 1024) {
            huge += "<Pause length=\"1\"/>";
        }
        huge += "</Response>";
        stub_.setRcml("/huge", huge);
        StubRoute error;
        error.status = 500;
        error.contentType = "text/plain";
        error.body = "internal error";
        stub_.setRoute("/error", error);
        StubRoute silent;
        silent.noAnswer = true;
        stub_.setRoute("/silent", silent);
        stub_.setRcml("/fallback", "<Response><Hangup/></Response>");

        MiniRestcommOptions options;
        options.configJson = itest::config(
            {}, {itest::number("8001", stub_.url("/not-xml")),
                 itest::number("8002", stub_.url("/huge")),
                 itest::number("8003", stub_.url("/error"), "POST", stub_.url("/fallback")),
                 itest::number("8004", stub_.url("/error")),
                 itest::number("8005", stub_.url("/silent"), "POST", stub_.url("/fallback")),
                 itest::number("8006", stub_.url("/silent"))});
        QVERIFY2(server_.start(options), qPrintable(server_.lastError()));
    }

    void cleanupTestCase() {
        QVERIFY2(server_.stop(), qPrintable(server_.standardError().right(2000)));
    }

    void init() { stub_.clear(); }

    void rcmlNotXml() {
        QVERIFY(callEndsCleanly("8001", 10000));
        QCOMPARE(stub_.countTo("/not-xml"), 1);
        QVERIFY(warnedAbout("/not-xml"));
    }

    void rcmlTooLarge() {
        QVERIFY(callEndsCleanly("8002", 10000));
        QCOMPARE(stub_.countTo("/huge"), 1);
        QVERIFY(warnedAbout("/huge"));
    }

    void status500UsesFallback() {
        QVERIFY(callEndsCleanly("8003", 10000));
        QCOMPARE(stub_.countTo("/error"), 1);
        QCOMPARE(stub_.countTo("/fallback"), 1);
        const StubRequest first = stub_.requestsTo("/error").first();
        const StubRequest fallback = stub_.requestsTo("/fallback").first();
        QCOMPARE(fallback.param("CallSid"), first.param("CallSid"));
        QCOMPARE(fallback.param("To"), QStringLiteral("8003"));
    }

    void status500WithoutFallbackEndsCall() {
        QVERIFY(callEndsCleanly("8004", 10000));
        QCOMPARE(stub_.countTo("/error"), 1);
        QCOMPARE(stub_.countTo("/fallback"), 0);
        QVERIFY(warnedAbout("/error"));
    }

    // mini-restcomm's fetch timeout is 10 s (core/restcomm/http_fetcher.h).
    void silentAppUsesFallback() {
        QVERIFY(callEndsCleanly("8005", 20000));
        QCOMPARE(stub_.countTo("/silent"), 1);
        QCOMPARE(stub_.countTo("/fallback"), 1);
    }

    void silentAppWithoutFallbackEndsCall() {
        QVERIFY(callEndsCleanly("8006", 20000));
        QCOMPARE(stub_.countTo("/silent"), 1);
        QCOMPARE(stub_.countTo("/fallback"), 0);
        QVERIFY(warnedAbout("/silent"));
    }
};

QTEST_GUILESS_MAIN(BadApp)
#include "tst_bad_app.moc"
