#pragma once
// Turns what a user types as a call or transfer target into a fully qualified SIP URI, or
// says why it cannot. baresip sends whatever it gets (a REFER to "sip:not a uri@…", baresip-
// engine.md §7), so every target is validated here before it reaches baresip.
#include <QString>

namespace engine {

struct SipTarget {
    QString uri;    // "sip:1001@127.0.0.1:5080"; empty when invalid
    QString error;  // readable reason when invalid
    bool isValid() const { return !uri.isEmpty(); }
};

// `target`: a number ("+49 30 1234", "1001", "*21#"), a user name ("carol"), "user@host",
// or a sip:/sips: URI, optionally in <angle brackets>. `domain`: the account's host[:port],
// used to complete numbers and user names.
SipTarget completeSipTarget(const QString &target, const QString &domain);

// True for a host[:port] that may follow '@' in a SIP URI (name, IPv4 or [IPv6]).
bool isValidHostPort(const QString &hostPort);

// "<sip:a@b>" -> "sip:a@b"; other text unchanged (trimmed).
QString stripAngleBrackets(const QString &uri);

}  // namespace engine
