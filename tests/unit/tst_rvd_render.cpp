// RVD rendering to RCML: each step kind, $variables, control steps, and the Lab "transfer"
// project end to end (checked with mini-restcomm's own RCML parser too).
#include "restcomm/rcml.h"
#include "restcomm/rvd_render.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QtTest>

using namespace mrc;

// Some literals below are not raw strings on purpose: moc 6.4 mis-lexes raw strings that hold
// "//", "(" after a quote, and a few other sequences, and then finds no test class.

namespace {

const QString kController =
    QStringLiteral("http://127.0.0.1:8080/restcomm-rvd/services/apps/app/controller");

std::optional<rvd::Project> projectFrom(const QByteArray &json) {
    auto parsed = rvd::Project::fromJson(json);
    if (auto *errors = std::get_if<rvd::ParseErrors>(&parsed)) {
        qWarning("project refused: %s", qPrintable(errors->joined()));
        return std::nullopt;
    }
    return std::get<rvd::Project>(std::move(parsed));
}

QByteArray withStartSteps(const QByteArray &steps, const QByteArray &moreNodes = {}) {
    return R"({"header":{"startNodeName":"start"},"nodes":[{"name":"start","steps":[)" + steps +
           "]}" + moreNodes + "]}";
}

// The RCML without its XML declaration, for exact comparisons.
QByteArray body(const QByteArray &rcml) {
    QByteArray out = rcml;
    if (out.startsWith("<?xml")) {
        out = out.mid(out.indexOf("?>") + 2);
    }
    return out.trimmed();
}

Params params(std::initializer_list<QPair<QString, QString>> list) {
    return Params(list);
}

// The Lab's "transfer" project, read from the shipped configuration.
std::optional<rvd::Project> labProject(const QString &name) {
    QFile file(QStringLiteral(REFERPHONE_SOURCE_DIR "/resources/lab/lab-config.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    const QJsonArray projects =
        QJsonDocument::fromJson(file.readAll()).object().value("rvd_projects").toArray();
    for (const QJsonValue &entry : projects) {
        if (entry.toObject().value("name").toString() == name) {
            return projectFrom(QJsonDocument(entry.toObject().value("state").toObject()).toJson());
        }
    }
    return std::nullopt;
}

}  // namespace

class TestRvdRender : public QObject {
    Q_OBJECT

  private slots:
    void eachStepKindRenders_data() {
        QTest::addColumn<QByteArray>("steps");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("dial all attributes and nouns")
            << QByteArray(R"({"kind":"dial","name":"s1","timeout":20,"timeLimit":"60",
                "callerId":"1001","record":true,"dialNouns":[
                {"dialType":"number","destination":"+34600"},
                {"dialType":"client","destination":"bob"},
                {"dialType":"sipuri","destination":"sip:carol@127.0.0.1"},
                {"dialType":"conference","destination":"room1"}]})")
            << QByteArray(R"(<Response><Dial timeout="20" timeLimit="60" callerId="1001" )"
                          R"(record="true"><Number>+34600</Number><Client>bob</Client>)"
                          R"(<Sip>sip:carol@127.0.0.1</Sip><Conference>room1</Conference>)"
                          R"(</Dial></Response>)");
        QTest::newRow("dial without nextModule has no action")
            << QByteArray(R"({"kind":"dial","name":"s1",
                              "dialNouns":[{"dialType":"client","destination":"bob"}]})")
            << QByteArray("<Response><Dial><Client>bob</Client></Dial></Response>");
        QTest::newRow("say") << QByteArray(R"({"kind":"say","name":"s1","phrase":"Hello there",
                                              "voice":"woman","language":"en-gb","loop":2})")
                             << QByteArray(R"(<Response><Say voice="woman" language="en-gb" )"
                                           R"(loop="2">Hello there</Say></Response>)");
        QTest::newRow("play remote")
            << QByteArray(
                   "{\"kind\":\"play\",\"name\":\"s1\",\"playType\":\"remote\",\"loop\":0,"
                   "\"remote\":{\"wavUrl\":\"http://media/x.wav\"}}")
            << QByteArray("<Response><Play loop=\"0\">http://media/x.wav</Play></Response>");
        QTest::newRow("play local")
            << QByteArray(R"({"kind":"play","name":"s1","playType":"local",
                              "local":{"wavLocalFilename":"beep.wav"}})")
            << QByteArray(
                   "<Response><Play>http://127.0.0.1:8080/restcomm-rvd/services/"
                   "projects/app/wavs/beep.wav</Play></Response>");
        QTest::newRow("pause") << QByteArray(R"({"kind":"pause","name":"s1","length":3})")
                               << QByteArray(R"(<Response><Pause length="3"/></Response>)");
        QTest::newRow("pause default") << QByteArray(R"({"kind":"pause","name":"s1"})")
                                       << QByteArray("<Response><Pause/></Response>");
        QTest::newRow("redirect url")
            << QByteArray(
                   "{\"kind\":\"redirect\",\"name\":\"s1\",\"url\":\"http://x/app?a=1&b=2\","
                   "\"method\":\"GET\"}")
            << QByteArray(
                   "<Response><Redirect method=\"GET\">http://x/app?a=1&amp;b=2"
                   R"(</Redirect></Response>)");
        QTest::newRow("redirect next")
            << QByteArray(R"({"kind":"redirect","name":"s1","next":"start"})")
            << QByteArray("<Response><Redirect>" + kController.toUtf8() +
                          "?target=start</Redirect></Response>");
        QTest::newRow("reject busy")
            << QByteArray(R"({"kind":"reject","name":"s1","reason":"busy"})")
            << QByteArray(R"(<Response><Reject reason="busy"/></Response>)");
        QTest::newRow("reject default") << QByteArray(R"({"kind":"reject","name":"s1"})")
                                        << QByteArray("<Response><Reject/></Response>");
        QTest::newRow("hungup") << QByteArray(R"({"kind":"hungup","name":"s1"})")
                                << QByteArray("<Response><Hangup/></Response>");
        QTest::newRow("unsupported renders nothing")
            << QByteArray(R"({"kind":"sms","name":"s1"},{"kind":"hungup","name":"s2"})")
            << QByteArray("<Response><Hangup/></Response>");
    }
    void eachStepKindRenders() {
        QFETCH(QByteArray, steps);
        QFETCH(QByteArray, expected);
        const auto project = projectFrom(withStartSteps(steps));
        QVERIFY(project);
        const RenderResult result = render(*project, "app", {}, kController);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(body(result.rcml), expected);
    }

    void coreVariablesAreSubstituted() {
        const auto project = projectFrom(withStartSteps(R"(
            {"kind":"dial","name":"s1","callerId":"$core_Transferee","dialNouns":[
              {"dialType":"number","destination":"$core_ReferTarget"},
              {"dialType":"client","destination":"$core_Transferor"}]})"));
        QVERIFY(project);
        const RenderResult result = render(
            *project, "app",
            params({{"ReferTarget", "carol"}, {"Transferor", "+131313"}, {"Transferee", "alice"}}),
            kController);
        QVERIFY(result.ok());
        QCOMPARE(body(result.rcml),
                 QByteArray(R"(<Response><Dial callerId="alice"><Number>carol</Number>)"
                            R"(<Client>+131313</Client></Dial></Response>)"));
    }

    void substitutedTextIsXmlEscaped() {
        const auto project = projectFrom(
            withStartSteps(R"({"kind":"say","name":"s1","phrase":"to $core_ReferTarget"})"));
        QVERIFY(project);
        const RenderResult result =
            render(*project, "app", params({{"ReferTarget", "a<b&\"c</Say>"}}), kController);
        QCOMPARE(body(result.rcml),
                 QByteArray("<Response><Say>to a&lt;b&amp;&quot;c&lt;/Say&gt;</Say></Response>"));
        QVERIFY(std::holds_alternative<rcml::Document>(rcml::parse(result.rcml)));
    }

    void variableLookupRules_data() {
        QTest::addColumn<QString>("phrase");
        QTest::addColumn<QString>("paramName");
        QTest::addColumn<QString>("paramValue");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown is empty") << "[$nothing_here]"
                                          << "x"
                                          << "1"
                                          << "[]";
        QTest::newRow("builtin becomes core_") << "$core_From"
                                               << "From"
                                               << "alice"
                                               << "alice";
        QTest::newRow("builtin not kept as-is") << "[$From]"
                                                << "From"
                                                << "alice"
                                                << "[]";
        QTest::newRow("other param keeps its name") << "$Color"
                                                    << "Color"
                                                    << "blue"
                                                    << "blue";
        QTest::newRow("sip header") << "$core_x_my_header"
                                    << "SipHeader_X-My-Header"
                                    << "v1"
                                    << "v1";
        QTest::newRow("sticky found without prefix") << "$lang"
                                                     << "sticky_lang"
                                                     << "gr"
                                                     << "gr";
        QTest::newRow("module found without prefix") << "$n"
                                                     << "module_n"
                                                     << "7"
                                                     << "7";
        QTest::newRow("dial status only on a dial action") << "[$core_DialCallStatus]"
                                                           << "DialCallStatus"
                                                           << "busy"
                                                           << "[]";
        QTest::newRow("name ends at non-word") << "$core_To!"
                                               << "To"
                                               << "1001"
                                               << "1001!";
    }
    void variableLookupRules() {
        QFETCH(QString, phrase);
        QFETCH(QString, paramName);
        QFETCH(QString, paramValue);
        QFETCH(QString, expected);
        const QJsonObject step{{"kind", "say"}, {"name", "s1"}, {"phrase", phrase}};
        const auto project =
            projectFrom(withStartSteps(QJsonDocument(step).toJson(QJsonDocument::Compact)));
        QVERIFY(project);
        const RenderResult result =
            render(*project, "app", params({{paramName, paramValue}}), kController);
        QCOMPARE(body(result.rcml), "<Response><Say>" + expected.toUtf8() + "</Say></Response>");
    }

    void lookupOrderIsAsIsThenModuleThenSticky() {
        const auto project =
            projectFrom(withStartSteps(R"({"kind":"say","name":"s1","phrase":"$a $b"})"));
        QVERIFY(project);
        const RenderResult result = render(*project, "app",
                                           params({{"sticky_a", "sticky"},
                                                   {"module_a", "module"},
                                                   {"sticky_b", "sticky"},
                                                   {"module_b", "module"},
                                                   {"b", "plain"}}),
                                           kController);
        QCOMPARE(body(result.rcml), QByteArray("<Response><Say>module plain</Say></Response>"));
    }

    void labTransferEndToEnd() {
        const auto project = labProject("transfer");
        QVERIFY2(project, "the Lab config has no valid 'transfer' project");
        const Params referRequest = params({{"CallSid", "CA1"},
                                            {"From", "alice"},
                                            {"To", "1001"},
                                            {"ReferTarget", "carol"},
                                            {"Transferor", "bob"},
                                            {"Transferee", "alice"}});

        // 1. The Refer URL request: ring the target, with an action back to this controller.
        const RenderResult first = render(*project, "transfer", referRequest, kController);
        QVERIFY2(first.ok(), qPrintable(first.error));
        const QRegularExpression dialWithAction(QStringLiteral(
            "^<Response><Dial action=\"([^\"]*\\?target=start\\.step1\\.actionhandler)\" "
            "timeout=\"15\">"
            "<Number>carol</Number></Dial></Response>$"));
        const auto match = dialWithAction.match(QString::fromUtf8(body(first.rcml)));
        QVERIFY2(match.hasMatch(), first.rcml.constData());
        QVERIFY(match.captured(1).startsWith(kController));
        const auto parsed = rcml::parse(first.rcml);
        QVERIFY(std::holds_alternative<rcml::Document>(parsed));
        const auto &dial = std::get<rcml::Dial>(std::get<rcml::Document>(parsed).verbs.at(0));
        QCOMPARE(dial.nouns.at(0).kind, rcml::NounKind::Number);
        QCOMPARE(dial.nouns.at(0).target, QStringLiteral("carol"));
        QCOMPARE(dial.action, match.captured(1));

        // 2. The Dial action: Restcomm re-sends the refer values plus the Dial outcome.
        Params action = referRequest;
        action.append(QPair<QString, QString>("target", "start.step1.actionhandler"));
        Params busy = action;
        busy.append(QPair<QString, QString>("DialCallStatus", "busy"));
        const RenderResult ringBack = render(*project, "transfer", busy, kController);
        QVERIFY2(ringBack.ok(), qPrintable(ringBack.error));
        QCOMPARE(body(ringBack.rcml),
                 QByteArray("<Response><Dial><Client>bob</Client></Dial></Response>"));
        const auto parsedRingBack = rcml::parse(ringBack.rcml);
        QVERIFY(std::holds_alternative<rcml::Document>(parsedRingBack));
        const auto &ringBackDial =
            std::get<rcml::Dial>(std::get<rcml::Document>(parsedRingBack).verbs.at(0));
        QCOMPARE(ringBackDial.nouns.at(0).kind, rcml::NounKind::Client);
        QCOMPARE(ringBackDial.nouns.at(0).target, QStringLiteral("bob"));
        QVERIFY(ringBackDial.action.isEmpty());

        Params noAnswer = action;
        noAnswer.append(QPair<QString, QString>("DialCallStatus", "no-answer"));
        QCOMPARE(body(render(*project, "transfer", noAnswer, kController).rcml),
                 QByteArray("<Response><Dial><Client>bob</Client></Dial></Response>"));

        // 3. The target answered and the call ended: nothing more to do.
        Params completed = action;
        completed.append(QPair<QString, QString>("DialCallStatus", "completed"));
        const RenderResult done = render(*project, "transfer", completed, kController);
        QVERIFY2(done.ok(), qPrintable(done.error));
        QCOMPARE(body(done.rcml), QByteArray("<Response><Hangup/></Response>"));
    }

    void controlOperators_data() {
        QTest::addColumn<QString>("op");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("left");
        QTest::addColumn<QString>("right");
        QTest::addColumn<bool>("expected");
        QTest::newRow("equals text") << "equals"
                                     << "text"
                                     << "busy"
                                     << "busy" << true;
        QTest::newRow("equals text case") << "equals"
                                          << "text"
                                          << "Busy"
                                          << "busy" << false;
        QTest::newRow("notequal") << "notequal"
                                  << "text"
                                  << "busy"
                                  << "completed" << true;
        QTest::newRow("notequal same") << "notequal"
                                       << "text"
                                       << "x"
                                       << "x" << false;
        QTest::newRow("equals numeric 5 5.0") << "equals"
                                              << "numeric"
                                              << "5"
                                              << "5.0" << true;
        QTest::newRow("greater numeric") << "greater"
                                         << "numeric"
                                         << "10"
                                         << "9" << true;
        QTest::newRow("greater text") << "greater"
                                      << "text"
                                      << "10"
                                      << "9" << false;
        QTest::newRow("greaterEqual eq") << "greaterEqual"
                                         << "numeric"
                                         << "3"
                                         << "3" << true;
        QTest::newRow("greaterEqual lt") << "greaterEqual"
                                         << "numeric"
                                         << "2"
                                         << "3" << false;
        QTest::newRow("less numeric") << "less"
                                      << "numeric"
                                      << "2"
                                      << "10" << true;
        QTest::newRow("less text") << "less"
                                   << "text"
                                   << "abc"
                                   << "abd" << true;
        QTest::newRow("lessEqual numeric lt") << "lessEqual"
                                              << "numeric"
                                              << "2"
                                              << "3" << true;
        QTest::newRow("lessEqual numeric eq") << "lessEqual"
                                              << "numeric"
                                              << "3"
                                              << "3" << true;
        // RVD has >= here (§8 item 19); we do it right.
        QTest::newRow("lessEqual numeric gt") << "lessEqual"
                                              << "numeric"
                                              << "4"
                                              << "3" << false;
        QTest::newRow("lessEqual text lt") << "lessEqual"
                                           << "text"
                                           << "a"
                                           << "b" << true;
        QTest::newRow("lessEqual text gt") << "lessEqual"
                                           << "text"
                                           << "b"
                                           << "a" << false;
        QTest::newRow("lessEqual numeric not text") << "lessEqual"
                                                    << "numeric"
                                                    << "10"
                                                    << "9" << false;
        QTest::newRow("matches whole") << "matches"
                                       << ""
                                       << "12345"
                                       << "[0-9]+" << true;
        QTest::newRow("matches partial only") << "matches"
                                              << ""
                                              << "12a"
                                              << "[0-9]+" << false;
    }
    void controlOperators() {
        QFETCH(QString, op);
        QFETCH(QString, type);
        QFETCH(QString, left);
        QFETCH(QString, right);
        QFETCH(bool, expected);
        QJsonObject condition{{"name", "C1"}, {"operator", op}};
        if (op == "matches") {
            condition["matcher"] = QJsonObject{{"text", "$left"}, {"regex", right}};
        } else {
            condition["comparison"] =
                QJsonObject{{"operand1", "$left"}, {"operand2", "$right"}, {"type", type}};
        }
        const QJsonObject control{
            {"kind", "control"},
            {"name", "s1"},
            {"conditions", QJsonArray{condition}},
            {"conditionExpression", "C1"},
            {"actions", QJsonArray{QJsonObject{{"continueTo", QJsonObject{{"target", "yes"}}}}}}};
        const auto project = projectFrom(withStartSteps(
            QJsonDocument(control).toJson(QJsonDocument::Compact) +
                R"(,{"kind":"say","name":"s2","phrase":"no"})",
            R"(,{"name":"yes","steps":[{"kind":"say","name":"s3","phrase":"yes"}]})"));
        QVERIFY(project);
        const RenderResult result =
            render(*project, "app", params({{"left", left}, {"right", right}}), kController);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(body(result.rcml), expected ? QByteArray("<Response><Say>yes</Say></Response>")
                                             : QByteArray("<Response><Say>no</Say></Response>"));
    }

    void conditionExpressionIsLeftToRight_data() {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<bool>("expected");
        // T = C1/C3 (x equals x), F = C2 (x equals y)
        QTest::newRow("T OR F AND F") << "C1 OR C2 AND C2" << false;  // with precedence: true
        QTest::newRow("F AND T OR T") << "C2 AND C1 OR C3" << true;
        QTest::newRow("T AND F") << "C1 AND C2" << false;
        QTest::newRow("F OR T") << "C2 OR C3" << true;
        QTest::newRow("empty means true") << "" << true;
    }
    void conditionExpressionIsLeftToRight() {
        QFETCH(QString, expression);
        QFETCH(bool, expected);
        const auto condition = [](const char *name, const char *right) {
            return QJsonObject{
                {"name", name},
                {"operator", "equals"},
                {"comparison",
                 QJsonObject{{"operand1", "x"}, {"operand2", right}, {"type", "text"}}}};
        };
        const QJsonObject control{
            {"kind", "control"},
            {"name", "s1"},
            {"conditions",
             QJsonArray{condition("C1", "x"), condition("C2", "y"), condition("C3", "x")}},
            {"conditionExpression", expression},
            {"actions", QJsonArray{QJsonObject{{"continueTo", QJsonObject{{"target", "yes"}}}}}}};
        const auto project = projectFrom(withStartSteps(
            QJsonDocument(control).toJson(QJsonDocument::Compact) +
                R"(,{"kind":"say","name":"s2","phrase":"no"})",
            R"(,{"name":"yes","steps":[{"kind":"say","name":"s3","phrase":"yes"}]})"));
        QVERIFY(project);
        QCOMPARE(body(render(*project, "app", {}, kController).rcml),
                 expected ? QByteArray("<Response><Say>yes</Say></Response>")
                          : QByteArray("<Response><Say>no</Say></Response>"));
    }

    void assignAndCaptureSetVariables() {
        const auto project = projectFrom(withStartSteps(
            "{\"kind\":\"control\",\"name\":\"s1\",\"actions\":["
            "{\"assign\":{\"varName\":\"who\",\"expression\":\"caller $core_From\"}},"
            "{\"capture\":{\"varName\":\"ext\",\"regex\":\"ext([0-9]+)\",\"data\":\"$core_To\","
            "\"varScope\":\"app\"}}]},"
            "{\"kind\":\"say\",\"name\":\"s2\",\"phrase\":\"$who/$ext/$sticky_ext\"}"));
        QVERIFY(project);
        const RenderResult result =
            render(*project, "app", params({{"From", "alice"}, {"To", "ext42"}}), kController);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(body(result.rcml),
                 QByteArray("<Response><Say>caller alice/42/42</Say></Response>"));
    }

    void actionUrlsCarryStickyAndModuleVariables() {
        const auto project = projectFrom(withStartSteps(R"(
            {"kind":"control","name":"s1","actions":[
              {"assign":{"varName":"m","expression":"a b","varScope":"mod"}},
              {"assign":{"varName":"s","expression":"+1","varScope":"app"}}]},
            {"kind":"dial","name":"s2","nextModule":"next",
             "dialNouns":[{"dialType":"client","destination":"bob"}]})",
                                                        R"(,{"name":"next","steps":[
            {"kind":"say","name":"s3","phrase":"[$m][$s]"}]})"));
        QVERIFY(project);
        const RenderResult first = render(*project, "app", {}, "controller");
        QVERIFY2(first.ok(), qPrintable(first.error));
        QCOMPARE(body(first.rcml),
                 QByteArray("<Response><Dial action=\"controller?target=start.s2.actionhandler"
                            "&amp;module_m=a%20b&amp;sticky_s=%2B1\"><Client>bob</Client>"
                            R"(</Dial></Response>)"));
        // The action request brings them back; the module variable dies with its module.
        const RenderResult next = render(
            *project, "app",
            params({{"target", "start.s2.actionhandler"}, {"module_m", "a b"}, {"sticky_s", "+1"}}),
            "controller");
        QVERIFY2(next.ok(), qPrintable(next.error));
        QCOMPARE(body(next.rcml), QByteArray("<Response><Say>[][+1]</Say></Response>"));
    }

    void errorsRenderHangupAndSayWhy_data() {
        QTest::addColumn<QByteArray>("project");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("expected");
        const QByteArray dial = withStartSteps(
            R"({"kind":"dial","name":"s1","dialNouns":[{"dialType":"client","destination":"b"}]},
               {"kind":"hungup","name":"s2"})");
        QTest::newRow("unknown module") << dial << "nowhere"
                                        << "target: no node named 'nowhere'";
        QTest::newRow("unknown step") << dial << "start.s9.actionhandler"
                                      << "target: node 'start' has no step 's9'";
        QTest::newRow("action of a non-dial")
            << dial << "start.s2.actionhandler"
            << "node 'start' step 's2' (hungup): target: action 'actionhandler' is not supported";
        QTest::newRow("dial action without nextModule")
            << dial << "start.s1.actionhandler"
            << "node 'start' step 's1' (dial): nextModule: not set";
        QTest::newRow("continueTo loop") << QByteArray(R"({"header":{"startNodeName":"a"},"nodes":[
                 {"name":"a","steps":[{"kind":"control","name":"s1",
                   "actions":[{"continueTo":{"target":"b"}}]}]},
                 {"name":"b","steps":[{"kind":"control","name":"s2",
                   "actions":[{"continueTo":{"target":"a"}}]}]}]})")
                                         << ""
                                         << "module loop: a -> b -> a -> b";
        QTest::newRow("numeric comparison of text")
            << withStartSteps(R"({"kind":"control","name":"s1","conditionExpression":"C1",
                 "conditions":[{"name":"C1","operator":"less","comparison":
                   {"operand1":"$core_From","operand2":"3","type":"numeric"}}]})")
            << ""
            << "node 'start' step 's1' (control): condition C1: '$core_From' is 'alice', "
               "not a number";
    }
    void errorsRenderHangupAndSayWhy() {
        QFETCH(QByteArray, project);
        QFETCH(QString, target);
        QFETCH(QString, expected);
        const auto parsed = projectFrom(project);
        QVERIFY(parsed);
        Params request = params({{"From", "alice"}});
        if (!target.isEmpty()) {
            request.append(QPair<QString, QString>("target", target));
        }
        const RenderResult result = render(*parsed, "app", request, kController);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(expected), qPrintable(result.error));
        QCOMPARE(body(result.rcml), QByteArray("<Response><Hangup/></Response>"));
    }

    void targetParsing() {
        const auto full = rvd::parseTarget("mod.step1.actionhandler");
        QVERIFY(full);
        QCOMPARE(full->module, QStringLiteral("mod"));
        QCOMPARE(full->step, QStringLiteral("step1"));
        QCOMPARE(full->action, QStringLiteral("actionhandler"));
        const auto moduleOnly = rvd::parseTarget("mod");
        QVERIFY(moduleOnly && moduleOnly->step.isEmpty() && moduleOnly->action.isEmpty());
        QVERIFY(!rvd::parseTarget(".x"));
    }
};

QTEST_GUILESS_MAIN(TestRvdRender)
#include "tst_rvd_render.moc"
