#include "restcomm/sip_digest.h"

#include <QCryptographicHash>

namespace mrc {

QByteArray digestHa1(const QString &login, const QString &realm, const QString &password) {
    const QByteArray input = login.toUtf8() + ':' + realm.toUtf8() + ':' + password.toUtf8();
    return QCryptographicHash::hash(input, QCryptographicHash::Md5).toHex();
}

}  // namespace mrc
