#pragma once
// The phone's rules for what a user may type as a call or transfer target. The engine's
// completeSipTarget() knows numbers, user names and sip:/sips: URIs; people also paste tel:
// URIs (from web pages, `referphone tel:+1555…`). Restcomm reads only the user part of a
// Refer-To and cannot route a tel: Refer-To, so a tel: URI becomes its number and is completed
// with the account's domain like any typed number.
#include "engine/sip_target.h"

#include <QString>

namespace phone {

// "tel:+1-555-0100;phone-context=x" -> "+1-555-0100"; other text unchanged.
QString telUriToNumber(const QString &text);

// The fully qualified SIP URI for `text`, or the readable reason it is not usable.
engine::SipTarget completeTarget(const QString &text, const QString &accountDomain);

// A short human name for a SIP URI: "sip:carol@host" -> "carol"; other text unchanged.
QString userPartOf(const QString &uri);

}  // namespace phone
