#include <re.h>

#include "restcomm/sip_stack.h"

#include "restcomm/event_sink.h"
#include "restcomm/sip_text.h"

#include <QJsonObject>

namespace mrc {
namespace {

// First line, Call-ID and CSeq of a raw SIP message, read without a full parse so that even
// a message libre refuses shows up on the event stream.
struct RawSummary {
    QByteArray firstLine;
    QByteArray callId;
    QByteArray cseq;
};

RawSummary summarize(const QByteArray &text) {
    RawSummary out;
    qsizetype pos = 0;
    bool first = true;
    while (pos < text.size()) {
        qsizetype end = text.indexOf("\r\n", pos);
        if (end < 0) {
            end = text.size();
        }
        const QByteArray line = text.mid(pos, end - pos);
        if (line.isEmpty()) {
            break;  // end of headers
        }
        if (first) {
            out.firstLine = line;
            first = false;
        } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
            const QByteArray name = line.left(colon).trimmed().toLower();
            if (name == "call-id" || name == "i") {
                out.callId = line.mid(colon + 1).trimmed();
            } else if (name == "cseq") {
                out.cseq = line.mid(colon + 1).trimmed();
            }
        }
        pos = end + 2;
    }
    return out;
}

}  // namespace

std::unique_ptr<SipStack> SipStack::create(const QString &ip, quint16 port, EventSink *events,
                                           QString *error) {
    std::unique_ptr<SipStack> stack(new SipStack());
    stack->events_ = events;
    stack->ip_ = ip;
    stack->port_ = port;

    struct sa laddr;
    if (sa_set_str(&laddr, ip.toUtf8().constData(), port) != 0) {
        *error = QStringLiteral("--sip-listen: '%1' is not an IP address").arg(ip);
        return nullptr;
    }
    int err =
        sip_alloc(&stack->sip_, nullptr, 256, 256, 256, "mini-restcomm", nullptr, stack.get());
    if (err == 0) {
        err = sip_transp_add(stack->sip_, SIP_TRANSP_UDP, &laddr);
        if (err == 0) {
            err = sip_transp_add(stack->sip_, SIP_TRANSP_TCP, &laddr);
        }
        if (err != 0) {
            *error = QStringLiteral("cannot listen for SIP on %1:%2 (UDP and TCP): %3")
                         .arg(ip)
                         .arg(port)
                         .arg(QString::fromLocal8Bit(strerror(err)));
            return nullptr;
        }
    }
    // Our listener first: libre offers each request to the listeners in registration order.
    if (err == 0) {
        err = sip_listen(&stack->listener_, stack->sip_, true, &SipStack::onRequest, stack.get());
    }
    if (err == 0) {
        err = sipsess_listen(&stack->sessionSocket_, stack->sip_, 256, &SipStack::onInvite,
                             stack.get());
    }
    if (err != 0) {
        *error =
            QStringLiteral("SIP stack setup failed: %1").arg(QString::fromLocal8Bit(strerror(err)));
        return nullptr;
    }
    sip_set_trace_handler(stack->sip_, reinterpret_cast<sip_trace_h *>(&SipStack::onTrace));
    return stack;
}

SipStack::~SipStack() {
    close();
}

void SipStack::close() {
    sessionSocket_ = static_cast<struct sipsess_sock *>(mem_deref(sessionSocket_));
    listener_ = static_cast<struct sip_lsnr *>(mem_deref(listener_));
    if (sip_) {
        sip_close(sip_, true);
        sip_ = static_cast<struct sip *>(mem_deref(sip_));
    }
}

bool SipStack::onRequest(const struct sip_msg *msg, void *arg) {
    auto *self = static_cast<SipStack *>(arg);
    return self->requestHandler_ && self->requestHandler_(msg);
}

void SipStack::onInvite(const struct sip_msg *msg, void *arg) {
    auto *self = static_cast<SipStack *>(arg);
    if (self->inviteHandler_) {
        self->inviteHandler_(msg);
    } else {
        (void)sip_treply(nullptr, self->sip_, msg, 503, "Service Unavailable");
    }
}

void SipStack::onTrace(bool tx, int transport, const struct sa *src, const struct sa *dst,
                       const unsigned char *packet, size_t length, void *arg) {
    auto *self = static_cast<SipStack *>(arg);
    if (!self->events_) {
        return;
    }
    const QByteArray text(reinterpret_cast<const char *>(packet), qsizetype(length));
    const RawSummary summary = summarize(text);
    QJsonObject event{
        {QStringLiteral("type"), QStringLiteral("sip")},
        {QStringLiteral("direction"), tx ? QStringLiteral("out") : QStringLiteral("in")},
        {QStringLiteral("transport"),
         QString::fromLatin1(sip_transp_name(static_cast<enum sip_transp>(transport)))},
        {QStringLiteral("src"), saToString(src)},
        {QStringLiteral("dst"), saToString(dst)},
        {QStringLiteral("first_line"), QString::fromUtf8(summary.firstLine)},
        {QStringLiteral("call_id"), QString::fromUtf8(summary.callId)},
        {QStringLiteral("cseq"), QString::fromUtf8(summary.cseq)},
        {QStringLiteral("text"), QString::fromUtf8(text)},
    };
    self->events_->publish(std::move(event));
}

}  // namespace mrc
