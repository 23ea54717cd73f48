#include <re.h>

#include "restcomm/digest_auth.h"

#include "restcomm/sip_text.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace mrc {
namespace {
constexpr qint64 kNonceLifetimeSecs = 300;
}

DigestAuth::DigestAuth(QString realm, Ha1Lookup lookup)
    : realm_(std::move(realm)), lookup_(std::move(lookup)) {
    secret_.resize(16);
    QRandomGenerator::system()->generate(secret_.begin(), secret_.end());
}

QByteArray DigestAuth::makeNonce(qint64 nowSecs) const {
    const QByteArray stamp = QByteArray::number(nowSecs, 16);
    return stamp + QCryptographicHash::hash(stamp + ':' + secret_, QCryptographicHash::Md5).toHex();
}

bool DigestAuth::nonceFresh(const QByteArray &nonce, qint64 nowSecs, bool *wellFormed) const {
    *wellFormed = false;
    if (nonce.size() <= 32) {
        return false;
    }
    const QByteArray stamp = nonce.left(nonce.size() - 32);
    bool ok = false;
    const qint64 issued = stamp.toLongLong(&ok, 16);
    if (!ok || makeNonce(issued) != nonce) {
        return false;
    }
    *wellFormed = true;
    return nowSecs - issued <= kNonceLifetimeSecs;
}

DigestAuth::Result DigestAuth::check(const struct sip_msg *msg, bool proxy, qint64 nowSecs) const {
    Result result;
    const struct sip_hdr *hdr =
        sip_msg_hdr(msg, proxy ? SIP_HDR_PROXY_AUTHORIZATION : SIP_HDR_AUTHORIZATION);
    if (!hdr) {
        result.reason = QStringLiteral("no credentials");
        return result;  // Challenge
    }
    struct httpauth_digest_resp resp;
    if (httpauth_digest_response_decode(&resp, &hdr->val) != 0) {
        result.verdict = Verdict::Forbidden;
        result.reason = QStringLiteral("malformed Digest credentials");
        return result;
    }
    result.login = plToString(resp.username);
    if (plToString(resp.realm) != realm_) {
        result.reason = QStringLiteral("credentials for realm '%1', ours is '%2'")
                            .arg(plToString(resp.realm), realm_);
        return result;  // challenge again with our realm
    }
    bool wellFormed = false;
    if (!nonceFresh(plToBytes(resp.nonce), nowSecs, &wellFormed)) {
        result.verdict = wellFormed ? Verdict::Stale : Verdict::Challenge;
        result.reason =
            wellFormed ? QStringLiteral("stale nonce") : QStringLiteral("unknown nonce");
        return result;
    }
    const std::optional<QByteArray> ha1Hex = lookup_(result.login);
    if (!ha1Hex) {
        result.verdict = Verdict::Forbidden;
        result.reason = QStringLiteral("unknown client '%1'").arg(result.login);
        return result;
    }
    const QByteArray ha1 = QByteArray::fromHex(*ha1Hex);
    if (ha1.size() != 16 ||
        httpauth_digest_response_auth(&resp, &msg->met,
                                      reinterpret_cast<const uint8_t *>(ha1.constData())) != 0) {
        result.verdict = Verdict::Forbidden;
        result.reason = QStringLiteral("wrong password for '%1'").arg(result.login);
        return result;
    }
    result.verdict = Verdict::Ok;
    return result;
}

void DigestAuth::reply(struct sip *sip, const struct sip_msg *msg, bool proxy, const Result &result,
                       qint64 nowSecs) const {
    if (result.verdict == Verdict::Forbidden) {
        (void)sip_treply(nullptr, sip, msg, 403, "Forbidden");
        return;
    }
    const QByteArray nonce = makeNonce(nowSecs);
    const QByteArray realm = realm_.toUtf8();
    (void)sip_treplyf(nullptr, nullptr, sip, msg, false, proxy ? 407 : 401,
                      proxy ? "Proxy Authentication Required" : "Unauthorized",
                      "%s: Digest realm=\"%s\", nonce=\"%s\", algorithm=MD5, qop=\"auth\"%s\r\n"
                      "Content-Length: 0\r\n\r\n",
                      proxy ? "Proxy-Authenticate" : "WWW-Authenticate", realm.constData(),
                      nonce.constData(), result.verdict == Verdict::Stale ? ", stale=true" : "");
}

}  // namespace mrc
