#include "restcomm/refer_to.h"

#include <QRegularExpression>
#include <QUrl>

namespace mrc {
namespace {

// Splits a header value at commas that are outside quotes and angle brackets.
QStringList splitTopLevel(const QString &value) {
    QStringList parts;
    QString current;
    bool quoted = false;
    int angle = 0;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (quoted) {
            if (c == u'\\' && i + 1 < value.size()) {
                current += c;
                current += value.at(++i);
                continue;
            }
            if (c == u'"') {
                quoted = false;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u'<') {
            ++angle;
        } else if (c == u'>' && angle > 0) {
            --angle;
        } else if (c == u',' && angle == 0) {
            parts.append(current.trimmed());
            current.clear();
            continue;
        }
        current += c;
    }
    parts.append(current.trimmed());
    return parts;
}

QString percentDecoded(const QString &text) {
    return QUrl::fromPercentEncoding(text.toUtf8());
}

// tel: numbers may carry visual separators (RFC 3966); the application wants the digits.
QString telNumber(const QString &uri) {
    QString number = uri.mid(4);
    number = number.left(number.indexOf(QRegularExpression(QStringLiteral("[;?]"))));
    number.remove(QRegularExpression(QStringLiteral("[-.() ]")));
    return percentDecoded(number);
}

}  // namespace

QString uriOfNameAddr(const QString &value) {
    const QString trimmed = value.trimmed();
    const qsizetype open = trimmed.indexOf(u'<');
    if (open >= 0) {
        const qsizetype close = trimmed.indexOf(u'>', open + 1);
        return trimmed.mid(open + 1, close < 0 ? -1 : close - open - 1).trimmed();
    }
    const qsizetype semi = trimmed.indexOf(u';');
    return (semi < 0 ? trimmed : trimmed.left(semi)).trimmed();
}

QString userOfUri(const QString &uri) {
    const qsizetype colon = uri.indexOf(u':');
    if (colon < 0) {
        return {};
    }
    const QString scheme = uri.left(colon).toLower();
    if (scheme == u"tel") {
        return telNumber(uri);
    }
    QString rest = uri.mid(colon + 1);
    rest = rest.left(rest.indexOf(u'?'));
    const qsizetype at = rest.lastIndexOf(u'@');
    if (at < 0) {
        return {};
    }
    QString user = rest.left(at);
    user = user.left(user.indexOf(u':'));  // drop a password
    return percentDecoded(user);
}

std::variant<ReferTo, QString> parseReferTo(const QStringList &values) {
    QStringList all;
    for (const QString &line : values) {
        for (const QString &part : splitTopLevel(line)) {
            if (!part.isEmpty()) {
                all.append(part);
            }
        }
    }
    if (all.isEmpty()) {
        return QStringLiteral("REFER without Refer-To");
    }
    if (all.size() > 1) {
        return QStringLiteral("REFER with %1 Refer-To values; exactly one is allowed")
            .arg(all.size());
    }
    ReferTo refer;
    QString uri = uriOfNameAddr(all.front());
    const qsizetype colon = uri.indexOf(u':');
    if (uri.isEmpty() || colon <= 0) {
        return QStringLiteral("Refer-To '%1' is not a URI").arg(all.front());
    }
    refer.scheme = uri.left(colon).toLower();
    if (refer.scheme == u"tel") {
        refer.uri = uri;
        refer.target = telNumber(uri);
        static const QRegularExpression number(QStringLiteral("^\\+?[0-9A-Fa-f*#]+$"));
        if (!number.match(refer.target).hasMatch()) {
            return QStringLiteral("Refer-To '%1' holds no telephone number").arg(uri);
        }
        return refer;
    }
    if (refer.scheme != u"sip" && refer.scheme != u"sips") {
        return QStringLiteral("Refer-To '%1' must be a sip:, sips: or tel: URI").arg(uri);
    }
    if (const qsizetype question = uri.indexOf(u'?'); question >= 0) {
        const QString headers = uri.mid(question + 1);
        refer.hasReplaces = headers.startsWith(u"Replaces=", Qt::CaseInsensitive) ||
                            headers.contains(QStringLiteral("&Replaces="), Qt::CaseInsensitive);
        uri = uri.left(question);
    }
    refer.uri = uri;
    const QString rest = uri.mid(colon + 1);
    const qsizetype at = rest.lastIndexOf(u'@');
    if (at < 0) {
        return QStringLiteral(
                   "Refer-To '%1' names only a host; a user part (who to call) is "
                   "required")
            .arg(uri);
    }
    refer.target = userOfUri(uri);
    refer.host = rest.mid(at + 1);
    refer.host = refer.host.left(refer.host.indexOf(u';'));
    if (refer.target.isEmpty()) {
        return QStringLiteral("Refer-To '%1' has an empty user part").arg(uri);
    }
    if (refer.host.isEmpty()) {
        return QStringLiteral("Refer-To '%1' has no host").arg(uri);
    }
    return refer;
}

}  // namespace mrc
