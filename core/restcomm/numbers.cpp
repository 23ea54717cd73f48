#include "restcomm/numbers.h"

#include <QRegularExpression>

namespace mrc {

namespace {

bool allDigits(QStringView text) {
    for (const QChar c : text) {
        if (c < u'0' || c > u'9') {
            return false;
        }
    }
    return true;
}

void appendOnce(QStringList &list, const QString &value) {
    if (!value.isEmpty() && !list.contains(value)) {
        list.append(value);
    }
}

}  // namespace

QString usE164Form(const QString &dialled) {
    const bool hasPlus = dialled.startsWith(u'+');
    const QStringView digits = QStringView(dialled).mid(hasPlus ? 1 : 0);
    // libphonenumber refuses fewer than 2 digits and more than 17.
    if (digits.size() < 2 || digits.size() > 17 || !allDigits(digits)) {
        return {};
    }
    if (hasPlus) {
        return dialled;
    }
    if (digits.size() == 11 && digits.startsWith(u'1')) {
        return u'+' + digits.toString();  // national prefix 1 then 10 digits
    }
    return QStringLiteral("+1") + digits.toString();
}

QStringList numberCandidates(const QString &dialled) {
    QStringList candidates;
    appendOnce(candidates, dialled);
    if (!dialled.contains(u'*') && !dialled.contains(u'#')) {
        appendOnce(candidates, usE164Form(dialled));
    }
    if (dialled.startsWith(u'+')) {
        appendOnce(candidates, dialled.mid(1));
    } else if (!dialled.isEmpty()) {
        appendOnce(candidates, u'+' + dialled);
    }
    static const QRegularExpression dialString(QStringLiteral("^[0-9*#+]+$"));
    if (dialString.match(dialled).hasMatch()) {
        appendOnce(candidates, QString(kCatchAllNumber));
    }
    return candidates;
}

std::optional<qsizetype> matchNumberIndex(const QString &dialled, const QStringList &numbers) {
    for (const QString &candidate : numberCandidates(dialled)) {
        const qsizetype index = numbers.indexOf(candidate);
        if (index >= 0) {
            return index;
        }
    }
    return std::nullopt;
}

}  // namespace mrc
