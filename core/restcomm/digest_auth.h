#pragma once
// SIP digest authentication (RFC 2617 MD5, qop=auth) for the registrar and for INVITEs from
// clients: issues stateless nonces and checks Authorization / Proxy-Authorization against the
// stored HA1 (md5(login:realm:password), as Restcomm stores client passwords).
#include <QByteArray>
#include <QString>
#include <functional>
#include <optional>

struct sip;
struct sip_msg;

namespace mrc {

class DigestAuth {
  public:
    using Ha1Lookup = std::function<std::optional<QByteArray>(const QString &login)>;  // hex HA1

    DigestAuth(QString realm, Ha1Lookup lookup);

    enum class Verdict { Ok, Challenge, Stale, Forbidden };
    struct Result {
        Verdict verdict = Verdict::Challenge;
        QString login;   // the authenticated (or claimed) user name
        QString reason;  // why it failed, for events and logs
    };
    // proxy=false: Authorization (REGISTER); proxy=true: Proxy-Authorization (INVITE).
    Result check(const struct sip_msg *msg, bool proxy, qint64 nowSecs) const;
    // Sends 401/407 with a fresh nonce, or 403; `result` from check().
    void reply(struct sip *sip, const struct sip_msg *msg, bool proxy, const Result &result,
               qint64 nowSecs) const;
    const QString &realm() const { return realm_; }

  private:
    QByteArray makeNonce(qint64 nowSecs) const;
    bool nonceFresh(const QByteArray &nonce, qint64 nowSecs, bool *wellFormed) const;

    QString realm_;
    Ha1Lookup lookup_;
    QByteArray secret_;
};

}  // namespace mrc
