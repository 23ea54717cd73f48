// RVD state parsing and validation: every error names node, step and field.
#include "restcomm/rvd_project.h"

#include <QtTest>

using namespace mrc;

namespace {

// A one-node project whose only step is `stepJson`.
QByteArray singleStep(const QByteArray &stepJson) {
    return R"({"header":{"startNodeName":"start"},"nodes":[{"name":"start","label":"Start",
              "steps":[)" +
           stepJson + "]}]}";
}

QStringList errorsOf(const QByteArray &json) {
    const auto parsed = rvd::Project::fromJson(json);
    if (const auto *errors = std::get_if<rvd::ParseErrors>(&parsed)) {
        return errors->messages;
    }
    return {};
}

}  // namespace

class TestRvdProject : public QObject {
    Q_OBJECT

  private slots:
    void parsesTheSchemaExample() {
        const QByteArray json = R"({
          "header": {"projectKind": "voice", "startNodeName": "start", "version": "1.15"},
          "nodes": [
            {"name": "start", "label": "Transfer", "kind": "voice", "steps": [
              {"kind": "dial", "name": "step1", "dialNouns": [
                 {"dialType": "number", "destination": "$core_ReferTarget"}],
               "timeout": "25", "nextModule": "module1"}]},
            {"name": "module1", "label": "After dial", "steps": [
              {"kind": "control", "name": "step2",
               "conditions": [{"name": "C1", "operator": "notequal", "comparison":
                  {"operand1": "$core_DialCallStatus", "operand2": "completed", "type": "text"}}],
               "conditionExpression": "C1",
               "actions": [{"name": "A1", "continueTo": {"target": "module2"}}]},
              {"kind": "hungup", "name": "step3"}]},
            {"name": "module2", "label": "Back", "steps": [
              {"kind": "dial", "name": "step4",
               "dialNouns": [{"dialType": "client", "destination": "$core_Transferor"}]}]}]})";
        const auto parsed = rvd::Project::fromJson(json);
        QVERIFY2(std::holds_alternative<rvd::Project>(parsed),
                 qPrintable((std::holds_alternative<rvd::ParseErrors>(parsed)
                                 ? std::get<rvd::ParseErrors>(parsed).joined()
                                 : QString())));
        const auto &project = std::get<rvd::Project>(parsed);
        QCOMPARE(project.startNodeName(), QStringLiteral("start"));
        QCOMPARE(project.nodes().size(), std::size_t(3));
        const rvd::Step *dialStep = project.node(QStringLiteral("start"))->step("step1");
        QVERIFY(dialStep != nullptr);
        const auto &dial = std::get<rvd::DialStep>(dialStep->body);
        QCOMPARE(dial.timeoutSec, std::optional<int>(25));  // a string in RVD's editor
        QCOMPARE(dial.nextModule, QStringLiteral("module1"));
        QCOMPARE(dial.nouns.at(0).destination, QStringLiteral("$core_ReferTarget"));
        const auto &control =
            std::get<rvd::ControlStep>(project.node("module1")->step("step2")->body);
        QCOMPARE(control.conditions.at(0).op, rvd::Operator::NotEqual);
        QCOMPARE(control.expression, QStringList{QStringLiteral("C1")});
        QVERIFY(std::holds_alternative<rvd::HangupStep>(project.node("module1")->steps[1].body));
        QVERIFY(project.warnings().isEmpty());
    }

    void unknownDialTypeNamesNodeStepAndField() {
        const QStringList errors = errorsOf(singleStep(
            R"({"kind":"dial","name":"step1","dialNouns":[{"dialType":"foo","destination":"1"}]})"));
        QCOMPARE(errors, QStringList{QStringLiteral(
                             "node 'start' step 'step1' (dial): dialNouns[0].dialType: unknown "
                             "'foo'")});
    }

    void badStatesAreRefusedWithPreciseErrors_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no header")
            << QByteArray(R"({"nodes":[]})") << "header: missing or not an object";
        QTest::newRow("start node absent")
            << QByteArray(R"({"header":{"startNodeName":"nowhere"},"nodes":[]})")
            << "header.startNodeName: no node named 'nowhere'";
        QTest::newRow("unknown kind") << singleStep(R"({"kind":"dance","name":"step1"})")
                                      << "node 'start' step 'step1' (dance): kind: unknown 'dance'";
        QTest::newRow("nextModule dangling")
            << singleStep(R"({"kind":"dial","name":"step1","nextModule":"gone",
                              "dialNouns":[{"dialType":"client","destination":"bob"}]})")
            << "node 'start' step 'step1' (dial): nextModule: no node named 'gone'";
        QTest::newRow("noun without destination")
            << singleStep(R"({"kind":"dial","name":"step1","dialNouns":[{"dialType":"client"}]})")
            << "node 'start' step 'step1' (dial): dialNouns[0].destination: missing";
        QTest::newRow("bad timeout")
            << singleStep(R"({"kind":"dial","name":"s1","timeout":"soon",
                              "dialNouns":[{"dialType":"client","destination":"bob"}]})")
            << "node 'start' step 's1' (dial): timeout: must be a whole number >= 0";
        QTest::newRow("unknown operator")
            << singleStep(R"({"kind":"control","name":"step2","conditions":[{"name":"C1",
                 "operator":"about","comparison":{"operand1":"a","operand2":"b"}}]})")
            << "node 'start' step 'step2' (control): conditions[0].operator: unknown 'about'";
        QTest::newRow("expression names a missing condition")
            << singleStep(R"({"kind":"control","name":"step2","conditionExpression":"C1 AND C9",
                 "conditions":[{"name":"C1","operator":"equals",
                                "comparison":{"operand1":"a","operand2":"b"}}]})")
            << "node 'start' step 'step2' (control): conditionExpression: 'C9' is not a "
               "condition of this step";
        QTest::newRow("bad comparison type")
            << singleStep(R"({"kind":"control","name":"step2","conditions":[{"name":"C1",
                 "operator":"less","comparison":{"operand1":"1","operand2":"2","type":"roman"}}]})")
            << "node 'start' step 'step2' (control): conditions[0].comparison.type: unknown "
               "'roman' (text or numeric)";
        QTest::newRow("invalid regex")
            << singleStep(
                   "{\"kind\":\"control\",\"name\":\"step2\",\"conditions\":[{\"name\":"
                   "\"C1\",\"operator\":\"matches\",\"matcher\":{\"text\":\"x\","
                   "\"regex\":\"(unclosed\"}}]}")
            << "node 'start' step 'step2' (control): conditions[0].regex: invalid regex";
        QTest::newRow("continueTo dangling")
            << singleStep(R"({"kind":"control","name":"step2",
                              "actions":[{"continueTo":{"target":"elsewhere"}}]})")
            << "node 'start' step 'step2' (control): actions[0].continueTo.target: no node named "
               "'elsewhere'";
        QTest::newRow("reject reason")
            << singleStep(R"({"kind":"reject","name":"step1","reason":"grumpy"})")
            << "node 'start' step 'step1' (reject): reason: unknown 'grumpy' (busy or rejected)";
        QTest::newRow("play type") << singleStep(R"({"kind":"play","name":"step1"})")
                                   << "node 'start' step 'step1' (play): playType: unknown ''";
        QTest::newRow("duplicate node") << QByteArray(R"({"header":{"startNodeName":"a"},"nodes":[
                 {"name":"a","steps":[]},{"name":"a","steps":[]}]})")
                                        << "node 'a': name: duplicate";
        QTest::newRow("step without name") << singleStep(R"({"kind":"hungup"})")
                                           << "node 'start' step steps[0] (hungup): name: missing";
        QTest::newRow("invalid JSON")
            << QByteArray("{\"header\": ") << "state: invalid JSON at offset";
    }
    void badStatesAreRefusedWithPreciseErrors() {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const QStringList errors = errorsOf(json);
        QVERIFY2(!errors.isEmpty(), "the state was accepted");
        QVERIFY2(errors.join('\n').contains(expected), qPrintable(errors.join('\n')));
    }

    void unsupportedKindParsesWithAWarning() {
        const auto parsed = rvd::Project::fromJson(
            singleStep(R"({"kind":"gather","name":"step2"},{"kind":"hungup","name":"step3"})"));
        QVERIFY(std::holds_alternative<rvd::Project>(parsed));
        const auto &project = std::get<rvd::Project>(parsed);
        QCOMPARE(project.warnings().size(), 1);
        QVERIFY2(project.warnings().first().startsWith("node 'start' step 'step2' (gather)"),
                 qPrintable(project.warnings().first()));
        QVERIFY(std::holds_alternative<rvd::UnsupportedStep>(project.nodes()[0].steps[0].body));
    }

    void allErrorsAreReportedNotJustTheFirst() {
        const QStringList errors = errorsOf(singleStep(
            R"({"kind":"dial","name":"step1","dialNouns":[{"dialType":"foo","destination":"1"},
                {"dialType":"client"}]},{"kind":"pause","name":"step2","length":-1})"));
        QCOMPARE(errors.size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestRvdProject)
#include "tst_rvd_project.moc"
