#pragma once
// Private helpers for the libre SIP adapters: conversions between libre's pointer-length
// strings and Qt strings. Include only from .cpp files that already include <re.h>.
#include <QByteArray>
#include <QString>

namespace mrc {

inline QString plToString(const struct pl &p) {
    return p.p ? QString::fromUtf8(p.p, qsizetype(p.l)) : QString();
}
inline QByteArray plToBytes(const struct pl &p) {
    return p.p ? QByteArray(p.p, qsizetype(p.l)) : QByteArray();
}
inline QString saToString(const struct sa *addr) {
    char buf[64] = {};
    (void)re_snprintf(buf, sizeof(buf), "%J", addr);
    return QString::fromLatin1(buf);
}
inline QString headerValue(const struct sip_msg *msg, enum sip_hdrid id) {
    const struct sip_hdr *h = sip_msg_hdr(msg, id);
    return h ? plToString(h->val) : QString();
}
inline QString xheaderValue(const struct sip_msg *msg, const char *name) {
    const struct sip_hdr *h = sip_msg_xhdr(msg, name);
    return h ? plToString(h->val) : QString();
}
// The whole message as received (for events and logs).
inline QByteArray messageText(const struct sip_msg *msg) {
    return msg && msg->mb
               ? QByteArray(reinterpret_cast<const char *>(msg->mb->buf), qsizetype(msg->mb->end))
               : QByteArray();
}

}  // namespace mrc
