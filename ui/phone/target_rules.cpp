#include "ui/phone/target_rules.h"

namespace phone {

QString telUriToNumber(const QString &text) {
    const QString trimmed = engine::stripAngleBrackets(text);
    if (!trimmed.startsWith(QLatin1String("tel:"), Qt::CaseInsensitive)) {
        return text;
    }
    QString number = trimmed.mid(4);
    const qsizetype parameters = number.indexOf(QLatin1Char(';'));
    if (parameters >= 0) {
        number.truncate(parameters);
    }
    return number;
}

engine::SipTarget completeTarget(const QString &text, const QString &accountDomain) {
    const QString trimmed = text.trimmed();
    const QString number = telUriToNumber(trimmed);
    if (number != trimmed && number.trimmed().isEmpty()) {
        return {{}, QStringLiteral("\"%1\" has no number after \"tel:\".").arg(trimmed)};
    }
    return engine::completeSipTarget(number, accountDomain);
}

QString userPartOf(const QString &uri) {
    QString text = engine::stripAngleBrackets(uri);
    for (const QLatin1String scheme : {QLatin1String("sips:"), QLatin1String("sip:")}) {
        if (text.startsWith(scheme, Qt::CaseInsensitive)) {
            text = text.mid(scheme.size());
            break;
        }
    }
    const qsizetype at = text.indexOf(QLatin1Char('@'));
    return at > 0 ? text.left(at) : text;
}

}  // namespace phone
