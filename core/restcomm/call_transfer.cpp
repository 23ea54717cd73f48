// Blind transfer (RFC 5589 §6.1) as Restcomm's "SIP Refer URL" feature: a REFER in a bridged
// call runs the originally dialled number's Refer application on the transferee's leg. The
// checks, their answers and the order of the steps follow restcomm-behaviour.md part 1.
#include <re.h>

#include "restcomm/call_registry.h"
#include "restcomm/call_session_parts.h"
#include "restcomm/event_sink.h"
#include "restcomm/http_fetcher.h"
#include "restcomm/refer_to.h"
#include "restcomm/registrar.h"
#include "restcomm/sip_stack.h"
#include "restcomm/sip_text.h"
#include "restcomm/store.h"

namespace mrc {
namespace {

// How long a transferor that does not answer the final NOTIFY keeps its dialog.
constexpr qint64 kFinalNotifyGuardMs = 4000;

QStringList referToValues(const struct sip_msg *msg) {
    QStringList values;
    for (struct le *le = list_head(&msg->hdrl); le; le = le->next) {
        const auto *hdr = static_cast<const struct sip_hdr *>(le->data);
        // Compact form "r" is Refer-To too (RFC 3515 §2.1).
        if (hdr->id == SIP_HDR_REFER_TO || pl_strcasecmp(&hdr->name, "r") == 0) {
            values.append(plToString(hdr->val));
        }
    }
    return values;
}

}  // namespace

bool CallSession::ownsDialog(const struct sip_msg *msg) const {
    if (caller_ && caller_->matches(msg)) {
        return true;
    }
    if (connected_ && connected_->leg && connected_->leg->matches(msg)) {
        return true;
    }
    for (const auto &attempt : attempts_) {
        if (attempt->leg && attempt->leg->matches(msg)) {
            return true;
        }
    }
    for (const auto &released : released_) {
        if (released->leg && released->leg->matches(msg)) {
            return true;
        }
    }
    return false;
}

void CallSession::answerRefer(const struct sip_msg *msg, int code, const char *phrase,
                              const QString &why) {
    (void)sip_treplyf(nullptr, nullptr, svc_.sip.sip(), msg, true, uint16_t(code), phrase,
                      "Event: refer\r\nReason: %s\r\nContent-Length: 0\r\n\r\n",
                      why.toUtf8().constData());
    publishTransfer(QStringLiteral("refused"),
                    {{QStringLiteral("code"), code}, {QStringLiteral("reason"), why}});
}

std::optional<AppLocation> CallSession::referApplication() const {
    const std::optional<IncomingNumber> number = svc_.store.matchNumber(dialled_);
    if (!number) {
        return std::nullopt;
    }
    AppLocation app;
    // The Refer application wins over the Refer URL (CallManager checks it first).
    app.url =
        svc_.store.resolveAppUrl(number->referUrl, number->referApplicationSid, svc_.httpBase);
    if (app.url.isEmpty()) {
        return std::nullopt;
    }
    app.method = number->referMethod.isEmpty() ? QStringLiteral("POST") : number->referMethod;
    app.fallbackUrl.clear();  // Restcomm gives the refer interpreter no fallback
    return app;
}

QString CallSession::transferorOf(const struct sip_msg *msg) const {
    const QString contact = uriOfNameAddr(headerValue(msg, SIP_HDR_CONTACT));
    // Softphones put a token in the Contact user (baresip: "bob-0x55d1…"); the login of the
    // registration that owns this contact is what an application can ring back.
    if (const auto login = svc_.registrar.table().loginForContact(contact, monotonicMs())) {
        return *login;
    }
    return userOfUri(contact);  // Restcomm parity
}

void CallSession::onRefer(Leg *from, const struct sip_msg *msg) {
    // The values as this REFER gives them, published before any check (the ladder shows them).
    const QStringList referToLines = referToValues(msg);
    const auto referTo = parseReferTo(referToLines);
    Transfer values;
    values.transferor = transferorOf(msg);
    values.transferee = plToString(msg->to.uri.user);
    if (const ReferTo *target = std::get_if<ReferTo>(&referTo)) {
        values.referTarget = target->target;
    }
    publishTransfer(QStringLiteral("refer-received"),
                    {{QStringLiteral("from_leg"),
                      from == caller_.get() ? QStringLiteral("caller") : QStringLiteral("callee")},
                     {QStringLiteral("refer_to"), referToLines.join(QStringLiteral(", "))},
                     {QStringLiteral("sip_call_id"), plToString(msg->callid)},
                     {QStringLiteral("transferor"), values.transferor},
                     {QStringLiteral("transferee"), values.transferee},
                     {QStringLiteral("refer_target"), values.referTarget}});
    if (peerToPeer_) {
        answerRefer(msg, 404, "Not Found",
                    QStringLiteral("SIP REFER in a peer-to-peer call: transfer needs a number "
                                   "whose application bridged the call"));
        return;
    }
    const bool fromCaller = from != nullptr && from == caller_.get();
    const bool fromCallee = from != nullptr && connected_ && from == connected_->leg.get();
    if (finished_ || !interpreter_ || !connected_ || !caller_ || !caller_->isAnswered() ||
        (!fromCaller && !fromCallee)) {
        answerRefer(msg, 404, "Not Found",
                    QStringLiteral("SIP Refer pre-conditions failed, call not in progress (not "
                                   "answered and bridged yet, or already being transferred)"));
        return;
    }
    if (const QString *error = std::get_if<QString>(&referTo)) {
        answerRefer(msg, 400, "Bad Request", *error);
        return;
    }
    const std::optional<AppLocation> app = referApplication();
    if (!app) {
        answerRefer(msg, 404, "Not Found",
                    QStringLiteral("SIP Refer failed. Set Refer URL or Refer application for "
                                   "incoming phone number %1")
                        .arg(dialled_));
        return;
    }
    const ReferTo &target = std::get<ReferTo>(referTo);
    if (target.hasReplaces) {
        warn(QStringLiteral("Refer-To carries Replaces (attended transfer): handled as a blind "
                            "transfer to %1")
                 .arg(target.target));
    }

    // 1. Detach the transferor from the bridge before anything else can race with its BYE.
    std::unique_ptr<Leg> transferor = detachTransferor(from);
    ReleasedLeg *released = keepReleased(std::move(transferor));
    // 2. 202 Accepted, then (rfc3515) NOTIFY 100 Trying; restcomm mode BYEs at once.
    (void)sip_treplyf(nullptr, nullptr, svc_.sip.sip(), msg, true, 202, "Accepted",
                      "Event: refer\r\nContent-Length: 0\r\n\r\n");
    transfer_ = values;
    publishTransfer(QStringLiteral("accepted"),
                    {{QStringLiteral("code"), 202},
                     {QStringLiteral("mode"), svc_.transferMode == TransferMode::Restcomm
                                                  ? QStringLiteral("restcomm")
                                                  : QStringLiteral("rfc3515")},
                     {QStringLiteral("refer_to_uri"), target.uri},
                     {QStringLiteral("replaces"), target.hasReplaces}});
    if (svc_.transferMode == TransferMode::Rfc3515) {
        released->notifier = std::make_unique<ReferNotifier>(svc_.sip, released->leg->dialog(),
                                                             QStringLiteral("restcomm"));
        released->notifier->notify(100, QStringLiteral("Trying"), false);
        publishTransfer(QStringLiteral("notify"),
                        {{QStringLiteral("sipfrag"), QStringLiteral("SIP/2.0 100 Trying")}});
        awaitingReferApp_ = released;
    } else {
        byeReleased(released);
    }

    // 3. The refer application runs on the transferee's leg, with the three values on every
    //    request it makes; the transferee hears ringback from now on.
    const CallRecord *record = svc_.calls.find(callSid_);
    CallInfo info;
    info.callSid = callSid_;
    info.accountSid = svc_.store.accountSid();
    info.instanceId = svc_.instanceId;
    info.from = record ? record->from : callerUser_;
    info.to = record ? record->to : dialled_;
    info.direction = record && record->direction == CallDirection::OutboundDial
                         ? QStringLiteral("outbound-dial")
                         : QStringLiteral("inbound");
    info.callStatus = QStringLiteral("in-progress");
    info.timestamp = QDateTime::currentDateTimeUtc();
    const Params extra{{QStringLiteral("ReferTarget"), values.referTarget},
                       {QStringLiteral("Transferor"), values.transferor},
                       {QStringLiteral("Transferee"), values.transferee}};
    interpreter_.emplace(info, *app, extra);
    svc_.relay.startRingback(callerMedia_, callerPayloadType_);
    publishTransfer(QStringLiteral("refer-fetch"),
                    {{QStringLiteral("url"), app->url}, {QStringLiteral("method"), app->method}});
    run(interpreter_->start());
}

std::unique_ptr<Leg> CallSession::detachTransferor(Leg *from) {
    // The old interpreter stops without hanging up (Restcomm's live-call modification): its
    // Dial never reports, its action never runs.
    dial_.reset();
    dialTimer_.cancel();
    limitTimer_.cancel();
    pauseTimer_.cancel();
    if (fetch_) {
        bury(std::shared_ptr<FetchHandle>(std::move(fetch_)));
    }
    svc_.relay.unbridge(callerMedia_);
    std::unique_ptr<Attempt> other = std::move(connected_);
    std::unique_ptr<Leg> transferor;
    if (from == other->leg.get()) {
        // The dialled party transfers: the caller's leg stays the interpreted one.
        transferor = std::move(other->leg);
        svc_.relay.releaseLeg(other->media);
        svc_.calls.setStatus(other->callSid, CallStatus::Completed);
        return transferor;
    }
    // The caller transfers (testTransferByBob): the dialled party's leg becomes the interpreted
    // leg of this session, with its own call record (Direction outbound-dial).
    transferor = std::move(caller_);
    svc_.relay.releaseLeg(callerMedia_);
    svc_.calls.setStatus(callSid_, CallStatus::Completed);
    caller_ = std::move(other->leg);
    caller_->setEvents(callerEvents());
    callerMedia_ = other->media;
    callerOffer_ = caller_->remoteSdp();
    callerUser_ = other->party.isEmpty() ? caller_->remoteUser() : other->party;
    callSid_ = other->callSid;
    callerSdpSession_ = calleeSdpSession();  // our o= line on that dialog stays the same
    callerHeld_ = other->held;
    return transferor;
}

CallSession::ReleasedLeg *CallSession::keepReleased(std::unique_ptr<Leg> transferor) {
    auto released = std::make_unique<ReleasedLeg>();
    ReleasedLeg *raw = released.get();
    released->leg = std::move(transferor);
    Leg::Events events;
    events.closed = [this, raw](int, const QString &reason) {
        // A BYE crossing ours, or the transferor hanging up before the final NOTIFY (many
        // phones BYE right after the 202): libre has answered it 200; nothing more to send.
        raw->gone = true;
        publishTransfer(QStringLiteral("transferor-hung-up"), {{QStringLiteral("reason"), reason}});
        dropReleased(raw);
    };
    events.refer = [this](const struct sip_msg *msg) {
        answerRefer(msg, 404, "Not Found",
                    QStringLiteral("SIP Refer pre-conditions failed: this call has already been "
                                   "transferred"));
    };
    events.reoffer = [](const QByteArray &, QString *error) {
        *error = QStringLiteral("the call has been transferred");
        return QByteArray();
    };
    released->leg->setEvents(std::move(events));
    released_.push_back(std::move(released));
    return raw;
}

void CallSession::onReferAppStarted(bool ok, const QString &why) {
    ReleasedLeg *released = awaitingReferApp_;
    awaitingReferApp_ = nullptr;
    if (!released || !released->notifier) {
        return;
    }
    const int code = ok ? 200 : 503;
    const QString phrase = ok ? QStringLiteral("OK") : QStringLiteral("Service Unavailable");
    released->notifier->setFinalDone([this, released](int) { byeReleased(released); });
    released->notifier->notify(code, phrase, true);
    publishTransfer(
        QStringLiteral("notify"),
        {{QStringLiteral("sipfrag"), QStringLiteral("SIP/2.0 %1 %2").arg(code).arg(phrase)},
         {QStringLiteral("final"), true},
         {QStringLiteral("reason"), why}});
    released->guard.start(kFinalNotifyGuardMs, [this, released] { byeReleased(released); });
}

void CallSession::byeReleased(ReleasedLeg *released) {
    if (awaitingReferApp_ == released) {
        awaitingReferApp_ = nullptr;
    }
    released->guard.cancel();
    if (!released->gone) {
        released->leg->hangup();  // BYE
        publishTransfer(QStringLiteral("transferor-released"),
                        {{QStringLiteral("sip_call_id"), released->leg->callId()}});
    }
    dropReleased(released);
}

void CallSession::dropReleased(ReleasedLeg *released) {
    if (awaitingReferApp_ == released) {
        awaitingReferApp_ = nullptr;
    }
    auto it = std::find_if(released_.begin(), released_.end(),
                           [released](const auto &r) { return r.get() == released; });
    if (it == released_.end()) {
        return;
    }
    released->guard.cancel();
    // We may be inside the leg's or the notifier's own libre callback: free it later.
    bury(std::shared_ptr<ReleasedLeg>(std::move(*it)));
    released_.erase(it);
}

void CallSession::publishTransfer(const QString &step, QJsonObject fields) {
    fields.insert(QStringLiteral("type"), QStringLiteral("transfer"));
    fields.insert(QStringLiteral("call_sid"), callSid_);
    fields.insert(QStringLiteral("step"), step);
    if (transfer_ && !fields.contains(QStringLiteral("transferor"))) {
        fields.insert(QStringLiteral("transferor"), transfer_->transferor);
        fields.insert(QStringLiteral("transferee"), transfer_->transferee);
        fields.insert(QStringLiteral("refer_target"), transfer_->referTarget);
    }
    svc_.events.publish(std::move(fields));
}

}  // namespace mrc
