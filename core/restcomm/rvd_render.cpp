#include "restcomm/rvd_render.h"

#include "restcomm/form_encoding.h"

#include <QRegularExpression>
#include <QXmlStreamWriter>

namespace mrc {

namespace rvd {

namespace {

// RvdConfiguration's builtinRestcommParameters: these request parameters become core_<Name>.
const QStringList &builtinParameters() {
    static const QStringList names = {
        QStringLiteral("CallSid"),       QStringLiteral("AccountSid"),
        QStringLiteral("From"),          QStringLiteral("To"),
        QStringLiteral("Body"),          QStringLiteral("CallStatus"),
        QStringLiteral("ApiVersion"),    QStringLiteral("Direction"),
        QStringLiteral("CallerName"),    QStringLiteral("CallTimestamp"),
        QStringLiteral("ForwardedFrom"), QStringLiteral("SmsSid"),
        QStringLiteral("SmsStatus"),     QStringLiteral("InstanceId"),
        QStringLiteral("ReferTarget"),   QStringLiteral("Transferor"),
        QStringLiteral("Transferee")};
    return names;
}

// What RVD's dial step action handler copies into core_ variables.
const QStringList &dialActionParameters() {
    static const QStringList names = {
        QStringLiteral("DialCallStatus"),   QStringLiteral("DialCallSid"),
        QStringLiteral("DialCallDuration"), QStringLiteral("DialRingDuration"),
        QStringLiteral("RecordingUrl"),     QStringLiteral("PublicRecordingUrl")};
    return names;
}

const QString kModulePrefix = QStringLiteral("module_");
const QString kStickyPrefix = QStringLiteral("sticky_");

QString sipHeaderVariable(const QString &headerName) {
    QString name = headerName.toLower();
    for (QChar &c : name) {
        if (!(c.isDigit() || (c >= QLatin1Char('a') && c <= QLatin1Char('z')))) {
            c = QLatin1Char('_');
        }
    }
    return QStringLiteral("core_") + name;
}

}  // namespace

std::optional<Target> parseTarget(const QString &target) {
    const QStringList parts = target.split(QLatin1Char('.'));
    if (parts.isEmpty() || parts.first().isEmpty()) {
        return std::nullopt;
    }
    return Target{parts.value(0), parts.value(1), parts.value(2)};
}

Variables Variables::fromRequest(const Params &params, bool dialAction) {
    Variables variables;
    const QString sipHeader = QStringLiteral("SipHeader_");
    const QString dialSipHeader = QStringLiteral("DialSipHeader_");
    for (const auto &[name, value] : params) {
        QString variable;
        if (builtinParameters().contains(name) ||
            (dialAction && dialActionParameters().contains(name))) {
            variable = QStringLiteral("core_") + name;
        } else if (name.startsWith(sipHeader)) {
            variable = sipHeaderVariable(name.mid(sipHeader.size()));
        } else if (name.startsWith(dialSipHeader)) {
            variable = sipHeaderVariable(name.mid(dialSipHeader.size()));
        } else {
            variable = name;  // sticky_*, module_* and anything else keep their name
        }
        if (!variables.values_.contains(variable)) {  // the first of repeated names wins
            variables.values_.insert(variable, value);
        }
    }
    return variables;
}

QString Variables::value(const QString &name) const {
    for (const QString &candidate : {name, kModulePrefix + name, kStickyPrefix + name}) {
        const auto found = values_.constFind(candidate);
        if (found != values_.constEnd()) {
            return found.value();
        }
    }
    return {};
}

QString Variables::substitute(const QString &text) const {
    static const QRegularExpression variable(QStringLiteral("\\$([A-Za-z]+[A-Za-z0-9_]*)"));
    QString out;
    qsizetype copied = 0;
    auto matches = variable.globalMatch(text);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        out += QStringView(text).mid(copied, match.capturedStart() - copied);
        out += value(match.captured(1));
        copied = match.capturedEnd();
    }
    out += QStringView(text).mid(copied);
    return out;
}

void Variables::clearModuleVariables() {
    for (auto it = values_.begin(); it != values_.end();) {
        it = it.key().startsWith(kModulePrefix) ? values_.erase(it) : std::next(it);
    }
}

Params Variables::persistent() const {
    Params out;
    for (auto it = values_.constBegin(); it != values_.constEnd(); ++it) {
        if (it.key().startsWith(kStickyPrefix) || it.key().startsWith(kModulePrefix)) {
            out.append({it.key(), it.value()});
        }
    }
    return out;
}

}  // namespace rvd

namespace {

using namespace rvd;

// Raised inside a rendering and turned into the hangup document by render().
struct RenderError {
    QString message;
};

// continueTo / nextModule switches allowed in one request: a loop in the project fails
// instead of hanging the server.
constexpr int kMaxModuleSwitches = 32;

class Renderer {
  public:
    Renderer(const rvd::Project &project, const QString &appName, const QString &controllerUrl,
             Variables variables)
        : project_(project),
          appName_(appName),
          controllerUrl_(controllerUrl.isEmpty() ? QStringLiteral("controller") : controllerUrl),
          variables_(std::move(variables)),
          xml_(&rcml_) {}

    QByteArray run(const std::optional<Target> &target, bool hasTarget) {
        xml_.writeStartDocument();
        xml_.writeStartElement(QStringLiteral("Response"));
        if (!hasTarget) {
            renderModule(project_.startNodeName());
        } else if (!target) {
            throw RenderError{QStringLiteral("target: no module given")};
        } else if (target->action.isEmpty()) {
            renderModule(target->module);  // a step without an action renders its module
        } else {
            handleAction(*target);
        }
        xml_.writeEndElement();
        xml_.writeEndDocument();
        return rcml_;
    }

    QStringList warnings;

  private:
    const Node &nodeNamed(const QString &name, const QString &context) const {
        const Node *node = project_.node(name);
        if (node == nullptr) {
            throw RenderError{QStringLiteral("%1: no node named '%2'").arg(context, name)};
        }
        return *node;
    }

    static QString where(const Node &node, const Step &step) {
        return QStringLiteral("node '%1' step '%2' (%3)").arg(node.name, step.name, step.kind);
    }

    void handleAction(const Target &target) {
        const Node &node = nodeNamed(target.module, QStringLiteral("target"));
        const Step *step = node.step(target.step);
        if (step == nullptr) {
            throw RenderError{
                QStringLiteral("target: node '%1' has no step '%2'").arg(node.name, target.step)};
        }
        const auto *dial = std::get_if<DialStep>(&step->body);
        if (dial == nullptr || target.action != QLatin1String("actionhandler")) {
            throw RenderError{QStringLiteral("%1: target: action '%2' is not supported")
                                  .arg(where(node, *step), target.action)};
        }
        if (dial->nextModule.isEmpty()) {
            throw RenderError{
                QStringLiteral("%1: nextModule: not set, nothing to do after the dial")
                    .arg(where(node, *step))};
        }
        switchTo(dial->nextModule, where(node, *step) + QStringLiteral(": nextModule"));
    }

    void switchTo(const QString &module, const QString &context) {
        path_.append(module);
        if (path_.size() > kMaxModuleSwitches) {
            throw RenderError{QStringLiteral("%1: module loop: %2")
                                  .arg(context, path_.join(QStringLiteral(" -> ")))};
        }
        variables_.clearModuleVariables();  // module variables live in one module only
        renderModule(module, context);
    }

    void renderModule(const QString &module, const QString &context = QStringLiteral("target")) {
        if (path_.isEmpty()) {
            path_.append(module);
        }
        const Node &node = nodeNamed(module, context);
        for (const Step &step : node.steps) {
            if (const auto *control = std::get_if<ControlStep>(&step.body)) {
                if (const auto next = runControl(node, step, *control)) {
                    switchTo(*next, where(node, step) + QStringLiteral(": continueTo"));
                    return;  // the rest of this module is not rendered
                }
                continue;
            }
            std::visit([&](const auto &body) { renderStep(node, step, body); }, step.body);
        }
    }

    // --- verbs --------------------------------------------------------------------------

    void attribute(const QString &name, const QString &value) {
        if (!value.isEmpty()) {
            xml_.writeAttribute(name, value);
        }
    }
    void attribute(const QString &name, const std::optional<int> &value) {
        if (value) {
            xml_.writeAttribute(name, QString::number(*value));
        }
    }

    QString controllerUrl(const QString &target, bool withModuleVariables) const {
        QString url = controllerUrl_;
        url += url.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?');
        url += QStringLiteral("target=") + QString::fromLatin1(percentEncode(target));
        for (const auto &[name, value] : variables_.persistent()) {
            if (!withModuleVariables && name.startsWith(QLatin1String("module_"))) {
                continue;
            }
            url += QLatin1Char('&') + QString::fromLatin1(percentEncode(name)) + QLatin1Char('=') +
                   QString::fromLatin1(percentEncode(value));
        }
        return url;
    }

    // RVD's {ctx}: whatever precedes /services/apps/ in the controller URL.
    QString contextUrl() const {
        const qsizetype at = controllerUrl_.indexOf(QLatin1String("/services/apps/"));
        return at < 0 ? QStringLiteral("/restcomm-rvd") : controllerUrl_.left(at);
    }

    void renderStep(const Node &node, const Step &step, const DialStep &dial) {
        xml_.writeStartElement(QStringLiteral("Dial"));
        if (!dial.nextModule.isEmpty()) {
            attribute(QStringLiteral("action"),
                      controllerUrl(node.name + QLatin1Char('.') + step.name +
                                        QStringLiteral(".actionhandler"),
                                    true));
        }
        attribute(QStringLiteral("method"), dial.method);
        attribute(QStringLiteral("timeout"), dial.timeoutSec);
        attribute(QStringLiteral("timeLimit"), dial.timeLimitSec);
        attribute(QStringLiteral("callerId"), variables_.substitute(dial.callerId).trimmed());
        if (dial.record) {
            attribute(QStringLiteral("record"), QStringLiteral("true"));
        }
        for (const DialNoun &noun : dial.nouns) {
            static const char *const elements[] = {"Number", "Client", "Conference", "Sip"};
            xml_.writeStartElement(QLatin1String(elements[static_cast<int>(noun.type)]));
            attribute(QStringLiteral("sendDigits"), noun.sendDigits);
            if (!noun.beforeConnectModule.isEmpty()) {
                attribute(QStringLiteral("url"), controllerUrl(noun.beforeConnectModule, false));
            }
            attribute(QStringLiteral("statusCallback"),
                      variables_.substitute(noun.statusCallback).trimmed());
            xml_.writeCharacters(variables_.substitute(noun.destination).trimmed());
            xml_.writeEndElement();
        }
        xml_.writeEndElement();
    }

    void renderStep(const Node &, const Step &, const SayStep &say) {
        xml_.writeStartElement(QStringLiteral("Say"));
        attribute(QStringLiteral("voice"), say.voice);
        attribute(QStringLiteral("language"), say.language);
        attribute(QStringLiteral("loop"), say.loop);
        xml_.writeCharacters(variables_.substitute(say.phrase));
        xml_.writeEndElement();
    }

    void renderStep(const Node &, const Step &, const PlayStep &play) {
        xml_.writeStartElement(QStringLiteral("Play"));
        attribute(QStringLiteral("loop"), play.loop);
        if (play.local) {
            xml_.writeCharacters(contextUrl() + QStringLiteral("/services/projects/") +
                                 QString::fromLatin1(percentEncode(appName_)) +
                                 QStringLiteral("/wavs/") +
                                 QString::fromLatin1(percentEncode(play.localFilename)));
        } else {
            xml_.writeCharacters(variables_.substitute(play.remoteUrl).trimmed());
        }
        xml_.writeEndElement();
    }

    void renderStep(const Node &, const Step &, const PauseStep &pause) {
        xml_.writeStartElement(QStringLiteral("Pause"));
        attribute(QStringLiteral("length"), pause.lengthSec);
        xml_.writeEndElement();
    }

    void renderStep(const Node &, const Step &, const RedirectStep &redirect) {
        xml_.writeStartElement(QStringLiteral("Redirect"));
        attribute(QStringLiteral("method"), redirect.method);
        xml_.writeCharacters(redirect.url.isEmpty()
                                 ? controllerUrl(redirect.next, false)
                                 : variables_.substitute(redirect.url).trimmed());
        xml_.writeEndElement();
    }

    void renderStep(const Node &, const Step &, const RejectStep &reject) {
        xml_.writeStartElement(QStringLiteral("Reject"));
        attribute(QStringLiteral("reason"), reject.reason);
        xml_.writeEndElement();
    }

    void renderStep(const Node &, const Step &, const HangupStep &) {
        xml_.writeEmptyElement(QStringLiteral("Hangup"));
    }

    void renderStep(const Node &node, const Step &step, const UnsupportedStep &) {
        warnings.append(
            QStringLiteral("%1: step kind not supported, rendered nothing").arg(where(node, step)));
    }

    void renderStep(const Node &, const Step &, const ControlStep &) {}  // handled by the caller

    // --- control ------------------------------------------------------------------------

    // The module to continue to, if an action says so.
    std::optional<QString> runControl(const Node &node, const Step &step,
                                      const ControlStep &control) {
        const QString context = where(node, step);
        bool result = true;  // RVD: no expression means the actions run
        QString pendingOperator;
        for (const QString &token : control.expression) {
            if (token == QLatin1String("AND") || token == QLatin1String("OR")) {
                pendingOperator = token;
                continue;
            }
            const bool value = evaluate(context, conditionNamed(context, control, token));
            // Left to right, no precedence (RVD): "C1 AND C2 OR C3" is ((C1 AND C2) OR C3).
            if (pendingOperator.isEmpty()) {
                result = value;
            } else if (pendingOperator == QLatin1String("AND")) {
                result = result && value;
            } else {
                result = result || value;
            }
        }
        if (!result) {
            return std::nullopt;
        }
        for (const ControlAction &action : control.actions) {
            if (const auto *continueTo = std::get_if<ContinueToAction>(&action)) {
                return continueTo->target;
            }
            if (const auto *assign = std::get_if<AssignAction>(&action)) {
                store(assign->varName, assign->scope, variables_.substitute(assign->expression));
            } else if (const auto *capture = std::get_if<CaptureAction>(&action)) {
                const QRegularExpressionMatch match =
                    QRegularExpression(capture->regex).match(variables_.substitute(capture->data));
                QString captured;
                if (match.hasMatch()) {
                    captured = match.captured(match.lastCapturedIndex() >= 1 ? 1 : 0);
                }
                store(capture->varName, capture->scope, captured);
            }
        }
        return std::nullopt;
    }

    void store(const QString &name, VariableScope scope, const QString &value) {
        variables_.set(
            (scope == VariableScope::App ? QStringLiteral("sticky_") : QStringLiteral("module_")) +
                name,
            value);
    }

    static const Condition &conditionNamed(const QString &context, const ControlStep &control,
                                           const QString &name) {
        for (const Condition &condition : control.conditions) {
            if (condition.name == name) {
                return condition;
            }
        }
        throw RenderError{
            QStringLiteral("%1: conditionExpression: no condition '%2'").arg(context, name)};
    }

    static double number(const QString &context, const Condition &condition, const QString &written,
                         const QString &value) {
        bool ok = false;
        const double parsed = value.trimmed().toDouble(&ok);
        if (!ok) {
            throw RenderError{QStringLiteral("%1: condition %2: '%3' is '%4', not a number")
                                  .arg(context, condition.name, written, value)};
        }
        return parsed;
    }

    bool evaluate(const QString &context, const Condition &condition) const {
        if (condition.op == Operator::Matches) {
            const QRegularExpression regex(QRegularExpression::anchoredPattern(condition.regex));
            return regex.match(variables_.substitute(condition.matchText)).hasMatch();
        }
        const QString left = variables_.substitute(condition.operand1);
        const QString right = variables_.substitute(condition.operand2);
        int order = 0;  // <0, 0, >0 like a comparison function
        if (condition.type == ComparisonType::Numeric) {
            const double a = number(context, condition, condition.operand1, left);
            const double b = number(context, condition, condition.operand2, right);
            order = a < b ? -1 : (a > b ? 1 : 0);
        } else {
            order = left.compare(right);
        }
        switch (condition.op) {
            case Operator::Equals:
                return order == 0;
            case Operator::NotEqual:
                return order != 0;
            case Operator::Greater:
                return order > 0;
            case Operator::GreaterEqual:
                return order >= 0;
            case Operator::Less:
                return order < 0;
            case Operator::LessEqual:
                return order <= 0;  // RVD has >= here (§8 item 19)
            case Operator::Matches:
                break;
        }
        return false;
    }

    const rvd::Project &project_;
    const QString appName_;
    const QString controllerUrl_;
    Variables variables_;
    QStringList path_;  // modules visited in this request, for loop reports
    QByteArray rcml_;
    QXmlStreamWriter xml_;
};

}  // namespace

QByteArray hangupRcml() {
    return QByteArrayLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<Response><Hangup/></Response>");
}

RenderResult render(const rvd::Project &project, const QString &appName,
                    const Params &requestParams, const QString &controllerUrl) {
    const bool hasTarget = hasParam(requestParams, QStringLiteral("target"));
    const QString targetText = paramValue(requestParams, QStringLiteral("target"));
    const std::optional<Target> target = parseTarget(targetText);
    const bool dialAction = target && !target->action.isEmpty();

    RenderResult result;
    result.warnings = project.warnings();
    Renderer renderer(project, appName, controllerUrl,
                      Variables::fromRequest(requestParams, dialAction));
    try {
        result.rcml = renderer.run(target, hasTarget && !targetText.isEmpty());
    } catch (const RenderError &error) {
        result.rcml = hangupRcml();
        result.error = QStringLiteral("RVD app '%1': %2").arg(appName, error.message);
    }
    result.warnings += renderer.warnings;
    return result;
}

}  // namespace mrc
