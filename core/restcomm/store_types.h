#pragma once
// Value types of mini-restcomm's configuration store, shaped like Restcomm's DAO entities
// (restcomm-behaviour.md §2.1-§2.3). Empty QString means "null" in Restcomm's JSON.
#include <QDateTime>
#include <QString>

namespace mrc {

// Restcomm's AbstractEndpoint.getMethod: an absent *Method parameter means POST.
inline constexpr const char *kDefaultHttpMethod = "POST";
inline constexpr const char *kApiVersion = "2012-04-24";

struct Client {
    QString sid;  // "CL" + 32 hex
    QString login;
    // The clear password is kept (never shown by the REST API) only so that the digest HA1 can
    // be recomputed when the realm changes; Restcomm itself stores HA1 alone.
    QString password;
    QString passwordHa1;  // md5(login:realm:password) in hex, as Restcomm stores it
    QString friendlyName;
    int status = 1;  // 1 enabled, 0 disabled
    QString voiceUrl;
    QString voiceMethod = kDefaultHttpMethod;
    QString voiceFallbackUrl;
    QString voiceFallbackMethod = kDefaultHttpMethod;
    QString voiceApplicationSid;
    QDateTime dateCreated;
    QDateTime dateUpdated;

    bool operator==(const Client &) const = default;
};

struct NumberCapabilities {
    bool voice = false;
    bool sms = false;
    bool mms = false;
    bool fax = false;

    bool operator==(const NumberCapabilities &) const = default;
};

struct IncomingNumber {
    QString sid;          // "PN" + 32 hex ("PH" in old Restcomm seed data)
    QString phoneNumber;  // stored verbatim (Restcomm's isSIP=true semantics); "*" = catch-all
    QString friendlyName;
    QString voiceUrl;
    QString voiceMethod = kDefaultHttpMethod;
    QString voiceFallbackUrl;
    QString voiceFallbackMethod = kDefaultHttpMethod;
    QString statusCallback;
    QString statusCallbackMethod = kDefaultHttpMethod;
    bool voiceCallerIdLookup = false;
    QString voiceApplicationSid;
    QString smsUrl;
    QString smsMethod = kDefaultHttpMethod;
    QString smsFallbackUrl;
    QString smsFallbackMethod = kDefaultHttpMethod;
    QString smsApplicationSid;
    QString ussdUrl;
    QString ussdMethod = kDefaultHttpMethod;
    QString ussdFallbackUrl;
    QString ussdFallbackMethod = kDefaultHttpMethod;
    QString ussdApplicationSid;
    QString referUrl;
    QString referMethod = kDefaultHttpMethod;
    QString referApplicationSid;
    NumberCapabilities capabilities;
    QDateTime dateCreated;
    QDateTime dateUpdated;

    bool operator==(const IncomingNumber &) const = default;
};

struct Application {
    QString sid;  // "AP" + 32 hex
    QString friendlyName;
    QString rcmlUrl;  // absolute http(s) URL or a path relative to the HTTP base
    QString kind = QStringLiteral("voice");  // voice | sms | ussd
    QDateTime dateCreated;
    QDateTime dateUpdated;

    bool operator==(const Application &) const = default;
};

// A fresh SID: `prefix` followed by 32 lower-case hex digits (random).
QString newSid(const QString &prefix);
// True when `value` is `prefix` followed by exactly 32 hex digits.
bool isSid(const QString &prefix, const QString &value);
// Restcomm's JSON date format "EEE, d MMM yyyy HH:mm:ss +0000" (always UTC, English names).
QString restcommDate(const QDateTime &when);

// A Voice/Refer URL field: an absolute http(s) URL, a path starting with '/', or an RVD
// application name matching ^[A-Za-z0-9_-]+$. Empty is not valid (callers treat it as unset).
bool isAppReference(const QString &value);
// A client login usable as a SIP user name and digest username without escaping.
bool isValidLogin(const QString &login);
// "GET" or "POST" in any case; `normalized` receives the upper-case form.
bool isHttpMethod(const QString &value, QString *normalized = nullptr);

}  // namespace mrc
