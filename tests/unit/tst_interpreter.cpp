// Interpreter: the pure RCML state machine. Request parameters (restcomm-behaviour.md part 2
// §4.2/§4.3, in Restcomm's order), verb execution, Dial actions, fallback, relative URLs and
// the Redirect loop guard, and the refer parameters that must ride on every request.
#include "restcomm/form_encoding.h"
#include "restcomm/interpreter.h"

#include <QTest>
#include <QTimeZone>

using namespace mrc;

namespace {

const QString kAppUrl = QStringLiteral("http://app.example:8090/apps/voice.xml");
const QString kFallbackUrl = QStringLiteral("http://backup.example/fallback.xml");

CallInfo aliceCallsA() {
    CallInfo call;
    call.callSid = QStringLiteral("CA0123");
    call.accountSid = QStringLiteral("ACae6e420f425248d6a26948c17a9e2acf");
    call.instanceId = QStringLiteral("ID77");
    call.from = QStringLiteral("alice");
    call.to = QStringLiteral("1111");
    call.timestamp = QDateTime(QDate(2012, 4, 24), QTime(22, 51, 29), Qt::UTC);
    return call;
}

AppLocation app(const QString &fallback = {}) {
    AppLocation location;
    location.url = kAppUrl;
    location.method = QStringLiteral("GET");
    location.fallbackUrl = fallback;
    return location;
}

Params referExtras() {
    return {{QStringLiteral("ReferTarget"), QStringLiteral("carol")},
            {QStringLiteral("Transferor"), QStringLiteral("+131313")},
            {QStringLiteral("Transferee"), QStringLiteral("bob")}};
}

QByteArray response(const QByteArray &body) {
    return "<Response>" + body + "</Response>";
}

QStringList names(const Params &params) {
    QStringList out;
    for (const auto &entry : params) {
        out << entry.first;
    }
    return out;
}

QString describe(const Step &step) {
    return std::visit(
        [](const auto &s) -> QString {
            using T = std::decay_t<decltype(s)>;
            if constexpr (std::is_same_v<T, step::Fetch>) {
                return QStringLiteral("Fetch %1 %2").arg(s.method, s.url);
            } else if constexpr (std::is_same_v<T, step::Dial>) {
                return QStringLiteral("Dial (%1 nouns)").arg(s.dial.nouns.size());
            } else if constexpr (std::is_same_v<T, step::Hangup>) {
                return QStringLiteral("Hangup");
            } else if constexpr (std::is_same_v<T, step::Reject>) {
                return QStringLiteral("Reject %1").arg(s.sipCode);
            } else if constexpr (std::is_same_v<T, step::Pause>) {
                return QStringLiteral("Pause %1").arg(s.seconds);
            } else {
                return QStringLiteral("Failed: ") + s.reason;
            }
        },
        step);
}

}  // namespace

// Declares `var` as the T held by `stepExpr`, failing the test (with what it was) otherwise.
#define EXPECT_STEP(T, var, stepExpr)             \
    const Step var##Step = (stepExpr);            \
    const auto *var = std::get_if<T>(&var##Step); \
    QVERIFY2(var, qPrintable(QStringLiteral("got ") + describe(var##Step)))

class TestInterpreter : public QObject {
    Q_OBJECT

  private slots:
    void requestParamsFollowRestcommOrder() {
        CallInfo call = aliceCallsA();
        call.sipHeaders = {{QStringLiteral("X-Foo"), QStringLiteral("1")},
                           {QStringLiteral("Diversion"), QStringLiteral("<sip:9@h>")}};
        Interpreter interpreter(call, app(), referExtras());
        const Params expected{
            {"CallSid", "CA0123"},
            {"InstanceId", "ID77"},
            {"AccountSid", "ACae6e420f425248d6a26948c17a9e2acf"},
            {"From", "alice"},
            {"To", "1111"},
            {"CallStatus", "ringing"},
            {"ApiVersion", "2012-04-24"},
            {"Direction", "inbound"},
            {"CallerName", "null"},
            {"ForwardedFrom", "null"},
            {"CallTimestamp", "Tue, 24 Apr 2012 22:51:29 +0000"},
            {"ReferTarget", "carol"},
            {"Transferor", "+131313"},
            {"Transferee", "bob"},
            {"SipHeader_X-Foo", "1"},
            {"SipHeader_Diversion", "<sip:9@h>"},
        };
        QCOMPARE(interpreter.requestParams(), expected);
    }

    void callerNameAndForwardedFromAreSentWhenKnown() {
        CallInfo call = aliceCallsA();
        call.callerName = QStringLiteral("Alice A");
        call.forwardedFrom = QStringLiteral("2222");
        call.direction = QStringLiteral("outbound-dial");
        const Params params = Interpreter(call, app()).requestParams();
        QCOMPARE(paramValue(params, "CallerName"), QStringLiteral("Alice A"));
        QCOMPARE(paramValue(params, "ForwardedFrom"), QStringLiteral("2222"));
        QCOMPARE(paramValue(params, "Direction"), QStringLiteral("outbound-dial"));
    }

    void callTimestampIsUtcInEnglish() {
        CallInfo call = aliceCallsA();
        // 00:30 at +02:00 on Sunday 1 March is 22:30 UTC on Saturday 29 February.
        call.timestamp = QDateTime(QDate(2020, 3, 1), QTime(0, 30, 5), QTimeZone(2 * 3600));
        QLocale::setDefault(QLocale(QLocale::French));
        const Params params = Interpreter(call, app()).requestParams();
        QLocale::setDefault(QLocale::c());
        QCOMPARE(paramValue(params, "CallTimestamp"),
                 QStringLiteral("Sat, 29 Feb 2020 22:30:05 +0000"));
    }

    void callTimestampIsEmptyWhenUnknown() {
        CallInfo call = aliceCallsA();
        call.timestamp = {};
        const Params params = Interpreter(call, app()).requestParams();
        QVERIFY(hasParam(params, "CallTimestamp"));
        QCOMPARE(paramValue(params, "CallTimestamp", "x"), QString());
    }

    void startFetchesTheApplication() {
        Interpreter interpreter(aliceCallsA(), app());
        EXPECT_STEP(step::Fetch, fetch, interpreter.start());
        QCOMPARE(fetch->url, kAppUrl);
        QCOMPARE(fetch->method, QStringLiteral("GET"));
        QCOMPARE(fetch->params, interpreter.requestParams());
        QVERIFY(!interpreter.finished());
    }

    void startDefaultsToPost() {
        AppLocation location = app();
        location.method = QStringLiteral("PATCH");
        Interpreter interpreter(aliceCallsA(), location);
        EXPECT_STEP(step::Fetch, fetch, interpreter.start());
        QCOMPARE(fetch->method, QStringLiteral("POST"));
    }

    void startWithoutUsableUrlFails() {
        AppLocation location = app();
        location.url = QStringLiteral("voice.xml");
        Interpreter interpreter(aliceCallsA(), location);
        EXPECT_STEP(step::Failed, failed, interpreter.start());
        QVERIFY2(failed->reason.contains(QStringLiteral("voice.xml")), qPrintable(failed->reason));
        QVERIFY(interpreter.finished());
    }

    void dialIsHandedOutAndEndOfDocumentHangsUp() {
        Interpreter interpreter(aliceCallsA(), app());
        interpreter.start();
        EXPECT_STEP(step::Dial, dial,
                    interpreter.onFetched(200, response(R"(<Dial timeout="12">)"
                                                        R"(<Client>bob</Client></Dial>)")));
        QCOMPARE(dial->dial.nouns.size(), 1u);
        QCOMPARE(dial->dial.nouns[0].kind, rcml::NounKind::Client);
        QCOMPARE(dial->dial.nouns[0].target, QStringLiteral("bob"));
        QCOMPARE(dial->dial.timeoutSec, 12);
        DialOutcome outcome{QStringLiteral("completed"), QStringLiteral("CA9"), 2, 30};
        EXPECT_STEP(step::Hangup, hangup, interpreter.onDialFinished(outcome));
        QVERIFY(interpreter.finished());
    }

    void dialWithoutActionContinuesWithNextVerb() {
        Interpreter interpreter(aliceCallsA(), app());
        interpreter.start();
        EXPECT_STEP(step::Dial, first,
                    interpreter.onFetched(200, response("<Dial>bob@example.com</Dial>"
                                                        "<Dial><Number>2002</Number></Dial>")));
        QCOMPARE(first->dial.nouns[0].kind, rcml::NounKind::Sip);
        EXPECT_STEP(step::Dial, second,
                    interpreter.onDialFinished({QStringLiteral("busy"), {}, 0, 0}));
        QCOMPARE(second->dial.nouns[0].target, QStringLiteral("2002"));
        EXPECT_STEP(step::Hangup, hangup,
                    interpreter.onDialFinished({QStringLiteral("no-answer"), {}, 30, 0}));
    }

    void hangupStopsTheDocument() {
        Interpreter interpreter(aliceCallsA(), app());
        interpreter.start();
        EXPECT_STEP(step::Hangup, hangup,
                    interpreter.onFetched(200, response("<Hangup/><Dial>1</Dial>")));
        QVERIFY(interpreter.finished());
    }

    void rejectCodes_data() {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<int>("sipCode");
        QTest::newRow("busy") << QByteArray(R"(<Reject reason="busy"/>)") << 486;
        QTest::newRow("rejected") << QByteArray(R"(<Reject reason="rejected"/>)") << 603;
        QTest::newRow("default") << QByteArray("<Reject/>") << 603;
    }
    void rejectCodes() {
        QFETCH(QByteArray, verb);
        QFETCH(int, sipCode);
        Interpreter interpreter(aliceCallsA(), app());
        interpreter.start();
        EXPECT_STEP(step::Reject, reject,
                    interpreter.onFetched(200, response(verb + "<Dial>1</Dial>")));
        QCOMPARE(reject->sipCode, sipCode);
        QVERIFY(interpreter.finished());
    }

    void pauseWaitsThenContinues() {
        Interpreter interpreter(aliceCallsA(), app());
        interpreter.start();
        EXPECT_STEP(step::Pause, first,
                    interpreter.onFetched(200, response(R"(<Pause length="4"/><Pause/>)"
                                                        R"(<Dial>1</Dial>)")));
        QCOMPARE(first->seconds, 4);
        EXPECT_STEP(step::Pause, second, interpreter.onPauseDone());
        QCOMPARE(second->seconds, 1);
        EXPECT_STEP(step::Dial, dial, interpreter.onPauseDone());
    }

    void unsupportedVerbsAreSkippedWithWarning() {
        Interpreter interpreter(aliceCallsA(), app());
        interpreter.start();
        EXPECT_STEP(step::Dial, dial,
                    interpreter.onFetched(200, response("<Say>Hello</Say><Play>x.wav</Play>"
                                                        "<Dial>1</Dial>")));
        const QStringList warnings = interpreter.takeWarnings();
        QCOMPARE(warnings, QStringList({QStringLiteral("verb Say not supported yet, skipped"),
                                        QStringLiteral("verb Play not supported yet, skipped")}));
        QVERIFY(interpreter.takeWarnings().isEmpty());  // taken means gone
    }

    void conferenceAndEmptyDialAreSkippedWithWarning() {
        Interpreter interpreter(aliceCallsA(), app());
        interpreter.start();
        EXPECT_STEP(step::Reject, reject,
                    interpreter.onFetched(200, response("<Dial><Conference>room</Conference>"
                                                        "</Dial><Dial><Number> </Number></Dial>"
                                                        "<Reject/>")));
        const QStringList warnings = interpreter.takeWarnings();
        QCOMPARE(warnings.size(), 2);
        QVERIFY2(warnings[0].contains(QStringLiteral("Conference")), qPrintable(warnings[0]));
        QVERIFY2(warnings[1].contains(QStringLiteral("<Dial>")), qPrintable(warnings[1]));
    }

    void documentWarningsAreForwarded() {
        Interpreter interpreter(aliceCallsA(), app());
        interpreter.start();
        interpreter.onFetched(200, response(R"(<Dial record="true">1</Dial>)"));
        const QStringList warnings = interpreter.takeWarnings();
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings[0].contains(QStringLiteral("record")));
    }

    void dialActionCarriesOutcome_data() {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("dialCallSid");
        QTest::addColumn<int>("ring");
        QTest::addColumn<int>("talk");
        QTest::addColumn<QString>("sentSid");
        QTest::addColumn<QString>("sentTalk");
        QTest::newRow("completed") << "completed"
                                   << "CA42" << 3 << 61 << "CA42"
                                   << "61";
        QTest::newRow("busy") << "busy"
                              << "CA43" << 1 << 0 << "CA43"
                              << "0";
        QTest::newRow("no-answer") << "no-answer"
                                   << "CA44" << 30 << 0 << "CA44"
                                   << "0";
        QTest::newRow("failed") << "failed"
                                << "" << 0 << 0 << "null"
                                << "0";
        QTest::newRow("canceled") << "canceled"
                                  << "CA45" << 3 << 0 << "CA45"
                                  << "0";
        // A leg that never answered cannot have talked, whatever the I/O side measured.
        QTest::newRow("busy with stray duration") << "busy"
                                                  << "CA46" << 2 << 9 << "CA46"
                                                  << "0";
    }
    void dialActionCarriesOutcome() {
        QFETCH(QString, status);
        QFETCH(QString, dialCallSid);
        QFETCH(int, ring);
        QFETCH(int, talk);
        QFETCH(QString, sentSid);
        QFETCH(QString, sentTalk);
        Interpreter interpreter(aliceCallsA(), app(), referExtras());
        interpreter.start();
        interpreter.setCallStatus(QStringLiteral("in-progress"));
        EXPECT_STEP(step::Dial, dial,
                    interpreter.onFetched(200, response(R"(<Dial action="after.xml">)"
                                                        R"(<Number>carol</Number></Dial>)")));
        EXPECT_STEP(step::Fetch, action,
                    interpreter.onDialFinished({status, dialCallSid, ring, talk}));
        QCOMPARE(action->url, QStringLiteral("http://app.example:8090/apps/after.xml"));
        QCOMPARE(action->method, QStringLiteral("POST"));  // Dial's default, not the app's GET

        Params expected = interpreter.requestParams();
        QCOMPARE(paramValue(expected, "CallStatus"), QStringLiteral("in-progress"));
        expected.append({"DialRingDuration", QString::number(ring)});
        expected.append({"DialCallSid", sentSid});
        expected.append({"DialCallStatus", status});
        expected.append({"DialCallDuration", sentTalk});
        expected.append({"RecordingUrl", QString()});
        expected.append({"PublicRecordingUrl", QString()});
        QCOMPARE(action->params, expected);
    }

    void dialActionUsesDialMethod() {
        Interpreter interpreter(aliceCallsA(), app());
        interpreter.start();
        interpreter.onFetched(200, response(R"(<Dial action="/a" method="GET">1</Dial>)"));
        EXPECT_STEP(step::Fetch, action,
                    interpreter.onDialFinished({QStringLiteral("failed"), {}, 0, 0}));
        QCOMPARE(action->method, QStringLiteral("GET"));
        QCOMPARE(action->url, QStringLiteral("http://app.example:8090/a"));
    }

    void actionDocumentReplacesTheRest() {
        Interpreter interpreter(aliceCallsA(), app());
        interpreter.start();
        interpreter.onFetched(200, response(R"(<Dial action="next.xml">1</Dial>)"
                                            R"(<Reject reason="busy"/>)"));
        interpreter.onDialFinished({QStringLiteral("busy"), QStringLiteral("CA1"), 1, 0});
        EXPECT_STEP(step::Dial, again,
                    interpreter.onFetched(200, response("<Dial><Client>bob</Client></Dial>")));
        QCOMPARE(again->dial.nouns[0].target, QStringLiteral("bob"));
        // The old document's <Reject> is gone: the new one ends, so the call hangs up.
        EXPECT_STEP(step::Hangup, hangup,
                    interpreter.onDialFinished({QStringLiteral("completed"), "CA2", 1, 5}));
    }

    void actionFailureFailsWithoutFallback_data() {
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("HTTP 500") << 500 << QByteArray() << "HTTP 500";
        QTest::newRow("not RCML") << 200 << QByteArray("<html/>") << "<html>";
        QTest::newRow("connection refused") << -1 << QByteArray() << "connection refused";
    }
    void actionFailureFailsWithoutFallback() {
        QFETCH(int, httpStatus);
        QFETCH(QByteArray, body);
        QFETCH(QString, reasonPart);
        Interpreter interpreter(aliceCallsA(), app(kFallbackUrl));
        interpreter.start();
        interpreter.onFetched(200, response(R"(<Dial action="next.xml">1</Dial><Hangup/>)"));
        interpreter.onDialFinished({QStringLiteral("busy"), {}, 0, 0});
        const Step result = httpStatus < 0
                                ? interpreter.onFetchFailed(QStringLiteral("connection refused"))
                                : interpreter.onFetched(httpStatus, body);
        EXPECT_STEP(step::Failed, failed, result);
        QVERIFY2(failed->reason.contains(reasonPart), qPrintable(failed->reason));
        QVERIFY2(failed->reason.contains(QStringLiteral("next.xml")), qPrintable(failed->reason));
        QVERIFY(interpreter.finished());
    }

    void referExtrasRideOnFirstRequestAndDialAction() {
        Interpreter interpreter(aliceCallsA(), app(), referExtras());
        EXPECT_STEP(step::Fetch, first, interpreter.start());
        for (const Params *params : {&first->params}) {
            QCOMPARE(paramValue(*params, "ReferTarget"), QStringLiteral("carol"));
            QCOMPARE(paramValue(*params, "Transferor"), QStringLiteral("+131313"));
            QCOMPARE(paramValue(*params, "Transferee"), QStringLiteral("bob"));
        }
        // Restcomm's ReferTest checks these literal bytes.
        QVERIFY(formEncode(first->params)
                    .contains("&ReferTarget=carol&Transferor=%2B131313"
                              "&Transferee=bob"));
        interpreter.onFetched(200, response(R"(<Dial action="/after">)"
                                            R"(<Number>carol</Number></Dial>)"));
        EXPECT_STEP(step::Fetch, action,
                    interpreter.onDialFinished({QStringLiteral("no-answer"), "CA3", 30, 0}));
        QVERIFY(formEncode(action->params)
                    .contains("&ReferTarget=carol&Transferor=%2B131313&Transferee=bob&"
                              "DialRingDuration=30&DialCallSid=CA3&DialCallStatus=no-answer&"
                              "DialCallDuration=0&RecordingUrl=&PublicRecordingUrl="));
        QCOMPARE(names(action->params).mid(11, 3),
                 QStringList({"ReferTarget", "Transferor", "Transferee"}));
    }

    void setCallStatusChangesLaterRequests() {
        Interpreter interpreter(aliceCallsA(), app());
        EXPECT_STEP(step::Fetch, first, interpreter.start());
        QCOMPARE(paramValue(first->params, "CallStatus"), QStringLiteral("ringing"));
        interpreter.setCallStatus(QStringLiteral("in-progress"));
        EXPECT_STEP(step::Fetch, redirect,
                    interpreter.onFetched(200, response("<Redirect>two.xml</Redirect>")));
        QCOMPARE(paramValue(redirect->params, "CallStatus"), QStringLiteral("in-progress"));
        QCOMPARE(interpreter.call().callStatus, QStringLiteral("in-progress"));
    }

    void redirectFetchesAndReplacesTheRest() {
        Interpreter interpreter(aliceCallsA(), app());
        interpreter.start();
        EXPECT_STEP(step::Fetch, redirect,
                    interpreter.onFetched(200, response(R"(<Redirect method="GET">)"
                                                        R"(../other/two.xml?x=1</Redirect>)"
                                                        R"(<Reject/>)")));
        QCOMPARE(redirect->url, QStringLiteral("http://app.example:8090/other/two.xml?x=1"));
        QCOMPARE(redirect->method, QStringLiteral("GET"));
        QCOMPARE(redirect->params, interpreter.requestParams());
        EXPECT_STEP(step::Hangup, hangup, interpreter.onFetched(200, response("")));
    }

    void relativeUrlsResolveAgainstTheRunningDocument() {
        Interpreter interpreter(aliceCallsA(), app());
        interpreter.start();
        EXPECT_STEP(step::Fetch, redirect,
                    interpreter.onFetched(
                        200, response("<Redirect>http://other.example/dir/b.xml</Redirect>")));
        QCOMPARE(redirect->method, QStringLiteral("POST"));
        interpreter.onFetched(200, response(R"(<Dial action="c.xml">1</Dial>)"));
        EXPECT_STEP(step::Fetch, action,
                    interpreter.onDialFinished({QStringLiteral("completed"), "CA1", 1, 1}));
        QCOMPARE(action->url, QStringLiteral("http://other.example/dir/c.xml"));
        interpreter.onFetched(200, response(R"(<Dial action="/root.xml">1</Dial>)"));
        EXPECT_STEP(step::Fetch, second,
                    interpreter.onDialFinished({QStringLiteral("completed"), "CA2", 1, 1}));
        QCOMPARE(second->url, QStringLiteral("http://other.example/root.xml"));
    }

    void redirectToNonHttpUrlFails() {
        Interpreter interpreter(aliceCallsA(), app());
        interpreter.start();
        EXPECT_STEP(
            step::Failed, failed,
            interpreter.onFetched(200, response("<Redirect>file:///etc/passwd</Redirect>")));
        QVERIFY2(failed->reason.contains(QStringLiteral("file:///etc/passwd")),
                 qPrintable(failed->reason));
    }

    void redirectLoopIsStopped() {
        Interpreter interpreter(aliceCallsA(), app());
        interpreter.start();
        const QByteArray loop = response("<Redirect>voice.xml</Redirect>");
        for (int i = 1; i <= Interpreter::kMaxConsecutiveRedirects; ++i) {
            EXPECT_STEP(step::Fetch, fetch, interpreter.onFetched(200, loop));
            QCOMPARE(fetch->url, kAppUrl);
        }
        EXPECT_STEP(step::Failed, failed, interpreter.onFetched(200, loop));
        QVERIFY2(failed->reason.contains(QStringLiteral("Redirect")), qPrintable(failed->reason));
        QVERIFY(interpreter.finished());
    }

    void dialResetsTheRedirectGuard() {
        Interpreter interpreter(aliceCallsA(), app());
        interpreter.start();
        const QByteArray loop = response("<Redirect>voice.xml</Redirect>");
        for (int i = 1; i < Interpreter::kMaxConsecutiveRedirects; ++i) {
            interpreter.onFetched(200, loop);
        }
        // The 10th redirect leads to a Dial, then 10 more redirects are fine again.
        EXPECT_STEP(step::Fetch, tenth,
                    interpreter.onFetched(200, response("<Redirect>dial.xml</Redirect>")));
        EXPECT_STEP(
            step::Dial, dial,
            interpreter.onFetched(
                200, response("<Dial>1</Dial>" + QByteArray("<Redirect>voice.xml</Redirect>"))));
        EXPECT_STEP(step::Fetch, afterDial,
                    interpreter.onDialFinished({QStringLiteral("completed"), "CA1", 1, 1}));
        for (int i = 2; i <= Interpreter::kMaxConsecutiveRedirects; ++i) {
            EXPECT_STEP(step::Fetch, fetch, interpreter.onFetched(200, loop));
        }
        EXPECT_STEP(step::Failed, failed, interpreter.onFetched(200, loop));
    }

    void firstDocumentFailureUsesFallback_data() {
        QTest::addColumn<int>("httpStatus");  // -1: the fetch itself failed
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("HTTP 500") << 500 << QByteArray();
        QTest::newRow("HTTP 404") << 404 << QByteArray();
        QTest::newRow("HTTP 302") << 302 << QByteArray();
        QTest::newRow("not XML") << 200 << QByteArray("oops");
        QTest::newRow("unknown verb") << 200 << response("<Transfer/>");
        QTest::newRow("timeout") << -1 << QByteArray();
    }
    void firstDocumentFailureUsesFallback() {
        QFETCH(int, httpStatus);
        QFETCH(QByteArray, body);
        AppLocation location = app(kFallbackUrl);
        location.fallbackMethod = QStringLiteral("GET");
        Interpreter interpreter(aliceCallsA(), location, referExtras());
        interpreter.start();
        const Step result = httpStatus < 0 ? interpreter.onFetchFailed(QStringLiteral("timeout"))
                                           : interpreter.onFetched(httpStatus, body);
        EXPECT_STEP(step::Fetch, fallback, result);
        QCOMPARE(fallback->url, kFallbackUrl);
        QCOMPARE(fallback->method, QStringLiteral("GET"));
        QCOMPARE(fallback->params, interpreter.requestParams());
        EXPECT_STEP(step::Fetch, redirect,
                    interpreter.onFetched(200, response("<Redirect>b.xml</Redirect>")));
        // The fallback document is now the running one.
        QCOMPARE(redirect->url, QStringLiteral("http://backup.example/b.xml"));
    }

    void relativeFallbackResolvesAgainstAppUrl() {
        Interpreter interpreter(aliceCallsA(), app(QStringLiteral("fallback.xml")));
        interpreter.start();
        EXPECT_STEP(step::Fetch, fallback, interpreter.onFetched(503, {}));
        QCOMPARE(fallback->url, QStringLiteral("http://app.example:8090/apps/fallback.xml"));
        QCOMPARE(fallback->method, QStringLiteral("POST"));
    }

    void fallbackIsTriedOnlyOnce() {
        Interpreter interpreter(aliceCallsA(), app(kFallbackUrl));
        interpreter.start();
        interpreter.onFetched(500, {});
        EXPECT_STEP(step::Failed, failed, interpreter.onFetched(404, {}));
        QVERIFY2(failed->reason.contains(QStringLiteral("HTTP 500")), qPrintable(failed->reason));
        QVERIFY2(failed->reason.contains(QStringLiteral("HTTP 404")), qPrintable(failed->reason));
        QVERIFY2(failed->reason.contains(kFallbackUrl), qPrintable(failed->reason));
    }

    void withoutFallbackFirstFailureFails_data() {
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QStringList>("reasonParts");
        QTest::newRow("HTTP 404") << 404 << QByteArray()
                                  << QStringList{"HTTP 404", "GET " + kAppUrl};
        QTest::newRow("parse error with line")
            << 200 << QByteArray("<Response>\n<Dial>\n</Response>")
            << QStringList{"not well-formed", "line 3", kAppUrl};
        QTest::newRow("DTD") << 200 << QByteArray("<!DOCTYPE Response><Response/>")
                             << QStringList{"DOCTYPE", "line 1"};
        QTest::newRow("fetch failed")
            << -1 << QByteArray() << QStringList{"connection refused", kAppUrl};
    }
    void withoutFallbackFirstFailureFails() {
        QFETCH(int, httpStatus);
        QFETCH(QByteArray, body);
        QFETCH(QStringList, reasonParts);
        Interpreter interpreter(aliceCallsA(), app());
        interpreter.start();
        const Step result = httpStatus < 0
                                ? interpreter.onFetchFailed(QStringLiteral("connection refused"))
                                : interpreter.onFetched(httpStatus, body);
        EXPECT_STEP(step::Failed, failed, result);
        for (const QString &part : reasonParts) {
            QVERIFY2(failed->reason.contains(part), qPrintable(failed->reason));
        }
    }

    void redirectTargetFailureDoesNotUseFallback() {
        Interpreter interpreter(aliceCallsA(), app(kFallbackUrl));
        interpreter.start();
        interpreter.onFetched(200, response("<Redirect>gone.xml</Redirect>"));
        EXPECT_STEP(step::Failed, failed, interpreter.onFetched(404, {}));
        QVERIFY2(failed->reason.contains(QStringLiteral("gone.xml")), qPrintable(failed->reason));
    }

    void fallbackDocumentThatRedirectsAndFailsDoesNotRetry() {
        Interpreter interpreter(aliceCallsA(), app(kFallbackUrl));
        interpreter.start();
        interpreter.onFetchFailed(QStringLiteral("timeout"));
        interpreter.onFetched(200, response("<Redirect>x.xml</Redirect>"));
        EXPECT_STEP(step::Failed, failed, interpreter.onFetched(500, {}));
    }

    void eventsOutOfTurnFail() {
        Interpreter interpreter(aliceCallsA(), app());
        EXPECT_STEP(step::Failed, early, interpreter.onFetched(200, response("<Hangup/>")));
        QVERIFY(early->reason.contains(QStringLiteral("onFetched")));

        Interpreter second(aliceCallsA(), app());
        second.start();
        EXPECT_STEP(step::Failed, dialFirst,
                    second.onDialFinished({QStringLiteral("completed"), {}, 0, 0}));
        QVERIFY(dialFirst->reason.contains(QStringLiteral("onDialFinished")));

        Interpreter third(aliceCallsA(), app());
        third.start();
        third.onFetched(200, response("<Hangup/>"));
        QVERIFY(third.finished());
        EXPECT_STEP(step::Failed, late, third.onPauseDone());
    }
};

QTEST_GUILESS_MAIN(TestInterpreter)
#include "tst_interpreter.moc"
