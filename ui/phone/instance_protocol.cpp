#include "ui/phone/instance_protocol.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTimer>

namespace phone {
namespace {

constexpr int protocolVersion = 1;
constexpr qint64 maxLineBytes = 64 * 1024;

const QList<QPair<InstanceRequest::Command, QString>> &commandNames() {
    static const QList<QPair<InstanceRequest::Command, QString>> names{
        {InstanceRequest::Command::Dial, QStringLiteral("dial")},
        {InstanceRequest::Command::Answer, QStringLiteral("answer")},
        {InstanceRequest::Command::Hangup, QStringLiteral("hangup")},
        {InstanceRequest::Command::Transfer, QStringLiteral("transfer")},
        {InstanceRequest::Command::Status, QStringLiteral("status")},
        {InstanceRequest::Command::Show, QStringLiteral("show")},
        {InstanceRequest::Command::Lab, QStringLiteral("lab")}};
    return names;
}

QByteArray toLine(const QJsonObject &object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

QJsonObject errorResponse(const QString &error) {
    return {{QStringLiteral("ok"), false}, {QStringLiteral("error"), error}};
}

}  // namespace

QString commandName(InstanceRequest::Command command) {
    for (const auto &[value, name] : commandNames()) {
        if (value == command) {
            return name;
        }
    }
    return {};
}

QJsonObject InstanceRequest::toJson() const {
    QJsonObject object{{QStringLiteral("v"), protocolVersion},
                       {QStringLiteral("command"), commandName(command)},
                       {QStringLiteral("phone"), phone}};
    if (command == Command::Dial || command == Command::Transfer) {
        object.insert(QStringLiteral("target"), target);
    }
    return object;
}

std::optional<InstanceRequest> InstanceRequest::fromJson(const QJsonObject &object,
                                                         QString *error) {
    const int version = object.value(QStringLiteral("v")).toInt(0);
    if (version != protocolVersion) {
        *error = QStringLiteral("unsupported protocol version %1 (this ReferPhone speaks %2)")
                     .arg(version)
                     .arg(protocolVersion);
        return std::nullopt;
    }
    const QString name = object.value(QStringLiteral("command")).toString();
    InstanceRequest request;
    bool known = false;
    for (const auto &[value, text] : commandNames()) {
        if (text == name) {
            request.command = value;
            known = true;
        }
    }
    if (!known) {
        *error = QStringLiteral("unknown command \"%1\"").arg(name);
        return std::nullopt;
    }
    request.phone = object.value(QStringLiteral("phone")).toString();
    request.target = object.value(QStringLiteral("target")).toString().trimmed();
    if ((request.command == Command::Dial || request.command == Command::Transfer) &&
        request.target.isEmpty()) {
        *error = QStringLiteral("\"%1\" needs a target").arg(name);
        return std::nullopt;
    }
    return request;
}

QString commandLineHelp() {
    return QStringLiteral(
        "Usage: referphone [--phone NAME] [TARGET | --answer | --hangup | --transfer TARGET | "
        "--status] [--lab]\n"
        "  TARGET             dial it in the running phone (sip:carol@example.org, tel:+1555…, "
        "1002, carol)\n"
        "  --answer           answer the ringing call\n"
        "  --hangup           hang up the current call\n"
        "  --transfer TARGET  blind-transfer the established call to TARGET\n"
        "  --status           print the phones, accounts and calls as JSON\n"
        "  --phone NAME       address one phone of the Lab (default: the normal phone)\n"
        "  --lab              open the Transfer Lab (bundled mini-restcomm, numbers, ladder)\n"
        "  --no-start         with --lab: do not start mini-restcomm when the window opens\n"
        "  --version          print the version\n");
}

CommandLine parseCommandLine(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption answer(QStringLiteral("answer"));
    const QCommandLineOption hangup(QStringLiteral("hangup"));
    const QCommandLineOption status(QStringLiteral("status"));
    const QCommandLineOption lab(QStringLiteral("lab"));
    const QCommandLineOption transfer(QStringLiteral("transfer"), {}, QStringLiteral("target"));
    const QCommandLineOption phoneName(QStringLiteral("phone"), {}, QStringLiteral("name"));
    const QCommandLineOption noStart(QStringLiteral("no-start"));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    const QCommandLineOption version(QStringLiteral("version"));
    parser.addOptions({answer, hangup, status, lab, transfer, phoneName, noStart, help, version});
    parser.addPositionalArgument(QStringLiteral("target"), {});

    CommandLine result;
    if (!parser.parse(QStringList{QStringLiteral("referphone")} + arguments)) {
        result.error = parser.errorText();
        return result;
    }
    result.lab = parser.isSet(lab);
    result.noStart = parser.isSet(noStart);
    result.help = parser.isSet(help);
    result.version = parser.isSet(version);
    QList<InstanceRequest> requests;
    const QString phone = parser.value(phoneName);
    if (parser.isSet(answer)) {
        requests << InstanceRequest{InstanceRequest::Command::Answer, phone, {}};
    }
    if (parser.isSet(hangup)) {
        requests << InstanceRequest{InstanceRequest::Command::Hangup, phone, {}};
    }
    if (parser.isSet(status)) {
        requests << InstanceRequest{InstanceRequest::Command::Status, phone, {}};
    }
    if (parser.isSet(transfer)) {
        const QString target = parser.value(transfer).trimmed();
        if (target.isEmpty()) {
            result.error = QStringLiteral("--transfer needs a target");
            return result;
        }
        requests << InstanceRequest{InstanceRequest::Command::Transfer, phone, target};
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        result.error = QStringLiteral("only one target can be dialled at a time");
        return result;
    }
    if (positional.size() == 1) {
        requests << InstanceRequest{InstanceRequest::Command::Dial, phone,
                                    positional.first().trimmed()};
    }
    if (requests.size() > 1) {
        result.error = QStringLiteral(
            "give one of TARGET, --answer, --hangup, --transfer, "
            "--status");
        return result;
    }
    if (!requests.isEmpty()) {
        result.request = requests.first();
    }
    return result;
}

QString defaultInstanceName() {
    const QString configured = qEnvironmentVariable("REFERPHONE_INSTANCE");
    if (!configured.isEmpty()) {
        return configured;
    }
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty()) {
        user = qEnvironmentVariable("USERNAME");
    }
    return QStringLiteral("referphone-%1").arg(user.isEmpty() ? QStringLiteral("user") : user);
}

InstanceServer::InstanceServer(QString name, Handler handler, QObject *parent)
    : QObject(parent),
      name_(std::move(name)),
      handler_(std::move(handler)),
      server_(new QLocalServer(this)) {
    server_->setSocketOptions(QLocalServer::UserAccessOption);
    connect(server_, &QLocalServer::newConnection, this, &InstanceServer::onConnection);
}

InstanceServer::~InstanceServer() = default;

bool InstanceServer::listen(QString *error) {
    // Probe first: with UserAccessOption Qt binds in a private folder and renames the socket
    // into place, which would silently take the name over from a running instance.
    QLocalSocket probe;
    probe.connectToServer(name_);
    if (probe.waitForConnected(500)) {
        *error = QStringLiteral("another ReferPhone is already running (%1)").arg(name_);
        return false;
    }
    // Nobody answers: a socket file left by a crashed instance may still be there.
    QLocalServer::removeServer(name_);
    if (server_->listen(name_)) {
        return true;
    }
    *error =
        QStringLiteral("cannot listen for commands on %1: %2").arg(name_, server_->errorString());
    return false;
}

void InstanceServer::onConnection() {
    while (QLocalSocket *socket = server_->nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { answer(socket); });
        // A client that connects and says nothing must not stay forever.
        QTimer::singleShot(10000, socket, [socket] { socket->abort(); });
    }
}

void InstanceServer::answer(QLocalSocket *socket) {
    if (!socket->canReadLine()) {
        if (socket->bytesAvailable() > maxLineBytes) {
            socket->write(toLine(errorResponse(QStringLiteral("request too long"))));
            socket->disconnectFromServer();
        }
        return;
    }
    const QByteArray line = socket->readLine(maxLineBytes);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    QJsonObject response;
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        response = errorResponse(QStringLiteral("the request is not a JSON object"));
    } else {
        QString error;
        const auto request = InstanceRequest::fromJson(document.object(), &error);
        response = request ? handler_(*request) : errorResponse(error);
    }
    socket->write(toLine(response));
    socket->flush();
    socket->disconnectFromServer();
}

std::optional<QJsonObject> sendInstanceRequest(const QString &name, const InstanceRequest &request,
                                               int timeoutMs, QString *error) {
    QLocalSocket socket;
    QEventLoop loop;
    QByteArray received;
    bool finished = false;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&socket, &QLocalSocket::connected, &loop,
                     [&] { socket.write(toLine(request.toJson())); });
    QObject::connect(&socket, &QLocalSocket::readyRead, &loop, [&] {
        received += socket.readAll();
        if (received.contains('\n')) {
            finished = true;
            loop.quit();
        }
    });
    QObject::connect(&socket, &QLocalSocket::disconnected, &loop, &QEventLoop::quit);
    QString socketError;
    QObject::connect(&socket, &QLocalSocket::errorOccurred, &loop, [&] {
        if (socketError.isEmpty()) {
            const bool nobody = socket.error() == QLocalSocket::ServerNotFoundError ||
                                socket.error() == QLocalSocket::ConnectionRefusedError;
            socketError = nobody ? QStringLiteral("nothing listens on \"%1\"").arg(name)
                                 : socket.errorString();
        }
        loop.quit();
    });
    socket.connectToServer(name);
    timeout.start(timeoutMs);
    if (socket.state() != QLocalSocket::UnconnectedState) {
        loop.exec();
    }
    if (!finished && socket.isOpen()) {
        received += socket.readAll();
        finished = received.contains('\n');
    }
    if (!finished) {
        *error = socket.state() == QLocalSocket::UnconnectedState && received.isEmpty()
                     ? QStringLiteral("ReferPhone is not running (%1)").arg(socketError)
                     : QStringLiteral("ReferPhone did not answer within %1 ms").arg(timeoutMs);
        return std::nullopt;
    }
    const QJsonDocument document = QJsonDocument::fromJson(received.left(received.indexOf('\n')));
    if (!document.isObject()) {
        *error = QStringLiteral("ReferPhone answered something that is not JSON");
        return std::nullopt;
    }
    return document.object();
}

}  // namespace phone
