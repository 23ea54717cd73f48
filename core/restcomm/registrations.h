#pragma once
// The registrar's binding table (pure): which contacts each client login has registered, until
// when. Fed by the REGISTER handler; read by Dial routing and by the REFER handler (a REFER's
// Contact that belongs to a binding names the client, see restcomm-behaviour.md part 1 step 3).
#include <QHash>
#include <QList>
#include <QString>
#include <optional>

namespace mrc {

struct Binding {
    QString contactUri;  // as the client sent it, without angle brackets and parameters
    QString transport;   // "udp" | "tcp"
    QString source;      // "ip:port" the REGISTER came from
    QString callId;
    quint32 cseq = 0;
    qint64 expiresAtMs = 0;  // monotonic milliseconds
    QString userAgent;
};

class RegistrationTable {
  public:
    // Adds or refreshes the binding with the same contact URI; expiresSec == 0 removes it.
    // Returns false (and changes nothing) for an out-of-order refresh: same Call-ID, CSeq not
    // higher (RFC 3261 §10.3 step 7).
    bool update(const QString &login, const Binding &binding, qint64 expiresSec, qint64 nowMs);
    void removeAll(const QString &login);
    QList<Binding> contacts(const QString &login, qint64 nowMs) const;  // live ones only
    bool isRegistered(const QString &login, qint64 nowMs) const;
    // The login whose live binding has this contact URI (user@host[:port] compared, case of the
    // host ignored), if any.
    std::optional<QString> loginForContact(const QString &contactUri, qint64 nowMs) const;
    void expire(qint64 nowMs);  // drop expired bindings
    int bindingCount() const;

  private:
    QHash<QString, QList<Binding>> bindings_;
};

// "sip:bob-0x55@127.0.0.1:5060;transport=tcp" -> "bob-0x55@127.0.0.1:5060" (scheme and
// parameters dropped, host lower-cased); used to compare contacts.
QString contactKey(const QString &uri);

}  // namespace mrc
