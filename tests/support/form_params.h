#pragma once
// Ordered name/value parameters and their x-www-form-urlencoded decoding, written separately
// from the server's own codec so the tests do not share its bugs.
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <functional>

namespace rptest {

using Params = QList<QPair<QString, QString>>;

// '+' decodes to a space, %XX to the byte; names may repeat.
Params decodeForm(const QByteArray &encoded);
QByteArray encodeForm(const Params &params);  // everything but [A-Za-z0-9-._~] escaped
QString value(const Params &params, const QString &name, const QString &fallback = {});
bool contains(const Params &params, const QString &name);

// Spins the event loop (so in-process servers keep answering) until `done` or the timeout.
bool waitUntil(const std::function<bool()> &done, int timeoutMs);

}  // namespace rptest
