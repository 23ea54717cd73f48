#pragma once
// SIP digest (RFC 2617/3261) helpers shared by the store and the registrar.
#include <QByteArray>
#include <QString>

namespace mrc {

// HA1 = md5("login:realm:password") as 32 lower-case hex digits, the value Restcomm keeps in
// a client's password column (password_algorithm "md5").
QByteArray digestHa1(const QString &login, const QString &realm, const QString &password);

}  // namespace mrc
