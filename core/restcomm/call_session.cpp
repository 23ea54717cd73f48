#include <re.h>

#include "restcomm/call_session.h"

#include "restcomm/call_registry.h"
#include "restcomm/call_session_parts.h"
#include "restcomm/event_sink.h"
#include "restcomm/http_fetcher.h"
#include "restcomm/registrar.h"
#include "restcomm/sdp.h"
#include "restcomm/sip_stack.h"
#include "restcomm/sip_text.h"
#include "restcomm/store.h"

#include <QJsonObject>
#include <QRandomGenerator>

namespace mrc {

namespace {

// Keeps only `payloadType` and telephone-event in the audio stream, so that both legs agree on
// one codec and the relay never needs to transcode.
Sdp restrictedTo(Sdp sdp, int payloadType) {
    for (SdpMedia &m : sdp.media) {
        if (m.type != u"audio" || m.port == 0) {
            continue;
        }
        QList<QByteArray> kept;
        for (const QByteArray &format : m.formats) {
            bool ok = false;
            const int pt = format.toInt(&ok);
            if (!ok) {
                continue;
            }
            const auto map = m.rtpMap(pt);
            const bool dtmf =
                map && map->encoding.compare(u"telephone-event", Qt::CaseInsensitive) == 0;
            if (pt == payloadType || dtmf) {
                kept.append(format);
            }
        }
        m.formats = kept;
        break;
    }
    return sdp;
}

CallStatus statusFromDial(const QString &status) {
    if (status == u"busy")
        return CallStatus::Busy;
    if (status == u"no-answer")
        return CallStatus::NoAnswer;
    if (status == u"canceled")
        return CallStatus::Canceled;
    if (status == u"completed")
        return CallStatus::Completed;
    return CallStatus::Failed;
}

QString userOf(const QString &uri) {
    QString s = uri;
    if (const qsizetype colon = s.indexOf(u':'); colon >= 0)
        s = s.mid(colon + 1);
    if (const qsizetype at = s.indexOf(u'@'); at >= 0)
        return s.left(at);
    return {};
}

}  // namespace

CallSession::CallSession(CallServices &services, Finished finished)
    : svc_(services), onFinished_(std::move(finished)) {
    sdpSessionId_ = QRandomGenerator::global()->bounded(1000000, 2000000000);
    callerSdpSession_ = sdpSessionId_;
}

CallSession::~CallSession() {
    released_.clear();
    attempts_.clear();
    connected_.reset();
    caller_.reset();
    if (callerMedia_ != kNoLeg) {
        svc_.relay.releaseLeg(callerMedia_);
    }
}

// ---------------------------------------------------------------------------- caller leg

bool CallSession::acceptCaller(const struct sip_msg *invite, QString *error) {
    const QByteArray offer(
        invite->mb ? reinterpret_cast<const char *>(mbuf_buf(invite->mb)) : nullptr,
        invite->mb ? qsizetype(mbuf_get_left(invite->mb)) : 0);
    QString sdpError;
    const std::optional<Sdp> parsed = parseSdp(offer, &sdpError);
    if (!parsed) {
        (void)sip_treply(nullptr, svc_.sip.sip(), invite, 488, "Not Acceptable Here");
        *error = QStringLiteral("caller's SDP refused: %1").arg(sdpError);
        return false;
    }
    callerPayloadType_ = firstG711PayloadType(*parsed);
    const std::optional<RtpEndpoint> remote = remoteRtpEndpoint(*parsed);
    if (callerPayloadType_ < 0 || !remote) {
        (void)sip_treply(nullptr, svc_.sip.sip(), invite, 488, "Not Acceptable Here");
        *error = QStringLiteral("caller offers no G.711 audio (PCMU/PCMA)");
        return false;
    }
    callerMedia_ = svc_.relay.allocateLeg(error);
    if (callerMedia_ == kNoLeg) {
        (void)sip_treply(nullptr, svc_.sip.sip(), invite, 503, "Service Unavailable");
        return false;
    }
    svc_.relay.setRemote(callerMedia_, remote->address, remote->rtpPort, remote->rtcpPort);
    callerOffer_ = offer;

    caller_ =
        Leg::acceptInbound(svc_.sip, invite, QStringLiteral("restcomm"), callerEvents(), error);
    if (!caller_) {
        return false;
    }
    callerUser_ = caller_->remoteUser();
    dialled_ = caller_->localUser();

    CallRecord record;
    record.accountSid = svc_.store.accountSid();
    record.from = callerUser_;
    record.to = dialled_;
    record.direction = CallDirection::Inbound;
    record.status = CallStatus::Ringing;
    record.callerName = plToString(invite->from.dname);
    callSid_ = svc_.calls.add(record);
    publishState(QStringLiteral("caller"), QStringLiteral("ringing"),
                 QStringLiteral("%1 -> %2").arg(callerUser_, dialled_));
    return true;
}

Leg::Events CallSession::callerEvents() {
    Leg::Events events;
    events.closed = [this](int code, const QString &reason) { onCallerClosed(code, reason); };
    events.reoffer = [this](const QByteArray &sdp, QString *err) {
        return onCallerReoffer(sdp, err);
    };
    events.refer = [this](const struct sip_msg *msg) { onRefer(caller_.get(), msg); };
    return events;
}

bool CallSession::answerCaller() {
    if (!caller_ || caller_->isAnswered()) {
        return caller_ != nullptr;
    }
    QString error;
    const std::optional<Sdp> offer = parseSdp(callerOffer_, &error);
    const QByteArray answer =
        offer ? answerForRelay(restrictedTo(*offer, callerPayloadType_), svc_.relay.relayIp(),
                               svc_.relay.localPort(callerMedia_), callerSdpSession_, ++sdpVersion_,
                               &error)
              : QByteArray();
    if (answer.isEmpty() || !caller_->answer(answer)) {
        warn(QStringLiteral("cannot answer the caller: %1").arg(error));
        return false;
    }
    svc_.calls.setStatus(callSid_, CallStatus::InProgress);
    setCallerStatus(QStringLiteral("in-progress"));
    publishState(QStringLiteral("caller"), QStringLiteral("answered"));
    return true;
}

QByteArray CallSession::onCallerReoffer(const QByteArray &offerText, QString *error) {
    const std::optional<Sdp> offer = parseSdp(offerText, error);
    if (!offer) {
        return {};
    }
    if (const auto remote = remoteRtpEndpoint(*offer)) {
        svc_.relay.setRemote(callerMedia_, remote->address, remote->rtpPort, remote->rtcpPort);
    }
    const Sdp restricted = restrictedTo(*offer, callerPayloadType_);
    // Relay the hold / resume to the party the caller talks to, with our relay address.
    if (connected_ && connected_->leg && connected_->leg->isAnswered()) {
        const QByteArray relayed = rewriteForRelay(restricted, svc_.relay.relayIp(),
                                                   svc_.relay.localPort(connected_->media),
                                                   calleeSdpSession(), ++sdpVersion_);
        if (!relayed.isEmpty() && connected_->leg->reinvite(relayed)) {
            // Remembered so that a transfer does not leave this party held (see resumeCaller).
            connected_->held = audioDirection(restricted) != MediaDirection::SendRecv;
        }
    }
    publishState(QStringLiteral("caller"), QStringLiteral("re-invite"),
                 QString::fromLatin1(directionAttribute(audioDirection(*offer))));
    return answerForRelay(restricted, svc_.relay.relayIp(), svc_.relay.localPort(callerMedia_),
                          callerSdpSession_, ++sdpVersion_, error);
}

QByteArray CallSession::onCalleeReoffer(const QByteArray &offerText, QString *error) {
    const std::optional<Sdp> offer = parseSdp(offerText, error);
    if (!offer || !connected_) {
        return {};
    }
    if (const auto remote = remoteRtpEndpoint(*offer)) {
        svc_.relay.setRemote(connected_->media, remote->address, remote->rtpPort, remote->rtcpPort);
    }
    const Sdp restricted = restrictedTo(*offer, callerPayloadType_);
    if (caller_ && caller_->isAnswered()) {
        const QByteArray relayed =
            rewriteForRelay(restricted, svc_.relay.relayIp(), svc_.relay.localPort(callerMedia_),
                            callerSdpSession_, ++sdpVersion_);
        if (!relayed.isEmpty() && caller_->reinvite(relayed)) {
            callerHeld_ = audioDirection(restricted) != MediaDirection::SendRecv;
        }
    }
    publishState(QStringLiteral("callee"), QStringLiteral("re-invite"),
                 QString::fromLatin1(directionAttribute(audioDirection(*offer))));
    return answerForRelay(restricted, svc_.relay.relayIp(), svc_.relay.localPort(connected_->media),
                          calleeSdpSession(), ++sdpVersion_, error);
}

void CallSession::resumeCaller() {
    // A hold relayed to this party before a transfer would otherwise outlive it: the party it
    // held is gone, the new one wants to talk.
    std::optional<Sdp> sdp = parseSdp(callerOffer_);
    if (!callerHeld_ || !caller_ || !sdp) {
        return;
    }
    sdp->direction.reset();
    for (SdpMedia &m : sdp->media) {
        m.direction = MediaDirection::SendRecv;
    }
    const QByteArray offer =
        rewriteForRelay(restrictedTo(*sdp, callerPayloadType_), svc_.relay.relayIp(),
                        svc_.relay.localPort(callerMedia_), callerSdpSession_, ++sdpVersion_);
    if (!offer.isEmpty() && caller_->reinvite(offer)) {
        callerHeld_ = false;
        publishState(QStringLiteral("caller"), QStringLiteral("re-invite"),
                     QStringLiteral("sendrecv (resumed: the party that held it is gone)"));
    }
}

void CallSession::onCallerClosed(int code, const QString &reason) {
    Q_UNUSED(code);
    publishState(QStringLiteral("caller"), QStringLiteral("hung-up"), reason);
    const bool answered = caller_ && caller_->isAnswered();
    pauseTimer_.cancel();
    svc_.calls.setStatus(callSid_, answered ? CallStatus::Completed : CallStatus::Canceled);
    setCallerStatus(answered ? QStringLiteral("completed") : QStringLiteral("canceled"));
    if (dial_) {
        // Restcomm still requests the Dial action when the caller goes (DialActionTest:
        // "canceled" while ringing); its answer is not run, the caller is gone.
        const bool talking = connected_ != nullptr;
        if (connected_) {
            svc_.calls.setStatus(connected_->callSid, CallStatus::Completed);
        }
        const QString status = talking ? QStringLiteral("completed") : QStringLiteral("canceled");
        for (auto &attempt : attempts_) {
            svc_.calls.setStatus(attempt->callSid, CallStatus::Canceled);
        }
        const bool hasAction = dial_->action.size() > 0 && interpreter_;
        DialOutcome outcome;
        outcome.status = status;
        outcome.dialCallSid = talking
                                  ? connected_->callSid
                                  : (attempts_.empty() ? QString() : attempts_.front()->callSid);
        outcome.ringDurationSec = int((talking ? ringDurationMs_ : dialClock_.elapsed()) / 1000);
        outcome.callDurationSec = talking ? int(talkClock_.elapsed() / 1000) : 0;
        dial_.reset();
        hangupAll();
        if (hasAction) {
            const Step next = interpreter_->onDialFinished(outcome);
            if (const auto *fetch = std::get_if<step::Fetch>(&next)) {
                fetch_ = svc_.fetcher.fetch(fetchRequest(*fetch),
                                            [this](const FetchResult &) { finish(); });
                return;
            }
        }
        finish();
        return;
    }
    fetch_.reset();
    hangupAll();
    finish();
}

// ---------------------------------------------------------------------------- start

void CallSession::startApplication(const struct sip_msg *invite, const AppLocation &app,
                                   const QString &dialledNumber) {
    QString error;
    if (!acceptCaller(invite, &error)) {
        warn(error);
        finish();
        return;
    }
    CallInfo info;
    info.callSid = callSid_;
    info.accountSid = svc_.store.accountSid();
    info.instanceId = svc_.instanceId;
    info.from = callerUser_;
    info.to = dialledNumber;
    info.direction = QStringLiteral("inbound");
    info.callStatus = QStringLiteral("ringing");
    info.callerName = plToString(invite->from.dname);
    info.timestamp = QDateTime::currentDateTimeUtc();
    struct le *le = list_head(&invite->hdrl);
    for (; le; le = le->next) {
        const auto *hdr = static_cast<const struct sip_hdr *>(le->data);
        const QString name = plToString(hdr->name);
        if (name.startsWith(u"X-", Qt::CaseInsensitive)) {
            info.sipHeaders.append({name, plToString(hdr->val)});
        }
    }
    interpreter_.emplace(info, app);
    run(interpreter_->start());
}

void CallSession::startPeerToPeer(const struct sip_msg *invite, const rcml::DialNoun &callee) {
    peerToPeer_ = true;
    QString error;
    if (!acceptCaller(invite, &error)) {
        warn(error);
        finish();
        return;
    }
    rcml::Dial dial;
    dial.timeoutSec = 60;
    dial.nouns.push_back(callee);
    runDial(dial);
}

void CallSession::terminate(const QString &why) {
    if (finished_) {
        return;
    }
    publishState(QStringLiteral("caller"), QStringLiteral("terminated"), why);
    if (caller_ && !caller_->isAnswered() && !caller_->isClosed()) {
        caller_->reject(503, QStringLiteral("Service Unavailable"));
    }
    for (auto &attempt : attempts_) {
        svc_.calls.setStatus(attempt->callSid, CallStatus::Canceled);
    }
    if (connected_) {
        svc_.calls.setStatus(connected_->callSid, CallStatus::Completed);
    }
    const CallRecord *record = svc_.calls.find(callSid_);
    if (record && isLive(record->status)) {
        svc_.calls.setStatus(callSid_, caller_ && caller_->isAnswered() ? CallStatus::Completed
                                                                        : CallStatus::Canceled);
    }
    hangupAll();
    // The server is going away: no waiting for NOTIFY answers.
    while (!released_.empty()) {
        byeReleased(released_.front().get());
    }
    finish();
}

// ---------------------------------------------------------------------------- interpreter

void CallSession::run(Step step) {
    if (finished_) {
        return;
    }
    if (interpreter_) {
        for (const QString &w : interpreter_->takeWarnings()) {
            warn(w);
        }
    }
    if (awaitingReferApp_ && !std::holds_alternative<step::Fetch>(step)) {
        // The refer application answered with something to run (or failed for good): the
        // moment for the final NOTIFY to the transferor.
        const auto *failed = std::get_if<step::Failed>(&step);
        onReferAppStarted(failed == nullptr, failed ? failed->reason : QString());
    }
    if (const auto *fetch = std::get_if<step::Fetch>(&step)) {
        runFetch(*fetch);
    } else if (const auto *dial = std::get_if<step::Dial>(&step)) {
        if (!answerCaller()) {
            hangupAll();
            finish();
            return;
        }
        runDial(dial->dial);
    } else if (std::holds_alternative<step::Hangup>(step)) {
        if (caller_ && !caller_->isAnswered()) {
            caller_->reject(603, QStringLiteral("Decline"));
            svc_.calls.setStatus(callSid_, CallStatus::Canceled);
        } else {
            svc_.calls.setStatus(callSid_, CallStatus::Completed);
        }
        publishState(QStringLiteral("caller"), QStringLiteral("hangup"), QStringLiteral("RCML"));
        hangupAll();
        finish();
    } else if (const auto *reject = std::get_if<step::Reject>(&step)) {
        if (caller_ && !caller_->isAnswered()) {
            caller_->reject(reject->sipCode, reject->sipCode == 486 ? QStringLiteral("Busy Here")
                                                                    : QStringLiteral("Decline"));
            svc_.calls.setStatus(callSid_,
                                 reject->sipCode == 486 ? CallStatus::Busy : CallStatus::Failed);
        } else {
            warn(QStringLiteral("<Reject> on an answered call: hanging up instead"));
            svc_.calls.setStatus(callSid_, CallStatus::Completed);
        }
        publishState(QStringLiteral("caller"), QStringLiteral("rejected"),
                     QString::number(reject->sipCode));
        hangupAll();
        finish();
    } else if (const auto *pause = std::get_if<step::Pause>(&step)) {
        if (!answerCaller()) {
            hangupAll();
            finish();
            return;
        }
        runPause(pause->seconds);
    } else if (const auto *failed = std::get_if<step::Failed>(&step)) {
        warn(QStringLiteral("application failed: %1").arg(failed->reason));
        if (transfer_) {
            publishTransfer(QStringLiteral("failed"), {{QStringLiteral("reason"), failed->reason}});
            transfer_.reset();
            if (caller_) {
                caller_->setHangupReason(
                    QStringLiteral("SIP;cause=503;text=\"transfer failed: refer application: %1\"")
                        .arg(QString(failed->reason).replace(u'"', u'\'')));
            }
        }
        if (caller_ && !caller_->isAnswered()) {
            caller_->reject(500, QStringLiteral("Application Error"));
            svc_.calls.setStatus(callSid_, CallStatus::Failed);
        } else {
            svc_.calls.setStatus(callSid_, CallStatus::Completed);
        }
        hangupAll();
        finish();
    }
}

FetchRequest CallSession::fetchRequest(const step::Fetch &fetch) const {
    FetchRequest request;
    request.method = fetchMethodFromString(fetch.method).value_or(FetchMethod::Post);
    request.url = fetch.url;
    request.params = fetch.params;
    request.timeoutMs = svc_.fetchTimeoutMs;
    return request;
}

void CallSession::runFetch(const step::Fetch &fetch) {
    fetch_ = svc_.fetcher.fetch(fetchRequest(fetch), [this](const FetchResult &result) {
        // We are inside fetch_'s own callback and the next step may start another fetch:
        // park the finished handle instead of destroying it here.
        bury(std::shared_ptr<FetchHandle>(std::move(fetch_)));
        if (result.status == 0) {
            run(interpreter_->onFetchFailed(result.error));
        } else {
            run(interpreter_->onFetched(result.status, result.body));
        }
    });
}

void CallSession::runPause(int seconds) {
    pauseTimer_.start(qint64(seconds) * 1000, [this] { run(interpreter_->onPauseDone()); });
}

void CallSession::setCallerStatus(const QString &status) {
    if (interpreter_) {
        interpreter_->setCallStatus(status);
    }
}

// ---------------------------------------------------------------------------- dialing

std::vector<CallSession::Target> CallSession::resolveTargets(const rcml::DialNoun &noun,
                                                             QStringList *why) const {
    std::vector<Target> out;
    const qint64 now = monotonicMs();
    auto contactsOf = [&](const QString &login) {
        for (const Binding &b : svc_.registrar.table().contacts(login, now)) {
            out.push_back(Target{
                b.contactUri, QStringLiteral("client %1 at %2").arg(login, b.contactUri), login});
        }
    };
    switch (noun.kind) {
        case rcml::NounKind::Client:
            contactsOf(noun.target);
            if (out.empty()) {
                why->append(QStringLiteral("client '%1' is not registered").arg(noun.target));
            }
            break;
        case rcml::NounKind::Number: {
            if (svc_.store.clientByLogin(noun.target)) {
                contactsOf(noun.target);
                if (!out.empty()) {
                    break;
                }
            }
            const std::optional<IncomingNumber> local = svc_.store.matchNumber(noun.target);
            const bool catchAllOnly = local && local->phoneNumber == u"*";
            if (local && (!catchAllOnly || svc_.outboundProxy.isEmpty())) {
                // A local number runs its own application: route the INVITE back to ourselves
                // (fixes Restcomm issue #1982, where <Number> always left for the proxy).
                out.push_back(
                    Target{QStringLiteral("sip:%1@%2").arg(noun.target, svc_.sip.hostPort()),
                           QStringLiteral("local number %1").arg(local->phoneNumber), noun.target});
            } else if (!svc_.outboundProxy.isEmpty()) {
                out.push_back(Target{
                    QStringLiteral("sip:%1@%2").arg(noun.target, svc_.outboundProxy),
                    QStringLiteral("outbound proxy %1").arg(svc_.outboundProxy), noun.target});
            } else {
                why->append(QStringLiteral("number '%1' is no registered client, no local number, "
                                           "and no --outbound-proxy is set")
                                .arg(noun.target));
            }
            break;
        }
        case rcml::NounKind::Sip: {
            QString uri = noun.target;
            if (!uri.startsWith(u"sip:", Qt::CaseInsensitive) &&
                !uri.startsWith(u"sips:", Qt::CaseInsensitive)) {
                uri.prepend(u"sip:");
            }
            out.push_back(Target{uri, QStringLiteral("SIP URI %1").arg(uri), userOf(uri)});
            break;
        }
    }
    return out;
}

void CallSession::runDial(const rcml::Dial &dial) {
    dial_ = dial;
    anyBusy_ = false;
    firstAttemptSid_.clear();
    ringDurationMs_ = 0;
    dialClock_.start();
    QStringList why;
    std::vector<Target> targets;
    for (const rcml::DialNoun &noun : dial.nouns) {
        for (Target &t : resolveTargets(noun, &why)) {
            targets.push_back(std::move(t));
        }
    }
    for (const Target &t : targets) {
        startAttempt(t, dial);
    }
    if (attempts_.empty()) {
        warn(
            QStringLiteral("Dial failed: %1")
                .arg(why.isEmpty() ? QStringLiteral("no target") : why.join(QStringLiteral("; "))));
        // Report asynchronously: we may be inside the interpreter's own call stack.
        dialTimer_.start(0, [this] { finishDial(QStringLiteral("failed")); });
        return;
    }
    if (!peerToPeer_ && caller_ && caller_->isAnswered()) {
        svc_.relay.startRingback(callerMedia_, callerPayloadType_);
    }
    dialTimer_.start(qint64(dial.timeoutSec) * 1000, [this] { onDialTimeout(); });
}

void CallSession::startAttempt(const Target &target, const rcml::Dial &dial) {
    auto attempt = std::make_unique<Attempt>();
    attempt->target = target.requestUri;
    attempt->party = target.party;
    QString error;
    attempt->media = svc_.relay.allocateLeg(&error);
    if (attempt->media == kNoLeg) {
        warn(QStringLiteral("no RTP port for %1: %2").arg(target.description, error));
        return;
    }
    const std::optional<Sdp> callerSdp = parseSdp(callerOffer_);
    const QByteArray offer =
        callerSdp ? rewriteForRelay(restrictedTo(*callerSdp, callerPayloadType_),
                                    svc_.relay.relayIp(), svc_.relay.localPort(attempt->media),
                                    calleeSdpSession(), ++sdpVersion_, &error)
                  : QByteArray();
    if (offer.isEmpty()) {
        svc_.relay.releaseLeg(attempt->media);
        warn(QStringLiteral("cannot build the offer for %1: %2").arg(target.description, error));
        return;
    }
    const QString callerId = dial.callerId.isEmpty() ? callerUser_ : dial.callerId;
    Attempt *raw = attempt.get();
    Leg::Events events;
    events.progress = [this, raw](int code) { onAttemptProgress(raw, code); };
    events.answered = [this, raw] { onAttemptAnswered(raw); };
    events.closed = [this, raw](int code, const QString &reason) {
        onAttemptClosed(raw, code, reason);
    };
    events.reoffer = [this](const QByteArray &sdp, QString *err) {
        return onCalleeReoffer(sdp, err);
    };
    events.refer = [this, raw](const struct sip_msg *msg) { onRefer(raw->leg.get(), msg); };
    attempt->leg =
        Leg::connectOutbound(svc_.sip, target.requestUri, QString(),
                             QStringLiteral("sip:%1@%2").arg(callerId, svc_.sip.hostPort()),
                             callerId, offer, std::move(events), &error);
    if (!attempt->leg) {
        svc_.relay.releaseLeg(attempt->media);
        warn(error);
        return;
    }
    CallRecord record;
    record.parentSid = callSid_;
    record.accountSid = svc_.store.accountSid();
    record.from = callerId;
    record.to = target.party.isEmpty() ? userOf(target.requestUri) : target.party;
    record.direction = CallDirection::OutboundDial;
    record.status = CallStatus::Queued;
    attempt->callSid = svc_.calls.add(record);
    if (firstAttemptSid_.isEmpty()) {
        firstAttemptSid_ = attempt->callSid;
    }
    publishState(QStringLiteral("callee"), QStringLiteral("dialing"), target.description);
    if (transfer_) {
        publishTransfer(QStringLiteral("dialing"),
                        {{QStringLiteral("target"), target.description},
                         {QStringLiteral("dial_call_sid"), attempt->callSid}});
    }
    attempts_.push_back(std::move(attempt));
}

void CallSession::onAttemptProgress(Attempt *attempt, int code) {
    if (code == 180 || code == 183) {
        svc_.calls.setStatus(attempt->callSid, CallStatus::Ringing);
        publishState(QStringLiteral("callee"), QStringLiteral("ringing"), attempt->target);
    }
}

void CallSession::onAttemptAnswered(Attempt *attempt) {
    auto it = std::find_if(attempts_.begin(), attempts_.end(),
                           [attempt](const auto &a) { return a.get() == attempt; });
    if (it == attempts_.end()) {
        return;
    }
    std::unique_ptr<Attempt> winner = std::move(*it);
    attempts_.erase(it);
    // The first answer wins: cancel every other fork.
    for (auto &other : attempts_) {
        svc_.calls.setStatus(other->callSid, CallStatus::Canceled);
        svc_.relay.releaseLeg(other->media);
    }
    attempts_.clear();
    dialTimer_.cancel();
    ringDurationMs_ = dialClock_.elapsed();

    QString error;
    const std::optional<Sdp> answer = parseSdp(winner->leg->remoteSdp(), &error);
    if (const auto remote = answer ? remoteRtpEndpoint(*answer) : std::nullopt) {
        svc_.relay.setRemote(winner->media, remote->address, remote->rtpPort, remote->rtcpPort);
    } else {
        warn(QStringLiteral("callee's answer SDP unusable: %1").arg(error));
    }
    connected_ = std::move(winner);
    connected_->leg->setClosedHandler([this](int, const QString &) { onConnectedCalleeClosed(); });
    svc_.calls.setStatus(connected_->callSid, CallStatus::InProgress);
    if (peerToPeer_ && !answerCaller()) {
        terminate(QStringLiteral("caller could not be answered"));
        return;
    }
    svc_.relay.stopRingback(callerMedia_);
    svc_.relay.bridge(callerMedia_, connected_->media);
    resumeCaller();
    talkClock_.start();
    publishState(QStringLiteral("callee"), QStringLiteral("answered"), connected_->target);
    publishState(QStringLiteral("call"), QStringLiteral("bridged"),
                 QStringLiteral("%1 <-> %2").arg(callerUser_, connected_->target));
    if (transfer_) {
        publishTransfer(QStringLiteral("bridged"),
                        {{QStringLiteral("target"), connected_->target},
                         {QStringLiteral("dial_call_sid"), connected_->callSid}});
        transfer_.reset();
    }
    if (dial_ && dial_->timeLimitSec > 0) {
        limitTimer_.start(qint64(dial_->timeLimitSec) * 1000, [this] { onTimeLimit(); });
    }
}

void CallSession::onAttemptClosed(Attempt *attempt, int code, const QString &reason) {
    auto it = std::find_if(attempts_.begin(), attempts_.end(),
                           [attempt](const auto &a) { return a.get() == attempt; });
    if (it == attempts_.end()) {
        return;
    }
    const bool busy = code == 486 || code == 600 || code == 603;
    anyBusy_ = anyBusy_ || busy;
    svc_.calls.setStatus(attempt->callSid, busy ? CallStatus::Busy : CallStatus::Failed);
    publishState(QStringLiteral("callee"), QStringLiteral("failed"),
                 QStringLiteral("%1: %2 %3").arg(attempt->target).arg(code).arg(reason));
    svc_.relay.releaseLeg(attempt->media);
    // We are inside this leg's libre callback: free it after the callback returns.
    bury(std::shared_ptr<Attempt>(std::move(*it)));
    attempts_.erase(it);
    if (attempts_.empty() && dial_) {
        dialTimer_.cancel();
        finishDial(anyBusy_ ? QStringLiteral("busy") : QStringLiteral("failed"));
    }
}

void CallSession::onDialTimeout() {
    if (!dial_) {
        return;
    }
    for (auto &attempt : attempts_) {
        svc_.calls.setStatus(attempt->callSid, CallStatus::NoAnswer);
        svc_.relay.releaseLeg(attempt->media);
    }
    for (auto &attempt : attempts_) {
        attempt->leg->hangup();  // CANCEL
        bury(std::shared_ptr<Attempt>(std::move(attempt)));
    }
    attempts_.clear();
    finishDial(QStringLiteral("no-answer"));
}

void CallSession::onConnectedCalleeClosed() {
    publishState(QStringLiteral("callee"), QStringLiteral("hung-up"), connected_->target);
    svc_.calls.setStatus(connected_->callSid, CallStatus::Completed);
    finishDial(QStringLiteral("completed"));
}

void CallSession::onTimeLimit() {
    warn(QStringLiteral("Dial timeLimit reached: hanging up the called party"));
    if (connected_) {
        svc_.calls.setStatus(connected_->callSid, CallStatus::Completed);
        finishDial(QStringLiteral("completed"));
    }
}

void CallSession::finishDial(const QString &status) {
    if (!dial_) {
        return;
    }
    DialOutcome outcome;
    outcome.status = status;
    if (connected_) {
        outcome.dialCallSid = connected_->callSid;
        outcome.ringDurationSec = int(ringDurationMs_ / 1000);
        outcome.callDurationSec = talkClock_.isValid() ? int(talkClock_.elapsed() / 1000) : 0;
    } else {
        outcome.ringDurationSec = firstAttemptSid_.isEmpty() ? 0 : int(dialClock_.elapsed() / 1000);
        outcome.dialCallSid = firstAttemptSid_;
    }
    dial_.reset();
    dialTimer_.cancel();
    limitTimer_.cancel();
    svc_.relay.stopRingback(callerMedia_);
    if (connected_) {
        svc_.relay.unbridge(callerMedia_);
        svc_.relay.releaseLeg(connected_->media);
        // Possibly inside the callee leg's own BYE callback: free it after the callback.
        connected_->leg->hangup();
        bury(std::shared_ptr<Attempt>(std::move(connected_)));
    }
    publishState(QStringLiteral("dial"), status,
                 QStringLiteral("DialCallStatus=%1 DialCallDuration=%2")
                     .arg(status)
                     .arg(outcome.callDurationSec));
    if (transfer_) {
        // The refer application's Dial did not connect the target; what follows is up to the
        // application (a Dial action may ring the transferor back), else the transferee is
        // hung up (Restcomm parity).
        publishTransfer(QStringLiteral("failed"), {{QStringLiteral("dial_call_status"), status}});
        transfer_.reset();
    }
    if (peerToPeer_ || !interpreter_) {
        if (caller_ && !caller_->isAnswered()) {
            const int code = status == u"busy" ? 486 : status == u"no-answer" ? 480 : 404;
            caller_->reject(code, code == 486   ? QStringLiteral("Busy Here")
                                  : code == 480 ? QStringLiteral("Temporarily Unavailable")
                                                : QStringLiteral("Not Found"));
            svc_.calls.setStatus(callSid_, statusFromDial(status));
        } else {
            svc_.calls.setStatus(callSid_, CallStatus::Completed);
        }
        hangupAll();
        finish();
        return;
    }
    run(interpreter_->onDialFinished(outcome));
}

// ---------------------------------------------------------------------------- helpers

void CallSession::publishState(const QString &leg, const QString &state, const QString &detail) {
    svc_.events.publish(
        QJsonObject{{QStringLiteral("type"), QStringLiteral("call")},
                    {QStringLiteral("call_sid"), callSid_},
                    {QStringLiteral("call_id"), caller_ ? caller_->callId() : QString()},
                    {QStringLiteral("leg"), leg},
                    {QStringLiteral("state"), state},
                    {QStringLiteral("detail"), detail}});
}

void CallSession::warn(const QString &message) {
    svc_.events.publish(QJsonObject{{QStringLiteral("type"), QStringLiteral("warning")},
                                    {QStringLiteral("call_sid"), callSid_},
                                    {QStringLiteral("message"), message}});
}

void CallSession::hangupAll() {
    dialTimer_.cancel();
    limitTimer_.cancel();
    pauseTimer_.cancel();
    for (auto &attempt : attempts_) {
        svc_.relay.releaseLeg(attempt->media);
    }
    // Legs may be inside their own callbacks: end the dialogs now, free them later.
    for (auto &attempt : attempts_) {
        attempt->leg->hangup();
        bury(std::shared_ptr<Attempt>(std::move(attempt)));
    }
    attempts_.clear();
    if (connected_) {
        svc_.relay.releaseLeg(connected_->media);
        connected_->leg->hangup();
        bury(std::shared_ptr<Attempt>(std::move(connected_)));
    }
    if (caller_) {
        caller_->hangup();
    }
    // A transferor whose subscription is still open hears how the transfer ended (final
    // NOTIFY) before its BYE (RFC 3515: NOTIFYs go one at a time, so it may have to wait for an
    // earlier one): it lingers until then, bounded by its guard timer. Others get BYE now.
    if (awaitingReferApp_) {
        onReferAppStarted(false, QStringLiteral("the transferee's call ended"));
    }
    std::vector<ReleasedLeg *> done;
    for (auto &released : released_) {
        if (!(released->notifier && released->notifier->finalQueued() && !released->gone)) {
            done.push_back(released.get());
        }
    }
    for (ReleasedLeg *released : done) {
        released->guard.cancel();
        released->leg->hangup();
        dropReleased(released);
    }
}

void CallSession::bury(std::shared_ptr<void> object) {
    graveyard_.push_back(std::move(object));
    if (!reapTimer_.isActive()) {
        reapTimer_.start(0, [this] {
            std::vector<std::shared_ptr<void>> dead;
            dead.swap(graveyard_);
        });
    }
}

void CallSession::finish() {
    if (finished_) {
        return;
    }
    finished_ = true;
    if (callerMedia_ != kNoLeg) {
        svc_.relay.releaseLeg(callerMedia_);
        callerMedia_ = kNoLeg;
    }
    publishState(QStringLiteral("call"), QStringLiteral("ended"));
    onFinished_(this);
}

}  // namespace mrc
