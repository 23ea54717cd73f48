#include "restcomm/rvd_project.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

namespace mrc {

namespace rvd {

const Step *Node::step(const QString &stepName) const {
    for (const Step &candidate : steps) {
        if (candidate.name == stepName) {
            return &candidate;
        }
    }
    return nullptr;
}

}  // namespace rvd

namespace {

using namespace rvd;

// Kinds RVD's StepJsonDeserializer accepts; the ones we render are handled explicitly.
const QStringList &knownStepKinds() {
    static const QStringList kinds = {QStringLiteral("say"),
                                      QStringLiteral("play"),
                                      QStringLiteral("gather"),
                                      QStringLiteral("dial"),
                                      QStringLiteral("hungup"),
                                      QStringLiteral("control"),
                                      QStringLiteral("externalService"),
                                      QStringLiteral("log"),
                                      QStringLiteral("redirect"),
                                      QStringLiteral("reject"),
                                      QStringLiteral("pause"),
                                      QStringLiteral("sms"),
                                      QStringLiteral("email"),
                                      QStringLiteral("record"),
                                      QStringLiteral("fax"),
                                      QStringLiteral("ussdSay"),
                                      QStringLiteral("ussdCollect"),
                                      QStringLiteral("ussdLanguage")};
    return kinds;
}

// A module name used by a step, checked once every node is known.
struct ModuleReference {
    QString where;  // "node 'x' step 'y' (dial): nextModule"
    QString module;
};

// Reads one step's fields, recording errors prefixed with where they are.
class FieldReader {
  public:
    FieldReader(QString where, QStringList &errors) : where_(std::move(where)), errors_(errors) {}

    void error(const QString &field, const QString &problem) {
        errors_.append(QStringLiteral("%1: %2: %3").arg(where_, field, problem));
    }

    // Absent or null -> empty; numbers are accepted as their decimal text (a destination such
    // as 1001 is often written as a JSON number).
    QString text(const QJsonObject &object, const QString &key, const QString &field) {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull()) {
            return {};
        }
        if (value.isString()) {
            return value.toString();
        }
        if (value.isDouble()) {
            return QString::number(value.toDouble(), 'g', 17);
        }
        error(field, QStringLiteral("must be a string"));
        return {};
    }
    QString text(const QJsonObject &object, const QString &key) { return text(object, key, key); }

    // Absent, null or "" -> nullopt; RVD's editor stores numbers as JSON numbers or strings.
    std::optional<int> count(const QJsonObject &object, const QString &key) {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull()) {
            return std::nullopt;
        }
        if (value.isDouble()) {
            const double number = value.toDouble();
            if (number >= 0 && number <= 1e9 && number == static_cast<int>(number)) {
                return static_cast<int>(number);
            }
        } else if (value.isString()) {
            const QString trimmed = value.toString().trimmed();
            if (trimmed.isEmpty()) {
                return std::nullopt;
            }
            bool ok = false;
            const int number = trimmed.toInt(&ok);
            if (ok && number >= 0) {
                return number;
            }
        }
        error(key, QStringLiteral("must be a whole number >= 0"));
        return std::nullopt;
    }

    bool flag(const QJsonObject &object, const QString &key) {
        const QJsonValue value = object.value(key);
        if (value.isBool()) {
            return value.toBool();
        }
        if (value.isString()) {
            return value.toString() == QLatin1String("true");
        }
        if (!value.isUndefined() && !value.isNull()) {
            error(key, QStringLiteral("must be true or false"));
        }
        return false;
    }

    QJsonArray array(const QJsonObject &object, const QString &key) {
        const QJsonValue value = object.value(key);
        if (value.isArray()) {
            return value.toArray();
        }
        if (!value.isUndefined() && !value.isNull()) {
            error(key, QStringLiteral("must be an array"));
        }
        return {};
    }

    QJsonObject object(const QJsonValue &value, const QString &field) {
        if (value.isObject()) {
            return value.toObject();
        }
        error(field, value.isUndefined() ? QStringLiteral("missing")
                                         : QStringLiteral("must be an object"));
        return {};
    }

    void referenceModule(const QString &field, const QString &module,
                         std::vector<ModuleReference> &references) {
        if (!module.isEmpty()) {
            references.push_back({QStringLiteral("%1: %2").arg(where_, field), module});
        }
    }

    const QString &where() const { return where_; }

  private:
    QString where_;
    QStringList &errors_;
};

std::optional<DialType> dialTypeFromName(const QString &name) {
    if (name == QLatin1String("number")) {
        return DialType::Number;
    }
    if (name == QLatin1String("client")) {
        return DialType::Client;
    }
    if (name == QLatin1String("conference")) {
        return DialType::Conference;
    }
    if (name == QLatin1String("sipuri")) {
        return DialType::SipUri;
    }
    return std::nullopt;
}

std::optional<Operator> operatorFromName(const QString &name) {
    static const QList<QPair<QString, Operator>> names = {
        {QStringLiteral("equals"), Operator::Equals},
        {QStringLiteral("notequal"), Operator::NotEqual},
        {QStringLiteral("greater"), Operator::Greater},
        {QStringLiteral("greaterEqual"), Operator::GreaterEqual},
        {QStringLiteral("less"), Operator::Less},
        {QStringLiteral("lessEqual"), Operator::LessEqual},
        {QStringLiteral("matches"), Operator::Matches}};
    for (const auto &[candidate, op] : names) {
        if (candidate == name) {
            return op;
        }
    }
    return std::nullopt;
}

VariableScope scopeFrom(FieldReader &reader, const QJsonObject &object, const QString &field) {
    const QString scope = reader.text(object, QStringLiteral("varScope"), field);
    if (scope.isEmpty() || scope == QLatin1String("mod")) {
        return VariableScope::Module;
    }
    if (scope == QLatin1String("app")) {
        return VariableScope::App;
    }
    reader.error(field, QStringLiteral("unknown '%1' (mod or app)").arg(scope));
    return VariableScope::Module;
}

void checkRegex(FieldReader &reader, const QString &field, const QString &pattern) {
    const QRegularExpression regex(pattern);
    if (!regex.isValid()) {
        reader.error(field, QStringLiteral("invalid regex: %1").arg(regex.errorString()));
    }
}

DialStep parseDial(FieldReader &reader, const QJsonObject &json,
                   std::vector<ModuleReference> &references) {
    DialStep dial;
    const QJsonArray nouns = reader.array(json, QStringLiteral("dialNouns"));
    for (qsizetype i = 0; i < nouns.size(); ++i) {
        const QString field = QStringLiteral("dialNouns[%1]").arg(i);
        const QJsonObject nounJson = reader.object(nouns.at(i), field);
        DialNoun noun;
        const QString typeName =
            reader.text(nounJson, QStringLiteral("dialType"), field + QStringLiteral(".dialType"));
        if (const auto type = dialTypeFromName(typeName)) {
            noun.type = *type;
        } else {
            reader.error(field + QStringLiteral(".dialType"),
                         typeName.isEmpty() ? QStringLiteral("missing")
                                            : QStringLiteral("unknown '%1'").arg(typeName));
        }
        noun.destination = reader
                               .text(nounJson, QStringLiteral("destination"),
                                     field + QStringLiteral(".destination"))
                               .trimmed();
        if (noun.destination.isEmpty()) {
            reader.error(field + QStringLiteral(".destination"), QStringLiteral("missing"));
        }
        noun.sendDigits = reader.text(nounJson, QStringLiteral("sendDigits"),
                                      field + QStringLiteral(".sendDigits"));
        noun.beforeConnectModule = reader.text(nounJson, QStringLiteral("beforeConnectModule"),
                                               field + QStringLiteral(".beforeConnectModule"));
        reader.referenceModule(field + QStringLiteral(".beforeConnectModule"),
                               noun.beforeConnectModule, references);
        noun.statusCallback = reader.text(nounJson, QStringLiteral("statusCallback"),
                                          field + QStringLiteral(".statusCallback"));
        dial.nouns.push_back(std::move(noun));
    }
    if (nouns.isEmpty()) {
        reader.error(QStringLiteral("dialNouns"), QStringLiteral("at least one noun is needed"));
    }
    dial.timeoutSec = reader.count(json, QStringLiteral("timeout"));
    dial.timeLimitSec = reader.count(json, QStringLiteral("timeLimit"));
    dial.callerId = reader.text(json, QStringLiteral("callerId"));
    dial.record = reader.flag(json, QStringLiteral("record"));
    dial.method = reader.text(json, QStringLiteral("method"));
    dial.nextModule = reader.text(json, QStringLiteral("nextModule"));
    reader.referenceModule(QStringLiteral("nextModule"), dial.nextModule, references);
    return dial;
}

SayStep parseSay(FieldReader &reader, const QJsonObject &json) {
    SayStep say;
    say.phrase = reader.text(json, QStringLiteral("phrase"));
    say.voice = reader.text(json, QStringLiteral("voice"));
    say.language = reader.text(json, QStringLiteral("language"));
    say.loop = reader.count(json, QStringLiteral("loop"));
    return say;
}

PlayStep parsePlay(FieldReader &reader, const QJsonObject &json) {
    PlayStep play;
    const QString type = reader.text(json, QStringLiteral("playType"));
    play.loop = reader.count(json, QStringLiteral("loop"));
    if (type == QLatin1String("local")) {
        play.local = true;
        const QJsonObject local =
            reader.object(json.value(QStringLiteral("local")), QStringLiteral("local"));
        play.localFilename = reader.text(local, QStringLiteral("wavLocalFilename"),
                                         QStringLiteral("local.wavLocalFilename"));
        if (play.localFilename.isEmpty() || play.localFilename.contains(QLatin1Char('/'))) {
            reader.error(QStringLiteral("local.wavLocalFilename"),
                         QStringLiteral("must be a file name"));
        }
    } else if (type == QLatin1String("remote")) {
        const QJsonObject remote =
            reader.object(json.value(QStringLiteral("remote")), QStringLiteral("remote"));
        play.remoteUrl =
            reader.text(remote, QStringLiteral("wavUrl"), QStringLiteral("remote.wavUrl"));
        if (play.remoteUrl.isEmpty()) {
            reader.error(QStringLiteral("remote.wavUrl"), QStringLiteral("missing"));
        }
    } else {
        reader.error(QStringLiteral("playType"),
                     QStringLiteral("unknown '%1' (local or remote)").arg(type));
    }
    return play;
}

RedirectStep parseRedirect(FieldReader &reader, const QJsonObject &json,
                           std::vector<ModuleReference> &references) {
    RedirectStep redirect;
    redirect.url = reader.text(json, QStringLiteral("url"));
    redirect.next = reader.text(json, QStringLiteral("next"));
    redirect.method = reader.text(json, QStringLiteral("method"));
    if (redirect.url.isEmpty()) {
        if (redirect.next.isEmpty()) {
            reader.error(QStringLiteral("url"), QStringLiteral("missing (and no 'next' module)"));
        }
        reader.referenceModule(QStringLiteral("next"), redirect.next, references);
    }
    return redirect;
}

RejectStep parseReject(FieldReader &reader, const QJsonObject &json) {
    RejectStep reject;
    reject.reason = reader.text(json, QStringLiteral("reason"));
    if (!reject.reason.isEmpty() && reject.reason != QLatin1String("busy") &&
        reject.reason != QLatin1String("rejected")) {
        reader.error(QStringLiteral("reason"),
                     QStringLiteral("unknown '%1' (busy or rejected)").arg(reject.reason));
    }
    return reject;
}

Condition parseCondition(FieldReader &reader, const QJsonObject &json, const QString &field) {
    Condition condition;
    condition.name = reader.text(json, QStringLiteral("name"), field + QStringLiteral(".name"));
    if (condition.name.isEmpty()) {
        reader.error(field + QStringLiteral(".name"), QStringLiteral("missing"));
    }
    const QString opName =
        reader.text(json, QStringLiteral("operator"), field + QStringLiteral(".operator"));
    if (const auto op = operatorFromName(opName)) {
        condition.op = *op;
    } else {
        reader.error(field + QStringLiteral(".operator"),
                     opName.isEmpty() ? QStringLiteral("missing")
                                      : QStringLiteral("unknown '%1'").arg(opName));
    }
    if (condition.op == Operator::Matches) {
        // RVD keeps `matches` operands in a "matcher"; accept comparison operands as well.
        if (json.value(QStringLiteral("matcher")).isObject()) {
            const QJsonObject matcher = json.value(QStringLiteral("matcher")).toObject();
            condition.matchText = reader.text(matcher, QStringLiteral("text"),
                                              field + QStringLiteral(".matcher.text"));
            condition.regex = reader.text(matcher, QStringLiteral("regex"),
                                          field + QStringLiteral(".matcher.regex"));
        } else {
            const QJsonObject comparison = reader.object(json.value(QStringLiteral("comparison")),
                                                         field + QStringLiteral(".matcher"));
            condition.matchText = reader.text(comparison, QStringLiteral("operand1"),
                                              field + QStringLiteral(".comparison.operand1"));
            condition.regex = reader.text(comparison, QStringLiteral("operand2"),
                                          field + QStringLiteral(".comparison.operand2"));
        }
        checkRegex(reader, field + QStringLiteral(".regex"), condition.regex);
        return condition;
    }
    const QJsonObject comparison = reader.object(json.value(QStringLiteral("comparison")),
                                                 field + QStringLiteral(".comparison"));
    condition.operand1 = reader.text(comparison, QStringLiteral("operand1"),
                                     field + QStringLiteral(".comparison.operand1"));
    condition.operand2 = reader.text(comparison, QStringLiteral("operand2"),
                                     field + QStringLiteral(".comparison.operand2"));
    const QString type =
        reader.text(comparison, QStringLiteral("type"), field + QStringLiteral(".comparison.type"));
    if (type == QLatin1String("numeric")) {
        condition.type = ComparisonType::Numeric;
    } else if (!type.isEmpty() && type != QLatin1String("text")) {
        reader.error(field + QStringLiteral(".comparison.type"),
                     QStringLiteral("unknown '%1' (text or numeric)").arg(type));
    }
    return condition;
}

ControlAction parseControlAction(FieldReader &reader, const QJsonObject &json, const QString &field,
                                 std::vector<ModuleReference> &references) {
    if (json.value(QStringLiteral("continueTo")).isObject()) {
        const QJsonObject continueTo = json.value(QStringLiteral("continueTo")).toObject();
        ContinueToAction action;
        action.target = reader.text(continueTo, QStringLiteral("target"),
                                    field + QStringLiteral(".continueTo.target"));
        if (action.target.isEmpty()) {
            reader.error(field + QStringLiteral(".continueTo.target"), QStringLiteral("missing"));
        }
        reader.referenceModule(field + QStringLiteral(".continueTo.target"), action.target,
                               references);
        return action;
    }
    if (json.value(QStringLiteral("assign")).isObject()) {
        const QJsonObject assign = json.value(QStringLiteral("assign")).toObject();
        const QString prefix = field + QStringLiteral(".assign");
        AssignAction action;
        action.varName =
            reader.text(assign, QStringLiteral("varName"), prefix + QStringLiteral(".varName"));
        action.expression = reader.text(assign, QStringLiteral("expression"),
                                        prefix + QStringLiteral(".expression"));
        action.scope = scopeFrom(reader, assign, prefix + QStringLiteral(".varScope"));
        if (action.varName.isEmpty()) {
            reader.error(prefix + QStringLiteral(".varName"), QStringLiteral("missing"));
        }
        return action;
    }
    if (json.value(QStringLiteral("capture")).isObject()) {
        const QJsonObject capture = json.value(QStringLiteral("capture")).toObject();
        const QString prefix = field + QStringLiteral(".capture");
        CaptureAction action;
        action.varName =
            reader.text(capture, QStringLiteral("varName"), prefix + QStringLiteral(".varName"));
        action.regex =
            reader.text(capture, QStringLiteral("regex"), prefix + QStringLiteral(".regex"));
        action.data =
            reader.text(capture, QStringLiteral("data"), prefix + QStringLiteral(".data"));
        action.scope = scopeFrom(reader, capture, prefix + QStringLiteral(".varScope"));
        if (action.varName.isEmpty()) {
            reader.error(prefix + QStringLiteral(".varName"), QStringLiteral("missing"));
        }
        checkRegex(reader, prefix + QStringLiteral(".regex"), action.regex);
        return action;
    }
    reader.error(field, QStringLiteral("needs one of continueTo, assign, capture"));
    return ContinueToAction{};
}

ControlStep parseControl(FieldReader &reader, const QJsonObject &json,
                         std::vector<ModuleReference> &references) {
    ControlStep control;
    const QJsonArray conditions = reader.array(json, QStringLiteral("conditions"));
    QSet<QString> conditionNames;
    for (qsizetype i = 0; i < conditions.size(); ++i) {
        const QString field = QStringLiteral("conditions[%1]").arg(i);
        Condition condition = parseCondition(reader, reader.object(conditions.at(i), field), field);
        if (conditionNames.contains(condition.name)) {
            reader.error(field + QStringLiteral(".name"),
                         QStringLiteral("duplicate '%1'").arg(condition.name));
        }
        conditionNames.insert(condition.name);
        control.conditions.push_back(std::move(condition));
    }
    const QString expression = reader.text(json, QStringLiteral("conditionExpression"));
    control.expression = expression.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // Shape: condition (operator condition)*, checked here so rendering cannot meet a bad one.
    for (qsizetype i = 0; i < control.expression.size(); ++i) {
        const QString &token = control.expression.at(i);
        const bool wantCondition = i % 2 == 0;
        if (wantCondition && !conditionNames.contains(token)) {
            reader.error(QStringLiteral("conditionExpression"),
                         QStringLiteral("'%1' is not a condition of this step").arg(token));
        } else if (!wantCondition && token != QLatin1String("AND") &&
                   token != QLatin1String("OR")) {
            reader.error(QStringLiteral("conditionExpression"),
                         QStringLiteral("expected AND or OR, found '%1'").arg(token));
        }
    }
    if (control.expression.size() % 2 == 0 && !control.expression.isEmpty()) {
        reader.error(QStringLiteral("conditionExpression"),
                     QStringLiteral("ends with an operator"));
    }
    const QJsonArray actions = reader.array(json, QStringLiteral("actions"));
    for (qsizetype i = 0; i < actions.size(); ++i) {
        const QString field = QStringLiteral("actions[%1]").arg(i);
        control.actions.push_back(
            parseControlAction(reader, reader.object(actions.at(i), field), field, references));
    }
    return control;
}

std::optional<Step> parseStep(const QJsonValue &value, const QString &nodeName, qsizetype index,
                              QStringList &errors, QStringList &warnings,
                              std::vector<ModuleReference> &references) {
    if (!value.isObject()) {
        errors.append(
            QStringLiteral("node '%1' steps[%2]: must be an object").arg(nodeName).arg(index));
        return std::nullopt;
    }
    const QJsonObject json = value.toObject();
    Step step;
    step.kind = json.value(QStringLiteral("kind")).toString();
    step.name = json.value(QStringLiteral("name")).toString();
    step.label = json.value(QStringLiteral("label")).toString();
    const QString stepId = step.name.isEmpty() ? QStringLiteral("steps[%1]").arg(index)
                                               : QStringLiteral("'%1'").arg(step.name);
    FieldReader reader(QStringLiteral("node '%1' step %2 (%3)").arg(nodeName, stepId, step.kind),
                       errors);
    if (step.name.isEmpty()) {
        reader.error(QStringLiteral("name"), QStringLiteral("missing"));
    }
    if (step.kind == QLatin1String("dial")) {
        step.body = parseDial(reader, json, references);
    } else if (step.kind == QLatin1String("say")) {
        step.body = parseSay(reader, json);
    } else if (step.kind == QLatin1String("play")) {
        step.body = parsePlay(reader, json);
    } else if (step.kind == QLatin1String("pause")) {
        step.body = PauseStep{reader.count(json, QStringLiteral("length"))};
    } else if (step.kind == QLatin1String("redirect")) {
        step.body = parseRedirect(reader, json, references);
    } else if (step.kind == QLatin1String("reject")) {
        step.body = parseReject(reader, json);
    } else if (step.kind == QLatin1String("hungup")) {
        step.body = HangupStep{};
    } else if (step.kind == QLatin1String("control")) {
        step.body = parseControl(reader, json, references);
    } else if (knownStepKinds().contains(step.kind)) {
        step.body = UnsupportedStep{};
        warnings.append(
            QStringLiteral("%1: step kind not supported, renders nothing").arg(reader.where()));
    } else {
        reader.error(QStringLiteral("kind"), step.kind.isEmpty()
                                                 ? QStringLiteral("missing")
                                                 : QStringLiteral("unknown '%1'").arg(step.kind));
    }
    return step;
}

}  // namespace

namespace rvd {

const Node *Project::node(const QString &name) const {
    for (const Node &candidate : nodes_) {
        if (candidate.name == name) {
            return &candidate;
        }
    }
    return nullptr;
}

std::variant<Project, ParseErrors> Project::fromJson(const QByteArray &stateJson) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(stateJson, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return ParseErrors{{QStringLiteral("state: invalid JSON at offset %1: %2")
                                .arg(parseError.offset)
                                .arg(parseError.errorString())}};
    }
    if (!document.isObject()) {
        return ParseErrors{{QStringLiteral("state: must be a JSON object")}};
    }
    return fromState(document.object());
}

std::variant<Project, ParseErrors> Project::fromState(const QJsonObject &state) {
    Project project;
    QStringList errors;
    std::vector<ModuleReference> references;

    const QJsonValue header = state.value(QStringLiteral("header"));
    if (!header.isObject()) {
        errors.append(QStringLiteral("header: missing or not an object"));
    } else {
        project.startNodeName_ =
            header.toObject().value(QStringLiteral("startNodeName")).toString();
        if (project.startNodeName_.isEmpty()) {
            errors.append(QStringLiteral("header.startNodeName: missing"));
        }
    }

    const QJsonValue nodes = state.value(QStringLiteral("nodes"));
    if (!nodes.isArray()) {
        errors.append(QStringLiteral("nodes: missing or not an array"));
    }
    const QJsonArray nodeArray = nodes.toArray();
    QSet<QString> nodeNames;
    for (qsizetype i = 0; i < nodeArray.size(); ++i) {
        if (!nodeArray.at(i).isObject()) {
            errors.append(QStringLiteral("nodes[%1]: must be an object").arg(i));
            continue;
        }
        const QJsonObject nodeJson = nodeArray.at(i).toObject();
        Node node;
        node.name = nodeJson.value(QStringLiteral("name")).toString();
        node.label = nodeJson.value(QStringLiteral("label")).toString();
        if (node.name.isEmpty()) {
            errors.append(QStringLiteral("nodes[%1].name: missing").arg(i));
            continue;
        }
        if (node.name.contains(QLatin1Char('.'))) {
            // '.' separates module, step and action in a controller target.
            errors.append(QStringLiteral("node '%1': name: must not contain '.'").arg(node.name));
        }
        if (nodeNames.contains(node.name)) {
            errors.append(QStringLiteral("node '%1': name: duplicate").arg(node.name));
        }
        nodeNames.insert(node.name);
        const QJsonValue steps = nodeJson.value(QStringLiteral("steps"));
        if (!steps.isArray()) {
            errors.append(
                QStringLiteral("node '%1': steps: missing or not an array").arg(node.name));
        }
        QSet<QString> stepNames;
        const QJsonArray stepArray = steps.toArray();
        for (qsizetype s = 0; s < stepArray.size(); ++s) {
            auto step =
                parseStep(stepArray.at(s), node.name, s, errors, project.warnings_, references);
            if (!step) {
                continue;
            }
            if (!step->name.isEmpty() && stepNames.contains(step->name)) {
                errors.append(QStringLiteral("node '%1' step '%2': name: duplicate")
                                  .arg(node.name, step->name));
            }
            stepNames.insert(step->name);
            node.steps.push_back(std::move(*step));
        }
        project.nodes_.push_back(std::move(node));
    }

    if (!project.startNodeName_.isEmpty() && nodes.isArray() &&
        !nodeNames.contains(project.startNodeName_)) {
        errors.append(
            QStringLiteral("header.startNodeName: no node named '%1'").arg(project.startNodeName_));
    }
    for (const ModuleReference &reference : references) {
        if (!nodeNames.contains(reference.module)) {
            errors.append(
                QStringLiteral("%1: no node named '%2'").arg(reference.where, reference.module));
        }
    }

    if (!errors.isEmpty()) {
        return ParseErrors{errors};
    }
    return project;
}

}  // namespace rvd

}  // namespace mrc
