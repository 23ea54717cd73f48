#include <re.h>

#include "restcomm/registrar.h"

#include "restcomm/event_sink.h"
#include "restcomm/sip_text.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QStringList>

namespace mrc {

qint64 monotonicMs() {
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.elapsed() + 1;  // never 0
}

namespace {

struct ContactEntry {
    QString uri;
    qint64 expires = -1;  // -1: not given in the Contact
    bool star = false;
};

QList<ContactEntry> contactsOf(const struct sip_msg *msg, QString *error) {
    QList<ContactEntry> out;
    struct le *le = list_head(&msg->hdrl);
    for (; le; le = le->next) {
        const auto *hdr = static_cast<const struct sip_hdr *>(le->data);
        if (hdr->id != SIP_HDR_CONTACT) {
            continue;
        }
        if (pl_strcmp(&hdr->val, "*") == 0) {
            out.append(ContactEntry{QString(), -1, true});
            continue;
        }
        struct sip_addr addr;
        if (sip_addr_decode(&addr, &hdr->val) != 0) {
            *error = QStringLiteral("unparsable Contact: %1").arg(plToString(hdr->val));
            return {};
        }
        ContactEntry entry;
        entry.uri = plToString(addr.auri);
        struct pl expires;
        if (msg_param_decode(&addr.params, "expires", &expires) == 0) {
            entry.expires = qint64(pl_u32(&expires));
        }
        out.append(entry);
    }
    return out;
}

}  // namespace

Registrar::Registrar(struct sip *sip, const DigestAuth &auth, EventSink *events)
    : sip_(sip), auth_(auth), events_(events) {}

void Registrar::publish(const QString &login, const QString &what, const QString &detail) {
    if (events_) {
        events_->publish(QJsonObject{{QStringLiteral("type"), QStringLiteral("registration")},
                                     {QStringLiteral("login"), login},
                                     {QStringLiteral("state"), what},
                                     {QStringLiteral("detail"), detail}});
    }
}

void Registrar::handleRegister(const struct sip_msg *msg) {
    const qint64 nowMs = monotonicMs();
    const qint64 nowSecs = QDateTime::currentSecsSinceEpoch();
    const DigestAuth::Result auth = auth_.check(msg, false, nowSecs);
    if (auth.verdict != DigestAuth::Verdict::Ok) {
        if (auth.verdict == DigestAuth::Verdict::Forbidden) {
            publish(auth.login, QStringLiteral("refused"), auth.reason);
        }
        auth_.reply(sip_, msg, false, auth, nowSecs);
        return;
    }
    const QString toUser = plToString(msg->to.uri.user);
    if (toUser != auth.login) {
        publish(auth.login, QStringLiteral("refused"),
                QStringLiteral("'%1' may not register '%2'").arg(auth.login, toUser));
        (void)sip_treply(nullptr, sip_, msg, 403, "Forbidden");
        return;
    }

    QString error;
    const QList<ContactEntry> contacts = contactsOf(msg, &error);
    if (!error.isEmpty()) {
        (void)sip_treply(nullptr, sip_, msg, 400, "Bad Contact");
        return;
    }
    qint64 headerExpires = kDefaultExpiresSecs;
    if (pl_isset(&msg->expires)) {
        headerExpires = qint64(pl_u32(&msg->expires));
    }
    const QString callId = plToString(msg->callid);
    const bool star = !contacts.isEmpty() && contacts.first().star;
    if (star) {
        if (contacts.size() != 1 || headerExpires != 0) {
            (void)sip_treply(nullptr, sip_, msg, 400, "Contact * needs Expires: 0");
            return;
        }
        table_.removeAll(auth.login);
        publish(auth.login, QStringLiteral("unregistered"), QStringLiteral("all contacts"));
    }
    for (const ContactEntry &c : contacts) {
        if (c.star) {
            continue;
        }
        const qint64 expires = c.expires >= 0 ? c.expires : headerExpires;
        if (expires > 0 && expires < kMinExpiresSecs) {
            (void)sip_treplyf(nullptr, nullptr, sip_, msg, false, 423, "Interval Too Brief",
                              "Min-Expires: %lld\r\nContent-Length: 0\r\n\r\n",
                              static_cast<long long>(kMinExpiresSecs));
            return;
        }
    }
    table_.expire(nowMs);
    for (const ContactEntry &c : contacts) {
        if (c.star) {
            continue;
        }
        const qint64 expires = qMin(c.expires >= 0 ? c.expires : headerExpires, kMaxExpiresSecs);
        Binding binding;
        binding.contactUri = c.uri;
        binding.transport = QString::fromLatin1(sip_transp_name(msg->tp)).toLower();
        binding.source = saToString(&msg->src);
        binding.callId = callId;
        binding.cseq = msg->cseq.num;
        binding.userAgent = headerValue(msg, SIP_HDR_USER_AGENT);
        if (table_.update(auth.login, binding, expires, nowMs)) {
            publish(
                auth.login,
                expires > 0 ? QStringLiteral("registered") : QStringLiteral("unregistered"),
                QStringLiteral("%1 (%2 s) from %3").arg(c.uri).arg(expires).arg(binding.source));
        }
    }

    // 200 lists every live binding of this client with its remaining time (RFC 3261 §10.3).
    QByteArray contactLines;
    for (const Binding &b : table_.contacts(auth.login, nowMs)) {
        contactLines += "Contact: <" + b.contactUri.toUtf8() +
                        ">;expires=" + QByteArray::number((b.expiresAtMs - nowMs + 999) / 1000) +
                        "\r\n";
    }
    (void)sip_treplyf(nullptr, nullptr, sip_, msg, false, 200, "OK",
                      "%sDate: %s\r\nContent-Length: 0\r\n\r\n", contactLines.constData(),
                      QDateTime::currentDateTimeUtc()
                          .toString(QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
                          .toLatin1()
                          .constData());
}

}  // namespace mrc
