#include <re.h>

#include "restcomm/call_leg.h"

#include "restcomm/sip_stack.h"
#include "restcomm/sip_text.h"

namespace mrc {
namespace {

QByteArray bodyOf(const struct sip_msg *msg) {
    if (!msg || !msg->mb || mbuf_get_left(msg->mb) == 0) {
        return {};
    }
    return QByteArray(reinterpret_cast<const char *>(mbuf_buf(msg->mb)),
                      qsizetype(mbuf_get_left(msg->mb)));
}

struct mbuf *toMbuf(const QByteArray &bytes) {
    struct mbuf *mb = mbuf_alloc(size_t(bytes.size()) + 1);
    if (mb) {
        (void)mbuf_write_mem(mb, reinterpret_cast<const uint8_t *>(bytes.constData()),
                             size_t(bytes.size()));
        mb->pos = 0;
    }
    return mb;
}

QString errorText(int err) {
    return QString::fromLocal8Bit(strerror(err));
}

}  // namespace

Leg::~Leg() {
    hangup();
}

std::unique_ptr<Leg> Leg::acceptInbound(SipStack &stack, const struct sip_msg *invite,
                                        const QString &contactUser, Events events, QString *error) {
    std::unique_ptr<Leg> leg(new Leg());
    leg->stack_ = &stack;
    leg->events_ = std::move(events);
    leg->inbound_ = true;
    leg->callId_ = plToString(invite->callid);
    leg->remoteSdp_ = bodyOf(invite);
    leg->remoteUser_ = plToString(invite->from.uri.user);
    leg->remoteUri_ = plToString(invite->from.auri);
    leg->localUser_ = plToString(invite->uri.user);
    const QByteArray cuser = contactUser.toUtf8();
    const int err = sipsess_accept(&leg->session_, stack.sessionSocket(), invite, 180, "Ringing",
                                   cuser.constData(), "application/sdp", nullptr, nullptr, nullptr,
                                   false, &Leg::onOffer, &Leg::onAnswer, &Leg::onEstablished,
                                   nullptr, &Leg::onRefer, &Leg::onClose, leg.get(),
                                   "Allow: INVITE, ACK, BYE, CANCEL, OPTIONS, REFER, NOTIFY\r\n");
    if (err != 0) {
        *error = QStringLiteral("cannot accept INVITE: %1").arg(errorText(err));
        (void)sip_treply(nullptr, stack.sip(), invite, 500, "Server Internal Error");
        return nullptr;
    }
    return leg;
}

std::unique_ptr<Leg> Leg::connectOutbound(SipStack &stack, const QString &requestUri,
                                          const QString &fromName, const QString &fromUri,
                                          const QString &contactUser, const QByteArray &offer,
                                          Events events, QString *error) {
    std::unique_ptr<Leg> leg(new Leg());
    leg->stack_ = &stack;
    leg->events_ = std::move(events);
    leg->inbound_ = false;
    leg->remoteUri_ = requestUri;
    {
        struct uri parsed;
        const QByteArray bytes = requestUri.toUtf8();
        struct pl pl;
        pl_set_str(&pl, bytes.constData());
        if (uri_decode(&parsed, &pl) != 0) {
            *error = QStringLiteral("not a SIP URI: %1").arg(requestUri);
            return nullptr;
        }
        leg->remoteUser_ = plToString(parsed.user);
    }
    {
        const qsizetype colon = fromUri.indexOf(u':');
        const qsizetype at = fromUri.indexOf(u'@');
        leg->localUser_ =
            (colon >= 0 && at > colon) ? fromUri.mid(colon + 1, at - colon - 1) : QString();
    }
    const QByteArray ruri = requestUri.toUtf8();
    const QByteArray fname = fromName.toUtf8();
    const QByteArray furi = fromUri.toUtf8();
    const QByteArray cuser = contactUser.toUtf8();
    struct mbuf *desc = toMbuf(offer);
    const int err = sipsess_connect(
        &leg->session_, stack.sessionSocket(), ruri.constData(),
        fname.isEmpty() ? nullptr : fname.constData(), furi.constData(), cuser.constData(), nullptr,
        0, "application/sdp", desc, nullptr, nullptr, false, &Leg::onOffer, &Leg::onAnswer,
        &Leg::onProgress, &Leg::onEstablished, nullptr, &Leg::onRefer, &Leg::onClose, leg.get(),
        "Allow: INVITE, ACK, BYE, CANCEL, OPTIONS, REFER, NOTIFY\r\n");
    mem_deref(desc);
    if (err != 0) {
        *error = QStringLiteral("cannot send INVITE to %1: %2").arg(requestUri, errorText(err));
        return nullptr;
    }
    if (const char *cid = sip_dialog_callid(sipsess_dialog(leg->session_))) {
        leg->callId_ = QString::fromUtf8(cid);
    }
    return leg;
}

void Leg::ringing() {
    if (session_ && inbound_ && !answered_ && !closed_) {
        (void)sipsess_progress(session_, 180, "Ringing", nullptr, nullptr);
    }
}

bool Leg::answer(const QByteArray &sdp) {
    if (!session_ || !inbound_ || answered_ || closed_) {
        return false;
    }
    struct mbuf *desc = toMbuf(sdp);
    const int err = sipsess_answer(session_, 200, "OK", desc, nullptr);
    mem_deref(desc);
    answered_ = err == 0;
    return answered_;
}

void Leg::reject(int code, const QString &reason) {
    if (!session_ || !inbound_ || answered_ || closed_) {
        return;
    }
    const QByteArray text = reason.toUtf8();
    (void)sipsess_reject(session_, uint16_t(code), text.constData(), nullptr);
    closed_ = true;
    session_ = static_cast<struct sipsess *>(mem_deref(session_));
}

bool Leg::reinvite(const QByteArray &sdp) {
    if (!session_ || !answered_ || closed_) {
        return false;
    }
    struct mbuf *desc = toMbuf(sdp);
    const int err = sipsess_modify(session_, desc);
    mem_deref(desc);
    return err == 0;
}

void Leg::setHangupReason(const QString &reason) {
    if (session_ && !reason.isEmpty()) {
        (void)sipsess_set_close_headers(session_, "Reason: %s\r\n", reason.toUtf8().constData());
    }
}

bool Leg::matches(const struct sip_msg *msg) const {
    const struct sip_dialog *dlg = dialog();
    return dlg && !closed_ && sip_dialog_cmp(dlg, msg);
}

struct sip_dialog *Leg::dialog() const {
    return session_ ? sipsess_dialog(session_) : nullptr;
}

void Leg::hangup() {
    closed_ = true;
    session_ = static_cast<struct sipsess *>(mem_deref(session_));
}

int Leg::onOffer(struct mbuf **descp, const struct sip_msg *msg, void *arg) {
    auto *self = static_cast<Leg *>(arg);
    if (!self->events_.reoffer) {
        return ENOSYS;
    }
    QString error;
    const auto reoffer = self->events_.reoffer;  // the handler may replace our events
    const QByteArray answer = reoffer(bodyOf(msg), &error);
    if (answer.isEmpty()) {
        return EPROTO;
    }
    *descp = toMbuf(answer);
    return *descp ? 0 : ENOMEM;
}

int Leg::onAnswer(const struct sip_msg *msg, void *arg) {
    auto *self = static_cast<Leg *>(arg);
    const QByteArray body = bodyOf(msg);
    if (!body.isEmpty()) {
        self->remoteSdp_ = body;
    }
    if (!self->inbound_ && msg->scode >= 200 && msg->scode < 300 && !self->answered_) {
        self->answered_ = true;
        if (self->events_.answered) {
            self->events_.answered();
        }
    }
    return 0;
}

void Leg::onProgress(const struct sip_msg *msg, void *arg) {
    auto *self = static_cast<Leg *>(arg);
    if (self->events_.progress) {
        self->events_.progress(msg->scode);
    }
}

void Leg::onEstablished(const struct sip_msg *msg, void *arg) {
    auto *self = static_cast<Leg *>(arg);
    (void)msg;
    self->answered_ = true;
    if (self->events_.established) {
        self->events_.established();
    }
}

void Leg::onRefer(struct sip *sip, const struct sip_msg *msg, void *arg) {
    auto *self = static_cast<Leg *>(arg);
    if (self->events_.refer) {
        const auto refer = self->events_.refer;  // the handler may replace our events
        refer(msg);
    } else {
        (void)sip_treply(nullptr, sip, msg, 501, "Not Implemented");
    }
}

void Leg::onClose(int err, const struct sip_msg *msg, void *arg) {
    auto *self = static_cast<Leg *>(arg);
    self->closed_ = true;
    int code = 0;
    QString reason;
    if (msg && !msg->req && msg->scode >= 300) {
        code = msg->scode;
        reason = plToString(msg->reason);
    } else if (err == ETIMEDOUT) {
        code = 408;
        reason = QStringLiteral("Request Timeout");
    } else if (err != 0 && err != ECONNRESET) {
        code = 500;
        reason = errorText(err);
    } else {
        reason = msg && msg->req ? plToString(msg->met) : QStringLiteral("closed");
    }
    if (self->events_.closed) {
        const auto closed = self->events_.closed;  // the handler may replace our events
        closed(code, reason);  // must not destroy this leg: owners defer deletion
    }
}

}  // namespace mrc
