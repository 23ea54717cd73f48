#include <re.h>

#include "restcomm/refer_notifier.h"

#include "restcomm/sip_stack.h"

namespace mrc {
namespace {

// NOTIFY is a target-refresh request: it carries our Contact.
int printContact(enum sip_transp transport, const struct sa *src, const struct sa *dst,
                 struct mbuf *mb, void *arg) {
    (void)dst;
    const auto *self = static_cast<const ReferNotifier *>(arg);
    struct sip_contact contact;
    sip_contact_set(&contact, self->contactUser().constData(), src, transport);
    return mbuf_printf(mb, "%H", sip_contact_print, &contact);
}

}  // namespace

ReferNotifier::ReferNotifier(SipStack &stack, struct sip_dialog *dialog, QString contactUser)
    : stack_(stack),
      dialog_(static_cast<struct sip_dialog *>(mem_ref(dialog))),
      contactUser_(contactUser.toUtf8()) {}

ReferNotifier::~ReferNotifier() {
    request_ = static_cast<struct sip_request *>(mem_deref(request_));
    dialog_ = static_cast<struct sip_dialog *>(mem_deref(dialog_));
}

void ReferNotifier::notify(int code, const QString &reason, bool final) {
    if (finalQueued_ || !dialog_) {
        return;
    }
    finalQueued_ = final;
    queue_.push_back(
        Pending{QStringLiteral("SIP/2.0 %1 %2\r\n").arg(code).arg(reason).toUtf8(), final});
    if (!request_) {
        sendNext();
    }
}

void ReferNotifier::sendNext() {
    while (!queue_.empty() && !request_) {
        const Pending next = queue_.front();
        queue_.pop_front();
        inFlightFinal_ = next.final;
        // No ";id=" on Event: the first REFER of a dialog may omit it, and some desk phones
        // (Cisco) answer 489 to an id they did not expect (restcomm-behaviour.md part 2 §6.3).
        const int err = sip_drequestf(
            &request_, stack_.sip(), true, "NOTIFY", dialog_, 0, nullptr, &printContact,
            &ReferNotifier::onResponse, this,
            "Event: refer\r\n"
            "Subscription-State: %s\r\n"
            "Content-Type: message/sipfrag;version=2.0\r\n"
            "Content-Length: %zu\r\n"
            "\r\n"
            "%b",
            next.final ? "terminated;reason=noresource" : "active;expires=60",
            size_t(next.body.size()), next.body.constData(), size_t(next.body.size()));
        if (err != 0) {
            request_ = nullptr;
            if (next.final && finalDone_) {
                const auto done = finalDone_;
                done(0);  // may destroy this notifier: nothing after it
                return;
            }
        }
    }
}

void ReferNotifier::onResponse(int err, const struct sip_msg *msg, void *arg) {
    auto *self = static_cast<ReferNotifier *>(arg);
    if (msg && msg->scode < 200) {
        return;
    }
    // libre clears our handle before calling us (request.c terminate()).
    self->request_ = nullptr;
    const int code = err != 0 || !msg ? 0 : msg->scode;
    if (self->inFlightFinal_) {
        self->inFlightFinal_ = false;
        if (self->finalDone_) {
            // Copy: the callback may destroy this notifier.
            const auto done = self->finalDone_;
            done(code);
            return;
        }
    }
    self->sendNext();
}

}  // namespace mrc
