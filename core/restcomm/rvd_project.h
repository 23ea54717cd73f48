#pragma once
// An RVD (Restcomm Visual Designer) project: the `state` JSON of restcomm-behaviour.md part 2
// §5.3 parsed into plain values and validated. Pure: no I/O, no rendering (see rvd_render.h).
// Everything lives in mrc::rvd (mrc::RvdProject is the config document's {name, state} pair).
#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>
#include <variant>
#include <vector>

namespace mrc {

namespace rvd {

enum class DialType { Number, Client, Conference, SipUri };

struct DialNoun {
    DialType type = DialType::Number;
    QString destination;  // may hold $variables
    QString sendDigits;
    QString beforeConnectModule;  // rendered as the noun's screening `url`
    QString statusCallback;       // may hold $variables
};

struct DialStep {
    std::vector<DialNoun> nouns;
    std::optional<int> timeoutSec;
    std::optional<int> timeLimitSec;
    QString callerId;  // may hold $variables
    bool record = false;
    QString method;      // empty = RCML default
    QString nextModule;  // non-empty = the Dial gets an action back to this controller
};

struct SayStep {
    QString phrase;  // may hold $variables
    QString voice;
    QString language;
    std::optional<int> loop;
};

struct PlayStep {
    bool local = false;  // playType "local": a file of the project's wavs/, else a remote URL
    QString localFilename;
    QString remoteUrl;  // may hold $variables
    std::optional<int> loop;
};

struct PauseStep {
    std::optional<int> lengthSec;
};

struct RedirectStep {
    QString url;   // may hold $variables; wins over `next`
    QString next;  // module of this project
    QString method;
};

struct RejectStep {
    QString reason;  // "busy", "rejected" or empty
};

struct HangupStep {};

enum class Operator { Equals, NotEqual, Greater, GreaterEqual, Less, LessEqual, Matches };
enum class ComparisonType { Text, Numeric };

struct Condition {
    QString name;  // "C1", referenced by the conditionExpression
    Operator op = Operator::Equals;
    ComparisonType type = ComparisonType::Text;
    QString operand1;  // comparison operands, may hold $variables
    QString operand2;
    QString matchText;  // `matches`: text (may hold $variables) and a whole-string regex
    QString regex;
};

enum class VariableScope { Module, App };  // RVD's varScope "mod" / "app" (sticky)

struct AssignAction {
    QString varName;
    QString expression;  // may hold $variables
    VariableScope scope = VariableScope::Module;
};
struct ContinueToAction {
    QString target;  // module name
};
struct CaptureAction {
    QString varName;
    QString regex;  // the first capture group (or the whole match) is stored
    QString data;   // may hold $variables
    VariableScope scope = VariableScope::Module;
};
using ControlAction = std::variant<AssignAction, ContinueToAction, CaptureAction>;

struct ControlStep {
    std::vector<Condition> conditions;
    QStringList expression;  // tokens "C1", "AND", "C2", "OR", ...; empty = true (RVD)
    std::vector<ControlAction> actions;
};

// A kind RVD knows (gather, sms, record, ...) that we parse but do not render.
struct UnsupportedStep {};

using StepBody = std::variant<DialStep, SayStep, PlayStep, PauseStep, RedirectStep, RejectStep,
                              HangupStep, ControlStep, UnsupportedStep>;

struct Step {
    QString kind;  // as written in the JSON ("hungup", sic)
    QString name;  // "step1"
    QString label;
    StepBody body;
};

struct Node {
    QString name;  // module name, the first part of a controller `target`
    QString label;
    std::vector<Step> steps;

    const Step *step(const QString &stepName) const;
};

// Every problem found in a state document, each naming where it is, e.g.
// "node 'start' step 'step1' (dial): dialNouns[0].dialType: unknown 'foo'".
struct ParseErrors {
    QStringList messages;
    QString joined() const { return messages.join(QStringLiteral("; ")); }
};

class Project {
  public:
    static std::variant<Project, ParseErrors> fromState(const QJsonObject &state);
    // JSON text; a syntax error is reported with its byte offset.
    static std::variant<Project, ParseErrors> fromJson(const QByteArray &stateJson);

    const QString &startNodeName() const { return startNodeName_; }
    const std::vector<Node> &nodes() const { return nodes_; }
    const Node *node(const QString &name) const;  // nullptr when absent
    // Things that parse but will not render (unsupported step kinds), each naming the step.
    const QStringList &warnings() const { return warnings_; }

  private:
    Project() = default;

    QString startNodeName_;
    std::vector<Node> nodes_;
    QStringList warnings_;
};

}  // namespace rvd

}  // namespace mrc
