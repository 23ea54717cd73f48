#pragma once
// Reading a REFER (RFC 3515) without sockets: the Refer-To target, and the user part of the
// name-addr headers (To, Contact) that Restcomm turns into Transferee and Transferor.
#include <QString>
#include <QStringList>
#include <variant>

namespace mrc {

struct ReferTo {
    QString uri;     // without display name, angle brackets and header part
    QString scheme;  // "sip", "sips" or "tel"
    // What the refer application gets as ReferTarget: the user part of a SIP URI (Restcomm
    // parity), or the number of a tel: URI (where Restcomm throws), percent-decoded.
    QString target;
    QString host;              // empty for tel:
    bool hasReplaces = false;  // ?Replaces=…: an attended transfer, handled as a blind one
};

// `values` are the Refer-To header field values of one request (one per header line; a line
// may itself hold several comma-separated values). Exactly one value is required. On failure
// returns the reason, phrased for a Reason header and the event stream.
std::variant<ReferTo, QString> parseReferTo(const QStringList &values);

// "Bob <sip:bob-0x55@127.0.0.1:5062;transport=udp>;expires=60" -> the URI inside, or the value
// up to its first ';' when it has no angle brackets.
QString uriOfNameAddr(const QString &value);

// The percent-decoded user part of a sip:/sips: URI ("" when it has none); the number of a
// tel: URI.
QString userOfUri(const QString &uri);

}  // namespace mrc
