#pragma once
// Writes the server's numbers in the formats the import reads back (pure functions).
#include "numberconfig/number_entry.h"

#include <QByteArray>

namespace numcfg {

// A Restcomm IncomingPhoneNumbers page holding every number (one page), keys in Restcomm's
// order, unset fields as null.
QByteArray exportRestcommPage(const ServerSnapshot &server, const QString &accountSid);
// ReferPhone's own export: {"referphone_config": 1, "applications": [...],
// "incoming_phone_numbers": [...]} (also loadable by mini-restcomm --config).
QByteArray exportOwn(const ServerSnapshot &server);
// CSV: a CamelCase header (Sid, then every settable field) and one line per number.
QByteArray exportCsv(const ServerSnapshot &server);

}  // namespace numcfg
