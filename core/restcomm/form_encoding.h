#pragma once
// application/x-www-form-urlencoded as Restcomm speaks it: UTF-8, and every byte outside
// [A-Za-z0-9-._~] percent-encoded, so '+' goes out as %2B (Restcomm's ReferTest checks the
// literal bytes "Transferor=%2B131313"). Decoding accepts '+' as a space, as forms do.
#include "restcomm/http_types.h"

namespace mrc {

QByteArray formEncode(const Params &params);
QByteArray percentEncode(const QString &value);
Params formDecode(const QByteArray &encoded);

// First value of `name`, or `fallback` when absent.
QString paramValue(const Params &params, const QString &name, const QString &fallback = {});
bool hasParam(const Params &params, const QString &name);

}  // namespace mrc
