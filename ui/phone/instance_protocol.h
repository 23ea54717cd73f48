#pragma once
// Talking to a running ReferPhone: `referphone sip:carol@example.org`, `--answer`, `--hangup`,
// `--transfer TARGET`, `--status`. The first instance listens on a QLocalServer; a later
// `referphone …` connects, sends one request and prints the answer. Protocol: one compact
// JSON object per line, one request and one response per connection.
//   request:  {"v":1, "command":"dial|answer|hangup|transfer|status|show|lab", "phone":"",
//              "target":""}   ("show": a second `referphone` raises the running window;
//              "lab": `referphone --lab` while one runs opens or raises its Transfer Lab)
//   response: {"ok":true, ...} or {"ok":false, "error":"readable text"}
//   status:   {"ok":true, "phones":[{"phone":"default", "account":"sip:…", "registered":true,
//              "calls":[{"id":"…", "peer":"sip:…", "state":"ringing|established|held|
//              transferring|closed", "lastTransfer":{"state":"pending|succeeded|failed|
//              timed out", "target":"sip:…", "text":"…"} or null}],
//              "lastTransfer":{"call":"…", "state":…, "target":…, "sipCode":0, "text":…} or
//              null}]}   (the phone's latest transfer, kept after its call row is gone)
// "phone" names a phone when the Lab runs several; empty means the normal-mode phone.
// No Widgets here: the command-line side must not need a GUI.
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

class QLocalServer;
class QLocalSocket;

namespace phone {

struct InstanceRequest {
    enum class Command { Dial, Answer, Hangup, Transfer, Status, Show, Lab };
    Command command = Command::Status;
    QString phone;   // empty: the default phone
    QString target;  // dial and transfer

    QJsonObject toJson() const;
    // nullopt with a readable `error` when the object is not a valid request.
    static std::optional<InstanceRequest> fromJson(const QJsonObject &object, QString *error);
    bool operator==(const InstanceRequest &) const = default;
};

QString commandName(InstanceRequest::Command command);

// What `referphone …` was asked to do.
struct CommandLine {
    std::optional<InstanceRequest> request;  // none: just start (or raise) the phone
    bool lab = false;                        // --lab: the Transfer Lab window
    bool noStart = false;                    // --no-start: the Lab does not start mini-restcomm
    bool help = false;                       // --help
    bool version = false;                    // --version
    QString error;                           // readable; non-empty means usage error
};
// `arguments` without the program name.
CommandLine parseCommandLine(const QStringList &arguments);
QString commandLineHelp();

// The local socket name for this user (REFERPHONE_INSTANCE overrides it, for tests).
QString defaultInstanceName();

class InstanceServer : public QObject {
    Q_OBJECT
  public:
    using Handler = std::function<QJsonObject(const InstanceRequest &)>;
    InstanceServer(QString name, Handler handler, QObject *parent = nullptr);
    ~InstanceServer() override;
    // False with a readable error when another live instance owns the name or listening fails.
    bool listen(QString *error);
    QString name() const { return name_; }

  private:
    void onConnection();
    void answer(QLocalSocket *socket);

    QString name_;
    Handler handler_;
    QLocalServer *server_;  // child
};

// Sends one request and waits (running an event loop, so a server in the same process can
// answer) for the response. nullopt with a readable error when no instance answers.
std::optional<QJsonObject> sendInstanceRequest(const QString &name, const InstanceRequest &request,
                                               int timeoutMs, QString *error);

}  // namespace phone
