// rcml::parse: verbs, nouns, defaults and normalisation (restcomm-behaviour.md part 2 §3), and
// every way a document is refused (not XML, DTD/entities, size, root, unknown elements, bad
// attribute values).
#include "restcomm/rcml.h"

#include <QElapsedTimer>
#include <QTest>

using namespace mrc::rcml;

Q_DECLARE_METATYPE(mrc::rcml::NounKind)

namespace {

// Parses `xml` and fails the calling test when it is refused.
Document parsedOk(const QByteArray &xml, bool *ok) {
    auto result = parse(xml);
    if (auto *error = std::get_if<ParseError>(&result)) {
        qWarning("unexpected ParseError: %s (line %lld, column %lld)", qPrintable(error->message),
                 error->line, error->column);
        *ok = false;
        return {};
    }
    *ok = true;
    return std::get<Document>(std::move(result));
}

QByteArray response(const QByteArray &body) {
    return "<Response>" + body + "</Response>";
}

}  // namespace

#define PARSE_OK(doc, xml)                          \
    bool doc##Ok = false;                           \
    const Document doc = parsedOk((xml), &doc##Ok); \
    QVERIFY(doc##Ok)

class TestRcmlParser : public QObject {
    Q_OBJECT

  private slots:
    void dialNumberTakesDocumentedDefaults() {
        PARSE_OK(doc, response("<Dial><Number>+15551234</Number></Dial>"));
        QCOMPARE(doc.verbs.size(), 1u);
        const auto *dial = std::get_if<Dial>(&doc.verbs[0]);
        QVERIFY(dial);
        QCOMPARE(dial->nouns.size(), 1u);
        QCOMPARE(dial->nouns[0].kind, NounKind::Number);
        QCOMPARE(dial->nouns[0].target, QStringLiteral("+15551234"));
        QCOMPARE(dial->nouns[0].method, QStringLiteral("POST"));
        QCOMPARE(dial->timeoutSec, 30);
        QCOMPARE(dial->timeLimitSec, 14400);
        QCOMPARE(dial->method, QStringLiteral("POST"));
        QVERIFY(dial->action.isEmpty());
        QVERIFY(dial->callerId.isEmpty());
        QVERIFY(dial->conference.isEmpty());
        QVERIFY(doc.warnings.isEmpty());
    }

    void dialAttributesAreRead() {
        PARSE_OK(doc, response(R"(<Dial action=" /after.xml " method="GET" timeout="10" )"
                               R"(timeLimit="60" callerId="+1999"><Client>bob</Client></Dial>)"));
        const auto &dial = std::get<Dial>(doc.verbs.at(0));
        QCOMPARE(dial.action, QStringLiteral("/after.xml"));
        QCOMPARE(dial.method, QStringLiteral("GET"));
        QCOMPARE(dial.timeoutSec, 10);
        QCOMPARE(dial.timeLimitSec, 60);
        QCOMPARE(dial.callerId, QStringLiteral("+1999"));
    }

    void dialZeroSecondsIsAccepted() {
        PARSE_OK(doc, response(R"(<Dial timeout="0" timeLimit=" 0 "><Number>1</Number></Dial>)"));
        const auto &dial = std::get<Dial>(doc.verbs.at(0));
        QCOMPARE(dial.timeoutSec, 0);
        QCOMPARE(dial.timeLimitSec, 0);
    }

    void emptyNumericAttributeKeepsDefault() {
        PARSE_OK(doc, response(R"(<Dial timeout="" timeLimit=" "><Number>1</Number></Dial>)"
                               R"(<Pause length=""/>)"));
        QCOMPARE(std::get<Dial>(doc.verbs.at(0)).timeoutSec, 30);
        QCOMPARE(std::get<Dial>(doc.verbs.at(0)).timeLimitSec, 14400);
        QCOMPARE(std::get<Pause>(doc.verbs.at(1)).lengthSec, 1);
    }

    void methodIsNormalised_data() {
        QTest::addColumn<QByteArray>("attribute");
        QTest::addColumn<QString>("expected");
        QTest::newRow("absent") << QByteArray() << "POST";
        QTest::newRow("GET") << QByteArray(R"( method="GET")") << "GET";
        QTest::newRow("get lower case") << QByteArray(R"( method="get")") << "GET";
        QTest::newRow("POST") << QByteArray(R"( method="POST")") << "POST";
        QTest::newRow("PUT becomes POST") << QByteArray(R"( method="PUT")") << "POST";
        QTest::newRow("DELETE becomes POST") << QByteArray(R"( method="DELETE")") << "POST";
        QTest::newRow("empty") << QByteArray(R"( method="")") << "POST";
    }
    void methodIsNormalised() {
        QFETCH(QByteArray, attribute);
        QFETCH(QString, expected);
        PARSE_OK(doc, response("<Dial" + attribute + "><Number" + attribute + ">1</Number></Dial>" +
                               "<Redirect" + attribute + ">http://x/y</Redirect>"));
        QCOMPARE(std::get<Dial>(doc.verbs.at(0)).method, expected);
        QCOMPARE(std::get<Dial>(doc.verbs.at(0)).nouns.at(0).method, expected);
        QCOMPARE(std::get<Redirect>(doc.verbs.at(1)).method, expected);
    }

    void nounsKeepOrderKindAndTrimmedText() {
        PARSE_OK(doc, response("<Dial>\n  <Number>\n  +1 </Number>\n  <Client> alice\t</Client>"
                               "<Sip>  sip:carol@127.0.0.1:5090 </Sip>"
                               "<Uri>sip:dave@example.com</Uri></Dial>"));
        const auto &nouns = std::get<Dial>(doc.verbs.at(0)).nouns;
        QCOMPARE(nouns.size(), 4u);
        QCOMPARE(nouns[0].kind, NounKind::Number);
        QCOMPARE(nouns[0].target, QStringLiteral("+1"));
        QCOMPARE(nouns[1].kind, NounKind::Client);
        QCOMPARE(nouns[1].target, QStringLiteral("alice"));
        QCOMPARE(nouns[2].kind, NounKind::Sip);
        QCOMPARE(nouns[2].target, QStringLiteral("sip:carol@127.0.0.1:5090"));
        QCOMPARE(nouns[3].kind, NounKind::Sip);  // Uri is the deprecated spelling of Sip
        QCOMPARE(nouns[3].target, QStringLiteral("sip:dave@example.com"));
    }

    void nounScreeningUrlIsKeptWithWarning() {
        PARSE_OK(doc,
                 response(R"(<Dial><Number url=" screen.xml " method="GET">1</Number></Dial>)"));
        const auto &noun = std::get<Dial>(doc.verbs.at(0)).nouns.at(0);
        QCOMPARE(noun.url, QStringLiteral("screen.xml"));
        QCOMPARE(noun.method, QStringLiteral("GET"));
        QCOMPARE(doc.warnings.size(), 1);
        QVERIFY(doc.warnings[0].contains(QStringLiteral("url")));
    }

    void characterReferencesAreDecoded() {
        PARSE_OK(doc, response("<Dial><Number>&#43;1212</Number></Dial>"
                               "<Redirect>http://h/a?x=1&amp;y=2</Redirect>"));
        QCOMPARE(std::get<Dial>(doc.verbs.at(0)).nouns.at(0).target, QStringLiteral("+1212"));
        QCOMPARE(std::get<Redirect>(doc.verbs.at(1)).url, QStringLiteral("http://h/a?x=1&y=2"));
    }

    void bareDialTextPicksNoun_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<NounKind>("kind");
        QTest::addColumn<QString>("target");
        QTest::newRow("number") << QByteArray(" +15551234 ") << NounKind::Number << "+15551234";
        QTest::newRow("digits") << QByteArray("1234") << NounKind::Number << "1234";
        QTest::newRow("sip uri") << QByteArray("sip:bob@127.0.0.1") << NounKind::Sip
                                 << "sip:bob@127.0.0.1";
        QTest::newRow("user@host")
            << QByteArray("bob@example.com") << NounKind::Sip << "bob@example.com";
        QTest::newRow("client prefix") << QByteArray("clientalice") << NounKind::Client << "alice";
        QTest::newRow("client: prefix") << QByteArray("client:bob") << NounKind::Client << "bob";
        QTest::newRow("Client upper case is a number")
            << QByteArray("Client1") << NounKind::Number << "Client1";
    }
    void bareDialTextPicksNoun() {
        QFETCH(QByteArray, text);
        QFETCH(NounKind, kind);
        QFETCH(QString, target);
        PARSE_OK(doc, response("<Dial timeout=\"5\">" + text + "</Dial>"));
        const auto &dial = std::get<Dial>(doc.verbs.at(0));
        QCOMPARE(dial.nouns.size(), 1u);
        QCOMPARE(dial.nouns[0].kind, kind);
        QCOMPARE(dial.nouns[0].target, target);
        QCOMPARE(dial.timeoutSec, 5);
    }

    void emptyNounsAreLeftOut() {
        PARSE_OK(doc, response("<Dial><Number>  </Number><Client/></Dial><Dial>  </Dial>"));
        QCOMPARE(doc.verbs.size(), 2u);
        QVERIFY(std::get<Dial>(doc.verbs[0]).nouns.empty());
        QVERIFY(std::get<Dial>(doc.verbs[1]).nouns.empty());
    }

    void conferenceIsRecorded() {
        PARSE_OK(doc, response("<Dial><Conference> room1 </Conference></Dial>"));
        const auto &dial = std::get<Dial>(doc.verbs.at(0));
        QCOMPARE(dial.conference, QStringLiteral("room1"));
        QVERIFY(dial.nouns.empty());
    }

    void dialRecordAndHangupOnStarWarn() {
        PARSE_OK(doc, response(R"(<Dial record="true" hangupOnStar="true"><Number>1</Number>)"
                               R"(</Dial>)"));
        QCOMPARE(doc.warnings.size(), 2);
        QVERIFY(doc.warnings[0].contains(QStringLiteral("record")));
        QVERIFY(doc.warnings[1].contains(QStringLiteral("hangupOnStar")));
    }

    void hangup() {
        PARSE_OK(doc, response("<Hangup/>"));
        QCOMPARE(doc.verbs.size(), 1u);
        QVERIFY(std::holds_alternative<Hangup>(doc.verbs[0]));
    }

    void rejectReason_data() {
        QTest::addColumn<QByteArray>("attribute");
        QTest::addColumn<bool>("busy");
        QTest::newRow("default is rejected") << QByteArray() << false;
        QTest::newRow("busy") << QByteArray(R"( reason="busy")") << true;
        QTest::newRow("rejected") << QByteArray(R"( reason="rejected")") << false;
        QTest::newRow("anything else is rejected") << QByteArray(R"( reason="nope")") << false;
    }
    void rejectReason() {
        QFETCH(QByteArray, attribute);
        QFETCH(bool, busy);
        PARSE_OK(doc, response("<Reject" + attribute + "/>"));
        QCOMPARE(std::get<Reject>(doc.verbs.at(0)).busy, busy);
    }

    void pauseLength() {
        PARSE_OK(doc, response(R"(<Pause/><Pause length="7"/><Pause length="0"/>)"));
        QCOMPARE(std::get<Pause>(doc.verbs.at(0)).lengthSec, 1);
        QCOMPARE(std::get<Pause>(doc.verbs.at(1)).lengthSec, 7);
        QCOMPARE(std::get<Pause>(doc.verbs.at(2)).lengthSec, 0);
    }

    void redirect() {
        PARSE_OK(doc, response("<Redirect>\n  next.xml \n</Redirect>"
                               "<Redirect method=\"GET\">http://h/x</Redirect>"));
        QCOMPARE(std::get<Redirect>(doc.verbs.at(0)).url, QStringLiteral("next.xml"));
        QCOMPARE(std::get<Redirect>(doc.verbs.at(0)).method, QStringLiteral("POST"));
        QCOMPARE(std::get<Redirect>(doc.verbs.at(1)).method, QStringLiteral("GET"));
    }

    void otherKnownVerbsAreUnsupported_data() {
        QTest::addColumn<QByteArray>("element");
        QTest::addColumn<QString>("verb");
        QTest::newRow("Say") << QByteArray(R"(<Say voice="woman">Hello</Say>)") << "Say";
        QTest::newRow("Play") << QByteArray("<Play>http://h/a.wav</Play>") << "Play";
        QTest::newRow("Gather with nested verbs")
            << QByteArray(R"(<Gather numDigits="1"><Say>press</Say><Pause/></Gather>)") << "Gather";
        QTest::newRow("Record") << QByteArray("<Record/>") << "Record";
        QTest::newRow("Sms") << QByteArray(R"(<Sms to="1">hi</Sms>)") << "Sms";
        QTest::newRow("Email") << QByteArray("<Email>x</Email>") << "Email";
        QTest::newRow("Fax") << QByteArray("<Fax>x</Fax>") << "Fax";
        QTest::newRow("UssdMessage") << QByteArray("<UssdMessage>x</UssdMessage>") << "UssdMessage";
    }
    void otherKnownVerbsAreUnsupported() {
        QFETCH(QByteArray, element);
        QFETCH(QString, verb);
        PARSE_OK(doc, response(element + "<Hangup/>"));
        QCOMPARE(doc.verbs.size(), 2u);  // nested elements are skipped, not read as verbs
        QCOMPARE(std::get<Unsupported>(doc.verbs[0]).verb, verb);
        QVERIFY(std::holds_alternative<Hangup>(doc.verbs[1]));
    }

    void verbOrderIsKept() {
        PARSE_OK(doc, response("<Say>x</Say><Pause/><Dial>1</Dial><Reject/><Hangup/>"));
        QCOMPARE(doc.verbs.size(), 5u);
        QVERIFY(std::holds_alternative<Unsupported>(doc.verbs[0]));
        QVERIFY(std::holds_alternative<Pause>(doc.verbs[1]));
        QVERIFY(std::holds_alternative<Dial>(doc.verbs[2]));
        QVERIFY(std::holds_alternative<Reject>(doc.verbs[3]));
        QVERIFY(std::holds_alternative<Hangup>(doc.verbs[4]));
    }

    void prologCommentsAndEmptyResponseAreFine() {
        PARSE_OK(doc, QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- app -->\n"
                                 "<Response><!-- nothing --></Response>\n<!-- end -->\n"));
        QVERIFY(doc.verbs.empty());
    }

    void strayTextIsIgnoredWithWarning() {
        PARSE_OK(doc, response("hello<Hangup/>"));
        QCOMPARE(doc.verbs.size(), 1u);
        QCOMPARE(doc.warnings.size(), 1);
        QVERIFY(doc.warnings[0].contains(QStringLiteral("hello")));
    }

    void documentAtTheSizeLimitIsAccepted() {
        QByteArray xml = response("<Hangup/>");
        QVERIFY(std::holds_alternative<Document>(parse(xml, xml.size())));
        QVERIFY(std::holds_alternative<ParseError>(parse(xml, xml.size() - 1)));
    }

    void refused_data() {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QString>("messagePart");
        QTest::addColumn<qint64>("line");  // 0 = not checked

        QTest::newRow("empty") << QByteArray() << "empty" << qint64(0);
        QTest::newRow("whitespace only") << QByteArray(" \n\t ") << "empty" << qint64(0);
        QTest::newRow("not XML") << QByteArray("hello world") << "not well-formed" << qint64(1);
        QTest::newRow("unclosed verb") << QByteArray("<Response>\n<Hangup/>\n<Dial>\n</Response>")
                                       << "not well-formed" << qint64(4);
        QTest::newRow("unterminated")
            << QByteArray("<Response><Dial>1</Dial>") << "not well-formed" << qint64(1);
        QTest::newRow("garbage after root")
            << QByteArray("<Response/>\n<Hangup/>") << "not well-formed" << qint64(2);
        QTest::newRow("undeclared entity")
            << response("<Dial>&xxe;</Dial>") << "not well-formed" << qint64(1);
        QTest::newRow("malformed inside unsupported verb")
            << response("<Gather><Say></Gather>") << "not well-formed" << qint64(1);
        QTest::newRow("doctype") << QByteArray("<!DOCTYPE Response>\n<Response/>") << "DOCTYPE"
                                 << qint64(1);
        QTest::newRow("internal entity")
            << QByteArray(
                   "<!DOCTYPE Response [<!ENTITY n \"+1555\">]>"
                   "<Response><Dial><Number>&n;</Number></Dial></Response>")
            << "DOCTYPE" << qint64(1);
        QTest::newRow("external entity (XXE)")
            << QByteArray(
                   "<?xml version=\"1.0\"?>\n<!DOCTYPE Response [\n"
                   "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n"
                   "<Response><Dial><Number>&xxe;</Number></Dial></Response>")
            << "DOCTYPE" << qint64(0);
        QTest::newRow("external DTD")
            << QByteArray(
                   "<!DOCTYPE Response SYSTEM \"http://127.0.0.1:1/evil.dtd\">"
                   "<Response/>")
            << "DOCTYPE" << qint64(1);
        QTest::newRow("parameter entity")
            << QByteArray(
                   "<!DOCTYPE Response [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/p\"> %p;]>"
                   "<Response/>")
            << "DOCTYPE" << qint64(0);
        // Qt accepts a DOCTYPE inside an element and then expands its entities.
        QTest::newRow("doctype inside an element")
            << response("<Dial>\n<!DOCTYPE r [<!ENTITY n \"+1555\">]>&n;</Dial>") << "DOCTYPE"
            << qint64(2);
        QTest::newRow("doctype inside a noun")
            << response("<Dial><Number><!DOCTYPE r [<!ENTITY n \"1\">]>&n;</Number></Dial>")
            << "DOCTYPE" << qint64(1);
        QTest::newRow("doctype inside an unsupported verb")
            << response("<Say><!DOCTYPE r [<!ENTITY n \"1\">]>&n;</Say>") << "DOCTYPE" << qint64(1);
        QTest::newRow("doctype between verbs")
            << response("<Hangup/><!DOCTYPE r [<!ENTITY n \"1\">]>") << "DOCTYPE" << qint64(1);
        QTest::newRow("wrong root") << QByteArray("<Dial>1</Dial>") << "<Dial>" << qint64(1);
        QTest::newRow("root is case sensitive")
            << QByteArray("<response><Hangup/></response>") << "<response>" << qint64(1);
        QTest::newRow("unknown verb")
            << response("<Hangup/>\n<Transfer/>") << "<Transfer>" << qint64(2);
        QTest::newRow("verb case matters") << response("<hangup/>") << "<hangup>" << qint64(1);
        QTest::newRow("unknown noun")
            << response("<Dial><Phone>1</Phone></Dial>") << "<Phone>" << qint64(1);
        QTest::newRow("element inside noun")
            << response("<Dial><Number><b>1</b></Number></Dial>") << "<b>" << qint64(1);
        QTest::newRow("element inside Redirect")
            << response("<Redirect><x/></Redirect>") << "<x>" << qint64(1);
        QTest::newRow("Redirect without URL")
            << response("<Redirect> </Redirect>") << "Redirect" << qint64(1);
        QTest::newRow("Conference without room")
            << response("<Dial><Conference/></Dial>") << "Conference" << qint64(1);
        QTest::newRow("timeout not a number")
            << response("\n\n<Dial timeout=\"abc\">1</Dial>") << "timeout" << qint64(3);
        QTest::newRow("timeout negative")
            << response(R"(<Dial timeout="-1">1</Dial>)") << "timeout" << qint64(1);
        QTest::newRow("timeout fractional")
            << response(R"(<Dial timeout="1.5">1</Dial>)") << "timeout" << qint64(1);
        QTest::newRow("timeout overflow")
            << response(R"(<Dial timeout="99999999999">1</Dial>)") << "timeout" << qint64(1);
        QTest::newRow("timeLimit not a number")
            << response(R"(<Dial timeLimit="1h">1</Dial>)") << "timeLimit" << qint64(1);
        QTest::newRow("timeLimit negative")
            << response(R"(<Dial timeLimit="-5">1</Dial>)") << "timeLimit" << qint64(1);
        QTest::newRow("Pause length not a number")
            << response(R"(<Pause length="ten"/>)") << "length" << qint64(1);
        QTest::newRow("Pause length negative")
            << response(R"(<Pause length="-3"/>)") << "length" << qint64(1);
    }
    void refused() {
        QFETCH(QByteArray, xml);
        QFETCH(QString, messagePart);
        QFETCH(qint64, line);
        const auto result = parse(xml);
        const auto *error = std::get_if<ParseError>(&result);
        QVERIFY2(error, "document was accepted");
        QVERIFY2(error->message.contains(messagePart), qPrintable(error->message));
        if (line > 0) {
            QCOMPARE(error->line, line);
            QVERIFY(error->column > 0);
        }
    }

    void billionLaughsIsRefusedQuickly() {
        QByteArray xml =
            "<?xml version=\"1.0\"?>\n<!DOCTYPE Response [\n"
            "<!ENTITY lol \"lol\">\n";
        xml += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n";
        for (int i = 2; i <= 9; ++i) {
            QByteArray entity = "<!ENTITY lol" + QByteArray::number(i) + " \"";
            for (int j = 0; j < 10; ++j) {
                entity += "&lol" + QByteArray::number(i - 1) + ";";
            }
            xml += entity + "\">\n";
        }
        xml += "]>\n<Response><Dial><Number>&lol9;</Number></Dial></Response>";
        QElapsedTimer timer;
        timer.start();
        const auto result = parse(xml);
        QVERIFY(timer.elapsed() < 1000);
        const auto *error = std::get_if<ParseError>(&result);
        QVERIFY(error);
        QVERIFY2(error->message.contains(QStringLiteral("DOCTYPE")), qPrintable(error->message));
    }

    void billionLaughsInsideAnElementIsRefused() {
        QByteArray dtd = "<!DOCTYPE r [<!ENTITY l0 \"lol\">";
        for (int i = 1; i <= 9; ++i) {
            dtd += "<!ENTITY l" + QByteArray::number(i) + " \"" +
                   QByteArray("&l" + QByteArray::number(i - 1) + ";").repeated(10) + "\">";
        }
        dtd += "]>";
        QElapsedTimer timer;
        timer.start();
        const auto result = parse(response("<Dial>" + dtd + "&l9;</Dial>"));
        QVERIFY(timer.elapsed() < 1000);
        const auto *error = std::get_if<ParseError>(&result);
        QVERIFY(error);
        QVERIFY2(error->message.contains(QStringLiteral("DOCTYPE")), qPrintable(error->message));
    }

    void tooLargeIsRefusedBeforeParsing() {
        QByteArray big = "<Response>" + QByteArray(kDefaultMaxDocumentBytes, ' ') + "</Response>";
        const auto result = parse(big);
        const auto *error = std::get_if<ParseError>(&result);
        QVERIFY(error);
        QVERIFY2(error->message.contains(QString::number(kDefaultMaxDocumentBytes)),
                 qPrintable(error->message));

        const auto small = parse(response("<Hangup/>"), 10);
        QVERIFY(std::holds_alternative<ParseError>(small));
        QVERIFY(std::get<ParseError>(small).message.contains(QStringLiteral("limit of 10")));
    }
};

QTEST_GUILESS_MAIN(TestRcmlParser)
#include "tst_rcml_parser.moc"
