#include <re.h>

#include "restcomm/server.h"

#include "restcomm/call_registry.h"
#include "restcomm/call_session.h"
#include "restcomm/config_document.h"
#include "restcomm/digest_auth.h"
#include "restcomm/event_stream.h"
#include "restcomm/http_fetcher.h"
#include "restcomm/http_server.h"
#include "restcomm/media_relay.h"
#include "restcomm/re_timer.h"
#include "restcomm/registrar.h"
#include "restcomm/rest_api.h"
#include "restcomm/rvd_controller.h"
#include "restcomm/rvd_store.h"
#include "restcomm/sip_stack.h"
#include "restcomm/sip_text.h"
#include "restcomm/store.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUuid>
#include <algorithm>
#include <cstdio>
#include <unordered_map>

namespace mrc {
namespace {

QString randomHex(int bytes) {
    QByteArray raw(bytes, 0);
    QRandomGenerator::system()->generate(raw.begin(), raw.end());
    return QString::fromLatin1(raw.toHex());
}

void printErr(const QString &text) {
    std::fprintf(stderr, "mini-restcomm: %s\n", text.toLocal8Bit().constData());
    std::fflush(stderr);
}

// One short human line per event for --log-format text.
QByteArray textLine(const QJsonObject &e) {
    const QString type = e.value(u"type").toString();
    QString line = e.value(u"time").toString() + u' ' + type.leftJustified(12);
    if (type == u"sip") {
        line += e.value(u"direction").toString() == u"in" ? QStringLiteral("<- ")
                                                          : QStringLiteral("-> ");
        line += (e.value(u"direction").toString() == u"in" ? e.value(u"src") : e.value(u"dst"))
                    .toString() +
                u' ' + e.value(u"first_line").toString();
    } else if (type == u"http") {
        line += e.value(u"method").toString() + u' ' + e.value(u"url").toString() +
                QStringLiteral(" -> ") + QString::number(e.value(u"status").toInt()) + u' ' +
                e.value(u"error").toString();
    } else {
        QJsonObject rest = e;
        rest.remove(u"type");
        rest.remove(u"time");
        rest.remove(u"seq");
        line += QString::fromUtf8(QJsonDocument(rest).toJson(QJsonDocument::Compact));
    }
    return line.toUtf8();
}

QString hostPortOfProxy(QString proxy) {
    if (proxy.startsWith(u"sip:", Qt::CaseInsensitive)) {
        proxy = proxy.mid(4);
    }
    if (const qsizetype semi = proxy.indexOf(u';'); semi >= 0) {
        proxy = proxy.left(semi);
    }
    return proxy;
}

}  // namespace

class Server {
  public:
    explicit Server(const ServerOptions &options) : options_(options) {}
    int run();

  private:
    bool setUp();
    bool importConfig(const QByteArray &json, const QString &origin);
    bool onSipRequest(const struct sip_msg *msg);
    void onInvite(const struct sip_msg *msg);
    void startSession(const std::function<void(CallSession &)> &start);
    void reapEnded();
    void onHttp(const HttpRequest &request, HttpReply reply);
    void shutdown(int signal);
    void expireBindings();
    static void onSignal(int signal);

    ServerOptions options_;
    QString httpBase_;
    QString instanceId_;
    EventStream events_;
    std::unique_ptr<Store> store_;
    std::unique_ptr<RvdStore> rvd_;
    CallRegistry calls_;
    std::unique_ptr<MediaRelay> relay_;
    std::unique_ptr<HttpFetcher> fetcher_;
    std::unique_ptr<SipStack> sip_;
    std::unique_ptr<DigestAuth> auth_;
    std::unique_ptr<Registrar> registrar_;
    std::unique_ptr<RestApi> restApi_;
    std::unique_ptr<HttpServer> http_;
    std::unique_ptr<CallServices> services_;
    std::unordered_map<CallSession *, std::unique_ptr<CallSession>> sessions_;
    std::vector<std::unique_ptr<CallSession>> ended_;
    ReTimer reaper_;
    ReTimer exitTimer_;
    ReTimer expiryTimer_;
    bool stopping_ = false;
    static Server *instance_;
};

Server *Server::instance_ = nullptr;

bool Server::importConfig(const QByteArray &json, const QString &origin) {
    auto parsed = parseConfig(json);
    if (const QString *error = std::get_if<QString>(&parsed)) {
        printErr(QStringLiteral("%1: %2 (nothing was imported; the store in %3 is unchanged)")
                     .arg(origin, *error, options_.dataDir));
        return false;
    }
    const ConfigDocument &document = std::get<ConfigDocument>(parsed);
    for (const RvdProject &project : document.rvdProjects) {
        if (!RvdStore::isValidName(project.name)) {
            printErr(QStringLiteral("%1: rvd project name '%2' is not valid (letters, digits, _ "
                                    "and - only); nothing was imported")
                         .arg(origin, project.name));
            return false;
        }
    }
    if (const auto error = store_->apply(document)) {
        printErr(QStringLiteral("%1: %2 (nothing was imported)").arg(origin, *error));
        return false;
    }
    for (const RvdProject &project : document.rvdProjects) {
        if (const auto error = rvd_->put(project.name, project.state)) {
            printErr(QStringLiteral("%1: rvd project '%2': %3")
                         .arg(origin, project.name, error->message));
            return false;
        }
    }
    std::printf(
        "mini-restcomm: imported %s: %lld clients, %lld numbers, %lld applications, "
        "%lld RVD projects\n",
        origin.toLocal8Bit().constData(), static_cast<long long>(document.clients.size()),
        static_cast<long long>(document.numbers.size()),
        static_cast<long long>(document.applications.size()),
        static_cast<long long>(document.rvdProjects.size()));
    return true;
}

bool Server::setUp() {
    store_ = std::make_unique<Store>(options_.dataDir);
    if (const auto error = store_->load()) {
        printErr(QStringLiteral("%1\nFix or move the file away; mini-restcomm did not change it.")
                     .arg(*error));
        return false;
    }
    rvd_ = std::make_unique<RvdStore>(options_.dataDir);

    if (!options_.configFile.isEmpty()) {
        QFile file(options_.configFile);
        const QFileInfo info(options_.configFile);
        if (info.isDir() || !file.open(QIODevice::ReadOnly)) {
            printErr(
                QStringLiteral("cannot read --config file %1: %2 (the store in %3 is unchanged)")
                    .arg(options_.configFile,
                         info.isDir() ? QStringLiteral("it is a directory") : file.errorString(),
                         options_.dataDir));
            return false;
        }
        if (!importConfig(file.readAll(), options_.configFile)) {
            return false;
        }
    } else if (store_->isEmpty() && !options_.labConfig.isEmpty()) {
        if (!importConfig(options_.labConfig, QStringLiteral("built-in Lab configuration"))) {
            return false;
        }
    }

    const QString realm = options_.domain.isEmpty() ? options_.sipIp : options_.domain;
    QString sid = options_.accountSid.isEmpty() ? store_->accountSid() : options_.accountSid;
    QString token = options_.authToken.isEmpty() ? store_->authToken() : options_.authToken;
    if (sid.isEmpty())
        sid = QStringLiteral("AC") + randomHex(16);
    if (token.isEmpty())
        token = randomHex(16);
    if (sid != store_->accountSid() || token != store_->authToken()) {
        if (auto failure = store_->setAccount(sid, token)) {
            printErr(failure->message);
            return false;
        }
    }
    if (realm != store_->realm()) {
        if (auto failure = store_->setRealm(realm)) {
            printErr(failure->message);
            return false;
        }
    }
    instanceId_ = QStringLiteral("ID") + randomHex(16);

    QString error;
    http_ = std::make_unique<HttpServer>(
        [this](const HttpRequest &request, HttpReply reply) { onHttp(request, std::move(reply)); });
    error = http_->listen(options_.httpIp, options_.httpPort);
    if (!error.isEmpty()) {
        printErr(QStringLiteral("%1 (use --http-listen to pick another address)").arg(error));
        return false;
    }
    httpBase_ = QStringLiteral("http://%1:%2").arg(options_.httpIp).arg(http_->port());
    events_.attachTo(*http_);
    if (options_.jsonLog) {
        events_.setLogSink([](const QByteArray &line) {
            std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
            std::fputc('\n', stdout);
            std::fflush(stdout);
        });
    } else {
        events_.setLogSink([](const QByteArray &line) {
            const QByteArray text = textLine(QJsonDocument::fromJson(line).object());
            std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
            std::fputc('\n', stdout);
            std::fflush(stdout);
        });
    }

    relay_ =
        std::make_unique<MediaRelay>(options_.sipIp, options_.rtpLow, options_.rtpHigh, &events_);
    fetcher_ = std::make_unique<HttpFetcher>(&events_);
    sip_ = SipStack::create(options_.sipIp, options_.sipPort, &events_, &error);
    if (!sip_) {
        printErr(QStringLiteral("%1 (use --sip-listen to pick another address)").arg(error));
        return false;
    }
    auth_ = std::make_unique<DigestAuth>(realm,
                                         [this](const QString &login) -> std::optional<QByteArray> {
                                             const Client *client = store_->clientByLogin(login);
                                             if (!client || client->status == 0) {
                                                 return std::nullopt;
                                             }
                                             return client->passwordHa1.toLatin1();
                                         });
    registrar_ = std::make_unique<Registrar>(sip_->sip(), *auth_, &events_);
    restApi_ = std::make_unique<RestApi>(*store_, calls_);
    restApi_->setInstanceId(instanceId_);
    restApi_->setRegisteredUsersCounter([this] { return registrar_->table().bindingCount(); });
    services_ = std::unique_ptr<CallServices>(new CallServices{
        *sip_, *registrar_, *store_, calls_, *relay_, *fetcher_, events_, instanceId_,
        hostPortOfProxy(options_.outboundProxy), options_.fetchTimeoutMs, httpBase_,
        options_.restcommTransferMode ? TransferMode::Restcomm : TransferMode::Rfc3515});
    sip_->setRequestHandler([this](const struct sip_msg *msg) { return onSipRequest(msg); });
    sip_->setInviteHandler([this](const struct sip_msg *msg) { onInvite(msg); });

    expireBindings();
    return true;
}

bool Server::onSipRequest(const struct sip_msg *msg) {
    if (pl_strcmp(&msg->met, "REGISTER") == 0) {
        registrar_->handleRegister(msg);
        return true;
    }
    if (pl_strcmp(&msg->met, "OPTIONS") == 0 && !pl_isset(&msg->to.tag)) {
        (void)sip_treplyf(nullptr, nullptr, sip_->sip(), msg, false, 200, "OK",
                          "Allow: INVITE, ACK, BYE, CANCEL, OPTIONS, REGISTER, REFER, NOTIFY\r\n"
                          "Accept: application/sdp\r\nContent-Length: 0\r\n\r\n");
        return true;
    }
    if (pl_strcmp(&msg->met, "REFER") == 0) {
        // In a dialog of ours the call's session answers it (sipsess routes it there).
        const bool known = pl_isset(&msg->to.tag) &&
                           std::any_of(sessions_.begin(), sessions_.end(),
                                       [msg](const auto &s) { return s.second->ownsDialog(msg); });
        if (!known) {
            (void)sip_treplyf(nullptr, nullptr, sip_->sip(), msg, false, 404, "Not Found",
                              "Event: refer\r\nReason: %s\r\nContent-Length: 0\r\n\r\n",
                              pl_isset(&msg->to.tag)
                                  ? "SIP REFER in a dialog mini-restcomm does not know"
                                  : "SIP REFER should be sent in dialog");
            events_.publish(
                QJsonObject{{QStringLiteral("type"), QStringLiteral("transfer")},
                            {QStringLiteral("step"), QStringLiteral("refused")},
                            {QStringLiteral("code"), 404},
                            {QStringLiteral("reason"), pl_isset(&msg->to.tag)
                                                           ? QStringLiteral("unknown dialog")
                                                           : QStringLiteral("out-of-dialog REFER")},
                            {QStringLiteral("sip_call_id"), plToString(msg->callid)}});
            return true;
        }
        return false;
    }
    if (stopping_ && pl_strcmp(&msg->met, "INVITE") == 0 && !pl_isset(&msg->to.tag)) {
        (void)sip_treply(nullptr, sip_->sip(), msg, 503, "Service Unavailable");
        return true;
    }
    return false;
}

void Server::startSession(const std::function<void(CallSession &)> &start) {
    auto session = std::make_unique<CallSession>(*services_, [this](CallSession *done) {
        auto it = sessions_.find(done);
        if (it == sessions_.end()) {
            return;
        }
        // Inside the session's own call stack: free it from the loop.
        ended_.push_back(std::move(it->second));
        sessions_.erase(it);
        if (!reaper_.isActive()) {
            reaper_.start(0, [this] { reapEnded(); });
        }
    });
    CallSession *raw = session.get();
    sessions_.emplace(raw, std::move(session));
    start(*raw);
}

// Frees ended sessions, except those still finishing a transferor's dialog (final NOTIFY,
// then BYE: bounded by their guard timers); those are looked at again shortly.
void Server::reapEnded() {
    std::erase_if(ended_, [](const std::unique_ptr<CallSession> &s) { return !s->isLingering(); });
    if (!ended_.empty()) {
        reaper_.start(200, [this] { reapEnded(); });
    }
}

void Server::onInvite(const struct sip_msg *msg) {
    const QString user = plToString(msg->uri.user);
    const qint64 nowSecs = QDateTime::currentSecsSinceEpoch();

    // 1. A local number: accepted from anyone, as a DID is.
    if (const std::optional<IncomingNumber> number = store_->matchNumber(user)) {
        AppLocation app;
        app.url = store_->resolveAppUrl(number->voiceUrl, number->voiceApplicationSid, httpBase_);
        app.method = number->voiceMethod.isEmpty() ? QStringLiteral("POST") : number->voiceMethod;
        app.fallbackUrl = store_->resolveAppUrl(number->voiceFallbackUrl, QString(), httpBase_);
        app.fallbackMethod = number->voiceFallbackMethod.isEmpty() ? QStringLiteral("POST")
                                                                   : number->voiceFallbackMethod;
        if (app.url.isEmpty()) {
            (void)sip_treplyf(nullptr, nullptr, sip_->sip(), msg, false, 404, "Not Found",
                              "Reason: number %s has no voice application\r\n"
                              "Content-Length: 0\r\n\r\n",
                              number->phoneNumber.toUtf8().constData());
            return;
        }
        startSession([&](CallSession &s) { s.startApplication(msg, app, user); });
        return;
    }

    // 2. Anything else needs an authenticated client as the caller.
    const DigestAuth::Result auth = auth_->check(msg, true, nowSecs);
    if (auth.verdict != DigestAuth::Verdict::Ok) {
        auth_->reply(sip_->sip(), msg, true, auth, nowSecs);
        return;
    }
    const Client *caller = store_->clientByLogin(auth.login);
    if (caller && (!caller->voiceUrl.isEmpty() || !caller->voiceApplicationSid.isEmpty())) {
        // A client with a voice application runs it for its outgoing calls.
        AppLocation app;
        app.url = store_->resolveAppUrl(caller->voiceUrl, caller->voiceApplicationSid, httpBase_);
        app.method = caller->voiceMethod.isEmpty() ? QStringLiteral("POST") : caller->voiceMethod;
        app.fallbackUrl = store_->resolveAppUrl(caller->voiceFallbackUrl, QString(), httpBase_);
        startSession([&](CallSession &s) { s.startApplication(msg, app, user); });
        return;
    }
    if (store_->clientByLogin(user)) {
        if (!registrar_->table().isRegistered(user, monotonicMs())) {
            (void)sip_treply(nullptr, sip_->sip(), msg, 480, "Temporarily Unavailable");
            return;
        }
        startSession([&](CallSession &s) {
            s.startPeerToPeer(msg, rcml::DialNoun{rcml::NounKind::Client, user, {}, {}});
        });
        return;
    }
    if (!services_->outboundProxy.isEmpty()) {
        startSession([&](CallSession &s) {
            s.startPeerToPeer(msg, rcml::DialNoun{rcml::NounKind::Number, user, {}, {}});
        });
        return;
    }
    (void)sip_treplyf(nullptr, nullptr, sip_->sip(), msg, false, 404, "Not Found",
                      "Reason: no number, client or outbound proxy for '%s'\r\n"
                      "Content-Length: 0\r\n\r\n",
                      user.toUtf8().constData());
}

void Server::onHttp(const HttpRequest &request, HttpReply reply) {
    if (request.path == u"/health") {
        HttpResponse response;
        response.body =
            QJsonDocument(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                      {QStringLiteral("live_calls"), calls_.metrics().liveCalls}})
                .toJson(QJsonDocument::Compact);
        reply.send(response);
        return;
    }
    if (const std::optional<QString> app = rvdAppFromPath(request.path)) {
        reply.send(handle(*rvd_, *app, request, &events_));
        return;
    }
    if (request.path.startsWith(u"/restcomm/")) {
        reply.send(restApi_->handle(request));
        return;
    }
    HttpResponse notFound;
    notFound.status = 404;
    notFound.body = R"({"message":"no such resource"})";
    reply.send(notFound);
}

void Server::shutdown(int signal) {
    if (stopping_) {
        return;
    }
    stopping_ = true;
    std::printf("mini-restcomm: signal %d, ending %zu live calls\n", signal, sessions_.size());
    std::fflush(stdout);
    std::vector<CallSession *> live;
    for (auto &[raw, owned] : sessions_) {
        live.push_back(raw);
    }
    for (CallSession *s : live) {
        s->terminate(QStringLiteral("server shutting down"));
    }
    // Give the BYE / CANCEL transactions a moment to be answered, then leave the loop.
    exitTimer_.start(live.empty() ? 0 : 1500, [] { re_cancel(); });
}

void Server::expireBindings() {
    registrar_->table().expire(monotonicMs());
    expiryTimer_.start(10000, [this] { expireBindings(); });
}

void Server::onSignal(int signal) {
    if (instance_) {
        instance_->shutdown(signal);
    }
}

int Server::run() {
    if (!setUp()) {
        return 1;
    }
    std::printf(
        "mini-restcomm ready sip=%s http=%s:%u account_sid=%s auth_token=%s realm=%s "
        "data_dir=%s\n",
        sip_->hostPort().toUtf8().constData(), options_.httpIp.toUtf8().constData(),
        unsigned(http_->port()), store_->accountSid().toUtf8().constData(),
        store_->authToken().toUtf8().constData(), auth_->realm().toUtf8().constData(),
        options_.dataDir.toUtf8().constData());
    std::fflush(stdout);
    instance_ = this;
    const int err = re_main(&Server::onSignal);
    instance_ = nullptr;
    sessions_.clear();
    ended_.clear();
    sip_->close();
    return err == 0 ? 0 : 1;
}

int runServer(const ServerOptions &options) {
    if (const int err = libre_init(); err != 0) {
        printErr(
            QStringLiteral("libre_init failed: %1").arg(QString::fromLocal8Bit(strerror(err))));
        return 1;
    }
    int rc = 0;
    {
        Server server(options);
        rc = server.run();
    }
    libre_close();
    return rc;
}

}  // namespace mrc
